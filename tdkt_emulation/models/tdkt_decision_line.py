from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.reward import reward_amount


class TdktDecisionLine(models.Model):
    """One subject granted one title or commendation form by a decision."""

    _name = "tdkt.decision.line"
    _description = "Decision Line"
    _inherit = [
        "tdkt.input.mixin",
        "tdkt.award.class.mixin",
        "tdkt.workflow.mixin",
        "tdkt.subject.mixin",
    ]
    _order = "decision_id, subject_type desc, sequence, id"
    _check_company_auto = True
    # Written when the decision is signed.
    _tdkt_step_fields = (
        "reward_coefficient",
        "base_salary",
        "reward_amount",
        "golden_book_number",
    )

    decision_id = fields.Many2one(
        "tdkt.decision", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        related="decision_id.company_id", store=True, index=True
    )
    state = fields.Selection(related="decision_id.state", string="Decision Status")
    employee_id = fields.Many2one(string="Person")
    unit_id = fields.Many2one(
        compute="_compute_unit_id", store=True, readonly=False, precompute=True
    )
    job_title = fields.Char(related="employee_id.job_title")
    title_id = fields.Many2one(string="Title or Form")
    movement_id = fields.Many2one(
        related="decision_id.movement_id",
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
        ondelete="set null",
        check_company=True,
    )
    # A nominee another company of the database proposed (a department to the province):
    # the person or unit is of that company, and so is the award the signature writes.
    proposal_line_id = fields.Many2one(
        "tdkt.proposal.line",
        "Proposed Nominee",
        index=True,
        readonly=True,
        ondelete="restrict",
    )
    initiative_ids = fields.Many2many(
        "tdkt.initiative",
        string="Initiatives Used",
        check_company=True,
        domain="[('state', '=', 'recognized')]",
    )
    note = fields.Char()
    reason = fields.Text(
        "Achievement",
        help="The sudden achievement (thành tích đột xuất) a line of kind sudden rewards.",
    )
    # The reward money: computed from the tables while the decision is a draft, stored as
    # it was on signing
    reward_coefficient = fields.Float(
        "Coefficient",
        digits=(6, 2),
        compute="_compute_reward",
        store=True,
        readonly=True,
        copy=False,
    )
    base_salary = fields.Float(
        "Base Salary (VND)",
        digits=(16, 0),
        compute="_compute_reward",
        store=True,
        readonly=True,
        copy=False,
    )
    reward_amount = fields.Float(
        "Reward (VND)",
        digits=(16, 0),
        compute="_compute_reward",
        store=True,
        readonly=True,
        copy=False,
        help="The coefficient times the base salary in force on the decision's date; fixed when "
        "the decision is signed.",
    )
    golden_book_number = fields.Integer(
        "Golden Book No.",
        readonly=True,
        copy=False,
        help="The recipient's number in the company's golden book, given when the decision is signed.",
    )

    @api.depends("employee_id")
    def _compute_unit_id(self):
        for line in self:
            if line.employee_id:
                line.unit_id = line.employee_id.department_id

    @api.depends("title_id", "subject_type", "decision_id.date_decision")
    def _compute_reward(self):
        cache = {}
        for line in self:
            line.update(line._get_reward_values(cache))

    @api.constrains("subject_type", "employee_id", "unit_id")
    def _check_subject(self):
        for line in self:
            if line.subject_type == "individual" and not line.employee_id:
                raise ValidationError(
                    self.env._("An individual award needs the person awarded.")
                )
            if line.subject_type == "collective" and (
                line.employee_id or not line.unit_id
            ):
                raise ValidationError(
                    self.env._(
                        "A collective award names the unit awarded, not a person."
                    )
                )

    def _check_company(self, fnames=None):
        """A proposed nominee's person and unit are of the proposing company, not of the
        decision's: checked against that company."""
        proposed = self.filtered("proposal_line_id")
        super(TdktDecisionLine, self - proposed)._check_company(fnames)
        if not proposed:
            return
        subject_fields = {"employee_id", "unit_id", "company_id", "company_ids"}
        names = (
            list(self._fields)
            if fnames is None or {"company_id", "company_ids"} & set(fnames)
            else list(fnames)
        )
        super(TdktDecisionLine, proposed)._check_company(
            [name for name in names if name not in subject_fields]
        )
        for line in proposed.sudo():
            company = line.proposal_line_id.company_id
            if (
                line.employee_id != line.proposal_line_id.employee_id
                or line.unit_id.company_id not in (company, company.browse())
                or line.proposal_line_id.recipient_company_id != line.company_id
            ):
                raise UserError(
                    self.env._(
                        "%(line)s is not a nominee %(company)s proposed to the "
                        "decision's company.",
                        line=line.display_name,
                        company=company.name,
                    )
                )

    @api.constrains(
        "proposal_line_id",
        "decision_id",
        "subject_type",
        "employee_id",
        "unit_id",
        "title_id",
    )
    def _check_passed_nominee(self):
        """A proposed nominee is granted once, by a decision of the year of its dossier,
        while the dossier awaits the answer, and once the company's council passed it."""
        for line in self.sudo().filtered("proposal_line_id"):
            nominee = line.proposal_line_id
            if not (
                nominee.proposal_id.state == "sent"
                and nominee.outcome == "pending"
                and nominee.vote_outcome == "approved"
                and nominee.vote_session_id.state == "closed"
                and nominee.year == line.decision_id.year
            ):
                raise ValidationError(
                    self.env._(
                        "%(nominee)s cannot be granted: it was not passed by the council "
                        "of %(company)s for %(year)s, or its dossier no longer awaits an "
                        "answer.",
                        nominee=nominee.display_name,
                        company=line.decision_id.company_id.name,
                        year=line.decision_id.year,
                    )
                )
            if (
                line.subject_type != nominee.subject_type
                or line.employee_id != nominee.employee_id
                or (
                    line.subject_type == "collective"
                    and line.unit_id != nominee.unit_id
                )
                or line.title_id != nominee.title_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(nominee)s is granted as the council passed it: the same person "
                        "or unit, for the same title or form.",
                        nominee=nominee.display_name,
                    )
                )
            if other := self.sudo().search(
                [
                    ("proposal_line_id", "=", nominee.id),
                    ("id", "!=", line.id),
                    ("decision_id.state", "!=", "cancelled"),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "%(nominee)s is already in the decision %(decision)s.",
                        nominee=nominee.display_name,
                        decision=other.decision_id.display_name,
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

    @api.constrains("title_id", "decision_id")
    def _check_authority(self):
        for decision in self.decision_id:
            lines = self.filtered(
                lambda line, decision=decision: line.decision_id == decision
            )
            if above := decision._get_lines_above_authority(lines):
                raise ValidationError(decision._authority_error_message(above))

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def write(self, vals):
        result = super().write(vals)
        if not self.env.su and "decision_id" in vals:
            # The decision the line lands in must be a draft.
            self._check_edit()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        if not self.env.su:
            self._check_edit()

    def _check_edit(self):
        """A line changes with its decision: see ``tdkt.decision._check_edit``."""
        self.decision_id._check_edit()

    def _get_audit_records(self):
        return self.decision_id

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _get_reward_values(self, cache=None):
        """The coefficient, base salary and amount of the line's reward on the decision's
        date, from the tables as they are now. ``cache`` (a dict) keeps what lines of the
        same title, subject and date share, for a long decision."""
        self.ensure_one()
        day = self.decision_id.date_decision
        key = (self.title_id.id, self.subject_type, day)
        if cache is not None and key in cache:
            return cache[key]
        coefficient = (
            self.env["tdkt.reward.coefficient"]._get_coefficient(
                self.title_id, self.subject_type, day
            )
            if self.title_id and day
            else 0.0
        )
        salary = self.env["tdkt.base.salary"]._get_amount_on(day) if day else 0.0
        values = {
            "reward_coefficient": coefficient,
            "base_salary": salary,
            "reward_amount": reward_amount(coefficient, salary),
        }
        if cache is not None:
            cache[key] = values
        return values

    def _get_award_values(self):
        decision = self.decision_id
        values = {
            "subject_type": self.subject_type,
            "employee_id": self.employee_id.id,
            "unit_id": self.unit_id.id,
            "year": decision.year,
            "title_id": self.title_id.id,
            "award_kind": self.award_kind,
            "recipient_class": self.recipient_class,
            "movement_id": self.movement_id.id,
            "decision_id": decision.id,
            "decision_number": decision.name,
            "decision_date": decision.date_decision,
            "decision_authority": decision.authority,
            "initiative_ids": [fields.Command.set(self.initiative_ids.ids)],
            "company_id": decision.company_id.id,
            "note": self.note,
            "golden_book_number": self.golden_book_number,
        }
        if self.proposal_line_id:
            # Written in the history of the subject's company (the proposing company,
            # or the one a person moved to since); the golden book is the province's.
            subject = self.sudo()[
                "employee_id" if self.subject_type == "individual" else "unit_id"
            ]
            nominee = self.sudo().proposal_line_id
            company = subject.company_id or nominee.company_id
            if (
                self.subject_type == "individual"
                and subject.company_id != nominee.company_id
            ):
                # A person who moved: the unit they work in now, of the same company.
                values["unit_id"] = subject.department_id.id
            values.update(
                company_id=company.id,
                # Classed as the proposing company classed its nominee.
                award_kind=nominee.award_kind,
                recipient_class=nominee.recipient_class,
                movement_id=(
                    nominee.movement_id.id
                    if nominee.movement_id.company_id == company
                    else False
                ),
                initiative_ids=[],
                golden_book_number=False,
            )
        return values
