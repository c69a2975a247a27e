import base64
import binascii
from collections import Counter

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import escape_psql

from ..lib.xlsx_import import ImportFileError, normalize, read_xlsx_table
from ..models.tdkt_award import (
    IMPORT_FIELDS,
    IMPORT_SAMPLE_DECISION,
    IMPORT_SAMPLE_PERSON,
)

# How each column of the template is read.
COLUMN_KINDS = {"year": "integer", "decision_date": "date"}
REQUIRED_COLUMNS = ("year", "title_id", "decision_number")
# The columns shown in the preview, in order.
PREVIEW_FIELDS = (
    "subject_type",
    "employee_id",
    "unit_id",
    "year",
    "title_id",
    "award_kind",
    "decision_number",
    "decision_date",
)


class TdktAwardImport(models.TransientModel):
    """The Office imports the awards of the years before the addon from the XLSX template
    of the Commendation History: it checks the file and shows the awards it holds, or the
    errors found, each naming its row and its column; it imports all the awards in one go,
    or none when any row is wrong.

    The columns are found by their headers, the fields' labels in any installed language;
    people, units and titles by their names (exact, case-insensitive), the subjects and
    kinds by their labels. The awards are created as the Office would create them, so that
    every check of the award model applies.
    """

    _name = "tdkt.award.import"
    _description = "Import Awards"
    _inherit = ["tdkt.input.mixin"]

    state = fields.Selection(
        [("upload", "Upload"), ("preview", "Preview")], default="upload", required=True
    )
    file = fields.Binary("File to Import", attachment=False)
    file_name = fields.Char()
    award_count = fields.Integer("Awards to Import", readonly=True)
    error_text = fields.Text("Errors", readonly=True)
    preview = fields.Html(readonly=True)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_download_template(self):
        return self.env["tdkt.xlsx.report"].action_download("award_import_template")

    def action_check(self):
        """Read the file and show what it would import, or its errors."""
        self.ensure_one()
        vals_list, rows, errors = self._read_file()
        self.write(
            {
                "state": "preview",
                "award_count": 0 if errors else len(vals_list),
                "error_text": "\n".join(errors) or False,
                "preview": False if errors else self._get_preview_html(vals_list, rows),
            }
        )
        return self._reopen()

    def action_back(self):
        self.ensure_one()
        self.write(
            {"state": "upload", "award_count": 0, "error_text": False, "preview": False}
        )
        return self._reopen()

    def action_import(self):
        """Create every award of the file in one ``create``, or none when a row is wrong."""
        self.ensure_one()
        vals_list, _rows, errors = self._read_file()
        if errors:
            raise UserError(
                self.env._(
                    "Nothing was imported:\n%(errors)s", errors="\n".join(errors)
                )
            )
        awards = self.env["tdkt.award"].create(vals_list)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_award_action"
        )
        action.update(
            {
                "name": self.env._("Imported Awards"),
                "domain": [("id", "in", awards.ids)],
                "target": "main",
            }
        )
        return action

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Awards"),
        }

    def _get_languages(self):
        """The languages the headers and the choices may be written in."""
        codes = [code for code, _name in self.env["res.lang"].get_installed()]
        return list(
            dict.fromkeys(
                ["en_US", self.env["res.lang"]._get_tdkt_report_lang(), *codes]
            )
        )

    def _read_file(self):
        """Read the uploaded file.

        :return: (the values of the awards to create, the row number of each, the error
            messages in the user's language, each naming its row and column)
        :raise UserError: no file, not an XLSX file, or not the template's headers
        """
        if not self.file:
            raise UserError(
                self.env._("Choose the XLSX file to import: the template, filled in.")
            )
        try:
            content = base64.b64decode(self.file, validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(self.env._("This file is not an XLSX file.")) from error
        Award = self.env["tdkt.award"]
        languages = self._get_languages()
        columns = {
            name: (
                [
                    Award._fields[name]._description_string(
                        self.env(context=dict(self.env.context, lang=lang))
                    )
                    for lang in languages
                ],
                COLUMN_KINDS.get(name, "text"),
            )
            for name in IMPORT_FIELDS
        }
        notes = [
            Award.with_context(lang=lang)._get_import_sample_note()
            for lang in languages
        ]
        sample = {
            "employee_id": [IMPORT_SAMPLE_PERSON],
            "decision_number": [IMPORT_SAMPLE_DECISION],
            "note": notes,
        }
        try:
            rows, cell_errors = read_xlsx_table(
                content, columns, REQUIRED_COLUMNS, sample
            )
        except ImportFileError as error:
            raise UserError(self._get_file_error_message(error)) from error
        if not rows and not cell_errors:
            raise UserError(
                self.env._(
                    "The file holds no award to import: fill in the template's rows."
                )
            )
        errors = {}
        for error in cell_errors:
            errors.setdefault(
                (error.row, error.key), self._get_cell_error_message(error)
            )
        vals_list, numbers = [], []
        resolver = _Resolver(self, languages)
        bad_rows = {error.row for error in cell_errors}
        sample_notes = {normalize(note) for note in notes}
        for row in rows:
            vals = resolver.get_award_vals(row, errors, sample_notes, bad_rows)
            if vals is not None:
                vals_list.append(vals)
                numbers.append(row.row)
        if not errors:
            self._check_duplicates(vals_list, numbers, errors)
        messages = [
            message
            for _key, message in sorted(errors.items(), key=lambda item: item[0][0])
        ]
        return vals_list, numbers, messages

    def _check_duplicates(self, vals_list, numbers, errors):
        """An award the history already holds, or two rows of one award, named by row."""
        Award = self.env["tdkt.award"]
        keys = [
            Award.browse()._get_subject_key(Award._add_missing_default_values(vals))
            for vals in vals_list
        ]
        column = self._get_column_label("title_id")
        counts = Counter(keys)
        for number, key in zip(numbers, keys, strict=True):
            try:
                if counts[key] > 1:
                    Award._check_once_a_year([key, key])
                Award._check_once_a_year([key])
            except ValidationError as error:
                errors[(number, "title_id")] = self.env._(
                    "Row %(row)s, column %(column)s: %(error)s",
                    row=number,
                    column=column,
                    error=error.args[0],
                )

    def _get_column_label(self, name):
        return self.env["tdkt.award"]._fields[name]._description_string(self.env)

    def _get_import_fields(self):
        """The template's columns, in order."""
        return IMPORT_FIELDS

    def _get_file_error_message(self, error):
        expected = ", ".join(
            self._get_column_label(name) for name in self._get_import_fields()
        )
        if error.code == "not_xlsx":
            return self.env._(
                "This file is not an XLSX file. Download the template, fill it in and upload it."
            )
        if error.code == "too_many_rows":
            return self.env._(
                "The file has more than %(count)s rows: split it into several files.",
                count=error.names[0],
            )
        if error.code == "no_headers":
            return self.env._(
                "The first row of the file must hold the template's column names: %(expected)s.",
                expected=expected,
            )
        if error.code == "missing_headers":
            return self.env._(
                "The file has no column %(columns)s. Its first row must hold the template's column names: "
                "%(expected)s.",
                columns=", ".join(self._get_column_label(name) for name in error.names),
                expected=expected,
            )
        if error.code == "duplicate_headers":
            return self.env._(
                "The file has the column %(columns)s twice.",
                columns=", ".join(error.names),
            )
        return self.env._(
            "The file has columns the template does not have: %(columns)s. Its first row must hold the "
            "template's column names: %(expected)s.",
            columns=", ".join(error.names),
            expected=expected,
        )

    def _get_cell_error_message(self, error):
        column = self._get_column_label(error.key)
        if error.code == "not_a_date":
            return self.env._(
                "Row %(row)s, column %(column)s: %(value)s is not a date. Write it as dd/mm/yyyy, e.g. 15/03/2020.",
                row=error.row,
                column=column,
                value=error.value,
            )
        return self.env._(
            "Row %(row)s, column %(column)s: %(value)s is not a whole number.",
            row=error.row,
            column=column,
            value=error.value,
        )

    def _get_preview_html(self, vals_list, numbers):
        """A table of the awards the file would create, in the user's language."""
        Award = self.env["tdkt.award"]
        selections = {
            name: dict(Award._fields[name]._description_selection(self.env))
            for name in ("subject_type", "award_kind")
        }

        def cell(name, vals):
            value = vals.get(name)
            if name in selections:
                return selections[name].get(
                    value or Award._fields[name].default(Award), ""
                )
            if name in ("employee_id", "unit_id", "title_id") and value:
                return Award[name].browse(value).display_name
            if name == "decision_date" and value:
                return value.strftime("%d/%m/%Y")
            return "" if value in (None, False) else str(value)

        return self._render_preview_table(
            PREVIEW_FIELDS, vals_list, numbers, cell, "o_tdkt_award_import_preview"
        )

    def _render_preview_table(self, names, vals_list, numbers, cell, css_class):
        """The preview's HTML table: the row number, then ``cell(name, vals)`` of each
        field of ``names`` under its column's label, for each row of ``vals_list``."""
        head = Markup("").join(
            Markup("<th>%s</th>") % label
            for label in [
                self.env._("Row"),
                *(self._get_column_label(name) for name in names),
            ]
        )
        body = Markup("").join(
            Markup("<tr><td>%s</td>%s</tr>")
            % (
                number,
                Markup("").join(
                    Markup("<td>%s</td>") % cell(name, vals) for name in names
                ),
            )
            for number, vals in zip(numbers, vals_list, strict=True)
        )
        return Markup(
            '<table class="table table-sm %s"><thead><tr>%s</tr></thead>'
            "<tbody>%s</tbody></table>"
        ) % (css_class, head, body)


class _Resolver:
    """Turns the rows read into the values of awards, finding the records named, and adds
    an error naming the row and the column for each cell it cannot use."""

    def __init__(self, wizard, languages):
        self.wizard = wizard
        self.env = wizard.env
        Award = self.env["tdkt.award"]
        self.selections = {}
        for name in ("subject_type", "award_kind"):
            choices = {}
            for lang in languages:
                env = self.env(context=dict(self.env.context, lang=lang))
                for value, label in Award._fields[name]._description_selection(env):
                    choices.setdefault(normalize(label), value)
                    choices.setdefault(normalize(value), value)
            self.selections[name] = choices
        self.titles = {}
        for lang in languages:
            for title in (
                self.env["tdkt.title"]
                .with_context(lang=lang, active_test=False)
                .search_fetch([], ["name"])
            ):
                self.titles.setdefault(normalize(title.name), set()).add(title.id)
        self.cache = {}

    def error(self, errors, row, name, message):
        errors.setdefault(
            (row, name),
            self.env._(
                "Row %(row)s, column %(column)s: %(error)s",
                row=row,
                column=self.wizard._get_column_label(name),
                error=message,
            ),
        )

    def find(self, model, text):
        """The ids of the records of ``model`` named ``text`` (exact, case-insensitive):
        the active ones, else the archived ones (people who left)."""
        key = (model, normalize(text))
        if key not in self.cache:
            Model = self.env[model].with_context(active_test=False)
            value = escape_psql(" ".join(text.split()))
            domain = [("name", "=ilike", value)]
            if model == "hr.department":
                domain = ["|", *domain, ("complete_name", "=ilike", value)]
            domain = [*domain, ("company_id", "in", [False, self.env.company.id])]
            records = Model.search(domain)
            active = records.filtered("active")
            self.cache[key] = (active or records).ids
        return self.cache[key]

    def get_award_vals(self, row, errors, sample_notes, bad_rows=()):
        """The values of the award of ``row``, or None when a cell is wrong (its error
        added to ``errors``, keyed by row and column)."""
        values = row.values
        first = len(errors)
        vals = self._get_selection_vals(row, errors)
        subject_type = vals.get("subject_type", "individual")
        self._check_filled(row, errors, subject_type)
        for name, model in (
            ("employee_id", "hr.employee"),
            ("unit_id", "hr.department"),
        ):
            if values.get(name):
                self._resolve(row, errors, vals, name, self.find(model, values[name]))
        if values.get("title_id"):
            self._resolve(
                row,
                errors,
                vals,
                "title_id",
                sorted(self.titles.get(normalize(values["title_id"]), ())),
            )
            self._check_title(row, errors, vals.get("title_id"), subject_type)
        year = values.get("year")
        if year is not None and not 1900 <= year <= 2999:
            self.error(
                errors,
                row.row,
                "year",
                self.env._("%(year)s is not a valid year.", year=year),
            )
        if values.get("note") and normalize(values["note"]) in sample_notes:
            self.error(
                errors,
                row.row,
                "note",
                self.env._(
                    "this is still the sample row's note: write over it or clear it."
                ),
            )
        if len(errors) > first or row.row in bad_rows:
            return None
        for name in (
            "year",
            "decision_number",
            "decision_date",
            "decision_authority",
            "note",
        ):
            if values.get(name) not in (None, ""):
                vals[name] = values[name]
        return vals

    def _get_selection_vals(self, row, errors):
        """The subject and the kind of award of ``row``, written by their labels."""
        vals = {}
        for name in ("subject_type", "award_kind"):
            text = row.values.get(name)
            if not text:
                continue
            if normalize(text) in self.selections[name]:
                vals[name] = self.selections[name][normalize(text)]
                continue
            labels = (
                self.env["tdkt.award"]._fields[name]._description_selection(self.env)
            )
            self.error(
                errors,
                row.row,
                name,
                self.env._(
                    "%(value)s is not one of: %(choices)s.",
                    value=text,
                    choices=", ".join(label for _value, label in labels),
                ),
            )
        return vals

    def _check_filled(self, row, errors, subject_type):
        values = row.values
        for name in REQUIRED_COLUMNS:
            if values.get(name) in (None, ""):
                self.error(
                    errors, row.row, name, self.env._("this cell must be filled in.")
                )
        if subject_type == "individual" and not values.get("employee_id"):
            self.error(
                errors,
                row.row,
                "employee_id",
                self.env._("an individual award needs the person awarded."),
            )
        if subject_type == "collective" and values.get("employee_id"):
            self.error(
                errors,
                row.row,
                "employee_id",
                self.env._("a collective award names the unit awarded, not a person."),
            )
        if subject_type == "collective" and not values.get("unit_id"):
            self.error(
                errors,
                row.row,
                "unit_id",
                self.env._("a collective award needs the unit awarded."),
            )

    def _resolve(self, row, errors, vals, name, ids):
        """Put in ``vals`` the one record ``ids`` holds, or add the error of none or many."""
        value = row.values[name]
        if len(ids) == 1:
            vals[name] = ids[0]
        elif ids:
            self.error(
                errors,
                row.row,
                name,
                self.env._(
                    "%(count)s records are named %(value)s: give them different names, or enter this award "
                    "by hand.",
                    count=len(ids),
                    value=value,
                ),
            )
        else:
            self.error(
                errors,
                row.row,
                name,
                self.env._("nothing is named %(value)s.", value=value),
            )

    def _check_title(self, row, errors, title_id, subject_type):
        title = self.env["tdkt.title"].browse(title_id)
        if title and title.subject_type not in (subject_type, "both"):
            subjects = dict(
                self.env["tdkt.award"]
                ._fields["subject_type"]
                ._description_selection(self.env)
            )
            self.error(
                errors,
                row.row,
                "title_id",
                self.env._(
                    "%(title)s cannot be awarded to %(subject)s.",
                    title=title.name,
                    subject=subjects[subject_type].lower(),
                ),
            )
