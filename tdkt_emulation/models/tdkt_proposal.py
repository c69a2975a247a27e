from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lib.authority import AUTHORITY_LEVELS, AUTHORITY_RANKS
from ..lib.dossier import DeadlineSettingError, thematic_deadline, year_end_deadline


class TdktProposal(models.Model):
    """A proposal dossier (hồ sơ đề nghị) to a higher body, for the titles and forms the
    body's own decisions may not grant (Law 2022 Art 80).

    draft → sent → (returned for completion → sent again) → decided. The Office takes the
    council's passed results above its authority (or adds a nominee with a reason), sends
    the dossier once every nominee's checklist is complete, records a return with its
    reason, and enters the higher body's decision: the granted nominees' awards enter the
    history at once, the refused ones keep the reason.
    """

    _name = "tdkt.proposal"
    _description = "Proposal Dossier"
    _inherit = [
        "tdkt.input.mixin",
        "tdkt.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "tdkt.reminder.mixin",
    ]
    _order = "year desc, id desc"
    _check_company_auto = True
    _tdkt_steps = ("edit", "send", "return", "decide")
    _tdkt_step_fields = (
        "state",
        "date_sent",
        "return_reason",
        "date_returned",
        "date_decided",
        "date_next_reminder",
    )
    _reminder_days_field = "tdkt_proposal_reminder_days"
    _reminder_activity_type = "tdkt_emulation.mail_act_tdkt_proposal_reminder"

    name = fields.Char(
        "Number",
        tracking=True,
        copy=False,
        help="The number of the dossier's tờ trình, e.g. 30/TTr-SNV.",
    )
    year = fields.Integer(
        required=True,
        index=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).year,
        help="The year the titles and forms reward.",
    )
    movement_id = fields.Many2one(
        "tdkt.movement",
        "Emulation Movement",
        index=True,
        tracking=True,
        domain="[('state', '=', 'launched')]",
        ondelete="restrict",
        check_company=True,
        help="The thematic movement whose commendations this dossier proposes: its lines propose "
        "awards of kind thematic.",
    )
    recipient = fields.Char(
        "Sent To",
        tracking=True,
        help="The body the dossier goes to, e.g. Hội đồng Thi đua - Khen thưởng tỉnh.",
    )
    authority_level = fields.Selection(
        AUTHORITY_LEVELS,
        "Proposed To",
        required=True,
        default="province",
        tracking=True,
        help="The authority that grants the nominees' titles and forms.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    # One province, one database: a dossier sent to a company of the database is read
    # there (record rules), without export or e-mail.
    recipient_company_id = fields.Many2one(
        "res.company",
        "Receiving Company",
        index=True,
        tracking=True,
        default=lambda self: self._default_recipient_company_id(),
        help="The company of the body the dossier goes to when it works in this database "
        "(e.g. the provincial emulation and commendation office): once sent, its Office "
        "reads the dossier and its council reviews the nominees; empty: the dossier goes "
        "out of the database and the Office enters the higher body's decision by hand.",
    )
    is_received = fields.Boolean(
        "Received",
        compute="_compute_is_received",
        search="_search_is_received",
        help="Sent to one of my companies by another company of the database.",
    )
    line_ids = fields.One2many("tdkt.proposal.line", "proposal_id", "Nominees")
    line_count = fields.Integer(compute="_compute_line_count")
    incomplete_count = fields.Integer(
        "Incomplete Nominees", compute="_compute_incomplete_count"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("returned", "Returned for Completion"),
            ("decided", "Decided"),
        ],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
    )
    date_sent = fields.Date("Sent On", readonly=True, copy=False, tracking=True)
    return_reason = fields.Text(
        "Reason for Returning", readonly=True, copy=False, tracking=True
    )
    date_returned = fields.Date("Returned On", readonly=True, copy=False)
    # The higher body's decision, entered by the Office once it is known.
    decision_number = fields.Char("Decision No.", copy=False, tracking=True)
    decision_date = fields.Date(copy=False, tracking=True)
    decision_authority = fields.Char(
        "Decided By", copy=False, help="e.g. Chủ tịch UBND tỉnh Lạng Sơn."
    )
    date_decided = fields.Datetime("Recorded On", readonly=True, copy=False)
    # The dossier's papers and its deadline.
    document_ids = fields.One2many(
        "tdkt.proposal.document", "proposal_id", "Uploaded Documents"
    )
    proposal_kind = fields.Selection(
        [("year_end", "Year-End"), ("thematic", "Thematic")],
        "Kind of Proposal",
        required=True,
        default="year_end",
        tracking=True,
        help="Year-end proposals are due by the day the settings give; thematic ones a "
        "number of days before the event or ceremony.",
    )
    date_event = fields.Date(
        "Event Date",
        tracking=True,
        help="The event or ceremony a thematic proposal rewards for.",
    )
    date_deadline = fields.Date(
        "Due By",
        compute="_compute_date_deadline",
        store=True,
        index=True,
        help="When the dossier is due at the higher body, by the company's settings.",
    )
    user_id = fields.Many2one(
        "res.users",
        "Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
        domain="[('share', '=', False)]",
        help="The officer reminded before the dossier's deadline; empty: every officer "
        "of the Office.",
    )
    # How its tờ trình is printed.
    legal_basis = fields.Text(
        "Legal Bases",
        help='The "Căn cứ …" lines of the printed tờ trình, one per line.',
    )
    signer_id = fields.Many2one(
        "hr.employee",
        "Signed By",
        tracking=True,
        check_company=True,
        help="Who signs the tờ trình; empty: the proposal signer of the settings.",
    )
    signer_position = fields.Char(
        "Signer's Position", help="e.g. Giám đốc; empty: the settings' position."
    )
    can_edit = fields.Boolean(compute="_compute_can_steps")
    can_send = fields.Boolean(compute="_compute_can_steps")
    can_return = fields.Boolean(compute="_compute_can_steps")
    can_decide = fields.Boolean(compute="_compute_can_steps")

    @api.model
    def _default_recipient_company_id(self):
        company = self.env.company
        return company.tdkt_recipient_company_id or company.parent_id

    @api.depends("company_id", "recipient_company_id")
    @api.depends_context("allowed_company_ids")
    def _compute_is_received(self):
        for proposal in self:
            proposal.is_received = (
                proposal.recipient_company_id in self.env.companies
                and proposal.company_id not in self.env.companies
            )

    def _search_is_received(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(
                self.env._("Search dossiers received with = or != True or False.")
            )
        domain = [
            ("recipient_company_id", "in", self.env.companies.ids),
            ("company_id", "not in", self.env.companies.ids),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("line_ids")
    def _compute_line_count(self):
        for proposal in self:
            proposal.line_count = len(proposal.line_ids)

    @api.depends("line_ids.missing")
    def _compute_incomplete_count(self):
        for proposal in self:
            proposal.incomplete_count = len(proposal.line_ids.filtered("missing"))

    @api.depends(
        "proposal_kind",
        "year",
        "date_event",
        "company_id.tdkt_proposal_deadline_day",
        "company_id.tdkt_proposal_deadline_month",
        "company_id.tdkt_thematic_proposal_days",
    )
    def _compute_date_deadline(self):
        for proposal in self:
            company = proposal.company_id
            if proposal.proposal_kind == "thematic":
                proposal.date_deadline = thematic_deadline(
                    proposal.date_event, company.tdkt_thematic_proposal_days
                )
            elif proposal.year:
                try:
                    proposal.date_deadline = year_end_deadline(
                        proposal.year,
                        company.tdkt_proposal_deadline_day,
                        company.tdkt_proposal_deadline_month,
                    )
                except DeadlineSettingError:
                    proposal.date_deadline = False
            else:
                proposal.date_deadline = False

    @api.depends("date_deadline")
    def _compute_date_next_reminder(self):
        return super()._compute_date_next_reminder()

    @api.depends("name", "year")
    def _compute_display_name(self):
        for proposal in self:
            proposal.display_name = proposal.name or self.env._(
                "Draft Proposal %(year)s", year=proposal.year
            )

    @api.constrains("proposal_kind", "date_event")
    def _check_event_date(self):
        for proposal in self:
            if proposal.proposal_kind == "thematic" and not proposal.date_event:
                raise ValidationError(
                    self.env._(
                        "A thematic dossier gives the date of the event or ceremony it "
                        "proposes for: its deadline counts back from it."
                    )
                )

    @api.constrains("company_id", "recipient_company_id")
    def _check_recipient_company(self):
        for proposal in self:
            if proposal.recipient_company_id == proposal.company_id:
                raise ValidationError(
                    self.env._("A dossier is sent to another company than its own.")
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def _check_edit_vals(self, vals):
        # The higher body's answer (its decision; on each nominee, whether it grants it:
        # the nominees check their own fields) is entered while the dossier is with it.
        names = set(vals) - self._get_chatter_fields()
        if all(proposal.state == "sent" for proposal in self) and names <= (
            self._get_decision_fields() | {"line_ids"}
        ):
            self._check_decide()
            return
        if names & self._get_decision_fields():
            self._check_decide()
        super()._check_edit_vals(vals)

    @api.model
    def _get_decision_fields(self):
        return {"decision_number", "decision_date", "decision_authority"}

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if any(proposal.state != "draft" for proposal in self):
            raise UserError(
                self.env._("A dossier that was sent is kept: it is never deleted.")
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_create_from_results(self):
        """Add a nominee for every title or form the council passed for the year that the
        company's decisions may not grant, and that no decision or dossier takes yet."""
        self._check_edit()
        for proposal in self:
            results = self.env["tdkt.registration.line"].search(
                [
                    ("company_id", "=", proposal.company_id.id),
                    ("year", "=", proposal.year),
                    ("vote_outcome", "=", "approved"),
                    ("vote_session_id.state", "=", "closed"),
                    ("id", "not in", self._get_taken_registration_lines().ids),
                    *self.env["tdkt.registration.line"]._get_movement_domain(
                        proposal.movement_id
                    ),
                ]
            )
            levels = results.title_id._get_authority_levels(proposal.year)
            own_rank = AUTHORITY_RANKS[proposal.company_id.tdkt_authority_level]
            results = results.filtered(
                lambda line, levels=levels, own_rank=own_rank: (
                    AUTHORITY_RANKS[levels[line.title_id]] > own_rank
                )
            )
            if not results:
                raise UserError(
                    self.env._(
                        "No result of a closed review session for %(year)s waits for a "
                        "proposal to a higher authority.",
                        year=proposal.year,
                    )
                )
            proposal.line_ids = [
                fields.Command.create(
                    {
                        "registration_line_id": line.id,
                        "subject_type": line.subject_type,
                        "employee_id": line.employee_id.id,
                        "unit_id": line.unit_id.id,
                        "title_id": line.title_id.id,
                        **line._get_award_class_vals(),
                    }
                )
                for line in results
            ]

    def action_send(self):
        """Send the dossier (again): every nominee's checklist must be complete."""
        self._check_send()
        for proposal in self:
            if not proposal.name:
                raise UserError(
                    self.env._("Enter the number of the dossier's tờ trình first.")
                )
            if not proposal.line_ids:
                raise UserError(
                    self.env._(
                        "%(proposal)s has no nominee.", proposal=proposal.display_name
                    )
                )
            proposal.movement_id.sudo()._check_commendable()
            # Read afresh: the facts the checklist looks up (assessments, initiatives)
            # may have changed since the field was computed.
            if checklist := proposal._get_checklist():
                raise UserError(
                    self.env._(
                        "The dossier is incomplete:\n%(checklist)s",
                        checklist=checklist,
                    )
                )
        for proposal in self:
            proposal._write_step(
                {"state": "sent", "date_sent": fields.Date.context_today(self)},
                audit=self.env._(
                    "Sent to %(recipient)s with %(count)s nominee(s).",
                    recipient=proposal.recipient or "-",
                    count=len(proposal.line_ids),
                ),
            )
        self._activity_update()

    def action_open_return_wizard(self):
        self._check_return()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Returned for Completion"),
            "res_model": "tdkt.proposal.return",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def action_decide(self):
        """Record the higher body's decision: the granted nominees' awards enter the
        history; the refused ones keep the reason."""
        self._check_decide()
        for proposal in self:
            if not (proposal.decision_number and proposal.decision_date):
                raise UserError(
                    self.env._(
                        "Enter the number and the date of the higher body's decision."
                    )
                )
            if undecided := proposal.line_ids.filtered(
                lambda line: line.outcome == "pending"
            ):
                raise UserError(
                    self.env._(
                        "Say for each nominee whether the decision grants or refuses it: "
                        "%(nominees)s.",
                        nominees=", ".join(undecided.mapped("display_name")),
                    )
                )
            if unexplained := proposal.line_ids.filtered(
                lambda line: line.outcome == "refused"
                and not (line.refusal_reason or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "Give the reason the decision refuses %(nominees)s.",
                        nominees=", ".join(unexplained.mapped("display_name")),
                    )
                )
        granted = self.line_ids.filtered(lambda line: line.outcome == "granted")
        awards = (
            self.env["tdkt.award"]
            .sudo()
            .create([line._get_award_values() for line in granted])
        )
        for line, award in zip(granted, awards, strict=True):
            line.sudo().award_id = award
        for proposal in self:
            proposal._write_step(
                {"state": "decided", "date_decided": fields.Datetime.now()},
                audit=self.env._(
                    "Decided by %(number)s: %(granted)s granted, %(refused)s refused.",
                    number=proposal.decision_number,
                    granted=len(
                        proposal.line_ids.filtered(
                            lambda line: line.outcome == "granted"
                        )
                    ),
                    refused=len(
                        proposal.line_ids.filtered(
                            lambda line: line.outcome == "refused"
                        )
                    ),
                ),
            )
        self._activity_update()

    def action_download_dossier(self):
        """The dossier's files in one ZIP (see ``tdkt.document._render_dossier``)."""
        self.ensure_one()
        return self.env["tdkt.document"].action_print("dossier", self, "zip")

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _return(self, reason):
        """The higher body returned these dossiers for completion."""
        self._check_return()
        if not (reason or "").strip():
            raise UserError(
                self.env._("Give the reason the higher body returned the dossier.")
            )
        self._write_step(
            {
                "state": "returned",
                "return_reason": reason.strip(),
                "date_returned": fields.Date.context_today(self),
            },
            audit=self.env._(
                "Returned for completion: %(reason)s", reason=reason.strip()
            ),
        )

    def _record_higher_decision(self, decision, awards_by_line):
        """A signed decision of the receiving company answers these dossiers: the nominees
        it grants get their awards (``awards_by_line``: ``{proposal line: award}``, written
        in the sending company), those its council did not pass are refused, and a dossier
        whose every nominee is answered is decided, as if its Office had entered the
        decision by hand. Called by ``tdkt.decision.action_sign`` only."""
        for line, award in awards_by_line.items():
            line.sudo()._write_step({"outcome": "granted", "award_id": award.id})
        for proposal in self.sudo():
            proposal.line_ids.filtered(
                lambda line: line.outcome == "pending"
                and line.vote_outcome == "rejected"
            )._write_step({"outcome": "refused"})
            if any(line.outcome == "pending" for line in proposal.line_ids):
                continue
            proposal._write_step(
                {
                    "state": "decided",
                    "date_decided": fields.Datetime.now(),
                    "decision_number": decision.name,
                    "decision_date": decision.date_decision,
                    "decision_authority": decision.authority,
                }
            )
            proposal.with_user(self.env.user)._post_audit(
                self.env._(
                    "Decided by %(number)s of %(company)s: %(granted)s granted, "
                    "%(refused)s refused.",
                    number=decision.name,
                    company=decision.company_id.name,
                    granted=len(
                        proposal.line_ids.filtered(
                            lambda line: line.outcome == "granted"
                        )
                    ),
                    refused=len(
                        proposal.line_ids.filtered(
                            lambda line: line.outcome == "refused"
                        )
                    ),
                )
            )

    def _get_checklist(self):
        """What the dossier lacks, one line per incomplete nominee; empty when complete."""
        self.ensure_one()
        checklist = []
        for line in self.line_ids:
            if missing := line._get_missing():
                checklist.append(f"- {line.display_name}: {'; '.join(missing)}")
        return "\n".join(checklist)

    def _activity_update(self):
        """The reminders of a dossier that left the Office (sent, decided) are pointless."""
        self.filtered(
            lambda proposal: proposal.state not in ("draft", "returned")
        )._close_reminders()

    def _get_reminder_deadline(self):
        return self.date_deadline

    def _get_reminder_users(self):
        if self.user_id and self.user_id.active:
            return self.user_id
        return (
            self.env.ref("tdkt_emulation.group_tdkt_officer")
            .sudo()
            .users.filtered(
                lambda user: self.company_id in user.company_ids and not user.share
            )
        )

    @api.model
    def _get_reminder_domain(self, today):
        return [
            ("state", "in", ("draft", "returned")),
            ("date_deadline", ">=", today),
        ]

    def _get_reminder_note(self, days_left):
        return self.env._(
            "Send the proposal dossier %(proposal)s: it is due in %(days)s day(s).",
            proposal=self.display_name,
            days=days_left,
        )

    @api.model
    def _get_taken_registration_lines(self):
        """The registration lines a decision or a dossier already takes."""
        return (
            self.env["tdkt.decision.line"]
            .search(
                [
                    ("decision_id.state", "!=", "cancelled"),
                    ("registration_line_id", "!=", False),
                ]
            )
            .registration_line_id
            | self.env["tdkt.proposal.line"]
            .search([("registration_line_id", "!=", False)])
            .registration_line_id
        )

    # ------------------------------------------------------------
    # GUARDS
    # ------------------------------------------------------------

    def _check_officer(self):
        self._require(
            "officer",
            self.env._("Only the Office prepares and sends proposal dossiers."),
        )

    def _check_edit(self):
        """The Office edits a draft dossier, or one returned for completion; the
        receiving company's Office reads it only."""
        self._check_officer()
        if not self.env.su and self.company_id - self.env.companies:
            raise AccessError(
                self.env._("Only the Office of the sending company edits a dossier.")
            )
        if any(proposal.state not in ("draft", "returned") for proposal in self):
            raise UserError(
                self.env._(
                    "A dossier is edited while a draft or returned for completion only."
                )
            )

    def _check_send(self):
        self._check_edit()

    def _check_return(self):
        """The Office records that the higher body returned a sent dossier; the receiving
        company of the database returns the dossiers sent to it itself."""
        self._check_officer()
        if not self.env.su and any(
            proposal.recipient_company_id
            and proposal.recipient_company_id not in self.env.companies
            for proposal in self
        ):
            raise AccessError(
                self.env._(
                    "A dossier sent to a company of this database is returned by that "
                    "company's Office."
                )
            )
        if any(proposal.state != "sent" for proposal in self):
            raise UserError(self.env._("Only a sent dossier can be returned."))

    def _check_decide(self):
        """The sending Office enters the higher body's decision on a sent dossier (a
        receiving company of the database writes it with its own signed decision)."""
        self._check_officer()
        if not self.env.su and self.company_id - self.env.companies:
            raise AccessError(
                self.env._(
                    "The receiving company records its answer with its own decision."
                )
            )
        if not self.env.su and any(proposal.recipient_company_id for proposal in self):
            raise AccessError(
                self.env._(
                    "A dossier sent to a company of this database is answered by that "
                    "company's council and signed decision, not entered by hand."
                )
            )
        if any(proposal.state != "sent" for proposal in self):
            raise UserError(
                self.env._("The higher body's decision is entered on a sent dossier.")
            )
