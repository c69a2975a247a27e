from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestPlanWorkflow(TdktCommon):
    def test_manager_approves_then_officer_closes_then_manager_resets(self):
        self.plan.with_user(self.manager).action_approve()
        self.assertEqual(self.plan.state, "approved")
        self.assertEqual(self.plan.approved_by_id, self.manager)
        self.assertTrue(self.plan.date_approved)
        self.plan.with_user(self.officer).action_done()
        self.assertEqual(self.plan.state, "done")
        self.plan.with_user(self.manager).action_reset_to_draft()
        self.assertEqual(self.plan.state, "draft")
        self.assertFalse(self.plan.approved_by_id)

    def test_officer_cannot_approve_a_plan(self):
        with self.assertRaises(AccessError):
            self.plan.with_user(self.officer).action_approve()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.officer).write({"state": "approved"})
        self.assertEqual(self.plan.state, "draft")

    def test_unit_user_cannot_approve_or_edit_a_plan(self):
        for user in (self.user_a, self.head_a):
            with self.subTest(user=user.login):
                plan = self.plan.with_user(user)
                self.assertEqual(plan.name, self.plan.name, "units read the plan")
                with self.assertRaises(AccessError):
                    plan.action_approve()
                with self.assertRaises(AccessError):
                    plan.write({"name": "Changed by a unit"})
                with self.assertRaises(AccessError):
                    self.env["tdkt.plan"].with_user(user).create(
                        {"name": "Mine", "year": 2030}
                    )
        self.assertEqual(self.plan.state, "draft")

    def test_buttons_follow_group_and_state(self):
        plan_as = {
            user: self.plan.with_user(user)
            for user in (self.user_a, self.officer, self.manager)
        }
        self.assertFalse(plan_as[self.user_a].can_edit)
        self.assertFalse(plan_as[self.officer].can_approve)
        self.assertTrue(plan_as[self.officer].can_edit)
        self.assertTrue(plan_as[self.manager].can_approve)
        self.plan.with_user(self.manager).action_approve()
        self.plan.invalidate_recordset()
        self.assertTrue(self.plan.with_user(self.officer).can_close)
        self.assertTrue(self.plan.with_user(self.officer).can_edit)
        self.assertFalse(self.plan.with_user(self.user_a).can_edit)

    def test_approved_plan_is_editable_by_the_office_only(self):
        self.plan.with_user(self.manager).action_approve()
        self.plan.with_user(self.officer).write({"place_issue": "Hà Nội"})
        self.assertEqual(self.plan.place_issue, "Hà Nội")
        with self.assertRaises(AccessError):
            self.plan.with_user(self.user_a).write({"place_issue": "Elsewhere"})

    def test_done_plan_is_read_only(self):
        self.plan.with_user(self.manager).action_approve()
        self.plan.with_user(self.officer).action_done()
        for user in (self.officer, self.manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.plan.with_user(user).write({"name": "Changed after closing"})
        with self.assertRaises(UserError):
            self.task_a.with_user(self.officer).write({"name": "Changed after closing"})

    def test_wrong_transitions_are_refused(self):
        with self.assertRaises(UserError):
            self.plan.with_user(self.officer).action_done()
        with self.assertRaises(UserError):
            self.plan.with_user(self.manager).action_reset_to_draft()
        self.plan.with_user(self.manager).action_approve()
        with self.assertRaises(UserError):
            self.plan.with_user(self.manager).action_approve()

    def test_only_draft_plans_can_be_deleted(self):
        self.plan.with_user(self.manager).action_approve()
        with self.assertRaises(UserError):
            self.plan.with_user(self.manager).unlink()
        self.plan.with_user(self.manager).action_reset_to_draft()
        self.plan.with_user(self.officer).unlink()
        self.assertFalse(self.task_a.exists(), "the tasks go with their plan")

    def test_bad_year_is_refused(self):
        for year in (0, -5, 20300):
            with self.subTest(year=year), self.assertRaises(ValidationError):
                self.env["tdkt.plan"].create({"name": "Bad", "year": year})
        with self.assertRaises(ValidationError):
            self.plan.write({"year": 2031})  # its tasks' deadlines are in 2030

    def test_registration_deadline_in_the_plans_year_after_its_issue(self):
        # In the plan's year or the next January, after the issue date (3 January 2030).
        for deadline in (date(2030, 1, 4), date(2030, 12, 31), date(2031, 1, 31)):
            with self.subTest(deadline=deadline):
                self.plan.date_registration_deadline = deadline
                self.assertEqual(self.plan.date_registration_deadline, deadline)
        for deadline, message in (
            (date(2029, 12, 31), "must fall in 2030 or in January 2031"),
            (date(2031, 2, 1), "must fall in 2030 or in January 2031"),
            (date(2030, 1, 3), "must come after the plan's issue date 03/01/2030"),
            (date(2030, 1, 2), "must come after the plan's issue date 03/01/2030"),
        ):
            with self.subTest(deadline=deadline):
                with self.assertRaises(ValidationError) as caught:
                    self.plan.date_registration_deadline = deadline
                self.assertIn(message, str(caught.exception))
        self.assertEqual(self.plan.date_registration_deadline, date(2031, 1, 31))
        # Moving the issue date or the year is checked against the deadline too.
        with self.assertRaisesRegex(
            ValidationError, "must come after the plan's issue date"
        ):
            self.plan.date_issue = date(2031, 2, 1)
        with self.assertRaisesRegex(
            ValidationError, "must fall in 2028 or in January 2029"
        ):
            self.env["tdkt.plan"].create(
                {
                    "name": "Plan 2028",
                    "year": 2028,
                    "date_registration_deadline": date(2030, 1, 30),
                }
            )

    def test_display_name_joins_number_and_title(self):
        self.assertEqual(
            self.plan.display_name, "01/KH-TEST - Emulation and commendation plan 2030"
        )

    def test_document_date_line(self):
        self.plan.place_issue = "Lạng Sơn"
        self.assertEqual(self.plan.document_date, "Lạng Sơn, ngày 03 tháng 01 năm 2030")

    def test_a_plan_naming_no_unit_sends_forms_to_the_registering_units_of_its_company(
        self,
    ):
        Department = self.env["hr.department"]
        council = Department.create(
            {"name": "Emulation Council", "tdkt_registers": False}
        )
        archived = Department.create({"name": "Former Unit", "active": False})
        other_company = self.env["res.company"].create(
            {"name": "Other Department of Home Affairs"}
        )
        foreign = Department.create(
            {"name": "Foreign Unit", "company_id": other_company.id}
        )
        plan = self.plan.with_user(self.officer)
        expected = plan.registration_expected_unit_ids
        self.assertLessEqual(self.unit_a | self.unit_a1 | self.unit_b, expected)
        self.assertFalse(expected & (council | archived | foreign))
        self.assertFalse(expected.filtered(lambda unit: not unit.tdkt_registers))
        self.plan.with_user(self.manager).action_approve()
        self.assertEqual(
            self.plan.registration_ids.unit_id,
            expected,
            "the units announced are those that get a form",
        )

    def test_the_units_receiving_a_form_are_the_registering_units_when_named(self):
        self.plan.registration_unit_ids = self.unit_a
        self.assertEqual(
            self.plan.with_user(self.officer).registration_expected_unit_ids,
            self.unit_a,
        )
        arch = (
            self.env["tdkt.plan"]
            .with_user(self.officer)
            .get_view(view_type="form")["arch"]
        )
        self.assertIn(
            'name="registration_expected_unit_ids"', arch, "the plan's form shows them"
        )
