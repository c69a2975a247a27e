"""Absent members' opinions in writing, the quorum of a session that reviews titles, and
the members who do not judge their own case."""

from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import RpcMixin, TdktCommon, TdktTourCase
from .test_trust_ballot import CHOICE_RE, server_log

ITEM = "tdkt.council.session.item"


class CouncilOfTen(TdktCommon):
    """A council of ten reviews unit A's received lines: LĐTT of employee A, CSTĐCS of the
    head of A (80% in the regime in force), and TTLĐTT of unit A itself."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()
        Line = cls.env["tdkt.registration.line"]
        cls.line_ldtt, cls.line_cstdcs, cls.line_unit = Line.create(
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
                    "subject_type": "collective",
                    "title_id": cls.title_ttldtt.id,
                },
            ]
        )
        cls.form_a.with_user(cls.head_a).with_context(
            tdkt_submit_confirmed=True
        ).action_submit()
        cls.form_a.with_user(cls.officer).action_receive()
        cls.form_a.line_ids.filtered(
            lambda line: line.eligibility_status == "ineligible"
        ).with_user(cls.officer)._override_eligibility("Reviewed on the paper file")
        cls.council, cls.members = cls._create_council("emulation", 10)
        cls.council_members = cls.council.member_ids.sorted("id")
        cls.council_session = (
            cls.env["tdkt.council.session"]
            .with_user(cls.officer)
            .create(
                {
                    "name": "Review 2030",
                    "council_id": cls.council.id,
                    "plan_id": cls.plan.id,
                    "location": "Hội trường tầng 3",
                }
            )
        )
        cls.council_session.action_add_agenda()
        cls.items = {
            item.registration_line_id: item for item in cls.council_session.item_ids
        }

    def _present(self, count):
        self.council_session.with_user(
            self.officer
        ).attendee_ids = self.council_members[:count]

    def _vote(self, line, choices, users=None):
        for user, choice in zip(users or self.members, choices, strict=False):
            if choice:
                self.items[line].with_user(user).action_vote(choice)

    def _written(self, member, choices):
        """The Office files ``member``'s opinion in writing through its form:
        ``{line: choice}``."""
        form = Form(
            self.env["tdkt.written.opinion"]
            .with_user(self.officer)
            .with_context(default_session_id=self.council_session.id)
        )
        form.member_id = member
        for index in range(len(form.line_ids)):
            with form.line_ids.edit(index) as wizard_line:
                line = wizard_line.item_id.registration_line_id
                wizard_line.choice = choices.get(line, False)
        with self.env.cr.savepoint():
            # A refused opinion is refused as it is saved: nothing of it is kept.
            opinion = form.save()
        return opinion.action_confirm()


@tagged("post_install", "-at_install")
class TestWrittenOpinions(CouncilOfTen):
    def test_seven_present_and_one_in_writing_make_80_percent(self):
        self._present(7)
        self.council_session.with_user(self.officer).action_start_voting()
        self._vote(self.line_cstdcs, ["agree"] * 7)
        self._vote(self.line_ldtt, ["agree"] * 7)
        absent = self.council_members[7]
        self._written(absent, {self.line_cstdcs: "agree", self.line_ldtt: "disagree"})
        # Nothing of what the Office typed is kept: the wizard and its lines are gone.
        self.assertFalse(self.env["tdkt.written.opinion"].sudo().search([]))
        self.assertFalse(self.env["tdkt.written.opinion.line"].sudo().search([]))
        # The session keeps that the opinion came; the items count the member as voted.
        self.assertEqual(self.council_session.written_member_ids, absent)
        for line in (self.line_cstdcs, self.line_ldtt):
            self.assertIn(absent, self.items[line].sudo().voted_member_ids)
        self.assertNotIn(absent, self.items[self.line_unit].sudo().voted_member_ids)
        # A ballot still names nobody.
        self.assertFalse(
            {
                name
                for name, field in self.env["tdkt.ballot"]._fields.items()
                if field.type == "many2one"
                and field.comodel_name in ("tdkt.council.member", "res.users")
            }
        )
        # The absent member cannot vote on screen after her written opinion.
        with self.assertRaises(UserError):
            self.items[self.line_cstdcs].with_user(self.members[7]).action_vote(
                "disagree"
            )
        self.council_session.with_user(self.officer).action_close()
        cstdcs = self.items[self.line_cstdcs]
        self.assertRecordValues(
            cstdcs,
            [
                {
                    "agree_count": 8,
                    "valid_count": 8,
                    "member_count": 10,
                    "base_count": 10,
                    "agree_share": 80.0,
                    "threshold": 80.0,
                    "outcome": "approved",
                }
            ],
        )
        self.assertEqual(self.line_cstdcs.vote_outcome, "approved")
        self.assertEqual(
            sorted(self.items[self.line_ldtt].sudo().mapped("agree_count")), [7]
        )
        self.assertEqual(self.items[self.line_ldtt].disagree_count, 1)

    def test_written_opinion_of_a_present_member_or_twice_is_refused(self):
        self._present(7)
        self.council_session.with_user(self.officer).action_start_voting()
        with self.assertRaisesRegex(UserError, "is present"):
            self._written(self.council_members[0], {self.line_ldtt: "agree"})
        self._written(self.council_members[8], {self.line_ldtt: "agree"})
        with self.assertRaisesRegex(UserError, "already filed"):
            self._written(self.council_members[8], {self.line_cstdcs: "agree"})
        with self.assertRaisesRegex(UserError, "at least one item"):
            self._written(self.council_members[9], {})
        # What was refused left nothing behind.
        self.assertFalse(self.env["tdkt.written.opinion"].sudo().search([]))
        self.assertFalse(self.env["tdkt.written.opinion.line"].sudo().search([]))
        # Marked present afterwards: refused, the written opinion stands.
        with self.assertRaises(ValidationError):
            self.council_session.with_user(
                self.officer
            ).attendee_ids |= self.council_members[8]
        # Only the Office files them.
        with self.assertRaises(Exception):  # noqa: B017 - AccessError of the groups
            self.env["tdkt.written.opinion"].with_user(self.members[0]).create(
                {
                    "session_id": self.council_session.id,
                    "member_id": self.council_members[9].id,
                }
            )
        with self.assertRaises(UserError):
            self.council_session.with_user(self.members[0])._record_written_opinion(
                self.council_members[9], {self.items[self.line_ldtt]: "agree"}
            )

    def test_a_member_who_voted_on_screen_files_no_written_choice_on_it(self):
        self.council_session.with_user(self.officer).action_start_voting()
        self._vote(self.line_ldtt, ["agree"], users=self.members[9:])
        with self.assertRaisesRegex(UserError, "already voted"):
            self._written(self.council_members[9], {self.line_ldtt: "agree"})


@tagged("post_install", "-at_install")
class TestQuorum(CouncilOfTen):
    def test_closing_needs_the_quorum_present(self):
        self.company.tdkt_session_quorum_percent = 80
        self._present(7)
        self.council_session.with_user(self.officer).action_start_voting()
        self._vote(self.line_ldtt, ["agree"] * 7)
        with self.assertRaises(UserError) as caught:
            self.council_session.with_user(self.officer).action_close()
        message = str(caught.exception)
        for part in ("7 of 10 members are present", "8 are required", "(80%)"):
            self.assertIn(part, message)
        self.assertEqual(self.council_session.state, "voting")
        self._present(8)
        self.council_session.with_user(self.officer).action_close()
        self.assertEqual(self.council_session.state, "closed")

    def test_no_quorum_by_default(self):
        self.assertEqual(self.company.tdkt_session_quorum_percent, 0)
        self.council_session.with_user(self.officer).action_start_voting()
        self.council_session.with_user(self.officer).action_close()
        self.assertEqual(self.council_session.state, "closed")

    def test_manager_sets_the_quorum_and_the_recusal_base(self):
        Settings = self.env["tdkt.config.settings"].with_user(self.manager)
        Settings.create(
            {"tdkt_session_quorum_percent": 80, "tdkt_recusal_base": "not_recused"}
        ).execute()
        self.assertEqual(self.company.tdkt_session_quorum_percent, 80)
        self.assertEqual(self.company.tdkt_recusal_base, "not_recused")
        with self.assertRaises(ValidationError):
            Settings.create({"tdkt_session_quorum_percent": 120}).execute()
        self.assertEqual(self.company.tdkt_session_quorum_percent, 80)


@tagged("post_install", "-at_install")
class TestRecusal(CouncilOfTen):
    """The head of unit A sits on the council (the candidate for CSTĐCS, and a member of
    unit A, proposed as a collective); another member works in A's sub-unit A1."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.council_members[9].employee_id = cls.employee_head_a
        cls.council_members[8].employee_id.department_id = cls.unit_a1
        cls.head_member, cls.a1_member = cls.council_members[9], cls.council_members[8]

    def _start_and_vote(self):
        self.council_session.with_user(self.officer).action_start_voting()
        self.assertEqual(
            self.items[self.line_cstdcs].recused_member_ids, self.head_member
        )
        self.assertEqual(
            self.items[self.line_unit].recused_member_ids,
            self.head_member | self.a1_member,
        )
        self.assertFalse(self.items[self.line_ldtt].recused_member_ids)
        # Eight agree on the CSTĐCS of the head of A, one disagrees; she may not vote.
        self._vote(self.line_cstdcs, ["agree"] * 7 + [None, "agree"])
        self._vote(self.line_cstdcs, ["disagree"], users=self.members[7:8])

    def test_recused_member_sees_it_and_cannot_vote(self):
        self.council_session.with_user(self.officer).action_start_voting()
        item = self.items[self.line_cstdcs].with_user(self.head_a)
        self.assertTrue(item.is_recused)
        self.assertFalse(item.can_vote)
        with self.assertRaisesRegex(UserError, "recused"):
            item.action_vote("agree")
        other = self.items[self.line_ldtt].with_user(self.head_a)
        self.assertFalse(other.is_recused)
        self.assertTrue(other.can_vote)
        # Nor by an opinion in writing.
        with self.assertRaisesRegex(UserError, "recused"):
            self.council_session.with_user(self.officer)._record_written_opinion(
                self.head_member, {self.items[self.line_cstdcs]: "agree"}
            )

    def test_share_over_all_members_by_default(self):
        self._start_and_vote()
        self.council_session.with_user(self.officer).action_close()
        self.assertRecordValues(
            self.items[self.line_cstdcs],
            [
                {
                    "agree_count": 8,
                    "valid_count": 9,
                    "recused_count": 1,
                    "member_count": 10,
                    "base_count": 10,
                    "agree_share": 80.0,
                    "outcome": "approved",
                }
            ],
        )
        self.assertEqual(self.items[self.line_unit].recused_count, 2)

    def test_share_over_members_not_recused_by_setting(self):
        self.company.tdkt_recusal_base = "not_recused"
        self._start_and_vote()
        self.council_session.with_user(self.officer).action_close()
        self.assertRecordValues(
            self.items[self.line_cstdcs],
            [{"base_count": 9, "agree_share": 88.89, "outcome": "approved"}],
        )


@tagged("post_install", "-at_install")
class TestRecusalOverRpc(RpcMixin, HttpCase, CouncilOfTen):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.council_members[9].employee_id = cls.employee_head_a
        cls.council_session.action_start_voting()

    def test_recused_vote_is_refused_by_the_server(self):
        item = self.items[self.line_cstdcs]
        [read] = self.assertAnswered(
            self._rpc(self.head_a, ITEM, "read", [item.id], ["is_recused", "can_vote"])
        )
        self.assertEqual((read["is_recused"], read["can_vote"]), (True, False))
        self.assertRefused(
            self._rpc(self.head_a, ITEM, "action_vote", [item.id], "agree"),
            "odoo.exceptions.UserError",
        )
        self.assertFalse(
            self.env["tdkt.ballot"].sudo().search([("item_id", "=", item.id)])
        )


@tagged("post_install", "-at_install")
class TestWrittenOpinionOverRpc(RpcMixin, HttpCase, CouncilOfTen):
    """The Office files an absent member's opinion as the web client does (the wizard saved
    with its choices, then its button); the server keeps and logs nothing that pairs her
    with a choice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.council_session.attendee_ids = cls.council_members[:7]
        cls.council_session.action_start_voting()

    def test_filing_logs_and_keeps_no_member_choice_pair(self):
        absent = self.council_members[7]
        items = self.council_session.item_ids.sorted("id")
        messages_before = (
            self.env["mail.message"].sudo().search([], order="id desc", limit=1).id
        )
        self.authenticate(self.officer.login, self.officer.login)
        with server_log() as records:
            saved = self.assertAnswered(
                self._web(
                    "/web/dataset/call_kw/tdkt.written.opinion/web_save",
                    {
                        "model": "tdkt.written.opinion",
                        "method": "web_save",
                        "args": [
                            [],
                            {
                                "session_id": self.council_session.id,
                                "member_id": absent.id,
                                "line_ids": [
                                    Command.create(
                                        {"item_id": item.id, "choice": choice}
                                    )
                                    for item, choice in zip(
                                        items,
                                        ("agree", "disagree", "abstain"),
                                        strict=True,
                                    )
                                ],
                            },
                        ],
                        "kwargs": {"specification": {}},
                    },
                )
            )
            self.assertAnswered(
                self._web(
                    "/web/dataset/call_button/tdkt.written.opinion/action_confirm",
                    {
                        "model": "tdkt.written.opinion",
                        "method": "action_confirm",
                        "args": [[saved[0]["id"]]],
                        "kwargs": {},
                    },
                )
            )
        lines = [record.getMessage() for record in records]
        self.assertTrue(any("action_confirm" in line for line in lines), lines)
        for line in lines:
            self.assertNotRegex(line, CHOICE_RE, "no log line names a choice")
        # The chatter says the opinion came, not what it holds.
        messages = (
            self.env["mail.message"].sudo().search([("id", ">", messages_before)])
        )
        self.assertTrue(messages)
        self.assertNotRegex(" ".join(messages.mapped("body")), CHOICE_RE)
        # What the Office typed is gone; the ballots name nobody.
        self.assertFalse(
            self.env["tdkt.written.opinion"]
            .sudo()
            .search([("id", "=", saved[0]["id"])])
        )
        self.assertFalse(self.env["tdkt.written.opinion.line"].sudo().search([]))
        self.assertEqual(
            sorted(
                self.env["tdkt.ballot"]
                .sudo()
                .search([("session_id", "=", self.council_session.id)])
                .mapped("choice")
            ),
            ["abstain", "agree", "disagree"],
        )
        # The members do not learn from the session who answered in writing.
        [read] = self.assertAnswered(
            self._rpc(
                self.members[0],
                "tdkt.council.session",
                "read",
                [self.council_session.id],
                ["name"],
            )
        )
        self.assertNotIn("written_member_ids", read)
        self.assertRefused(
            self._rpc(
                self.members[0],
                "tdkt.council.session",
                "read",
                [self.council_session.id],
                ["written_member_ids"],
            )
        )

    def test_an_opinion_saved_but_not_filed_is_forgotten_at_closing(self):
        """The web client saves the wizard, then calls its button: when the button fails
        (here the session was closed in between), what the Office typed, the member and
        her choices, must not stay in the database."""
        absent = self.council_members[7]
        items = self.council_session.item_ids.sorted("id")
        self.authenticate(self.officer.login, self.officer.login)
        saved = self.assertAnswered(
            self._web(
                "/web/dataset/call_kw/tdkt.written.opinion/web_save",
                {
                    "model": "tdkt.written.opinion",
                    "method": "web_save",
                    "args": [
                        [],
                        {
                            "session_id": self.council_session.id,
                            "member_id": absent.id,
                            "line_ids": [
                                Command.create({"item_id": item.id, "choice": choice})
                                for item, choice in zip(
                                    items, ("agree", "disagree", "abstain"), strict=True
                                )
                            ],
                        },
                    ],
                    "kwargs": {"specification": {}},
                },
            )
        )
        self.assertAnswered(
            self._rpc(
                self.officer,
                "tdkt.council.session",
                "action_close",
                [self.council_session.id],
            )
        )
        self.assertRefused(
            self._web(
                "/web/dataset/call_button/tdkt.written.opinion/action_confirm",
                {
                    "model": "tdkt.written.opinion",
                    "method": "action_confirm",
                    "args": [[saved[0]["id"]]],
                    "kwargs": {},
                },
            ),
            error_name="odoo.exceptions.MissingError",
        )
        self.assertFalse(self.env["tdkt.written.opinion"].sudo().search([]))
        self.assertFalse(self.env["tdkt.written.opinion.line"].sudo().search([]))


@tagged("post_install", "-at_install", "tdkt_tour")
class TestRecusedVotingTour(TdktTourCase):
    """A member proposed for a title opens the voting screen."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        unit = cls.env["hr.department"].create({"name": "Tour Recusal Unit"})
        colleague = cls.env["hr.employee"].create(
            {"name": "Tour Colleague", "department_id": unit.id}
        )
        voter = mail_new_test_user(
            cls.env,
            login="tour_recused_voter",
            groups="tdkt_emulation.group_tdkt_user",
            name="Tour Recused Voter",
        )
        voter_employee = cls.env["hr.employee"].create(
            {
                "name": "Tour Recused Voter",
                "user_id": voter.id,
                "department_id": unit.id,
            }
        )
        plan = cls.env["tdkt.plan"].create(
            {
                "name": "Recusal tour plan",
                "year": 2031,
                "registration_unit_ids": [Command.set(unit.ids)],
            }
        )
        plan.action_approve()
        title = cls.env.ref("tdkt_emulation.title_ldtt")
        plan.registration_ids.line_ids = [
            Command.create({"employee_id": employee.id, "title_id": title.id})
            for employee in (colleague, voter_employee)
        ]
        plan.registration_ids.action_submit()
        council = cls.env["tdkt.council"].create(
            {
                "name": "Recusal Tour Council",
                "member_ids": [Command.create({"employee_id": voter_employee.id})],
            }
        )
        cls.council_session = cls.env["tdkt.council.session"].create(
            {
                "name": "Recusal tour session",
                "council_id": council.id,
                "plan_id": plan.id,
                "item_ids": [
                    Command.create({"registration_line_id": line.id})
                    for line in plan.registration_ids.line_ids
                ],
            }
        )
        cls.council_session.action_start_voting()

    def test_recused_member_sees_it_on_the_voting_screen(self):
        action = self.env.ref("tdkt_emulation.tdkt_council_session_item_action_vote")
        self.start_tour(
            f"/odoo/action-{action.id}",
            "tdkt_recused_vote_tour",
            login="tour_recused_voter",
        )
        own, other = self.council_session.item_ids.sorted(
            lambda item: item.registration_line_id.employee_id.name
            != "Tour Recused Voter"
        )
        self.assertEqual(own.recused_count, 1)
        self.assertEqual(own.voted_count, 0)
        self.assertEqual(other.voted_count, 1)
