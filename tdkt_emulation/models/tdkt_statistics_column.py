from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .tdkt_statistics_form import domain_condition, parse_codes


class TdktStatisticsColumn(models.Model):
    """A numbered column of an official statistics form: the records matching its domain
    among the row's, or the total of other columns (a formula)."""

    _name = "tdkt.statistics.column"
    _description = "Official Statistics Form Column"
    _inherit = ["tdkt.input.mixin"]
    _order = "form_id, sequence, id"

    form_id = fields.Many2one(
        "tdkt.statistics.form", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    number = fields.Integer(required=True, help="The column's number: 1, 2, …")
    name = fields.Char("Label", required=True)
    group_label = fields.Char(
        "Header Group",
        help="A header merged above the consecutive columns of the same group, e.g. Chia ra.",
    )
    domain = fields.Char(
        default="[]",
        help="The records the column counts, as a domain on the counted model.",
    )
    sum_of = fields.Char(
        "Total Of", help="The numbers of the columns this total adds up, e.g. 2, 3, 4."
    )

    @api.constrains("domain", "sum_of", "number", "form_id")
    def _check_counting(self):
        for column in self:
            where = self.env._(
                "Form %(form)s, column %(column)s",
                form=column.form_id.code,
                column=column.number,
            )
            if (column.form_id.column_ids - column).filtered(
                lambda other, number=column.number: other.number == number
            ):
                # The totals name columns by number: two of one number cannot both be.
                raise ValidationError(
                    self.env._(
                        "%(where)s: the form has another column of this number.",
                        where=where,
                    )
                )
            if not column.sum_of:
                column.form_id._check_domain(column.domain, where)
            elif not all(
                number.isascii() and number.isdigit()
                for number in parse_codes(column.sum_of)
            ):
                raise ValidationError(
                    self.env._(
                        "%(where)s: a total names the numbers of the columns it adds "
                        "up, e.g. 2, 3, 4.",
                        where=where,
                    )
                )

    def _get_condition_sql(self, Model):
        self.ensure_one()
        return domain_condition(Model, self.domain)
