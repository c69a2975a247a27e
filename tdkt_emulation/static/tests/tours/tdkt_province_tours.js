/** @odoo-module */

import {registry} from "@web/core/registry";

const NOMINEES = ".o_field_widget[name=line_ids]";

// The provincial office opens a dossier a department sent it: the nominee's name and
// achievements read through the dossier; it may return the dossier, never edit or send it.
registry.category("web_tour.tours").add("tdkt_province_received_dossier_tour", {
    steps: () => [
        {
            content: "The received dossier is listed",
            trigger: ".o_list_view .o_data_row:contains('30/TTr-SNV') td[name=name]",
            run: "click",
        },
        {
            content: "Its nominee is shown with the achievements",
            trigger: `${NOMINEES} .o_data_row:contains('Nguyễn Văn Sở'):contains('một cửa')`,
        },
        {
            content: "The province may return it for completion",
            trigger: ".o_statusbar_buttons button[name=action_open_return_wizard]",
        },
        {
            content: "It neither sends nor edits the department's dossier",
            trigger:
                ".o_form_view:not(:has(button[name=action_send])) .o_field_widget[name=name].o_readonly_modifier",
        },
    ],
});
