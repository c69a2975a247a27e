from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestRecordRules(TdktCommon):
    def _visible_tasks(self, user):
        return (
            self.env["tdkt.plan.task"]
            .with_user(user)
            .search([("plan_id", "=", self.plan.id)])
        )

    def test_unit_user_sees_own_unit_and_sub_units_only(self):
        self.assertEqual(self._visible_tasks(self.user_a), self.task_a | self.task_a1)
        self.assertEqual(self._visible_tasks(self.user_b), self.task_b)

    def test_user_of_unit_a_cannot_read_or_write_a_task_of_unit_b(self):
        with self.assertRaises(AccessError):
            self.task_b.with_user(self.user_a).read(["name"])
        with self.assertRaises(AccessError):
            self.task_b.with_user(self.user_a).write(
                {"progress_note": "<p>Not mine</p>"}
            )

    def test_participating_unit_and_responsible_user_see_the_task(self):
        self.task_b.participant_unit_ids = self.unit_a1
        self.assertIn(self.task_b, self._visible_tasks(self.user_a))
        self.task_b.participant_unit_ids = False
        self.task_b.user_ids = self.user_a
        self.assertIn(self.task_b, self._visible_tasks(self.user_a))

    def test_rules_follow_a_person_who_changes_unit(self):
        self.assertEqual(self._visible_tasks(self.user_a), self.task_a | self.task_a1)
        self.employee_a.department_id = self.unit_b
        self.assertEqual(self._visible_tasks(self.user_a), self.task_b)

    def test_unit_head_sees_the_unit_they_manage(self):
        self.employee_head_a.department_id = False
        self.assertEqual(self._visible_tasks(self.head_a), self.task_a | self.task_a1)

    def test_office_and_managers_see_every_unit(self):
        everything = self.task_a | self.task_a1 | self.task_b
        self.assertEqual(self._visible_tasks(self.officer), everything)
        self.assertEqual(self._visible_tasks(self.manager), everything)

    def test_user_without_unit_or_group_sees_no_task(self):
        self.assertFalse(
            self._visible_tasks(self.user_a.copy({"login": "tdkt_no_unit"}))
        )
        with self.assertRaises(AccessError):
            self._visible_tasks(self.outsider)
        with self.assertRaises(AccessError):
            self.env["tdkt.plan"].with_user(self.outsider).search([])

    def test_my_unit_filter(self):
        Task = self.env["tdkt.plan.task"].with_user(self.officer)
        self.assertEqual(
            Task.search([("plan_id", "=", self.plan.id), ("is_in_my_unit", "=", True)]),
            self.task_b,
        )
        self.assertEqual(
            Task.search(
                [("plan_id", "=", self.plan.id), ("is_in_my_unit", "!=", True)]
            ),
            self.task_a | self.task_a1,
        )

    def test_other_company_records_are_hidden(self):
        other = self.env["res.company"].create({"name": "Other Department"})
        plan = self.env["tdkt.plan"].create(
            {"name": "Other plan", "year": 2030, "company_id": other.id}
        )
        self.assertNotIn(plan, self.env["tdkt.plan"].with_user(self.officer).search([]))
        self.manager.write({"company_ids": [(4, other.id)]})
        plans = (
            self.env["tdkt.plan"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.company.id, other.id])
            .search([])
        )
        self.assertIn(plan, plans)
