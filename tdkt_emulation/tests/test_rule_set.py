from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from ..lib.eligibility import ELIGIBLE, INELIGIBLE, Facts, check


@tagged("post_install", "-at_install")
class TestRuleSet(TransactionCase):
    def test_the_year_picks_the_regime(self):
        RuleSet = self.env["tdkt.rule.set"]
        self.assertEqual(
            [
                RuleSet._get_for_year(year).code
                for year in (2020, 2023, 2024, 2025, 2026)
            ],
            ["A", "A", "B", "C", "C"],
        )

    def test_overlapping_regimes_are_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["tdkt.rule.set"].create(
                {"name": "Draft decree", "code": "D", "date_from": date(2026, 1, 1)}
            )
        self.assertIn("in force at the same time", str(caught.exception))
        # A new regime is data: end C, then add D.
        self.env.ref("tdkt_emulation.rule_set_c").date_to = date(2026, 12, 31)
        regime = self.env["tdkt.rule.set"].create(
            {"name": "New decree", "code": "D", "date_from": date(2027, 1, 1)}
        )
        self.assertEqual(self.env["tdkt.rule.set"]._get_for_year(2027), regime)

    def test_stored_rule_reaches_the_engine(self):
        rule = self.env.ref("tdkt_emulation.rule_b_merit_province")._get_title_rule()
        self.assertEqual(rule.title, "BK_UBND_TINH")
        self.assertEqual(len(rule.alternatives), 2)
        self.assertEqual(
            check(
                rule, Facts(2024, awards={2023: {"CSTDCS"}, 2024: {"CSTDCS"}})
            ).status,
            ELIGIBLE,
        )
        self.assertEqual(
            check(rule, Facts(2024, awards={2024: {"CSTDCS"}})).status, INELIGIBLE
        )
        # The setting on the rule set reaches the rule.
        self.env.ref("tdkt_emulation.rule_set_b").gap_breaks_streak = False
        rule = self.env.ref("tdkt_emulation.rule_b_cstd_province")._get_title_rule()
        self.assertFalse(rule.gap_breaks_streak)
        self.assertEqual(rule.requirements.streak_title, "CSTDCS")

    def test_bad_parameters_are_refused(self):
        rule = self.env.ref("tdkt_emulation.rule_a_cstdcs")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            rule.quota_percent = 150
            rule.flush_recordset()
