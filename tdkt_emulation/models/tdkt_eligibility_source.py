from odoo import api, models

# Every model the eligibility engine (tdkt.eligibility) reads, and the fields of it that
# are facts of a verdict (None: every field). The engine reads nothing else (its
# ``_select`` refuses any other model or field), and each of these models is a
# ``tdkt.eligibility.source``: a change of one of these fields marks the verdicts that
# read it, in the same transaction.
FACT_SOURCES = {
    "tdkt.registration.line": frozenset(
        {
            "subject_type",
            "employee_id",
            "registration_id",
            "unit_id",
            "year",
            "title_id",
        }
    ),
    # The year's facts of people and units (the lines show them, and keep no copy).
    "tdkt.assessment": frozenset(
        {
            "employee_id",
            "department_id",
            "year",
            "rating",
            "months_worked",
            "discipline",
            "discipline_reference",
        }
    ),
    "tdkt.unit.assessment": frozenset(
        {"unit_id", "year", "rating", "discipline", "discipline_reference"}
    ),
    "tdkt.award": frozenset(
        {
            "subject_type",
            "employee_id",
            "unit_id",
            "year",
            "title_id",
            "award_kind",
            "initiative_ids",
        }
    ),
    "tdkt.initiative": frozenset({"state", "scope", "year", "award_ids"}),
    "tdkt.initiative.author": frozenset({"employee_id", "initiative_id"}),
    "hr.employee": frozenset({"department_id", "active"}),
    "hr.department": frozenset({"parent_id", "parent_path", "active"}),
    "tdkt.rule.set": frozenset({"date_from", "date_to", "gap_breaks_streak", "active"}),
    "tdkt.title.rule": None,
    "tdkt.title.rule.alternative": None,
    "tdkt.title": frozenset({"code"}),
}


class TdktEligibilitySource(models.AbstractModel):
    """A source of the facts of eligibility (see ``FACT_SOURCES``): creating, changing a
    fact of, or deleting records of it marks the registration lines whose verdict reads
    them, all the batch's lines found in one search before and one after, so that they
    are checked again at the next flush of the same transaction and no verdict is ever
    stale. A source says which lines read it in ``_get_lines_for_eligibility``."""

    _name = "tdkt.eligibility.source"
    _description = "Source of Eligibility Facts"
    # False: creating a record changes no verdict (e.g. a new title no rule names yet).
    _tdkt_eligibility_on_create = True

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if self._tdkt_eligibility_on_create:
            records._get_lines_for_eligibility()._mark_for_eligibility()
        return records

    def write(self, vals):
        if not self._is_eligibility_fact(vals):
            return super().write(vals)
        lines = self._get_lines_for_eligibility()
        result = super().write(vals)
        (lines | self._get_lines_for_eligibility())._mark_for_eligibility()
        return result

    def unlink(self):
        lines = self._get_lines_for_eligibility()
        result = super().unlink()
        # The lines deleted themselves (a registration line is a source too) are left out.
        lines.exists()._mark_for_eligibility()
        return result

    @api.model
    def _is_eligibility_fact(self, vals):
        """Whether writing ``vals`` changes a fact of eligibility."""
        names = FACT_SOURCES[self._name]
        return names is None or not names.isdisjoint(vals)

    def _get_lines_for_eligibility(self):
        """The registration lines (with ``sudo``) whose verdict reads these records, in
        one search whatever their number."""
        raise NotImplementedError()
