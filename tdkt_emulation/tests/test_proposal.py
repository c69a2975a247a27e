from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestProposal(TdktCommon):
    """The council passes an Advanced Worker of unit A and Unit A's Excellent Labour
    Collective, which only the provincial chairman grants: the Director's decision takes
    the first, a dossier to the province the second."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._pass_a_person_and_a_collective()
        cls.title_merit_province = cls.env.ref("tdkt_emulation.title_merit_province")
        cls.title_merit_pm = cls.env.ref("tdkt_emulation.title_merit_prime_minister")

    def _proposal(self, **vals):
        return (
            self.env["tdkt.proposal"]
            .with_user(self.officer)
            .create(
                {
                    "name": "30/TTr-SNV",
                    "year": 2030,
                    "recipient": "Hội đồng Thi đua - Khen thưởng tỉnh",
                    **vals,
                }
            )
        )

    def test_results_split_between_the_decision_and_the_dossier(self):
        proposal = self._proposal()
        proposal.action_create_from_results()
        self.assertEqual(proposal.line_ids.registration_line_id, self.line_unit)
        decision = (
            self.env["tdkt.decision"]
            .with_user(self.officer)
            .create(
                {"name": "1/QĐ-SNV", "date_decision": date(2031, 1, 5), "year": 2030}
            )
        )
        self.assertFalse(decision.action_create_from_results())
        self.assertEqual(decision.line_ids.registration_line_id, self.line_person)
        with self.assertRaises(UserError):
            self._proposal(name="31/TTr-SNV").action_create_from_results()

    def test_a_title_the_company_grants_needs_no_dossier(self):
        with self.assertRaisesRegex(ValidationError, self.title_ldtt.name):
            self._proposal(
                line_ids=[
                    (
                        0,
                        0,
                        {
                            "employee_id": self.employee_b.id,
                            "title_id": self.title_ldtt.id,
                            "reason": "x",
                        },
                    )
                ]
            )

    def test_incomplete_dossier_is_refused_with_its_checklist_then_returned_and_decided(
        self,
    ):
        proposal = self._proposal()
        proposal.action_create_from_results()
        with self.assertRaises(UserError) as refused:
            proposal.action_send()
        self.assertIn("Unit A", str(refused.exception))
        self.assertIn("achievement report", str(refused.exception))
        self.assertIn("rating of excellent completion", str(refused.exception))
        self.assertEqual(proposal.state, "draft")
        proposal.line_ids.achievements = "Hoàn thành xuất sắc nhiệm vụ năm 2030."
        self.env["tdkt.unit.assessment"].create(
            {"unit_id": self.unit_a.id, "year": 2030, "rating": "excellent"}
        )
        proposal.action_send()
        self.assertEqual(proposal.state, "sent")
        # Nothing but the higher body's answer changes while the dossier is with it.
        with self.assertRaises(UserError):
            proposal.recipient = "Another body"
        with self.assertRaises(UserError):
            proposal.line_ids.achievements = "Changed"
        self.env["tdkt.proposal.return"].with_user(self.officer).with_context(
            active_ids=proposal.ids
        ).create({"reason": "Thiếu biên bản họp Hội đồng"}).action_confirm()
        self.assertEqual(proposal.state, "returned")
        self.assertEqual(proposal.return_reason, "Thiếu biên bản họp Hội đồng")
        proposal.line_ids.achievements += " Có biên bản kèm theo."
        proposal.action_send()
        self.assertEqual(proposal.state, "sent")
        with self.assertRaisesRegex(UserError, "number and the date"):
            proposal.action_decide()
        proposal.write(
            {
                "decision_number": "1520/QĐ-UBND",
                "decision_date": date(2031, 3, 2),
                "decision_authority": "Chủ tịch UBND tỉnh",
            }
        )
        with self.assertRaisesRegex(UserError, "grants or refuses"):
            proposal.action_decide()
        proposal.line_ids.outcome = "refused"
        with self.assertRaisesRegex(UserError, "reason"):
            proposal.action_decide()
        proposal.line_ids.refusal_reason = "Chưa đủ tỷ lệ"
        proposal.action_decide()
        self.assertEqual(proposal.state, "decided")
        self.assertFalse(proposal.line_ids.award_id)
        self.assertFalse(
            self.env["tdkt.award"].search([("title_id", "=", self.title_ttldxs.id)])
        )

    def test_higher_decision_writes_awards_that_count_at_once(self):
        """A nominee the Office adds with a reason (a Bằng khen of the provincial chairman
        for 2029) is granted: the award enters the history, and the person's 2030 line
        for the Prime Minister's Bằng khen counts its run of years from it, with no button
        pressed."""
        line_pm = self.env["tdkt.registration.line"].create(
            {
                "registration_id": self.form_b.id,
                "employee_id": self.employee_b.id,
                "title_id": self.title_merit_pm.id,
                "rating": "excellent",
            }
        )

        def award_year_of_the_run():
            """The year of the provincial merit the run of years starts after."""
            return next(
                reason["params"]["award_year"]
                for reason in line_pm.eligibility_data["reasons"]
                if reason["code"] == "run"
            )

        self.assertIsNone(award_year_of_the_run())
        proposal = self._proposal(
            year=2029,
            line_ids=[
                (
                    0,
                    0,
                    {
                        "employee_id": self.employee_b.id,
                        "title_id": self.title_merit_province.id,
                        "reason": "Thành tích đột xuất trong công tác cải cách hành chính",
                        "achievements": "Đề xuất và triển khai mô hình một cửa liên thông.",
                    },
                )
            ],
        )
        self.assertFalse(proposal.line_ids.missing)
        proposal.action_send()
        proposal.write(
            {"decision_number": "99/QĐ-UBND", "decision_date": date(2030, 2, 1)}
        )
        proposal.line_ids.outcome = "granted"
        proposal.action_decide()
        award = proposal.line_ids.award_id
        self.assertEqual(award.title_id, self.title_merit_province)
        self.assertEqual(award.year, 2029)
        self.assertEqual(award.decision_number, "99/QĐ-UBND")
        self.assertEqual(award.unit_id, self.unit_b)
        self.assertEqual(award_year_of_the_run(), 2029)

    def test_only_the_office_handles_dossiers(self):
        with self.assertRaises(AccessError):
            self.env["tdkt.proposal"].with_user(self.head_a).create({"year": 2030})
        proposal = self._proposal()
        with self.assertRaises(AccessError):
            proposal.with_user(self.user_a).read(["name"])
        with self.assertRaises(UserError):
            proposal.action_decide()
        with self.assertRaises(AccessError):
            proposal.write({"state": "decided"})
