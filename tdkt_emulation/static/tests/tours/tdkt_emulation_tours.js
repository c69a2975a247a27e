/** @odoo-module */

import {registry} from "@web/core/registry";

const TASK = ".o_kanban_record:contains('Tour task to move')";
const OTHER_TASK = ".o_kanban_record:contains('Other unit task')";
// Every step waits for what the step before it produces, never for time: the kanban reloads
// after a click in the search panel, and a card dragged before the reload ends is lost.
const IDLE = "body:not(:has(.o_loading_indicator))";

// The four quarters fit the screen without scrolling sideways, and no badge or date is cut.
function assertKanbanFits() {
    const columns = document.querySelectorAll(".o_kanban_group");
    const lastColumn = columns[columns.length - 1];
    const right = Math.round(lastColumn.getBoundingClientRect().right);
    if (right > document.documentElement.clientWidth) {
        throw new Error(
            `Quarter IV ends at ${right} px, past the ${document.documentElement.clientWidth} px screen`
        );
    }
    for (const element of document.querySelectorAll(
        ".o_kanban_record .badge, .o_kanban_record .o_field_remaining_days"
    )) {
        if (element.scrollWidth > element.clientWidth) {
            throw new Error(`"${element.textContent.trim()}" is cut on its card`);
        }
    }
}

// The Office reschedules a task: the year's plan by quarter, four columns, a card dragged
// from Quarter I to III, which warns that the deadline is now in another quarter.
registry.category("web_tour.tours").add("tdkt_task_kanban_tour", {
    steps: () => [
        {
            content: "The kanban opens on the year's plan, its four quarters shown",
            trigger:
                ".o_search_panel_category_value header.active:contains('Tour plan')",
        },
        {
            content: "Only the tasks of that plan: the other year's task is not there",
            trigger: `.o_kanban_renderer:not(:has(.o_kanban_record:contains('Last year task'))):has(.o_kanban_group:eq(3) .o_column_title:contains('Quarter IV')) ${OTHER_TASK}`,
        },
        {
            content: "The four quarters fit the screen, every badge and date whole",
            trigger: `.o_kanban_group:eq(0) ${OTHER_TASK}`,
            run: assertKanbanFits,
        },
        {
            content: "Show the tasks led by the tour's unit",
            trigger:
                ".o_search_panel_category_value header:not(.active):contains('Tour Unit')",
            run: "click",
        },
        {
            content: "The unit is selected",
            trigger:
                ".o_search_panel_category_value header.active:contains('Tour Unit')",
        },
        {
            content:
                "The kanban has reloaded: the other unit's task is gone, the task is in Quarter I",
            trigger: `${IDLE} .o_kanban_renderer:not(:has(${OTHER_TASK})) .o_kanban_group:eq(0):contains('Quarter I') ${TASK}:not(:has(.o_tdkt_deadline_warning))`,
        },
        {
            content: "Drag the task to Quarter III",
            trigger: `${IDLE} .o_kanban_group:eq(0) ${TASK}`,
            run: "drag_and_drop(.o_kanban_group:eq(2))",
        },
        {
            content:
                "The task is now in Quarter III, with a warning: its deadline is in Quarter I",
            trigger: `.o_kanban_group:eq(2):contains('Quarter III') ${TASK} .o_tdkt_deadline_warning`,
        },
        {
            content: "The move is saved, the warning whole on the card",
            trigger: `${IDLE} .o_kanban_group:eq(0):not(:has(${TASK}))`,
            run: assertKanbanFits,
        },
    ],
});

// A unit head registers one of the unit's people and submits the unit's form.
registry.category("web_tour.tours").add("tdkt_registration_tour", {
    steps: () => [
        {
            content: "Add a line",
            trigger:
                ".o_form_saved .o_field_widget[name=line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the person",
            trigger: ".o_selected_row .o_field_widget[name=employee_id] input",
            run: "edit Tour Person",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Person')",
            run: "click",
        },
        {
            content: "Choose the title",
            trigger:
                ".o_selected_row:has(.o_field_widget[name=employee_id] input:value(Tour Person)) .o_field_widget[name=title_id] input",
            run: "edit Advanced Worker",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Advanced Worker')",
            run: "click",
        },
        {
            content: "Save the form",
            trigger:
                ".o_form_view:has(.o_form_dirty .o_selected_row .o_field_widget[name=title_id] input:value(Advanced Worker)) .o_form_button_save",
            run: "click",
        },
        {
            content: "Submit it to the Office",
            trigger:
                ".o_form_saved:has(.o_field_widget[name=line_ids] .o_data_row:not(.o_selected_row):contains('Tour Person')) button[name=action_submit]",
            run: "click",
        },
        {
            content: "The form is submitted: export it to XLSX",
            trigger:
                ".o_form_view:has(.o_statusbar_status .o_arrow_button_current:contains('Submitted')) button[name=action_export_xlsx]",
            run: "click",
        },
        {
            // The buttons stay disabled while the file downloads.
            content: "The file is downloaded",
            trigger: ".o_form_view button[name=action_export_xlsx]:enabled",
        },
    ],
});

// A council member votes from a phone: one card per agenda item, an Agree button on each.
// Every choice's button calls the same method, action_vote: the choice is in its context.
registry.category("web_tour.tours").add("tdkt_vote_tour", {
    steps: () => [
        {
            content: "Agree to the title of the item",
            trigger:
                ".o_kanban_record:contains('Tour Candidate') button[name=action_vote]:contains('Agree')",
            run: "click",
        },
        {
            content: "The card now says the member has voted, and offers no button",
            trigger:
                ".o_kanban_record:contains('Tour Candidate') .badge:contains('Voted')",
        },
        {
            trigger:
                ".o_kanban_record:contains('Tour Candidate'):not(:has(button:contains('Agree')))",
        },
    ],
});

// The Office follows a plan from the dashboard: its card, then the tasks by quarter and the
// units' forms against those expected.
registry.category("web_tour.tours").add("tdkt_dashboard_tour", {
    steps: () => [
        {
            content: "Open the plan's tasks by quarter",
            trigger:
                ".o_kanban_view .o_kanban_record:contains('Dashboard plan') button[name=action_open_task_analysis]",
            run: "click",
        },
        {
            content: "The tasks show as a graph",
            trigger: ".o_graph_renderer canvas",
        },
        {
            content: "Back to the dashboard",
            trigger:
                ".o_graph_view:has(.o_graph_renderer canvas) .o_breadcrumb .breadcrumb-item a:contains('Dashboard')",
            run: "click",
        },
        {
            content: "Open the units' forms against those expected",
            trigger:
                ".o_kanban_view:not(:has(.o_graph_renderer)) .o_kanban_record:contains('Dashboard plan') button[name=action_open_registration_analysis]",
            run: "click",
        },
        {
            content: "The expected unit is in the pivot",
            trigger: ".o_pivot .o_pivot_header_cell_closed:contains('Dashboard Unit')",
        },
    ],
});
