from odoo import api, fields, models


class TdktRegistrationSubmit(models.TransientModel):
    """Warns, before a form is submitted, of the lines the rules find ineligible."""

    _name = "tdkt.registration.submit"
    _description = "Submit Registration Forms"
    _inherit = ["tdkt.input.mixin"]

    registration_ids = fields.Many2many(
        "tdkt.registration",
        default=lambda self: self.env.context.get("active_ids"),
        required=True,
    )
    line_ids = fields.Many2many(
        "tdkt.registration.line", compute="_compute_line_ids", string="Ineligible Lines"
    )

    @api.depends("registration_ids")
    def _compute_line_ids(self):
        for wizard in self:
            wizard.line_ids = wizard.registration_ids.line_ids.filtered(
                lambda line: line.eligibility_status == "ineligible"
            )

    def action_confirm(self):
        self.ensure_one()
        self.registration_ids.with_context(tdkt_submit_confirmed=True).action_submit()
        return {"type": "ir.actions.act_window_close"}
