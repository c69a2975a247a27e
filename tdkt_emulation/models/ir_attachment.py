from datetime import timedelta

from odoo import api, fields, models

from ..controllers.main import XLSX_MIMETYPE

# Marks the files of the exports, which the autovacuum removes after a day.
EXPORT_DESCRIPTION = "tdkt_emulation export"


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model
    def _tdkt_download_action(self, content, filename, res_model):
        """Keep an export's file as an attachment of the current user's own and return the
        action that downloads it.

        The web client sends the selected ids in the body of the button's call; kept on the
        server, the file downloads from a short URL, whatever the size of the selection (a
        URL listing 20,000 ids is refused by reverse proxies). The attachment is tied to no
        record: only the user who made it (and the administrators) may read it.
        """
        attachment = self.create(
            {
                "name": filename,
                "raw": content,
                "mimetype": XLSX_MIMETYPE,
                "res_model": res_model,
                "res_id": False,
                "description": EXPORT_DESCRIPTION,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "download",
        }

    @api.autovacuum
    def _gc_tdkt_exports(self):
        """Remove the export files made more than a day ago."""
        self.sudo().search(
            [
                ("description", "=", EXPORT_DESCRIPTION),
                ("res_id", "in", (0, False)),
                ("create_date", "<", fields.Datetime.now() - timedelta(days=1)),
            ]
        ).unlink()
