from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TdktClusterRotation(models.Model):
    """A decision that sets the head (and deputies) of a cluster from a date on, until the
    next decision: the head rotates from one member to another (luân phiên)."""

    _name = "tdkt.cluster.rotation"
    _description = "Head Rotation of an Emulation Cluster"
    _inherit = ["tdkt.input.mixin"]
    _order = "cluster_id, date_from desc, id desc"
    _rec_name = "decision_number"
    _check_company_auto = True

    cluster_id = fields.Many2one(
        "tdkt.cluster", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="cluster_id.company_id", store=True, index=True
    )
    decision_number = fields.Char("Decision No.", required=True)
    decision_date = fields.Date(required=True)
    date_from = fields.Date(
        "Head From", required=True, help="The day the member becomes the head."
    )
    head_member_id = fields.Many2one(
        "tdkt.cluster.member",
        "Head",
        required=True,
        ondelete="restrict",
        domain="[('cluster_id', '=', cluster_id)]",
    )
    deputy_member_ids = fields.Many2many(
        "tdkt.cluster.member",
        "tdkt_cluster_rotation_deputy_rel",
        "rotation_id",
        "member_id",
        "Deputy Heads",
        domain="[('cluster_id', '=', cluster_id)]",
    )

    _sql_constraints = [
        (
            "date_from_unique",
            "UNIQUE(cluster_id, date_from)",
            "A cluster has one head from a given date: two decisions cannot start the "
            "same day.",
        ),
    ]

    @api.constrains("head_member_id", "deputy_member_ids", "date_from", "cluster_id")
    def _check_members(self):
        for rotation in self:
            outside = (rotation.head_member_id | rotation.deputy_member_ids).filtered(
                lambda m, rotation=rotation: m.cluster_id != rotation.cluster_id
            )
            if outside:
                raise ValidationError(
                    self.env._(
                        "%(bodies)s is not a member of %(cluster)s.",
                        bodies=", ".join(outside.mapped("name")),
                        cluster=rotation.cluster_id.name,
                    )
                )
            if rotation.head_member_id in rotation.deputy_member_ids:
                raise ValidationError(
                    self.env._("The head cannot also be one of its deputies.")
                )
        self.cluster_id._check_head_rotation()

    def unlink(self):
        clusters = self.cluster_id
        result = super().unlink()
        clusters._check_head_rotation()
        return result
