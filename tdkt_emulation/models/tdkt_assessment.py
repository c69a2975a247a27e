from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .tdkt_requirement_mixin import DISCIPLINES, RATINGS

# The facts of the year a registration line shows and edits (see tdkt.registration.line).
ASSESSMENT_FACTS = ("rating", "months_worked", "discipline", "discipline_reference")


class TdktAssessment(models.Model):
    """A person's yearly assessment, as the unit's HR enters it: the rating of the year,
    the months worked, the heaviest disciplinary measure and the decision that took it,
    and the unit the person worked in that year.

    The unit of the year stays when the person moves: a unit's members of a year are the
    people whose assessment of that year puts them in the unit or its sub-units.

    Access: a unit's staff read and change the assessments of their units' people (the
    unit of the year, or the person's unit now), the Office all of its companies.
    """

    _name = "tdkt.assessment"
    _description = "Yearly Assessment of a Person"
    _inherit = ["tdkt.input.mixin", "tdkt.unit.mixin", "tdkt.eligibility.source"]
    _order = "year desc, department_id, employee_id"
    _rec_name = "employee_id"
    _check_company_auto = True
    _tdkt_unit_fields = ("department_id", "employee_department_id")

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        check_company=True,
        ondelete="cascade",
    )
    year = fields.Integer(required=True, index=True)
    department_id = fields.Many2one(
        "hr.department",
        "Unit of the Year",
        # Required in the views; a unit deleted leaves its people's assessments.
        ondelete="set null",
        index=True,
        check_company=True,
        help="The unit the person worked in that year; it stays when the person moves.",
    )
    employee_department_id = fields.Many2one(
        related="employee_id.department_id", string="Unit Now"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    rating = fields.Selection(
        RATINGS,
        "Rating of the Year",
        help="The person's rating of quality for the year.",
    )
    months_worked = fields.Integer(
        default=12, help="Months the person worked in the year, leave excluded."
    )
    discipline = fields.Selection(
        DISCIPLINES,
        "Disciplined",
        help="The heaviest disciplinary measure taken against the person in the year.",
    )
    discipline_reference = fields.Char(
        "Discipline Decision", help="The decision that took the disciplinary measure."
    )

    _sql_constraints = [
        (
            "employee_year_uniq",
            "UNIQUE(employee_id, year, company_id)",
            "A person has one assessment a year.",
        ),
    ]

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        if self.employee_id and not self.department_id:
            self.department_id = self.employee_id.department_id

    @api.depends("employee_id.name", "year")
    def _compute_display_name(self):
        for assessment in self:
            assessment.display_name = (
                f"{assessment.employee_id.name or ''} - {assessment.year or ''}"
            )

    @api.constrains("months_worked", "discipline", "discipline_reference", "year")
    def _check_facts(self):
        for assessment in self:
            if not 0 <= assessment.months_worked <= 12:
                raise ValidationError(
                    self.env._(
                        "Months worked in a year are from 0 to 12, not %(months)s.",
                        months=assessment.months_worked,
                    )
                )
            if (
                assessment.discipline
                and not (assessment.discipline_reference or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Name the decision that disciplined %(subject)s.",
                        subject=assessment.employee_id.name,
                    )
                )
            if not 1900 <= assessment.year <= 2999:
                raise ValidationError(
                    self.env._("%(year)s is not a valid year.", year=assessment.year)
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._check_input_values(vals_list)
        # The unit of the year is, unless said, the person's unit now.
        employees = (
            self.env["hr.employee"]
            .sudo()
            .browse(
                vals["employee_id"]
                for vals in vals_list
                if vals.get("employee_id") and not vals.get("department_id")
            )
        )
        units = {employee.id: employee.department_id.id for employee in employees}
        vals_list = [
            {**vals, "department_id": units.get(vals.get("employee_id")) or False}
            if vals.get("employee_id") and not vals.get("department_id")
            else vals
            for vals in vals_list
        ]
        assessments = super().create(vals_list)
        assessments._check_unit_landing()
        return assessments

    def write(self, vals):
        result = super().write(vals)
        if "department_id" in vals:
            self._check_unit_landing()
        return result

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _check_unit_landing(self):
        """A unit's staff put an assessment in one of their units only: the unit a write
        lands in is checked, not only the unit the record came from."""
        user = self.env.user
        if self.env.su or user.has_group("tdkt_emulation.group_tdkt_officer"):
            return
        unit_ids = set(user._get_tdkt_unit_ids())
        if any(
            assessment.department_id.id not in unit_ids for assessment in self.sudo()
        ):
            raise AccessError(
                self.env._("You enter the assessments of your units' people only.")
            )

    def _get_lines_for_eligibility(self):
        """The registration lines whose eligibility reads these assessments: the persons'
        lines from their years on, and the lines of their units in their years."""
        Line = self.env["tdkt.registration.line"]
        # The lines show the assessment of their subject's year.
        Line.invalidate_model(list(ASSESSMENT_FACTS))
        if not self:
            return Line.browse()
        records = self.sudo()
        units = records.department_id | records.employee_id.department_id
        return (
            Line.sudo()
            .search(
                [
                    "|",
                    "&",
                    ("employee_id", "in", records.employee_id.ids),
                    ("year", ">=", min(records.mapped("year"))),
                    "&",
                    ("unit_id", "parent_of", units.ids),
                    ("year", "in", list(set(records.mapped("year")))),
                ]
            )
            .with_env(self.env)
        )
