import base64
import os

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# The papers of a dossier the addon cannot generate, uploaded by the Office.
UPLOADED_KINDS = [
    ("initiative", "Initiative Recognition Decision"),
    ("rating", "Excellent Rating Confirmation"),
    ("signed", "Signed Copy"),
    ("other", "Other Document"),
]


class TdktProposalDocument(models.Model):
    """A paper of a proposal dossier uploaded by the Office where none can be generated:
    a signed scan of the tờ trình, a nominee's initiative recognition decision or
    confirmation of an excellent rating (HTXS) from another body, anything else the
    higher body asks for. One for a nominee counts in that nominee's checklist; all of
    them go into the dossier's ZIP. Changed with the dossier only (draft or returned)."""

    _name = "tdkt.proposal.document"
    _description = "Uploaded Document of a Proposal Dossier"
    _inherit = ["tdkt.input.mixin", "tdkt.workflow.mixin"]
    _order = "proposal_id, sequence, id"
    _check_company_auto = True

    proposal_id = fields.Many2one(
        "tdkt.proposal", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="proposal_id.company_id", store=True, index=True
    )
    recipient_company_id = fields.Many2one(
        related="proposal_id.recipient_company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    line_id = fields.Many2one(
        "tdkt.proposal.line",
        "Nominee",
        index=True,
        ondelete="cascade",
        domain="[('proposal_id', '=', proposal_id)]",
        help="The nominee the paper is for; empty: the whole dossier.",
    )
    kind = fields.Selection(UPLOADED_KINDS, required=True, default="other")
    name = fields.Char(
        "Title",
        required=True,
        help="What the paper is, e.g. Quyết định công nhận sáng kiến số 12/QĐ-SNV.",
    )
    file = fields.Binary(required=True, attachment=True)
    filename = fields.Char("File Name")

    @api.constrains("line_id", "proposal_id")
    def _check_line_of_the_dossier(self):
        for document in self:
            if (
                document.line_id
                and document.line_id.proposal_id != document.proposal_id
            ):
                raise ValidationError(
                    self.env._("The nominee of a document is one of its dossier's.")
                )

    @api.constrains("file")
    def _check_file(self):
        for document in self:
            if not document.with_context(bin_size=True).file:
                raise ValidationError(
                    self.env._(
                        "Attach the file of %(document)s.", document=document.name
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        documents = super().create(vals_list)
        if not self.env.su:
            for document in documents:
                document._post_audit(
                    self.env._(
                        "Document added to the dossier: %(document)s",
                        document=document._get_audit_name(),
                    )
                )
        return documents

    def unlink(self):
        if not self.env.su:
            self._check_edit()
            for document in self:
                document._post_audit(
                    self.env._(
                        "Document removed from the dossier: %(document)s",
                        document=document._get_audit_name(),
                    )
                )
        return super().unlink()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if not self.env.su:
            self._check_edit()

    # ------------------------------------------------------------
    # GUARDS
    # ------------------------------------------------------------

    def _check_edit(self):
        """A document changes with its dossier: see ``tdkt.proposal._check_edit``."""
        if not self.proposal_id:
            raise UserError(self.env._("A document belongs to a dossier."))
        self.proposal_id._check_edit()

    def _get_audit_records(self):
        return self.proposal_id

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _get_audit_name(self):
        self.ensure_one()
        if self.line_id:
            return f"{self.name} ({self.line_id.subject_name or ''})"
        return self.name

    def _get_content(self):
        self.ensure_one()
        return base64.b64decode(self.with_context(bin_size=False).file or b"")

    def _get_extension(self):
        self.ensure_one()
        return os.path.splitext(self.filename or "")[1].lstrip(".")
