from odoo import fields, models


class TdktInitiativeScoringLine(models.TransientModel):
    _name = "tdkt.initiative.scoring.line"
    _description = "Score of One Criterion"
    _inherit = ["tdkt.input.mixin"]

    scoring_id = fields.Many2one(
        "tdkt.initiative.scoring", required=True, ondelete="cascade"
    )
    criterion_id = fields.Many2one("tdkt.initiative.criterion", required=True)
    description = fields.Text(related="criterion_id.description")
    max_points = fields.Float(
        related="criterion_id.max_points", string="Maximum Points"
    )
    points = fields.Float(digits=(6, 2))
