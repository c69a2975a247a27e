from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestRegistration(TdktCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()

    def _add_line(self, form, user=None, **vals):
        return (
            self.env["tdkt.registration.line"]
            .with_user(user or self.user_a)
            .create(
                {"registration_id": form.id, "title_id": self.title_ldtt.id, **vals}
            )
        )

    def test_approving_the_plan_creates_one_draft_form_per_unit(self):
        self.assertEqual(self.plan.registration_ids.unit_id, self.unit_a | self.unit_b)
        self.assertEqual(set(self.plan.registration_ids.mapped("state")), {"draft"})
        self.plan.registration_unit_ids |= self.unit_a1
        self.plan.with_user(self.officer).action_create_registrations()
        self.assertEqual(
            len(self.plan.registration_ids), 3, "only the missing form is added"
        )

    def test_one_form_per_unit_and_plan(self):
        with self.assertRaises(ValidationError):
            self.env["tdkt.registration"].create(
                {"plan_id": self.plan.id, "unit_id": self.unit_a.id}
            )

    def test_title_must_fit_the_subject(self):
        with self.assertRaises(ValidationError):
            self._add_line(
                self.form_a,
                subject_type="individual",
                employee_id=self.employee_a.id,
                title_id=self.title_ttldtt.id,
            )
        with self.assertRaises(ValidationError):
            self._add_line(
                self.form_a, subject_type="collective", title_id=self.title_ldtt.id
            )
        with self.assertRaises(ValidationError):
            self._add_line(self.form_a, subject_type="individual")  # no person
        collective = self._add_line(
            self.form_a, subject_type="collective", title_id=self.title_ttldtt.id
        )
        self.assertEqual(collective.subject_name, "Unit A")
        both = self.env.ref("tdkt_emulation.title_certificate_director")
        self._add_line(self.form_a, subject_type="collective", title_id=both.id)
        self._add_line(self.form_a, employee_id=self.employee_a.id, title_id=both.id)

    def test_person_must_work_in_the_unit(self):
        with self.assertRaises(ValidationError):
            self._add_line(self.form_a, employee_id=self.employee_b.id)
        sub_unit_person = self.env["hr.employee"].create(
            {"name": "Sub", "department_id": self.unit_a1.id}
        )
        self._add_line(self.form_a, employee_id=sub_unit_person.id)

    def test_a_subject_registers_a_title_once_a_year(self):
        self._add_line(self.form_a, employee_id=self.employee_a.id)
        with self.assertRaises(ValidationError) as caught:
            self._add_line(self.form_a, employee_id=self.employee_a.id)
        self.assertIn(self.employee_a.name, str(caught.exception))
        self.assertIn(self.title_ldtt.name, str(caught.exception))
        self._add_line(
            self.form_a, employee_id=self.employee_a.id, title_id=self.title_cstdcs.id
        )
        self._add_line(
            self.form_a, subject_type="collective", title_id=self.title_ttldtt.id
        )
        with self.assertRaises(ValidationError) as caught:
            self._add_line(
                self.form_a, subject_type="collective", title_id=self.title_ttldtt.id
            )
        self.assertIn("Unit A", str(caught.exception))

    def test_the_same_title_next_year_is_fine(self):
        self._add_line(self.form_a, employee_id=self.employee_a.id)
        plan_2031 = self.plan.copy_to_next_year()
        plan_2031.registration_unit_ids = self.unit_a
        plan_2031.with_user(self.manager).action_approve()
        self._add_line(plan_2031.registration_ids, employee_id=self.employee_a.id)

    @freeze_time("2030-01-20")
    def test_submit_before_the_deadline_is_on_time(self):
        self._add_line(self.form_a, employee_id=self.employee_a.id)
        self.form_a.with_user(self.head_a).action_submit()
        self.assertEqual(self.form_a.state, "submitted")
        self.assertFalse(self.form_a.is_late)
        self.assertEqual(self.form_a.submitted_by_id, self.head_a)

    @freeze_time("2030-02-02")
    def test_late_submission_is_marked_and_accepted_by_the_office(self):
        self._add_line(self.form_a, employee_id=self.employee_a.id)
        self.form_a.with_user(self.head_a).action_submit()
        self.assertTrue(self.form_a.is_late)
        with self.assertRaises(AccessError):
            self.form_a.with_user(self.head_a).action_receive()
        self.form_a.with_user(self.officer).action_receive()
        self.assertEqual(self.form_a.state, "received")
        self.assertEqual(self.form_a.received_by_id, self.officer)

    def test_only_the_units_head_or_the_office_submits(self):
        self._add_line(self.form_a, employee_id=self.employee_a.id)
        with self.assertRaises(AccessError):
            self.form_a.with_user(self.user_a).action_submit()
        with self.assertRaises(AccessError):
            self.form_b.with_user(self.head_a).action_submit()  # another unit's form
        with self.assertRaises(AccessError):
            self.form_a.with_user(self.user_a).write({"state": "submitted"})
        self.assertEqual(self.form_a.state, "draft")
        with self.assertRaises(UserError):
            self.form_b.with_user(self.officer).action_submit()  # empty form

    def test_submitted_form_is_read_only_to_its_unit(self):
        line = self._add_line(self.form_a, employee_id=self.employee_a.id)
        self.form_a.with_user(self.head_a).action_submit()
        with self.assertRaises(AccessError):
            line.with_user(self.user_a).write({"note": "changed"})
        with self.assertRaises(AccessError):
            self._add_line(
                self.form_a, subject_type="collective", title_id=self.title_ttldtt.id
            )
        with self.assertRaises(AccessError):
            line.with_user(self.head_a).unlink()
        line.with_user(self.officer).write({"note": "checked by the Office"})
        self.assertEqual(line.note, "checked by the Office")

    def test_unit_isolation(self):
        Registration = self.env["tdkt.registration"]
        self.assertEqual(
            Registration.with_user(self.user_a).search(
                [("plan_id", "=", self.plan.id)]
            ),
            self.form_a,
        )
        self.assertEqual(
            Registration.with_user(self.officer).search(
                [("plan_id", "=", self.plan.id)]
            ),
            self.form_a | self.form_b,
        )
        with self.assertRaises(AccessError):
            self.form_b.with_user(self.user_a).read(["state"])
        with self.assertRaises(AccessError):
            self._add_line(
                self.form_b, user=self.user_a, employee_id=self.employee_b.id
            )

    def test_return_to_draft_needs_a_reason_kept_in_the_chatter(self):
        self._add_line(self.form_a, employee_id=self.employee_a.id)
        self.form_a.with_user(self.head_a).action_submit()
        wizard = self.env["tdkt.registration.return"].with_user(self.officer)
        with self.assertRaises(UserError):
            wizard.create(
                {"registration_ids": self.form_a.ids, "reason": "   "}
            ).action_confirm()
        wizard.create(
            {
                "registration_ids": self.form_a.ids,
                "reason": "Missing the unit's collective",
            }
        ).action_confirm()
        self.assertEqual(self.form_a.state, "draft")
        self.assertFalse(self.form_a.date_submitted)
        self.assertIn("Missing the unit's collective", self.form_a.message_ids[0].body)
        with self.assertRaises(AccessError):
            self.form_b.with_user(self.head_a)._return_to_draft("not mine")

    def test_fill_with_my_units_people(self):
        people = self.env["hr.employee"].create(
            [
                {"name": f"Person {n}", "department_id": self.unit_a.id}
                for n in range(40)
            ]
        )
        self.env["hr.employee"].create(
            {"name": "Gone", "department_id": self.unit_a.id, "active": False}
        )
        self._add_line(self.form_a, employee_id=self.employee_a.id)
        self.form_a.with_user(self.user_a).action_fill_unit_employees()
        registered = self.form_a.line_ids.employee_id
        self.assertEqual(registered, people | self.employee_a | self.employee_head_a)
        self.assertEqual(set(self.form_a.line_ids.title_id.ids), {self.title_ldtt.id})
        self.form_a.with_user(self.user_a).action_fill_unit_employees()
        self.assertEqual(
            len(self.form_a.line_ids), 42, "filling twice adds nobody twice"
        )

    def test_fill_uses_the_configured_default_title(self):
        self.company.tdkt_default_title_id = self.title_cstdcs
        self.form_a.with_user(self.head_a).action_fill_unit_employees()
        self.assertEqual(self.form_a.line_ids.title_id, self.title_cstdcs)

    def test_line_form_offers_titles_that_fit(self):
        with Form(
            self.env["tdkt.registration.line"].with_context(
                default_registration_id=self.form_a.id
            )
        ) as line:
            line.employee_id = self.employee_a
            line.title_id = self.title_ldtt
            line.subject_type = "collective"
            self.assertFalse(
                line.title_id, "an individual title is cleared for a collective"
            )
            self.assertFalse(line.employee_id)
            line.title_id = self.title_ttldtt
        self.assertEqual(self.form_a.line_ids.title_id, self.title_ttldtt)

    def test_bad_reminder_settings_are_refused(self):
        for value in ("seven", "7,-1", "1000"):
            with self.subTest(value=value), self.assertRaises(ValidationError):
                self.company.tdkt_task_reminder_days = value
        self.company.tdkt_task_reminder_days = "14, 3"
        self.assertEqual(
            self.company._get_tdkt_reminder_days("tdkt_task_reminder_days"), (14, 3)
        )

    def test_deadline_is_the_plans(self):
        self.assertEqual(self.form_a.date_deadline, date(2030, 1, 30))
