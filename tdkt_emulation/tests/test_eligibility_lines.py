import io
from datetime import date
from itertools import takewhile

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestEligibilityLines(TdktCommon):
    """Registration lines of 2030, judged by regime C."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()
        cls.title_province = cls.env.ref("tdkt_emulation.title_cstd_province")

    def _line(self, employee, title, form=None, **vals):
        return self.env["tdkt.registration.line"].create(
            {
                "registration_id": (form or self.form_a).id,
                "employee_id": employee.id,
                "title_id": title.id,
                **vals,
            }
        )

    def _sign(self, year, employee, title, number):
        decision = self.env["tdkt.decision"].create(
            {
                "name": number,
                "date_decision": date(year + 1, 1, 15),
                "year": year,
                "line_ids": [
                    (0, 0, {"employee_id": employee.id, "title_id": title.id})
                ],
            }
        )
        decision.with_user(self.manager).action_sign()
        return decision

    def test_facts_drive_the_status_and_its_reasons(self):
        line = self._line(self.employee_a, self.title_ldtt)
        self.assertEqual(line.eligibility_status, "unknown")
        self.assertIn("Rating of 2030 not entered", line.eligibility_reasons)
        line.rating = "good"
        self.assertEqual(line.eligibility_status, "eligible")
        self.assertIn("Law 2022 Art 24.1", line.eligibility_reasons)
        self.assertIn("(rule to confirm)", line.eligibility_reasons)
        line.months_worked = 5
        self.assertEqual(line.eligibility_status, "ineligible")
        self.assertIn(
            "✗ Months worked in the year: 5; at least 6 are required.",
            line.eligibility_reasons,
        )
        line.months_worked = 12
        for bad in (
            {"months_worked": 13},
            {"months_worked": -1},
            {"discipline": "reprimand"},
        ):
            with self.subTest(bad=bad), self.assertRaises(ValidationError):
                line.write(bad)
                line.flush_recordset()
        line.write({"discipline": "reprimand", "discipline_reference": "12/QĐ-KL"})
        self.assertEqual(line.eligibility_status, "ineligible")
        self.assertIn("Disciplined in 2030: Reprimand.", line.eligibility_reasons)

    def test_reasons_are_worded_in_the_readers_language(self):
        line = self._line(self.employee_a, self.title_ldtt, rating="good")
        reasons = line.with_context(lang="vi_VN").eligibility_reasons
        self.assertNotIn("Months worked", reasons)
        self.assertIn("12", reasons)

    def test_three_consecutive_grassroots_titles_from_signed_decisions(self):
        initiative = self.env["tdkt.initiative"].create(
            {
                "name": "Digital records",
                "unit_id": self.unit_a.id,
                "year": 2029,
                "solution": "Scan",
                "author_ids": [(0, 0, {"employee_id": self.employee_a.id})],
            }
        )
        initiative.sudo().write({"state": "recognized", "scope": "provincial"})
        line = self._line(self.employee_a, self.title_province)
        self.assertEqual(line.eligibility_status, "ineligible")
        self.assertIn("missing: 2028, 2029, 2030", line.eligibility_reasons)
        self._sign(2028, self.employee_a, self.title_cstdcs, "1/QĐ")
        self._sign(2029, self.employee_a, self.title_cstdcs, "2/QĐ")
        self.assertEqual(line.eligibility_status, "ineligible")
        self.assertIn("missing: 2030", line.eligibility_reasons)
        decision = self._sign(2030, self.employee_a, self.title_cstdcs, "3/QĐ")
        self.assertEqual(line.eligibility_status, "eligible", line.eligibility_reasons)
        self.assertIn("held 3 years in a row, 2028-2030", line.eligibility_reasons)
        self.assertEqual(line._get_eligibility_initiative_ids(), initiative.ids)
        decision.with_user(self.manager)._cancel("Signed by mistake")
        self.assertEqual(line.eligibility_status, "ineligible")

    def test_a_used_initiative_no_longer_counts(self):
        initiative = self.env["tdkt.initiative"].create(
            {
                "name": "Digital records",
                "unit_id": self.unit_a.id,
                "year": 2030,
                "solution": "Scan",
                "author_ids": [(0, 0, {"employee_id": self.employee_a.id})],
            }
        )
        initiative.sudo().write({"state": "recognized", "scope": "grassroots"})
        self._line(self.employee_a, self.title_ldtt, rating="good")
        line = self._line(self.employee_a, self.title_cstdcs, rating="good")
        self.assertEqual(line.eligibility_status, "eligible", line.eligibility_reasons)
        self.env["tdkt.award"].create(
            {
                "employee_id": self.employee_a.id,
                "year": 2029,
                "title_id": self.title_cstdcs.id,
                "decision_number": "9/QĐ",
                "initiative_ids": [(6, 0, initiative.ids)],
            }
        )
        self.assertEqual(line.eligibility_status, "ineligible")
        self.assertIn(
            "Recognized initiatives of Grassroots scope or wider in 2030: 0; 1 required.",
            line.eligibility_reasons,
        )

    def test_quota_at_its_limit(self):
        rule = self.env.ref("tdkt_emulation.rule_c_cstdcs")
        rule.with_user(self.manager).write(
            {"quota_percent": 15, "quota_base_title_id": self.title_ldtt.id}
        )
        people = self.env["hr.employee"].create(
            [
                {"name": f"Person {n}", "department_id": self.unit_a.id}
                for n in range(20)
            ]
        )
        for person in people:
            self._line(person, self.title_ldtt, rating="excellent")
        candidates = [
            self._line(person, self.title_cstdcs, rating="excellent")
            for person in people[:3]
        ]
        for line in candidates:
            self.assertEqual(
                line.eligibility_status, "eligible", line.eligibility_reasons
            )
            self.assertIn(
                "Candidates in the unit: 3; at most 3 (15% of 20 Advanced Worker)",
                line.eligibility_reasons,
            )
        self.assertIn("at most 3", self.form_a.quota_summary)
        candidates.append(self._line(people[3], self.title_cstdcs, rating="excellent"))
        for line in candidates:
            self.assertEqual(line.eligibility_status, "ineligible")
        self.assertIn("Candidates in the unit: 4; at most 3", self.form_a.quota_summary)

    def test_collective_title_counts_the_members(self):
        collective = self.env["tdkt.registration.line"].create(
            {
                "registration_id": self.form_a.id,
                "subject_type": "collective",
                "title_id": self.title_ttldtt.id,
            }
        )
        self._line(self.employee_a, self.title_ldtt, rating="good")
        self.assertEqual(collective.eligibility_status, "ineligible")
        self.assertIn(
            "1 of 2 members hold Advanced Worker (50%); more than 50% is required.",
            collective.eligibility_reasons,
        )
        self._line(self.employee_head_a, self.title_ldtt, rating="good")
        self.assertEqual(
            collective.eligibility_status, "eligible", collective.eligibility_reasons
        )

    def test_a_rule_change_is_a_data_change(self):
        line = self._line(
            self.employee_a, self.title_ldtt, rating="good", months_worked=8
        )
        self.assertEqual(line.eligibility_status, "eligible")
        self.env.ref("tdkt_emulation.rule_c_ldtt").with_user(
            self.manager
        ).min_months = 10
        self.assertEqual(line.eligibility_status, "ineligible")

    def test_submitting_ineligible_lines_warns(self):
        line = self._line(self.employee_a, self.title_cstdcs)
        self.assertEqual(line.eligibility_status, "ineligible")
        action = self.form_a.with_user(self.head_a).action_submit()
        self.assertEqual(action["res_model"], "tdkt.registration.submit")
        self.assertEqual(self.form_a.state, "draft")
        self.assertEqual(self.form_a.ineligible_count, 1)
        wizard = (
            self.env["tdkt.registration.submit"]
            .with_user(self.head_a)
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual(wizard.line_ids, line)
        wizard.action_confirm()
        self.assertEqual(self.form_a.state, "submitted")

    def test_override_needs_an_officer_and_a_reason(self):
        line = self._line(self.employee_a, self.title_cstdcs)
        self.form_a.with_user(self.head_a).with_context(
            tdkt_submit_confirmed=True
        ).action_submit()
        self.form_a.with_user(self.officer).action_receive()
        council, _members = self._create_council("emulation", 3)
        session = (
            self.env["tdkt.council.session"]
            .with_user(self.officer)
            .create(
                {"name": "Review", "council_id": council.id, "plan_id": self.plan.id}
            )
        )
        session.action_add_agenda()
        self.assertFalse(session.item_ids, "an ineligible line waits for an override")
        with self.assertRaises(ValidationError):
            session.item_ids = [(0, 0, {"registration_line_id": line.id})]
        with self.assertRaises(AccessError):
            line.with_user(self.head_a)._override_eligibility("Please")
        for forged in (
            {"eligibility_override": True},
            {"eligibility_status": "eligible"},
        ):
            with self.assertRaises(AccessError):
                line.with_user(self.officer).write(forged)
            with self.assertRaises(AccessError):
                self.env["tdkt.registration.line"].with_user(self.officer).create(
                    {
                        "registration_id": self.form_b.id,
                        "employee_id": self.employee_b.id,
                        "title_id": self.title_ldtt.id,
                        **forged,
                    }
                )
        with self.assertRaises(UserError):
            line.with_user(self.officer)._override_eligibility(" ")
        self.env["tdkt.eligibility.override"].with_user(self.officer).with_context(
            active_ids=line.ids
        ).create({"reason": "The initiative is recognized on paper"}).action_confirm()
        self.assertTrue(line.eligibility_override)
        self.assertEqual(line.override_user_id, self.officer)
        self.assertIn(
            "The initiative is recognized on paper", self.form_a.message_ids[0].body
        )
        session.action_add_agenda()
        self.assertEqual(session.item_ids.registration_line_id, line)
        eligible = self._line(
            self.employee_b, self.title_ldtt, form=self.form_b, rating="good"
        )
        with self.assertRaises(UserError):
            eligible.with_user(self.officer)._override_eligibility("Not needed")

    def test_checking_more_lines_takes_no_more_queries(self):
        people = self.env["hr.employee"].create(
            [
                {
                    "name": f"Person {n}",
                    "department_id": (self.unit_a if n % 2 else self.unit_b).id,
                }
                for n in range(40)
            ]
        )
        lines = self.env["tdkt.registration.line"]
        for index, person in enumerate(people):
            form = self.form_a if index % 2 else self.form_b
            lines |= self._line(person, self.title_ldtt, form=form, rating="good")
            lines |= self._line(
                person, self.title_cstdcs, form=form, rating="excellent"
            )
        for year in (2027, 2028, 2029):
            self.env["tdkt.award"].create(
                [
                    {
                        "employee_id": person.id,
                        "year": year,
                        "title_id": self.title_ldtt.id,
                        "decision_number": "x",
                    }
                    for person in people
                ]
            )
        Eligibility = self.env["tdkt.eligibility"]
        expected = {line: line.eligibility_status for line in lines}
        counts, stored = [], []
        lines[:2].with_user(
            self.officer
        ).action_check_eligibility()  # warms the officer's caches
        for subset in (lines[:6], lines):
            self.env.invalidate_all()
            subset = subset.browse(subset.ids)
            before = self.env.cr.sql_log_count
            results = Eligibility._check_lines(subset)
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(
                {line: results[line]["status"] for line in subset},
                {line: expected[line] for line in subset},
            )
            self.env.cr.execute(
                "UPDATE tdkt_registration_line SET eligibility_status = NULL WHERE id IN %s",
                [tuple(subset.ids)],
            )
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            subset.with_user(self.officer).action_check_eligibility()
            stored.append(self.env.cr.sql_log_count - before)
            self.env.invalidate_all()
            self.assertEqual(
                {line: line.eligibility_status for line in subset},
                {line: expected[line] for line in subset},
            )
        self.assertEqual(
            counts[0], counts[1], f"queries to check 6 and 80 lines: {counts}"
        )
        self.assertEqual(
            stored[0], stored[1], f"queries to check and store 6 and 80 lines: {stored}"
        )

    def test_eligibility_check_list_xlsx(self):
        self._line(self.employee_a, self.title_ldtt, rating="good")
        self._line(self.employee_head_a, self.title_cstdcs, note="=1+1")
        Report = self.env["tdkt.xlsx.report"]
        # Worded in Vietnamese whatever the reader's language.
        self.officer.lang = "en_US"
        content, filename, _mimetype = Report.with_user(self.officer).render(
            "eligibility", self.form_a.line_ids.with_user(self.officer)
        )
        self.assertEqual(filename, "danh-sach-dieu-kien-2030.xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = list(takewhile(any, sheet.iter_rows(min_row=9, values_only=True)))
        by_name = {row[2]: row for row in rows}
        self.assertEqual(by_name[self.employee_a.name][4], "Đủ điều kiện")
        head = by_name[self.employee_head_a.name]
        self.assertEqual(head[4], "Không đủ điều kiện")
        title = self.title_ldtt.with_context(lang="vi_VN").name
        self.assertTrue(
            head[5].split("\n")[0].startswith(f"✗ Yêu cầu đạt {title} năm 2030.")
        )
        with self.assertRaises(AccessError):
            Report.with_user(self.user_b).render(
                "eligibility", self.form_a.line_ids.with_user(self.user_b)
            )
