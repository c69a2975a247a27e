"""To 18.0.1.2.0: the facts the registration lines held become the subjects' yearly
assessments (``tdkt.assessment`` of a person, ``tdkt.unit.assessment`` of a unit), one
per subject and year, so that nothing entered is lost.

When two lines of the same subject and year disagree on a fact, the first line's
non-empty value is kept (the lines in the order they were created) and a note on the
registration form of each line whose value was not kept says what it held. A person's
unit of the year is their unit now when it lies within the line's unit, else the line's
unit. The months worked of a collective line were never read and are not kept."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)
FACTS = ("rating", "months_worked", "discipline", "discipline_reference")


def migrate(cr, version):
    cr.execute("SELECT to_regclass('tdkt_assessment_migration')")
    if not cr.fetchone()[0]:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cr.execute(
        """
        SELECT line_id, registration_id, subject_type, employee_id, unit_id, year,
               company_id, rating, months_worked, discipline, discipline_reference
          FROM tdkt_assessment_migration
         WHERE year IS NOT NULL
         ORDER BY line_id
        """
    )
    kept = {}  # (subject type, subject id, year, company id) -> values
    notes = []  # (registration id, line id, fact, value dropped, value kept)
    for (
        line_id,
        registration_id,
        subject_type,
        employee_id,
        unit_id,
        year,
        company_id,
        *facts,
    ) in cr.fetchall():
        individual = subject_type == "individual"
        subject_id = employee_id if individual else unit_id
        if not subject_id:
            continue
        values = dict(zip(FACTS, facts, strict=True))
        if not individual:
            values.pop("months_worked")
        key = (subject_type, subject_id, year, company_id)
        first = kept.setdefault(key, {"unit_id": unit_id})
        for name, value in values.items():
            if value in (None, False, ""):
                continue
            if first.get(name) in (None, False, ""):
                first[name] = value
            elif first[name] != value:
                notes.append((registration_id, line_id, name, value, first[name]))
    _create_assessments(env, kept)
    _post_notes(env, notes)
    # A collective now counts the members who qualify, not those proposed: every verdict
    # is checked again.
    env["tdkt.registration.line"].search([])._mark_for_eligibility()
    env.flush_all()
    cr.execute("DROP TABLE tdkt_assessment_migration")
    _logger.info(
        "tdkt_emulation: %s yearly assessments from the registration lines, %s facts that "
        "disagreed noted",
        len(kept),
        len(notes),
    )


def _create_assessments(env, kept):
    employees = env["hr.employee"].with_context(active_test=False)
    units = env["hr.department"].with_context(active_test=False)
    persons, collectives = [], []
    for (subject_type, subject_id, year, company_id), values in kept.items():
        line_unit = units.browse(values.pop("unit_id"))
        vals = {
            name: value
            for name, value in values.items()
            if value not in (None, False, "")
        }
        if subject_type == "individual":
            department = employees.browse(subject_id).department_id
            if not department or not (department.parent_path or "").startswith(
                line_unit.parent_path or "-"
            ):
                department = line_unit
            persons.append(
                {
                    "employee_id": subject_id,
                    "department_id": department.id,
                    "year": year,
                    "company_id": company_id,
                    "months_worked": 12,
                    **vals,
                }
            )
        elif vals:
            collectives.append(
                {"unit_id": subject_id, "year": year, "company_id": company_id, **vals}
            )
    env["tdkt.assessment"].create(persons)
    env["tdkt.unit.assessment"].create(collectives)


def _post_notes(env, notes):
    Line = env["tdkt.registration.line"]
    labels = {name: Line._fields[name]._description_string(env) for name in FACTS}
    for registration_id, line_id, name, dropped, value in notes:
        line = Line.browse(line_id)
        env["tdkt.registration"].browse(registration_id).message_post(
            body=env._(
                "Moving the facts of the year into the yearly assessments: %(line)s held "
                "%(fact)s %(dropped)s, another registered title of the same year held "
                "%(kept)s, which was kept. Check the assessment.",
                line=line.display_name,
                fact=labels[name],
                dropped=dropped,
                kept=value,
            )
        )
