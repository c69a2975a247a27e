import base64
import binascii
from collections import Counter

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import escape_psql

from ..lib.xlsx_awards import build_import_template_xlsx
from ..lib.xlsx_import import ImportFileError, normalize, read_xlsx_table

# The columns of the template, in order.
IMPORT_FIELDS = (
    "employee_id",
    "department_id",
    "year",
    "rating",
    "months_worked",
    "discipline",
    "discipline_reference",
)
COLUMN_KINDS = {"year": "integer", "months_worked": "integer"}
REQUIRED_COLUMNS = ("employee_id", "year", "rating")
SELECTIONS = ("rating", "discipline")


class TdktAssessmentImport(models.TransientModel):
    """A unit or the Office imports the yearly assessments of the HR assessment from the
    XLSX template: it checks the file and shows the assessments it holds, or the errors
    found, each naming its row and its column; it creates or updates all the assessments
    in one go, or none when any row is wrong.

    The file is read as the award import reads its own (same steps, same messages): the
    columns by their headers, the fields' labels in any installed language; people and
    units by their names, the ratings and measures by their labels. The assessments are
    written as the user would write them, under the same access rules.
    """

    _name = "tdkt.assessment.import"
    _inherit = "tdkt.award.import"
    _description = "Import Assessments"

    award_count = fields.Integer("Assessments to Import", readonly=True)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_download_template(self):
        return self.env["ir.attachment"]._tdkt_download_action(
            *self._get_template_xlsx(), self._name
        )

    def action_import(self):
        """Create or update every assessment of the file, or none when a row is wrong."""
        self.ensure_one()
        vals_list, _rows, errors = self._read_file()
        if errors:
            raise UserError(
                self.env._(
                    "Nothing was imported:\n%(errors)s", errors="\n".join(errors)
                )
            )
        Assessment = self.env["tdkt.assessment"]
        existing = {
            (assessment.employee_id.id, assessment.year): assessment
            for assessment in Assessment.search(
                [
                    ("employee_id", "in", [vals["employee_id"] for vals in vals_list]),
                    ("year", "in", list({vals["year"] for vals in vals_list})),
                    ("company_id", "=", self.env.company.id),
                ]
            )
        }
        assessments = Assessment.browse()
        to_create = []
        for vals in vals_list:
            assessment = existing.get((vals["employee_id"], vals["year"]))
            if assessment:
                assessment.write(vals)
                assessments |= assessment
            else:
                to_create.append(vals)
        assessments |= Assessment.create(to_create)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_assessment_action"
        )
        action.update(
            {
                "name": self.env._("Imported Assessments"),
                "domain": [("id", "in", assessments.ids)],
                "context": {},
                "target": "main",
            }
        )
        return action

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _reopen(self):
        action = super()._reopen()
        action["name"] = self.env._("Import Assessments")
        return action

    def _get_import_fields(self):
        return IMPORT_FIELDS

    def _get_column_label(self, name):
        return self.env["tdkt.assessment"]._fields[name]._description_string(self.env)

    def _get_template_xlsx(self):
        """The import template: the columns named by the fields' labels in the reports'
        language, drop-down lists of the ratings and measures."""
        env = self.with_context(lang=self.env["res.lang"]._get_tdkt_report_lang()).env
        Assessment = env["tdkt.assessment"]
        headers = [
            Assessment._fields[name]._description_string(env) for name in IMPORT_FIELDS
        ]
        choices = {
            IMPORT_FIELDS.index(name): [
                label
                for _value, label in Assessment._fields[name]._description_selection(
                    env
                )
            ]
            for name in SELECTIONS
        }
        content = build_import_template_xlsx(
            env._("Assessments"),
            headers,
            [],
            ["number" if name in COLUMN_KINDS else "text" for name in IMPORT_FIELDS],
            choices,
            env._("Lists"),
        )
        return content, env._("assessments-import-template.xlsx")

    def _read_file(self):
        """Read the uploaded file.

        :return: (the values of the assessments, the row number of each, the error
            messages in the user's language, each naming its row and column)
        :raise UserError: no file, not an XLSX file, or not the template's headers
        """
        content = self._get_content()
        Assessment = self.env["tdkt.assessment"]
        languages = self._get_languages()
        columns = {
            name: (
                [
                    Assessment._fields[name]._description_string(
                        self.env(context=dict(self.env.context, lang=lang))
                    )
                    for lang in languages
                ],
                COLUMN_KINDS.get(name, "text"),
            )
            for name in IMPORT_FIELDS
        }
        try:
            rows, cell_errors = read_xlsx_table(content, columns, REQUIRED_COLUMNS)
        except ImportFileError as error:
            raise UserError(self._get_file_error_message(error)) from error
        if not rows and not cell_errors:
            raise UserError(
                self.env._(
                    "The file holds no assessment to import: fill in the template's rows."
                )
            )
        errors = {}
        for error in cell_errors:
            errors.setdefault(
                (error.row, error.key), self._get_cell_error_message(error)
            )
        choices = {
            name: {
                normalize(text): value
                for lang in languages
                for value, label in Assessment._fields[name]._description_selection(
                    self.env(context=dict(self.env.context, lang=lang))
                )
                for text in (label, value)
            }
            for name in SELECTIONS
        }
        bad_rows = {error.row for error in cell_errors}
        vals_list, numbers = [], []
        for row in rows:
            vals = self._get_row_vals(row, errors, choices)
            if vals is not None and row.row not in bad_rows:
                vals_list.append(vals)
                numbers.append(row.row)
        keys = Counter((vals["employee_id"], vals["year"]) for vals in vals_list)
        for number, vals in zip(numbers, vals_list, strict=True):
            if keys[vals["employee_id"], vals["year"]] > 1:
                self._add_error(
                    errors,
                    number,
                    "employee_id",
                    self.env._(
                        "this person's assessment of %(year)s is in several rows.",
                        year=vals["year"],
                    ),
                )
        messages = [
            message
            for _key, message in sorted(errors.items(), key=lambda item: item[0][0])
        ]
        return vals_list, numbers, messages

    def _get_content(self):
        """The bytes of the uploaded file."""
        if not self.file:
            raise UserError(
                self.env._("Choose the XLSX file to import: the template, filled in.")
            )
        try:
            return base64.b64decode(self.file, validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(self.env._("This file is not an XLSX file.")) from error

    def _add_error(self, errors, row, name, message):
        errors.setdefault(
            (row, name),
            self.env._(
                "Row %(row)s, column %(column)s: %(error)s",
                row=row,
                column=self._get_column_label(name),
                error=message,
            ),
        )

    def _find(self, model, text):
        """The ids of the records of ``model`` named ``text`` (exact, case-insensitive):
        the active ones, else the archived ones (people who left)."""
        value = escape_psql(" ".join(text.split()))
        domain = [("name", "=ilike", value)]
        if model == "hr.department":
            domain = ["|", *domain, ("complete_name", "=ilike", value)]
        records = (
            self.env[model]
            .with_context(active_test=False)
            .search([*domain, ("company_id", "in", [False, self.env.company.id])])
        )
        return (records.filtered("active") or records).ids

    def _get_row_vals(self, row, errors, choices):  # noqa: C901
        """The values of the assessment of ``row``, or None when a cell is wrong (its
        error added to ``errors``, keyed by row and column)."""
        values = row.values
        first = len(errors)
        vals = {}
        for name in REQUIRED_COLUMNS:
            if values.get(name) in (None, ""):
                self._add_error(
                    errors, row.row, name, self.env._("this cell must be filled in.")
                )
        for name, model in (
            ("employee_id", "hr.employee"),
            ("department_id", "hr.department"),
        ):
            text = values.get(name)
            if not text:
                continue
            ids = self._find(model, str(text))
            if len(ids) == 1:
                vals[name] = ids[0]
            else:
                self._add_error(
                    errors,
                    row.row,
                    name,
                    self.env._(
                        "%(count)s records are named %(value)s: give them different names, or enter this "
                        "assessment by hand.",
                        count=len(ids),
                        value=text,
                    )
                    if ids
                    else self.env._("nothing is named %(value)s.", value=text),
                )
        for name in SELECTIONS:
            text = values.get(name)
            if not text:
                continue
            value = choices[name].get(normalize(text))
            if value:
                vals[name] = value
            else:
                labels = (
                    self.env["tdkt.assessment"]
                    ._fields[name]
                    ._description_selection(self.env)
                )
                self._add_error(
                    errors,
                    row.row,
                    name,
                    self.env._(
                        "%(value)s is not one of: %(choices)s.",
                        value=text,
                        choices=", ".join(label for _value, label in labels),
                    ),
                )
        year = values.get("year")
        if year is not None:
            if 1900 <= year <= 2999:
                vals["year"] = year
            else:
                self._add_error(
                    errors,
                    row.row,
                    "year",
                    self.env._("%(year)s is not a valid year.", year=year),
                )
        months = values.get("months_worked")
        if months is not None:
            if 0 <= months <= 12:
                vals["months_worked"] = months
            else:
                self._add_error(
                    errors,
                    row.row,
                    "months_worked",
                    self.env._(
                        "months worked in a year are from 0 to 12, not %(months)s.",
                        months=months,
                    ),
                )
        reference = (values.get("discipline_reference") or "").strip()
        if vals.get("discipline") and not reference:
            self._add_error(
                errors,
                row.row,
                "discipline_reference",
                self.env._("name the decision that took the disciplinary measure."),
            )
        vals["discipline_reference"] = reference or False
        vals.setdefault("discipline", False)
        if len(errors) > first:
            return None
        return vals

    def _get_preview_html(self, vals_list, numbers):
        """A table of the assessments the file would write, in the user's language."""
        Assessment = self.env["tdkt.assessment"]
        selections = {
            name: dict(Assessment._fields[name]._description_selection(self.env))
            for name in SELECTIONS
        }

        def cell(name, vals):
            value = vals.get(name)
            if name in selections:
                return selections[name].get(value, "")
            if name in ("employee_id", "department_id") and value:
                return Assessment[name].browse(value).display_name
            return "" if value in (None, False) else str(value)

        return self._render_preview_table(
            IMPORT_FIELDS, vals_list, numbers, cell, "o_tdkt_assessment_import_preview"
        )
