from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

LAUNCH_LEVELS = [
    ("central", "Central"),
    ("province", "Ministry, Central Body or Province"),
    ("agency", "Agency"),
]
SCOPES = [
    ("national", "National"),
    ("sector", "Ministry, Sector or Locality"),
    ("cluster", "Emulation Cluster"),
    ("agency", "Agency"),
]
METHODS = [("regular", "Regular (Yearly)"), ("thematic", "Thematic")]


class TdktMovement(models.Model):
    """An emulation movement (phong trào thi đua): launched by a decision, run over a
    period by the units taking part, and closed with its commendations.

    draft → launched → closed. The regular movement of a year is launched by the yearly
    plan; a thematic movement (theo chuyên đề, theo đợt) has its own proposals and
    decisions, whose lines make awards of kind thematic.

    Access: everybody reads the movements of their companies; the Office (Officer)
    creates, edits, launches and closes them; a Manager deletes a draft.
    """

    _name = "tdkt.movement"
    _description = "Emulation Movement"
    _inherit = [
        "tdkt.input.mixin",
        "tdkt.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _tdkt_steps = ("edit", "launch", "close")
    _tdkt_step_fields = ("state",)

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    decision_number = fields.Char(
        "Launching Decision No.",
        tracking=True,
        help="The number of the decision (or plan) that launches the movement.",
    )
    decision_date = fields.Date("Launching Decision Date", tracking=True)
    decision_authority = fields.Char(
        "Launched By",
        default=lambda self: self.env.company.name,
        help="Who launches the movement, e.g. the Director of the Department.",
    )
    launch_level = fields.Selection(
        LAUNCH_LEVELS,
        "Launched At",
        required=True,
        default="agency",
        help="The level of the body that launches the movement.",
    )
    scope = fields.Selection(
        SCOPES,
        required=True,
        default="agency",
        help="Who takes part: the whole country, a ministry, sector or locality, an "
        "emulation cluster, or the body itself.",
    )
    method = fields.Selection(
        METHODS,
        required=True,
        default="regular",
        tracking=True,
        help="Regular movements run every year with the yearly plan; a thematic movement "
        "runs for a period or a theme and has its own commendations.",
    )
    date_start = fields.Date("Start Date", tracking=True)
    date_end = fields.Date("End Date", tracking=True)
    targets = fields.Text(help="The movement's targets and content.")
    unit_ids = fields.Many2many(
        "hr.department",
        "tdkt_movement_department_rel",
        "movement_id",
        "department_id",
        "Units Taking Part",
        check_company=True,
    )
    plan_id = fields.Many2one(
        "tdkt.plan",
        "Yearly Plan",
        index=True,
        ondelete="set null",
        check_company=True,
        help="The yearly plan that launches this regular movement.",
    )
    year = fields.Integer(
        compute="_compute_year",
        store=True,
        index=True,
        help="The year the movement starts.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("launched", "Launched"), ("closed", "Closed")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
    )
    award_ids = fields.One2many("tdkt.award", "movement_id", "Awards")
    award_count = fields.Integer(compute="_compute_counts")
    decision_ids = fields.One2many("tdkt.decision", "movement_id", "Decisions")
    decision_count = fields.Integer(compute="_compute_counts")
    proposal_ids = fields.One2many("tdkt.proposal", "movement_id", "Proposals")
    proposal_count = fields.Integer(compute="_compute_counts")
    can_edit = fields.Boolean(compute="_compute_can_steps")
    can_launch = fields.Boolean(compute="_compute_can_steps")
    can_close = fields.Boolean(compute="_compute_can_steps")

    _sql_constraints = [
        (
            "dates_check",
            "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
            "A movement ends on or after its start.",
        ),
    ]

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    @api.depends("date_start", "plan_id.year")
    def _compute_year(self):
        for movement in self:
            movement.year = (
                movement.plan_id.year
                or (movement.date_start and movement.date_start.year)
                or 0
            )

    @api.depends("award_ids", "decision_ids", "proposal_ids")
    def _compute_counts(self):
        for movement in self:
            movement.award_count = len(movement.award_ids)
            movement.decision_count = len(movement.decision_ids)
            movement.proposal_count = len(movement.proposal_ids)

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("state", "date_start", "date_end")
    def _check_dates(self):
        """A launched movement has its start and end: form 0601 counts it by duration."""
        for movement in self:
            if movement.state != "draft" and not (
                movement.date_start and movement.date_end
            ):
                raise ValidationError(
                    self.env._(
                        "Enter the start and end dates of %(movement)s: the official "
                        "statistics count a launched movement by its duration.",
                        movement=movement.name,
                    )
                )

    @api.constrains("plan_id", "method", "company_id")
    def _check_plan(self):
        """The yearly plan launches one regular movement of its year and company."""
        for movement in self.filtered("plan_id"):
            if movement.method != "regular":
                raise ValidationError(
                    self.env._(
                        "Only the regular movement is launched by the yearly plan; "
                        "%(movement)s is thematic.",
                        movement=movement.name,
                    )
                )
            if self.sudo().search_count(
                [
                    ("id", "!=", movement.id),
                    ("plan_id", "!=", False),
                    ("year", "=", movement.plan_id.year),
                    ("company_id", "=", movement.company_id.id),
                ]
            ):
                raise ValidationError(
                    self.env._(
                        "%(plan)s already launches a regular movement.",
                        plan=movement.plan_id.name,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.ondelete(at_uninstall=False)
    def _unlink_except_launched(self):
        if any(movement.state != "draft" for movement in self):
            raise UserError(
                self.env._("A launched movement is never deleted: close it instead.")
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_launch(self):
        """Launch the movement: it needs its launching decision's number and date."""
        self._check_launch()
        for movement in self:
            if not (movement.decision_number and movement.decision_date):
                raise UserError(
                    self.env._(
                        "Enter the number and the date of the decision that launches "
                        "%(movement)s.",
                        movement=movement.name,
                    )
                )
        self._write_step({"state": "launched"})

    def action_close(self):
        """Close the movement once its commendations are made."""
        self._check_close()
        self._write_step({"state": "closed"})

    def action_reset_to_draft(self):
        """Take a launched movement back to draft, e.g. to correct its decision."""
        self._check_edit()
        if any(movement.state != "launched" for movement in self):
            raise UserError(self.env._("Only a launched movement goes back to draft."))
        self._write_step({"state": "draft"})

    def _get_form_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "tdkt.movement",
            "view_mode": "form",
            "res_id": self.id,
        }

    def action_view_awards(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_award_action"
        )
        action["domain"] = [("movement_id", "in", self.ids)]
        action["context"] = {"create": False}
        return action

    def action_view_decisions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_decision_action"
        )
        action["domain"] = [("movement_id", "=", self.id)]
        action["context"] = {"default_movement_id": self.id}
        return action

    def action_view_proposals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_proposal_action"
        )
        action["domain"] = [("movement_id", "=", self.id)]
        action["context"] = {"default_movement_id": self.id}
        return action

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _check_commendable(self):
        """A movement's commendations are proposed and decided while it is launched."""
        for movement in self:
            if movement.state != "launched":
                raise UserError(
                    self.env._(
                        "%(movement)s is not launched: its commendations are proposed and "
                        "decided while it runs.",
                        movement=movement.name,
                    )
                )

    # ------------------------------------------------------------
    # STEPS
    # ------------------------------------------------------------

    def _check_office(self):
        self._require(
            "officer", self.env._("Only the Office manages emulation movements.")
        )

    def _check_edit(self):
        """The Office edits a movement until it is closed."""
        self._check_office()
        if any(movement.state == "closed" for movement in self):
            raise UserError(self.env._("A closed movement is read-only."))

    def _check_launch(self):
        """The Office launches a draft movement."""
        self._check_office()
        if any(movement.state != "draft" for movement in self):
            raise UserError(self.env._("Only a draft movement can be launched."))

    def _check_close(self):
        """The Office closes a launched movement."""
        self._check_office()
        if any(movement.state != "launched" for movement in self):
            raise UserError(self.env._("Only a launched movement can be closed."))
        # What is still under way could not be signed or sent once it is closed.
        for movement in self.sudo():
            open_records = [
                *movement.decision_ids.filtered(
                    lambda decision: decision.state == "draft"
                ),
                *movement.proposal_ids.filtered(
                    lambda proposal: proposal.state != "decided"
                ),
            ]
            if open_records:
                raise UserError(
                    self.env._(
                        "Close %(movement)s once its commendations are made: sign, "
                        "decide or delete %(records)s first.",
                        movement=movement.name,
                        records=", ".join(
                            record.display_name for record in open_records
                        ),
                    )
                )
