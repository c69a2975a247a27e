from odoo import api, models

from ..lib.certificate_layout import FIELDS_BY_KEY, grid_lines


class ReportTdktCertificateTestPage(models.AbstractModel):
    """The test page of a certificate layout: a millimetre grid and every field's box at
    its position, labelled with its name and position, to lay over the pre-printed blank."""

    _name = "report.tdkt_emulation.report_certificate_test_page"
    _description = "Certificate Layout Test Page"

    @api.model
    def _get_report_values(self, docids, data=None):
        layouts = self.env["tdkt.certificate.layout"].browse(docids)
        layouts.check_access("read")
        Certificate = self.env["tdkt.certificate"]
        labels = dict(
            self.env["tdkt.certificate.layout.field"]
            ._fields["field_key"]
            ._description_selection(self.env)
        )
        pages = {}
        for layout in layouts:
            values = {
                key: labels.get(key, field.label)
                for key, field in FIELDS_BY_KEY.items()
            }
            pages[layout.id] = Certificate._prepare_layout_page(
                layout, values, test_page=True
            )
        return {
            "doc_ids": docids,
            "doc_model": "tdkt.certificate.layout",
            "zoom": self.env["tdkt.certificate"]._get_zoom(),
            "docs": layouts,
            "pages_by_doc": pages,
            "grid": grid_lines(),
        }
