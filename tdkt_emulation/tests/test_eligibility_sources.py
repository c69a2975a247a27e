import re
from datetime import date
from pathlib import Path

from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..models.tdkt_eligibility_source import FACT_SOURCES
from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestEligibilitySources(TdktCommon):
    """Every fact a verdict reads marks that verdict when it changes, in the same
    transaction and with no button pressed (tdkt.eligibility.source); and runs of years
    built from signed decisions. Lines of 2030, judged by regime C."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()
        cls.title_merit_province = cls.env.ref("tdkt_emulation.title_merit_province")
        cls.title_merit_pm = cls.env.ref("tdkt_emulation.title_merit_prime_minister")

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

    def _form_of_year(self, year):
        """Unit A's registration form of ``year``, under a plan of that year."""
        plan = self.env["tdkt.plan"].create(
            {
                "name": f"Plan {year}",
                "number": f"{year}/KH",
                "year": year,
                "date_issue": date(year, 1, 3),
                "date_registration_deadline": date(year, 1, 30),
            }
        )
        return self.env["tdkt.registration"].create(
            {"plan_id": plan.id, "unit_id": self.unit_a.id}
        )

    # ------------------------------------------------------------
    # The sources, listed in one place
    # ------------------------------------------------------------

    def test_every_model_the_engine_reads_marks_its_verdicts(self):
        Source = self.registry["tdkt.eligibility.source"]
        for model, names in FACT_SOURCES.items():
            with self.subTest(model=model):
                Model = self.env[model]
                self.assertIsInstance(Model, Source)
                # Each source says which lines read it (not the mixin's NotImplementedError).
                self.assertIsNot(
                    type(Model)._get_lines_for_eligibility,
                    Source._get_lines_for_eligibility,
                )
                self.assertLessEqual(set(names or ()), set(Model._fields))
        # The models the engine's code reads: each one is a listed source.
        source = (
            Path(__file__).resolve().parent.parent / "models/tdkt_eligibility.py"
        ).read_text()
        read = set(re.findall(r'_select\(\s*"([\w.]+)"', source))
        read |= set(re.findall(r'env\["([\w.]+)"\]', source))
        self.assertTrue(read)
        self.assertLessEqual(read, set(FACT_SOURCES))
        # And anything else is refused, whoever would add it.
        with self.assertRaises(ValueError):
            self.env["tdkt.eligibility"]._select("res.partner", [], ["name"])
        with self.assertRaises(ValueError):
            self.env["tdkt.eligibility"]._select("hr.employee", [], ["job_title"])

    def test_recognising_an_initiative_makes_its_authors_line_eligible(self):
        self._line(self.employee_a, self.title_ldtt, rating="good")
        line = self._line(self.employee_a, self.title_cstdcs, rating="good")
        self.assertEqual(line.eligibility_status, "ineligible")
        initiative = self.env["tdkt.initiative"].create(
            {
                "name": "Digital records",
                "unit_id": self.unit_a.id,
                "year": 2030,
                "solution": "Scan",
                "author_ids": [(0, 0, {"employee_id": self.employee_a.id})],
            }
        )
        # The council's scoring passed it (written by its session's closing).
        initiative.sudo().write({"state": "scoring", "score_result": "passed"})
        manager_initiative = initiative.with_user(self.manager)
        manager_initiative.write(
            {"scope": "grassroots", "recognition_decision": "15/QĐ-SNV"}
        )
        self.assertEqual(line.eligibility_status, "ineligible")
        manager_initiative.action_recognize()
        self.assertEqual(line.eligibility_status, "eligible", line.eligibility_reasons)
        self.assertEqual(line._get_eligibility_initiative_ids(), initiative.ids)
        # An author removed no longer has the initiative.
        initiative.author_ids.sudo().write({"employee_id": self.employee_head_a.id})
        self.assertEqual(line.eligibility_status, "ineligible")

    def test_a_persons_unit_makes_them_a_member(self):
        collective = self.env["tdkt.registration.line"].create(
            {
                "registration_id": self.form_a.id,
                "subject_type": "collective",
                "title_id": self.title_ttldtt.id,
            }
        )
        self._line(self.employee_a, self.title_ldtt, rating="good")
        self.assertEqual(collective.eligibility_status, "ineligible")
        self.assertIn("1 of 2 members", collective.eligibility_reasons)
        self.employee_head_a.department_id = self.unit_b
        self.assertEqual(
            collective.eligibility_status, "eligible", collective.eligibility_reasons
        )
        self.assertIn("1 of 1 members", collective.eligibility_reasons)
        # A sub-unit moved under unit A brings its people.
        person = self.env["hr.employee"].create(
            {"name": "Person of C", "department_id": self.unit_b.id}
        )
        unit_c = self.env["hr.department"].create({"name": "Unit C"})
        person.department_id = unit_c
        self.assertIn("1 of 1 members", collective.eligibility_reasons)
        unit_c.parent_id = self.unit_a
        self.assertEqual(collective.eligibility_status, "ineligible")
        self.assertIn("1 of 2 members", collective.eligibility_reasons)

    def test_a_rule_and_its_alternatives_are_facts(self):
        # Rated good: the other way, two years rated excellent, is closed.
        line = self._line(self.employee_a, self.title_merit_province, rating="good")
        self._sign(2029, self.employee_a, self.title_cstdcs, "1/QĐ")
        self._sign(2030, self.employee_a, self.title_cstdcs, "2/QĐ")
        self.assertEqual(line.eligibility_status, "eligible", line.eligibility_reasons)
        alternative = self.env.ref("tdkt_emulation.rule_c_merit_province_alt_1")
        alternative.with_user(self.manager).streak_years = 3
        self.assertEqual(line.eligibility_status, "ineligible")
        alternative.with_user(self.manager).streak_years = 2
        self.assertEqual(line.eligibility_status, "eligible")
        self.env.ref("tdkt_emulation.rule_set_c").with_user(self.manager).active = False
        self.assertEqual(line.eligibility_status, "unknown")
        self.assertIn("No eligibility rule", line.eligibility_reasons)

    def test_a_seven_year_run_from_signed_decisions(self):
        """Bằng khen Thủ tướng (Law 2022 Art 73.1.b): a provincial merit in 2023, then
        2024-2030 rated good, with CSTĐCS in 2024 (the 7th year back), 2027 and 2029."""
        for year in range(2024, 2030):
            self._line(
                self.employee_a,
                self.title_ldtt,
                form=self._form_of_year(year),
                rating="good",
            )
        self.env["tdkt.award"].create(
            {
                "employee_id": self.employee_a.id,
                "year": 2023,
                "title_id": self.title_merit_province.id,
                "decision_number": "88/QĐ-UBND",
            }
        )
        self._line(self.employee_a, self.title_ldtt, rating="good")
        line = self._line(self.employee_a, self.title_merit_pm)
        self._sign(2027, self.employee_a, self.title_cstdcs, "27/QĐ")
        self._sign(2029, self.employee_a, self.title_cstdcs, "29/QĐ")
        self.assertEqual(line.eligibility_status, "ineligible")
        self.assertIn(
            "held 2 times within the run of years, 2024-2030",
            line.eligibility_reasons,
        )
        decision = self._sign(2024, self.employee_a, self.title_cstdcs, "24/QĐ")
        self.assertEqual(line.eligibility_status, "eligible", line.eligibility_reasons)
        self.assertIn(
            "7 years in a row rated Good completion of duties or better since "
            "Certificate of Merit of the Chairman of the Provincial People's Committee "
            "of 2023, 2024-2030",
            line.eligibility_reasons,
        )
        self.assertIn("held 3 times within the run", line.eligibility_reasons)
        self.assertIn("[Law 2022 Art 73.1.b]", line.eligibility_reasons)
        # Worded in the reader's language when read.
        self.assertIn(
            "Đạt Chiến sĩ thi đua cơ sở 3 lần trong chuỗi năm liên tục (2024-2030)",
            line.with_context(lang="vi_VN").eligibility_reasons,
        )
        # A gap year breaks the run.
        gap = self.env["tdkt.registration.line"].search(
            [("employee_id", "=", self.employee_a.id), ("year", "=", 2026)]
        )
        gap.rating = "complete"
        self.assertEqual(line.eligibility_status, "ineligible")
        self.assertIn("The run ends with 2026, rated lower.", line.eligibility_reasons)
        gap.rating = "good"
        self.assertEqual(line.eligibility_status, "eligible")
        decision.with_user(self.manager)._cancel("Signed by mistake")
        self.assertEqual(line.eligibility_status, "ineligible")

    def test_marking_more_lines_takes_no_more_queries(self):
        rule = self.env.ref("tdkt_emulation.rule_c_ldtt").with_user(self.manager)
        Line = self.env["tdkt.registration.line"]

        def people_lines(count, start):
            people = self.env["hr.employee"].create(
                [
                    {"name": f"Person {n}", "department_id": self.unit_a.id}
                    for n in range(start, start + count)
                ]
            )
            return Line.create(
                [
                    {
                        "registration_id": self.form_a.id,
                        "employee_id": person.id,
                        "title_id": self.title_ldtt.id,
                        "rating": "good",
                    }
                    for person in people
                ]
            )

        counts, checks = [], []
        lines = people_lines(10, 0)
        rule.write({"min_months": 9})  # warms the caches of the rule and its rights
        self.env.flush_all()
        for more in (0, 1000):
            lines |= people_lines(more, 10) if more else Line
            self.env.flush_all()
            self.env.invalidate_all()
            months = 7 if more else 8
            before = self.env.cr.sql_log_count
            rule.write({"min_months": months})
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(
                len(
                    lines
                    & self.env.records_to_compute(Line._fields["eligibility_data"])
                ),
                len(lines),
            )
            self.env.flush_all()
            # Checked again by the Office (record rules apply), more than a thousand ids.
            officer_lines = lines.with_user(self.officer)
            officer_lines[:1].action_check_eligibility()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            officer_lines.action_check_eligibility()
            checks.append(self.env.cr.sql_log_count - before)
        self.assertEqual(len(lines), 1010)
        self.assertEqual(
            counts[0], counts[1], f"queries to mark 10 and 1,010 lines: {counts}"
        )
        self.assertEqual(
            checks[0], checks[1], f"queries to check 10 and 1,010 lines: {checks}"
        )

    def test_checking_lines_one_cannot_read_is_refused(self):
        line_b = self._line(
            self.employee_b, self.title_ldtt, form=self.form_b, rating="good"
        )
        line_a = self._line(self.employee_a, self.title_ldtt, rating="good")
        line_a.with_user(self.head_a).action_check_eligibility()
        with self.assertRaises(AccessError):
            (line_a | line_b).with_user(self.head_a).action_check_eligibility()
