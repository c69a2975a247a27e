from odoo import http
from odoo.exceptions import UserError
from odoo.http import content_disposition, request

from ..lib.params import MAX_IDS, YEAR_MAX, YEAR_MIN, parse_id, parse_ids, parse_year

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PERIODS = ("six_months", "annual")


class TdktExportController(http.Controller):
    """The XLSX downloads. Each parameter is parsed strictly: what a route does not accept
    is answered 400 with what it expects (a UserError, which Odoo answers 400), never a
    server error. The exports of a selection take the ids in the request body (POST, with
    the session's CSRF token), as many as a selection holds; GET stays for a few ids. The
    web client's buttons do not come here: they build the file in the action and download
    it as an attachment (see ``tdkt.registration.action_export_xlsx``)."""

    @http.route(
        "/tdkt_emulation/registrations/xlsx",
        type="http",
        auth="user",
        methods=["GET", "POST"],
    )
    def export_registrations(self, ids="", **kwargs):
        registrations = (
            request.env["tdkt.registration"].browse(self._parse_ids(ids)).exists()
        )
        return self._xlsx_response(*registrations._export_xlsx())

    @http.route(
        "/tdkt_emulation/session/xlsx", type="http", auth="user", methods=["GET"]
    )
    def export_session(self, session_id="", **kwargs):
        record_id = parse_id(session_id)
        if record_id is None:
            raise UserError(
                request.env._(
                    "session_id expects the id of a session (a whole number from 1 to 999999999)."
                )
            )
        session = request.env["tdkt.council.session"].browse(record_id).exists()
        if not session:
            raise request.not_found()
        return self._xlsx_response(*session._export_xlsx())

    @http.route(
        "/tdkt_emulation/eligibility/xlsx",
        type="http",
        auth="user",
        methods=["GET", "POST"],
    )
    def export_eligibility(self, ids="", **kwargs):
        lines = (
            request.env["tdkt.registration.line"].browse(self._parse_ids(ids)).exists()
        )
        return self._xlsx_response(*lines._export_eligibility_xlsx())

    @http.route(
        "/tdkt_emulation/award/statistics", type="http", auth="user", methods=["GET"]
    )
    def export_award_statistics(self, year="", period="", **kwargs):
        parsed_year = parse_year(year)
        if parsed_year is None:
            raise UserError(
                request.env._(
                    "year expects a year from %(first)s to %(last)s.",
                    first=YEAR_MIN,
                    last=YEAR_MAX,
                )
            )
        if period not in PERIODS:
            raise UserError(request.env._("period expects six_months or annual."))
        return self._xlsx_response(
            *request.env["tdkt.award"]._export_statistics_xlsx(parsed_year, period)
        )

    @http.route(
        "/tdkt_emulation/award/import_template",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def award_import_template(self, **kwargs):
        return self._xlsx_response(
            *request.env["tdkt.award"]._get_import_template_xlsx()
        )

    def _parse_ids(self, text):
        record_ids = parse_ids(text)
        if record_ids is None:
            raise UserError(
                request.env._(
                    "ids expects record ids separated by commas: whole numbers from 1 to 999999999, "
                    "at most %(count)s of them.",
                    count=MAX_IDS,
                )
            )
        return record_ids

    def _xlsx_response(self, content, filename):
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
