/** @odoo-module */

import {registry} from "@web/core/registry";

// The Office starts a covenant's self-scoring and enters its own body's bonus; the
// self-score follows the result once saved.
registry.category("web_tour.tours").add("tdkt_cluster_self_scoring_tour", {
    steps: () => [
        {
            content: "Start the self-scoring",
            trigger: ".o_form_view button[name=action_start]",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status .o_arrow_button_current[data-value=self_scoring]",
        },
        {
            content: "Open the scores",
            trigger: ".o_notebook .nav-link:contains('Scores')",
            run: "click",
        },
        {
            content: "Our body's bonus",
            trigger:
                ".o_data_row:contains('Sở Nội vụ'):contains('Bonus') td[name=self_actual]",
            run: "click",
        },
        {
            trigger: ".o_data_row.o_selected_row td[name=self_actual] input",
            run: "edit 3",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The self-score follows the result",
            trigger:
                ".o_form_saved .o_data_row:contains('Sở Nội vụ'):contains('Bonus') td[name=self_score]:contains('3.00')",
        },
    ],
});
