from odoo import fields, models


class TdktRegistrationAnalysis(models.Model):
    """The registration forms of each plan against the units expected to register.

    One row per plan and unit: every unit the plan expects (its registering units, else every
    active unit of its company that registers emulation titles), whether or not its form
    exists, and any other unit that sent a form. Draft plans expect nothing yet.
    """

    _name = "tdkt.registration.analysis"
    _description = "Registration Analysis"
    _auto = False
    _order = "plan_id, unit_id"
    _depends = {
        "tdkt.plan": ["state", "year", "company_id", "registration_unit_ids"],
        "tdkt.registration": ["plan_id", "unit_id", "state", "is_late"],
        "tdkt.registration.line": ["registration_id"],
        "hr.department": ["active", "company_id", "tdkt_registers"],
    }

    plan_id = fields.Many2one("tdkt.plan", readonly=True)
    year = fields.Integer(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    unit_id = fields.Many2one("hr.department", readonly=True)
    registration_id = fields.Many2one(
        "tdkt.registration", "Registration Form", readonly=True
    )
    state = fields.Selection(
        [
            ("none", "No Form"),
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("received", "Received"),
            ("decided", "Decided"),
        ],
        "Form Status",
        readonly=True,
    )
    is_late = fields.Boolean("Late", readonly=True)
    expected_count = fields.Integer("Units Expected", readonly=True, aggregator="sum")
    submitted_count = fields.Integer(
        "Forms Submitted",
        readonly=True,
        aggregator="sum",
        help="Forms the unit has sent to the Office.",
    )
    received_count = fields.Integer(
        "Forms Received",
        readonly=True,
        aggregator="sum",
        help="Forms the Office has received.",
    )
    line_count = fields.Integer("Titles Proposed", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        return """
            WITH expected AS (
                SELECT rel.plan_id, rel.department_id AS unit_id
                  FROM tdkt_plan_registration_unit_rel rel
                UNION
                SELECT plan.id, unit.id
                  FROM tdkt_plan plan
                  JOIN hr_department unit
                    ON unit.active AND unit.tdkt_registers
                   AND (unit.company_id = plan.company_id OR unit.company_id IS NULL)
                 WHERE NOT EXISTS (
                       SELECT FROM tdkt_plan_registration_unit_rel rel WHERE rel.plan_id = plan.id
                 )
            ), line_counts AS (
                SELECT registration_id, count(*) AS line_count
                  FROM tdkt_registration_line
                 GROUP BY registration_id
            )
            SELECT row_number() OVER (ORDER BY plan.id, COALESCE(form.unit_id, expected.unit_id)) AS id,
                   plan.id AS plan_id,
                   plan.year,
                   plan.company_id,
                   COALESCE(form.unit_id, expected.unit_id) AS unit_id,
                   form.id AS registration_id,
                   COALESCE(form.state, 'none') AS state,
                   COALESCE(form.is_late, FALSE) AS is_late,
                   CASE WHEN expected.unit_id IS NULL THEN 0 ELSE 1 END AS expected_count,
                   CASE WHEN form.state IN ('submitted', 'received', 'decided') THEN 1 ELSE 0 END
                       AS submitted_count,
                   CASE WHEN form.state IN ('received', 'decided') THEN 1 ELSE 0 END AS received_count,
                   COALESCE(line_counts.line_count, 0) AS line_count
              FROM expected
              FULL JOIN tdkt_registration form
                ON form.plan_id = expected.plan_id AND form.unit_id = expected.unit_id
              JOIN tdkt_plan plan ON plan.id = COALESCE(form.plan_id, expected.plan_id)
              LEFT JOIN line_counts ON line_counts.registration_id = form.id
             WHERE plan.state != 'draft'
        """
