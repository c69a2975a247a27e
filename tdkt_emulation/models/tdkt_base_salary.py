from odoo import api, fields, models

from ..lib.reward import select_dated


class TdktBaseSalary(models.Model):
    """The base salary (mức lương cơ sở) from a date on, as a decree sets it: reward money
    is a coefficient times the base salary in force on the decision's date. A new decree is
    a new row, never a change of code.

    Everybody reads the table; Managers maintain it. The amount of a signed decision is
    stored on its lines and does not follow later changes of the table.
    """

    _name = "tdkt.base.salary"
    _description = "Base Salary"
    _inherit = ["tdkt.input.mixin"]
    _order = "date_from desc, id desc"
    _rec_name = "date_from"

    date_from = fields.Date("Effective From", required=True, index=True)
    amount = fields.Float("Base Salary (VND)", required=True, digits=(16, 0))
    legal_basis = fields.Char(
        help="The decree that sets it, e.g. Nghị định 73/2024/NĐ-CP."
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "date_from_uniq",
            "UNIQUE(date_from)",
            "A base salary already starts on this date.",
        ),
        (
            "amount_positive",
            "CHECK(amount > 0)",
            "The base salary is a positive amount.",
        ),
    ]

    @api.model
    def _get_amount_on(self, day):
        """The base salary in force on ``day``; 0 when none is known."""
        rows = self.sudo().search([])
        row_id = select_dated([(row.id, row.date_from, None) for row in rows], day)
        return self.sudo().browse(row_id).amount if row_id else 0.0
