import logging
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import TdktTourCase


@tagged("post_install", "-at_install", "tdkt_tour")
class TestTours(TdktTourCase):
    """The main path in a real browser: the Office drags a task to another quarter, a unit
    head registers a person and submits the unit's form. The screen of an office laptop."""

    browser_size = "1440x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.env["hr.department"].create({"name": "Tour Unit"})
        cls.officer = mail_new_test_user(
            cls.env,
            login="tour_officer",
            groups="tdkt_emulation.group_tdkt_officer",
            name="Tour Officer",
        )
        cls.head = mail_new_test_user(
            cls.env,
            login="tour_head",
            groups="tdkt_emulation.group_tdkt_unit_manager",
            name="Tour Head",
        )
        cls.env["hr.employee"].create(
            {"name": "Tour Head", "user_id": cls.head.id, "department_id": cls.unit.id}
        )
        cls.person = cls.env["hr.employee"].create(
            {"name": "Tour Person", "department_id": cls.unit.id}
        )
        cls.plan = cls.env["tdkt.plan"].create(
            {
                "name": "Tour plan",
                "year": 2031,
                "date_registration_deadline": date(2031, 1, 30),
                "registration_unit_ids": [(6, 0, cls.unit.ids)],
            }
        )
        other_unit = cls.env["hr.department"].create({"name": "Tour Other Unit"})
        Task = cls.env["tdkt.plan.task"]
        cls.task, cls.other_task = Task.create(
            [
                {
                    "plan_id": cls.plan.id,
                    "name": "Tour task to move",
                    "lead_unit_id": cls.unit.id,
                    "date_deadline": date(2031, 2, 10),
                },
                {
                    "plan_id": cls.plan.id,
                    "name": "Other unit task",
                    "lead_unit_id": other_unit.id,
                    "date_deadline": date(2031, 2, 20),
                },
            ]
        )
        cls.plan.action_approve()
        last_year = cls.env["tdkt.plan"].create(
            {
                "name": "Tour plan of last year",
                "year": 2030,
                "registration_unit_ids": [(6, 0, cls.unit.ids)],
            }
        )
        Task.create(
            {
                "plan_id": last_year.id,
                "name": "Last year task",
                "lead_unit_id": cls.unit.id,
                "date_deadline": date(2030, 2, 10),
            }
        )
        last_year.action_approve()

    def test_office_drags_a_task_to_another_quarter(self):
        """The menu opens on the year's approved plan (the clock says 2031), the Office
        filters a unit's tasks and drags one to Quarter III: the card warns of its deadline."""
        action = self.env.ref("tdkt_emulation.tdkt_plan_task_action_current")
        # tick: the browser's own clock is not frozen, and the tour's time-outs must run out
        with freeze_time("2031-03-01 08:00:00", tick=True):
            self.start_tour(
                f"/odoo/action-{action.id}?debug=",
                "tdkt_task_kanban_tour",
                login="tour_officer",
            )
        self.assertEqual(self.task.quarter, "3")
        self.assertTrue(self.task.is_quarter_manual)
        self.assertTrue(self.task.is_deadline_outside_quarter)
        self.assertEqual(self.other_task.quarter, "1")

    def test_unit_head_registers_and_submits(self):
        form = self.plan.registration_ids
        action = self.env.ref("tdkt_emulation.tdkt_registration_action")
        # The tour ends with Export XLSX: the web client posts the form's id to the one
        # download route, which the server's request log shows answered.
        requests = []
        handler = logging.Handler()
        handler.emit = lambda record: requests.append(record.getMessage())
        werkzeug_logger = logging.getLogger("werkzeug")
        werkzeug_logger.addHandler(handler)
        try:
            self.start_tour(
                f"/odoo/action-{action.id}/{form.id}",
                "tdkt_registration_tour",
                login="tour_head",
            )
        finally:
            werkzeug_logger.removeHandler(handler)
        self.assertEqual(form.state, "submitted")
        self.assertEqual(form.line_ids.employee_id, self.person)
        downloads = [line for line in requests if "/tdkt/document/" in line]
        self.assertEqual(len(downloads), 1, requests)
        self.assertIn('"POST /tdkt/document/registrations HTTP/1.1" 200', downloads[0])
        self.assertEqual(form.submitted_by_id, self.head)


@tagged("post_install", "-at_install", "tdkt_tour")
class TestVotingTour(TdktTourCase):
    """A council member votes on a phone-sized screen."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        unit = cls.env["hr.department"].create({"name": "Tour Unit"})
        candidate = cls.env["hr.employee"].create(
            {"name": "Tour Candidate", "department_id": unit.id}
        )
        cls.voter = mail_new_test_user(
            cls.env,
            login="tour_voter",
            groups="tdkt_emulation.group_tdkt_user",
            name="Tour Voter",
        )
        voter_employee = cls.env["hr.employee"].create(
            {"name": "Tour Voter", "user_id": cls.voter.id}
        )
        plan = cls.env["tdkt.plan"].create(
            {
                "name": "Tour plan",
                "year": 2031,
                "registration_unit_ids": [(6, 0, unit.ids)],
            }
        )
        plan.action_approve()
        plan.registration_ids.line_ids = [
            (
                0,
                0,
                {
                    "employee_id": candidate.id,
                    "title_id": cls.env.ref("tdkt_emulation.title_ldtt").id,
                },
            )
        ]
        plan.registration_ids.action_submit()
        council = cls.env["tdkt.council"].create(
            {
                "name": "Tour Council",
                "member_ids": [(0, 0, {"employee_id": voter_employee.id})],
            }
        )
        cls.council_session = cls.env["tdkt.council.session"].create(
            {
                "name": "Tour session",
                "council_id": council.id,
                "plan_id": plan.id,
                "item_ids": [
                    (0, 0, {"registration_line_id": plan.registration_ids.line_ids.id})
                ],
            }
        )
        cls.council_session.action_start_voting()

    def test_member_votes_on_a_phone(self):
        action = self.env.ref("tdkt_emulation.tdkt_council_session_item_action_vote")
        self.start_tour(
            f"/odoo/action-{action.id}", "tdkt_vote_tour", login="tour_voter"
        )
        self.assertEqual(self.council_session.item_ids.voted_count, 1)
        self.assertEqual(
            self.env["tdkt.ballot"]
            .search([("session_id", "=", self.council_session.id)])
            .choice,
            "agree",
        )
