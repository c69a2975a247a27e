from odoo import api, models


class ReportTdktCertificateAward(models.AbstractModel):
    """The certificate of single awards, from the award history's Print menu."""

    _name = "report.tdkt_emulation.report_certificate_award"
    _description = "Certificate of an Award"

    @api.model
    def _get_report_values(self, docids, data=None):
        awards = self.env["tdkt.award"].browse(docids)
        awards.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "tdkt.award",
            "zoom": self.env["tdkt.certificate"]._get_zoom(),
            "docs": awards,
            "pages": self.env["tdkt.certificate"]._get_award_pages(awards),
        }
