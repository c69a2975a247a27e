from odoo import fields, models
from odoo.tools import SQL

from ..lib.dates import QUARTERS
from ..models.tdkt_plan_task import QUARTER_LABELS


class TdktPlanTaskAnalysis(models.Model):
    """The plans' tasks by progress — done, due or overdue — for the Office's dashboard.

    Overdue is judged on the reader's today, as the tasks' own *Overdue* filter is, so the
    graph and the task list always agree. Cancelled tasks are left out.
    """

    _name = "tdkt.plan.task.analysis"
    _description = "Task Analysis"
    _auto = False
    _order = "plan_id, quarter, lead_unit_id"
    _depends = {
        "tdkt.plan.task": [
            "plan_id",
            "year",
            "company_id",
            "quarter",
            "lead_unit_id",
            "date_deadline",
            "state",
        ],
    }

    task_id = fields.Many2one("tdkt.plan.task", readonly=True)
    plan_id = fields.Many2one("tdkt.plan", readonly=True)
    year = fields.Integer(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    quarter = fields.Selection(
        [(q, QUARTER_LABELS[q]) for q in QUARTERS], readonly=True
    )
    lead_unit_id = fields.Many2one("hr.department", readonly=True)
    date_deadline = fields.Date("Deadline", readonly=True)
    state = fields.Selection(
        [("todo", "To Do"), ("in_progress", "In Progress"), ("done", "Done")],
        "Task Status",
        readonly=True,
    )
    progress = fields.Selection(
        [("done", "Done"), ("due", "Due"), ("overdue", "Overdue")], readonly=True
    )
    task_count = fields.Integer("Tasks", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT task.id AS id,
                   task.id AS task_id,
                   task.plan_id,
                   task.year,
                   task.company_id,
                   task.quarter,
                   task.lead_unit_id,
                   task.date_deadline,
                   task.state,
                   CASE
                       WHEN task.state = 'done' THEN 'done'
                       WHEN task.date_deadline < %(today)s THEN 'overdue'
                       ELSE 'due'
                   END AS progress,
                   1 AS task_count
              FROM tdkt_plan_task task
             WHERE task.state != 'cancelled'
            """,
            today=fields.Date.context_today(self),
        )
