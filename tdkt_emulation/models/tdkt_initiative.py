from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .tdkt_title import LEVELS

# Written by the workflow's buttons and the scoring session only.
WORKFLOW_FIELDS = {"state", "score_total", "score_max", "pass_mark", "score_result", "contribution_total"}
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
    _inherit = ["tdkt.input.mixin", "mail.thread", "mail.activity.mixin", "tdkt.unit.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True
    _tdkt_unit_fields = ("unit_id",)
    _tdkt_user_fields = ("author_user_ids",)

    name = fields.Char("Initiative Name", required=True, tracking=True)
    author_ids = fields.One2many("tdkt.initiative.author", "initiative_id", "Authors", copy=True)
    contribution_total = fields.Float(
        "Total Contribution (%)", compute="_compute_contribution_total", store=True, digits=(5, 2)
    )
    author_user_ids = fields.Many2many(
        "res.users", compute="_compute_author_user_ids", store=True, string="Authors' Users"
    )
    unit_id = fields.Many2one(
        "hr.department", required=True, index=True, tracking=True, check_company=True,
        default=lambda self: self.env.user.employee_id.department_id,
    )
    year = fields.Integer(required=True, index=True, default=lambda self: fields.Date.context_today(self).year)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    field_of_activity = fields.Char("Field", help="The field of work the initiative belongs to.")
    problem = fields.Text("Current Situation", help="The problem as it stood before the initiative.")
    solution = fields.Text(help="What the initiative does, step by step.")
    novelty = fields.Text("What Is New")
    application_place = fields.Char("Applied At", help="Where the initiative is applied.")
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
        required=True, default="draft", tracking=True, copy=False, index=True,
    )
    session_item_ids = fields.One2many("tdkt.council.session.item", "initiative_id", "Sessions")
    score_total = fields.Float("Average Score", readonly=True, copy=False, digits=(6, 2), tracking=True)
    score_max = fields.Float("Maximum Score", readonly=True, copy=False, digits=(6, 2))
    pass_mark = fields.Float(readonly=True, copy=False, digits=(6, 2))
    score_result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")], "Scoring Result", readonly=True, copy=False, tracking=True
    )
    scope = fields.Selection(LEVELS, "Recognition Scope", copy=False, tracking=True)
    recognition_decision = fields.Char("Recognizing Decision", copy=False, tracking=True)
    award_ids = fields.Many2many(
        "tdkt.award", "tdkt_award_initiative_rel", "initiative_id", "award_id", "Used by Awards", readonly=True,
        copy=False,
    )
    date_recognition = fields.Date("Recognized On", copy=False)

    @api.depends("author_ids.employee_id.user_id")
    def _compute_author_user_ids(self):
        for initiative in self:
            initiative.author_user_ids = initiative.author_ids.employee_id.user_id

    @api.depends("author_ids.contribution")
    def _compute_contribution_total(self):
        for initiative in self:
            initiative.contribution_total = sum(initiative.author_ids.mapped("contribution"))

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

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            if set(vals) & WORKFLOW_FIELDS:
                raise AccessError(self.env._("The status of an initiative changes through its buttons only."))
            self._check_can_edit(set(vals) & RECOGNITION_FIELDS)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(initiative.state != "draft" for initiative in self):
            raise UserError(self.env._("Only draft initiatives can be deleted."))

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_submit(self):
        for initiative in self:
            if initiative.state != "draft":
                raise UserError(self.env._("Only a draft initiative can be submitted."))
            if not initiative.author_ids:
                raise UserError(self.env._("Name the authors of %(initiative)s.", initiative=initiative.name))
            if not (initiative.solution or "").strip():
                raise UserError(self.env._("Describe the solution of %(initiative)s.", initiative=initiative.name))
        self._check_can_edit()
        self.sudo().write({"state": "submitted"})

    def action_reset_to_draft(self):
        self._check_group("tdkt_emulation.group_tdkt_officer")
        if any(initiative.state != "submitted" or initiative.session_item_ids for initiative in self):
            raise UserError(self.env._("Only a submitted initiative that no session has taken up can return to draft."))
        self.sudo().write({"state": "draft"})

    def action_recognize(self):
        self._check_group("tdkt_emulation.group_tdkt_manager")
        for initiative in self:
            if initiative.state != "scoring" or initiative.score_result != "passed":
                raise UserError(
                    self.env._(
                        "%(initiative)s can be recognized once it has passed the council's scoring.",
                        initiative=initiative.name,
                    )
                )
            if not (initiative.scope and initiative.recognition_decision):
                raise UserError(
                    self.env._(
                        "Set the recognition scope and the recognizing decision of %(initiative)s.",
                        initiative=initiative.name,
                    )
                )
        for initiative in self:
            initiative.sudo().write(
                {
                    "state": "recognized",
                    "date_recognition": initiative.date_recognition or fields.Date.context_today(self),
                }
            )

    def action_reject(self):
        self._check_group("tdkt_emulation.group_tdkt_manager")
        if any(initiative.state not in ("submitted", "scoring") for initiative in self):
            raise UserError(self.env._("Only a submitted or scored initiative can be rejected."))
        self.sudo().write({"state": "rejected"})

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _check_group(self, group):
        if not self.env.user.has_group(group):
            raise AccessError(self.env._("You are not allowed to do this on an initiative."))

    def _check_can_edit(self, recognition=False):
        """Authors and their unit edit a draft; the Office edits until the result; only a
        Manager sets the recognition or touches a recognized or rejected initiative."""
        user = self.env.user
        if user.has_group("tdkt_emulation.group_tdkt_manager"):
            return
        if recognition:
            raise AccessError(self.env._("Only a Manager recognizes initiatives."))
        is_officer = user.has_group("tdkt_emulation.group_tdkt_officer")
        for initiative in self:
            if initiative.state in ("recognized", "rejected"):
                raise UserError(self.env._("%(initiative)s is decided: it is read-only.", initiative=initiative.name))
            if initiative.state != "draft" and not is_officer:
                raise UserError(
                    self.env._("%(initiative)s is submitted: only the Office can change it.", initiative=initiative.name)
                )
