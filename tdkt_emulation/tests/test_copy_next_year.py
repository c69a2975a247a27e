from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestCopyNextYear(TdktCommon):
    def test_copy_makes_a_draft_plan_of_next_year_with_every_task(self):
        self.task_b.quarter = "4"  # set by hand: stays in quarter IV
        self.plan.with_user(self.manager).action_approve()
        new_plan = self.plan.with_user(self.officer).copy_to_next_year()
        self.assertEqual(new_plan.year, 2031)
        self.assertEqual(new_plan.state, "draft")
        self.assertEqual(new_plan.name, "Emulation and commendation plan 2031")
        self.assertFalse(new_plan.number, "the new plan gets its own document number")
        self.assertEqual(new_plan.date_issue, date(2031, 1, 3))
        self.assertEqual(new_plan.date_registration_deadline, date(2031, 1, 30))
        self.assertEqual(len(new_plan.task_ids), 3)
        copies = {task.name: task for task in new_plan.task_ids}
        self.assertEqual(copies["Task of unit A"].date_deadline, date(2031, 2, 15))
        self.assertEqual(copies["Task of unit A"].quarter, "1")
        self.assertEqual(copies["Task of unit A"].lead_unit_id, self.unit_a)
        self.assertEqual(copies["Task of unit B"].quarter, "4")
        self.assertTrue(all(task.state == "todo" for task in new_plan.task_ids))
        self.assertEqual(len(self.plan.task_ids), 3, "the original plan keeps its tasks")

    def test_29_february_becomes_28_february(self):
        plan = self.env["tdkt.plan"].create(
            {"name": "Plan 2028", "year": 2028, "date_registration_deadline": date(2028, 2, 29)}
        )
        self.env["tdkt.plan.task"].create(
            {"plan_id": plan.id, "name": "Leap day", "date_deadline": date(2028, 2, 29)}
        )
        new_plan = plan.copy_to_next_year()
        self.assertEqual(new_plan.date_registration_deadline, date(2029, 2, 28))
        self.assertEqual(new_plan.task_ids.date_deadline, date(2029, 2, 28))

    def test_button_opens_the_new_plan(self):
        action = self.plan.with_user(self.officer).action_copy_to_next_year()
        new_plan = self.env["tdkt.plan"].browse(action["res_id"])
        self.assertEqual(new_plan.year, 2031)

    def test_unit_user_cannot_copy(self):
        with self.assertRaises(AccessError):
            self.plan.with_user(self.user_a).copy_to_next_year()
        self.assertFalse(self.env["tdkt.plan"].search([("year", "=", 2031)]))
