from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestTaskKanban(TdktCommon):
    def _quarter_groups(self, domain, user=None):
        Task = self.env["tdkt.plan.task"].with_user(user or self.officer)
        result = Task.web_read_group(domain, ["quarter"], ["quarter"])
        return {group["quarter"]: group["quarter_count"] for group in result["groups"]}

    def test_four_quarter_columns_on_an_empty_domain(self):
        empty_plan = self.env["tdkt.plan"].create({"name": "Empty", "year": 2030})
        self.assertEqual(
            self._quarter_groups([("plan_id", "=", empty_plan.id)]),
            {"1": 0, "2": 0, "3": 0, "4": 0},
        )

    def test_four_quarter_columns_with_tasks(self):
        self.assertEqual(
            self._quarter_groups([("plan_id", "=", self.plan.id)]),
            {"1": 1, "2": 1, "3": 1, "4": 0},
        )
        self.assertEqual(
            self._quarter_groups([("plan_id", "=", self.plan.id)], self.user_b),
            {"1": 0, "2": 0, "3": 1, "4": 0},
        )

    def test_dragging_a_card_changes_its_quarter(self):
        # the web client writes the group's value when a card is dropped in another column
        self.task_a.with_user(self.officer).web_save(
            {"quarter": "4"}, specification={"quarter": {}}
        )
        self.assertEqual(
            self._quarter_groups([("plan_id", "=", self.plan.id)]),
            {"1": 0, "2": 1, "3": 1, "4": 1},
        )
        self.assertTrue(self.task_a.is_quarter_manual)

    def _open_menu(self, day, user=None):
        with freeze_time(day):
            return (
                self.env["tdkt.plan.task"]
                .with_user(user or self.officer)
                ._get_current_plan_action()
            )

    def test_the_menu_opens_on_the_approved_plan_of_the_current_year(self):
        Plan = self.env["tdkt.plan"]
        older = Plan.create(
            {
                "name": "Plan 2029",
                "year": 2029,
                "registration_unit_ids": [(6, 0, self.unit_a.ids)],
            }
        )
        older.action_approve()
        Plan.create({"name": "Draft plan 2030", "year": 2030})
        self.plan.registration_unit_ids = self.unit_a
        self.plan.action_approve()
        context = self._open_menu("2030-06-15")["context"]
        self.assertEqual(
            context,
            {"search_default_year": 2030, "searchpanel_default_plan_id": self.plan.id},
        )
        self.assertEqual(
            self._open_menu("2029-12-31")["context"]["searchpanel_default_plan_id"],
            older.id,
        )
        # In January the Office still works on last year's plan until this year's is approved.
        self.assertEqual(
            self._open_menu("2031-01-05")["context"],
            {"search_default_year": 2030, "searchpanel_default_plan_id": self.plan.id},
        )

    def test_the_menu_without_any_approved_plan_keeps_to_the_current_year(self):
        self.env["tdkt.plan"].search([("state", "=", "approved")]).write(
            {"state": "draft"}
        )  # the demo's
        self.assertEqual(
            self._open_menu("2030-06-15")["context"], {"search_default_year": 2030}
        )

    def test_the_menu_and_its_search_view(self):
        menu = self.env.ref("tdkt_emulation.tdkt_plan_task_menu")
        self.assertEqual(
            menu.action, self.env.ref("tdkt_emulation.tdkt_plan_task_action_current")
        )
        Task = self.env["tdkt.plan.task"].with_user(self.officer)
        search = Task.get_view(view_type="search")["arch"]
        self.assertIn(
            '<field name="year"', search, "search_default_year needs the field"
        )
        self.assertIn(
            '<field name="plan_id" icon=', search, "the search panel offers the plans"
        )
        kanban = Task.get_view(view_type="kanban")["arch"]
        self.assertIn(
            "o_tdkt_task_kanban", kanban, "the class the stylesheet is scoped to"
        )

    def test_a_task_dragged_out_of_its_deadlines_quarter_warns(self):
        self.assertFalse(self.task_a.is_deadline_outside_quarter)
        self.task_a.with_user(self.officer).web_save(
            {"quarter": "4"}, specification={"quarter": {}}
        )
        self.assertTrue(self.task_a.is_deadline_outside_quarter)
        self.task_a.with_user(self.officer).date_deadline = date(2030, 11, 30)
        self.assertFalse(
            self.task_a.is_deadline_outside_quarter, "the deadline followed the task"
        )
        self.task_a.with_user(self.officer).date_deadline = False
        self.assertFalse(self.task_a.is_deadline_outside_quarter)
