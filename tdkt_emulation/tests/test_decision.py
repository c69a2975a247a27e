from datetime import date

from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestDecision(TdktCommon):
    """Unit A registers two Advanced Workers; the council passes one and rejects the other;
    the Office prepares the decision from the results and a Manager signs it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()
        Line = cls.env["tdkt.registration.line"]
        cls.line_passed, cls.line_rejected = Line.create(
            [
                {
                    "registration_id": cls.form_a.id,
                    "employee_id": employee.id,
                    "title_id": cls.title_ldtt.id,
                    "rating": "good",
                }
                for employee in (cls.employee_a, cls.employee_head_a)
            ]
        )
        cls.form_a.with_user(cls.head_a).action_submit()
        cls.form_a.with_user(cls.officer).action_receive()
        council, members = cls._create_council("emulation", 3)
        session = (
            cls.env["tdkt.council.session"]
            .with_user(cls.officer)
            .create(
                {
                    "name": "Review 2030",
                    "council_id": council.id,
                    "plan_id": cls.plan.id,
                }
            )
        )
        session.action_add_agenda()
        session.action_start_voting()
        items = {item.registration_line_id: item for item in session.item_ids}
        for user in members:
            items[cls.line_passed].with_user(user).action_vote("agree")
            items[cls.line_rejected].with_user(user).action_vote("disagree")
        session.action_close()
        cls.decision = (
            cls.env["tdkt.decision"]
            .with_user(cls.officer)
            .create(
                {
                    "name": "15/QĐ-SNV",
                    "date_decision": date(2031, 1, 10),
                    "year": 2030,
                    "authority": "Director",
                }
            )
        )

    def _sign(self, decision=None):
        (decision or self.decision).with_user(self.manager).action_sign()

    def test_create_from_results_takes_the_passed_lines_once(self):
        self.assertEqual(self.line_passed.vote_outcome, "approved")
        self.decision.action_create_from_results()
        self.assertEqual(self.decision.line_ids.registration_line_id, self.line_passed)
        self.assertEqual(self.decision.line_ids.employee_id, self.employee_a)
        self.assertEqual(self.decision.line_ids.unit_id, self.unit_a)
        # A line reads as its subject and title, as a registration line does.
        self.assertEqual(
            self.decision.line_ids.display_name, self.line_passed.display_name
        )
        self.assertIn(self.employee_a.name, self.decision.line_ids.display_name)
        other = self.env["tdkt.decision"].with_user(self.officer).create({"year": 2030})
        with self.assertRaises(UserError) as caught:
            other.action_create_from_results()
        self.assertIn("awaits a decision", str(caught.exception))
        # A commendation decision does not take emulation titles.
        commendation = self.env["tdkt.decision"].create(
            {"year": 2030, "kind": "commendation"}
        )
        with self.assertRaises(UserError):
            commendation.action_create_from_results()

    def test_only_a_manager_signs_and_signing_writes_awards_once(self):
        self.decision.action_create_from_results()
        with self.assertRaises(AccessError):
            self.decision.with_user(self.officer).action_sign()
        self._sign()
        award = self.decision.award_ids
        self.assertEqual(len(award), 1)
        self.assertEqual(
            (
                award.employee_id,
                award.year,
                award.title_id,
                award.decision_number,
                award.decision_date,
            ),
            (self.employee_a, 2030, self.title_ldtt, "15/QĐ-SNV", date(2031, 1, 10)),
        )
        self.assertEqual(self.decision.state, "signed")
        self.assertEqual(self.form_a.state, "decided")
        with self.assertRaises(UserError):
            self._sign()
        self.assertEqual(
            len(
                self.env["tdkt.award"].search(
                    [("employee_id", "=", self.employee_a.id)]
                )
            ),
            1,
        )
        # Signed: read-only, and its awards change with it only.
        with self.assertRaises(UserError):
            self.decision.with_user(self.manager).name = "16/QĐ-SNV"
        with self.assertRaises(UserError):
            self.decision.line_ids.with_user(self.manager).note = "x"
        with self.assertRaises(UserError):
            award.with_user(self.officer).year = 2029
        with self.assertRaises(UserError):
            award.with_user(self.officer).unlink()
        with self.assertRaises(UserError):
            self.decision.with_user(self.manager).unlink()

    def test_a_decided_form_keeps_no_reminder(self):
        kind = "tdkt_emulation.mail_act_tdkt_registration_reminder"
        # A reminder the Office scheduled by hand on the received form.
        self.form_a.activity_schedule(
            kind, date_deadline=date(2030, 1, 30), user_id=self.head_a.id
        )
        self.decision.action_create_from_results()
        self._sign()
        self.assertEqual(self.form_a.state, "decided")
        self.assertFalse(
            self.form_a.activity_ids.filtered(
                lambda activity: activity.activity_type_id == self.env.ref(kind)
            )
        )

    def test_signing_needs_number_date_and_lines(self):
        draft = self.env["tdkt.decision"].create({"year": 2030})
        with self.assertRaises(UserError):
            self._sign(draft)
        draft.write({"name": "20/QĐ-SNV", "date_decision": date(2031, 2, 1)})
        with self.assertRaises(UserError) as caught:
            self._sign(draft)
        self.assertIn("has no line", str(caught.exception))

    def test_cancel_needs_a_manager_and_a_reason_and_keeps_a_trace(self):
        self.decision.action_create_from_results()
        self._sign()
        with self.assertRaises(AccessError):
            self.decision.with_user(self.officer)._cancel("Wrong person")
        with self.assertRaises(UserError):
            self.decision.with_user(self.manager)._cancel("  ")
        wizard = (
            self.env["tdkt.decision.cancel"]
            .with_user(self.manager)
            .with_context(active_ids=self.decision.ids)
            .create({"reason": "Wrong person"})
        )
        wizard.action_confirm()
        self.assertEqual(self.decision.state, "cancelled")
        self.assertEqual(self.decision.cancel_reason, "Wrong person")
        self.assertFalse(
            self.env["tdkt.award"].search([("employee_id", "=", self.employee_a.id)])
        )
        self.assertTrue(self.decision.exists())
        self.assertIn("Wrong person", self.decision.message_ids[0].body)
        with self.assertRaises(UserError):
            self.decision.with_user(self.manager)._cancel("Again")
        # The result can go on a new decision.
        again = self.env["tdkt.decision"].create(
            {"name": "17/QĐ-SNV", "date_decision": date(2031, 2, 1), "year": 2030}
        )
        again.action_create_from_results()
        self._sign(again)
        self.assertEqual(again.award_ids.employee_id, self.employee_a)

    def test_duplicate_award_is_refused_and_nothing_is_signed(self):
        self.decision.action_create_from_results()
        self._sign()
        with self.assertRaises(ValidationError) as caught:
            self.env["tdkt.award"].with_user(self.officer).create(
                {
                    "employee_id": self.employee_a.id,
                    "year": 2030,
                    "title_id": self.title_ldtt.id,
                    "decision_number": "99/QĐ",
                }
            )
        self.assertIn("already holds", str(caught.exception))
        second = self.env["tdkt.decision"].create(
            {
                "name": "18/QĐ-SNV",
                "date_decision": date(2031, 3, 1),
                "year": 2030,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "employee_id": self.employee_a.id,
                            "title_id": self.title_ldtt.id,
                        },
                    )
                ],
            }
        )
        with self.assertRaises(ValidationError):
            self._sign(second)
        self.assertEqual(second.state, "draft")

    def test_the_database_refuses_a_duplicate_award_too(self):
        """Two decisions signed at the same time both pass the Python check; the unique
        index stops the second."""
        Award = self.env["tdkt.award"]
        Award.create(
            {
                "employee_id": self.employee_a.id,
                "year": 2028,
                "title_id": self.title_ldtt.id,
                "decision_number": "1/QĐ",
            }
        )
        with (
            self.assertRaises(UniqueViolation),
            self.cr.savepoint(),
            mute_logger("odoo.sql_db"),
        ):
            self.env.cr.execute(
                "INSERT INTO tdkt_award (subject_type, employee_id, unit_id, year, title_id, award_kind, "
                "decision_number, company_id) SELECT subject_type, employee_id, unit_id, year, title_id, "
                "award_kind, '2/QĐ', company_id FROM tdkt_award WHERE year = 2028"
            )

    def test_manual_awards_are_the_offices(self):
        vals = {
            "employee_id": self.employee_a.id,
            "year": 2025,
            "title_id": self.title_ldtt.id,
            "decision_number": "5/QĐ-UBND",
            "decision_date": date(2026, 1, 5),
            "decision_authority": "Province",
        }
        with self.assertRaises(AccessError):
            self.env["tdkt.award"].with_user(self.head_a).create(vals)
        award = self.env["tdkt.award"].with_user(self.officer).create(vals)
        self.assertEqual(award.unit_id, self.unit_a, "the person's unit by default")
        self.assertTrue(
            award.with_user(self.user_a).has_access("read"),
            "a person sees their unit's awards",
        )
        self.assertFalse(award.with_user(self.user_b).has_access("read"))
        with self.assertRaises(AccessError):
            self.env["tdkt.award"].with_user(self.officer).create(
                {**vals, "year": 2026, "decision_id": self.decision.id}
            )
        award.with_user(self.officer).unlink()

    def test_history_on_the_person_and_the_unit(self):
        self.decision.action_create_from_results()
        self._sign()
        self.env["tdkt.award"].create(
            {
                "subject_type": "collective",
                "unit_id": self.unit_a.id,
                "year": 2030,
                "title_id": self.title_ttldtt.id,
                "decision_number": "3/QĐ",
            }
        )
        # People without HR rights open the public profile.
        employee = (
            self.env["hr.employee.public"]
            .with_user(self.officer)
            .browse(self.employee_a.id)
        )
        self.assertEqual(employee.tdkt_award_count, 1)
        self.assertEqual(employee.tdkt_award_ids.title_id, self.title_ldtt)
        action = employee.action_open_tdkt_awards()
        self.assertEqual(
            self.env["tdkt.award"].search(action["domain"]).employee_id, self.employee_a
        )
        unit = self.unit_a.with_user(self.officer)
        self.assertEqual(
            unit.tdkt_award_count, 2, "the unit's own award and its people's"
        )
        self.assertEqual(
            unit.tdkt_award_ids.title_id,
            self.title_ttldtt,
            "the tab lists the unit's own awards",
        )
        self.assertEqual(
            len(
                self.env["tdkt.award"].search(unit.action_open_tdkt_awards()["domain"])
            ),
            2,
        )

    def test_initiative_counts_for_one_award_only(self):
        initiative = self.env["tdkt.initiative"].create(
            {
                "name": "Digital records",
                "unit_id": self.unit_a.id,
                "year": 2030,
                "solution": "Scan",
                "author_ids": [(0, 0, {"employee_id": self.employee_a.id})],
            }
        )
        Award = self.env["tdkt.award"]
        vals = {
            "employee_id": self.employee_a.id,
            "year": 2030,
            "decision_number": "7/QĐ",
            "initiative_ids": [(6, 0, initiative.ids)],
        }
        with self.assertRaises(ValidationError):
            Award.create(
                {**vals, "title_id": self.title_cstdcs.id}
            )  # not recognized yet
        initiative.sudo().write({"state": "recognized", "scope": "grassroots"})
        Award.create({**vals, "title_id": self.title_cstdcs.id})
        with self.assertRaises(ValidationError) as caught:
            Award.create(
                {
                    **vals,
                    "title_id": self.env.ref("tdkt_emulation.title_cstd_province").id,
                }
            )
        self.assertIn("counts once", str(caught.exception))
