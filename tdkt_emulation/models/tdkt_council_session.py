import random
from collections import defaultdict

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from ..lib.scoring import score_initiative
from ..lib.tally import quorum_required, tally_ballots


class TdktCouncilSession(models.Model):
    """A meeting of a council (phiên họp xét): the Office puts registered titles or
    initiatives on its agenda, the members vote by secret ballot on the titles or score
    the initiatives, and closing the session writes the results.

    draft → voting → closed. A closed session is read-only and is never reopened: a
    new session is held instead.
    """

    _name = "tdkt.council.session"
    _description = "Council Session"
    _inherit = [
        "tdkt.input.mixin",
        "tdkt.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    _tdkt_steps = ("edit", "add_agenda", "start_voting", "close")
    _tdkt_step_fields = (
        "state",
        "closing_member_count",
        "date_closed",
        "closed_by_id",
        "written_member_ids",
    )

    name = fields.Char(required=True, tracking=True)
    # The session's company is the council's: no check_company here, whose domain would
    # offer a new session, which has no company yet, no council at all.
    council_id = fields.Many2one(
        "tdkt.council", required=True, index=True, ondelete="restrict", tracking=True
    )
    council_type = fields.Selection(related="council_id.council_type", store=True)
    company_id = fields.Many2one(
        related="council_id.company_id", store=True, index=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    location = fields.Char()
    time_start = fields.Float(
        "Start Time", help="When the session starts, printed on its minutes."
    )
    plan_id = fields.Many2one(
        "tdkt.plan",
        check_company=True,
        help="The plan whose registered titles are reviewed.",
    )
    year = fields.Integer(
        compute="_compute_year",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        help="The year of the titles or initiatives reviewed.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("voting", "Voting"), ("closed", "Closed")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
    )
    item_ids = fields.One2many("tdkt.council.session.item", "session_id", "Agenda")
    item_count = fields.Integer(compute="_compute_item_count")
    attendee_ids = fields.Many2many(
        "tdkt.council.member",
        string="Present",
        domain="[('council_id', '=', council_id)]",
        compute="_compute_attendee_ids",
        store=True,
        readonly=False,
        help="The members present. Absent members may still vote by written opinion; either way "
        "the agree share is counted over all the members.",
    )
    # What is kept of an absent member's written opinion is that it came: the choices it
    # holds are filed as ballots that name nobody.
    written_member_ids = fields.Many2many(
        "tdkt.council.member",
        "tdkt_council_session_written_rel",
        "session_id",
        "member_id",
        string="Written Opinions",
        readonly=True,
        copy=False,
        groups="tdkt_emulation.group_tdkt_officer",
        help="The absent members whose opinion in writing the Office has received and filed "
        "as ballots.",
    )
    minutes_number = fields.Char(
        copy=False,
        help="The number and symbol of the session's minutes, e.g. 05/BB-HĐTĐKT.",
    )
    member_count = fields.Integer(
        compute="_compute_member_count",
        string="Members",
        help="The council's members; once the session is closed, the members it counted.",
    )
    closing_member_count = fields.Integer(readonly=True, copy=False)
    voter_count = fields.Integer(
        compute="_compute_voter_count",
        string="Turnout",
        groups="tdkt_emulation.group_tdkt_officer",
        help="Members who cast a ballot or a score card on at least one item.",
    )
    date_closed = fields.Datetime("Closed On", readonly=True, copy=False)
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    is_member = fields.Boolean(compute="_compute_is_member", string="I Am a Member")
    can_edit = fields.Boolean(compute="_compute_can_steps")
    can_add_agenda = fields.Boolean(compute="_compute_can_steps")
    can_start_voting = fields.Boolean(compute="_compute_can_steps")
    can_close = fields.Boolean(compute="_compute_can_steps")

    @api.depends("plan_id")
    def _compute_year(self):
        for session in self:
            session.year = (
                session.plan_id.year
                or session.year
                or fields.Date.context_today(self).year
            )

    @api.depends("council_id")
    def _compute_attendee_ids(self):
        # Another council: its members only, none ticked yet.
        for session in self:
            session.attendee_ids = session.attendee_ids.filtered(
                lambda member, session=session: member.council_id == session.council_id
            )

    @api.depends("item_ids")
    def _compute_item_count(self):
        for session in self:
            session.item_count = len(session.item_ids)

    @api.depends("state", "closing_member_count", "council_id.member_ids")
    def _compute_member_count(self):
        for session in self:
            session.member_count = (
                session.closing_member_count
                if session.state == "closed"
                else len(session.council_id.member_ids)
            )

    @api.depends("item_ids.voted_count")
    def _compute_voter_count(self):
        for session in self:
            session.voter_count = len(session.sudo().item_ids.voted_member_ids)

    @api.depends("council_id.member_ids.user_id")
    @api.depends_context("uid")
    def _compute_is_member(self):
        for session in self:
            # A new session has no council yet.
            session.is_member = bool(
                session.council_id
                and session.council_id._get_member_of_user(self.env.user)
            )

    @api.constrains("attendee_ids", "written_member_ids")
    def _check_written_members_absent(self):
        for session in self.sudo():
            if both := session.attendee_ids & session.written_member_ids:
                raise ValidationError(
                    self.env._(
                        "%(names)s gave an opinion in writing as absent member(s) of %(session)s "
                        "and cannot be marked present.",
                        names=", ".join(both.mapped("employee_id.name")),
                        session=session.name,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(session.state != "draft" for session in self):
            raise UserError(self.env._("Only draft sessions can be deleted."))

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_add_agenda(self):
        """Put on the agenda what awaits review: the registered titles of the received forms
        of the session's plan (or year), or the submitted initiatives of its year."""
        self._check_add_agenda()
        for session in self:
            if session.council_type == "emulation":
                domain = [
                    ("company_id", "=", session.company_id.id),
                    ("state", "=", "received"),
                    ("vote_outcome", "=", False),
                    ("plan_id", "=", session.plan_id.id)
                    if session.plan_id
                    else ("year", "=", session.year),
                ]
                # Ineligible lines wait for the Office's override.
                records = (
                    self.env["tdkt.registration.line"]
                    .search(domain)
                    .filtered(
                        lambda line: line.eligibility_status != "ineligible"
                        or line.eligibility_override
                    )
                )
                field_name = "registration_line_id"
            else:
                domain = [
                    ("company_id", "=", session.company_id.id),
                    ("state", "=", "submitted"),
                    ("year", "=", session.year),
                ]
                field_name, records = (
                    "initiative_id",
                    self.env["tdkt.initiative"].search(domain),
                )
            busy = self.env["tdkt.council.session.item"].search(
                [(field_name, "in", records.ids), ("state", "!=", "closed")]
            )[field_name]
            session.item_ids = [
                fields.Command.create({field_name: record.id})
                for record in records - busy
            ]
            if session.council_type == "emulation":
                session._add_proposed_nominees()

    def _add_proposed_nominees(self):
        """Put on the agenda the nominees of the dossiers sent to the session's company
        (the departments' proposals to the province) for its year that await its answer."""
        self.ensure_one()
        nominees = self.env["tdkt.proposal.line"].search(
            [
                ("recipient_company_id", "=", self.company_id.id),
                ("proposal_id.state", "=", "sent"),
                ("proposal_id.year", "=", self.year),
                ("outcome", "=", "pending"),
                ("vote_outcome", "=", False),
            ]
        )
        busy = (
            self.env["tdkt.council.session.item"]
            .search(
                [("proposal_line_id", "in", nominees.ids), ("state", "!=", "closed")]
            )
            .proposal_line_id
        )
        self.item_ids = [
            fields.Command.create({"proposal_line_id": nominee.id})
            for nominee in nominees - busy
        ]

    def action_start_voting(self):
        self._check_start_voting()
        for session in self:
            if not session.item_ids:
                raise UserError(
                    self.env._(
                        "Put at least one item on the agenda of %(session)s.",
                        session=session.name,
                    )
                )
            if not session.council_id.member_ids:
                raise UserError(
                    self.env._(
                        "%(council)s has no member.", council=session.council_id.name
                    )
                )
            if session.council_type == "initiative" and not session._get_criteria():
                raise UserError(
                    self.env._("Define the initiative scoring criteria first.")
                )
            members = session.council_id.member_ids.filtered(
                lambda member: not member.user_id
            )
            if members:
                raise UserError(
                    self.env._(
                        "These members have no user and could not vote: %(names)s.",
                        names=", ".join(members.mapped("employee_id.name")),
                    )
                )
        self._write_step({"state": "voting"}, audit=self.env._("Voting started."))
        for item in self.item_ids.filtered(
            lambda item: item.registration_line_id or item.proposal_line_id
        ):
            item._write_step(
                {
                    "recused_member_ids": [
                        fields.Command.set(item._get_recused_members().ids)
                    ]
                }
            )
        self.item_ids.initiative_id._start_scoring()

    def action_close(self):
        """Close the vote: tally every item, write the results and lock the session."""
        self._check_close()
        # Lock the sessions: of two officers closing at once, the second waits, then fails
        # to update the row the first one closed and sees it closed when Odoo retries.
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s FOR UPDATE",
                SQL.identifier(self._table),
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["state"])
        self._check_close()
        self._check_quorum()
        for session in self:
            member_count = len(session.council_id.member_ids)
            if session.council_type == "emulation":
                session._close_review(member_count)
            else:
                session._close_scoring()
            session._refile_voters()
            session._write_step(
                {
                    "state": "closed",
                    "closing_member_count": member_count,
                    "date_closed": fields.Datetime.now(),
                    "closed_by_id": self.env.uid,
                },
                audit=self.env._("Session closed: the results are written."),
            )
        # An opinion in writing saved but never filed (its button failed, or the Office
        # left the dialog) pairs a member with choices: it is forgotten with the vote.
        opinions = (
            self.env["tdkt.written.opinion"]
            .sudo()
            .search([("session_id", "in", self.ids)])
        )
        opinions.line_ids.unlink()
        opinions.unlink()

    def action_open_written_opinion(self):
        self.ensure_one()
        self._check_record_written()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Opinion in Writing"),
            "res_model": "tdkt.written.opinion",
            "view_mode": "form",
            "target": "new",
            "context": {"default_session_id": self.id},
        }

    def action_open_voting(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_council_session_item_action_vote"
        )
        action["domain"] = [("session_id", "=", self.id)]
        action["display_name"] = self.name
        return action

    def action_export_xlsx(self):
        self.ensure_one()
        return self.env["tdkt.xlsx.report"].action_download("council_session", self)

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _close_review(self, member_count):
        """Tally the ballots of each item against its title's threshold, write the tally on
        the item and the outcome on the registration line."""
        Ballot = self.env["tdkt.ballot"].sudo()
        ballots = Ballot.search_fetch(
            [("session_id", "=", self.id)], ["item_id", "choice"]
        )
        votes = [(ballot.item_id.id, ballot.choice) for ballot in ballots]
        # Re-file the ballots in random order: their ids then tell nothing of who voted when.
        random.SystemRandom().shuffle(votes)
        ballots.unlink()
        Ballot.create(
            [{"item_id": item_id, "choice": choice} for item_id, choice in votes]
        )
        choices = defaultdict(list)
        for item_id, choice in votes:
            choices[item_id].append(choice)
        thresholds = {
            **self.item_ids.registration_line_id.sudo()._get_approval_thresholds(),
            **self.item_ids.proposal_line_id.sudo()._get_approval_thresholds(),
        }
        exclude_recused = self.company_id.tdkt_recusal_base == "not_recused"
        for item in self.item_ids:
            line = item._get_nominee()
            tally = tally_ballots(
                choices[item.id],
                member_count,
                thresholds[line],
                len(item.recused_member_ids),
                exclude_recused,
            )
            outcome = "approved" if tally.passed else "rejected"
            item._write_step(
                {
                    "agree_count": tally.agree,
                    "disagree_count": tally.disagree,
                    "abstain_count": tally.abstain,
                    "valid_count": tally.valid,
                    "member_count": tally.members,
                    "base_count": tally.base,
                    "agree_share": tally.share,
                    "threshold": tally.threshold,
                    "outcome": outcome,
                }
            )
            line._write_step(
                {
                    "vote_session_id": self.id,
                    "vote_agree_count": tally.agree,
                    "vote_member_count": tally.members,
                    "vote_share": tally.share,
                    "vote_threshold": tally.threshold,
                    "vote_outcome": outcome,
                }
            )

    def _record_written_opinion(self, member, choices):
        """File the opinion in writing of ``member``, absent from this session: each of its
        ``choices`` (``{item: choice}``) becomes a ballot that names nobody, as a member's
        own vote does, the member is counted among each item's voters, and the session
        keeps only that her opinion came in writing."""
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = %s FOR UPDATE",
                SQL.identifier(self._table),
                self.id,
            )
        )
        self.invalidate_recordset(["written_member_ids", "attendee_ids"])
        self._check_written_opinion(member, choices)
        member = member.sudo()
        self.env.flush_all()
        system = self.with_user(SUPERUSER_ID)
        for item, choice in choices.items():
            system.env["tdkt.ballot"].create({"item_id": item.id, "choice": choice})
            item._add_voter(member)
        self._write_step(
            {"written_member_ids": [fields.Command.link(member.id)]},
            audit=self.env._(
                "Opinion in writing of %(member)s received (absent).",
                member=member.employee_id.name,
            ),
        )

    def _check_written_opinion(self, member, choices):
        """Raise unless the Office may file ``member``'s opinion in writing with these
        ``choices`` (``{item: choice}``) now."""
        self.ensure_one()
        self._check_record_written()
        member = member.sudo()
        if member.council_id != self.council_id:
            raise UserError(
                self.env._(
                    "%(member)s is not a member of %(council)s.",
                    member=member.employee_id.name,
                    council=self.council_id.name,
                )
            )
        if member in self.attendee_ids:
            raise UserError(
                self.env._(
                    "%(member)s is present: members present vote themselves, an opinion in "
                    "writing is an absent member's.",
                    member=member.employee_id.name,
                )
            )
        if member in self.written_member_ids:
            raise UserError(
                self.env._(
                    "The opinion in writing of %(member)s is already filed.",
                    member=member.employee_id.name,
                )
            )
        if not choices:
            raise UserError(
                self.env._("An opinion in writing gives a choice on at least one item.")
            )
        for item, choice in choices.items():
            if item.session_id != self or item.council_type != "emulation":
                raise UserError(
                    self.env._(
                        "%(item)s is not a title on the agenda of %(session)s.",
                        item=item.name,
                        session=self.name,
                    )
                )
            if choice not in ("agree", "disagree", "abstain"):
                raise UserError(
                    self.env._(
                        "A ballot is agree, disagree or abstain, not %(choice)s.",
                        choice=repr(choice)[:40],
                    )
                )
            item._check_member_may_vote(member)
            if member in item.sudo().voted_member_ids:
                raise UserError(
                    self.env._(
                        "%(member)s has already voted on %(item)s.",
                        member=member.employee_id.name,
                        item=item.name,
                    )
                )

    def _refile_voters(self):
        """Re-file who voted on each item as the ballots are re-filed: the rows of the
        voters' relation, written one vote at a time in the order the members voted (each
        in its vote's transaction), are deleted and written again in one statement, sorted
        by item and member, so that neither their order nor their transaction tells when a
        member voted. What the database keeps of the old rows until it is vacuumed is said
        in the README."""
        self.ensure_one()
        field = self.env["tdkt.council.session.item"]._fields["voted_member_ids"]
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "DELETE FROM %s WHERE %s IN %s RETURNING %s, %s",
                SQL.identifier(field.relation),
                SQL.identifier(field.column1),
                tuple(self.item_ids.ids) or (0,),
                SQL.identifier(field.column1),
                SQL.identifier(field.column2),
            )
        )
        rows = sorted(self.env.cr.fetchall())
        if rows:
            self.env.cr.execute(
                SQL(
                    "INSERT INTO %s (%s, %s) VALUES %s",
                    SQL.identifier(field.relation),
                    SQL.identifier(field.column1),
                    SQL.identifier(field.column2),
                    SQL(", ").join(
                        SQL("(%s, %s)", item_id, member_id)
                        for item_id, member_id in rows
                    ),
                )
            )
        self.item_ids.invalidate_recordset(["voted_member_ids"])

    def _close_scoring(self):
        """Average the members' score cards of each initiative; an initiative under the pass
        mark is rejected, one that reaches it awaits recognition."""
        criteria = {
            criterion.id: criterion.max_points for criterion in self._get_criteria()
        }
        pass_percent = self.company_id.tdkt_initiative_pass_percent
        for item in self.item_ids:
            cards, criteria_max = {}, dict(criteria)
            for score in item.sudo().score_ids:
                cards.setdefault(score.member_id.id, {})[score.criterion_id.id] = (
                    score.points
                )
                # A criterion archived after scoring still counts with the maximum it was scored on.
                criteria_max.setdefault(score.criterion_id.id, score.max_points)
            result = score_initiative(criteria_max, cards, pass_percent)
            outcome = "approved" if result.passed else "rejected"
            values = {
                "score_total": result.total,
                "score_max": result.max_total,
                "pass_mark": result.pass_mark,
                "scorer_count": result.scorers,
                "outcome": outcome,
            }
            item._write_step(values)
            item.initiative_id._write_step(
                {
                    "score_total": result.total,
                    "score_max": result.max_total,
                    "pass_mark": result.pass_mark,
                    "score_result": "passed" if result.passed else "failed",
                    "state": "scoring" if result.passed else "rejected",
                },
                audit=self.env._(
                    "Scored %(total)s of %(max)s by %(scorers)s member(s) in %(session)s; pass mark %(mark)s.",
                    total=result.total,
                    max=result.max_total,
                    scorers=result.scorers,
                    session=self.name,
                    mark=result.pass_mark,
                ),
            )

    def _get_criteria(self):
        self.ensure_one()
        return (
            self.env["tdkt.initiative.criterion"]
            .sudo()
            .search(
                [
                    "|",
                    ("company_id", "=", False),
                    ("company_id", "=", self.company_id.id),
                ]
            )
        )

    def _get_my_member(self):
        """The council member the current user is, or an AccessError."""
        self.ensure_one()
        member = self.council_id._get_member_of_user(self.env.user)
        if not member:
            raise AccessError(
                self.env._(
                    "Only the members of %(council)s can vote in its sessions.",
                    council=self.council_id.name,
                )
            )
        return member

    # ------------------------------------------------------------
    # STEPS
    # ------------------------------------------------------------

    def _get_step_fields_error(self, names):
        return self.env._("The status of a session changes through its buttons only.")

    def _check_office(self):
        self._require(
            "officer",
            self.env._("Only the Office can prepare and close council sessions."),
        )

    def _check_edit(self):
        """The Office edits a session until it is closed."""
        self._check_office()
        if any(session.state == "closed" for session in self):
            raise UserError(
                self.env._("A closed session is read-only. Hold a new session instead.")
            )

    def _check_edit_vals(self, vals):
        if vals and set(vals) <= {"minutes_number"}:
            # The minutes are numbered when they are written, after the session closes.
            return self._check_office()
        if "council_id" in vals and any(session.state != "draft" for session in self):
            raise UserError(
                self.env._(
                    "The council of a session cannot change once voting has started."
                )
            )
        return super()._check_edit_vals(vals)

    def _check_add_agenda(self):
        """The Office changes the agenda of a draft session."""
        self._check_office()
        if any(session.state != "draft" for session in self):
            raise UserError(
                self.env._("The agenda can change only while the session is a draft.")
            )

    def _check_start_voting(self):
        """The Office opens the vote of a draft session."""
        self._check_office()
        if any(session.state != "draft" for session in self):
            raise UserError(self.env._("Only a draft session can start voting."))

    def _check_record_written(self):
        """The Office files the opinions in writing of absent members while voting."""
        self._check_office()
        for session in self:
            if session.state != "voting" or session.council_type != "emulation":
                raise UserError(
                    self.env._(
                        "Opinions in writing are filed while a session that reviews titles is voting."
                    )
                )

    def _check_quorum(self):
        """A session that reviews titles closes only with the company's quorum present."""
        for session in self.filtered(lambda s: s.council_type == "emulation"):
            members = len(session.council_id.member_ids)
            percent = session.company_id.tdkt_session_quorum_percent
            required = quorum_required(members, percent)
            present = len(session.attendee_ids)
            shown_percent = f"{percent:g}"
            if present < required:
                raise UserError(
                    self.env._(
                        "%(session)s lacks its quorum: %(present)s of %(members)s members are "
                        "present, %(required)s are required (%(percent)s%%). Tick the members "
                        "present on the Attendance tab.",
                        session=session.name,
                        present=present,
                        members=members,
                        required=required,
                        percent=shown_percent,
                    )
                )

    def _check_close(self):
        """The Office closes a voting session."""
        self._check_office()
        for session in self:
            if session.state != "voting":
                raise UserError(
                    self.env._(
                        "%(session)s is not voting: it cannot be closed.",
                        session=session.name,
                    )
                )
