from odoo import fields, models

from odoo.addons.base_import.models.base_import import ImportValidationError

from ..lib.dates import parse_import_date


class BaseImportImport(models.TransientModel):
    _inherit = "base_import.import"

    def _parse_date_from_data(self, data, index, name, field_type, options):
        """Into the addon's models, take each date as it comes, a spreadsheet's date cell
        (which Odoo reads as 2020-03-15) or typed day first (15/03/2020), even both in one
        column; a wrong one is named by its column's label, in the user's language."""
        if field_type != "date" or not (self.res_model or "").startswith("tdkt."):
            return super()._parse_date_from_data(data, index, name, field_type, options)
        first_row = 2 if options.get("has_headers") else 1
        for row, line in enumerate(data, start=first_row):
            if not (line[index] or "").strip():
                continue
            day = parse_import_date(line[index], options.get("date_format"))
            if day is None:
                raise ImportValidationError(
                    self.env._(
                        "Row %(row)s, column %(column)s: %(value)s is not a date. Write it as dd/mm/yyyy, "
                        "e.g. 15/03/2020.",
                        row=row,
                        column=self._get_tdkt_column_label(name),
                        value=line[index].strip(),
                    ),
                    field=name,
                    field_type=field_type,
                )
            line[index] = fields.Date.to_string(day)

    def _get_tdkt_column_label(self, path):
        """The label, in the user's language, of the field an import column goes to
        (``decision_id/date_decision`` for a field of a related record)."""
        model = self.env[self.res_model]
        labels = []
        for name in path.split("/"):
            field = model._fields.get(name)
            if field is None:
                return path
            labels.append(field._description_string(self.env))
            if field.relational:
                model = self.env[field.comodel_name]
        return " / ".join(labels)
