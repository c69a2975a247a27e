from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.reward import select_dated
from .tdkt_subject_mixin import SUBJECT_TYPES


class TdktRewardCoefficient(models.Model):
    """The coefficient of a title or commendation form for an individual or a collective,
    valid between two dates (Decree 152/2025 Art 50–54): its reward money is the
    coefficient times the base salary in force on the decision's date.

    Everybody reads the table; Managers maintain it. The shipped rows are marked "to
    confirm" where the text leaves a doubt.
    """

    _name = "tdkt.reward.coefficient"
    _description = "Reward Coefficient"
    _inherit = ["tdkt.input.mixin"]
    _order = "title_id, subject_type, date_from desc, id desc"
    _rec_name = "title_id"
    _check_company_auto = True

    title_id = fields.Many2one(
        "tdkt.title", "Title or Form", required=True, index=True, ondelete="cascade"
    )
    subject_type = fields.Selection(
        SUBJECT_TYPES, "Awarded To", required=True, default="individual"
    )
    coefficient = fields.Float(required=True, digits=(6, 2))
    date_from = fields.Date("Valid From")
    date_to = fields.Date("Valid Until")
    legal_basis = fields.Char(
        help="The article that sets it, e.g. Nghị định 152/2025/NĐ-CP, Điều 51."
    )
    is_to_confirm = fields.Boolean(
        "To Confirm",
        help="The shipped value is to be checked against the text in force.",
    )
    company_id = fields.Many2one(related="title_id.company_id", store=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "coefficient_positive",
            "CHECK(coefficient >= 0)",
            "A coefficient is not negative.",
        ),
    ]

    @api.constrains("title_id", "subject_type", "date_from", "date_to", "active")
    def _check_dates(self):
        for row in self.filtered("active"):
            if row.date_from and row.date_to and row.date_from > row.date_to:
                raise ValidationError(
                    self.env._(
                        "A coefficient of %(title)s ends before it begins.",
                        title=row.title_id.name,
                    )
                )
            domain = [
                ("id", "!=", row.id),
                ("title_id", "=", row.title_id.id),
                ("subject_type", "=", row.subject_type),
            ]
            if row.date_to:
                domain += [
                    "|",
                    ("date_from", "=", False),
                    ("date_from", "<=", row.date_to),
                ]
            if row.date_from:
                domain += [
                    "|",
                    ("date_to", "=", False),
                    ("date_to", ">=", row.date_from),
                ]
            if self.search_count(domain, limit=1):
                raise ValidationError(
                    self.env._(
                        "Two coefficients of %(title)s are valid at the same time.",
                        title=row.title_id.name,
                    )
                )

    @api.model
    def _get_coefficient(self, title, subject_type, day):
        """The coefficient of ``title`` for ``subject_type`` valid on ``day``; 0 if none."""
        rows = self.sudo().search(
            [("title_id", "=", title.id), ("subject_type", "=", subject_type)]
        )
        row_id = select_dated(
            [(row.id, row.date_from, row.date_to) for row in rows], day
        )
        return self.sudo().browse(row_id).coefficient if row_id else 0.0
