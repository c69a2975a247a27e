from odoo import models


class MailTrackingValue(models.Model):
    _inherit = "mail.tracking.value"

    def _tracking_value_format_model(self, model):
        """Show the change of a year in the chatter as written (2020), not as a number
        (2.020 in Vietnamese)."""
        formatted = super()._tracking_value_format_model(model)
        if model and model.startswith("tdkt."):
            for tracking in formatted:
                if (
                    tracking["fieldType"] == "integer"
                    and tracking["fieldName"] == "year"
                ):
                    tracking["fieldType"] = "char"
                    for side in ("oldValue", "newValue"):
                        tracking[side]["value"] = str(tracking[side]["value"] or "")
        return formatted
