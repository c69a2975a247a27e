from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..lib.authority import AUTHORITY_RANKS

# Title kinds each kind of decision grants.
DECISION_TITLE_KINDS = {"recognition": "title", "commendation": "commendation"}


class TdktDecision(models.Model):
    """A decision recognizing emulation titles or granting commendations (quyết định công
    nhận / khen thưởng).

    draft → signed → cancelled. The Office prepares the draft, from the council's results
    or by hand; a Manager records its signature, which writes the awards, one per line.
    A signed decision is read-only; cancelling it, by a Manager and with a reason, removes
    its awards while the decision stays as a trace.
    """

    _name = "tdkt.decision"
    _description = "Recognition or Commendation Decision"
    _inherit = [
        "tdkt.input.mixin",
        "tdkt.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_decision desc, id desc"
    _check_company_auto = True
    _tdkt_steps = ("edit", "sign", "cancel")
    _tdkt_step_fields = (
        "state",
        "date_signed",
        "signed_by_id",
        "cancel_reason",
        "date_cancelled",
    )

    name = fields.Char(
        "Number",
        tracking=True,
        copy=False,
        help="The decision's number, e.g. 15/QĐ-SNV.",
    )
    kind = fields.Selection(
        [
            ("recognition", "Recognition of emulation titles"),
            ("commendation", "Commendation"),
        ],
        required=True,
        default="recognition",
        tracking=True,
    )
    year = fields.Integer(
        required=True,
        index=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).year,
        help="The year the titles and forms reward.",
    )
    date_decision = fields.Date("Decision Date", tracking=True, copy=False)
    movement_id = fields.Many2one(
        "tdkt.movement",
        "Emulation Movement",
        index=True,
        tracking=True,
        domain="[('state', '=', 'launched')]",
        ondelete="restrict",
        check_company=True,
        help="The thematic movement whose commendations this decision makes: its lines make "
        "awards of kind thematic.",
    )
    signer_id = fields.Many2one(
        "hr.employee", "Signed By", tracking=True, check_company=True
    )
    signer_position = fields.Char("Signer's Position")
    authority = fields.Char(
        "Issuing Authority",
        tracking=True,
        default=lambda self: self.env.company.name,
        help="Who issues the decision, e.g. the Director of the Department of Home Affairs.",
    )
    authority_level = fields.Selection(
        related="company_id.tdkt_authority_level",
        string="Grants Up To",
        help="The decision grants the titles and forms of its authority's level and below "
        "(the company's settings); the others go up in a proposal.",
    )
    summary = fields.Text("Content", help="What the decision says, as in its title.")
    legal_basis = fields.Text(
        "Legal Bases",
        help='The "Căn cứ …" lines of the printed decision, one per line.',
    )
    proposal_basis = fields.Text(
        "Proposed By", help='The line "Xét đề nghị của …" of the printed decision.'
    )
    recipients = fields.Text(
        help='The lines of "Nơi nhận" at the foot of the printed decision, one per line.'
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    line_ids = fields.One2many(
        "tdkt.decision.line", "decision_id", "Subjects Awarded", copy=True
    )
    line_count = fields.Integer(compute="_compute_line_count")
    reward_total = fields.Float(
        "Total Reward (VND)",
        digits=(16, 0),
        compute="_compute_reward_total",
        help="The reward money of all the lines, for Article 2 and the accountant.",
    )
    proposal_number = fields.Char(
        "Proposal No.",
        copy=False,
        help="The number of the proposal (tờ trình), e.g. 25/TTr-VP.",
    )
    date_proposal = fields.Date("Proposal Date", copy=False)
    award_ids = fields.One2many("tdkt.award", "decision_id", "Awards")
    award_count = fields.Integer(compute="_compute_award_count")
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("cancelled", "Cancelled")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
    )
    date_signed = fields.Datetime("Recorded On", readonly=True, copy=False)
    signed_by_id = fields.Many2one(
        "res.users", "Recorded By", readonly=True, copy=False
    )
    cancel_reason = fields.Text("Reason for Cancelling", readonly=True, copy=False)
    date_cancelled = fields.Datetime("Cancelled On", readonly=True, copy=False)
    can_edit = fields.Boolean(compute="_compute_can_steps")
    can_sign = fields.Boolean(compute="_compute_can_steps")
    can_cancel = fields.Boolean(compute="_compute_can_steps")

    _sql_constraints = [
        (
            "name_company_uniq",
            "UNIQUE(name, date_decision, company_id)",
            "A decision with this number and date already exists.",
        ),
    ]

    @api.depends("line_ids")
    def _compute_line_count(self):
        for decision in self:
            decision.line_count = len(decision.line_ids)

    @api.depends("line_ids.reward_amount")
    def _compute_reward_total(self):
        for decision in self:
            decision.reward_total = sum(decision.line_ids.mapped("reward_amount"))

    @api.depends("award_ids")
    def _compute_award_count(self):
        for decision in self:
            decision.award_count = len(decision.award_ids)

    @api.depends("name", "date_decision")
    def _compute_display_name(self):
        for decision in self:
            if decision.name and decision.date_decision:
                decision.display_name = self.env._(
                    "%(number)s of %(date)s",
                    number=decision.name,
                    date=decision.date_decision.strftime("%d/%m/%Y"),
                )
            else:
                decision.display_name = decision.name or self.env._("Draft Decision")

    @api.constrains("year", "company_id")
    def _check_authority(self):
        """A decision grants only the titles and forms its authority may grant."""
        for decision in self:
            above = decision._get_lines_above_authority(decision.line_ids)
            if above:
                raise ValidationError(decision._authority_error_message(above))

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        if any(decision.state != "draft" for decision in self):
            raise UserError(
                self.env._("A signed decision is never deleted: cancel it instead.")
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_create_from_results(self):
        """Add a line for every title or form the council passed for the decision's year
        that no other decision grants yet and that the decision's authority grants; say
        which passed titles wait for a proposal to a higher authority."""
        self._check_edit()
        left_for_proposal = []
        taken = self.env["tdkt.proposal"]._get_taken_registration_lines()
        for decision in self:
            results = self.env["tdkt.registration.line"].search(
                [
                    ("company_id", "=", decision.company_id.id),
                    ("year", "=", decision.year),
                    ("vote_outcome", "=", "approved"),
                    ("vote_session_id.state", "=", "closed"),
                    ("title_id.kind", "=", DECISION_TITLE_KINDS[decision.kind]),
                    ("id", "not in", taken.ids),
                    *self.env["tdkt.registration.line"]._get_movement_domain(
                        decision.movement_id
                    ),
                ]
            )
            proposed = decision._get_passed_nominees()
            if not (results or proposed):
                raise UserError(
                    self.env._(
                        "No result of a closed review session for %(year)s awaits a decision.",
                        year=decision.year,
                    )
                )
            # What a higher authority grants waits for a proposal.
            above = decision._get_lines_above_authority(results)
            results -= above
            if not (results or proposed):
                raise UserError(decision._authority_error_message(above))
            if above:
                left_for_proposal.append(
                    decision._describe_lines_above_authority(above)
                )
            decision.line_ids = [
                fields.Command.create(
                    {
                        "registration_line_id": line.id,
                        "subject_type": line.subject_type,
                        "employee_id": line.employee_id.id,
                        "unit_id": line.unit_id.id,
                        "title_id": line.title_id.id,
                        "initiative_ids": [
                            fields.Command.set(line._get_eligibility_initiative_ids())
                        ],
                        **line._get_award_class_vals(),
                    }
                )
                for line in results
            ] + [
                fields.Command.create(
                    {
                        "proposal_line_id": nominee.id,
                        "subject_type": nominee.subject_type,
                        "employee_id": nominee.employee_id.id,
                        "unit_id": nominee.unit_id.id,
                        "title_id": nominee.title_id.id,
                        # The statistics count the award as the department proposed it.
                        "award_kind": nominee.award_kind,
                        "recipient_class": nominee.recipient_class,
                        "reason": nominee.reason
                        if nominee.award_kind == "sudden"
                        else False,
                    }
                )
                for nominee in proposed.sudo()
            ]
            taken |= results
        if not left_for_proposal:
            return False
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Left for a proposal to a higher authority"),
                "message": "\n".join(left_for_proposal),
                "type": "warning",
                "sticky": True,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_sign(self):
        """Record the signature: write one award per line. Only a Manager signs."""
        self._check_sign()
        self._lock_for_update()
        self._check_sign()
        for decision in self:
            if not (decision.name and decision.date_decision):
                raise UserError(
                    self.env._(
                        "Enter the number and the date of the decision before signing it."
                    )
                )
            if above := decision._get_lines_above_authority(decision.line_ids):
                raise UserError(decision._authority_error_message(above))
            # A dossier may have been returned, or answered, since the line was added.
            decision.line_ids._check_passed_nominee()
            if not decision.line_ids:
                raise UserError(
                    self.env._(
                        "%(decision)s has no line.", decision=decision.display_name
                    )
                )
            decision.movement_id.sudo()._check_commendable()
        for decision in self:
            decision._freeze_lines()
        lines = self.line_ids
        awards = (
            self.env["tdkt.award"]
            .sudo()
            .create([line._get_award_values() for line in lines])
        )
        for decision in self:
            decision._write_step(
                {
                    "state": "signed",
                    "date_signed": fields.Datetime.now(),
                    "signed_by_id": self.env.uid,
                },
                audit=self.env._(
                    "Signed: %(count)s award(s) written.", count=len(decision.line_ids)
                ),
            )
        self.line_ids.registration_line_id.registration_id._decide()
        # The dossiers other companies sent for the year get the answer: the nominees the
        # decision grants, and those the council did not pass.
        for decision in self:
            answered = {
                line.proposal_line_id: award
                for line, award in zip(lines, awards, strict=True)
                if line.decision_id == decision and line.proposal_line_id
            }
            proposals = self.env["tdkt.proposal.line"].concat(
                *answered
            ).proposal_id | self.env["tdkt.proposal"].search(
                [
                    ("recipient_company_id", "=", decision.company_id.id),
                    ("state", "=", "sent"),
                    ("year", "=", decision.year),
                    ("line_ids.vote_outcome", "=", "rejected"),
                    ("line_ids.vote_session_id.state", "=", "closed"),
                ]
            )
            proposals._record_higher_decision(decision, answered)

    def action_open_cancel_wizard(self):
        self._check_cancel()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel Decision"),
            "res_model": "tdkt.decision.cancel",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def action_view_awards(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_award_action"
        )
        action["domain"] = [("decision_id", "in", self.ids)]
        action["context"] = {"create": False}
        return action

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _get_passed_nominees(self):
        """The nominees of the dossiers sent to the decision's company for its year that
        its council passed, of the decision's kind, within its authority, and that no
        decision takes yet."""
        self.ensure_one()
        nominees = self.env["tdkt.proposal.line"].search(
            [
                ("recipient_company_id", "=", self.company_id.id),
                ("proposal_id.state", "=", "sent"),
                ("proposal_id.year", "=", self.year),
                ("vote_outcome", "=", "approved"),
                ("vote_session_id.state", "=", "closed"),
                ("outcome", "=", "pending"),
                ("title_id.kind", "=", DECISION_TITLE_KINDS[self.kind]),
            ]
        )
        taken = (
            self.env["tdkt.decision.line"]
            .search(
                [
                    ("decision_id.state", "!=", "cancelled"),
                    ("proposal_line_id", "in", nominees.ids),
                ]
            )
            .proposal_line_id
        )
        nominees -= taken
        return nominees - self._get_lines_above_authority(nominees)

    def _get_printed_lines(self):
        """The lines in the order of the attached list: individuals, then collectives."""
        self.ensure_one()
        return self.line_ids.sorted(
            lambda line: (line.subject_type != "individual", line.sequence, line.id)
        )

    def _freeze_lines(self):
        """On signing: the reward money from the tables in force on the decision's date,
        and a golden book number for each line in the order of the list, stored on the
        lines so that later changes of the tables leave the signed decision as it was."""
        self.ensure_one()
        sequence = self._get_golden_book_sequence()
        cache = {}
        for line in self._get_printed_lines():
            line.sudo().write(
                {
                    **line._get_reward_values(cache),
                    "golden_book_number": int(sequence.next_by_id()),
                }
            )

    def _get_golden_book_sequence(self):
        """The company's golden book sequence (gapless), made at its first use."""
        self.ensure_one()
        Sequence = self.env["ir.sequence"].sudo()
        sequence = Sequence.search(
            [
                ("code", "=", "tdkt.golden.book"),
                ("company_id", "=", self.company_id.id),
            ],
            limit=1,
        )
        return sequence or Sequence.create(
            {
                "name": f"Golden Book - {self.company_id.name}",
                "code": "tdkt.golden.book",
                "company_id": self.company_id.id,
                "implementation": "no_gap",
                "padding": 0,
            }
        )

    def _cancel(self, reason):
        """Cancel these signed decisions: their awards are removed, the decisions stay."""
        self._check_cancel()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for cancelling the decision."))
        self._lock_for_update()
        self._check_cancel()
        # The awards written in the proposing companies too, which the user may not read.
        self.sudo().award_ids.unlink()
        # Their dossiers wait again for an answer on the nominees it granted, and those
        # it decided wait again for an answer on the nominees it refused.
        nominees = self.line_ids.proposal_line_id.sudo()
        nominees.filtered(lambda line: line.outcome == "granted")._write_step(
            {"outcome": "pending"}
        )
        answered = nominees.proposal_id
        for decision in self:
            answered |= (
                self.env["tdkt.proposal"]
                .sudo()
                .search(
                    [
                        ("recipient_company_id", "=", decision.company_id.id),
                        ("state", "=", "decided"),
                        ("decision_number", "=", decision.name),
                        ("decision_date", "=", decision.date_decision),
                    ]
                )
            )
        answered.line_ids.filtered(
            lambda line: line.outcome == "refused" and line.vote_outcome == "rejected"
        )._write_step({"outcome": "pending"})
        answered.filtered(lambda proposal: proposal.state == "decided")._write_step(
            {
                "state": "sent",
                "date_decided": False,
                "decision_number": False,
                "decision_date": False,
                "decision_authority": False,
            }
        )
        self._write_step(
            {
                "state": "cancelled",
                "cancel_reason": reason.strip(),
                "date_cancelled": fields.Datetime.now(),
            },
            audit=self.env._("Cancelled: %(reason)s", reason=reason.strip()),
        )

    def _get_lines_above_authority(self, lines):
        """The ``lines`` (with a ``title_id``) whose title this decision's authority may not
        grant in the decision's year."""
        self.ensure_one()
        levels = lines.title_id._get_authority_levels(self.year)
        rank = AUTHORITY_RANKS[self.company_id.tdkt_authority_level]
        return lines.filtered(
            lambda line: AUTHORITY_RANKS[levels[line.title_id]] > rank
        )

    def _describe_lines_above_authority(self, lines):
        levels = lines.title_id._get_authority_levels(self.year)
        names = dict(
            self.env["tdkt.title.rule"]
            ._fields["authority_level"]
            ._description_selection(self.env)
        )
        return "; ".join(
            self.env._(
                "%(title)s for %(subject)s, granted by the %(authority)s",
                title=line.title_id.name,
                subject=line.subject_name,
                authority=names[levels[line.title_id]],
            )
            for line in lines
        )

    def _authority_error_message(self, lines):
        names = dict(self._fields["authority_level"]._description_selection(self.env))
        return self.env._(
            "%(decision)s is issued by the %(level)s and cannot grant: %(lines)s. "
            "Propose them to the authority that grants them.",
            decision=self.display_name,
            level=names[self.authority_level],
            lines=self._describe_lines_above_authority(lines),
        )

    def _lock_for_update(self):
        """Lock the decisions' rows, then read their state again: of two people signing or
        cancelling the same decision at once, the second waits and finds it done."""
        self.env.cr.execute(
            SQL(
                "SELECT id FROM tdkt_decision WHERE id IN %s FOR UPDATE",
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["state"])

    # ------------------------------------------------------------
    # STEPS
    # ------------------------------------------------------------

    def _check_edit(self):
        """The Office edits a draft decision; a signed or cancelled one is read-only."""
        if any(decision.state != "draft" for decision in self):
            raise UserError(self.env._("A signed or cancelled decision is read-only."))

    def _check_manager(self):
        self._require(
            "manager", self.env._("Only a Manager signs or cancels a decision.")
        )

    def _check_sign(self):
        """A Manager signs a draft decision."""
        self._check_manager()
        for decision in self:
            if decision.state != "draft":
                raise UserError(
                    self.env._(
                        "%(decision)s is already signed.",
                        decision=decision.display_name,
                    )
                )

    def _check_cancel(self):
        """A Manager cancels a signed decision, with a reason."""
        self._check_manager()
        if any(decision.state != "signed" for decision in self):
            raise UserError(self.env._("Only a signed decision can be cancelled."))
