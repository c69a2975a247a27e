/** @odoo-module */

import {registry} from "@web/core/registry";

const ATTENDANCE = ".o_notebook .nav-link:contains('Attendance')";
const MEMBERS = ".o_field_widget[name=attendee_ids]";

// The Office prepares a session: the attendance tab says what it waits for, then lists the
// council's members to tick those present.
registry.category("web_tour.tours").add("tdkt_session_attendance_tour", {
    steps: () => [
        {
            content: "Open the attendance tab of a new session",
            trigger: ATTENDANCE,
            run: "click",
        },
        {
            content: "Before a council is chosen, the tab says what it will show",
            trigger: ".o_tdkt_attendance_placeholder:contains('Choose the council')",
        },
        {
            content: "Name the session",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Attendance session",
        },
        {
            content: "Choose the council",
            trigger: ".o_field_widget[name=council_id] input",
            run: "edit Attendance Council",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-item:not(.o_m2o_dropdown_option):contains('Attendance Council')",
            run: "click",
        },
        {
            content: "Its members are listed, each with a box to tick",
            trigger: `${MEMBERS} .form-check:contains('Attendance Member Two') input:not(:checked)`,
        },
        {
            content: "Tick the first member as present",
            trigger: `${MEMBERS} .form-check:contains('Attendance Member One') input`,
            run: "click",
        },
        {
            trigger: `${MEMBERS} .form-check:contains('Attendance Member One') input:checked`,
        },
        {
            content: "Save the session",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});

// A council member scores an initiative on a phone: every criterion reads whole and the
// points column is on the screen.
registry.category("web_tour.tours").add("tdkt_scoring_phone_tour", {
    steps: () => [
        {
            content: "Open the score card of the initiative",
            trigger:
                ".o_kanban_record:contains('Phone Initiative') button[name=action_open_scoring]",
            run: "click",
        },
        {
            content:
                "Every criterion reads whole, and its points can be entered on the screen",
            trigger:
                ".modal .o_field_widget[name=line_ids] .o_data_row:eq(2) .o_data_cell[name=criterion_id]",
            run() {
                const cells = [
                    ...document.querySelectorAll(".modal .o_data_row .o_data_cell"),
                ];
                for (const cell of cells.filter(
                    (cell) => cell.getAttribute("name") === "criterion_id"
                )) {
                    if (cell.scrollWidth > cell.clientWidth || !cell.innerText.trim()) {
                        throw new Error(`criterion cut short: ${cell.innerText}`);
                    }
                }
                for (const cell of cells.filter(
                    (cell) => cell.getAttribute("name") === "points"
                )) {
                    if (cell.getBoundingClientRect().right > window.innerWidth) {
                        throw new Error("the points column is off the screen");
                    }
                }
            },
        },
        {
            content: "Score the first criterion",
            trigger: ".modal .o_data_row:eq(0) .o_data_cell[name=points]",
            run: "click",
        },
        {
            trigger: ".modal .o_data_row:eq(0) .o_field_widget[name=points] input",
            run: "edit 25",
        },
        {
            content: "Save the score card",
            trigger: ".modal footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The card says the member has scored",
            trigger: ".o_kanban_record:contains('Phone Initiative') .badge",
        },
    ],
});

// Whether the cells of a list show their whole text: the error names the first cut short.
function assertNotCut(selector) {
    const cells = [...document.querySelectorAll(selector)];
    if (!cells.length) {
        throw new Error(`nothing matches ${selector}`);
    }
    for (const cell of cells) {
        if (cell.scrollWidth > cell.clientWidth) {
            throw new Error(`cut short: ${cell.innerText}`);
        }
    }
}

// A unit head submits a form with an ineligible line: the status badge, and the names and
// titles of the confirmation, read whole.
registry.category("web_tour.tours").add("tdkt_submit_wrap_tour", {
    steps: () => [
        {
            content: "The line's status badge reads whole",
            trigger: ".o_field_widget[name=line_ids] .o_data_row .o_field_badge .badge",
            run() {
                assertNotCut(
                    ".o_field_widget[name=line_ids] .o_data_row .o_field_badge .badge"
                );
            },
        },
        {
            content: "Submit the form",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            content: "The confirmation names each person and title whole",
            trigger: ".modal .o_data_row .o_data_cell[name=subject_name]",
            run() {
                assertNotCut(".modal .o_data_row .o_data_cell[name=subject_name]");
                assertNotCut(".modal .o_data_row .o_data_cell[name=title_id]");
            },
        },
        {
            content: "Submit anyway",
            trigger: ".modal footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The form is submitted",
            trigger:
                ".o_statusbar_status .o_arrow_button_current[data-value=submitted]",
        },
    ],
});
