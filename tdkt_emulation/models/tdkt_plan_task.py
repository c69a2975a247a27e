import logging
import re
from collections import defaultdict
from textwrap import shorten

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.dates import QUARTERS, quarter_of, shift_years

_logger = logging.getLogger(__name__)

QUARTER_LABELS = {
    "1": "Quarter I",
    "2": "Quarter II",
    "3": "Quarter III",
    "4": "Quarter IV",
}
# What the people of a unit may write on their unit's tasks; the rest belongs to the Office,
# and the state, its date and the reminders' stamps to the steps.
PROGRESS_FIELDS = {"progress_note"}


class TdktPlanTask(models.Model):
    """One row of a plan's table: what is to be done, in which quarter, by which units.

    Access:

    ============  =================  =======================================
    group         read               edit
    ============  =================  =======================================
    User          tasks of my units  progress (state except done, notes)
    Unit manager  tasks of my units  progress, mark done
    Officer       all tasks          everything (create, delete, reschedule)
    ============  =================  =======================================

    Tasks of a closed plan are read-only.
    """

    _name = "tdkt.plan.task"
    _description = "Emulation Plan Task"
    _inherit = [
        "tdkt.input.mixin",
        "tdkt.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "tdkt.unit.mixin",
        "tdkt.reminder.mixin",
    ]
    _order = "plan_id, quarter, sequence, id"
    _check_company_auto = True
    _tdkt_steps = ("start", "done", "cancel", "reset")
    _tdkt_step_fields = (
        "state",
        "date_done",
        "is_overdue_notified",
        "date_next_reminder",
    )
    _tdkt_can_depends = ("state", "plan_id.state")
    _tdkt_unit_fields = ("lead_unit_id", "participant_unit_ids")
    _tdkt_user_fields = ("user_ids",)
    _reminder_days_field = "tdkt_task_reminder_days"
    _reminder_activity_type = "tdkt_emulation.mail_act_tdkt_task_reminder"

    plan_id = fields.Many2one(
        "tdkt.plan", required=True, index=True, ondelete="cascade", check_company=True
    )
    plan_state = fields.Selection(related="plan_id.state", string="Plan Status")
    year = fields.Integer(related="plan_id.year", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    sequence = fields.Integer(
        "No.",
        compute="_compute_sequence",
        store=True,
        readonly=False,
        precompute=True,
        help="The row number (TT) in the plan's table; a new task takes the next one.",
    )
    name = fields.Text("Content", required=True, tracking=True)
    quarter = fields.Selection(
        [(q, QUARTER_LABELS[q]) for q in QUARTERS],
        compute="_compute_quarter",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        index=True,
        group_expand=True,
        tracking=True,
        help="Follows the deadline unless set by hand.",
    )
    is_quarter_manual = fields.Boolean(
        "Quarter Set by Hand",
        help="The quarter was chosen by hand and no longer follows the deadline.",
    )
    lead_unit_id = fields.Many2one(
        "hr.department", index=True, tracking=True, check_company=True
    )
    participant_unit_ids = fields.Many2many(
        "hr.department",
        "tdkt_plan_task_participant_unit_rel",
        "task_id",
        "department_id",
        "Participating Units",
        check_company=True,
    )
    user_ids = fields.Many2many(
        "res.users",
        "tdkt_plan_task_user_rel",
        "task_id",
        "user_id",
        "Responsible Users",
        check_company=True,
    )
    date_deadline = fields.Date("Deadline", index=True, tracking=True)
    state = fields.Selection(
        [
            ("todo", "To Do"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="todo",
        tracking=True,
        copy=False,
        index=True,
    )
    date_done = fields.Date("Done On", readonly=True, copy=False)
    progress_note = fields.Html("Progress", copy=False)
    is_overdue = fields.Boolean(
        "Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    is_current_quarter = fields.Boolean(
        "This Quarter",
        compute="_compute_is_current_quarter",
        search="_search_is_current_quarter",
    )
    is_deadline_outside_quarter = fields.Boolean(
        "Deadline Outside Quarter",
        compute="_compute_is_deadline_outside_quarter",
        help="The task sits in a quarter its deadline does not fall in: move the deadline too.",
    )
    is_overdue_notified = fields.Boolean(
        compute="_compute_is_overdue_notified", store=True, readonly=False, copy=False
    )
    color = fields.Integer()
    can_start = fields.Boolean(compute="_compute_can_steps")
    can_done = fields.Boolean(compute="_compute_can_steps")
    can_cancel = fields.Boolean(compute="_compute_can_steps")
    can_reset = fields.Boolean(compute="_compute_can_steps")
    units_note = fields.Text(
        "Implementing Units as Printed",
        help="The column ĐƠN VỊ THỰC HIỆN of the printed plan, one line each; leave empty to print "
        "the names of the lead and participating units.",
    )
    cluster_id = fields.Many2one(
        "tdkt.cluster",
        "Emulation Cluster",
        index=True,
        check_company=True,
        help="The cluster whose calendar sets this task's deadline.",
    )
    has_past_year = fields.Boolean(
        "Mentions Last Year",
        compute="_compute_has_past_year",
        help="The task was copied from last year's plan and its text still mentions last year.",
    )

    @api.depends("plan_id")
    def _compute_sequence(self):
        """Number a new task after the tasks of its plan, those saved and those being added
        in the plan's grid, and after the other new tasks of the same batch."""
        last = defaultdict(int)
        for task in self:
            if task.sequence or not task.plan_id:
                continue
            plan = task.plan_id
            if plan not in last:
                last[plan] = max(
                    (other.sequence for other in plan.task_ids - task), default=0
                )
            last[plan] += 1
            task.sequence = last[plan]

    @api.depends("name", "plan_id.origin_plan_id.year")
    def _compute_has_past_year(self):
        for task in self:
            origin = task.plan_id.origin_plan_id
            task.has_past_year = bool(
                origin and re.search(rf"\b{origin.year}\b", task.name or "")
            )

    @api.depends("date_deadline")
    def _compute_quarter(self):
        for task in self:
            if task.date_deadline and not task.is_quarter_manual:
                task.quarter = quarter_of(task.date_deadline)
            else:
                task.quarter = task.quarter or "1"

    @api.depends("date_deadline", "state")
    @api.depends_context("tz")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for task in self:
            task.is_overdue = bool(
                task.date_deadline
                and task.date_deadline < today
                and task.state not in ("done", "cancelled")
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(
                f"Unsupported search on is_overdue: {operator} {value}"
            )
        domain = [
            ("date_deadline", "<", fields.Date.context_today(self)),
            ("state", "not in", ("done", "cancelled")),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    @api.depends("date_deadline", "quarter")
    def _compute_is_deadline_outside_quarter(self):
        for task in self:
            task.is_deadline_outside_quarter = bool(
                task.date_deadline
            ) and task.quarter != quarter_of(task.date_deadline)

    @api.depends("date_deadline")
    def _compute_date_next_reminder(self):
        return super()._compute_date_next_reminder()

    @api.depends("date_deadline")
    def _compute_is_overdue_notified(self):
        self.is_overdue_notified = False

    @api.depends("year", "quarter")
    @api.depends_context("tz")
    def _compute_is_current_quarter(self):
        today = fields.Date.context_today(self)
        for task in self:
            task.is_current_quarter = (
                task.year == today.year and task.quarter == quarter_of(today)
            )

    def _search_is_current_quarter(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(
                f"Unsupported search on is_current_quarter: {operator} {value}"
            )
        today = fields.Date.context_today(self)
        domain = [("year", "=", today.year), ("quarter", "=", quarter_of(today))]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    @api.constrains("date_deadline", "plan_id")
    def _check_deadline_in_plan_year(self):
        for task in self:
            if task.date_deadline and task.date_deadline.year != task.plan_id.year:
                raise ValidationError(
                    self.env._(
                        "The deadline %(deadline)s of task %(number)s (%(task)s) is outside the plan's year "
                        "%(year)s.",
                        deadline=task.date_deadline.strftime("%d/%m/%Y"),
                        number=task.sequence,
                        task=task._get_short_name(),
                        year=task.plan_id.year,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._check_input_values(vals_list)
        for vals in vals_list:
            if "quarter" in vals:
                deadline = fields.Date.to_date(vals.get("date_deadline"))
                vals["is_quarter_manual"] = self._is_manual_quarter(
                    vals["quarter"], deadline
                )
        return super().create(vals_list)

    def write(self, vals):
        self._check_input_values([vals])
        if "quarter" not in vals:
            return super().write(vals)
        new_deadline = fields.Date.to_date(vals.get("date_deadline"))
        manual = self.filtered(
            lambda task: self._is_manual_quarter(
                vals["quarter"],
                new_deadline if "date_deadline" in vals else task.date_deadline,
            )
        )
        for tasks, is_manual in ((manual, True), (self - manual, False)):
            if tasks:
                super(TdktPlanTask, tasks).write(
                    {**vals, "is_quarter_manual": is_manual}
                )
        return True

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_start(self):
        self._check_start()
        self._write_step({"state": "in_progress"}, audit=self.env._("Task started."))

    def action_done(self):
        self._check_done()
        self._write_step(
            {"state": "done", "date_done": fields.Date.context_today(self)},
            audit=self.env._("Task done."),
        )
        self._activity_update()

    def action_cancel(self):
        self._check_cancel()
        self._write_step({"state": "cancelled"}, audit=self.env._("Task cancelled."))
        self._activity_update()

    def action_reset(self):
        self._check_reset()
        self._write_step(
            {"state": "todo", "date_done": False},
            audit=self.env._("Task reset to To Do."),
        )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    @api.model
    def _get_current_plan_action(self):
        """The tasks by quarter of the plan of the year: this year's approved plan, else the
        latest approved one (in January the Office still closes last year's). The search
        panel selects the plan and a filter keeps its year, so that one year's tasks never
        mix with another's."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_plan_task_action"
        )
        year = fields.Date.context_today(self).year
        Plan = self.env["tdkt.plan"]
        plan = Plan.search(
            [("state", "=", "approved"), ("year", "=", year)], limit=1
        ) or Plan.search([("state", "=", "approved"), ("year", "<", year)], limit=1)
        action["context"] = {"search_default_year": plan.year or year}
        if plan:
            action["context"]["searchpanel_default_plan_id"] = plan.id
        return action

    @api.model
    def _is_manual_quarter(self, quarter, deadline):
        """Tell whether ``quarter`` was chosen by hand: it differs from the deadline's."""
        return bool(quarter and deadline) and quarter != quarter_of(deadline)

    def _get_short_name(self):
        """The task's content, shortened to name it in a message."""
        self.ensure_one()
        return shorten(self.name or "", width=60, placeholder=" [...]")

    def _prepare_next_year_vals(self, plan):
        """Values of copies of these tasks in ``plan``, dates moved one year later."""
        vals_list = self.copy_data({"plan_id": plan.id})
        for task, vals in zip(self, vals_list, strict=False):
            vals.update(
                date_deadline=shift_years(task.date_deadline), quarter=task.quarter
            )
        return vals_list

    def _get_printed_units(self):
        """The lines of the column ĐƠN VỊ THỰC HIỆN of the printed plan."""
        self.ensure_one()
        if self.units_note and self.units_note.strip():
            return [
                line.strip() for line in self.units_note.splitlines() if line.strip()
            ]
        names = (self.lead_unit_id | self.participant_unit_ids).mapped("name")
        return [f"{names[0]}."] if len(names) == 1 else [f"- {name}." for name in names]

    def _activity_update(self):
        """Remove the reminders and overdue flags of the tasks that are closed, or whose plan
        no longer runs: nobody is to be reminded of them any more."""
        self.filtered(
            lambda task: task.state in ("done", "cancelled")
            or task.plan_id.state != "approved"
        )._close_reminders()

    def _get_reminder_deadline(self):
        return self.date_deadline

    def _get_reminder_activity_types(self):
        return [
            *super()._get_reminder_activity_types(),
            "tdkt_emulation.mail_act_tdkt_task_overdue",
        ]

    def _get_reminder_users(self):
        return (
            self.user_ids
            or self._get_unit_head_user(self.lead_unit_id)
            or self.plan_id.user_id
        )

    @api.model
    def _get_reminder_domain(self, today):
        return [
            ("state", "in", ("todo", "in_progress")),
            ("plan_id.state", "=", "approved"),
            ("date_deadline", ">=", today),
        ]

    def _get_reminder_note(self, days_left):
        return self.env._(
            "Task %(number)s of plan %(plan)s is due in %(days)s day(s).",
            number=self.sequence,
            plan=self.plan_id.display_name,
            days=days_left,
        )

    @api.model
    def _flag_overdue_tasks(self):
        """Schedule one "overdue" activity on each overdue task of an approved plan.

        :return: (tasks flagged, overdue tasks still to flag)
        """
        domain = [
            ("is_overdue", "=", True),
            ("is_overdue_notified", "=", False),
            ("plan_id.state", "=", "approved"),
        ]
        tasks = self.search(
            domain, limit=self._reminder_batch_size, order="date_deadline, id"
        )
        activity_type = self.env.ref("tdkt_emulation.mail_act_tdkt_task_overdue")
        today = fields.Date.context_today(self)
        to_create = []
        for task in tasks:
            try:
                note = self.env._(
                    "The deadline %(deadline)s has passed.",
                    deadline=task.date_deadline.strftime("%d/%m/%Y"),
                )
                users = task._get_reminder_users()
            except Exception:
                _logger.exception("Overdue flag failed for %s; passed over", task)
                continue
            to_create += [
                task._prepare_reminder_activity(activity_type, today, note, user)
                for user in users
            ]
        self._schedule_reminder_activities(to_create)
        tasks._write_step({"is_overdue_notified": True})
        remaining = (
            self.search_count(domain) if len(tasks) == self._reminder_batch_size else 0
        )
        return len(tasks), remaining

    # ------------------------------------------------------------
    # STEPS
    # ------------------------------------------------------------

    def _check_state_in(self, states):
        if any(task.state not in states for task in self):
            raise UserError(
                self.env._("This action is not possible in the task's current state.")
            )

    def _check_open_plan(self):
        if any(task.plan_id.state == "done" for task in self):
            raise UserError(self.env._("The tasks of a closed plan are read-only."))

    def _check_edit(self):
        """The Office changes a task of an open plan."""
        self._check_open_plan()
        self._require(
            "officer",
            self.env._(
                "Only the Office can change a task's content, units, deadline or quarter."
            ),
        )

    def _check_edit_vals(self, vals):
        """The people of the task's units write its progress, the Office the rest."""
        if set(vals) - PROGRESS_FIELDS - self._get_chatter_fields():
            self._check_edit()
        elif set(vals) & PROGRESS_FIELDS:
            self._check_open_plan()

    def _check_create(self):
        self._check_edit()

    def _check_start(self):
        """The people of the task's units (record rules) start a task to do."""
        self._check_open_plan()
        self.check_access("write")
        self._check_state_in(("todo",))

    def _check_close_step(self, states):
        self._check_open_plan()
        self._require(
            "unit_manager", self.env._("Only the unit's head can close a task.")
        )
        self.check_access("write")
        self._check_state_in(states)

    def _check_done(self):
        """The head of the task's unit, or the Office, marks an open task done."""
        self._check_close_step(("todo", "in_progress"))

    def _check_cancel(self):
        """The head of the task's unit, or the Office, cancels an open task."""
        self._check_close_step(("todo", "in_progress"))

    def _check_reset(self):
        """The head of the task's unit, or the Office, reopens a done or cancelled task."""
        self._check_close_step(("done", "cancelled"))

    # ------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------

    @api.model
    def _cron_send_deadline_reminders(self):
        reminded, to_remind = self._process_deadline_reminders()
        flagged, to_flag = self._flag_overdue_tasks()
        self.env["ir.cron"]._notify_progress(
            done=reminded + flagged, remaining=to_remind + to_flag
        )
