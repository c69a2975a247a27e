from odoo import fields, models


class TdktTitleRuleAlternative(models.Model):
    """One more way to qualify for a title under a rule."""

    _name = "tdkt.title.rule.alternative"
    _description = "Alternative Requirements of a Title Rule"
    _inherit = ["tdkt.input.mixin", "tdkt.requirement.mixin"]
    _order = "rule_id, sequence, id"

    rule_id = fields.Many2one(
        "tdkt.title.rule", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char("Description", translate=True)

    def _get_rule_sets(self):
        return self.rule_id.rule_set_id
