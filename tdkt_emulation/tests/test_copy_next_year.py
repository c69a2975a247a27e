from datetime import date

from lxml import etree
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

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
        self.assertEqual(
            len(self.plan.task_ids), 3, "the original plan keeps its tasks"
        )

    def test_29_february_becomes_28_february(self):
        plan = self.env["tdkt.plan"].create(
            {
                "name": "Plan 2028",
                "year": 2028,
                "date_registration_deadline": date(2028, 2, 29),
            }
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

    def test_copying_twice_is_refused(self):
        new_plan = self.plan.with_user(self.officer).copy_to_next_year()
        self.assertEqual(new_plan.origin_plan_id, self.plan)
        with self.assertRaisesRegex(UserError, "already copied to the plan of 2031"):
            self.plan.with_user(self.officer).copy_to_next_year()
        self.assertEqual(self.env["tdkt.plan"].search([("year", "=", 2031)]), new_plan)
        # Once that copy is deleted, the plan can be copied again.
        new_plan.with_user(self.officer).unlink()
        self.assertEqual(
            self.plan.with_user(self.officer).copy_to_next_year().year, 2031
        )

    def test_button_asks_for_confirmation(self):
        arch = etree.fromstring(
            self.env["tdkt.plan"].get_view(view_type="form")["arch"]
        )
        [button] = arch.xpath("//button[@name='action_copy_to_next_year']")
        self.assertTrue(button.get("confirm"))

    def test_one_plan_per_number_and_year(self):
        Plan = self.env["tdkt.plan"]
        # Another year, another number or no number: allowed.
        Plan.create({"name": "Next year", "number": "01/KH-TEST", "year": 2031})
        Plan.create({"name": "Other number", "number": "02/KH-TEST", "year": 2030})
        Plan.create(
            [
                {"name": "No number", "year": 2030},
                {"name": "No number either", "year": 2030},
            ]
        )
        other_company = self.env["res.company"].create({"name": "Other department"})
        Plan.create(
            {
                "name": "Other company",
                "number": "01/KH-TEST",
                "year": 2030,
                "company_id": other_company.id,
            }
        )
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            Plan.create({"name": "Same number", "number": "01/KH-TEST", "year": 2030})
            Plan.flush_model()

    def test_copied_tasks_keep_their_text_and_are_flagged(self):
        self.task_a.name = "Sum up the emulation movement of 2030 and prepare 2031"
        new_plan = self.plan.with_user(self.officer).copy_to_next_year()
        copies = {task.name: task for task in new_plan.task_ids}
        summary = copies["Sum up the emulation movement of 2030 and prepare 2031"]
        self.assertTrue(summary.has_past_year)
        self.assertFalse(copies["Task of unit B"].has_past_year)
        self.assertEqual(new_plan.task_past_year_count, 1)
        # The original plan's own year is no warning.
        self.assertFalse(self.plan.task_ids.filtered("has_past_year"))
        self.assertEqual(self.plan.task_past_year_count, 0)
        arch = etree.fromstring(
            self.env["tdkt.plan"].get_view(view_type="form")["arch"]
        )
        self.assertTrue(
            arch.xpath(
                "//field[@name='task_ids']/list[@decoration-warning='has_past_year']"
            )
        )
