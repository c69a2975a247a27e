from odoo import fields, models


class TdktEligibilityOverride(models.TransientModel):
    """Lets the Office put registered titles the rules find ineligible before the council,
    with the reason kept on the lines and in their forms' chatter."""

    _name = "tdkt.eligibility.override"
    _description = "Override Eligibility"
    _inherit = ["tdkt.input.mixin"]

    line_ids = fields.Many2many(
        "tdkt.registration.line",
        default=lambda self: self.env.context.get("active_ids"),
        required=True,
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.line_ids._override_eligibility(self.reason)
        return {"type": "ir.actions.act_window_close"}
