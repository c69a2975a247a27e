from odoo import api, fields, models

EVENT_KINDS = [
    ("covenant", "Covenant Signing"),
    ("mid_year", "6-Month Review"),
    ("year_end", "Year-End Review"),
    ("other", "Other"),
]


class TdktClusterEvent(models.Model):
    """A dated event of a cluster's year (covenant signing, 6-month review, year-end
    review). It feeds the plan's task of the cluster: the task given, or a new task in
    the company's plan of the year, takes the event's date as its deadline and reminds its
    people. An event no plan has a task for reminds the cluster's responsible users."""

    _name = "tdkt.cluster.event"
    _description = "Emulation Cluster Event"
    _inherit = [
        "tdkt.input.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "tdkt.reminder.mixin",
    ]
    _order = "date, id"
    _check_company_auto = True
    _reminder_days_field = "tdkt_task_reminder_days"
    _reminder_activity_type = "tdkt_emulation.mail_act_tdkt_cluster_event_reminder"

    cluster_id = fields.Many2one(
        "tdkt.cluster",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="cluster_id.company_id", store=True, index=True
    )
    kind = fields.Selection(EVENT_KINDS, required=True, default="other")
    name = fields.Char("Event", required=True)
    date = fields.Date(required=True, index=True, tracking=True)
    year = fields.Integer(compute="_compute_year", store=True, index=True)
    task_id = fields.Many2one(
        "tdkt.plan.task",
        "Plan Task",
        index=True,
        ondelete="set null",
        check_company=True,
        help="The plan's task this event sets the deadline of; empty: one is added to "
        "the company's plan of the year, if there is one.",
    )

    @api.depends("date")
    def _compute_year(self):
        for event in self:
            event.year = event.date.year if event.date else 0

    @api.depends("date", "task_id")
    def _compute_date_next_reminder(self):
        # An event with a task has no deadline of its own (``_get_reminder_deadline``).
        return super()._compute_date_next_reminder()

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        events._sync_tasks()
        return events

    def write(self, vals):
        result = super().write(vals)
        if {"date", "task_id", "name", "cluster_id"} & set(vals):
            self._sync_tasks()
        return result

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _sync_tasks(self):
        """Give each event's task the event's date as deadline, adding the task to the
        company's plan of the year when the event has none."""
        for event in self:
            if event.task_id:
                vals = {}
                if event.task_id.date_deadline != event.date:
                    vals["date_deadline"] = event.date
                if event.task_id.cluster_id != event.cluster_id:
                    vals["cluster_id"] = event.cluster_id.id
                if vals:
                    event.task_id.write(vals)
                continue
            plan = self.env["tdkt.plan"].search(
                [
                    ("company_id", "=", event.company_id.id),
                    ("year", "=", event.year),
                    ("state", "!=", "done"),
                ],
                order="id desc",
                limit=1,
            )
            if plan:
                event.task_id = self.env["tdkt.plan.task"].create(
                    event._prepare_task_vals(plan)
                )

    def _prepare_task_vals(self, plan):
        self.ensure_one()
        cluster = self.cluster_id
        return {
            "plan_id": plan.id,
            "name": f"{self.name} - {cluster.name}",
            "date_deadline": self.date,
            "cluster_id": cluster.id,
            "lead_unit_id": cluster.unit_id.id,
            "user_ids": [fields.Command.set(cluster.user_ids.ids)],
        }

    # ------------------------------------------------------------
    # REMINDERS
    # ------------------------------------------------------------

    def _get_reminder_deadline(self):
        self.ensure_one()
        return False if self.task_id else self.date

    def _get_reminder_users(self):
        self.ensure_one()
        return self.cluster_id.user_ids

    @api.model
    def _get_reminder_domain(self, today):
        return [("date", ">=", today), ("task_id", "=", False)]
