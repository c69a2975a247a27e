from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.params import YEAR_MAX, YEAR_MIN
from ..report.tdkt_xlsx_report import MAX_RECEIVER


class TdktStatisticsReport(models.TransientModel):
    """Asks for the reporting year and the form of the official statistics (or all of
    them, one sheet each), counted over the companies selected in the web client."""

    _name = "tdkt.statistics.report"
    _description = "Official Statistics"
    _inherit = ["tdkt.input.mixin"]

    year = fields.Integer(
        "Reporting Year",
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        help="The reporting year runs from 1 December of the previous year to 30 November.",
    )
    form = fields.Selection(selection="_selection_form", required=True, default="all")
    receiver = fields.Char(
        "Receiving Unit",
        help="The body the forms are sent to, e.g. the Department of Home Affairs; empty: "
        "the one the forms name.",
    )
    company_names = fields.Char("Companies Counted", compute="_compute_company_names")

    @api.model
    def _selection_form(self):
        forms = self.env["tdkt.statistics.form"].sudo().search([])
        codes = dict.fromkeys(forms.mapped("code"))
        return [("all", self.env._("All forms"))] + [
            (code, self.env._("Form %(code)s", code=code)) for code in sorted(codes)
        ]

    @api.depends_context("allowed_company_ids")
    def _compute_company_names(self):
        for wizard in self:
            wizard.company_names = ", ".join(self.env.companies.mapped("name"))

    def action_export(self):
        self.ensure_one()
        # Checked here, so that a wrong year is said in the dialog, not in a download.
        if not YEAR_MIN <= self.year <= YEAR_MAX:
            raise UserError(self.env._("Choose the reporting year."))
        if len(self.receiver or "") > MAX_RECEIVER:
            raise UserError(
                self.env._(
                    "The receiving unit is at most %(count)s characters.",
                    count=MAX_RECEIVER,
                )
            )
        forms = self.env["tdkt.statistics.form"].sudo()._get_for_year(self.year)
        if self.form != "all":
            forms = forms.filtered(lambda form: form.code == self.form)
        if not forms:
            raise UserError(
                self.env._(
                    "No official statistics form is valid for the reporting year %(year)s.",
                    year=self.year,
                )
            )
        return self.env["tdkt.xlsx.report"].action_download(
            "official_statistics",
            params={
                "year": str(self.year),
                "form": self.form,
                "company_ids": ",".join(str(id_) for id_ in self.env.companies.ids),
                "receiver": self.receiver or "",
            },
        )
