from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import TdktTourCase


@tagged("post_install", "-at_install", "tdkt_tour")
class TestSessionAttendanceTour(TdktTourCase):
    """The Office ticks the members present from the council's member list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        mail_new_test_user(
            cls.env,
            login="tour_attendance",
            groups="tdkt_emulation.group_tdkt_officer",
            name="Tour Attendance Officer",
        )
        cls.one, cls.two = cls.env["hr.employee"].create(
            [{"name": "Attendance Member One"}, {"name": "Attendance Member Two"}]
        )
        cls.council = cls.env["tdkt.council"].create(
            {
                "name": "Attendance Council",
                "member_ids": [
                    (0, 0, {"employee_id": cls.one.id}),
                    (0, 0, {"employee_id": cls.two.id}),
                ],
            }
        )

    def test_office_ticks_the_members_present(self):
        action = self.env.ref("tdkt_emulation.tdkt_council_session_action")
        self.start_tour(
            f"/odoo/action-{action.id}/new",
            "tdkt_session_attendance_tour",
            login="tour_attendance",
        )
        session = self.env["tdkt.council.session"].search(
            [("name", "=", "Attendance session")]
        )
        self.assertEqual(session.council_id, self.council)
        self.assertEqual(session.attendee_ids.employee_id, self.one)


@tagged("post_install", "-at_install", "tdkt_tour")
class TestScoringPhoneTour(TdktTourCase):
    """A member of the initiative council scores on a phone, in Vietnamese."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scorer = mail_new_test_user(
            cls.env,
            login="tour_scorer",
            groups="tdkt_emulation.group_tdkt_user",
            name="Tour Scorer",
            lang="vi_VN",
        )
        unit = cls.env["hr.department"].create({"name": "Scoring Unit"})
        scorer_employee, author = cls.env["hr.employee"].create(
            [
                {"name": "Tour Scorer", "user_id": cls.scorer.id},
                {"name": "Phone Author", "department_id": unit.id},
            ]
        )
        initiative = cls.env["tdkt.initiative"].create(
            {
                "name": "Phone Initiative",
                "unit_id": unit.id,
                "year": 2031,
                "solution": "Steps",
                "author_ids": [(0, 0, {"employee_id": author.id, "contribution": 100})],
            }
        )
        initiative.action_submit()
        council = cls.env["tdkt.council"].create(
            {
                "name": "Tour Initiative Council",
                "council_type": "initiative",
                "member_ids": [(0, 0, {"employee_id": scorer_employee.id})],
            }
        )
        cls.council_session = cls.env["tdkt.council.session"].create(
            {"name": "Tour scoring", "council_id": council.id, "year": 2031}
        )
        cls.council_session.action_add_agenda()
        cls.council_session.action_start_voting()

    def test_member_scores_on_a_phone(self):
        criteria = (
            self.env["tdkt.initiative.criterion"].with_context(lang="vi_VN").search([])
        )
        self.assertIn(
            "Tính mới, tính sáng tạo",
            criteria.mapped("name"),
            "the criteria read in Vietnamese",
        )
        action = self.env.ref("tdkt_emulation.tdkt_council_session_item_action_vote")
        self.start_tour(
            f"/odoo/action-{action.id}", "tdkt_scoring_phone_tour", login="tour_scorer"
        )
        item = self.council_session.item_ids
        self.assertEqual(item.voted_count, 1)
        scores = self.env["tdkt.initiative.score"].search([("item_id", "=", item.id)])
        self.assertEqual(sorted(scores.mapped("points")), [0, 0, 25])


@tagged("post_install", "-at_install", "tdkt_tour")
class TestSubmitWrapTour(TdktTourCase):
    """A unit head submits a form whose long names and statuses must read whole, in
    Vietnamese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        unit = cls.env["hr.department"].create(
            {"name": "Phòng Xây dựng chính quyền và Công tác thanh niên"}
        )
        head = mail_new_test_user(
            cls.env,
            login="tour_wrap_head",
            groups="tdkt_emulation.group_tdkt_unit_manager",
            name="Tour Wrap Head",
            lang="vi_VN",
        )
        cls.env["hr.employee"].create(
            {"name": "Tour Wrap Head", "user_id": head.id, "department_id": unit.id}
        )
        person = cls.env["hr.employee"].create(
            {"name": "Nguyễn Thị Phương Thảo Hoàng Bích Ngọc", "department_id": unit.id}
        )
        plan = cls.env["tdkt.plan"].create(
            {
                "name": "Tour plan",
                "year": 2031,
                "registration_unit_ids": [(6, 0, unit.ids)],
            }
        )
        plan.action_approve()
        cls.form = plan.registration_ids
        cls.form.line_ids = [
            (
                0,
                0,
                {
                    "employee_id": person.id,
                    "title_id": cls.env.ref("tdkt_emulation.title_cstdcs").id,
                    "rating": "excellent",
                    "months_worked": 4,
                },
            )
        ]

    def test_names_and_statuses_read_whole(self):
        self.assertEqual(self.form.line_ids.eligibility_status, "ineligible")
        action = self.env.ref("tdkt_emulation.tdkt_registration_action")
        self.start_tour(
            f"/odoo/action-{action.id}/{self.form.id}",
            "tdkt_submit_wrap_tour",
            login="tour_wrap_head",
        )
        self.assertEqual(self.form.state, "submitted")
