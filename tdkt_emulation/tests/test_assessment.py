import base64
import io

from openpyxl import load_workbook
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestAssessment(TdktCommon):
    """Yearly assessments as their own records, and what the eligibility makes of them:
    regime C (2030), unit C of ten people registering through "Fill with my unit's
    people"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_c = cls.env["hr.department"].create({"name": "Unit C"})
        cls.people_c = cls.env["hr.employee"].create(
            [
                {"name": f"Person C{n}", "department_id": cls.unit_c.id}
                for n in range(10)
            ]
        )
        cls.plan.registration_unit_ids = cls.unit_a | cls.unit_b | cls.unit_c
        cls.plan.with_user(cls.manager).action_approve()
        forms = {form.unit_id: form for form in cls.plan.registration_ids}
        cls.form_a, cls.form_b = forms[cls.unit_a], forms[cls.unit_b]
        cls.form_c = forms[cls.unit_c]
        cls.title_ttldxs = cls.env.ref("tdkt_emulation.title_ttldxs")
        cls.Assessment = cls.env["tdkt.assessment"]
        cls.Line = cls.env["tdkt.registration.line"]

    def _assess(self, people, rating, year=2030, **vals):
        return self.Assessment.create(
            [
                {"employee_id": person.id, "year": year, "rating": rating, **vals}
                for person in people
            ]
        )

    def _collective(self, title, form=None):
        return self.Line.create(
            {
                "registration_id": (form or self.form_c).id,
                "subject_type": "collective",
                "title_id": title.id,
            }
        )

    def _line(self, employee, title, form=None, **vals):
        return self.Line.create(
            {
                "registration_id": (form or self.form_a).id,
                "employee_id": employee.id,
                "title_id": title.id,
                **vals,
            }
        )

    # ------------------------------------------------------------
    # Storage: the line shows and edits the assessment of its subject's year
    # ------------------------------------------------------------

    def test_line_facts_live_in_the_assessment(self):
        line = self._line(self.employee_a, self.title_ldtt, rating="good")
        assessment = self.Assessment.search(
            [("employee_id", "=", self.employee_a.id), ("year", "=", 2030)]
        )
        self.assertEqual(len(assessment), 1)
        self.assertEqual(
            (assessment.rating, assessment.months_worked, assessment.department_id),
            ("good", 12, self.unit_a),
        )
        line.write(
            {
                "months_worked": 5,
                "discipline": "reprimand",
                "discipline_reference": "1/KL",
            }
        )
        self.assertEqual(
            (assessment.months_worked, assessment.discipline), (5, "reprimand")
        )
        # The person's other line of the year shows the same facts, and the engine reads them.
        other = self._line(self.employee_a, self.title_cstdcs)
        self.assertEqual((other.rating, other.months_worked), ("good", 5))
        self.assertEqual(line.eligibility_status, "ineligible")
        assessment.write({"months_worked": 12, "discipline": False})
        self.assertEqual(line.months_worked, 12)
        self.assertEqual(line.eligibility_status, "eligible", line.eligibility_reasons)
        with self.assertRaises(ValidationError):
            line.months_worked = 13
        # A collective line's rating is the unit's assessment.
        collective = self._collective(self.title_ttldxs)
        collective.rating = "excellent"
        unit_assessment = self.env["tdkt.unit.assessment"].search(
            [("unit_id", "=", self.unit_c.id), ("year", "=", 2030)]
        )
        self.assertEqual(unit_assessment.rating, "excellent")

    def test_one_assessment_a_person_and_year(self):
        self._assess(self.employee_a, "good")
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self._assess(self.employee_a, "excellent")
        with self.assertRaises(ValidationError):
            self._assess(self.employee_b, "good", discipline="warning")

    # ------------------------------------------------------------
    # Counting the members who qualify, not those proposed
    # ------------------------------------------------------------

    def test_collective_counts_members_who_qualify_not_proposals(self):
        self.form_c.action_fill_unit_employees()
        ldtt_lines = self.form_c.line_ids
        self.assertEqual(len(ldtt_lines), 10)
        self.assertEqual(set(ldtt_lines.title_id.mapped("code")), {"LDTT"})
        self._assess(self.people_c[:6], "good")
        self._assess(self.people_c[6:], "complete")
        self._line(
            self.people_c[0], self.title_cstdcs, form=self.form_c
        ).rating = "excellent"
        collective = self._collective(self.title_ttldxs)
        # The collective itself is rated excellent (regime C, Law 2022 Art 27.1).
        collective.rating = "excellent"
        self.assertEqual(ldtt_lines.mapped("eligibility_status").count("eligible"), 6)
        self.assertEqual(collective.eligibility_status, "ineligible")
        self.assertIn(
            "6 of 10 members hold Advanced Worker (60%); at least 70% is required.",
            collective.eligibility_reasons,
        )
        # A seventh member rated well enough: their own line is eligible, so they count.
        self.Assessment.search(
            [("employee_id", "=", self.people_c[6].id), ("year", "=", 2030)]
        ).rating = "good"
        self.assertEqual(
            collective.eligibility_status, "eligible", collective.eligibility_reasons
        )
        self.assertIn(
            "7 of 10 members hold Advanced Worker (70%)", collective.eligibility_reasons
        )
        self.assertIn(
            "1 members hold Grassroots Emulation Fighter",
            collective.eligibility_reasons,
        )

    def test_a_proposed_title_counts_only_when_its_line_is_eligible(self):
        ldtt = self._line(self.employee_a, self.title_ldtt, rating="excellent")
        cstdcs = self._line(self.employee_a, self.title_cstdcs)
        ldtt.months_worked = 3
        self.assertEqual(ldtt.eligibility_status, "ineligible")
        self.assertEqual(cstdcs.eligibility_status, "ineligible")
        self.assertIn(
            "✗ Advanced Worker in 2030 is required", cstdcs.eligibility_reasons
        )
        ldtt.months_worked = 12
        self.assertEqual(
            cstdcs.eligibility_status, "eligible", cstdcs.eligibility_reasons
        )

    def test_members_of_the_year_come_from_the_assessments(self):
        """A person assessed in unit C for 2030 counts among C's members although they
        have no line that year and have since moved to unit B, where they do not count."""
        moved = self.env["hr.employee"].create(
            {"name": "Moved Person", "department_id": self.unit_c.id}
        )
        self._assess(moved, "complete")
        moved.department_id = self.unit_b
        people = self.people_c[:4]
        self.people_c[4:].action_archive()
        self._assess(people, "good")
        for person in people:
            self._line(person, self.title_ldtt, form=self.form_c)
        collective = self._collective(self.title_ttldtt)
        self.assertIn(
            "4 of 5 members hold Advanced Worker (80%)", collective.eligibility_reasons
        )
        self.assertEqual(collective.eligibility_status, "eligible")
        collective_b = self._collective(self.title_ttldtt, form=self.form_b)
        members_b = self.env["hr.employee"].search_count(
            [("department_id", "child_of", self.unit_b.id)]
        )
        self.assertIn(
            f"0 of {members_b - 1} members hold Advanced Worker",
            collective_b.eligibility_reasons,
        )

    def test_unit_rating_requirement(self):
        """Regime C's Excellent Labour Collective needs the collective itself rated
        excellent (Law 2022 Art 27.1), read from the unit's assessment of the year."""
        self.assertEqual(
            self.env.ref("tdkt_emulation.rule_c_ttldxs").collective_min_rating,
            "excellent",
        )
        collective = self._collective(self.title_ttldxs)
        self.assertIn(
            "? The collective's own rating of 2030 is not entered",
            collective.eligibility_reasons,
        )
        collective.rating = "good"
        self.assertIn(
            "✗ The collective's own rating of 2030", collective.eligibility_reasons
        )
        collective.rating = "excellent"
        self.assertIn(
            "✓ The collective's own rating of 2030", collective.eligibility_reasons
        )

    # ------------------------------------------------------------
    # Access
    # ------------------------------------------------------------

    def test_units_enter_their_own_people(self):
        mover = self.env["hr.employee"].create(
            {"name": "Mover", "department_id": self.unit_b.id}
        )
        mine = self._assess(self.employee_a, "good")
        theirs = self._assess(mover, "good")
        Assessment = self.Assessment.with_user(self.user_a)
        self.assertEqual(Assessment.search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.user_a).rating = "excellent"
        with self.assertRaises(AccessError):
            Assessment.create({"employee_id": mover.id, "year": 2031, "rating": "good"})
        with self.assertRaises(AccessError):
            mine.with_user(self.user_a).department_id = self.unit_b
        # A person who moves: the new unit sees their past assessment, the old one keeps
        # the year it entered.
        mover.department_id = self.unit_a
        self.assertEqual(Assessment.search([]), mine | theirs)
        self.assertEqual(self.Assessment.with_user(self.user_b).search([]), theirs)
        self.assertEqual(
            self.Assessment.with_user(self.officer).search(
                [("id", "in", (mine | theirs).ids)]
            ),
            mine | theirs,
        )

    # ------------------------------------------------------------
    # Import
    # ------------------------------------------------------------

    def _import_file(self, rows):
        wizard = self.env["tdkt.assessment.import"].create({})
        content, _name = wizard._get_template_xlsx()
        book = load_workbook(io.BytesIO(content))
        sheet = book.worksheets[0]
        headers = [cell.value for cell in sheet[1]]
        for row in rows:
            sheet.append([row.get(header) for header in headers])
        out = io.BytesIO()
        book.save(out)
        wizard.file = base64.b64encode(out.getvalue())
        return wizard, headers

    def test_import_round_trip(self):
        old = self._assess(self.people_c[0], "complete")
        wizard, headers = self._import_file([])
        self.assertIn("Mức xếp loại chất lượng năm", headers)
        by_field = dict(
            zip(
                ("employee", "unit", "year", "rating", "months", "discipline", "ref"),
                headers,
                strict=True,
            )
        )
        rows = [
            {
                by_field["employee"]: "Person C0",
                by_field["year"]: 2030,
                by_field["rating"]: "Hoàn thành tốt nhiệm vụ",
            },
            {
                by_field["employee"]: "Person C1",
                by_field["unit"]: "Unit C",
                by_field["year"]: 2030,
                by_field["rating"]: "Hoàn thành xuất sắc nhiệm vụ",
                by_field["months"]: 10,
                by_field["discipline"]: "Khiển trách",
                by_field["ref"]: "5/QĐ-KL",
            },
        ]
        wizard, _headers = self._import_file(rows)
        wizard.action_check()
        self.assertFalse(wizard.error_text)
        self.assertEqual(wizard.award_count, 2)
        action = wizard.action_import()
        imported = self.Assessment.search(action["domain"])
        self.assertEqual(len(imported), 2)
        self.assertEqual(old.rating, "good", "updated, not duplicated")
        new = imported - old
        self.assertEqual(
            (new.employee_id, new.department_id, new.rating, new.months_worked),
            (self.people_c[1], self.unit_c, "excellent", 10),
        )
        self.assertEqual(
            (new.discipline, new.discipline_reference), ("reprimand", "5/QĐ-KL")
        )

    def test_import_refuses_bad_rows_and_writes_nothing(self):
        wizard, headers = self._import_file([])
        rows = [
            {
                headers[0]: "Person C0",
                headers[2]: 2030,
                headers[3]: "Completion of duties",
            },
            {headers[0]: "Nobody", headers[2]: 2030, headers[3]: "Great"},
            {
                headers[0]: "Person C2",
                headers[2]: 2030,
                headers[3]: "Completion of duties",
                headers[4]: 14,
            },
        ]
        wizard, _headers = self._import_file(rows)
        with self.assertRaises(UserError) as caught:
            wizard.action_import()
        message = caught.exception.args[0]
        self.assertIn("Row 3, column Employee: nothing is named Nobody.", message)
        self.assertIn("Row 3, column Rating of the Year: Great is not one of", message)
        self.assertIn(
            "Row 4, column Months Worked: months worked in a year are from 0 to 12, not 14.",
            message,
        )
        self.assertFalse(
            self.Assessment.search([("employee_id", "in", self.people_c.ids)])
        )
