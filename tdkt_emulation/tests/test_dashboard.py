from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import TdktCommon, TdktTourCase

DASHBOARD_FIELDS = [
    "task_done_count",
    "task_due_count",
    "task_overdue_count",
    "registration_expected_count",
    "registration_submitted_count",
    "registration_received_count",
    "proposal_count",
    "proposal_summary",
    "initiative_count",
    "initiative_recognized_count",
]


@tagged("post_install", "-at_install")
class TestDashboard(TdktCommon):
    """The Office's dashboard: each plan's tasks by progress, forms against units expected,
    titles proposed by level and initiatives of the year, as the analyses count them."""

    def _progress_by_quarter(self):
        groups = (
            self.env["tdkt.plan.task.analysis"]
            .with_user(self.officer)
            ._read_group(
                [("plan_id", "=", self.plan.id)],
                ["quarter", "progress"],
                ["task_count:sum"],
            )
        )
        return {(quarter, progress): count for quarter, progress, count in groups}

    @freeze_time("2030-06-01")
    def test_tasks_done_due_and_overdue_by_quarter(self):
        self.task_a1.action_done()
        self._create_task(
            "Cancelled task", self.unit_b, date(2030, 3, 1)
        ).action_cancel()
        self.assertEqual(
            self._progress_by_quarter(),
            {("1", "overdue"): 1, ("2", "done"): 1, ("3", "due"): 1},
            "the cancelled task is left out; the deadline of 15/02 has passed on 01/06",
        )
        plan = self.plan.with_user(self.officer)
        self.assertEqual(
            (plan.task_done_count, plan.task_due_count, plan.task_overdue_count),
            (1, 1, 1),
        )
        self.assertEqual(plan.task_count, 4)

        # The analysis reads what was just written, before any flush.
        self.task_b.date_deadline = date(2030, 5, 31)
        self.assertEqual(self._progress_by_quarter()[("2", "overdue")], 1)

    def test_forms_against_the_units_expected(self):
        self._approve_plan()
        unit_c = self.env["hr.department"].create({"name": "Unit C"})
        self.plan.registration_unit_ids |= (
            unit_c  # expected, but its form was never created
        )
        self.form_a.line_ids = [
            (0, 0, {"employee_id": self.employee_a.id, "title_id": self.title_ldtt.id})
        ]
        self.form_a.with_user(self.head_a).with_context(
            tdkt_submit_confirmed=True
        ).action_submit()
        self.form_a.with_user(self.officer).action_receive()

        rows = (
            self.env["tdkt.registration.analysis"]
            .with_user(self.officer)
            .search_read(
                [("plan_id", "=", self.plan.id)],
                [
                    "unit_id",
                    "state",
                    "expected_count",
                    "submitted_count",
                    "received_count",
                    "line_count",
                ],
            )
        )
        by_unit = {row["unit_id"][0]: row for row in rows}
        self.assertEqual(set(by_unit), {self.unit_a.id, self.unit_b.id, unit_c.id})
        self.assertEqual(by_unit[self.unit_a.id]["state"], "received")
        self.assertEqual(by_unit[self.unit_a.id]["line_count"], 1)
        self.assertEqual(by_unit[self.unit_b.id]["state"], "draft")
        self.assertEqual(by_unit[unit_c.id]["state"], "none")
        plan = self.plan.with_user(self.officer)
        self.assertEqual(
            (
                plan.registration_expected_count,
                plan.registration_submitted_count,
                plan.registration_received_count,
            ),
            (3, 1, 1),
        )

    def test_every_active_registering_unit_is_expected_when_the_plan_names_none(self):
        self.env["hr.department"].create(
            {"name": "Emulation Council", "tdkt_registers": False}
        )
        self.plan.with_user(self.manager).action_approve()
        units = self.env["hr.department"].search(
            [
                ("company_id", "in", (self.company.id, False)),
                ("tdkt_registers", "=", True),
            ]
        )
        plan = self.plan.with_user(self.officer)
        self.assertEqual(plan.registration_expected_count, len(units))
        self.unit_a1.action_archive()
        plan.invalidate_recordset(["registration_expected_count"])
        self.assertEqual(plan.registration_expected_count, len(units) - 1)

    def test_a_draft_plan_expects_nothing(self):
        self.plan.registration_unit_ids = self.unit_a
        self.assertFalse(
            self.env["tdkt.registration.analysis"].search(
                [("plan_id", "=", self.plan.id)]
            )
        )

    def test_titles_proposed_by_level_and_initiatives_of_the_year(self):
        self._approve_plan()
        self.form_a.line_ids = [
            (0, 0, {"employee_id": self.employee_a.id, "title_id": self.title_ldtt.id}),
            (
                0,
                0,
                {
                    "employee_id": self.employee_head_a.id,
                    "title_id": self.title_cstdcs.id,
                },
            ),
        ]
        self.form_b.line_ids = [
            (
                0,
                0,
                {
                    "employee_id": self.employee_b.id,
                    "title_id": self.env.ref("tdkt_emulation.title_cstd_province").id,
                },
            ),
        ]
        Initiative = self.env["tdkt.initiative"]
        Initiative.create(
            [
                {"name": f"Initiative {year}", "unit_id": self.unit_a.id, "year": year}
                for year in (2030, 2031)
            ]
        )
        recognized = Initiative.create(
            {"name": "Recognized", "unit_id": self.unit_a.id, "year": 2030}
        )
        recognized.state = "recognized"

        plan = self.plan.with_user(self.officer)
        self.assertEqual(plan.proposal_count, 3)
        self.assertEqual(plan.proposal_summary, "Grassroots 2 · Provincial 1")
        self.assertEqual(
            (plan.initiative_count, plan.initiative_recognized_count), (2, 1)
        )
        action = plan.action_open_proposal_analysis()
        self.assertEqual(
            self.env["tdkt.registration.line"].search_count(action["domain"]), 3
        )

    def test_only_the_office_reads_the_dashboard(self):
        for user in (self.user_a, self.head_a):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["tdkt.plan.task.analysis"].with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.plan.with_user(user).read(["registration_expected_count"])
                self.assertTrue(self.plan.with_user(user).read(["task_overdue_count"]))

    def test_the_dashboard_reads_in_the_same_queries_for_more_plans(self):
        plans = self.plan | self.plan.copy_to_next_year()
        for _year in (2032, 2033):
            plans |= plans[-1].copy_to_next_year()
        plans.registration_unit_ids = self.unit_a | self.unit_b
        plans.with_user(self.manager).action_approve()
        Plan = self.env["tdkt.plan"].with_user(self.officer)
        spec = {name: {} for name in DASHBOARD_FIELDS}
        Plan.web_search_read(
            [("id", "in", plans.ids)], spec
        )  # warm the caches of rules and views
        counts = {}
        for count in (1, len(plans)):
            self.env.invalidate_all()
            queries_before = self.cr.sql_log_count
            Plan.web_search_read([("id", "in", plans[:count].ids)], spec)
            counts[count] = self.cr.sql_log_count - queries_before
        self.assertEqual(counts[1], counts[len(plans)], counts)


@tagged("post_install", "-at_install", "tdkt_tour")
class TestDashboardTour(TdktTourCase):
    """The Office opens the dashboard and goes from a plan's card to its analyses."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        mail_new_test_user(
            cls.env,
            login="tour_office",
            groups="tdkt_emulation.group_tdkt_officer",
            name="Tour Office",
        )
        unit = cls.env["hr.department"].create({"name": "Dashboard Unit"})
        cls.plan = cls.env["tdkt.plan"].create(
            {
                "name": "Dashboard plan",
                "year": 2031,
                "registration_unit_ids": [(6, 0, unit.ids)],
            }
        )
        cls.env["tdkt.plan.task"].create(
            {
                "plan_id": cls.plan.id,
                "name": "Dashboard task",
                "lead_unit_id": unit.id,
                "date_deadline": date(2031, 5, 1),
            }
        )
        cls.plan.action_approve()

    def test_office_opens_the_analyses_from_the_dashboard(self):
        action = self.env.ref("tdkt_emulation.tdkt_plan_action_dashboard")
        self.start_tour(
            f"/odoo/action-{action.id}", "tdkt_dashboard_tour", login="tour_office"
        )
