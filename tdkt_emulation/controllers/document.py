from odoo import http
from odoo.exceptions import UserError
from odoo.http import content_disposition, request

from ..lib.params import MAX_IDS, parse_ids
from ..models.tdkt_document_template import DOCUMENT_MODELS
from ..report.tdkt_xlsx_report import XLSX_REPORTS


def _is_read_only_download(controller):
    """Whether the download the request asks for reads only: the XLSX reports (exports and
    statistics) are read-only work, served by a PostgreSQL read replica when Odoo has one
    (``db_replica_host``); the Word/PDF documents are served by the primary. A document is
    printed right after the step that wrote what it shows (a decision signed, its golden-book
    numbers drawn), which a replica a moment behind would not show yet, and its cost is
    LibreOffice's, not the database's."""
    parts = request.httprequest.path.split("/")
    return len(parts) > 3 and parts[3] in XLSX_REPORTS


class TdktDocumentController(http.Controller):
    """The one download route of the addon's outputs: the Word/PDF documents
    (``tdkt.document``; ``dossier``: a proposal dossier's files in one ZIP) and the XLSX
    reports (``tdkt.xlsx.report``).

    ``/tdkt/document/<kind>/<ids>?format=pdf|docx|xlsx|zip``: the ids in the path for a few,
    or in the body of a POST (``ids``, with the session's CSRF token) for a selection of
    any size; a report made of parameters takes no ids. Each parameter is parsed strictly:
    what the route does not accept is answered 400 with what it expects (a UserError),
    an unknown kind or record 404, records the user may not read 403. The XLSX reports
    read a read replica when one is configured (:func:`_is_read_only_download`).
    """

    @http.route(
        ["/tdkt/document/<string:kind>", "/tdkt/document/<string:kind>/<string:ids>"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        readonly=_is_read_only_download,
    )
    def download_document(self, kind, ids=None, **kwargs):
        if kind not in DOCUMENT_MODELS and kind not in XLSX_REPORTS:
            raise request.not_found()
        record_ids = parse_ids(kwargs.pop("ids", "") if ids is None else ids)
        if record_ids is None:
            raise UserError(
                request.env._(
                    "ids expects record ids separated by commas: whole numbers from 1 to 999999999, "
                    "at most %(count)s of them.",
                    count=MAX_IDS,
                )
            )
        file_format = kwargs.get("format") or (
            "zip" if kind == "dossier" else "pdf" if kind in DOCUMENT_MODELS else "xlsx"
        )
        if kind in DOCUMENT_MODELS:
            records = request.env[DOCUMENT_MODELS[kind]].browse(record_ids).exists()
            if not records:
                raise request.not_found()
            if len(records) > 1:
                raise UserError(
                    request.env._(
                        "Print one document at a time, from the record's form."
                    )
                )
            content, filename, mimetype = request.env["tdkt.document"].render(
                kind, records, file_format
            )
        else:
            Report = request.env["tdkt.xlsx.report"]
            if file_format != "xlsx":
                raise UserError(request.env._("format expects xlsx for this report."))
            records = None
            if XLSX_REPORTS[kind]:
                records = request.env[XLSX_REPORTS[kind]].browse(record_ids).exists()
                if not records:
                    raise request.not_found()
            content, filename, mimetype = Report.render(
                kind, records, **Report._parse_params(kind, kwargs)
            )
        return request.make_response(
            content,
            headers=[
                ("Content-Type", mimetype),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
