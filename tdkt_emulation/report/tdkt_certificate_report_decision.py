from odoo import api, models


class ReportTdktCertificateDecision(models.AbstractModel):
    """The certificates of signed decisions, printed in batch from a decision's Print menu:
    one page per subject, in the order of the decision's list."""

    _name = "report.tdkt_emulation.report_certificate_decision"
    _description = "Certificates of a Decision"

    @api.model
    def _get_report_values(self, docids, data=None):
        decisions = self.env["tdkt.decision"].browse(docids)
        decisions.check_access("read")
        Certificate = self.env["tdkt.certificate"]
        return {
            "doc_ids": docids,
            "doc_model": "tdkt.decision",
            "zoom": self.env["tdkt.certificate"]._get_zoom(),
            "docs": decisions,
            "pages_by_doc": {
                decision.id: Certificate._get_decision_pages(decision)
                for decision in decisions
            },
        }
