from odoo import fields, models


class TdktInitiativeCriterion(models.Model):
    """A criterion the initiative council scores, with its maximum points. Each province
    sets its own scale: the shipped criteria are a default to adapt."""

    _name = "tdkt.initiative.criterion"
    _description = "Initiative Scoring Criterion"
    _inherit = ["tdkt.input.mixin"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    description = fields.Text(
        translate=True, help="How to score the criterion, e.g. its bands of points."
    )
    sequence = fields.Integer(default=10)
    max_points = fields.Float(
        "Maximum Points", required=True, default=10.0, digits=(6, 2)
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Leave empty to share the criterion with every company."
    )

    _sql_constraints = [
        (
            "max_points_positive",
            "CHECK(max_points > 0)",
            "A criterion's maximum points must be above 0.",
        ),
    ]
