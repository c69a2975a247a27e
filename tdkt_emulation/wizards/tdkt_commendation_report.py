from odoo import fields, models
from odoo.exceptions import UserError

from ..lib.params import YEAR_MAX, YEAR_MIN
from ..report.tdkt_xlsx_report import PERIODS


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
        # Checked here, so that a wrong year is said in the dialog, not in a download.
        if self.period not in PERIODS or not YEAR_MIN <= self.year <= YEAR_MAX:
            raise UserError(
                self.env._("Choose a year and a period: six months or the whole year.")
            )
        return self.env["tdkt.xlsx.report"].action_download(
            "award_statistics", params={"year": str(self.year), "period": self.period}
        )
