from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "tdkt_tour")
class TestSessionAttendanceTour(HttpCase):
    """The Office ticks the members present from the council's member list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        mail_new_test_user(cls.env, login="tour_attendance", groups="tdkt_emulation.group_tdkt_officer",
                           name="Tour Attendance Officer")
        cls.one, cls.two = cls.env["hr.employee"].create(
            [{"name": "Attendance Member One"}, {"name": "Attendance Member Two"}]
        )
        cls.council = cls.env["tdkt.council"].create(
            {"name": "Attendance Council",
             "member_ids": [(0, 0, {"employee_id": cls.one.id}), (0, 0, {"employee_id": cls.two.id})]}
        )

    def test_office_ticks_the_members_present(self):
        action = self.env.ref("tdkt_emulation.tdkt_council_session_action")
        self.start_tour(f"/odoo/action-{action.id}/new", "tdkt_session_attendance_tour", login="tour_attendance")
        session = self.env["tdkt.council.session"].search([("name", "=", "Attendance session")])
        self.assertEqual(session.council_id, self.council)
        self.assertEqual(session.attendee_ids.employee_id, self.one)
