import io
from itertools import takewhile

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from ..lib.dates import document_date
from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestCouncilSession(TdktCommon):
    """An emulation-commendation council of 7 reviews unit A's received registrations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()
        Line = cls.env["tdkt.registration.line"]
        cls.line_ldtt, cls.line_cstdcs, cls.line_province = Line.create(
            [
                {
                    "registration_id": cls.form_a.id,
                    "employee_id": cls.employee_a.id,
                    "title_id": cls.title_ldtt.id,
                },
                {
                    "registration_id": cls.form_a.id,
                    "employee_id": cls.employee_head_a.id,
                    "title_id": cls.title_cstdcs.id,
                },
                {
                    "registration_id": cls.form_a.id,
                    "employee_id": cls.employee_head_a.id,
                    "title_id": cls.env.ref("tdkt_emulation.title_cstd_province").id,
                },
            ]
        )
        cls.form_a.with_user(cls.head_a).with_context(
            tdkt_submit_confirmed=True
        ).action_submit()
        cls.form_a.with_user(cls.officer).action_receive()
        # The titles above LĐTT lack their facts here: the Office puts them before the council anyway.
        ineligible = cls.form_a.line_ids.filtered(
            lambda line: line.eligibility_status == "ineligible"
        )
        ineligible.with_user(cls.officer)._override_eligibility(
            "Reviewed on the paper file"
        )
        cls.council, cls.members = cls._create_council("emulation", 7)
        cls.session = (
            cls.env["tdkt.council.session"]
            .with_user(cls.officer)
            .create(
                {
                    "name": "Review 2030",
                    "council_id": cls.council.id,
                    "plan_id": cls.plan.id,
                }
            )
        )
        cls.session.action_add_agenda()
        cls.items = {item.registration_line_id: item for item in cls.session.item_ids}

    def _vote(self, line, choices):
        """Each of the first members casts the next choice on ``line``'s item."""
        for user, choice in zip(self.members, choices, strict=False):
            self.items[line].with_user(user).action_vote(choice)

    def test_agenda_collects_the_received_lines(self):
        self.assertEqual(self.session.year, 2030)
        self.assertEqual(
            set(self.items), {self.line_ldtt, self.line_cstdcs, self.line_province}
        )
        # A line on a session that is not closed cannot go on another one.
        other = (
            self.env["tdkt.council.session"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Second",
                    "council_id": self.council.id,
                    "plan_id": self.plan.id,
                }
            )
        )
        other.action_add_agenda()
        self.assertFalse(other.item_ids)
        with self.assertRaisesRegex(
            ValidationError, "already on the agenda of Review 2030"
        ):
            other.item_ids = [(0, 0, {"registration_line_id": self.line_ldtt.id})]

    def test_new_session_form_before_a_council_is_chosen(self):
        # The form of a new session computes "I am a member" before any council is chosen.
        Session = self.env["tdkt.council.session"].with_user(self.officer)
        values = Session.onchange(
            {}, [], {"council_id": {}, "is_member": {}, "name": {}}
        )["value"]
        self.assertFalse(values["is_member"])
        form = Form(Session)
        self.assertFalse(form.is_member)
        form.name = "Review 2031"
        form.council_id = self.council
        self.assertFalse(form.is_member, "the officer is not a member of the council")
        self.assertEqual(form.save().council_id, self.council)
        # An agenda line not yet on a session is not votable either.
        self.assertFalse(
            self.env["tdkt.council.session.item"]
            .with_user(self.officer)
            .new({})
            .can_vote
        )

    def test_draft_registration_cannot_be_reviewed(self):
        line_b = self.env["tdkt.registration.line"].create(
            {
                "registration_id": self.form_b.id,
                "employee_id": self.employee_b.id,
                "title_id": self.title_ldtt.id,
            }
        )
        with self.assertRaisesRegex(
            ValidationError, "not on a submitted registration form"
        ):
            self.session.item_ids = [(0, 0, {"registration_line_id": line_b.id})]

    def test_seven_members_thresholds_with_absent_members(self):
        self.session.with_user(self.officer).action_start_voting()
        # 5 agree of 7 (2 absent): 71.43% meets 70%
        self._vote(self.line_ldtt, ["agree"] * 5)
        # 4 agree, 3 disagree: 57.14% misses the 80% regime C sets for this title
        self._vote(self.line_cstdcs, ["agree"] * 4 + ["disagree"] * 3)
        # a provincial title needs 90%: 6 agree and 1 abstains is 85.71%
        self._vote(self.line_province, ["agree"] * 6 + ["abstain"])
        self.session.with_user(self.officer).action_close()

        ldtt, cstdcs, province = (
            self.items[line]
            for line in (self.line_ldtt, self.line_cstdcs, self.line_province)
        )
        self.assertRecordValues(
            ldtt | cstdcs | province,
            [
                {
                    "agree_count": 5,
                    "disagree_count": 0,
                    "abstain_count": 0,
                    "valid_count": 5,
                    "member_count": 7,
                    "agree_share": 71.43,
                    "threshold": 70.0,
                    "outcome": "approved",
                },
                {
                    "agree_count": 4,
                    "disagree_count": 3,
                    "abstain_count": 0,
                    "valid_count": 7,
                    "member_count": 7,
                    "agree_share": 57.14,
                    "threshold": 80.0,
                    "outcome": "rejected",
                },
                {
                    "agree_count": 6,
                    "disagree_count": 0,
                    "abstain_count": 1,
                    "valid_count": 7,
                    "member_count": 7,
                    "agree_share": 85.71,
                    "threshold": 90.0,
                    "outcome": "rejected",
                },
            ],
        )
        self.assertRecordValues(
            self.line_ldtt | self.line_cstdcs,
            [
                {
                    "vote_session_id": self.session.id,
                    "vote_agree_count": 5,
                    "vote_member_count": 7,
                    "vote_share": 71.43,
                    "vote_threshold": 70.0,
                    "vote_outcome": "approved",
                },
                {
                    "vote_session_id": self.session.id,
                    "vote_agree_count": 4,
                    "vote_member_count": 7,
                    "vote_share": 57.14,
                    "vote_threshold": 80.0,
                    "vote_outcome": "rejected",
                },
            ],
        )
        self.assertEqual(self.session.state, "closed")
        self.assertEqual(self.session.member_count, 7)
        self.assertEqual(self.session.voter_count, 7)
        ballots = self.env["tdkt.ballot"].search([("session_id", "=", self.session.id)])
        self.assertEqual(len(ballots), 19)
        self.assertEqual(
            sorted(ballots.filtered(lambda b: b.item_id == ldtt).mapped("choice")),
            ["agree"] * 5,
        )

    def test_one_ballot_per_member_per_item(self):
        self.session.with_user(self.officer).action_start_voting()
        item = self.items[self.line_ldtt].with_user(self.members[0])
        item.action_vote("agree")
        self.assertTrue(item.is_voted)
        self.assertFalse(item.can_vote)
        with self.assertRaises(UserError) as refused:
            item.action_vote("disagree")
        # Odoo logs the refusal with the worker's request: it names neither the item nor its subject.
        self.assertIn("already voted", str(refused.exception))
        self.assertNotIn(self.line_ldtt.employee_id.name, str(refused.exception))
        # voting on another item is still possible
        self.items[self.line_cstdcs].with_user(self.members[0]).action_vote("disagree")
        self.assertEqual(self.items[self.line_ldtt].voted_count, 1)
        self.assertEqual(
            self.env["tdkt.ballot"].search_count(
                [("session_id", "=", self.session.id)]
            ),
            2,
        )

    def test_non_members_cannot_vote(self):
        self.session.with_user(self.officer).action_start_voting()
        item = self.items[self.line_ldtt]
        for user in (self.user_b, self.officer, self.manager):
            with self.assertRaises(AccessError, msg=user.login):
                item.with_user(user).action_vote("agree")
        self.assertEqual(item.voted_count, 0)

    def test_no_vote_before_or_after_voting(self):
        item = self.items[self.line_ldtt].with_user(self.members[0])
        with self.assertRaisesRegex(UserError, "not open for voting"):
            item.action_vote("agree")
        self.session.with_user(self.officer).action_start_voting()
        self.session.with_user(self.officer).action_close()
        with self.assertRaisesRegex(UserError, "not open for voting"):
            item.action_vote("agree")

    def test_ballots_never_name_the_voter(self):
        Ballot = self.env["tdkt.ballot"]
        people = {"res.users", "res.partner", "hr.employee", "tdkt.council.member"}
        self.assertFalse(
            [
                name
                for name, field in Ballot._fields.items()
                if field.type in ("many2one", "many2many", "one2many")
                and field.comodel_name in people
            ],
            "a ballot has no field that points to a person",
        )
        self.assertNotIn("create_uid", Ballot._fields)
        self.assertNotIn("write_uid", Ballot._fields)

        self.session.with_user(self.officer).action_start_voting()
        self.env.flush_all()
        last_writer = self.items[self.line_ldtt].write_uid
        self._vote(self.line_ldtt, ["agree", "disagree", "agree"])
        # While voting, nobody reads a ballot, not even the Office or a Manager.
        for user in (self.officer, self.manager):
            self.assertFalse(Ballot.with_user(user).search([]), user.login)
        for user in (self.members[0], self.user_a, self.head_a, self.outsider):
            with self.assertRaises(AccessError, msg=user.login):
                Ballot.with_user(user).search([])
        # The item keeps who voted, for the Office only, and its last writer is not a voter's.
        item = self.items[self.line_ldtt]
        self.assertEqual(
            item.with_user(self.officer).voted_member_ids.user_id,
            self.members[0] | self.members[1] | self.members[2],
        )
        self.assertEqual(item.write_uid, last_writer)
        self.assertNotIn(item.write_uid, self.members)
        with self.assertRaises(AccessError):
            item.with_user(self.members[0]).read(["voted_member_ids"])

        self.session.with_user(self.officer).action_close()
        for user in (self.members[0], self.user_a, self.head_a, self.outsider):
            with self.assertRaises(AccessError, msg=user.login):
                Ballot.with_user(user).search([])
        for user in (self.officer, self.manager):
            ballots = Ballot.with_user(user).search_read(
                [("session_id", "=", self.session.id)]
            )
            self.assertEqual(len(ballots), 3)
            self.assertEqual(
                set(ballots[0]),
                {"id", "item_id", "session_id", "company_id", "choice", "display_name"},
            )
        # Nothing a person can read in the chatter tells a choice either.
        bodies = " ".join(self.session.message_ids.mapped("body"))
        self.assertNotIn("agree", bodies.lower())

    def test_closed_session_is_locked(self):
        officer_session = self.session.with_user(self.officer)
        officer_session.action_start_voting()
        with self.assertRaisesRegex(UserError, "agenda can change only"):
            officer_session.item_ids[0].unlink()
        officer_session.action_close()
        with self.assertRaisesRegex(UserError, "closed session is read-only"):
            officer_session.name = "Renamed"
        with self.assertRaises(UserError):
            officer_session.action_close()
        with self.assertRaises(UserError):
            officer_session.action_start_voting()
        with self.assertRaises(UserError):
            officer_session.unlink()
        with self.assertRaises(AccessError):
            officer_session.write({"state": "draft"})
        with self.assertRaises(AccessError):
            officer_session.item_ids[0].write({"outcome": "approved"})
        with self.assertRaises(AccessError):
            self.line_cstdcs.with_user(self.officer).write({"vote_outcome": "approved"})

    def test_members_cannot_change_while_voting(self):
        self.session.with_user(self.officer).action_start_voting()
        with self.assertRaisesRegex(UserError, "cannot change while"):
            self.council.member_ids[-1].unlink()
        with self.assertRaisesRegex(UserError, "cannot change while"):
            self.council.member_ids = [(0, 0, {"employee_id": self.employee_a.id})]

    def test_members_see_their_councils_sessions_only(self):
        Session = self.env["tdkt.council.session"]
        self.assertEqual(Session.with_user(self.members[0]).search([]), self.session)
        self.assertFalse(Session.with_user(self.user_a).search([]))
        initiative_council, initiative_members = self._create_council("initiative", 2)
        self.assertFalse(Session.with_user(initiative_members[0]).search([]))
        # A member reads the agenda without access to the registration forms.
        item = self.items[self.line_ldtt].with_user(self.members[0])
        self.assertEqual(item.name, self.line_ldtt.display_name)
        self.assertEqual(item.unit_id, self.unit_a)
        with self.assertRaises(AccessError):
            self.line_ldtt.with_user(self.members[0]).read(["subject_name"])
        with self.assertRaises(AccessError):
            self.session.with_user(self.members[0]).action_start_voting()

    def test_review_results_xlsx(self):
        # Printed in Vietnamese, the titles' names included.
        ldtt = self.title_ldtt.with_context(lang="vi_VN").name
        self.session.with_user(self.officer).action_start_voting()
        self._vote(self.line_ldtt, ["agree"] * 5)
        Report = self.env["tdkt.xlsx.report"]
        with self.assertRaisesRegex(UserError, "once it is closed"):
            Report.render("council_session", self.session)
        self.session.with_user(self.officer).action_close()
        # Worded in Vietnamese whatever the reader's language.
        self.members[0].lang = "en_US"
        content, filename, _mimetype = Report.with_user(self.members[0]).render(
            "council_session", self.session.with_user(self.members[0])
        )
        self.assertTrue(filename.endswith(".xlsx"))
        sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
        rows = list(takewhile(any, sheet.iter_rows(min_row=9, values_only=True)))
        self.assertEqual(len(rows), 3)
        by_subject = {(row[1], row[3]): row for row in rows}
        row = by_subject[(self.employee_a.name, ldtt)]
        self.assertEqual(row[2], "Unit A")
        self.assertEqual(row[4:11], (5, 0, 0, 5, 7, 71.43, 70))
        self.assertEqual(row[11], "Đạt")
        self.assertEqual(sheet.freeze_panes, "A9")
        # The frame of the minutes' table: the issuing body of the settings, the place and
        # the session's date, the chair's signature by name.
        company = self.session.company_id
        self.assertEqual(
            sheet["A2"].value, (company.tdkt_issuing_body or company.name).upper()
        )
        self.assertEqual(sheet["E1"].value, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        self.assertEqual(
            sheet["E3"].value,
            document_date(company.tdkt_document_place, self.session.date),
        )
        self.assertEqual(sheet["A5"].value, self.session.council_id.name)
        self.assertEqual(
            (sheet["A13"].value, sheet["G13"].value),
            ("THƯ KÝ", "CHỦ TỊCH HỘI ĐỒNG"),
        )
        chair = self.session.council_id.member_ids.filtered(lambda m: m.role == "chair")
        self.assertEqual(sheet["G18"].value, chair.employee_id.name)
        self.assertEqual(sheet.oddFooter.center.text, "&P/&N")
