from odoo import api, fields, models

from ..lib.eligibility import Requirements, requirements_from_values
from .tdkt_title import LEVELS

RATINGS = [
    ("excellent", "Excellent completion of duties"),
    ("good", "Good completion of duties"),
    ("complete", "Completion of duties"),
    ("incomplete", "Duties not completed"),
]
DISCIPLINES = [
    ("reprimand", "Reprimand"),
    ("warning", "Warning"),
    ("demotion", "Demotion or removal from office"),
    ("dismissal", "Dismissal"),
]
# Fields that name a title, and the engine's parameter each one fills with the title's code.
TITLE_FIELDS = {
    "same_year_title_id": "same_year_title",
    "streak_title_id": "streak_title",
    "held_title_id": "held_title",
    "quota_base_title_id": "quota_base_title",
    "member_title_id": "member_title",
    "member_min_title_id": "member_min_title",
}


class TdktRequirementMixin(models.AbstractModel):
    """The parameters of one group of eligibility requirements, as the engine
    (``lib/eligibility.py``) reads them. Empty means "not required"."""

    _name = "tdkt.requirement.mixin"
    _description = "Eligibility Requirements"

    min_rating = fields.Selection(
        RATINGS, "Minimum Rating", help="The person's rating of the year, at least."
    )
    min_months = fields.Integer(
        "Minimum Months Worked", help="Months worked in the year (0: no minimum)."
    )
    discipline_bar = fields.Selection(
        DISCIPLINES,
        "Excluded From Discipline",
        help="A disciplinary measure this heavy, or heavier, in the year excludes.",
    )
    same_year_title_id = fields.Many2one("tdkt.title", "Title in the Same Year")
    streak_title_id = fields.Many2one("tdkt.title", "Title Held Before")
    streak_years = fields.Integer(
        "Consecutive Years",
        help="Years in a row, ending with the year, of the title held before.",
    )
    streak_within = fields.Integer(
        "Within Years",
        help="When larger than the consecutive years: the title held that many times within these years.",
    )
    streak_rating = fields.Selection(RATINGS, "Rating Over the Years")
    streak_rating_years = fields.Integer(
        "Years of That Rating", help="Years in a row, ending with the year."
    )
    held_title_id = fields.Many2one("tdkt.title", "Title Held in an Earlier Year")
    initiative_scope = fields.Selection(
        LEVELS, help="The narrowest scope of recognition that counts."
    )
    initiative_count = fields.Integer("Initiatives Needed")
    initiative_years = fields.Integer(
        "Initiatives Within Years",
        default=1,
        help="Initiatives recognized in these years, ending with the year.",
    )
    rating_replaces_initiative = fields.Selection(
        RATINGS, "Rating Instead of an Initiative"
    )
    quota_percent = fields.Float(
        "Quota (%)",
        help="Candidates for the title in a unit, at most this share of the base title's holders.",
    )
    quota_base_title_id = fields.Many2one("tdkt.title", "Quota of")
    member_title_id = fields.Many2one("tdkt.title", "Members' Title")
    member_title_share = fields.Float("Members' Share (%)")
    member_title_strict = fields.Boolean(
        "More Than the Share",
        help="More than the share, rather than at least the share.",
    )
    member_min_title_id = fields.Many2one("tdkt.title", "Members Holding")
    member_min_count = fields.Integer("Members Holding at Least")
    all_members_complete = fields.Boolean("All Members Complete Their Duties")
    members_discipline_bar = fields.Selection(DISCIPLINES, "No Member Disciplined From")
    unit_min_rating = fields.Selection(
        RATINGS,
        "Minimum Rating of the Unit",
        help="Collectives: the unit's own rating of the year, at least.",
    )
    council_only = fields.Boolean(
        "Chosen by the Council",
        help="Decided by the council's comparison, not computed.",
    )

    _sql_constraints = [
        (
            "requirement_ranges",
            "CHECK(min_months BETWEEN 0 AND 12 AND quota_percent BETWEEN 0 AND 100 "
            "AND member_title_share BETWEEN 0 AND 100 AND streak_years >= 0 AND initiative_count >= 0 "
            "AND streak_rating_years >= 0 AND member_min_count >= 0 AND initiative_years >= 0)",
            "Months are from 0 to 12, shares and quotas from 0 to 100%, and counts are never negative.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._get_rule_sets()._get_lines_for_eligibility()._mark_for_eligibility()
        return records

    def write(self, vals):
        result = super().write(vals)
        self._get_rule_sets()._get_lines_for_eligibility()._mark_for_eligibility()
        return result

    def unlink(self):
        lines = self._get_rule_sets()._get_lines_for_eligibility()
        result = super().unlink()
        lines._mark_for_eligibility()
        return result

    def _get_rule_sets(self):
        """The rule sets these requirements belong to."""
        raise NotImplementedError()

    def _get_requirements(self):
        """The engine's ``Requirements`` of this record."""
        self.ensure_one()
        values = {
            name: self[name]
            for name in Requirements.__dataclass_fields__
            if name in self._fields
        }
        values.update(
            {parameter: self[name].code for name, parameter in TITLE_FIELDS.items()}
        )
        return requirements_from_values(values)
