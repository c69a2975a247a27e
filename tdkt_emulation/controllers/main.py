from odoo import http
from odoo.http import content_disposition, request

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class TdktExportController(http.Controller):
    @http.route("/tdkt_emulation/registrations/xlsx", type="http", auth="user", methods=["GET"])
    def export_registrations(self, ids="", **kwargs):
        record_ids = [int(part) for part in ids.split(",") if part.strip().isdigit()]
        registrations = request.env["tdkt.registration"].browse(record_ids).exists()
        content, filename = registrations._export_xlsx()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
