from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .tdkt_title import LEVELS

# Written by the workflow's steps and the scoring session only; the awards that use an
# initiative are linked from the award.
WORKFLOW_FIELDS = (
    "state",
    "score_total",
    "score_max",
    "pass_mark",
    "score_result",
    "contribution_total",
    "award_ids",
    "author_user_ids",
)
RECOGNITION_FIELDS = {"scope", "recognition_decision", "date_recognition"}


class TdktInitiative(models.Model):
    """An initiative (sáng kiến) of one or more authors, scored by the initiative council
    and recognized at a scope: grassroots, provincial or national.

    draft → submitted → scoring → recognized / rejected. The authors' unit writes and
    submits it; the Office puts it on a session; the members of that session's council
    score it; a Manager recognizes it with the recognizing decision. A recognized
    initiative is a fact for the titles that need one.
    """

    _name = "tdkt.initiative"
    _description = "Initiative"
    _inherit = [
        "tdkt.input.mixin",
        "tdkt.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "tdkt.unit.mixin",
        "tdkt.eligibility.source",
    ]
    _order = "year desc, id desc"
    _check_company_auto = True
    # Whoever reads an initiative may comment on it; its unit edits it while a draft.
    _mail_post_access = "read"
    _tdkt_unit_fields = ("unit_id",)
    _tdkt_user_fields = ("author_user_ids",)
    _tdkt_steps = ("edit", "submit", "reset", "recognize", "reject")
    _tdkt_step_fields = WORKFLOW_FIELDS
    _tdkt_unit_ties = ("unit_id",)
    _tdkt_can_depends = ("state", "score_result", "session_item_ids")

    name = fields.Char("Initiative Name", required=True, tracking=True)
    author_ids = fields.One2many(
        "tdkt.initiative.author", "initiative_id", "Authors", copy=True
    )
    contribution_total = fields.Float(
        "Total Contribution (%)",
        compute="_compute_contribution_total",
        store=True,
        digits=(5, 2),
    )
    author_user_ids = fields.Many2many(
        "res.users",
        compute="_compute_author_user_ids",
        store=True,
        string="Authors' Users",
    )
    unit_id = fields.Many2one(
        "hr.department",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id.department_id,
    )
    year = fields.Integer(
        required=True,
        index=True,
        default=lambda self: fields.Date.context_today(self).year,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    field_of_activity = fields.Char(
        "Field", help="The field of work the initiative belongs to."
    )
    problem = fields.Text(
        "Current Situation", help="The problem as it stood before the initiative."
    )
    solution = fields.Text(help="What the initiative does, step by step.")
    novelty = fields.Text("What Is New")
    application_place = fields.Char(
        "Applied At", help="Where the initiative is applied."
    )
    date_applied = fields.Date("Applied Since")
    benefits = fields.Text("Measured Benefits")
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("scoring", "Scoring"),
            ("recognized", "Recognized"),
            ("rejected", "Rejected"),
        ],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
    )
    session_item_ids = fields.One2many(
        "tdkt.council.session.item", "initiative_id", "Sessions"
    )
    score_total = fields.Float(
        "Average Score", readonly=True, copy=False, digits=(6, 2), tracking=True
    )
    score_max = fields.Float("Maximum Score", readonly=True, copy=False, digits=(6, 2))
    pass_mark = fields.Float(readonly=True, copy=False, digits=(6, 2))
    score_result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")],
        "Scoring Result",
        readonly=True,
        copy=False,
        tracking=True,
    )
    scope = fields.Selection(LEVELS, "Recognition Scope", copy=False, tracking=True)
    recognition_decision = fields.Char(
        "Recognizing Decision", copy=False, tracking=True
    )
    award_ids = fields.Many2many(
        "tdkt.award",
        "tdkt_award_initiative_rel",
        "initiative_id",
        "award_id",
        "Used by Awards",
        readonly=True,
        copy=False,
    )
    date_recognition = fields.Date("Recognized On", copy=False)
    can_edit = fields.Boolean(compute="_compute_can_steps")
    can_submit = fields.Boolean(compute="_compute_can_steps")
    can_reset = fields.Boolean(compute="_compute_can_steps")
    can_recognize = fields.Boolean(compute="_compute_can_steps")
    can_reject = fields.Boolean(compute="_compute_can_steps")

    @api.depends("author_ids.employee_id.user_id")
    def _compute_author_user_ids(self):
        for initiative in self:
            initiative.author_user_ids = initiative.author_ids.employee_id.user_id

    @api.depends("author_ids.contribution")
    def _compute_contribution_total(self):
        for initiative in self:
            initiative.contribution_total = sum(
                initiative.author_ids.mapped("contribution")
            )

    # On the stored total, so that it is checked once all the authors of a save are written.
    @api.constrains("contribution_total")
    def _check_contributions(self):
        for initiative in self.filtered("author_ids"):
            total = initiative.contribution_total
            if abs(total - 100) > 0.001:
                raise ValidationError(
                    self.env._(
                        "The contributions of the authors of %(initiative)s add up to %(total)s%%, not 100%%.",
                        initiative=initiative.name,
                        total=round(total, 2),
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(initiative.state != "draft" for initiative in self):
            raise UserError(self.env._("Only draft initiatives can be deleted."))

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_submit(self):
        self._check_submit()
        for initiative in self:
            if not initiative.author_ids:
                raise UserError(
                    self.env._(
                        "Name the authors of %(initiative)s.",
                        initiative=initiative.name,
                    )
                )
            if not (initiative.solution or "").strip():
                raise UserError(
                    self.env._(
                        "Describe the solution of %(initiative)s.",
                        initiative=initiative.name,
                    )
                )
        self._write_step(
            {"state": "submitted"}, audit=self.env._("Initiative submitted.")
        )

    def action_reset_to_draft(self):
        self._check_reset()
        self._write_step(
            {"state": "draft"}, audit=self.env._("Initiative returned to draft.")
        )

    def action_recognize(self):
        self._check_recognize()
        for initiative in self:
            if not (initiative.scope and initiative.recognition_decision):
                raise UserError(
                    self.env._(
                        "Set the recognition scope and the recognizing decision of %(initiative)s.",
                        initiative=initiative.name,
                    )
                )
        for initiative in self:
            initiative._write_step(
                {
                    "state": "recognized",
                    "date_recognition": initiative.date_recognition
                    or fields.Date.context_today(self),
                },
                audit=self.env._("Initiative recognized."),
            )

    def action_reject(self):
        self._check_reject()
        self._write_step(
            {"state": "rejected"}, audit=self.env._("Initiative rejected.")
        )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _get_lines_for_eligibility(self):
        """The lines of the initiatives' authors from the initiatives' year on: a
        recognized initiative counts for the titles of its year and of the years after."""
        Line = self.env["tdkt.registration.line"].sudo()
        initiatives = self.sudo()
        if not initiatives:
            return Line
        return Line.search(
            [
                ("employee_id", "in", initiatives.author_ids.employee_id.ids),
                ("year", ">=", min(initiatives.mapped("year"))),
            ]
        )

    def _start_scoring(self):
        """The step of a session's vote opening: its initiatives are being scored."""
        self._write_step({"state": "scoring"})

    # ------------------------------------------------------------
    # STEPS
    # ------------------------------------------------------------

    def _check_edit(self):
        """Authors and their unit edit a draft (record rules); the Office edits until the
        result; only a Manager touches a recognized or rejected initiative."""
        if self._is("manager"):
            return
        is_officer = self._is("officer")
        for initiative in self:
            if not (is_officer or initiative.is_in_my_unit):
                raise AccessError(
                    self.env._(
                        "Only the authors of %(initiative)s, their unit and the Office can change it.",
                        initiative=initiative.name,
                    )
                )
            if initiative.state in ("recognized", "rejected"):
                raise UserError(
                    self.env._(
                        "%(initiative)s is decided: it is read-only.",
                        initiative=initiative.name,
                    )
                )
            if initiative.state != "draft" and not is_officer:
                raise UserError(
                    self.env._(
                        "%(initiative)s is submitted: only the Office can change it.",
                        initiative=initiative.name,
                    )
                )
        self.check_access("write")

    def _check_edit_vals(self, vals):
        if set(vals) & RECOGNITION_FIELDS:
            self._require(
                "manager", self.env._("Only a Manager recognizes initiatives.")
            )
        return super()._check_edit_vals(vals)

    def _check_submit(self):
        """Its authors and unit (record rules) submit a draft initiative."""
        self.check_access("write")
        if any(initiative.state != "draft" for initiative in self):
            raise UserError(self.env._("Only a draft initiative can be submitted."))

    def _check_reset(self):
        """The Office returns a submitted initiative that no session has taken up to draft."""
        self._require(
            "officer", self.env._("You are not allowed to do this on an initiative.")
        )
        if any(
            initiative.state != "submitted" or initiative.session_item_ids
            for initiative in self
        ):
            raise UserError(
                self.env._(
                    "Only a submitted initiative that no session has taken up can return to draft."
                )
            )

    def _check_recognize(self):
        """A Manager recognizes an initiative that passed the council's scoring."""
        self._require(
            "manager", self.env._("You are not allowed to do this on an initiative.")
        )
        for initiative in self:
            if initiative.state != "scoring" or initiative.score_result != "passed":
                raise UserError(
                    self.env._(
                        "%(initiative)s can be recognized once it has passed the council's scoring.",
                        initiative=initiative.name,
                    )
                )

    def _check_reject(self):
        """A Manager rejects a submitted or scored initiative."""
        self._require(
            "manager", self.env._("You are not allowed to do this on an initiative.")
        )
        if any(initiative.state not in ("submitted", "scoring") for initiative in self):
            raise UserError(
                self.env._("Only a submitted or scored initiative can be rejected.")
            )

    def _get_step_fields_error(self, names):
        return self.env._(
            "The status of an initiative changes through its buttons only."
        )

    def _get_guard_units(self):
        return self.unit_id
