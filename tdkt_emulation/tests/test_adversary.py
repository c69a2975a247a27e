"""Routes around the guards that the other trust tests do not take, tried as a determined
insider would over JSON-RPC against the running test server: copies and imports that start
a record past its first step, one2many commands, private methods, aggregates on the
turnout, the document route, and the exports of a session's results."""

import io
from datetime import date

import openpyxl

from odoo.fields import Command
from odoo.tests import Form, HttpCase, tagged

from .common import RpcMixin, TdktCommon
from .test_trust_ballot import ITEM


@tagged("post_install", "-at_install")
class TestAdversary(RpcMixin, HttpCase, TdktCommon):
    """Units A and B with a draft form each, an initiative each, a draft and a signed decision."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()
        cls._create_lines_and_initiatives()
        Decision = cls.env["tdkt.decision"]
        cls.draft_decision = Decision.create(
            {
                "name": "15/QĐ-ADV",
                "date_decision": date(2031, 1, 15),
                "year": 2030,
                "line_ids": [
                    Command.create(
                        {
                            "employee_id": cls.employee_a.id,
                            "title_id": cls.title_ldtt.id,
                        }
                    )
                ],
            }
        )
        cls.signed_decision = Decision.create(
            {
                "name": "16/QĐ-ADV",
                "date_decision": date(2031, 1, 16),
                "year": 2029,
                "line_ids": [
                    Command.create(
                        {
                            "employee_id": cls.employee_b.id,
                            "title_id": cls.title_ldtt.id,
                        }
                    )
                ],
            }
        )
        cls.signed_decision.with_user(cls.manager).action_sign()

    def _state(self, record):
        self.env.invalidate_all()
        return record.state

    # ------------------------------------------------------------
    # A step's fields are written by the step only
    # ------------------------------------------------------------

    def test_copies_and_imports_start_where_the_workflow_starts(self):
        self.assertRefused(
            self._rpc(
                self.officer,
                "tdkt.decision",
                "copy",
                [self.draft_decision.id],
                {"state": "signed"},
            ),
            msg="a copy is not signed",
        )
        self.assertRefused(
            self._rpc(
                self.officer,
                "tdkt.plan",
                "copy",
                [self.plan.id],
                {"state": "approved", "year": 2031},
            ),
            msg="a copy of a plan is not approved",
        )
        self.assertRefused(
            self._rpc(
                self.user_a,
                "tdkt.initiative",
                "copy",
                [self.initiative_a.id],
                {"unit_id": self.unit_b.id},
            ),
            msg="a copy lands in my units only",
        )
        result = self.assertAnswered(
            self._rpc(
                self.officer,
                "tdkt.decision",
                "load",
                ["name", "state"],
                [["17/QĐ-ADV", "signed"]],
            )
        )
        self.assertFalse(result["ids"], "an import signs nothing")
        self.assertIn(
            "change through its workflow steps only", result["messages"][0]["message"]
        )
        self.assertFalse(self.env["tdkt.decision"].search([("name", "=", "17/QĐ-ADV")]))
        self.assertRefused(
            self._rpc(
                self.officer,
                "tdkt.decision",
                "web_save",
                [self.draft_decision.id],
                {"state": "signed"},
                specification={"state": {}},
            ),
            msg="the form's save signs nothing",
        )
        self.assertEqual(self._state(self.draft_decision), "draft")
        self.assertRefused(
            self._rpc(
                self.officer,
                "tdkt.decision",
                "_write_step",
                [self.draft_decision.id],
                {"state": "signed"},
            ),
            msg="private methods are not called remotely",
        )
        self.assertEqual(self._state(self.draft_decision), "draft")

    def test_a_signed_decision_and_its_awards_stay_as_signed(self):
        award = self.signed_decision.award_ids
        self.assertTrue(award)
        self.assertRefused(
            self._rpc(
                self.manager, "tdkt.decision", "unlink", [self.signed_decision.id]
            ),
            "odoo.exceptions.UserError",
        )
        self.assertRefused(
            self._rpc(self.manager, "tdkt.award", "unlink", award.ids),
            "odoo.exceptions.UserError",
        )
        self.assertRefused(
            self._rpc(self.manager, "tdkt.award", "write", award.ids, {"year": 2028}),
            "odoo.exceptions.UserError",
        )
        signed_line = self.signed_decision.line_ids
        # A line of the signed decision is not taken out of it by a draft's one2many commands.
        answer = self._rpc(
            self.officer,
            "tdkt.decision",
            "write",
            [self.draft_decision.id],
            {"line_ids": [Command.link(signed_line.id)]},
        )
        self.assertTrue(answer[1], "refused")
        answer = self._rpc(
            self.officer,
            "tdkt.decision",
            "write",
            [self.draft_decision.id],
            {"line_ids": [Command.update(signed_line.id, {"note": "changed"})]},
        )
        self.assertTrue(answer[1], "refused")
        self.env.invalidate_all()
        self.assertEqual(signed_line.decision_id, self.signed_decision)
        self.assertFalse(signed_line.note)
        self.assertEqual(self._state(self.signed_decision), "signed")

    # ------------------------------------------------------------
    # A unit user writes her unit's records only
    # ------------------------------------------------------------

    def test_new_records_and_commands_land_in_my_units_only(self):
        self.assertRefused(
            self._rpc(
                self.user_a,
                "tdkt.registration.line",
                "create",
                {
                    "registration_id": self.form_b.id,
                    "employee_id": self.employee_b.id,
                    "title_id": self.title_cstdcs.id,
                },
            ),
        )
        self.assertRefused(
            self._rpc(
                self.user_a,
                "tdkt.initiative",
                "create",
                {"name": "Planted in B", "unit_id": self.unit_b.id, "year": 2030},
            ),
        )
        self.assertRefused(
            self._rpc(
                self.user_a,
                "tdkt.initiative.author",
                "create",
                {
                    "initiative_id": self.initiative_b.id,
                    "employee_id": self.employee_a.id,
                },
            ),
        )
        # One2many commands from my own record onto another unit's child records.
        author_b = self.initiative_b.author_ids
        answer = self._rpc(
            self.user_a,
            "tdkt.initiative",
            "write",
            [self.initiative_a.id],
            {"author_ids": [Command.link(author_b.id)]},
        )
        self.assertTrue(answer[1], "refused")
        answer = self._rpc(
            self.head_a,
            "tdkt.registration",
            "write",
            [self.form_a.id],
            {"line_ids": [Command.link(self.line_b.id)]},
        )
        self.assertTrue(answer[1], "refused")
        answer = self._rpc(
            self.head_a,
            "tdkt.registration",
            "write",
            [self.form_a.id],
            {"line_ids": [Command.update(self.line_b.id, {"note": "mine now"})]},
        )
        self.assertTrue(answer[1], "refused")
        self.env.invalidate_all()
        self.assertEqual(author_b.initiative_id, self.initiative_b)
        self.assertEqual(self.line_b.registration_id, self.form_b)
        self.assertFalse(self.line_b.note)
        # Nor through the chatter of another unit's record.
        self.assertRefused(
            self._rpc(
                self.user_a,
                "tdkt.initiative",
                "message_post",
                [self.initiative_b.id],
                body="Hello B",
            )
        )

    # ------------------------------------------------------------
    # The document route answers 4xx, never 500, and checks the record
    # ------------------------------------------------------------

    def test_the_document_route_answers_bad_ids_and_formats_without_a_server_error(
        self,
    ):
        self.authenticate("tdkt_user_a", "tdkt_user_a")
        other = self.env["res.company"].create({"name": "Other province"})
        foreign = self.env["tdkt.decision"].create(
            {
                "name": "1/QĐ-OTHER",
                "date_decision": date(2031, 1, 2),
                "year": 2030,
                "company_id": other.id,
            }
        )
        cases = [
            (f"/tdkt/document/decision/{'9' * 30}?format=docx", (400,)),
            ("/tdkt/document/decision/0?format=docx", (400,)),
            ("/tdkt/document/decision/999999999?format=docx", (404,)),
            ("/tdkt/document/nothing/1?format=docx", (404,)),
            (f"/tdkt/document/decision/{self.draft_decision.id}?format=exe", (400,)),
            (f"/tdkt/document/decision/{self.draft_decision.id}?format=%00", (400,)),
            (f"/tdkt/document/decision/{foreign.id}?format=docx", (403, 404)),
        ]
        for url, statuses in cases:
            with self.subTest(url[:60]):
                self.assertIn(self.url_open(url).status_code, statuses)


@tagged("post_install", "-at_install")
class TestAdversaryBallot(RpcMixin, HttpCase, TdktCommon):
    """An initiative council of three scores unit A's initiative; an emulation council of
    three votes on unit A's registered titles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.council, cls.members = cls._create_council("initiative", 3)
        initiative = (
            cls.env["tdkt.initiative"]
            .with_user(cls.user_a)
            .create(
                {
                    "name": "Online filing",
                    "unit_id": cls.unit_a.id,
                    "year": 2030,
                    "solution": "Steps",
                    "author_ids": [
                        Command.create(
                            {"employee_id": cls.employee_a.id, "contribution": 100}
                        )
                    ],
                }
            )
        )
        initiative.action_submit()
        cls.scoring = (
            cls.env["tdkt.council.session"]
            .with_user(cls.officer)
            .create(
                {"name": "Initiatives 2030", "council_id": cls.council.id, "year": 2030}
            )
        )
        cls.scoring.action_add_agenda()
        cls.scoring.action_start_voting()

    def _score(self, user, points):
        item = self.scoring.item_ids.with_user(user)
        wizard = Form(
            self.env["tdkt.initiative.scoring"]
            .with_user(user)
            .with_context(default_item_id=item.id)
        )
        for index, value in enumerate(points):
            with wizard.line_ids.edit(index) as line:
                line.points = value
        wizard.save().action_confirm()

    def test_a_member_s_scoring_report_holds_no_other_member_s_score_card(self):
        self._score(self.members[0], [30, 20, 30])
        self._score(self.members[1], [10, 10, 10])
        self.scoring.with_user(self.officer).action_close()
        url = f"/tdkt/document/council_session/{self.scoring.id}"
        self.authenticate(self.officer.login, self.officer.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            len(openpyxl.load_workbook(io.BytesIO(response.content)).sheetnames),
            3,
            "the Office reads every score card",
        )
        for user, cards in ((self.members[0], 1), (self.members[2], 0)):
            with self.subTest(user.login):
                self.authenticate(user.login, user.login)
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                book = openpyxl.load_workbook(io.BytesIO(response.content))
                self.assertEqual(
                    len(book.sheetnames),
                    1 + cards,
                    "the summary and my own score card only",
                )
                self.assertNotIn(self.members[1].name, " ".join(book.sheetnames))

    def test_turnout_aggregates_are_the_office_s_only(self):
        self._score(self.members[0], [30, 20, 30])
        for args in (
            ([], ["voted_count:sum"], []),
            ([], ["voted_count:max"], ["session_id"]),
            ([], ["__count"], ["session_id"], 0, None, "voted_count:sum desc"),
        ):
            with self.subTest(args):
                self.assertRefused(
                    self._rpc(self.members[1], ITEM, "read_group", *args)
                )
        self.assertRefused(
            self._rpc(
                self.members[1],
                "tdkt.council.session",
                "search",
                [("item_ids.voted_member_ids.user_id", "=", self.members[0].id)],
            )
        )
        # Score cards are read by their member and the Office only.
        self.assertEqual(
            self.assertAnswered(
                self._rpc(self.members[1], "tdkt.initiative.score", "search_count", [])
            ),
            0,
        )
        self.assertEqual(
            self.assertAnswered(
                self._rpc(
                    self.members[1],
                    ITEM,
                    "read",
                    self.scoring.item_ids.ids,
                    ["score_ids"],
                )
            )[0]["score_ids"],
            [],
        )

    def test_a_vote_leaves_no_trace_of_its_time_on_the_item(self):
        item = self.scoring.item_ids
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE tdkt_council_session_item SET write_date = '2000-01-01' WHERE id = %s",
            [item.id],
        )
        self.env.invalidate_all()
        self._score(self.members[0], [30, 20, 30])
        self.env.flush_all()
        [values] = self.assertAnswered(
            self._rpc(
                self.members[1], ITEM, "read", item.ids, ["write_date", "write_uid"]
            )
        )
        self.assertEqual(
            values["write_date"],
            "2000-01-01 00:00:00",
            "a member cannot tell when others voted",
        )


@tagged("post_install", "-at_install")
class TestAdversarySteps(RpcMixin, HttpCase, TdktCommon):
    """Steps and side doors taken by the wrong person: the task's steps, the chatter and
    activities of another unit's records, an export's file."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()
        cls.env["tdkt.registration.line"].create(
            {
                "registration_id": cls.form_a.id,
                "employee_id": cls.employee_a.id,
                "title_id": cls.title_ldtt.id,
            }
        )

    def test_each_step_is_taken_by_the_people_it_belongs_to_only(self):
        self.assertRefused(
            self._rpc(self.user_a, "tdkt.plan.task", "action_done", self.task_a.ids)
        )
        self.assertRefused(
            self._rpc(self.user_a, "tdkt.plan.task", "action_start", self.task_b.ids)
        )
        self.assertRefused(
            self._rpc(self.head_a, "tdkt.plan.task", "action_cancel", self.task_b.ids)
        )
        self.assertRefused(
            self._rpc(
                self.user_a, "tdkt.registration", "action_receive", self.form_a.ids
            )
        )
        self.assertRefused(
            self._rpc(self.head_a, "tdkt.plan", "action_approve", self.plan.ids)
        )
        self.env.invalidate_all()
        self.assertEqual(
            (self.task_a.state, self.task_b.state, self.form_a.state),
            ("todo", "todo", "draft"),
        )

    def test_another_unit_s_chatter_and_activities_are_closed(self):
        self.assertRefused(
            self._rpc(
                self.head_a,
                "tdkt.registration",
                "message_post",
                self.form_b.ids,
                body="Hi",
            )
        )
        self.assertRefused(
            self._rpc(
                self.user_a,
                "tdkt.plan.task",
                "activity_schedule",
                self.task_b.ids,
                summary="Planted",
                user_id=self.user_a.id,
            )
        )
        self.assertRefused(
            self._rpc(
                self.user_a,
                "mail.activity",
                "create",
                {
                    "res_model_id": self.env["ir.model"]._get_id("tdkt.registration"),
                    "res_id": self.form_b.id,
                    "summary": "Planted",
                    "user_id": self.user_a.id,
                },
            )
        )

    def test_an_export_is_kept_nowhere_and_read_with_its_reader_s_rights(self):
        attachments = self.env["ir.attachment"].search_count([])
        action = self.assertAnswered(
            self._rpc(
                self.head_a, "tdkt.registration", "action_export_xlsx", self.form_a.ids
            )
        )
        self.assertEqual(
            self.env["ir.attachment"].search_count([]), attachments, "no file kept"
        )
        url = f"{action['params']['url']}/{action['params']['data']['ids']}"
        self.authenticate(self.user_b.login, self.user_b.login)
        self.assertEqual(self.url_open(url).status_code, 403)
        self.authenticate(self.head_a.login, self.head_a.login)
        self.assertEqual(self.url_open(url).status_code, 200)
