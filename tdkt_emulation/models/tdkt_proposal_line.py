from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.authority import AUTHORITY_RANKS


class TdktProposalLine(models.Model):
    """A nominee of a proposal dossier: a subject proposed for a title or form, with the
    checklist of what the dossier still lacks for it, and the higher body's answer."""

    _name = "tdkt.proposal.line"
    _description = "Nominee of a Proposal Dossier"
    _inherit = [
        "tdkt.input.mixin",
        "tdkt.award.class.mixin",
        "tdkt.workflow.mixin",
        "tdkt.subject.mixin",
    ]
    _order = "proposal_id, subject_type desc, id"
    _check_company_auto = True
    # The higher body's answer is entered with its decision; the award is written by it.
    _tdkt_step_fields = ("award_id",)

    proposal_id = fields.Many2one(
        "tdkt.proposal", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="proposal_id.company_id", store=True, index=True
    )
    state = fields.Selection(related="proposal_id.state", string="Dossier Status")
    employee_id = fields.Many2one(string="Person")
    unit_id = fields.Many2one(
        compute="_compute_unit_id", store=True, readonly=False, precompute=True
    )
    title_id = fields.Many2one(string="Title or Form")
    movement_id = fields.Many2one(
        related="proposal_id.movement_id",
        store=True,
        precompute=True,
        index=True,
        string="Emulation Movement",
    )
    registration_line_id = fields.Many2one(
        "tdkt.registration.line",
        "Registered Title",
        index=True,
        readonly=True,
        ondelete="restrict",
        check_company=True,
    )
    reason = fields.Text(
        "Reason for Proposing",
        help="Why the Office proposes a nominee the council did not pass "
        "(e.g. a sudden achievement).",
    )
    achievements = fields.Text(
        help="Section II of the nominee's achievement report (báo cáo thành tích).",
    )
    missing = fields.Text(
        "Missing from the Dossier",
        compute="_compute_missing",
        help="What the dossier still lacks for this nominee; empty when complete.",
    )
    outcome = fields.Selection(
        [("pending", "Pending"), ("granted", "Granted"), ("refused", "Refused")],
        required=True,
        default="pending",
    )
    refusal_reason = fields.Text("Reason for Refusing")
    award_id = fields.Many2one("tdkt.award", readonly=True, copy=False)

    @api.depends("employee_id")
    def _compute_unit_id(self):
        for line in self:
            if line.employee_id:
                line.unit_id = line.employee_id.department_id

    @api.depends(
        "reason",
        "achievements",
        "registration_line_id.vote_outcome",
        "registration_line_id.eligibility_status",
        "registration_line_id.eligibility_override",
    )
    def _compute_missing(self):
        for line in self:
            line.missing = "\n".join(line._get_missing())

    def _get_missing(self):
        """What the dossier lacks for this nominee, each worded for the reader."""
        self.ensure_one()
        missing = []
        registered = self.registration_line_id
        if not registered and not (self.reason or "").strip():
            missing.append(
                self.env._(
                    "the council's result, or the reason the Office proposes the nominee"
                )
            )
        if registered and registered.vote_outcome != "approved":
            missing.append(self.env._("the council's approval"))
        if registered and not (
            registered.eligibility_status == "eligible"
            or registered.eligibility_override
        ):
            missing.append(
                self.env._(
                    "the proofs the rules need (ratings, initiatives): the title's "
                    "conditions are not shown as met"
                )
            )
        if not (self.achievements or "").strip():
            missing.append(self.env._("the achievement report (section II)"))
        return missing

    @api.constrains("award_kind", "reason")
    def _check_sudden_reason(self):
        for line in self:
            if line.award_kind == "sudden" and not (line.reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "Describe the sudden achievement of %(subject)s.",
                        subject=line.subject_name or "",
                    )
                )

    @api.constrains("proposal_id", "title_id")
    def _check_above_own_authority(self):
        """A dossier carries what the company's own decisions may not grant."""
        for line in self:
            proposal = line.proposal_id
            levels = line.title_id._get_authority_levels(proposal.year)
            if (
                AUTHORITY_RANKS[levels[line.title_id]]
                <= AUTHORITY_RANKS[proposal.company_id.tdkt_authority_level]
            ):
                raise ValidationError(
                    self.env._(
                        "%(title)s is granted by your own decisions: it needs no proposal "
                        "to a higher authority.",
                        title=line.title_id.name,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if not self.env.su:
            self._check_edit()
        if self.award_id:
            raise UserError(
                self.env._("A nominee whose award is recorded is never deleted.")
            )

    # ------------------------------------------------------------
    # GUARDS
    # ------------------------------------------------------------

    def _check_edit_vals(self, vals):
        # The higher body's answer is entered while the dossier is with it.
        if set(vals) <= {"outcome", "refusal_reason"}:
            self.proposal_id._check_decide()
            return
        super()._check_edit_vals(vals)

    def _check_edit(self):
        """A nominee changes with its dossier: see ``tdkt.proposal._check_edit``."""
        self.proposal_id._check_edit()

    def _get_audit_records(self):
        return self.proposal_id

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _get_award_values(self):
        proposal = self.proposal_id
        return {
            "subject_type": self.subject_type,
            "employee_id": self.employee_id.id,
            "unit_id": self.unit_id.id,
            "year": proposal.year,
            "title_id": self.title_id.id,
            "award_kind": self.award_kind,
            "recipient_class": self.recipient_class,
            "movement_id": self.movement_id.id,
            "decision_number": proposal.decision_number,
            "decision_date": proposal.decision_date,
            "decision_authority": proposal.decision_authority,
            "company_id": proposal.company_id.id,
        }
