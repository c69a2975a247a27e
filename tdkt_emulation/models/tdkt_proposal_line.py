from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.authority import AUTHORITY_RANKS
from .tdkt_title import LEVELS


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
    _tdkt_step_fields = (
        "award_id",
        "vote_session_id",
        "vote_agree_count",
        "vote_member_count",
        "vote_share",
        "vote_threshold",
        "vote_outcome",
    )

    proposal_id = fields.Many2one(
        "tdkt.proposal", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="proposal_id.company_id", store=True, index=True
    )
    state = fields.Selection(related="proposal_id.state", string="Dossier Status")
    recipient_company_id = fields.Many2one(
        related="proposal_id.recipient_company_id", store=True, index=True
    )
    year = fields.Integer(related="proposal_id.year")
    employee_id = fields.Many2one(string="Person")
    unit_id = fields.Many2one(
        compute="_compute_unit_id", store=True, readonly=False, precompute=True
    )
    # Read through the nominee by the receiving company, which may not open the
    # sending company's people (related fields are read as the superuser).
    job_title = fields.Char(related="employee_id.job_title")
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
        compute_sudo=True,
        help="What the dossier still lacks for this nominee; empty when complete.",
    )
    outcome = fields.Selection(
        [("pending", "Pending"), ("granted", "Granted"), ("refused", "Refused")],
        required=True,
        default="pending",
    )
    refusal_reason = fields.Text("Reason for Refusing")
    refusal_note = fields.Char(
        "Why Refused",
        compute="_compute_refusal_note",
        help="The reason the higher body gave, or the result of the council that did not "
        "pass the nominee.",
    )
    award_id = fields.Many2one("tdkt.award", readonly=True, copy=False)
    # The receiving company's council review (a province's council in the same database),
    # written when its session closes.
    vote_session_id = fields.Many2one(
        "tdkt.council.session", "Reviewed In", readonly=True, copy=False, index=True
    )
    vote_agree_count = fields.Integer("Agree Votes", readonly=True, copy=False)
    vote_member_count = fields.Integer("Council Size", readonly=True, copy=False)
    vote_share = fields.Float(
        "Agree Share (%)", digits=(5, 2), readonly=True, copy=False
    )
    vote_threshold = fields.Float(
        "Threshold (%)", digits=(5, 2), readonly=True, copy=False
    )
    vote_outcome = fields.Selection(
        [("approved", "Passed"), ("rejected", "Not passed")],
        "Council's Result",
        readonly=True,
        copy=False,
        index=True,
    )
    year = fields.Integer(related="proposal_id.year")
    document_ids = fields.One2many(
        "tdkt.proposal.document", "line_id", "Uploaded Documents"
    )

    @api.depends(
        "outcome", "refusal_reason", "vote_outcome", "vote_share", "vote_threshold"
    )
    @api.depends_context("lang")
    def _compute_refusal_note(self):
        """Worded when read, in the reader's language: a refusal by the receiving
        company's council keeps its result as the reason."""
        for line in self:
            if line.outcome != "refused":
                line.refusal_note = False
            elif (line.refusal_reason or "").strip():
                line.refusal_note = line.refusal_reason.strip()
            elif line.vote_outcome == "rejected":
                share, threshold = (
                    format(value, "g")
                    for value in (line.vote_share, line.vote_threshold)
                )
                line.refusal_note = self.env._(
                    "Not passed by the council of %(company)s: %(share)s%% of the "
                    "votes in favour, %(threshold)s%% required.",
                    company=line.sudo().vote_session_id.company_id.name,
                    share=share,
                    threshold=threshold,
                )
            else:
                line.refusal_note = False

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
        "title_id",
        "employee_id",
        "unit_id",
        "document_ids.kind",
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
        proofs = self._get_proofs()
        if "initiative" in proofs and not proofs["initiative"]:
            missing.append(
                self.env._(
                    "the decision recognizing the nominee's initiative the title needs: "
                    "record the recognized initiative, or upload the decision"
                )
            )
        if "rating" in proofs and not proofs["rating"]:
            missing.append(
                self.env._(
                    "the rating of excellent completion of duties of %(year)s the title "
                    "needs: enter the assessment, or upload its confirmation",
                    year=self.proposal_id.year,
                )
            )
        return missing

    def _get_proof_rules(self):
        """The certifications the title's rule of the dossier's year needs: a subset of
        ("initiative", "rating"), with the groups of requirements (the rule and its
        alternatives) that ask for each. A certification is needed when every way of
        qualifying asks for it."""
        self.ensure_one()
        rule_set = self.env["tdkt.rule.set"]._get_for_year(self.proposal_id.year)
        rule = (
            self.env["tdkt.title.rule"]
            .sudo()
            .search(
                [
                    ("rule_set_id", "=", rule_set.id),
                    ("title_id", "=", self.title_id.id),
                ],
                limit=1,
            )
        )
        if not rule:
            return {}
        groups = [rule, *rule.alternative_ids]
        needs = {}
        if self.subject_type == "individual" and all(
            group.initiative_count > 0 for group in groups
        ):
            needs["initiative"] = groups
        rating_fields = (
            ("min_rating", "streak_rating", "run_rating", "run_top_rating")
            if self.subject_type == "individual"
            else ("collective_min_rating",)
        )
        if all(
            any(group[name] == "excellent" for name in rating_fields)
            for group in groups
        ):
            needs["rating"] = groups
        return needs

    def _get_proofs(self):
        """``{certification: records that prove it}`` for each certification the title
        needs (``_get_proof_rules``): recognized initiatives, assessments rated excellent
        of the year, or the documents the Office uploaded for the nominee."""
        self.ensure_one()
        proofs = {}
        needs = self._get_proof_rules()
        year = self.proposal_id.year
        if "initiative" in needs:
            proofs["initiative"] = self._get_recognized_initiatives(
                needs["initiative"]
            ) or self.document_ids.filtered(lambda doc: doc.kind == "initiative")
            # An excellent rating of the year may stand for the initiative (regime C's
            # CSTĐCS): when every way of qualifying says so.
            if not proofs["initiative"] and all(
                group.rating_replaces_initiative == "excellent"
                for group in needs["initiative"]
            ):
                proofs["initiative"] = self._get_excellent_ratings(year)
        if "rating" in needs:
            proofs["rating"] = self._get_excellent_ratings(
                year
            ) or self.document_ids.filtered(lambda doc: doc.kind == "rating")
        return proofs

    def _get_recognized_initiatives(self, groups=None):
        """The nominee's initiatives recognized within the years the rule counts, at the
        narrowest scope it accepts or wider."""
        self.ensure_one()
        if not self.employee_id:
            return self.env["tdkt.initiative"]
        year = self.proposal_id.year
        groups = groups or []
        years = max(
            [1]
            + [group.initiative_years for group in groups]
            + [group.run_years for group in groups if group.initiatives_in_run]
        )
        scopes = [scope for scope, _label in LEVELS]
        narrowest = min(
            (
                scopes.index(group.initiative_scope)
                for group in groups
                if group.initiative_scope
            ),
            default=0,
        )
        return (
            self.env["tdkt.initiative"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("state", "=", "recognized"),
                    ("author_ids.employee_id", "=", self.employee_id.id),
                    ("year", ">", year - years),
                    ("year", "<=", year),
                    ("scope", "in", scopes[narrowest:]),
                ],
                order="year, id",
            )
        )

    def _get_excellent_ratings(self, year):
        """The nominee's assessment of ``year`` rated excellent, if any."""
        self.ensure_one()
        if self.subject_type == "individual":
            return (
                self.env["tdkt.assessment"]
                .sudo()
                .search(
                    [
                        ("company_id", "=", self.company_id.id),
                        ("employee_id", "=", self.employee_id.id),
                        ("year", "=", year),
                        ("rating", "=", "excellent"),
                    ]
                )
            )
        return (
            self.env["tdkt.unit.assessment"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("unit_id", "=", self.unit_id.id),
                    ("year", "=", year),
                    ("rating", "=", "excellent"),
                ]
            )
        )

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
        # Who is proposed, and for what, stays as the receiving council votes on it,
        # from the moment it is on the council's agenda.
        if set(vals) & {"subject_type", "employee_id", "unit_id", "title_id"}:
            items = (
                self.env["tdkt.council.session.item"]
                .sudo()
                .search([("proposal_line_id", "in", self.ids)])
            )
            for item in items:
                line = self.browse(item.proposal_line_id.id)
                if any(
                    line._fields[name].convert_to_write(line[name], line)
                    != (vals[name] or False)
                    for name in ("subject_type", "employee_id", "unit_id", "title_id")
                    if name in vals
                ):
                    raise UserError(
                        self.env._(
                            "%(nominee)s is on the agenda of the council of "
                            "%(company)s: who is proposed, and for what, stays as the "
                            "council votes on it.",
                            company=item.session_id.company_id.name,
                            nominee=line.display_name,
                        )
                    )

    def _check_edit(self):
        """A nominee changes with its dossier: see ``tdkt.proposal._check_edit``."""
        self.proposal_id._check_edit()

    def _get_audit_records(self):
        return self.proposal_id

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _get_approval_thresholds(self):
        """The agree share each nominee's title needs in the receiving council: the rule
        of the regime in force for the dossier's year, as for a registered title."""
        return self.env["tdkt.registration.line"]._get_title_thresholds(
            [(line, line.year, line.title_id) for line in self]
        )

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
