/** @odoo-module */

import { registry } from "@web/core/registry";

const TASK = ".o_kanban_record:contains('Tour task to move')";

// The Office reschedules a task: four quarter columns, a card dragged from Quarter I to III.
registry.category("web_tour.tours").add("tdkt_task_kanban_tour", {
    steps: () => [
        {
            content: "The kanban shows the four quarters, the last one too",
            trigger: ".o_kanban_group:eq(3) .o_column_title:contains('Quarter IV')",
        },
        {
            content: "Show the tasks led by the tour's unit",
            trigger: ".o_search_panel_label_title:contains('Tour Unit')",
            run: "click",
        },
        {
            content: "The task starts in Quarter I",
            trigger: `.o_kanban_group:eq(0):contains('Quarter I') ${TASK}`,
        },
        {
            content: "Drag the task to Quarter III",
            trigger: TASK,
            run: "drag_and_drop(.o_kanban_group:eq(2))",
        },
        {
            content: "The task is now in Quarter III",
            trigger: `.o_kanban_group:eq(2):contains('Quarter III') ${TASK}`,
        },
    ],
});

// A unit head registers one of the unit's people and submits the unit's form.
registry.category("web_tour.tours").add("tdkt_registration_tour", {
    steps: () => [
        {
            content: "Add a line",
            trigger: ".o_field_widget[name=line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the person",
            trigger: ".o_field_widget[name=employee_id] input",
            run: "edit Tour Person",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Person')",
            run: "click",
        },
        {
            content: "Choose the title",
            trigger: ".o_field_widget[name=title_id] input",
            run: "edit Advanced Worker",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Advanced Worker')",
            run: "click",
        },
        {
            content: "Save the form",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit it to the Office",
            trigger: ".o_form_saved button[name=action_submit]",
            run: "click",
        },
        {
            content: "The form is submitted",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Submitted')",
        },
    ],
});

// A council member votes from a phone: one card per agenda item, an Agree button on each.
// Every choice's button calls the same method, action_vote: the choice is in its context.
registry.category("web_tour.tours").add("tdkt_vote_tour", {
    steps: () => [
        {
            content: "Agree to the title of the item",
            trigger: ".o_kanban_record:contains('Tour Candidate') button[name=action_vote]:contains('Agree')",
            run: "click",
        },
        {
            content: "The card now says the member has voted, and offers no button",
            trigger: ".o_kanban_record:contains('Tour Candidate') .badge:contains('Voted')",
        },
        {
            trigger: ".o_kanban_record:contains('Tour Candidate'):not(:has(button:contains('Agree')))",
        },
    ],
});

// The Office follows a plan from the dashboard: its card, then the tasks by quarter and the
// units' forms against those expected.
registry.category("web_tour.tours").add("tdkt_dashboard_tour", {
    steps: () => [
        {
            content: "Open the plan's tasks by quarter",
            trigger: ".o_kanban_record:contains('Dashboard plan') button[name=action_open_task_analysis]",
            run: "click",
        },
        {
            content: "The tasks show as a graph",
            trigger: ".o_graph_renderer canvas",
        },
        {
            content: "Back to the dashboard",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Dashboard')",
            run: "click",
        },
        {
            content: "Open the units' forms against those expected",
            trigger: ".o_kanban_record:contains('Dashboard plan') button[name=action_open_registration_analysis]",
            run: "click",
        },
        {
            content: "The expected unit is in the pivot",
            trigger: ".o_pivot .o_pivot_header_cell_closed:contains('Dashboard Unit')",
        },
    ],
});
