from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestDecisionAuthority(TdktCommon):
    """The council passes an Advanced Worker of unit A and Unit A's Excellent Labour
    Collective (Tập thể lao động xuất sắc, which only the provincial chairman grants); the
    Director's decision takes the first and leaves the second for a proposal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._pass_a_person_and_a_collective()

    def _decision(self, year=2030, number="1"):
        return (
            self.env["tdkt.decision"]
            .with_user(self.officer)
            .create(
                {
                    "name": f"{number}/QĐ-SNV",
                    "date_decision": date(year + 1, 1, 10),
                    "year": year,
                    "authority": "Giám đốc Sở Nội vụ",
                }
            )
        )

    def test_create_from_results_leaves_higher_titles_for_a_proposal(self):
        decision = self._decision()
        self.assertEqual(decision.authority_level, "agency")
        action = decision.action_create_from_results()
        self.assertEqual(decision.line_ids.registration_line_id, self.line_person)
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn(self.title_ttldxs.name, action["params"]["message"])
        self.assertIn(
            "Chairman of the provincial People's Committee", action["params"]["message"]
        )
        # The collective's result still waits: a decision of the province's level takes it.
        self.company.tdkt_authority_level = "province"
        provincial = self._decision(number="2")
        self.assertFalse(provincial.action_create_from_results())
        self.assertEqual(provincial.line_ids.registration_line_id, self.line_unit)

    def test_only_higher_titles_passed_refuses_with_the_titles(self):
        self._decision().action_create_from_results()
        with self.assertRaisesRegex(UserError, self.title_ttldxs.name):
            self._decision(number="2").action_create_from_results()

    def test_a_line_above_the_authority_is_refused_by_name(self):
        decision = self._decision()
        with self.assertRaises(ValidationError) as refused:
            decision.write(
                {
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "subject_type": "collective",
                                "unit_id": self.unit_b.id,
                                "title_id": self.title_ttldxs.id,
                            },
                        )
                    ]
                }
            )
        message = str(refused.exception)
        self.assertIn(self.title_ttldxs.name, message)
        self.assertIn("Unit B", message)
        self.assertIn("Chairman of the provincial People's Committee", message)
        self.assertFalse(decision.line_ids)

    def test_regime_c_lets_commune_chairmen_grant_grassroots_titles(self):
        """Decree 129/2025 Art 59: from regime C, commune chairmen grant the Advanced
        Worker; before it, the head of the agency did."""
        self.company.tdkt_authority_level = "commune"
        line = {
            "subject_type": "individual",
            "employee_id": self.employee_b.id,
            "title_id": self.title_ldtt.id,
        }
        commune = self._decision(2030)
        commune.line_ids = [(0, 0, line)]
        self.assertEqual(commune.line_ids.title_id, self.title_ldtt)
        with self.assertRaisesRegex(
            ValidationError, "Head of the agency or department"
        ):
            self._decision(2022).line_ids = [(0, 0, line)]

    def test_changing_the_year_or_the_company_level_is_checked_again(self):
        self.company.tdkt_authority_level = "province"
        decision = self._decision()
        decision.line_ids = [
            (
                0,
                0,
                {
                    "subject_type": "collective",
                    "unit_id": self.unit_b.id,
                    "title_id": self.title_ttldxs.id,
                },
            )
        ]
        self.company.tdkt_authority_level = "agency"
        with self.assertRaises(UserError):
            decision.with_user(self.manager).action_sign()
        self.assertEqual(decision.state, "draft")
        self.assertFalse(decision.award_ids)

    def test_rule_authority_is_data_per_regime(self):
        """A province that rules otherwise changes the rule, not the code."""
        rule_set = self.env["tdkt.rule.set"]._get_for_year(2030)
        rule = rule_set.rule_ids.filtered(lambda r: r.title_id == self.title_ttldxs)
        self.assertEqual(rule.authority_level, "province")
        rule.authority_level = "agency"
        decision = self._decision()
        self.assertFalse(decision.action_create_from_results())
        self.assertEqual(
            decision.line_ids.registration_line_id, self.line_person | self.line_unit
        )
