"""To 18.0.1.3.0: every award and decision line carries the kind of award and the class
of recipient of the Ministry's statistics.

The awards' former kind (merit, sudden, thematic) becomes their kind of award, merit
being the regular kind (thường xuyên); the decision lines' merit too. Awards and lines
without a class of recipient get the default: a collective is an agency, a person the
class their employee record gives (a direct worker unless set)."""

import logging

_logger = logging.getLogger(__name__)


def _column_exists(cr, table, column):
    cr.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
        [table, column],
    )
    return bool(cr.fetchone())


def migrate(cr, version):
    if _column_exists(cr, "tdkt_award", "kind"):
        cr.execute(
            """
            UPDATE tdkt_award
               SET award_kind = CASE WHEN kind = 'merit' THEN 'regular' ELSE kind END
             WHERE kind IS NOT NULL
            """
        )
        _logger.info(
            "tdkt_emulation: %s award(s) given their kind of award", cr.rowcount
        )
    cr.execute(
        "UPDATE tdkt_decision_line SET award_kind = 'regular' WHERE award_kind = 'merit'"
    )
    person_class = (
        "COALESCE(e.tdkt_recipient_class, 'worker')"
        if _column_exists(cr, "hr_employee", "tdkt_recipient_class")
        else "'worker'"
    )
    for table in ("tdkt_award", "tdkt_decision_line", "tdkt_proposal_line"):
        cr.execute(
            f"""
            UPDATE {table} t
               SET recipient_class = CASE
                       WHEN t.subject_type = 'collective' THEN 'agency'
                       ELSE {person_class}
                   END
              FROM {table} t2
              LEFT JOIN hr_employee e ON e.id = t2.employee_id
             WHERE t2.id = t.id AND t.recipient_class IS NULL
            """  # noqa: S608 - the table names are constants
        )
        _logger.info(
            "tdkt_emulation: %s row(s) of %s given a class of recipient",
            cr.rowcount,
            table,
        )
