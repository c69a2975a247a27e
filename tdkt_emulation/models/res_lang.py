from odoo import api, models


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model
    def _get_tdkt_report_lang(self):
        """The language of the addon's reports: Vietnamese, the language of the documents
        they stand for, when it is installed; else the user's."""
        return "vi_VN" if self._lang_get("vi_VN") else self.env.lang
