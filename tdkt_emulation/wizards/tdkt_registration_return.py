from odoo import fields, models


class TdktRegistrationReturn(models.TransientModel):
    """Returns submitted registration forms to draft, with the reason kept in their chatter."""

    _name = "tdkt.registration.return"
    _description = "Return Registration Forms to Draft"
    _inherit = ["tdkt.input.mixin"]

    registration_ids = fields.Many2many(
        "tdkt.registration",
        default=lambda self: self.env.context.get("active_ids"),
        required=True,
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.registration_ids._return_to_draft(self.reason)
        return {"type": "ir.actions.act_window_close"}
