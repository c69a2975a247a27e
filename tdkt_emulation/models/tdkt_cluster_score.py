from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lib.cluster_scoring import ScoringError, check_bounds, leaf_points

# What may be entered at each stage of the round.
FIELDS_BY_STATE = {
    "draft": {"target"},
    "self_scoring": {
        "target",
        "self_actual",
        "evidence",
        "evidence_file",
        "evidence_file_name",
    },
    "review": {"review_score", "review_comment"},
    "explanation": {"explanation"},
    "final": {"final_score"},
    "ranked": set(),
}
# What a member that does not head the cluster enters for the other members: the final
# scores, received from the head.
RECEIVED_FIELDS = {"final_score"}


class TdktClusterScore(models.Model):
    """A member's score on one leaf criterion of the year: its target and result with the
    evidence (the self-score is computed from them), the head's reviewed score and comment,
    the member's explanation, and the final score fixed at the meeting."""

    _name = "tdkt.cluster.score"
    _description = "Emulation Cluster Score"
    _inherit = ["tdkt.input.mixin"]
    _order = "line_id, criterion_id, id"
    _check_company_auto = True

    line_id = fields.Many2one(
        "tdkt.cluster.covenant.line", required=True, index=True, ondelete="cascade"
    )
    covenant_id = fields.Many2one(related="line_id.covenant_id", store=True, index=True)
    company_id = fields.Many2one(related="line_id.company_id", store=True, index=True)
    state = fields.Selection(related="covenant_id.state", string="Round")
    member_id = fields.Many2one(related="line_id.member_id", store=True, string="Body")
    criterion_id = fields.Many2one(
        "tdkt.cluster.criterion", required=True, index=True, ondelete="cascade"
    )
    kind = fields.Selection(related="criterion_id.kind")
    max_points = fields.Float(related="criterion_id.max_points")
    target = fields.Float(
        digits=(12, 2), help="The member's target (target vs actual)."
    )
    self_actual = fields.Float(
        "Result",
        digits=(12, 2),
        help="The member's result: the actual figure, the count, 1 for passed, or the "
        "points of a bonus or penalty.",
    )
    self_score = fields.Float(compute="_compute_self_score", store=True, digits=(6, 2))
    evidence = fields.Text()
    evidence_file = fields.Binary(attachment=True, copy=False)
    evidence_file_name = fields.Char(copy=False)
    review_score = fields.Float("Reviewed Score", digits=(6, 2))
    review_comment = fields.Text("Head's Comment")
    explanation = fields.Text("Member's Explanation")
    final_score = fields.Float(digits=(6, 2))

    _sql_constraints = [
        (
            "criterion_unique",
            "UNIQUE(line_id, criterion_id)",
            "A member has one score per criterion.",
        ),
    ]

    @api.depends("self_actual", "target", "criterion_id")
    def _compute_self_score(self):
        for score in self:
            try:
                score.self_score = leaf_points(
                    score.criterion_id._get_scoring_criterion(),
                    score.self_actual,
                    score.target,
                )
            except ScoringError:
                # The constraints refuse what cannot be scored; a missing target scores 0.
                score.self_score = 0.0

    @api.constrains("self_actual", "target", "review_score", "final_score")
    def _check_bounds(self):
        for score in self:
            criterion = score.criterion_id._get_scoring_criterion()
            try:
                if score.self_actual or score.state == "self_scoring":
                    if not (criterion.kind == "target" and not score.target):
                        leaf_points(criterion, score.self_actual, score.target)
                check_bounds(criterion, score.review_score)
                check_bounds(criterion, score.final_score)
            except ScoringError as error:
                score.criterion_id._raise_scoring_error(error, ValidationError)

    @api.constrains("line_id", "criterion_id")
    def _check_criterion(self):
        for score in self:
            if (
                score.criterion_id.covenant_id != score.covenant_id
                or score.criterion_id.kind == "group"
            ):
                raise ValidationError(
                    self.env._(
                        "%(criterion)s is not a criterion scored in %(covenant)s.",
                        criterion=score.criterion_id.display_name,
                        covenant=score.covenant_id.name,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                self.env._("The scores are laid out when the self-scoring starts.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_edit_fields(set(vals))
        return super().write(vals)

    # ------------------------------------------------------------
    # GUARDS
    # ------------------------------------------------------------

    def _check_edit_fields(self, names):
        """Who enters what, when: the Office; each stage its own fields; all members'
        when the company heads the cluster, otherwise its own body's and, at the meeting,
        the final scores it receives."""
        if not self.env.user.has_group("tdkt_emulation.group_tdkt_officer"):
            raise AccessError(
                self.env._("Only the Office enters the cluster's scores.")
            )
        for score in self:
            allowed = FIELDS_BY_STATE[score.state]
            if names - allowed:
                raise UserError(
                    self.env._(
                        "%(fields)s cannot be entered while the round is at %(state)s.",
                        fields=", ".join(
                            sorted(
                                self._fields[name]._description_string(self.env)
                                for name in names - allowed
                            )
                        ),
                        state=dict(
                            score.covenant_id._fields["state"]._description_selection(
                                self.env
                            )
                        )[score.state],
                    )
                )
            if (
                names - RECEIVED_FIELDS
                and not score.member_id.is_own_body
                and not score.covenant_id._is_company_head()
            ):
                raise UserError(
                    self.env._(
                        "Your body does not head %(cluster)s: you enter your own scores "
                        "only, not those of %(body)s.",
                        cluster=score.covenant_id.cluster_id.name,
                        body=score.member_id.name,
                    )
                )
