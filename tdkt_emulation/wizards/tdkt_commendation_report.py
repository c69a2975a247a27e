from odoo import fields, models


class TdktCommendationReport(models.TransientModel):
    """Asks for the year and the period of the commendation statistics."""

    _name = "tdkt.commendation.report"
    _description = "Commendation Statistics"
    _inherit = ["tdkt.input.mixin"]

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    period = fields.Selection(
        [("six_months", "First six months"), ("annual", "Whole year")],
        required=True,
        default="annual",
    )

    def action_export(self):
        self.ensure_one()
        # Checked here too, so that a wrong year is said in the dialog, not in a download.
        self.env["tdkt.award"]._export_statistics_xlsx(self.year, self.period)
        return {
            "type": "ir.actions.act_url",
            "url": f"/tdkt_emulation/award/statistics?year={self.year}&period={self.period}",
            "target": "download",
        }
