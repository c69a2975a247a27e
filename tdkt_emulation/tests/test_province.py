import base64
from datetime import date

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import RpcMixin, TdktCommon, TdktTourCase


def setup_province(cls):
    """One province in one database: the test's company is a department (agency level)
    whose dossiers go to the provincial office's company; a second department has its own
    Office, unit, person and history. ``cls.dept_officer`` and ``cls.dept_employee`` are
    of the first department."""
    Company = cls.env["res.company"]
    cls.province = Company.create(
        {"name": "Ban Thi đua - Khen thưởng tỉnh", "tdkt_authority_level": "province"}
    )
    cls.dept2 = Company.create({"name": "Sở Y tế"})
    cls.dept1 = cls.env.company
    cls.dept1.tdkt_recipient_company_id = cls.province

    def user(login, group, company):
        return mail_new_test_user(
            cls.env,
            login=login,
            groups=f"tdkt_emulation.{group}",
            name=login.replace("_", " ").title(),
            company_id=company.id,
        )

    # The provincial office's head signs its decisions.
    cls.province_officer = user("tdkt_prov_officer", "group_tdkt_manager", cls.province)
    cls.dept2_officer = user("tdkt_dept2_officer", "group_tdkt_officer", cls.dept2)
    cls.dept2_unit = cls.env["hr.department"].create(
        {"name": "Phòng Nghiệp vụ Y", "company_id": cls.dept2.id}
    )
    cls.dept2_employee = cls.env["hr.employee"].create(
        {
            "name": "Trần Thị Y",
            "department_id": cls.dept2_unit.id,
            "company_id": cls.dept2.id,
        }
    )
    cls.title_ldtt = cls.env.ref("tdkt_emulation.title_ldtt")
    cls.title_merit_province = cls.env.ref("tdkt_emulation.title_merit_province")
    cls.dept2_award = cls.env["tdkt.award"].create(
        {
            "employee_id": cls.dept2_employee.id,
            "title_id": cls.title_ldtt.id,
            "year": 2029,
            "decision_number": "7/QĐ-SYT",
            "company_id": cls.dept2.id,
        }
    )


def make_dossier(env, officer, employee, year=2029):
    """A dossier of ``officer``'s department proposing ``employee`` for the provincial
    chairman's Bằng khen, complete, not sent."""
    return (
        env["tdkt.proposal"]
        .with_user(officer)
        .create(
            {
                "name": "30/TTr-SNV",
                "year": year,
                "line_ids": [
                    fields.Command.create(
                        {
                            "employee_id": employee.id,
                            "title_id": env.ref(
                                "tdkt_emulation.title_merit_province"
                            ).id,
                            "reason": "Thành tích đột xuất trong cải cách hành chính",
                            "achievements": "Triển khai mô hình một cửa liên thông.",
                        }
                    )
                ],
            }
        )
    )


@tagged("post_install", "-at_install")
class TestProvince(TdktCommon):
    """Two departments and the provincial office in one database: a department's dossier
    reaches the province when sent, the provincial council votes on its nominees by secret
    ballot, and the province's signed decision writes the awards back into the
    department's history."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_province(cls)
        cls._approve_plan()
        cls.employee_b.job_title = "Chuyên viên"
        cls.proposal = make_dossier(cls.env, cls.officer, cls.employee_b)

    def _as(self, user, record):
        return record.with_user(user).with_company(user.company_id)

    def test_the_receiving_company_defaults_to_the_setting(self):
        self.assertEqual(self.proposal.recipient_company_id, self.province)

    def test_the_province_reads_what_was_sent_never_a_draft(self):
        Proposal = self.env["tdkt.proposal"]
        for user in (self.province_officer, self.dept2_officer):
            self.assertFalse(self._as(user, Proposal).search([]) & self.proposal)
            with self.assertRaises(AccessError):
                self._as(user, self.proposal).read(["name"])
            with self.assertRaises(AccessError):
                self._as(user, self.proposal.line_ids).read(["subject_name"])
        self.proposal.action_send()
        received = self._as(self.province_officer, Proposal).search(
            [("id", "=", self.proposal.id)]
        )
        self.assertEqual(received, self.proposal)
        # The dossier shows its nominees: name, job, title and achievements, read through
        # the dossier although the province opens no person of the department.
        [line] = self._as(self.province_officer, self.proposal.line_ids).read(
            ["subject_name", "employee_id", "job_title", "title_id", "achievements"]
        )
        self.assertEqual(line["employee_id"][1], self.employee_b.name)
        self.assertEqual(line["subject_name"], self.employee_b.name)
        self.assertEqual(line["job_title"], "Chuyên viên")
        self.assertEqual(line["title_id"][0], self.title_merit_province.id)
        self.assertIn("một cửa", line["achievements"])
        self.assertEqual(self._as(self.province_officer, received).incomplete_count, 0)
        with self.assertRaises(AccessError):
            self._as(self.province_officer, self.employee_b).read(["name"])
        # As the web client opens the dossier's form.
        [form] = self._as(self.province_officer, received).web_read(
            {
                "display_name": {},
                "company_id": {"fields": {"display_name": {}}},
                "is_received": {},
                "can_edit": {},
                "can_return": {},
                "line_ids": {
                    "fields": {
                        "employee_id": {"fields": {"display_name": {}}},
                        "unit_id": {"fields": {"display_name": {}}},
                        "title_id": {"fields": {"display_name": {}}},
                        "registration_line_id": {"fields": {"display_name": {}}},
                        "missing": {},
                        "outcome": {},
                    }
                },
            }
        )
        self.assertEqual(form["company_id"]["display_name"], self.dept1.name)
        self.assertTrue(form["is_received"])
        self.assertEqual(
            (form["can_edit"], form["can_return"]),
            (False, True),
            "the province returns an incomplete dossier; it never edits it",
        )
        self.assertEqual(
            form["line_ids"][0]["unit_id"]["display_name"], self.unit_b.display_name
        )
        self.assertEqual(
            self._as(self.province_officer, Proposal).search(
                [("is_received", "=", True)]
            ),
            self.proposal,
        )
        self.assertFalse(
            self._as(self.officer, Proposal).search([("is_received", "=", True)])
        )
        # The province reads; it changes nothing of the department's dossier.
        with self.assertRaises(AccessError):
            self._as(self.province_officer, self.proposal).write({"recipient": "X"})
        with self.assertRaises(AccessError):
            self._as(self.province_officer, self.proposal.line_ids).write(
                {"achievements": "X"}
            )
        self.assertFalse(self._as(self.province_officer, received).can_decide)
        # The other department still sees nothing.
        self.assertFalse(self._as(self.dept2_officer, Proposal).search([]))
        with self.assertRaises(AccessError):
            self._as(self.dept2_officer, self.proposal).read(["name"])

    def test_the_province_reads_the_uploaded_papers_of_what_was_sent(self):
        paper = self.env["tdkt.proposal.document"].create(
            {
                "proposal_id": self.proposal.id,
                "line_id": self.proposal.line_ids.id,
                "kind": "signed",
                "name": "Tờ trình đã ký",
                "file": base64.b64encode(b"signed scan"),
                "filename": "to-trinh.pdf",
            }
        )
        Document = self.env["tdkt.proposal.document"]
        for user in (self.province_officer, self.dept2_officer):
            self.assertFalse(self._as(user, Document).search([]) & paper)
        self.proposal.action_send()
        [read] = self._as(self.province_officer, paper).read(["name", "file"])
        self.assertEqual(read["name"], "Tờ trình đã ký")
        self.assertEqual(base64.b64decode(read["file"]), b"signed scan")
        with self.assertRaises(AccessError):
            self._as(self.province_officer, paper).write({"name": "X"})
        with self.assertRaises(AccessError):
            self._as(self.dept2_officer, paper).read(["name"])

    def test_a_returned_dossier_stays_readable_and_only_its_office_edits_it(self):
        self.proposal.action_send()
        self.env["tdkt.proposal.return"].with_user(self.province_officer).with_company(
            self.province
        ).with_context(active_ids=self.proposal.ids).create(
            {"reason": "Thiếu báo cáo thành tích có xác nhận"}
        ).action_confirm()
        self.assertEqual(self.proposal.state, "returned")
        returned = self._as(self.province_officer, self.proposal)
        self.assertEqual(returned.return_reason, "Thiếu báo cáo thành tích có xác nhận")
        self.assertFalse(returned.can_edit)
        with self.assertRaises(AccessError):
            returned.action_send()
        self.proposal.line_ids.achievements += " Có xác nhận của Giám đốc Sở."
        self.proposal.action_send()
        self.assertEqual(self.proposal.state, "sent")

    def test_departments_keep_to_their_own_history(self):
        Award = self.env["tdkt.award"]
        self.assertFalse(self._as(self.officer, Award).search([]) & self.dept2_award)
        with self.assertRaises(AccessError):
            self._as(self.officer, self.dept2_award).read(["year"])
        self.assertEqual(
            self._as(self.dept2_officer, Award).search([]), self.dept2_award
        )
        self.assertFalse(self._as(self.province_officer, Award).search([]))
        # A person moving to another department takes no history along: the award stays
        # with the department whose decision it records.
        self.dept2_employee.write(
            {"company_id": self.dept1.id, "department_id": self.unit_b.id}
        )
        self.assertFalse(self._as(self.officer, Award).search([]) & self.dept2_award)
        self.assertEqual(
            self._as(self.dept2_officer, Award).search([]), self.dept2_award
        )

    def _provincial_council(self):
        users = [
            mail_new_test_user(
                self.env,
                login=f"tdkt_prov_member_{index}",
                groups="tdkt_emulation.group_tdkt_user",
                name=f"Provincial Member {index}",
                company_id=self.province.id,
            )
            for index in range(3)
        ]
        employees = self.env["hr.employee"].create(
            [
                {"name": user.name, "user_id": user.id, "company_id": self.province.id}
                for user in users
            ]
        )
        council = self.env["tdkt.council"].create(
            {
                "name": "Hội đồng Thi đua - Khen thưởng tỉnh",
                "council_type": "emulation",
                "company_id": self.province.id,
                "member_ids": [
                    fields.Command.create(
                        {"employee_id": employee.id, "role": "member" if i else "chair"}
                    )
                    for i, employee in enumerate(employees)
                ],
            }
        )
        return council, users

    def _review(self, choices, rejected=()):
        """The provincial council reviews the nominees sent to the province in 2029, each
        member voting ``choices[index]``, but all disagree on the nominees ``rejected``."""
        council, members = self._provincial_council()
        session = self._as(
            self.province_officer, self.env["tdkt.council.session"]
        ).create({"name": "Phiên họp 2029", "council_id": council.id, "year": 2029})
        session.action_add_agenda()
        session.action_start_voting()
        for user, choice in zip(members, choices, strict=True):
            for item in session.item_ids:
                item.with_user(user).with_company(self.province).action_vote(
                    "disagree" if item.proposal_line_id in rejected else choice
                )
        session.action_close()
        return session

    def test_provincial_council_and_decision_write_the_awards_back(self):
        """The province's council passes the department's nominee, the province's decision
        grants it: the award enters the department's history, the dossier is decided, and
        the person's 2030 line for the Prime Minister's Bằng khen counts its run of years
        from it, with no button pressed in the department."""
        line_pm = self.env["tdkt.registration.line"].create(
            {
                "registration_id": self.form_b.id,
                "employee_id": self.employee_b.id,
                "title_id": self.env.ref(
                    "tdkt_emulation.title_merit_prime_minister"
                ).id,
                "rating": "excellent",
            }
        )

        def award_year_of_the_run():
            return next(
                reason["params"]["award_year"]
                for reason in line_pm.eligibility_data["reasons"]
                if reason["code"] == "run"
            )

        self.assertIsNone(award_year_of_the_run())
        self.proposal.line_ids.recipient_class = "leader_other"
        other = make_dossier(self.env, self.dept2_officer, self.dept2_employee)
        # The other department proposes a sudden achievement: the statistics count the
        # province's award as each department proposed it.
        other.line_ids.award_kind = "sudden"
        self.assertEqual(other.recipient_company_id, self.env["res.company"])
        other.recipient_company_id = self.province
        other.with_user(self.dept2_officer).with_company(self.dept2).action_send()
        self.proposal.action_send()
        session = self._review(["agree", "agree", "agree"])
        self.assertEqual(
            session.item_ids.proposal_line_id,
            self.proposal.line_ids | other.line_ids,
        )
        self.assertEqual(self.proposal.line_ids.vote_outcome, "approved")
        decision = self._as(self.province_officer, self.env["tdkt.decision"]).create(
            {
                "name": "150/QĐ-UBND",
                "date_decision": date(2030, 2, 1),
                "year": 2029,
                "kind": "commendation",
                "authority": "Chủ tịch UBND tỉnh",
            }
        )
        decision.action_create_from_results()
        self.assertEqual(
            decision.line_ids.proposal_line_id,
            self.proposal.line_ids | other.line_ids,
        )
        self.assertEqual(
            sorted(decision.line_ids.mapped("subject_name")),
            sorted([self.employee_b.name, self.dept2_employee.name]),
        )
        decision.action_sign()
        award = self.proposal.line_ids.award_id
        self.assertEqual(award.company_id, self.dept1)
        self.assertEqual(award.employee_id, self.employee_b)
        self.assertEqual(award.decision_number, "150/QĐ-UBND")
        self.assertEqual(award.decision_authority, "Chủ tịch UBND tỉnh")
        self.assertEqual(
            (award.award_kind, award.recipient_class), ("regular", "leader_other")
        )
        self.assertEqual(other.line_ids.award_id.award_kind, "sudden")
        self.assertEqual(self.proposal.state, "decided")
        self.assertEqual(self.proposal.decision_number, "150/QĐ-UBND")
        self.assertEqual(self.proposal.line_ids.outcome, "granted")
        self.assertEqual(other.line_ids.award_id.company_id, self.dept2)
        # Each department reads its own award, not the other's; the province neither.
        Award = self.env["tdkt.award"]
        self.assertIn(award, self._as(self.officer, Award).search([]))
        self.assertNotIn(
            other.line_ids.award_id, self._as(self.officer, Award).search([])
        )
        self.assertFalse(self._as(self.province_officer, Award).search([]))
        self.assertEqual(award_year_of_the_run(), 2029)
        # Cancelling the province's decision removes the awards it wrote and reopens the
        # dossiers.
        self.env["tdkt.decision.cancel"].with_user(self.province_officer).with_company(
            self.province
        ).with_context(active_ids=decision.ids).create(
            {"reason": "Sai số quyết định"}
        ).action_confirm()
        self.assertFalse(award.exists())
        self.assertEqual(self.proposal.state, "sent")
        self.assertEqual(self.proposal.line_ids.outcome, "pending")

    def test_a_nominee_the_council_does_not_pass_is_refused(self):
        """The council passes one dossier's nominee and not the other's: the decision
        grants the first; its signature answers the second dossier too, refused."""
        self.proposal.action_send()
        third = make_dossier(self.env, self.officer, self.employee_a)
        third.name = "31/TTr-SNV"
        third.action_send()
        self._review(["agree", "agree", "agree"], rejected=third.line_ids)
        self.assertEqual(third.line_ids.vote_outcome, "rejected")
        decision = self._as(self.province_officer, self.env["tdkt.decision"]).create(
            {
                "name": "151/QĐ-UBND",
                "date_decision": date(2030, 2, 1),
                "year": 2029,
                "kind": "commendation",
            }
        )
        decision.action_create_from_results()
        self.assertEqual(decision.line_ids.proposal_line_id, self.proposal.line_ids)
        decision.action_sign()
        self.assertEqual(self.proposal.state, "decided")
        self.assertEqual(third.state, "decided")
        self.assertEqual(third.line_ids.outcome, "refused")
        self.assertFalse(third.line_ids.award_id)
        # The refused nominee keeps the reason: the council's result, worded in the
        # language of whoever reads it.
        refused = self._as(self.officer, third.line_ids)
        self.assertEqual(
            refused.with_context(lang="en_US").refusal_note,
            "Not passed by the council of Ban Thi đua - Khen thưởng tỉnh: 0% of the "
            f"votes in favour, {third.line_ids.vote_threshold:g}% required.",
        )
        self.assertTrue(
            refused.with_context(lang="vi_VN").refusal_note.startswith(
                "Không được Hội đồng"
            )
        )

    def test_a_person_who_moved_keeps_the_award_where_they_work_now(self):
        """The nominee moves to the other department while the province decides: the
        signature still writes the award, into the history of the person's company."""
        self.proposal.action_send()
        self._review(["agree", "agree", "agree"])
        self.employee_b.write(
            {"company_id": self.dept2.id, "department_id": self.dept2_unit.id}
        )
        decision = self._as(self.province_officer, self.env["tdkt.decision"]).create(
            {
                "name": "152/QĐ-UBND",
                "date_decision": date(2030, 2, 1),
                "year": 2029,
                "kind": "commendation",
            }
        )
        decision.action_create_from_results()
        decision.action_sign()
        award = self.proposal.line_ids.award_id
        self.assertEqual(award.company_id, self.dept2)
        self.assertEqual(award.employee_id, self.employee_b)
        self.assertEqual(self.proposal.state, "decided")
        self.assertIn(
            award, self._as(self.dept2_officer, self.env["tdkt.award"]).search([])
        )

    def test_the_province_cannot_put_a_draft_on_its_agenda(self):
        council, _members = self._provincial_council()
        session = self._as(
            self.province_officer, self.env["tdkt.council.session"]
        ).create({"name": "Phiên họp 2029", "council_id": council.id, "year": 2029})
        session.action_add_agenda()
        self.assertFalse(session.item_ids)
        with self.assertRaises(ValidationError):
            session.item_ids = [
                fields.Command.create({"proposal_line_id": self.proposal.line_ids.id})
            ]


@tagged("post_install", "-at_install")
class TestProvinceRpc(RpcMixin, HttpCase):
    """The same isolation as real users call the server over JSON-RPC."""

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

    def test_departments_and_the_province_over_jsonrpc(self):
        fields_read = ["name", "state", "line_ids"]
        self.assertEqual(
            self._rpc(
                self.province_officer, "tdkt.proposal", "search_read", [], fields_read
            ),
            ([], None),
        )
        self.assertRefused(
            self._rpc(
                self.province_officer,
                "tdkt.proposal",
                "read",
                self.proposal.ids,
                ["name"],
            )
        )
        self.proposal.with_user(self.dept_officer).action_send()
        [dossier] = self.assertAnswered(
            self._rpc(
                self.province_officer, "tdkt.proposal", "search_read", [], fields_read
            )
        )
        self.assertEqual(dossier["id"], self.proposal.id)
        [nominee] = self.assertAnswered(
            self._rpc(
                self.province_officer,
                "tdkt.proposal.line",
                "read",
                dossier["line_ids"],
                ["employee_id", "achievements"],
            )
        )
        self.assertEqual(nominee["employee_id"][1], "Nguyễn Văn Sở")
        self.assertRefused(
            self._rpc(
                self.province_officer,
                "hr.employee",
                "read",
                self.dept_employee.ids,
                ["name"],
            )
        )
        self.assertRefused(
            self._rpc(
                self.province_officer,
                "tdkt.proposal",
                "write",
                self.proposal.ids,
                {"recipient": "X"},
            )
        )
        # The other department reads neither the dossier nor this department's history,
        # nor gives its own history away.
        self.assertEqual(
            self._rpc(self.dept2_officer, "tdkt.proposal", "search_read", [], ["name"]),
            ([], None),
        )
        self.assertRefused(
            self._rpc(
                self.dept2_officer,
                "tdkt.proposal.line",
                "read",
                dossier["line_ids"],
                [],
            )
        )
        self.assertEqual(
            self.assertAnswered(
                self._rpc(self.dept2_officer, "tdkt.award", "search_read", [], ["year"])
            ),
            [{"id": self.dept2_award.id, "year": 2029}],
        )
        self.assertRefused(
            self._rpc(
                self.dept_officer, "tdkt.award", "read", self.dept2_award.ids, ["year"]
            )
        )


@tagged("post_install", "-at_install")
class TestProvinceConsolidation(TdktCommon):
    """The provincial office, allowed in every department's company, sees their plans'
    figures on one dashboard and the registration analysis by department, in as many
    queries for four departments as for two."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_province(cls)
        cls.departments = cls.env["res.company"]

    def _add_department(self, index):
        company = self.env["res.company"].create({"name": f"Sở số {index}"})
        units = self.env["hr.department"].create(
            [
                {"name": f"Phòng {index}.{number}", "company_id": company.id}
                for number in range(3)
            ]
        )
        plan = self.env["tdkt.plan"].create(
            {
                "name": f"Kế hoạch thi đua {index}",
                "number": f"{index}/KH",
                "year": 2031,
                "date_issue": date(2031, 1, 3),
                "date_registration_deadline": date(2031, 1, 30),
                "company_id": company.id,
                "registration_unit_ids": [fields.Command.set(units.ids)],
            }
        )
        self.manager.company_ids |= company
        plan.with_user(self.manager).with_company(company).action_approve()
        plan.registration_ids[:1].sudo().write({"state": "submitted"})
        self.departments |= company

    def _consolidate(self):
        """Return the queries, the dashboard's rows and the analysis by department, as
        the provincial office reads them with every department's company allowed."""
        officer = self.province_officer
        officer.company_ids |= self.departments
        env = self.env(
            user=officer,
            context=dict(
                self.env.context,
                allowed_company_ids=[self.province.id, *self.departments.ids],
            ),
        )
        env.invalidate_all()
        before = self.env.cr.sql_log_count
        plans = env["tdkt.plan"].search([("year", "=", 2031)])
        dashboard = plans.read(
            [
                "company_id",
                "registration_expected_count",
                "registration_submitted_count",
                "task_done_count",
                "proposal_count",
                "initiative_count",
            ]
        )
        by_department = env["tdkt.registration.analysis"]._read_group(
            [("year", "=", 2031)],
            ["company_id"],
            ["expected_count:sum", "submitted_count:sum"],
        )
        return self.env.cr.sql_log_count - before, dashboard, by_department

    def test_the_province_consolidates_its_departments(self):
        for index in (1, 2):
            self._add_department(index)
        self._consolidate()  # caches of the registry (rules, translations) filled
        queries_of_two, dashboard, by_department = self._consolidate()
        self.assertEqual(len(dashboard), 2)
        self.assertEqual(
            {
                row["company_id"][0]: row["registration_expected_count"]
                for row in dashboard
            },
            dict.fromkeys(self.departments.ids, 3),
        )
        self.assertEqual(
            {
                company: (expected, submitted)
                for company, expected, submitted in by_department
            },
            dict.fromkeys(self.departments, (3, 1)),
        )
        for index in (3, 4):
            self._add_department(index)
        self._consolidate()
        queries_of_four, dashboard, by_department = self._consolidate()
        self.assertEqual(len(dashboard), 4)
        self.assertEqual(len(by_department), 4)
        self.assertEqual(queries_of_four, queries_of_two)
        # A department's Office sees its own plan only.
        self.assertFalse(
            self.env["tdkt.plan"]
            .with_user(self.dept2_officer)
            .search([("year", "=", 2031)])
        )


@tagged("post_install", "-at_install", "tdkt_tour")
class TestProvinceTour(TdktTourCase):
    """The provincial office opens a received dossier in the browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_province(cls)
        dept_officer = mail_new_test_user(
            cls.env,
            login="tdkt_tour_dept1_officer",
            groups="tdkt_emulation.group_tdkt_officer",
            company_id=cls.dept1.id,
        )
        employee = cls.env["hr.employee"].create(
            {"name": "Nguyễn Văn Sở", "company_id": cls.dept1.id}
        )
        cls.proposal = make_dossier(cls.env, dept_officer, employee)
        cls.proposal.with_user(dept_officer).action_send()

    def test_the_province_opens_a_received_dossier(self):
        action = self.env.ref("tdkt_emulation.tdkt_proposal_action")
        self.start_tour(
            f"/odoo/action-{action.id}",
            "tdkt_province_received_dossier_tour",
            login=self.province_officer.login,
        )
