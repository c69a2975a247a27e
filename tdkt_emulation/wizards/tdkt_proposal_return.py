from odoo import fields, models


class TdktProposalReturn(models.TransientModel):
    """Records that the higher body returned dossiers for completion, with its reason."""

    _name = "tdkt.proposal.return"
    _description = "Return Proposal Dossiers"
    _inherit = ["tdkt.input.mixin"]

    proposal_ids = fields.Many2many(
        "tdkt.proposal",
        default=lambda self: self.env.context.get("active_ids"),
        required=True,
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.proposal_ids._return(self.reason)
        return {"type": "ir.actions.act_window_close"}
