from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class TdktClusterCovenantLine(models.Model):
    """A member's row of the year's covenant: what it commits to (titles registered,
    targets), its scores and totals at each stage of the round, and its rank."""

    _name = "tdkt.cluster.covenant.line"
    _description = "Member's Commitments in an Emulation Covenant"
    _inherit = ["tdkt.input.mixin"]
    _order = "covenant_id, rank, member_id, id"
    _check_company_auto = True

    covenant_id = fields.Many2one(
        "tdkt.cluster.covenant", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="covenant_id.company_id", store=True, index=True
    )
    state = fields.Selection(related="covenant_id.state", string="Round")
    member_id = fields.Many2one(
        "tdkt.cluster.member",
        "Body",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('cluster_id', '=', parent.cluster_id)]",
    )
    is_own_body = fields.Boolean(related="member_id.is_own_body")
    title_ids = fields.Many2many(
        "tdkt.title",
        "tdkt_cluster_covenant_line_title_rel",
        "line_id",
        "title_id",
        "Titles Registered",
    )
    commitments = fields.Text(
        help="What the member commits to: its targets of the year."
    )
    score_ids = fields.One2many("tdkt.cluster.score", "line_id", "Scores")
    self_total = fields.Float(compute="_compute_totals", digits=(6, 2))
    review_total = fields.Float(
        "Reviewed Total", compute="_compute_totals", digits=(6, 2)
    )
    final_total = fields.Float(compute="_compute_totals", digits=(6, 2))
    rank = fields.Integer(readonly=True, copy=False)

    _sql_constraints = [
        (
            "member_unique",
            "UNIQUE(covenant_id, member_id)",
            "A body commits once in a year's covenant.",
        ),
    ]

    @api.depends(
        "score_ids.self_score", "score_ids.review_score", "score_ids.final_score"
    )
    def _compute_totals(self):
        for line in self:
            covenant = line.covenant_id
            for field_name, score_field in (
                ("self_total", "self_score"),
                ("review_total", "review_score"),
                ("final_total", "final_score"),
            ):
                line[field_name] = covenant._scoring_total(
                    {
                        score.criterion_id.id: score[score_field]
                        for score in line.score_ids
                    }
                )

    @api.constrains("member_id", "covenant_id")
    def _check_member_of_cluster(self):
        for line in self:
            covenant, member = line.covenant_id, line.member_id
            if (
                member.cluster_id != covenant.cluster_id
                or not member._is_member_in_year(covenant.year)
            ):
                raise ValidationError(
                    self.env._(
                        "%(body)s is not a member of %(cluster)s in %(year)s: it cannot "
                        "commit to its covenant.",
                        body=member.name,
                        cluster=covenant.cluster_id.name,
                        year=covenant.year,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        covenants = self.env["tdkt.cluster.covenant"].browse(
            [vals["covenant_id"] for vals in vals_list if vals.get("covenant_id")]
        )
        covenants._check_commitments_editable()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self.covenant_id._check_commitments_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(line.covenant_id.state != "draft" for line in self):
            raise UserError(
                self.env._("A member's row is kept once the scoring has started.")
            )
