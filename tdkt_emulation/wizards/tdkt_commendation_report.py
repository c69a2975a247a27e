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
        Report = self.env["tdkt.xlsx.report"]
        # Checked here too, so that a wrong year is said in the dialog, not in a download.
        params = Report._parse_award_statistics_params(
            {"year": str(self.year), "period": self.period}
        )
        return Report.action_download("award_statistics", params=params)
