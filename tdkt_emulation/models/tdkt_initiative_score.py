from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.scoring import check_points


class TdktInitiativeScore(models.Model):
    """The points one council member gives one initiative on one criterion. Score cards
    are not secret: the Office reads them; a member reads their own."""

    _name = "tdkt.initiative.score"
    _description = "Initiative Score"
    _inherit = ["tdkt.input.mixin"]
    _order = "item_id, member_id, criterion_id"
    _check_company_auto = True

    item_id = fields.Many2one(
        "tdkt.council.session.item",
        "Agenda Item",
        required=True,
        index=True,
        ondelete="cascade",
    )
    session_id = fields.Many2one(related="item_id.session_id", store=True, index=True)
    initiative_id = fields.Many2one(
        related="item_id.initiative_id", store=True, index=True
    )
    company_id = fields.Many2one(related="item_id.company_id", store=True, index=True)
    member_id = fields.Many2one(
        "tdkt.council.member", required=True, index=True, ondelete="restrict"
    )
    member_user_id = fields.Many2one(
        related="member_id.user_id", store=True, index=True, string="Member's User"
    )
    criterion_id = fields.Many2one(
        "tdkt.initiative.criterion", required=True, ondelete="restrict"
    )
    max_points = fields.Float("Maximum Points", required=True, digits=(6, 2))
    points = fields.Float(required=True, digits=(6, 2))

    _sql_constraints = [
        (
            "item_member_criterion_uniq",
            "UNIQUE(item_id, member_id, criterion_id)",
            "A member scores each criterion of an initiative once.",
        ),
    ]

    @api.constrains("points", "max_points")
    def _check_points(self):
        for score in self:
            if not check_points(score.points, score.max_points):
                raise ValidationError(
                    self.env._(
                        "%(criterion)s is scored from 0 to %(max)s points, not %(points)s.",
                        criterion=score.criterion_id.name,
                        max=score.max_points,
                        points=score.points,
                    )
                )
