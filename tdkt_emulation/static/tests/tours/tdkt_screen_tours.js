/** @odoo-module */

import { registry } from "@web/core/registry";

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
            trigger: ".o-autocomplete--dropdown-item:not(.o_m2o_dropdown_option):contains('Attendance Council')",
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
