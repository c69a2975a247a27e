from contextlib import contextmanager
from datetime import date

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from . import test_province
from .common import RpcMixin, TdktCommon
from .test_province import make_dossier, setup_province


@tagged("post_install", "-at_install")
class TestProvinceAnswers(TdktCommon):
    """Only the province's council and signed decision answer a dossier sent to it in the
    database: not a line the province adds by hand, not the department itself, and not a
    nominee changed after the council voted on it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_province(cls)
        cls._approve_plan()
        cls.proposal = make_dossier(cls.env, cls.officer, cls.employee_b)

    _as = test_province.TestProvince._as
    _provincial_council = test_province.TestProvince._provincial_council
    _review = test_province.TestProvince._review

    @contextmanager
    def _refused(self, exception, text):
        """``assertRaises`` (which rolls back what the refused call wrote) with the text of
        the message."""
        with self.assertRaises(exception) as caught:
            yield
        self.assertIn(text, str(caught.exception))

    def _decision(self, number="160/QĐ-UBND", **vals):
        return self._as(self.province_officer, self.env["tdkt.decision"]).create(
            {
                "name": number,
                "date_decision": date(2030, 2, 1),
                "year": 2029,
                "kind": "commendation",
                **vals,
            }
        )

    def _add_line_by_hand(self, decision, nominee):
        decision.line_ids = [
            fields.Command.create(
                {
                    "proposal_line_id": nominee.id,
                    "employee_id": nominee.employee_id.id,
                    "unit_id": nominee.unit_id.id,
                    "title_id": nominee.title_id.id,
                }
            )
        ]

    def test_a_decision_grants_only_nominees_the_council_passed(self):
        decision = self._decision()
        # A draft the province cannot even read.
        with self._refused(ValidationError, "not passed by the council"):
            self._add_line_by_hand(decision, self.proposal.line_ids)
        # Sent, but not reviewed yet.
        self.proposal.action_send()
        with self._refused(ValidationError, "not passed by the council"):
            self._add_line_by_hand(decision, self.proposal.line_ids)
        # Refused by the council.
        self._review(["agree", "agree", "agree"], rejected=self.proposal.line_ids)
        with self._refused(ValidationError, "not passed by the council"):
            self._add_line_by_hand(decision, self.proposal.line_ids)
        self.assertFalse(
            self.env["tdkt.decision.line"].search([("decision_id", "=", decision.id)])
        )
        self.assertFalse(self.proposal.line_ids.award_id)

    def test_a_nominee_is_granted_as_the_council_passed_it(self):
        self.proposal.action_send()
        self._review(["agree", "agree", "agree"])
        decision = self._decision()
        decision.action_create_from_results()
        line = decision.line_ids
        with self._refused(ValidationError, "as the council passed it"):
            line.title_id = self.title_ldtt
        with self._refused(ValidationError, "as the council passed it"):
            line.write({"subject_type": "collective", "employee_id": False})
        decision.action_sign()
        self.assertEqual(
            self.proposal.line_ids.award_id.title_id, self.title_merit_province
        )

    def test_a_nominee_is_granted_once(self):
        self.proposal.action_send()
        self._review(["agree", "agree", "agree"])
        first = self._decision()
        first.action_create_from_results()
        second = self._decision("161/QĐ-UBND")
        with self._refused(ValidationError, "already"):
            self._add_line_by_hand(second, self.proposal.line_ids)
        with self._refused(ValidationError, "already"):
            self._add_line_by_hand(first, self.proposal.line_ids)

    def test_a_dossier_returned_after_the_decision_was_drafted_is_not_decided(self):
        self.proposal.action_send()
        self._review(["agree", "agree", "agree"])
        decision = self._decision()
        decision.action_create_from_results()
        self.assertEqual(decision.line_ids.proposal_line_id, self.proposal.line_ids)
        self.env["tdkt.proposal.return"].with_user(self.province_officer).with_company(
            self.province
        ).with_context(active_ids=self.proposal.ids).create(
            {"reason": "Thiếu xác nhận"}
        ).action_confirm()
        with self._refused(ValidationError, "not passed by the council"):
            decision.action_sign()
        self.assertEqual(self.proposal.state, "returned")
        self.assertFalse(self.proposal.line_ids.award_id)

    def test_the_department_does_not_answer_for_the_province(self):
        """A dossier sent to a company of the database is answered there: its Office
        neither enters a decision by hand nor records a return by itself."""
        self.proposal.action_send()
        with self.assertRaises(AccessError):
            self.proposal.write({"decision_number": "1/QĐ-UBND"})
        with self.assertRaises(AccessError):
            self.proposal.line_ids.outcome = "granted"
        with self.assertRaises(AccessError):
            self.proposal.action_decide()
        with self.assertRaises(AccessError):
            self.env["tdkt.proposal.return"].with_user(self.officer).with_context(
                active_ids=self.proposal.ids
            ).create({"reason": "Tự rút lại"}).action_confirm()
        self.assertEqual(self.proposal.state, "sent")
        self.assertFalse(self.proposal.with_user(self.officer).can_decide)
        self.assertFalse(self.proposal.with_user(self.officer).can_return)
        # Nor does its form offer to.
        form = Form(self.proposal.with_user(self.officer))
        with self.assertRaises(AssertionError):
            form.decision_number = "1/QĐ-UBND"
        with form.line_ids.edit(0) as nominee, self.assertRaises(AssertionError):
            nominee.outcome = "granted"

    def test_a_reviewed_nominee_keeps_who_and_what_the_council_voted_on(self):
        self.proposal.action_send()
        self._review(["agree", "agree", "agree"])
        self.env["tdkt.proposal.return"].with_user(self.province_officer).with_company(
            self.province
        ).with_context(active_ids=self.proposal.ids).create(
            {"reason": "Bổ sung thành tích"}
        ).action_confirm()
        nominee = self.proposal.line_ids.with_user(self.officer)
        with self._refused(UserError, "on the agenda"):
            nominee.employee_id = self.employee_a
        with self._refused(UserError, "on the agenda"):
            nominee.title_id = self.env.ref("tdkt_emulation.title_merit_prime_minister")
        nominee.achievements += " Có xác nhận."
        self.proposal.with_user(self.officer).action_send()
        self.assertEqual(nominee.employee_id, self.employee_b)
        self.assertEqual(nominee.vote_outcome, "approved")

    def test_a_nominee_on_the_agenda_keeps_who_and_what_is_voted_on(self):
        """Returned while the council votes: the vote, closed after, is on the nominee
        the members saw."""
        self.proposal.action_send()
        council, _members = self._provincial_council()
        session = self._as(
            self.province_officer, self.env["tdkt.council.session"]
        ).create({"name": "Phiên họp 2029", "council_id": council.id, "year": 2029})
        session.action_add_agenda()
        session.action_start_voting()
        self.env["tdkt.proposal.return"].with_user(self.province_officer).with_company(
            self.province
        ).with_context(active_ids=self.proposal.ids).create(
            {"reason": "Bổ sung thành tích"}
        ).action_confirm()
        nominee = self.proposal.line_ids.with_user(self.officer)
        with self._refused(UserError, "on the agenda"):
            nominee.employee_id = self.employee_a
        self.assertEqual(nominee.employee_id, self.employee_b)

    def test_cancelling_the_decision_reopens_the_dossiers_it_refused(self):
        self.proposal.action_send()
        other = make_dossier(self.env, self.officer, self.employee_a)
        other.name = "31/TTr-SNV"
        other.action_send()
        self._review(["agree", "agree", "agree"], rejected=self.proposal.line_ids)
        decision = self._decision()
        decision.action_create_from_results()
        decision.action_sign()
        self.assertEqual(self.proposal.state, "decided")
        self.assertEqual(self.proposal.line_ids.outcome, "refused")
        self.env["tdkt.decision.cancel"].with_user(self.province_officer).with_company(
            self.province
        ).with_context(active_ids=decision.ids).create(
            {"reason": "Sai số quyết định"}
        ).action_confirm()
        self.assertEqual((self.proposal | other).mapped("state"), ["sent", "sent"])
        self.assertEqual(self.proposal.line_ids.outcome, "pending")
        self.assertFalse(self.proposal.decision_number)
        # A new decision answers them again.
        again = self._decision("162/QĐ-UBND")
        again.action_create_from_results()
        again.action_sign()
        self.assertEqual(self.proposal.state, "decided")
        self.assertEqual(self.proposal.decision_number, "162/QĐ-UBND")
        self.assertEqual(self.proposal.line_ids.outcome, "refused")
        self.assertEqual(other.line_ids.outcome, "granted")


@tagged("post_install", "-at_install")
class TestProvinceAnswersRpc(RpcMixin, HttpCase):
    """The same over JSON-RPC, as the web client and an external client call it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_province(cls)
        cls.dept_officer = mail_new_test_user(
            cls.env,
            login="tdkt_dept1_officer",
            groups="tdkt_emulation.group_tdkt_officer",
            company_id=cls.dept1.id,
        )
        cls.dept_employee = cls.env["hr.employee"].create(
            {"name": "Nguyễn Văn Sở", "company_id": cls.dept1.id}
        )
        cls.proposal = make_dossier(cls.env, cls.dept_officer, cls.dept_employee)

    def test_the_province_grants_no_draft_by_a_line_of_its_own(self):
        nominee = self.proposal.line_ids
        decision = (
            self.env["tdkt.decision"]
            .with_company(self.province)
            .create(
                {
                    "name": "160/QĐ-UBND",
                    "date_decision": date(2030, 2, 1),
                    "year": 2029,
                    "kind": "commendation",
                    "company_id": self.province.id,
                }
            )
        )
        self.assertRefused(
            self._rpc(
                self.province_officer,
                "tdkt.decision",
                "write",
                decision.ids,
                {
                    "line_ids": [
                        [
                            0,
                            0,
                            {
                                "proposal_line_id": nominee.id,
                                "employee_id": self.dept_employee.id,
                                "title_id": nominee.title_id.id,
                            },
                        ]
                    ]
                },
            ),
            "odoo.exceptions.ValidationError",
        )
        self.assertFalse(decision.line_ids)
        self.assertRefused(
            self._rpc(
                self.province_officer, "tdkt.decision", "action_sign", decision.ids
            ),
            "odoo.exceptions.UserError",
        )
        self.assertFalse(nominee.award_id)
        self.assertEqual(self.proposal.state, "draft")

    def test_the_department_grants_itself_nothing(self):
        self.proposal.with_user(self.dept_officer).action_send()
        self.assertRefused(
            self._rpc(
                self.dept_officer,
                "tdkt.proposal.line",
                "write",
                self.proposal.line_ids.ids,
                {"outcome": "granted"},
            )
        )
        self.assertRefused(
            self._rpc(
                self.dept_officer,
                "tdkt.proposal",
                "write",
                self.proposal.ids,
                {"decision_number": "1/QĐ-UBND", "decision_date": "2030-02-01"},
            )
        )
        self.assertRefused(
            self._rpc(
                self.dept_officer, "tdkt.proposal", "action_decide", self.proposal.ids
            )
        )
        self.assertEqual(self.proposal.line_ids.outcome, "pending")
        self.assertFalse(
            self.env["tdkt.award"].search([("employee_id", "=", self.dept_employee.id)])
        )

    def test_a_department_raises_no_authority_of_its_own(self):
        """Its leadership signs its decisions: it may not raise the level they grant at, in
        its settings or in the regime's rules every department shares."""
        manager = mail_new_test_user(
            self.env,
            login="tdkt_dept2_manager",
            groups="tdkt_emulation.group_tdkt_manager",
            company_id=self.dept2.id,
        )
        self.assertEqual(self.dept2.tdkt_authority_level, "agency")
        settings = self.assertAnswered(
            self._rpc(
                manager,
                "tdkt.config.settings",
                "create",
                {"tdkt_authority_level": "province"},
            )
        )
        self.assertRefused(
            self._rpc(manager, "tdkt.config.settings", "execute", [settings])
        )
        self.assertEqual(self.dept2.tdkt_authority_level, "agency")
        rule = self.env["tdkt.title.rule"].search(
            [("title_id", "=", self.env.ref("tdkt_emulation.title_merit_province").id)]
        )
        self.assertRefused(
            self._rpc(
                manager,
                "tdkt.title.rule",
                "write",
                rule.ids,
                {"authority_level": "agency"},
            )
        )
        self.assertEqual(set(rule.mapped("authority_level")), {"province"})
        # The other settings are still its own; the administrator sets the level.
        settings = self.assertAnswered(
            self._rpc(
                manager,
                "tdkt.config.settings",
                "create",
                {"tdkt_document_place": "Lạng Sơn"},
            )
        )
        self.assertAnswered(
            self._rpc(manager, "tdkt.config.settings", "execute", [settings])
        )
        self.assertEqual(self.dept2.tdkt_document_place, "Lạng Sơn")
        admin = self.env.ref("base.user_admin")
        admin.company_ids |= self.dept2
        self.env["tdkt.config.settings"].with_user(admin).with_company(
            self.dept2
        ).create({"tdkt_authority_level": "province"}).execute()
        self.assertEqual(self.dept2.tdkt_authority_level, "province")
        rule.with_user(admin).authority_level = "agency"
        self.assertEqual(set(rule.mapped("authority_level")), {"agency"})

    def test_a_thematic_dossier_needs_its_event_date(self):
        answer = self._rpc(
            self.dept_officer,
            "tdkt.proposal",
            "write",
            self.proposal.ids,
            {"proposal_kind": "thematic"},
        )
        self.assertRefused(answer, "odoo.exceptions.ValidationError")
        self.assertIn("date of the event", answer[1]["data"]["message"])
        self.assertEqual(self.proposal.proposal_kind, "year_end")
        self.assertAnswered(
            self._rpc(
                self.dept_officer,
                "tdkt.proposal",
                "write",
                self.proposal.ids,
                {"proposal_kind": "thematic", "date_event": "2029-09-02"},
            )
        )
        self.assertTrue(self.proposal.date_deadline)
