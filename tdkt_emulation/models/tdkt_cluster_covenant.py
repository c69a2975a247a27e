from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.cluster_scoring import Criterion, ScoringError, rank, total

ROUND_STATES = [
    ("draft", "Covenant"),
    ("self_scoring", "Self-scoring"),
    ("review", "Head's Review"),
    ("explanation", "Explanations"),
    ("final", "Meeting"),
    ("ranked", "Ranked"),
]


class TdktClusterCovenant(models.Model):
    """A cluster's year: the covenant its members sign (giao ước thi đua: each member's
    commitments, the signed date and file), the year's criteria and the scoring round.

    The round: covenant → self-scoring (each member scores itself with evidence) → head's
    review (reviewed score and comment) → explanations (a member explains) → meeting (the
    cluster meeting fixes the final scores) → ranked. The leader and the runners-up are
    then proposed for the cluster's titles through a ``tdkt.proposal``.

    Access: the Office (Officer) moves the round and enters the scores. When the company
    heads the cluster, its Office enters every member's scores (members without an Odoo
    account enter through it); when it is only a member, it enters its own body's scores
    and, at the meeting, the final scores it receives from the head. See
    ``tdkt.cluster.score._check_edit_fields``.
    """

    _name = "tdkt.cluster.covenant"
    _description = "Emulation Cluster Covenant"
    _inherit = [
        "tdkt.input.mixin",
        "tdkt.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "year desc, cluster_id, id"
    _check_company_auto = True
    _tdkt_steps = ("edit", "start", "review", "explain", "finalize", "rank", "propose")
    _tdkt_step_fields = ("state", "proposal_id")
    _tdkt_can_depends = ("state", "proposal_id", "cluster_id.rotation_ids")

    cluster_id = fields.Many2one(
        "tdkt.cluster",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        tracking=True,
    )
    year = fields.Integer(
        required=True,
        index=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date_signed = fields.Date("Signed On", tracking=True)
    document = fields.Binary("Signed Covenant", attachment=True, copy=False)
    document_name = fields.Char("File Name", copy=False)
    line_ids = fields.One2many(
        "tdkt.cluster.covenant.line", "covenant_id", "Members' Commitments"
    )
    criterion_ids = fields.One2many("tdkt.cluster.criterion", "covenant_id", "Criteria")
    score_ids = fields.One2many("tdkt.cluster.score", "covenant_id", "Scores")
    state = fields.Selection(
        ROUND_STATES,
        "Round",
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
    )
    is_company_head = fields.Boolean(
        "We Head the Cluster", compute="_compute_is_company_head"
    )
    proposal_id = fields.Many2one(
        "tdkt.proposal", readonly=True, copy=False, check_company=True
    )
    can_edit = fields.Boolean(compute="_compute_can_steps")
    can_start = fields.Boolean(compute="_compute_can_steps")
    can_review = fields.Boolean(compute="_compute_can_steps")
    can_explain = fields.Boolean(compute="_compute_can_steps")
    can_finalize = fields.Boolean(compute="_compute_can_steps")
    can_rank = fields.Boolean(compute="_compute_can_steps")
    can_propose = fields.Boolean(compute="_compute_can_steps")

    _sql_constraints = [
        (
            "cluster_year_unique",
            "UNIQUE(cluster_id, year)",
            "A cluster has one covenant a year.",
        ),
    ]

    @api.depends("cluster_id.name", "year")
    def _compute_name(self):
        for covenant in self:
            covenant.name = f"{covenant.cluster_id.name or ''} {covenant.year}".strip()

    @api.depends("cluster_id.rotation_ids")
    @api.depends_context("date")
    def _compute_is_company_head(self):
        for covenant in self:
            covenant.is_company_head = covenant._is_company_head()

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_start(self):
        """Open the self-scoring: a row for each member of the year and a score for each
        of its leaf criteria."""
        self._check_start()
        for covenant in self:
            members = covenant.cluster_id.member_ids.filtered(
                lambda m, year=covenant.year: m._is_member_in_year(year)
            )
            missing = members - covenant.line_ids.member_id
            self.env["tdkt.cluster.covenant.line"].create(
                [{"covenant_id": covenant.id, "member_id": m.id} for m in missing]
            )
            leaves = covenant.criterion_ids.filtered(lambda c: c.kind != "group")
            vals_list = [
                {"line_id": line.id, "criterion_id": criterion.id}
                for line in covenant.line_ids
                for criterion in leaves - line.score_ids.criterion_id
            ]
            self.env["tdkt.cluster.score"].sudo().create(vals_list)
        self._write_step({"state": "self_scoring"})

    def action_review(self):
        """Hand the self-scores to the head, who starts from them."""
        self._check_review()
        for score in self.score_ids:
            score.sudo().review_score = score.self_score
        self._write_step({"state": "review"})

    def action_explain(self):
        self._check_explain()
        self._write_step({"state": "explanation"})

    def action_finalize(self):
        """Take the reviewed scores to the meeting, which fixes the final ones."""
        self._check_finalize()
        for score in self.score_ids:
            score.sudo().final_score = score.review_score
        self._write_step({"state": "final"})

    def action_rank(self):
        """Rank the members by their final totals (ties share a rank)."""
        self._check_rank()
        for covenant in self:
            totals = {
                (line.member_id.name, line.id): line.final_total
                for line in covenant.line_ids
            }
            for place, (_name, line_id), _points in rank(totals):
                self.env["tdkt.cluster.covenant.line"].browse(
                    line_id
                ).sudo().rank = place
        self._write_step({"state": "ranked"})

    def action_propose(self):
        """Propose the leader for the cluster's flag and the runners-up for its form, in
        a new draft proposal dossier to the province."""
        self._check_propose()
        self.ensure_one()
        cluster = self.cluster_id
        lang = self.env["res.lang"]._get_tdkt_report_lang()
        env = self.with_context(lang=lang).env
        lines, unnamed = [], []
        for line in self.line_ids.filtered("rank").sorted("rank"):
            if line.rank == 1:
                title = cluster.flag_title_id
            elif line.rank <= 1 + cluster.runner_up_count:
                title = cluster.merit_title_id
            else:
                continue
            if not title:
                continue
            if not line.member_id.unit_id:
                unnamed.append(line.member_id.name)
                continue
            lines.append(
                {
                    "subject_type": "collective",
                    "unit_id": line.member_id.unit_id.id,
                    "title_id": title.id,
                    "reason": env._(
                        "%(body)s: ranked %(rank)s in %(cluster)s for %(year)s with "
                        "%(points)s points.",
                        body=line.member_id.name,
                        rank=line.rank,
                        cluster=cluster.name,
                        year=self.year,
                        points=round(line.final_total, 2),
                    ),
                }
            )
        if unnamed:
            # The dossier names a collective by its unit: without it, nobody.
            raise UserError(
                self.env._(
                    "Set the Unit for Proposals of %(bodies)s: the dossier names each "
                    "member it proposes by that unit.",
                    bodies=", ".join(unnamed),
                )
            )
        if not lines:
            raise UserError(
                self.env._(
                    "No member is ranked for a title or form of the cluster: set them "
                    "on the cluster."
                )
            )
        proposal = self.env["tdkt.proposal"].create(
            {
                "year": self.year,
                "company_id": self.company_id.id,
                "line_ids": [fields.Command.create(vals) for vals in lines],
            }
        )
        self._write_step({"proposal_id": proposal.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "tdkt.proposal",
            "res_id": proposal.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _is_company_head(self):
        self.ensure_one()
        return bool(self.cluster_id) and self.cluster_id._is_company_head()

    def _get_scoring_tree(self):
        """The year's criteria as one uncapped root group, for ``lib/cluster_scoring``."""
        self.ensure_one()
        roots = self.criterion_ids.filtered(lambda c: not c.parent_id)
        return Criterion(
            key=0,
            kind="group",
            cap=False,
            children=tuple(root._get_scoring_criterion() for root in roots),
        )

    def _check_criteria_editable(self):
        for covenant in self:
            if covenant.state != "draft":
                raise UserError(
                    self.env._(
                        "The criteria of %(covenant)s are fixed once its scoring has "
                        "started.",
                        covenant=covenant.name,
                    )
                )

    def _check_commitments_editable(self):
        for covenant in self:
            if covenant.state not in ("draft", "self_scoring"):
                raise UserError(
                    self.env._(
                        "The members' commitments in %(covenant)s are fixed once the "
                        "head's review has started.",
                        covenant=covenant.name,
                    )
                )

    # ------------------------------------------------------------
    # GUARDS
    # ------------------------------------------------------------

    def _check_officer(self):
        self._require(
            "officer", self.env._("Only the Office runs the cluster's scoring round.")
        )

    def _check_state(self, state):
        if any(covenant.state != state for covenant in self):
            raise UserError(
                self.env._(
                    "This step is taken when the round is at %(state)s.",
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        state
                    ],
                )
            )

    def _check_edit(self):
        self._check_officer()

    def _check_start(self):
        self._check_officer()
        self._check_state("draft")
        for covenant in self:
            if not covenant.criterion_ids.filtered(lambda c: c.kind != "group"):
                raise UserError(
                    self.env._(
                        "Enter the criteria of %(covenant)s before the scoring starts.",
                        covenant=covenant.name,
                    )
                )

    def _check_review(self):
        self._check_officer()
        self._check_state("self_scoring")

    def _check_explain(self):
        self._check_officer()
        self._check_state("review")

    def _check_finalize(self):
        self._check_officer()
        self._check_state("explanation")

    def _check_rank(self):
        self._check_officer()
        self._check_state("final")

    def _check_propose(self):
        self._check_officer()
        self._check_state("ranked")
        for covenant in self:
            if not covenant._is_company_head():
                raise UserError(
                    self.env._(
                        "The head of the cluster proposes its leader: %(cluster)s is not "
                        "headed by your body.",
                        cluster=covenant.cluster_id.name,
                    )
                )
            if covenant.proposal_id:
                raise UserError(
                    self.env._(
                        "The leader of %(covenant)s is proposed already.",
                        covenant=covenant.name,
                    )
                )

    def _scoring_total(self, points):
        """The total of the year's tree for the leaves' ``points`` (id → points)."""
        try:
            return total(self._get_scoring_tree(), points)
        except ScoringError as error:
            self.env["tdkt.cluster.criterion"]._raise_scoring_error(error)
