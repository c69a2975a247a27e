from odoo import http
from odoo.http import content_disposition, request

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class TdktExportController(http.Controller):
    @http.route("/tdkt_emulation/registrations/xlsx", type="http", auth="user", methods=["GET"])
    def export_registrations(self, ids="", **kwargs):
        record_ids = [int(part) for part in ids.split(",") if part.strip().isdigit()]
        registrations = request.env["tdkt.registration"].browse(record_ids).exists()
        return self._xlsx_response(*registrations._export_xlsx())

    @http.route("/tdkt_emulation/session/xlsx", type="http", auth="user", methods=["GET"])
    def export_session(self, session_id="", **kwargs):
        session = request.env["tdkt.council.session"].browse(int(session_id) if session_id.isdigit() else 0).exists()
        if not session:
            raise request.not_found()
        return self._xlsx_response(*session._export_xlsx())

    @http.route("/tdkt_emulation/eligibility/xlsx", type="http", auth="user", methods=["GET"])
    def export_eligibility(self, ids="", **kwargs):
        record_ids = [int(part) for part in ids.split(",") if part.strip().isdigit()]
        lines = request.env["tdkt.registration.line"].browse(record_ids).exists()
        return self._xlsx_response(*lines._export_eligibility_xlsx())

    @http.route("/tdkt_emulation/award/statistics", type="http", auth="user", methods=["GET"])
    def export_award_statistics(self, year="", period="", **kwargs):
        year = int(year) if year.isdigit() else 0
        return self._xlsx_response(*request.env["tdkt.award"]._export_statistics_xlsx(year, period))

    @http.route("/tdkt_emulation/award/import_template", type="http", auth="user", methods=["GET"])
    def award_import_template(self, **kwargs):
        return self._xlsx_response(*request.env["tdkt.award"]._get_import_template_xlsx())

    def _xlsx_response(self, content, filename):
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
