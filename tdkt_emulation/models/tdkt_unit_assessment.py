from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .tdkt_requirement_mixin import DISCIPLINES, RATINGS


class TdktUnitAssessment(models.Model):
    """A collective's yearly assessment: the unit's rating of the year, and the heaviest
    disciplinary measure taken against it.

    Access: a unit's staff read and change the assessments of their units, the Office
    all of its companies.
    """

    _name = "tdkt.unit.assessment"
    _description = "Yearly Assessment of a Unit"
    _inherit = ["tdkt.input.mixin", "tdkt.unit.mixin", "tdkt.eligibility.source"]
    _order = "year desc, unit_id"
    _rec_name = "unit_id"
    _check_company_auto = True
    _tdkt_unit_fields = ("unit_id",)

    unit_id = fields.Many2one(
        "hr.department",
        required=True,
        index=True,
        check_company=True,
        ondelete="cascade",
    )
    year = fields.Integer(required=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    rating = fields.Selection(
        RATINGS, "Rating of the Year", help="The collective's rating for the year."
    )
    discipline = fields.Selection(
        DISCIPLINES,
        "Disciplined",
        help="The heaviest disciplinary measure taken against the unit in the year.",
    )
    discipline_reference = fields.Char(
        "Discipline Decision", help="The decision that took the disciplinary measure."
    )

    _sql_constraints = [
        (
            "unit_year_uniq",
            "UNIQUE(unit_id, year, company_id)",
            "A unit has one assessment a year.",
        ),
    ]

    @api.depends("unit_id.name", "year")
    def _compute_display_name(self):
        for assessment in self:
            assessment.display_name = (
                f"{assessment.unit_id.name or ''} - {assessment.year or ''}"
            )

    @api.constrains("discipline", "discipline_reference", "year")
    def _check_facts(self):
        for assessment in self:
            if (
                assessment.discipline
                and not (assessment.discipline_reference or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Name the decision that disciplined %(subject)s.",
                        subject=assessment.unit_id.name,
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
        assessments = super().create(vals_list)
        assessments._check_unit_landing()
        return assessments

    def write(self, vals):
        result = super().write(vals)
        if "unit_id" in vals:
            self._check_unit_landing()
        return result

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _check_unit_landing(self):
        """A unit's staff put an assessment in one of their units only."""
        user = self.env.user
        if self.env.su or user.has_group("tdkt_emulation.group_tdkt_officer"):
            return
        unit_ids = set(user._get_tdkt_unit_ids())
        if any(assessment.unit_id.id not in unit_ids for assessment in self.sudo()):
            raise AccessError(
                self.env._("You enter the assessments of your units only.")
            )

    def _get_lines_for_eligibility(self):
        """The registration lines whose eligibility reads these assessments: the lines of
        the units in their years."""
        Line = self.env["tdkt.registration.line"]
        Line.invalidate_model(["rating", "discipline", "discipline_reference"])
        if not self:
            return Line.browse()
        records = self.sudo()
        return (
            Line.sudo()
            .search(
                [
                    ("unit_id", "in", records.unit_id.ids),
                    ("year", "in", list(set(records.mapped("year")))),
                ]
            )
            .with_env(self.env)
        )
