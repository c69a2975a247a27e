from odoo import http
from odoo.http import content_disposition, request

from ..models.tdkt_document_template import DOCUMENT_MODELS


class TdktDocumentController(http.Controller):
    @http.route(
        "/tdkt/document/<string:kind>/<int:record_id>",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def download_document(self, kind, record_id, **kwargs):
        """The document ``kind`` of one record, as ?format=pdf (default) or docx; the record's
        read access is checked."""
        if kind not in DOCUMENT_MODELS:
            raise request.not_found()
        record = request.env[DOCUMENT_MODELS[kind]].browse(record_id).exists()
        if not record:
            raise request.not_found()
        content, filename, mimetype = request.env["tdkt.document"].render(
            kind, record, kwargs.get("format") or "pdf"
        )
        return request.make_response(
            content,
            headers=[
                ("Content-Type", mimetype),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
