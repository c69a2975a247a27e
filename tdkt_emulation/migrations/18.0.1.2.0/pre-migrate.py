"""To 18.0.1.2.0: the facts of the year (rating, months worked, discipline and its
decision) move from the registration lines into yearly assessments. Before the models
load, the lines' values are copied aside, so that the post-migration script finds them
whatever the ORM does with the columns of fields no longer stored."""

from odoo.tools import sql

COLUMNS = ("rating", "months_worked", "discipline", "discipline_reference")


def migrate(cr, version):
    if not all(
        sql.column_exists(cr, "tdkt_registration_line", column) for column in COLUMNS
    ):
        return
    cr.execute("DROP TABLE IF EXISTS tdkt_assessment_migration")
    cr.execute(
        """
        CREATE TABLE tdkt_assessment_migration AS
        SELECT line.id AS line_id, line.registration_id, line.subject_type,
               line.employee_id, line.unit_id, line.year, line.company_id,
               line.rating, line.months_worked, line.discipline,
               line.discipline_reference
          FROM tdkt_registration_line line
        """
    )
