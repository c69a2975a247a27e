from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from ..lib.scoring import check_points
from .tdkt_subject_mixin import SUBJECT_TYPES

OUTCOMES = [("approved", "Passed"), ("rejected", "Not passed")]
CHOICES = ("agree", "disagree", "abstain")
# Written when the session closes, never by hand.
RESULT_FIELDS = (
    "agree_count",
    "disagree_count",
    "abstain_count",
    "valid_count",
    "member_count",
    "agree_share",
    "threshold",
    "outcome",
    "score_total",
    "score_max",
    "pass_mark",
    "scorer_count",
    "voted_member_ids",
    "recused_member_ids",
    "base_count",
)


class TdktCouncilSessionItem(models.Model):
    """One item on a session's agenda: a registered title (emulation-commendation council)
    or an initiative (initiative council).

    Who has voted on the item is kept here, for turnout and so that nobody votes twice;
    what they voted is in ``tdkt.ballot``, which never names the voter.
    """

    _name = "tdkt.council.session.item"
    _description = "Council Session Agenda Item"
    _inherit = ["tdkt.input.mixin", "tdkt.workflow.mixin"]
    _order = "session_id, sequence, id"
    _check_company_auto = True
    _tdkt_step_fields = RESULT_FIELDS

    session_id = fields.Many2one(
        "tdkt.council.session", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    council_type = fields.Selection(related="session_id.council_type", store=True)
    state = fields.Selection(
        related="session_id.state", store=True, string="Session Status"
    )
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True
    )
    registration_line_id = fields.Many2one(
        "tdkt.registration.line",
        "Registered Title",
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    initiative_id = fields.Many2one(
        "tdkt.initiative", index=True, ondelete="restrict", check_company=True
    )
    # A nominee of a dossier another company of the database sent to the session's
    # company (a department's proposal to the province): of the sending company.
    proposal_line_id = fields.Many2one(
        "tdkt.proposal.line", "Proposed Nominee", index=True, ondelete="restrict"
    )
    # Worded when read, in the reader's language (the title's name is translated).
    name = fields.Char(compute="_compute_name", search="_search_name", string="Item")
    unit_id = fields.Many2one("hr.department", compute="_compute_unit_id", store=True)
    title_id = fields.Many2one("tdkt.title", compute="_compute_title_id", store=True)
    subject_type = fields.Selection(
        SUBJECT_TYPES, "Subject", compute="_compute_subject"
    )
    job_title = fields.Char(compute="_compute_subject")

    # Turnout: the Office sees who has voted, nobody sees what. Reading, searching, grouping
    # and ordering by these fields is refused to the others (``groups=``, and
    # ``_read_group_groupby`` below); a member sees only whether she has voted herself.
    voted_member_ids = fields.Many2many(
        "tdkt.council.member",
        "tdkt_council_session_item_voter_rel",
        "item_id",
        "member_id",
        string="Voted",
        readonly=True,
        copy=False,
        groups="tdkt_emulation.group_tdkt_officer",
    )
    voted_count = fields.Integer(
        compute="_compute_voted_count",
        store=True,
        string="Turnout",
        groups="tdkt_emulation.group_tdkt_officer",
    )
    is_voted = fields.Boolean(compute="_compute_my_vote", string="I Have Voted")
    can_vote = fields.Boolean(compute="_compute_my_vote")
    # Who does not judge their own case: the candidate, or the members of the collective
    # proposed (its unit and sub-units), fixed when voting starts. Not a secret: the
    # minutes name them.
    recused_member_ids = fields.Many2many(
        "tdkt.council.member",
        "tdkt_council_session_item_recused_rel",
        "item_id",
        "member_id",
        string="Recused",
        readonly=True,
        copy=False,
    )
    recused_count = fields.Integer(
        compute="_compute_recused_count", store=True, string="Recused Members"
    )
    is_recused = fields.Boolean(compute="_compute_my_vote", string="I Am Recused")

    # Results, written when the session closes
    agree_count = fields.Integer("Agree", readonly=True)
    disagree_count = fields.Integer("Disagree", readonly=True)
    abstain_count = fields.Integer("Abstain", readonly=True)
    valid_count = fields.Integer("Valid Ballots", readonly=True)
    member_count = fields.Integer("Council Members", readonly=True)
    base_count = fields.Integer(
        "Members Counted",
        readonly=True,
        help="The members the agree share is counted over: all the council's members, or "
        "those not recused, as the settings say.",
    )
    agree_share = fields.Float("Agree Share (%)", readonly=True, digits=(5, 2))
    threshold = fields.Float("Threshold (%)", readonly=True, digits=(5, 2))
    score_ids = fields.One2many("tdkt.initiative.score", "item_id", "Scores")
    score_total = fields.Float("Average Score", readonly=True, digits=(6, 2))
    score_max = fields.Float("Maximum Score", readonly=True, digits=(6, 2))
    pass_mark = fields.Float(readonly=True, digits=(6, 2))
    scorer_count = fields.Integer("Members Who Scored", readonly=True)
    outcome = fields.Selection(OUTCOMES, readonly=True)

    _sql_constraints = [
        (
            "session_line_uniq",
            "UNIQUE(session_id, registration_line_id)",
            "A registered title is on an agenda once.",
        ),
        (
            "session_initiative_uniq",
            "UNIQUE(session_id, initiative_id)",
            "An initiative is on an agenda once.",
        ),
    ]

    @api.depends(
        "registration_line_id.subject_name",
        "registration_line_id.title_id.name",
        "initiative_id.name",
        "proposal_line_id.subject_name",
    )
    @api.depends_context("lang")
    def _compute_name(self):
        # The council's members read the agenda without access to the forms.
        for item in self:
            if item.initiative_id:
                item.name = item.sudo().initiative_id.name
            else:
                line = item._get_nominee()
                item.name = line.display_name if line else False

    @api.depends("name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for item in self:
            item.display_name = item.name

    def _search_name(self, operator, value):
        positive = operator not in expression.NEGATIVE_TERM_OPERATORS
        if not positive:
            operator = expression.TERM_OPERATORS_NEGATION[operator]
        lines = (
            self.env["tdkt.registration.line"]
            .sudo()
            ._search(
                [
                    "|",
                    ("subject_name", operator, value),
                    ("title_id.name", operator, value),
                ]
            )
        )
        initiatives = (
            self.env["tdkt.initiative"].sudo()._search([("name", operator, value)])
        )
        domain = [
            "|",
            ("registration_line_id", "in", lines),
            ("initiative_id", "in", initiatives),
        ]
        return domain if positive else ["!", *domain]

    @api.depends(
        "registration_line_id.unit_id",
        "initiative_id.unit_id",
        "proposal_line_id.unit_id",
    )
    def _compute_unit_id(self):
        for item in self:
            item.unit_id = (
                item.initiative_id.unit_id
                if item.initiative_id
                else item._get_nominee().unit_id
            )

    @api.depends("registration_line_id.title_id", "proposal_line_id.title_id")
    def _compute_title_id(self):
        for item in self:
            item.title_id = item._get_nominee().title_id

    @api.depends(
        "registration_line_id.subject_type",
        "registration_line_id.job_title",
        "proposal_line_id.subject_type",
        "proposal_line_id.job_title",
    )
    def _compute_subject(self):
        for item in self:
            line = item._get_nominee()
            item.subject_type = line.subject_type
            item.job_title = line.job_title

    @api.depends("voted_member_ids")
    def _compute_voted_count(self):
        for item in self:
            item.voted_count = len(item.sudo().voted_member_ids)

    @api.depends("recused_member_ids")
    def _compute_recused_count(self):
        for item in self:
            item.recused_count = len(item.recused_member_ids)

    @api.depends("state", "council_type", "voted_member_ids", "recused_member_ids")
    @api.depends_context("uid")
    def _compute_my_vote(self):
        for item in self:
            member = item.session_id.council_id._get_member_of_user(self.env.user)
            item.is_voted = bool(member) and member in item.sudo().voted_member_ids
            item.is_recused = bool(member) and member in item.sudo().recused_member_ids
            # A member may correct a score card until the session closes, not a ballot.
            item.can_vote = (
                bool(member)
                and item.state == "voting"
                and not item.is_recused
                and (item.council_type == "initiative" or not item.is_voted)
            )

    @api.constrains(
        "registration_line_id", "initiative_id", "proposal_line_id", "session_id"
    )
    def _check_agenda(self):
        for item in self:
            if item.council_type == "emulation" and item.proposal_line_id:
                item._check_proposed_nominee()
            elif item.council_type == "emulation":
                if not item.registration_line_id or item.initiative_id:
                    raise ValidationError(
                        self.env._(
                            "An emulation-commendation council reviews registered titles, not initiatives."
                        )
                    )
                if item.registration_line_id.state not in ("submitted", "received"):
                    raise ValidationError(
                        self.env._(
                            "%(item)s is not on a submitted registration form.",
                            item=item.registration_line_id.display_name,
                        )
                    )
                line = item.registration_line_id
                if (
                    line.eligibility_status == "ineligible"
                    and not line.eligibility_override
                ):
                    raise ValidationError(
                        self.env._(
                            "The rules find %(item)s ineligible: the Office must override it, with a reason, "
                            "before the council reviews it.",
                            item=line.display_name,
                        )
                    )
            else:
                if (
                    not item.initiative_id
                    or item.registration_line_id
                    or item.proposal_line_id
                ):
                    raise ValidationError(
                        self.env._(
                            "An initiative council scores initiatives, not registered titles."
                        )
                    )
                if item.initiative_id.state not in ("submitted", "scoring"):
                    raise ValidationError(
                        self.env._(
                            "The initiative %(name)s is not submitted.",
                            name=item.initiative_id.name,
                        )
                    )
        open_items = self.search(
            [
                ("id", "not in", self.ids),
                ("state", "!=", "closed"),
                "|",
                "|",
                ("registration_line_id", "in", self.registration_line_id.ids),
                ("initiative_id", "in", self.initiative_id.ids),
                ("proposal_line_id", "in", self.proposal_line_id.ids),
            ],
            limit=1,
        )
        if open_items:
            raise ValidationError(
                self.env._(
                    "%(item)s is already on the agenda of %(session)s, which is not closed.",
                    item=open_items.name,
                    session=open_items.session_id.name,
                )
            )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Odoo checks the groups of the fields a search uses, but for a many2many's path
        # (``voted_member_ids.user_id``): searching by the voters would tell who voted.
        if not self.env.su:
            names = {
                leaf[0].split(".")[0]
                for leaf in domain or ()
                if isinstance(leaf, list | tuple)
                and len(leaf) == 3
                and isinstance(leaf[0], str)
            }
            self.check_field_access_rights("read", sorted(names & set(self._fields)))
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _read_group_groupby(self, groupby_spec, query):
        # Odoo checks the groups of a field a grouping uses, but for a many2many: grouping
        # by the voters would tell a member who has voted.
        self.check_field_access_rights(
            "read", [groupby_spec.split(":")[0].split(".")[0]]
        )
        return super()._read_group_groupby(groupby_spec, query)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if not self.env.su:
            self._check_edit()

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_vote(self, choice=None):
        """Cast the current user's ballot: ``choice`` is agree, disagree or abstain.

        One method for every choice, so that neither the route the web client calls
        (``/web/dataset/call_button/<model>/action_vote``) nor any log line names the
        choice: the buttons pass it in their context (``vote_choice``), an external client
        as the argument. Returns True, so that Odoo logs no warning of a method returning
        None.
        """
        choice = choice or self.env.context.get("vote_choice")
        if choice not in CHOICES:
            raise UserError(
                self.env._(
                    "A ballot is agree, disagree or abstain, not %(choice)s.",
                    choice=repr(choice)[:40],
                )
            )
        self._cast_ballot(choice)
        return True

    def action_open_scoring(self):
        self.ensure_one()
        self._check_can_vote("initiative", rescoring=True)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Score %(initiative)s", initiative=self.name),
            "res_model": "tdkt.initiative.scoring",
            "view_mode": "form",
            "target": "new",
            "context": {"default_item_id": self.id},
        }

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _cast_ballot(self, choice):
        """Cast the current user's secret ballot on each of these items.

        The ballot is written by the superuser and ``tdkt.ballot`` keeps no author, so
        nothing in the database links the ballot to the member; the member is only added
        to the item's voters.
        """
        if not self:
            return
        # What the member changed before is written in her name; what follows is not.
        self.env.flush_all()
        # Lock the items first: of two ballots of one member sent at once, the second waits,
        # fails to lock the row the first one changed, and finds, retried, she has voted.
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s FOR NO KEY UPDATE",
                SQL.identifier(self._table),
                tuple(self.ids),
            )
        )
        members = {item: item._check_can_vote("emulation") for item in self}
        system = self.with_user(SUPERUSER_ID)
        for item, member in members.items():
            system.env["tdkt.ballot"].create({"item_id": item.id, "choice": choice})
            item._add_voter(member)

    def _save_scores(self, points_by_criterion):
        """Save the current user's score card of this initiative: ``{criterion: points}``."""
        self.ensure_one()
        member = self._check_can_vote("initiative", rescoring=True)
        for criterion, points in points_by_criterion.items():
            if not check_points(points, criterion.max_points):
                raise ValidationError(
                    self.env._(
                        "%(criterion)s is scored from 0 to %(max)s points, not %(points)s.",
                        criterion=criterion.name,
                        max=criterion.max_points,
                        points=points,
                    )
                )
        Score = self.env["tdkt.initiative.score"].sudo()
        existing = {
            score.criterion_id: score
            for score in Score.search(
                [("item_id", "=", self.id), ("member_id", "=", member.id)]
            )
        }
        for criterion, points in points_by_criterion.items():
            if criterion in existing:
                existing[criterion].write(
                    {"points": points, "max_points": criterion.max_points}
                )
            else:
                Score.create(
                    {
                        "item_id": self.id,
                        "member_id": member.id,
                        "criterion_id": criterion.id,
                        "points": points,
                        "max_points": criterion.max_points,
                    }
                )
        self.env.flush_all()
        self._add_voter(member)

    def _add_voter(self, member):
        """Add ``member`` to the item's voters, leaving the item's last change (``write_uid``,
        ``write_date``) as it was: the members read the item, and a last change in the
        voter's name, or at the time of her vote, would tell them who voted when. Written
        and flushed as the superuser, so that nothing is written in the member's name."""
        self.ensure_one()
        table = SQL.identifier(self._table)
        self.env.cr.execute(
            SQL("SELECT write_uid, write_date FROM %s WHERE id = %s", table, self.id)
        )
        write_uid, write_date = self.env.cr.fetchone()
        system = self.with_user(SUPERUSER_ID)
        system.write({"voted_member_ids": [fields.Command.link(member.id)]})
        system.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET write_uid = %s, write_date = %s WHERE id = %s",
                table,
                write_uid,
                write_date,
                self.id,
            )
        )
        self.invalidate_recordset(["write_uid", "write_date"])

    def _get_recused_members(self):
        """The council's members who may not vote on this item: the candidate, or the
        members of the collective proposed (who work in its unit or a sub-unit)."""
        self.ensure_one()
        line = self._get_nominee()
        members = self.sudo().session_id.council_id.member_ids
        if not line:
            return members.browse()
        if line.subject_type == "collective":
            units = (
                self.env["hr.department"]
                .sudo()
                .with_context(active_test=False)
                .search([("id", "child_of", line.unit_id.id)])
            )
            return members.filtered(
                lambda member: member.employee_id.department_id in units
            )
        return members.filtered(lambda member: member.employee_id == line.employee_id)

    def _get_nominee(self):
        """The registered title or the proposed nominee this item reviews, as the
        superuser: the council's members read the agenda without access to the forms, and
        a proposed nominee belongs to the sending company."""
        self.ensure_one()
        return self.sudo().registration_line_id or self.sudo().proposal_line_id

    def _check_proposed_nominee(self):
        """A proposed nominee is reviewed by the council of the company the dossier was
        sent to, while the dossier is with it and the nominee awaits its answer."""
        self.ensure_one()
        line = self.sudo().proposal_line_id
        if self.registration_line_id or self.initiative_id:
            raise ValidationError(
                self.env._(
                    "An agenda item reviews one registered title or one proposed nominee."
                )
            )
        if (
            line.recipient_company_id != self.company_id
            or line.proposal_id.state != "sent"
            or line.outcome != "pending"
        ):
            raise ValidationError(
                self.env._(
                    "%(item)s is not a nominee of a dossier sent to %(company)s that awaits "
                    "its answer.",
                    item=line.display_name,
                    company=self.company_id.name,
                )
            )

    def _check_can_vote(self, council_type, rescoring=False):
        """Return the current user's member record for this item, or raise why they cannot
        vote on it."""
        self.ensure_one()
        member = self.session_id._get_my_member()
        self._check_member_may_vote(member)
        if self.state != "voting":
            raise UserError(
                self.env._(
                    "%(session)s is not open for voting.", session=self.session_id.name
                )
            )
        if self.council_type != council_type:
            raise UserError(
                self.env._("Initiatives are scored, not voted on.")
                if council_type == "emulation"
                else self.env._("Registered titles are voted on, not scored.")
            )
        if not rescoring and member in self.sudo().voted_member_ids:
            raise UserError(
                self.env._(
                    "You have already voted on this item; a ballot cannot be changed."
                )
            )
        return member

    def _check_member_may_vote(self, member):
        """Raise if ``member`` is recused from this item."""
        if member in self.sudo().recused_member_ids:
            raise UserError(
                self.env._(
                    "%(member)s is recused from %(item)s (the candidate, or a member of the "
                    "collective proposed) and does not vote on it.",
                    member=member.sudo().employee_id.name,
                    item=self.name,
                )
            )

    def _check_edit(self):
        """The agenda changes with its session: see ``tdkt.council.session._check_add_agenda``."""
        self._require(
            "officer", self.env._("Only the Office prepares the agenda of a session.")
        )
        self.session_id._check_add_agenda()

    def _get_step_fields_error(self, names):
        return self.env._(
            "Votes and results are written by the council's session only."
        )
