from odoo import api, fields, models
from odoo.exceptions import ValidationError

CLUSTER_KINDS = [("cluster", "Cluster"), ("bloc", "Bloc")]


class TdktCluster(models.Model):
    """An emulation cluster or bloc (cụm, khối thi đua): bodies that sign a covenant each
    year, score one another against its criteria and rank themselves. It outlives the
    years: its members come and go by date, its head rotates by dated decisions
    (``tdkt.cluster.rotation``), and each year has its covenant and scoring round
    (``tdkt.cluster.covenant``) and its calendar (``tdkt.cluster.event``).

    The company is one of the members (``is_own_body``): when it is the head at a date, its
    Office runs the round for every member; otherwise it enters its own scores only.

    Access: Users read; the Office (Officer) manages everything.
    """

    _name = "tdkt.cluster"
    _description = "Emulation Cluster"
    _inherit = ["tdkt.input.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, translate=False)
    kind = fields.Selection(CLUSTER_KINDS, required=True, default="cluster")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    member_ids = fields.One2many("tdkt.cluster.member", "cluster_id", "Members")
    rotation_ids = fields.One2many(
        "tdkt.cluster.rotation", "cluster_id", "Head Rotations"
    )
    covenant_ids = fields.One2many("tdkt.cluster.covenant", "cluster_id", "Covenants")
    event_ids = fields.One2many("tdkt.cluster.event", "cluster_id", "Calendar")
    user_ids = fields.Many2many(
        "res.users",
        "tdkt_cluster_user_rel",
        "cluster_id",
        "user_id",
        "Responsible Users",
        help="The Office's people in charge of the cluster: reminded of its calendar.",
    )
    unit_id = fields.Many2one(
        "hr.department",
        "Unit in Charge",
        check_company=True,
        help="The unit that leads the plan's tasks of the cluster.",
    )
    flag_title_id = fields.Many2one(
        "tdkt.title",
        "Title for the Leader",
        default=lambda self: self.env.ref(
            "tdkt_emulation.title_flag_province", raise_if_not_found=False
        ),
        help="Proposed for the member ranked first (the Cờ thi đua).",
    )
    merit_title_id = fields.Many2one(
        "tdkt.title",
        "Form for the Runners-up",
        default=lambda self: self.env.ref(
            "tdkt_emulation.title_merit_province", raise_if_not_found=False
        ),
        help="Proposed for the runners-up (the Bằng khen).",
    )
    runner_up_count = fields.Integer(
        "Runners-up Proposed",
        default=2,
        help="How many ranks after the leader are proposed for the form.",
    )
    head_member_id = fields.Many2one(
        "tdkt.cluster.member", "Head Today", compute="_compute_head_member_id"
    )
    own_member_id = fields.Many2one(
        "tdkt.cluster.member", "Our Body", compute="_compute_own_member_id"
    )
    member_count = fields.Integer(compute="_compute_member_count")

    _sql_constraints = [
        (
            "runner_up_count_positive",
            "CHECK(runner_up_count >= 0)",
            "The number of runners-up proposed cannot be negative.",
        ),
    ]

    @api.depends_context("date")
    @api.depends("rotation_ids.date_from", "rotation_ids.head_member_id")
    def _compute_head_member_id(self):
        today = self.env.context.get("date") or fields.Date.context_today(self)
        for cluster in self:
            cluster.head_member_id = cluster._get_rotation(today).head_member_id

    @api.depends("member_ids.is_own_body")
    def _compute_own_member_id(self):
        for cluster in self:
            cluster.own_member_id = cluster.member_ids.filtered("is_own_body")[:1]

    @api.depends("member_ids")
    def _compute_member_count(self):
        for cluster in self:
            cluster.member_count = len(cluster.member_ids)

    @api.constrains("member_ids")
    def _check_one_own_body(self):
        for cluster in self:
            if len(cluster.member_ids.filtered("is_own_body")) > 1:
                raise ValidationError(
                    self.env._(
                        "Only one member of %(cluster)s can be your own body.",
                        cluster=cluster.name,
                    )
                )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _get_rotation(self, date):
        """The head rotation in force on ``date`` (empty before the first one)."""
        self.ensure_one()
        rotations = self.rotation_ids.filtered(lambda r: r.date_from <= date)
        return rotations.sorted("date_from")[-1:]

    def _get_head(self, date):
        return self._get_rotation(date).head_member_id

    def _is_company_head(self, date=None):
        """Whether the company's own body heads the cluster on ``date`` (today)."""
        self.ensure_one()
        date = date or fields.Date.context_today(self)
        head = self._get_head(date)
        return bool(head and head.is_own_body)

    def _check_head_rotation(self):
        """From the first decision on, the cluster has exactly one head at any date: each
        decision names a member of the cluster whose membership lasts until the next."""
        for cluster in self:
            rotations = cluster.rotation_ids.sorted("date_from")
            for index, rotation in enumerate(rotations):
                following = rotations[index + 1] if index + 1 < len(rotations) else None
                head = rotation.head_member_id
                until = following.date_from if following else None
                if head.cluster_id != cluster or not head._is_member_between(
                    rotation.date_from, until
                ):
                    raise ValidationError(
                        self.env._(
                            "%(body)s cannot head %(cluster)s from %(date)s: it is not a "
                            "member of the cluster for all of the time until the next "
                            "head's decision.",
                            body=head.name,
                            cluster=cluster.name,
                            date=rotation.date_from,
                        )
                    )
