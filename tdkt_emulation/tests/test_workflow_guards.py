from datetime import date

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from .common import RpcMixin, TdktCommon

# The context keys an insider sends to leave no trace in the chatter.
SILENT = {"tracking_disable": True, "mail_notrack": True, "mail_create_nolog": True}


@tagged("post_install", "-at_install")
class TestWorkflowGuards(RpcMixin, HttpCase, TdktCommon):
    """Each step, the fields it owns and the unit a record belongs to, tried as a
    determined insider would: over the external JSON-RPC API (``/jsonrpc``, ``execute_kw``
    with the user's login and password), with the chatter-silencing context keys."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()
        cls.unit_c = cls.env["hr.department"].create({"name": "Unit C"})
        cls._create_lines_and_initiatives(author_of_b=False)
        cls.award_b = cls.env["tdkt.award"].create(
            {
                "employee_id": cls.employee_b.id,
                "title_id": cls.title_ldtt.id,
                "year": 2029,
                "decision_number": "9/QĐ-B",
            }
        )
        cls.decision = cls.env["tdkt.decision"].create(
            {
                "name": "15/QĐ-TEST",
                "date_decision": date(2031, 1, 15),
                "year": 2030,
                "line_ids": [
                    Command.create(
                        {
                            "employee_id": cls.employee_a.id,
                            "title_id": cls.title_ldtt.id,
                        }
                    )
                ],
            }
        )

    def assertCallRefused(
        self,
        user,
        model,
        method,
        *args,
        context=None,
        error_name="AccessError",
        **kwargs,
    ):
        _result, error = self._rpc(
            user, model, method, *args, context=context, **kwargs
        )
        self.assertTrue(error, f"{user.login}: {model}.{method}{args} is refused")
        self.assertEqual(
            error["data"]["name"],
            f"odoo.exceptions.{error_name}",
            error["data"]["message"],
        )
        return error

    def _audit_lines(self, record, author):
        self.env.invalidate_all()
        return record.message_ids.filtered(
            lambda message: message.author_id == author.partner_id
        )

    # ------------------------------------------------------------
    # A record lands only in units its writer acts for
    # ------------------------------------------------------------

    def test_a_unit_user_cannot_move_her_line_into_another_units_form(self):
        newcomer_b = self.env["hr.employee"].create(
            {"name": "Newcomer of B", "department_id": self.unit_b.id}
        )
        collective_a = self.env["tdkt.registration.line"].create(
            {
                "registration_id": self.form_a.id,
                "subject_type": "collective",
                "title_id": self.title_ttldtt.id,
            }
        )
        for line, vals in (
            (
                self.line_a,
                {"registration_id": self.form_b.id, "employee_id": newcomer_b.id},
            ),
            (collective_a, {"registration_id": self.form_b.id}),
        ):
            with self.subTest(vals=vals):
                self.assertCallRefused(
                    self.user_a,
                    "tdkt.registration.line",
                    "write",
                    [line.id],
                    vals,
                    context=SILENT,
                )
        self.env.invalidate_all()
        self.assertEqual(self.line_a.registration_id, self.form_a)
        self.assertEqual(self.line_a.employee_id, self.employee_a)
        self.assertEqual(collective_a.registration_id, self.form_a)
        self.assertEqual(self.form_b.line_ids, self.line_b)

    def test_a_unit_user_cannot_move_her_draft_form_to_another_unit_even_silently(self):
        for user in (self.user_a, self.head_a):
            for context in (None, SILENT):
                with self.subTest(user=user.login, context=context):
                    self.assertCallRefused(
                        user,
                        "tdkt.registration",
                        "write",
                        [self.form_a.id],
                        {"unit_id": self.unit_c.id},
                        context=context,
                    )
        self.env.invalidate_all()
        self.assertEqual(self.form_a.unit_id, self.unit_a)
        self.assertEqual(self.line_a.unit_id, self.unit_a)

    def test_a_unit_user_cannot_move_an_initiative_to_another_unit(self):
        self.assertCallRefused(
            self.user_a,
            "tdkt.initiative",
            "write",
            [self.initiative_a.id],
            {"unit_id": self.unit_b.id},
        )
        self.assertCallRefused(
            self.user_a,
            "tdkt.initiative",
            "create",
            {
                "name": "Filed under B",
                "unit_id": self.unit_b.id,
                "year": 2030,
                "author_ids": [(0, 0, {"employee_id": self.employee_a.id})],
            },
        )
        self.env.invalidate_all()
        self.assertEqual(self.initiative_a.unit_id, self.unit_a)
        self.assertFalse(
            self.env["tdkt.initiative"].search([("name", "=", "Filed under B")])
        )

    def test_a_unit_user_cannot_put_her_author_row_on_another_units_initiative(self):
        author = self.initiative_a.author_ids
        self.assertCallRefused(
            self.user_a,
            "tdkt.initiative.author",
            "write",
            [author.id],
            {"initiative_id": self.initiative_b.id},
        )
        self.assertCallRefused(
            self.user_a,
            "tdkt.initiative.author",
            "create",
            {
                "initiative_id": self.initiative_b.id,
                "employee_id": self.employee_a.id,
                "contribution": 100,
            },
        )
        self.env.invalidate_all()
        self.assertEqual(author.initiative_id, self.initiative_a)
        self.assertFalse(self.initiative_b.author_ids)
        # So she still neither reads nor renames the other unit's initiative.
        result, error = self._rpc(
            self.user_a,
            "tdkt.initiative",
            "search_read",
            [("id", "=", self.initiative_b.id)],
            fields=["name"],
        )
        self.assertIsNone(error)
        self.assertEqual(result, [])
        self.assertCallRefused(
            self.user_a,
            "tdkt.initiative",
            "write",
            [self.initiative_b.id],
            {"name": "Mine now"},
        )

    def test_awards_are_linked_to_an_initiative_from_the_award_only(self):
        for user in (self.user_a, self.officer):
            with self.subTest(user=user.login):
                self.assertCallRefused(
                    user,
                    "tdkt.initiative",
                    "write",
                    [self.initiative_a.id],
                    {"award_ids": [(6, 0, [self.award_b.id])]},
                )
        self.env.invalidate_all()
        self.assertFalse(self.award_b.initiative_ids)

    def test_units_are_checked_after_the_write_for_the_office_too_in_the_chatter(self):
        """The Office may move a form to another unit; the move leaves an audit line, even
        sent with every chatter-silencing key. (A form whose people work in its unit cannot
        move: a line's person must work in the form's unit.)"""
        self.form_b.line_ids.sudo().unlink()
        _result, error = self._rpc(
            self.officer,
            "tdkt.registration",
            "write",
            [self.form_b.id],
            {"unit_id": self.unit_c.id},
            context=SILENT,
        )
        self.assertIsNone(error)
        lines = self._audit_lines(self.form_b, self.officer)
        self.assertTrue(
            any("Unit B" in line.body and "Unit C" in line.body for line in lines),
            lines.mapped("body"),
        )

    # ------------------------------------------------------------
    # A step's fields are written by the step only
    # ------------------------------------------------------------

    def test_a_decision_is_signed_by_its_sign_step_only(self):
        for user in (self.officer, self.manager):
            for vals in (
                {"state": "signed"},
                {"signed_by_id": user.id},
                {"date_signed": "2031-01-16 08:00:00"},
            ):
                with self.subTest(user=user.login, vals=vals):
                    self.assertCallRefused(
                        user,
                        "tdkt.decision",
                        "write",
                        [self.decision.id],
                        vals,
                        context=SILENT,
                    )
        self.env.invalidate_all()
        self.assertEqual(self.decision.state, "draft")
        self.assertFalse(self.decision.signed_by_id)
        self.assertFalse(
            self.env["tdkt.award"].search([("decision_id", "=", self.decision.id)])
        )
        self.assertCallRefused(
            self.officer,
            "tdkt.decision",
            "create",
            {"name": "16/QĐ-TEST", "year": 2030, "state": "signed"},
        )
        # The step itself signs it, and writes the award.
        _result, error = self._rpc(
            self.manager,
            "tdkt.decision",
            "action_sign",
            [self.decision.id],
            context=SILENT,
        )
        self.assertIsNone(error)
        self.env.invalidate_all()
        self.assertEqual(self.decision.state, "signed")
        self.assertEqual(len(self.decision.award_ids), 1)
        self.assertTrue(
            self._audit_lines(self.decision, self.manager),
            "signing leaves an audit line",
        )

    def test_unit_staff_cannot_write_a_tasks_workflow_fields(self):
        values = (
            {"date_done": "1900-01-01"},
            {"is_overdue_notified": True},
            {"date_next_reminder": "2099-12-31"},
            {"state": "done"},
        )
        before = self.task_a.read(
            ["date_done", "is_overdue_notified", "date_next_reminder", "state"]
        )
        for user in (self.user_a, self.head_a, self.officer):
            for vals in values:
                with self.subTest(user=user.login, vals=vals):
                    self.assertCallRefused(
                        user, "tdkt.plan.task", "write", [self.task_a.id], vals
                    )
        self.env.invalidate_all()
        self.assertEqual(
            self.task_a.read(
                ["date_done", "is_overdue_notified", "date_next_reminder", "state"]
            ),
            before,
        )
        # Their progress they write, and their steps they take.
        _result, error = self._rpc(
            self.user_a,
            "tdkt.plan.task",
            "write",
            [self.task_a.id],
            {"progress_note": "<p>Half</p>"},
        )
        self.assertIsNone(error)
        _result, error = self._rpc(
            self.user_a, "tdkt.plan.task", "action_start", [self.task_a.id]
        )
        self.assertIsNone(error)
        self.assertCallRefused(
            self.user_a, "tdkt.plan.task", "action_done", [self.task_a.id]
        )
        _result, error = self._rpc(
            self.head_a, "tdkt.plan.task", "action_done", [self.task_a.id]
        )
        self.assertIsNone(error)
        self.env.invalidate_all()
        self.assertEqual(self.task_a.state, "done")

    def test_a_new_record_starts_where_its_workflow_starts(self):
        self.assertCallRefused(
            self.user_a,
            "tdkt.initiative",
            "create",
            {
                "name": "Born recognized",
                "unit_id": self.unit_a.id,
                "year": 2030,
                "state": "recognized",
            },
        )
        result, error = self._rpc(
            self.user_a,
            "tdkt.initiative",
            "create",
            {
                "name": "Born a draft",
                "unit_id": self.unit_a.id,
                "year": 2030,
                "state": "draft",
            },
        )
        self.assertIsNone(error, "the web client sends the initial state")
        self.assertEqual(self.env["tdkt.initiative"].browse(result).state, "draft")

    # ------------------------------------------------------------
    # Buttons follow the steps' checks
    # ------------------------------------------------------------

    def test_buttons_show_exactly_the_steps_each_person_may_take(self):
        cases = [
            (
                self.task_a,
                self.user_a,
                {"can_start": True, "can_done": False, "can_cancel": False},
            ),
            (
                self.task_a,
                self.head_a,
                {"can_start": True, "can_done": True, "can_cancel": True},
            ),
            (
                self.form_a,
                self.user_a,
                {"can_edit": True, "can_submit": False, "can_receive": False},
            ),
            (
                self.form_a,
                self.head_a,
                {"can_edit": True, "can_submit": True, "can_receive": False},
            ),
            (
                self.form_b,
                self.officer,
                {"can_edit": True, "can_submit": True, "can_receive": False},
            ),
            (
                self.decision,
                self.officer,
                {"can_edit": True, "can_sign": False, "can_cancel": False},
            ),
            (
                self.decision,
                self.manager,
                {"can_edit": True, "can_sign": True, "can_cancel": False},
            ),
            (
                self.initiative_a,
                self.user_a,
                {"can_submit": True, "can_recognize": False, "can_reset": False},
            ),
        ]
        for record, user, expected in cases:
            with self.subTest(record=record.display_name, user=user.login):
                result, error = self._rpc(
                    user, record._name, "read", [record.id], list(expected)
                )
                self.assertIsNone(error)
                self.assertEqual({name: result[0][name] for name in expected}, expected)

    # ------------------------------------------------------------
    # Audit lines nobody silences
    # ------------------------------------------------------------

    def test_every_step_leaves_an_audit_line_that_no_context_key_removes(self):
        self.line_a.write(
            {"rating": "good", "months_worked": 5}
        )  # ineligible: the Office overrides it
        Override = "tdkt.eligibility.override"
        steps = [
            (
                self.head_a,
                "tdkt.registration",
                "action_submit",
                [self.form_a.id],
                self.form_a,
                "submitted",
            ),
            (
                self.officer,
                "tdkt.registration",
                "action_receive",
                [self.form_a.id],
                self.form_a,
                "received",
            ),
            (
                self.user_a,
                "tdkt.initiative",
                "action_submit",
                [self.initiative_a.id],
                self.initiative_a,
                "submitted",
            ),
            (
                self.officer,
                "tdkt.initiative",
                "action_reset_to_draft",
                [self.initiative_a.id],
                self.initiative_a,
                "draft",
            ),
            (
                self.head_a,
                "tdkt.plan.task",
                "action_done",
                [self.task_a.id],
                self.task_a,
                "done",
            ),
            (
                self.officer,
                "tdkt.plan",
                "action_done",
                [self.plan.id],
                self.plan,
                "done",
            ),
        ]
        for user, model, method, args, record, state in steps:
            with self.subTest(user=user.login, method=method):
                before = self._audit_lines(record, user)
                _result, error = self._rpc(
                    user,
                    model,
                    method,
                    *args,
                    context={**SILENT, "tdkt_submit_confirmed": True},
                )
                self.assertIsNone(error, error and error["data"]["message"])
                self.env.invalidate_all()
                self.assertEqual(record.state, state)
                self.assertGreater(
                    len(self._audit_lines(record, user)),
                    len(before),
                    f"{method} leaves an audit line",
                )
        wizard, error = self._rpc(
            self.officer,
            Override,
            "create",
            {"line_ids": [(6, 0, self.line_a.ids)], "reason": "Maternity leave"},
            context=SILENT,
        )
        self.assertIsNone(error)
        _result, error = self._rpc(
            self.officer, Override, "action_confirm", [wizard], context=SILENT
        )
        self.assertIsNone(error, error and error["data"]["message"])
        self.assertTrue(
            any(
                "Maternity leave" in line.body
                for line in self._audit_lines(self.form_a, self.officer)
            ),
            "the override leaves an audit line on the form",
        )

    # ------------------------------------------------------------
    # Record rules follow the person
    # ------------------------------------------------------------

    def test_access_follows_a_person_who_changes_unit(self):
        Form = self.env["tdkt.registration"].with_user(self.user_a)
        Line = self.env["tdkt.registration.line"].with_user(self.user_a)
        self.assertEqual(Form.search([("plan_id", "=", self.plan.id)]), self.form_a)
        self.employee_a.department_id = self.unit_b
        self.assertEqual(Form.search([("plan_id", "=", self.plan.id)]), self.form_b)
        self.assertEqual(
            Line.search([("id", "in", (self.line_a | self.line_b).ids)]), self.line_b
        )
        self.line_b.with_user(self.user_a).note = "Now my unit's"
        with self.assertRaises(AccessError):
            self.form_a.with_user(self.user_a).read(["state"])
        # Over JSON-RPC as well: the server reads the unit at each call.
        result, error = self._rpc(
            self.user_a, "tdkt.registration", "search", [("plan_id", "=", self.plan.id)]
        )
        self.assertIsNone(error)
        self.assertEqual(result, self.form_b.ids)
