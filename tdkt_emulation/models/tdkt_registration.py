from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# Written by the workflow's steps only.
WORKFLOW_FIELDS = (
    "state",
    "date_submitted",
    "submitted_by_id",
    "is_late",
    "date_received",
    "received_by_id",
    "date_next_reminder",
)


class TdktRegistration(models.Model):
    """A unit's registration of emulation titles for the year of a plan
    (biểu đăng ký danh hiệu thi đua): one form per unit and plan.

    Access:

    ============  ==================  ============================================
    group         read                edit
    ============  ==================  ============================================
    User          forms of my units   lines of my units' draft forms
    Unit manager  forms of my units   as User, and submits the unit's form
    Officer       every form          receives (and so accepts late) forms, returns
                                      them to draft with a reason
    ============  ==================  ============================================

    A submitted or received form is read-only to its unit.
    """

    _name = "tdkt.registration"
    _description = "Title Registration Form"
    _inherit = [
        "tdkt.input.mixin",
        "tdkt.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "tdkt.unit.mixin",
        "tdkt.reminder.mixin",
    ]
    _order = "year desc, plan_id, unit_id, id"
    _check_company_auto = True
    # The unit comments on its form whatever its state; it edits it while a draft.
    _mail_post_access = "read"
    _tdkt_unit_fields = ("unit_id",)
    _tdkt_steps = ("edit", "submit", "receive", "return")
    _tdkt_step_fields = WORKFLOW_FIELDS
    _tdkt_unit_ties = ("unit_id",)
    _tdkt_can_depends = ("state", "unit_id")
    _reminder_days_field = "tdkt_registration_reminder_days"
    _reminder_activity_type = "tdkt_emulation.mail_act_tdkt_registration_reminder"

    plan_id = fields.Many2one(
        "tdkt.plan",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('state', '=', 'approved')]",
    )
    unit_id = fields.Many2one(
        "hr.department", required=True, index=True, tracking=True, check_company=True
    )
    year = fields.Integer(related="plan_id.year", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    date_deadline = fields.Date(
        related="plan_id.date_registration_deadline", string="Deadline"
    )
    line_ids = fields.One2many(
        "tdkt.registration.line", "registration_id", "Lines", copy=True
    )
    line_count = fields.Integer(compute="_compute_line_count")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("received", "Received"),
            ("decided", "Decided"),
        ],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
    )
    date_submitted = fields.Datetime("Submitted On", readonly=True, copy=False)
    submitted_by_id = fields.Many2one(
        "res.users", "Submitter", readonly=True, copy=False
    )
    is_late = fields.Boolean(
        "Late",
        readonly=True,
        copy=False,
        tracking=True,
        help="Submitted after the plan's registration deadline: the Office must accept it.",
    )
    date_received = fields.Datetime("Received On", readonly=True, copy=False)
    received_by_id = fields.Many2one("res.users", "Receiver", readonly=True, copy=False)
    quota_summary = fields.Text("Quotas", compute="_compute_quota_summary")
    ineligible_count = fields.Integer(
        "Ineligible Lines", compute="_compute_quota_summary"
    )
    can_edit = fields.Boolean(compute="_compute_can_steps")
    can_submit = fields.Boolean(compute="_compute_can_steps")
    can_receive = fields.Boolean(compute="_compute_can_steps")
    can_return = fields.Boolean(compute="_compute_can_steps")

    _sql_constraints = [
        (
            "plan_unit_uniq",
            "UNIQUE(plan_id, unit_id)",
            "A unit has one registration form per plan.",
        ),
    ]

    @api.depends("line_ids")
    def _compute_line_count(self):
        for registration in self:
            registration.line_count = len(registration.line_ids)

    @api.depends("line_ids.eligibility_data")
    @api.depends_context("lang")
    def _compute_quota_summary(self):
        """The unit's quotas of the year, as the rules of its lines' titles count them."""
        Eligibility = self.env["tdkt.eligibility"]
        title_names, articles = (
            Eligibility._get_title_names(),
            Eligibility._get_articles(),
        )
        for registration in self:
            quotas = {}
            for line in registration.line_ids:
                for reason in (line.eligibility_data or {}).get("reasons", []):
                    if reason["code"] == "quota":
                        quotas[line.title_id] = reason
            registration.quota_summary = (
                "\n".join(
                    f"{title.name}: {Eligibility._describe({'reasons': [reason]}, title_names, articles)}"
                    for title, reason in quotas.items()
                )
                or False
            )
            registration.ineligible_count = len(
                registration.line_ids.filtered(
                    lambda line: line.eligibility_status == "ineligible"
                )
            )

    @api.depends("unit_id", "plan_id")
    def _compute_display_name(self):
        for registration in self:
            registration.display_name = self.env._(
                "%(unit)s - %(year)s",
                unit=registration.unit_id.name or "",
                year=registration.year or "",
            )

    @api.depends("plan_id.date_registration_deadline")
    def _compute_date_next_reminder(self):
        return super()._compute_date_next_reminder()

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._check_input_values(vals_list)
        self._check_one_form_per_unit(vals_list)
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(registration.state != "draft" for registration in self):
            raise UserError(self.env._("Only draft registration forms can be deleted."))

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_submit(self):
        self._check_submit()
        for registration in self:
            if not registration.line_ids:
                raise UserError(
                    self.env._(
                        "The registration form of %(unit)s has no line.",
                        unit=registration.unit_id.name,
                    )
                )
        if not self.env.context.get("tdkt_submit_confirmed") and any(
            line.eligibility_status == "ineligible" for line in self.line_ids
        ):
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Ineligible Lines"),
                "res_model": "tdkt.registration.submit",
                "view_mode": "form",
                "target": "new",
                "context": {"active_model": self._name, "active_ids": self.ids},
            }
        today = fields.Date.context_today(self)
        for registration in self:
            deadline = registration.plan_id.date_registration_deadline
            registration._write_step(
                {
                    "state": "submitted",
                    "date_submitted": fields.Datetime.now(),
                    "submitted_by_id": self.env.uid,
                    "is_late": bool(deadline and today > deadline),
                },
                audit=self.env._("Registration form submitted."),
            )
        self._activity_update()

    def action_receive(self):
        self._check_receive()
        self._write_step(
            {
                "state": "received",
                "date_received": fields.Datetime.now(),
                "received_by_id": self.env.uid,
            },
            audit=self.env._("Registration form received."),
        )
        self._activity_update()
        self.filtered("is_late")._post_audit(
            self.env._("Late registration accepted by the Office.")
        )

    def action_open_return_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return to Draft"),
            "res_model": "tdkt.registration.return",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def action_fill_unit_employees(self):
        """Add a line for every active employee of the unit who has none yet, with the
        company's default individual title."""
        self._check_edit()
        for registration in self:
            title = registration.company_id.tdkt_default_title_id or self.env.ref(
                "tdkt_emulation.title_ldtt", raise_if_not_found=False
            )
            if not title:
                raise UserError(
                    self.env._("Set a default individual title in the settings first.")
                )
            employees = self.env["hr.employee"].search(
                [
                    ("department_id", "=", registration.unit_id.id),
                    ("company_id", "=", registration.company_id.id),
                ]
            )
            taken = (
                self.env["tdkt.registration.line"]
                .sudo()
                .search(
                    [
                        ("year", "=", registration.year),
                        ("title_id", "=", title.id),
                        ("employee_id", "in", employees.ids),
                    ]
                )
                .employee_id
            )
            registration.write(
                {
                    "line_ids": [
                        fields.Command.create(
                            {
                                "subject_type": "individual",
                                "employee_id": employee.id,
                                "title_id": title.id,
                            }
                        )
                        for employee in employees - taken
                    ]
                }
            )

    def action_check_eligibility(self):
        return self.line_ids.action_check_eligibility()

    def action_export_xlsx(self):
        return self.env["tdkt.xlsx.report"].action_download("registrations", self)

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _return_to_draft(self, reason):
        self._check_return()
        if not (reason or "").strip():
            raise UserError(
                self.env._("Give the reason for returning the form to draft.")
            )
        self._write_step(
            {
                "state": "draft",
                "is_late": False,
                "date_submitted": False,
                "submitted_by_id": False,
                "date_received": False,
                "received_by_id": False,
            },
            audit=self.env._("Returned to draft: %(reason)s", reason=reason.strip()),
        )

    def _decide(self):
        """The received forms among these, whose titles a signed decision grants, are decided."""
        forms = self.filtered(lambda form: form.state == "received")
        forms._write_step(
            {"state": "decided"},
            audit=self.env._("Decided: a decision grants the form's titles."),
        )
        forms._activity_update()

    @api.model
    def _check_one_form_per_unit(self, vals_list):
        """Refuse, with the unit's name, a second form of a unit for a plan (the SQL
        constraint alone would only say it once the row is written)."""
        keys = [(vals.get("plan_id"), vals.get("unit_id")) for vals in vals_list]
        existing = self.sudo().search_fetch(
            [
                ("plan_id", "in", [plan for plan, _unit in keys]),
                ("unit_id", "in", [unit for _plan, unit in keys]),
            ],
            ["plan_id", "unit_id"],
        )
        taken = {(form.plan_id.id, form.unit_id.id) for form in existing}
        for key in keys:
            if key in taken:
                raise ValidationError(
                    self.env._(
                        "%(unit)s already has a registration form for this plan.",
                        unit=self.env["hr.department"].sudo().browse(key[1]).name,
                    )
                )
            taken.add(key)

    # ------------------------------------------------------------
    # STEPS
    # ------------------------------------------------------------

    def _check_edit(self):
        """The unit edits its draft form (record rules: its units); the Office any form
        until a decision grants its titles."""
        if any(registration.state == "decided" for registration in self):
            raise UserError(self.env._("A decided registration form is read-only."))
        if self._is("officer"):
            return
        if any(registration.state != "draft" for registration in self):
            raise AccessError(
                self.env._("A submitted registration form is read-only to its unit.")
            )

    def _check_submit(self):
        """The head of the form's unit, or the Office, submits a draft form."""
        for registration in self:
            if not (
                self._is("officer")
                or (self._is("unit_manager") and self._acts_for(registration.unit_id))
            ):
                raise AccessError(
                    self.env._(
                        "Only the head of %(unit)s or the Office can submit its registration form.",
                        unit=registration.unit_id.name,
                    )
                )
            if registration.state != "draft":
                raise UserError(
                    self.env._(
                        "The registration form of %(unit)s is already submitted.",
                        unit=registration.unit_id.name,
                    )
                )

    def _check_receive(self):
        """The Office receives a submitted form."""
        self._require("officer", self.env._("Only the Office can do this."))
        if any(registration.state != "submitted" for registration in self):
            raise UserError(
                self.env._("Only submitted registration forms can be received.")
            )

    def _check_return(self):
        """The Office returns a submitted or received form to draft; the head of the form's
        unit takes back a submitted one."""
        for registration in self:
            if registration.state == "received":
                allowed = self._is("officer")
            else:
                allowed = registration.state == "submitted" and (
                    self._is("officer")
                    or (
                        self._is("unit_manager")
                        and self._acts_for(registration.unit_id)
                    )
                )
            if not allowed:
                raise AccessError(
                    self.env._(
                        "You cannot return the registration form of %(unit)s.",
                        unit=registration.unit_id.name,
                    )
                )

    def _get_step_fields_error(self, names):
        return self.env._(
            "The status of a registration form changes through its buttons only."
        )

    def _get_guard_units(self):
        return self.unit_id

    def _activity_update(self):
        """Remove the reminders of the forms sent (submitted, received, decided) or whose
        plan no longer runs: their unit has nothing left to submit."""
        self.filtered(
            lambda registration: registration.state != "draft"
            or registration.plan_id.state != "approved"
        )._close_reminders()

    def _get_reminder_deadline(self):
        return self.plan_id.date_registration_deadline

    def _get_reminder_users(self):
        return self._get_unit_head_user(self.unit_id) or self.plan_id.user_id

    @api.model
    def _get_reminder_domain(self, today):
        return [
            ("state", "=", "draft"),
            ("plan_id.state", "=", "approved"),
            ("plan_id.date_registration_deadline", ">=", today),
        ]

    def _get_reminder_note(self, days_left):
        return self.env._(
            "Submit the registration of emulation titles of %(unit)s: the deadline is in %(days)s day(s).",
            unit=self.unit_id.name,
            days=days_left,
        )
