import {download} from "@web/core/network/download";
import {registry} from "@web/core/registry";

/**
 * Downloads a file of the addon's one download route, posting the action's data (the ids
 * of a selection, whatever their number) in the body of the request with the session's
 * CSRF token, never in the URL. An error of the server shows in the usual dialog.
 */
async function tdktDownload(env, action) {
    env.services.ui.block();
    try {
        await download({url: action.params.url, data: action.params.data});
    } finally {
        env.services.ui.unblock();
    }
}

registry.category("actions").add("tdkt_emulation.download", tdktDownload);
