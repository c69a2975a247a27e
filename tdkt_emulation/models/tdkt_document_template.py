import base64

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.docx_render import TemplateError, check_template
from ..lib.docx_templates import ALLOWED_NAMES, PLACEHOLDERS, build_template

# The documents printed from a Word template, and the model each is printed from.
DOCUMENT_KINDS = [
    ("plan", "Plan (Kế hoạch)"),
    ("decision", "Decision and its list (Quyết định)"),
    ("registration", "Unit's registration (Biểu đăng ký thi đua)"),
    ("proposal", "Proposal (Tờ trình)"),
    ("achievement", "Achievement report (Báo cáo thành tích)"),
    ("council_minutes", "Council session minutes (Biên bản họp)"),
    ("ballot_count", "Vote count minutes (Biên bản kiểm phiếu)"),
    ("dossier_list", "List of a proposal dossier (Danh sách)"),
    ("report_half_year", "6-month report (Báo cáo sơ kết 6 tháng)"),
    ("report_year", "Year-end report (Báo cáo tổng kết năm)"),
]
DOCUMENT_MODELS = {
    "plan": "tdkt.plan",
    "decision": "tdkt.decision",
    "registration": "tdkt.registration",
    "proposal": "tdkt.decision",
    # printed with the proposal's template
    "session_proposal": "tdkt.council.session",
    "achievement": "tdkt.registration.line",
    "council_minutes": "tdkt.council.session",
    "ballot_count": "tdkt.council.session",
    # A proposal dossier's documents (printed with the proposal's, the achievement
    # report's and the dossier list's templates), and the whole dossier as a ZIP.
    "dossier_proposal": "tdkt.proposal",
    "dossier_nominees": "tdkt.proposal",
    "dossier_achievement": "tdkt.proposal.line",
    "dossier_certifications": "tdkt.proposal",
    "dossier_discipline": "tdkt.proposal",
    "dossier": "tdkt.proposal",
    # the reports of the plan's year
    "report_half_year": "tdkt.plan",
    "report_year": "tdkt.plan",
}
DOCX_MIMETYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)


class TdktDocumentTemplate(models.Model):
    """The Word template of a kind of document, per company: the Office replaces the file
    with its own (same placeholders) without a developer, or restores the shipped one.

    Access: every TĐKT user reads (printing uses the template); the Office edits;
    Managers delete. A file whose placeholders the kind does not offer is refused.
    """

    _name = "tdkt.document.template"
    _description = "Document Template"
    _inherit = ["tdkt.input.mixin"]
    _order = "kind, company_id"
    _check_company_auto = True

    kind = fields.Selection(DOCUMENT_KINDS, "Document", required=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    template_file = fields.Binary("Word Template", attachment=True, required=True)
    template_filename = fields.Char("File Name")
    active = fields.Boolean(default=True)
    placeholder_help = fields.Html(
        "Placeholders", compute="_compute_placeholder_help", sanitize=False
    )

    @api.depends("kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for template in self:
            template.display_name = kinds.get(template.kind, "")

    @api.depends("kind")
    def _compute_placeholder_help(self):
        for template in self:
            rows = Markup().join(
                Markup("<tr><td><code>%s</code></td><td>%s</td></tr>")
                % (name, help_text)
                for name, help_text in PLACEHOLDERS.get(template.kind, [])
            )
            template.placeholder_help = (
                Markup('<table class="table table-sm"><tbody>%s</tbody></table>') % rows
                if rows
                else False
            )

    @api.constrains("kind", "company_id", "active")
    def _check_one_per_kind(self):
        for template in self.filtered("active"):
            if (
                self.search_count(
                    [
                        ("kind", "=", template.kind),
                        ("company_id", "=", template.company_id.id),
                        ("active", "=", True),
                    ]
                )
                > 1
            ):
                raise ValidationError(
                    self.env._(
                        "%(company)s already has a template for %(document)s: replace its file instead.",
                        company=template.company_id.name,
                        document=template.display_name,
                    )
                )

    @api.constrains("kind", "template_file")
    def _check_template_file(self):
        for template in self:
            template._check_template_bytes(template._get_template_bytes())

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_restore_shipped(self):
        """Put back the template the addon ships for the kind."""
        for template in self:
            template.write(template._prepare_shipped_vals(template.kind))

    def action_download(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/template_file/{self.template_filename or 'template.docx'}"
            "?download=true",
            "target": "download",
        }

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    @api.model
    def _prepare_shipped_vals(self, kind):
        return {
            "template_file": base64.b64encode(build_template(kind)),
            "template_filename": f"{kind}.docx",
        }

    @api.model
    def _create_shipped_templates(self):
        """Give every company the shipped template of each kind it has none of (at install
        and update)."""
        existing = {
            (template.kind, template.company_id.id)
            for template in self.sudo().with_context(active_test=False).search([])
        }
        vals_list = [
            {"kind": kind, "company_id": company.id, **self._prepare_shipped_vals(kind)}
            for company in self.env["res.company"].sudo().search([])
            for kind, _label in DOCUMENT_KINDS
            if (kind, company.id) not in existing
        ]
        return self.sudo().create(vals_list)

    @api.model
    def _get_template_for(self, kind, company):
        """The template bytes that print ``kind`` for ``company``: its active template, else
        the shipped one."""
        template = self.sudo().search(
            [("kind", "=", kind), ("company_id", "=", company.id)], limit=1
        )
        return template._get_template_bytes() if template else build_template(kind)

    def _get_template_bytes(self):
        self.ensure_one()
        return base64.b64decode(self.with_context(bin_size=False).template_file or b"")

    @api.model
    def _check_template_bytes(self, content, kind=None):
        kind = kind or self.kind
        try:
            check_template(content, ALLOWED_NAMES[kind])
        except TemplateError as error:
            raise ValidationError(self._template_error_message(error, kind)) from error

    @api.model
    def _template_error_message(self, error, kind):
        """The translated sentence a person reads for a TemplateError."""
        document = dict(self._fields["kind"]._description_selection(self.env)).get(
            kind, kind
        )
        if error.code == "unknown_placeholder":
            return self.env._(
                "The template of %(document)s uses the placeholder %(names)s, which this document does not "
                "offer. The placeholders it offers are listed on the template's form.",
                document=document,
                names=", ".join(error.names),
            )
        if error.code == "syntax":
            return self.env._(
                "The template of %(document)s has a malformed placeholder: %(detail)s",
                document=document,
                detail=error.detail,
            )
        if error.code == "unsafe":
            return self.env._(
                "The template of %(document)s tries something a template may not do: %(detail)s",
                document=document,
                detail=error.detail,
            )
        return self.env._(
            "The template of %(document)s is not a Word (.docx) file.",
            document=document,
        )
