/** @odoo-module */

import {registry} from "@web/core/registry";

// A council member proposed for a title sees, on the voting screen, that she is recused
// from her own item and votes on the other one.
registry.category("web_tour.tours").add("tdkt_recused_vote_tour", {
    steps: () => [
        {
            content: "Her own item says she is recused, and offers no button",
            trigger:
                ".o_kanban_record:contains('Tour Recused Voter') .o_tdkt_recused:contains('You are recused')",
        },
        {
            trigger:
                ".o_kanban_record:contains('Tour Recused Voter'):not(:has(button[name=action_vote]))",
        },
        {
            content: "She votes on the other item",
            trigger:
                ".o_kanban_record:contains('Tour Colleague') button[name=action_vote]:contains('Agree')",
            run: "click",
        },
        {
            trigger:
                ".o_kanban_record:contains('Tour Colleague') .badge:contains('Voted')",
        },
    ],
});
