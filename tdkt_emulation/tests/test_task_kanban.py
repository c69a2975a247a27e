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
        self.task_a.with_user(self.officer).web_save({"quarter": "4"}, specification={"quarter": {}})
        self.assertEqual(self._quarter_groups([("plan_id", "=", self.plan.id)]), {"1": 0, "2": 1, "3": 1, "4": 1})
        self.assertTrue(self.task_a.is_quarter_manual)
