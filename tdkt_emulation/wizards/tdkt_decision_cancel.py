from odoo import fields, models


class TdktDecisionCancel(models.TransientModel):
    """Cancels signed decisions, with the reason kept on them and in their chatter."""

    _name = "tdkt.decision.cancel"
    _description = "Cancel Decisions"
    _inherit = ["tdkt.input.mixin"]

    decision_ids = fields.Many2many(
        "tdkt.decision",
        default=lambda self: self.env.context.get("active_ids"),
        required=True,
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.decision_ids._cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
