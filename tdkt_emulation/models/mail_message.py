from markupsafe import Markup

from odoo import models
from odoo.tools import html2plaintext
from odoo.tools.translate import code_translations


class MailMessage(models.Model):
    _inherit = "mail.message"

    def _to_store(self, store, /, **kwargs):
        result = super()._to_store(store, **kwargs)
        if kwargs.get("fields") is None or "body" in kwargs["fields"]:
            for message, body in self._get_tdkt_creation_bodies().items():
                store.add(message, {"body": body})
        return result

    def _get_tdkt_creation_bodies(self):
        """``{message: body}`` of the "<document> created" messages of the addon's records,
        worded in the reader's language.

        The chatter logs that message when a record is created and keeps it as text, in the
        language of whoever created the record (for the demo data, partly in English: the
        addon's terms are loaded after its data). Shown as stored, it would reach other
        readers in a language not theirs, so it is recognised here in any installed language
        and worded again for the reader, as ``mail.thread`` words it.
        """
        messages = self.filtered(
            lambda message: message.model
            and message.model.startswith("tdkt.")
            and message.res_id
            and message.message_type == "notification"
            and message.body
        )
        if not messages:
            return {}
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        templates = {"%s created"} | {
            code_translations.get_python_translations("mail", lang).get(
                "%s created", "%s created"
            )
            for lang in langs
        }
        IrModel = self.env["ir.model"].sudo()
        bodies = {}
        for model in set(messages.mapped("model")):
            if model not in self.env:
                continue
            names = {IrModel.with_context(lang=lang)._get(model).name for lang in langs}
            stored = {template % name for template in templates for name in names}
            of_model = messages.filtered(
                lambda message, model=model: message.model == model
            )
            created = of_model.filtered(
                lambda message, stored=stored: html2plaintext(message.body).strip()
                in stored
            )
            if created:
                body = (
                    Markup("<p>%s</p>")
                    % self.env[model].browse(created[0].res_id)._creation_message()
                )
                bodies.update(dict.fromkeys(created, body))
        return bodies
