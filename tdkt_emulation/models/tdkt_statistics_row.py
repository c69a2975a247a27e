from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .tdkt_statistics_form import domain_condition, parse_codes

# What a band measures: (the field, and how the measure is taken).
BANDS = [
    ("age", "Age at the end of the year"),
    ("tdkt_years", "Years in TĐKT work at the end of the year"),
    ("duration", "Duration"),
]


class TdktStatisticsRow(models.Model):
    """A row of an official statistics form: a section heading, a counted row (the records
    matching its domain and, if it has one, whose measure falls in its band), or a total of
    other rows (a formula)."""

    _name = "tdkt.statistics.row"
    _description = "Official Statistics Form Row"
    _inherit = ["tdkt.input.mixin"]
    _order = "form_id, sequence, id"

    form_id = fields.Many2one(
        "tdkt.statistics.form", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(help="The row's code (Mã số), e.g. 01.")
    name = fields.Char("Label", required=True)
    indent = fields.Integer(help="How far the label is indented: 0 to 3.")
    unit = fields.Char(help="The unit of count (column C), e.g. Người, Tập thể.")
    display_type = fields.Selection(
        [("count", "Counted"), ("total", "Total of rows"), ("section", "Section")],
        "Row Type",
        required=True,
        default="count",
    )
    domain = fields.Char(
        default="[]",
        help="The records the row counts, as a domain on the counted model.",
    )
    sum_of = fields.Char(
        "Total Of", help="The codes of the rows this total adds up, e.g. 02, 03."
    )
    band = fields.Selection(
        BANDS,
        help="Count only the records whose measure is in the band: the age or years in TĐKT "
        "work at the end of the reporting year, or a movement's duration.",
    )
    band_from = fields.Integer(help="The band's lower bound, included.")
    band_to = fields.Integer(help="The band's upper bound, excluded; 0: none.")
    band_unit = fields.Selection(
        [("year", "Years"), ("month", "Months")], default="year", required=True
    )

    @api.constrains("domain", "display_type", "sum_of", "code", "band", "form_id")
    def _check_counting(self):
        for row in self:
            where = self.env._(
                "Form %(form)s, row %(row)s", form=row.form_id.code, row=row.name
            )
            if row.display_type != "section" and not row.code:
                raise ValidationError(
                    self.env._("%(where)s: a counted row has a code.", where=where)
                )
            if row.code and (row.form_id.row_ids - row).filtered(
                lambda other, code=row.code: other.code == code
            ):
                # The totals name rows by code: two rows of one code cannot both be.
                raise ValidationError(
                    self.env._(
                        "%(where)s: the form has another row of code %(code)s.",
                        where=where,
                        code=row.code,
                    )
                )
            if row.display_type == "total" and not parse_codes(row.sum_of):
                raise ValidationError(
                    self.env._(
                        "%(where)s: a total names the codes of the rows it adds up.",
                        where=where,
                    )
                )
            if row.display_type == "count":
                row.form_id._check_domain(row.domain, where)

    def _get_condition_sql(self, Model, date_to):
        """The SQL condition of the records this row counts, the bands measured at
        ``date_to``."""
        self.ensure_one()
        condition = domain_condition(Model, self.domain)
        if not self.band:
            return condition
        table = Model._table
        if self.band == "duration":
            measure = SQL(
                "age(%s + 1, %s)",
                SQL.identifier(table, "date_end"),
                SQL.identifier(table, "date_start"),
            )
        else:
            field = "birthday" if self.band == "age" else "tdkt_work_start_date"
            measure = SQL("age(%s::date, %s)", date_to, SQL.identifier(table, field))
        interval = (
            "make_interval(years => %s)"
            if self.band_unit == "year"
            else "make_interval(months => %s)"
        )
        condition = SQL(
            "%s AND %s >= " + interval, condition, measure, self.band_from or 0
        )
        if self.band_to:
            condition = SQL("%s AND %s < " + interval, condition, measure, self.band_to)
        return condition
