from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.dates import document_date, shift_years

# Days after the registration deadline during which the Office is still told of missing forms.
MISSING_REGISTRATIONS_WINDOW = 30


class TdktPlan(models.Model):
    """A yearly emulation and commendation plan (Kế hoạch công tác thi đua, khen thưởng).

    Access:

    ============  ====  ========================  =======================
    group         read  edit                      state
    ============  ====  ========================  =======================
    User          yes   no                        no
    Unit manager  yes   no                        no
    Officer       yes   draft and approved plans  close (done)
    Manager       yes   draft and approved plans  approve, reset to draft
    ============  ====  ========================  =======================

    A closed plan is read-only to everyone until a Manager resets it to draft.
    """

    _name = "tdkt.plan"
    _description = "Emulation Plan"
    _inherit = [
        "tdkt.input.mixin",
        "tdkt.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "year desc, id desc"
    _check_company_auto = True
    _tdkt_steps = ("edit", "approve", "close", "reset")
    _tdkt_step_fields = (
        "state",
        "approved_by_id",
        "date_approved",
        "is_missing_registrations_notified",
    )

    # ------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------

    name = fields.Char("Plan Title", required=True, tracking=True)
    number = fields.Char(
        tracking=True, copy=False, help="Document number, e.g. 03/KH-SNV."
    )
    year = fields.Integer(
        required=True,
        index=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).year,
    )
    date_issue = fields.Date("Issue Date", tracking=True)
    place_issue = fields.Char("Place of Issue")
    document_date = fields.Char(
        "Place and Date",
        compute="_compute_document_date",
        help="The place and date line of the document, as printed on it.",
    )
    signer_id = fields.Many2one("hr.employee", "Signed By", check_company=True)
    signer_position = fields.Char("Signer's Position")
    legal_basis = fields.Html("Legal Bases")
    purpose = fields.Html("Purposes")
    requirement = fields.Html("Requirements")
    solution = fields.Html("Main Solutions")
    implementation = fields.Html("Organisation of Implementation")
    recipients = fields.Text(
        help='The lines of "Nơi nhận" at the foot of the printed plan, one per line.'
    )
    date_registration_deadline = fields.Date(
        "Registration Deadline",
        tracking=True,
        help="Units register the emulation titles of the unit and of its people before this date.",
    )
    user_id = fields.Many2one(
        "res.users",
        "Responsible Officer",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
        help="The officer of the Office who follows the plan and receives its alerts.",
    )
    registration_unit_ids = fields.Many2many(
        "hr.department",
        "tdkt_plan_registration_unit_rel",
        "plan_id",
        "department_id",
        "Registering Units",
        check_company=True,
        help="The units that register emulation titles for this plan; leave empty for every "
        "unit of the company that registers emulation titles (a box on the department).",
    )
    registration_expected_unit_ids = fields.Many2many(
        "hr.department",
        compute="_compute_registration_expected_unit_ids",
        string="Units Receiving a Form",
        help="The units that get a draft registration form when the plan is approved: the "
        "registering units, or else every active unit of the company that registers emulation titles.",
    )
    registration_ids = fields.One2many("tdkt.registration", "plan_id", "Registrations")
    registration_count = fields.Integer(compute="_compute_registration_count")
    is_missing_registrations_notified = fields.Boolean(copy=False)
    task_ids = fields.One2many("tdkt.plan.task", "plan_id", "Tasks")
    movement_ids = fields.One2many("tdkt.movement", "plan_id", "Regular Movement")
    origin_plan_id = fields.Many2one(
        "tdkt.plan",
        "Copied From",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The plan of the previous year this plan was copied from.",
    )
    task_past_year_count = fields.Integer(
        "Tasks Mentioning Last Year",
        compute="_compute_task_past_year_count",
        help="Tasks copied from last year's plan whose text still mentions last year.",
    )
    task_count = fields.Integer(compute="_compute_task_counts")
    task_done_count = fields.Integer(compute="_compute_task_counts")
    task_due_count = fields.Integer("Tasks Due", compute="_compute_task_counts")
    task_overdue_count = fields.Integer(compute="_compute_task_counts")
    # The Office's dashboard
    registration_expected_count = fields.Integer(
        "Units Expected",
        compute="_compute_registration_progress",
        groups="tdkt_emulation.group_tdkt_officer",
    )
    registration_submitted_count = fields.Integer(
        "Forms Submitted",
        compute="_compute_registration_progress",
        groups="tdkt_emulation.group_tdkt_officer",
    )
    registration_received_count = fields.Integer(
        "Forms Received",
        compute="_compute_registration_progress",
        groups="tdkt_emulation.group_tdkt_officer",
    )
    proposal_count = fields.Integer(
        "Titles Proposed",
        compute="_compute_proposal_counts",
        groups="tdkt_emulation.group_tdkt_officer",
    )
    proposal_summary = fields.Char(
        "Titles Proposed by Level",
        compute="_compute_proposal_counts",
        groups="tdkt_emulation.group_tdkt_officer",
    )
    initiative_count = fields.Integer(
        "Initiatives",
        compute="_compute_initiative_counts",
        groups="tdkt_emulation.group_tdkt_officer",
        help="The initiatives of the plan's year.",
    )
    initiative_recognized_count = fields.Integer(
        "Initiatives Recognized",
        compute="_compute_initiative_counts",
        groups="tdkt_emulation.group_tdkt_officer",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("done", "Closed")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
    )
    approved_by_id = fields.Many2one("res.users", "Approver", readonly=True, copy=False)
    date_approved = fields.Datetime("Approved On", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    can_edit = fields.Boolean(compute="_compute_can_steps")
    can_approve = fields.Boolean(compute="_compute_can_steps")
    can_close = fields.Boolean(compute="_compute_can_steps")
    can_reset = fields.Boolean(compute="_compute_can_steps")

    @api.depends("task_ids.state", "task_ids.date_deadline")
    def _compute_task_counts(self):
        Task = self.env["tdkt.plan.task"]
        totals, by_state = defaultdict(int), defaultdict(int)
        for plan, state, count in Task._read_group(
            [("plan_id", "in", self.ids)], ["plan_id", "state"], ["__count"]
        ):
            totals[plan] += count
            by_state[plan, state] = count
        overdue = dict(
            Task._read_group(
                [("plan_id", "in", self.ids), ("is_overdue", "=", True)],
                ["plan_id"],
                ["__count"],
            )
        )
        for plan in self:
            plan.task_count = totals[plan]
            plan.task_done_count = by_state[plan, "done"]
            plan.task_overdue_count = overdue.get(plan, 0)
            plan.task_due_count = (
                by_state[plan, "todo"]
                + by_state[plan, "in_progress"]
                - plan.task_overdue_count
            )

    @api.depends("task_ids.has_past_year")
    def _compute_task_past_year_count(self):
        for plan in self:
            plan.task_past_year_count = len(plan.task_ids.filtered("has_past_year"))

    @api.depends("registration_ids.state", "registration_unit_ids")
    def _compute_registration_progress(self):
        counts = {
            plan: (expected, submitted, received)
            for plan, expected, submitted, received in self.env[
                "tdkt.registration.analysis"
            ]._read_group(
                [("plan_id", "in", self.ids)],
                ["plan_id"],
                ["expected_count:sum", "submitted_count:sum", "received_count:sum"],
            )
        }
        for plan in self:
            (
                plan.registration_expected_count,
                plan.registration_submitted_count,
                plan.registration_received_count,
            ) = counts.get(plan, (0, 0, 0))

    @api.depends("registration_unit_ids", "company_id")
    def _compute_registration_expected_unit_ids(self):
        for plan in self:
            plan.registration_expected_unit_ids = plan._get_registration_units()

    @api.depends("registration_ids.line_ids.title_id")
    def _compute_proposal_counts(self):
        by_level = defaultdict(dict)
        for plan, level, count in self.env["tdkt.registration.line"]._read_group(
            [("plan_id", "in", self.ids)], ["plan_id", "title_level"], ["__count"]
        ):
            by_level[plan][level] = count
        level_names = dict(
            self.env["tdkt.title"]._fields["level"]._description_selection(self.env)
        )
        for plan in self:
            counts = by_level[plan]
            plan.proposal_count = sum(counts.values())
            plan.proposal_summary = " · ".join(
                f"{level_names[level]} {counts[level]}"
                for level in level_names
                if counts.get(level)
            )

    @api.depends("year", "company_id")
    def _compute_initiative_counts(self):
        totals, recognized = defaultdict(int), defaultdict(int)
        for year, company, state, count in self.env["tdkt.initiative"]._read_group(
            [
                ("year", "in", self.mapped("year")),
                ("company_id", "in", self.company_id.ids),
            ],
            ["year", "company_id", "state"],
            ["__count"],
        ):
            totals[year, company] += count
            if state == "recognized":
                recognized[year, company] = count
        for plan in self:
            plan.initiative_count = totals[plan.year, plan.company_id]
            plan.initiative_recognized_count = recognized[plan.year, plan.company_id]

    @api.depends("place_issue", "date_issue")
    def _compute_document_date(self):
        for plan in self:
            plan.document_date = document_date(plan.place_issue, plan.date_issue)

    @api.depends("registration_ids")
    def _compute_registration_count(self):
        counts = dict(
            self.env["tdkt.registration"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.registration_count = counts.get(plan, 0)

    @api.depends("number", "name")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = " - ".join(
                part for part in (plan.number, plan.name) if part
            )

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    _sql_constraints = [
        (
            "number_year_company_uniq",
            "UNIQUE(number, year, company_id)",
            "The company already has a plan of this number for this year.",
        ),
    ]

    @api.constrains("year")
    def _check_year(self):
        for plan in self:
            if not 1900 <= plan.year <= 2999:
                raise ValidationError(
                    self.env._(
                        "The year of a plan must be between 1900 and 2999, not %(year)s.",
                        year=plan.year,
                    )
                )
        self.task_ids._check_deadline_in_plan_year()

    @api.constrains("date_registration_deadline", "year", "date_issue")
    def _check_registration_deadline(self):
        for plan in self:
            deadline = plan.date_registration_deadline
            if not deadline:
                continue
            if not (
                deadline.year == plan.year
                or (deadline.year == plan.year + 1 and deadline.month == 1)
            ):
                raise ValidationError(
                    self.env._(
                        "The registration deadline %(deadline)s of %(plan)s must fall in %(year)s or in "
                        "January %(next_year)s.",
                        deadline=deadline.strftime("%d/%m/%Y"),
                        plan=plan.display_name,
                        year=plan.year,
                        next_year=plan.year + 1,
                    )
                )
            if plan.date_issue and deadline <= plan.date_issue:
                raise ValidationError(
                    self.env._(
                        "The registration deadline %(deadline)s of %(plan)s must come after the plan's issue "
                        "date %(issue)s.",
                        deadline=deadline.strftime("%d/%m/%Y"),
                        plan=plan.display_name,
                        issue=plan.date_issue.strftime("%d/%m/%Y"),
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        if any(plan.state != "draft" for plan in self):
            raise UserError(self.env._("Only draft plans can be deleted."))

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_approve(self):
        self._check_approve()
        self._write_step(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "date_approved": fields.Datetime.now(),
            },
            audit=self.env._("Plan approved."),
        )
        self._create_registrations()

    def action_done(self):
        self._check_close()
        self._write_step({"state": "done"}, audit=self.env._("Plan closed."))
        self._activity_update()

    def action_reset_to_draft(self):
        self._check_reset()
        self._write_step(
            {"state": "draft", "approved_by_id": False, "date_approved": False},
            audit=self.env._("Plan reset to draft."),
        )
        self._activity_update()

    def action_copy_to_next_year(self):
        new_plans = self.copy_to_next_year()
        action = {
            "type": "ir.actions.act_window",
            "res_model": "tdkt.plan",
            "name": self.env._("Plans"),
        }
        if len(new_plans) == 1:
            return {**action, "view_mode": "form", "res_id": new_plans.id}
        return {
            **action,
            "view_mode": "list,form",
            "domain": [("id", "in", new_plans.ids)],
        }

    def action_launch_movement(self):
        """The plan launches the year's regular movement (one per plan): made from the
        plan (its number and date are the launching decision's, its units take part) and
        launched, or opened when it exists."""
        self.ensure_one()
        self._require(
            "officer", self.env._("Only the Office manages emulation movements.")
        )
        movement = self.movement_ids[:1]
        if not movement:
            if self.state != "approved":
                raise UserError(
                    self.env._("The plan launches its movement once it is approved.")
                )
            movement = self.env["tdkt.movement"].create(self._prepare_movement_vals())
            movement.action_launch()
        return movement._get_form_action()

    def action_view_movement(self):
        self.ensure_one()
        return self.movement_ids[:1]._get_form_action()

    def _prepare_movement_vals(self):
        self.ensure_one()
        return {
            "name": self.env._("Emulation movement of %(year)s", year=str(self.year)),
            "company_id": self.company_id.id,
            "plan_id": self.id,
            "method": "regular",
            "launch_level": "agency",
            "scope": "agency",
            "decision_number": self.number,
            "decision_date": self.date_issue,
            "decision_authority": self.company_id.name,
            "date_start": date(self.year, 1, 1),
            "date_end": date(self.year, 12, 31),
            "unit_ids": [fields.Command.set(self.registration_unit_ids.ids)],
        }

    def action_create_registrations(self):
        self._require(
            "officer", self.env._("Only the Office can create registration forms.")
        )
        self._create_registrations()
        return self.action_view_registrations()

    def action_view_registrations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_registration_action"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_plan_id": self.id}
        return action

    def action_export_registrations(self):
        return self.registration_ids.action_export_xlsx()

    def action_view_tasks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_plan_task_action"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {
            "default_plan_id": self.id,
            "search_default_plan_id": self.id,
        }
        return action

    def action_open_task_analysis(self):
        return self._get_dashboard_action(
            "tdkt_emulation.tdkt_plan_task_analysis_action"
        )

    def action_open_registration_analysis(self):
        return self._get_dashboard_action(
            "tdkt_emulation.tdkt_registration_analysis_action"
        )

    def action_open_proposal_analysis(self):
        return self._get_dashboard_action(
            "tdkt_emulation.tdkt_registration_line_action_by_level"
        )

    def action_open_initiative_analysis(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_initiative_action_analysis"
        )
        action["domain"] = [
            ("year", "=", self.year),
            ("company_id", "=", self.company_id.id),
        ]
        action["display_name"] = self.env._("Initiatives of %(year)s", year=self.year)
        return action

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def copy_to_next_year(self):
        """Create, for each plan, a draft plan of the following year with every task,
        each date moved one year later (29 February becomes 28 February). The tasks' text
        is copied as it is: the years it mentions are not rewritten, and the new plan flags
        the tasks that mention the previous year (``has_past_year``). A plan is copied to
        the next year once.

        :return: the new plans
        """
        self._require(
            "officer", self.env._("Only the Office can copy a plan to the next year.")
        )
        copies = self.search([("origin_plan_id", "in", self.ids)])
        for plan in self:
            existing = copies.filtered(
                lambda other, plan=plan: other.origin_plan_id == plan
                and other.year == plan.year + 1
            )
            if existing:
                raise UserError(
                    self.env._(
                        "%(plan)s was already copied to the plan of %(year)s: %(copy)s. Open that plan, "
                        "or delete it to copy again.",
                        plan=plan.display_name,
                        year=plan.year + 1,
                        copy=existing[0].display_name,
                    )
                )
        new_plans = self.env["tdkt.plan"]
        for plan in self:
            new_plan = plan.copy(plan._prepare_next_year_vals())
            self.env["tdkt.plan.task"].create(
                plan.task_ids._prepare_next_year_vals(new_plan)
            )
            plan.message_post(
                body=self.env._("Copied to the plan of %(year)s.", year=new_plan.year)
            )
            new_plans |= new_plan
        return new_plans

    def _prepare_next_year_vals(self):
        self.ensure_one()
        year = self.year + 1
        return {
            "year": year,
            "origin_plan_id": self.id,
            "name": self.name.replace(str(self.year), str(year)),
            "date_issue": shift_years(self.date_issue),
            "date_registration_deadline": shift_years(self.date_registration_deadline),
        }

    def _activity_update(self):
        """A plan that no longer runs (closed, or back to draft) reminds nobody: remove the
        reminders of its tasks and forms and the Office's list of missing forms."""
        stopped = self.filtered(lambda plan: plan.state != "approved")
        stopped.task_ids._activity_update()
        stopped.registration_ids._activity_update()
        if stopped:
            stopped.sudo().activity_unlink(
                ["tdkt_emulation.mail_act_tdkt_registration_missing"]
            )

    def _get_dashboard_action(self, xml_id):
        """The analysis ``xml_id`` of this plan, as the dashboard's figures open it."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xml_id)
        action["domain"] = [("plan_id", "=", self.id)]
        action["display_name"] = f"{action['name']} - {self.display_name}"
        return action

    def _get_registration_units(self):
        """The units expected to register for this plan: its registering units, or else the
        active units of its company that register emulation titles."""
        self.ensure_one()
        if self.registration_unit_ids:
            return self.registration_unit_ids
        return self.env["hr.department"].search(
            [
                ("company_id", "in", (self.company_id.id, False)),
                ("tdkt_registers", "=", True),
            ]
        )

    def _create_registrations(self):
        """Create the draft registration form of every expected unit that has none."""
        vals_list = []
        for plan in self:
            existing = plan.registration_ids.unit_id
            vals_list += [
                {"plan_id": plan.id, "unit_id": unit.id}
                for unit in plan._get_registration_units() - existing
            ]
        return self.env["tdkt.registration"].sudo().create(vals_list)

    # ------------------------------------------------------------
    # STEPS
    # ------------------------------------------------------------

    def _check_state_group(self, state, group):
        self._require(
            group,
            self.env._(
                "You are not allowed to set plans to the state %(state)s.",
                state=dict(self._fields["state"]._description_selection(self.env))[
                    state
                ],
            ),
        )

    def _check_edit(self):
        """The Office edits draft and approved plans, a Manager too; a closed plan is
        read-only to everyone until a Manager resets it."""
        if any(plan.state == "done" for plan in self):
            raise UserError(
                self.env._(
                    "A closed plan is read-only; a Manager can reset it to draft first."
                )
            )
        self._require("officer", self.env._("Only the Office can change a plan."))

    def _check_approve(self):
        """A Manager approves a draft plan."""
        self._check_state_group("approved", "manager")
        if any(plan.state != "draft" for plan in self):
            raise UserError(self.env._("Only draft plans can be approved."))

    def _check_close(self):
        """The Office closes an approved plan."""
        self._check_state_group("done", "officer")
        if any(plan.state != "approved" for plan in self):
            raise UserError(self.env._("Only approved plans can be closed."))

    def _check_reset(self):
        """A Manager resets an approved or closed plan to draft."""
        self._check_state_group("draft", "manager")
        if any(plan.state == "draft" for plan in self):
            raise UserError(self.env._("This plan is already a draft."))

    # ------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------

    @api.model
    def _cron_notify_missing_registrations(self):
        """The day after the registration deadline, give the plan's officer one activity
        listing the units that have not submitted their form."""
        today = fields.Date.context_today(self)
        plans = self.search(
            [
                ("state", "=", "approved"),
                ("is_missing_registrations_notified", "=", False),
                ("date_registration_deadline", "<", today),
                (
                    "date_registration_deadline",
                    ">=",
                    today - relativedelta(days=MISSING_REGISTRATIONS_WINDOW),
                ),
            ]
        )
        for plan in plans:
            missing = plan.registration_ids.filtered(
                lambda r: r.state == "draft"
            ).unit_id
            missing |= plan._get_registration_units() - plan.registration_ids.unit_id
            if missing and plan.user_id:
                plan.activity_schedule(
                    "tdkt_emulation.mail_act_tdkt_registration_missing",
                    date_deadline=today,
                    note=Markup("<p>%s</p><ul>%s</ul>")
                    % (
                        self.env._(
                            "%(count)s unit(s) have not submitted their registration of emulation titles:",
                            count=len(missing),
                        ),
                        Markup().join(
                            Markup("<li>%s</li>") % unit.display_name
                            for unit in missing.sorted("complete_name")
                        ),
                    ),
                    user_id=plan.user_id.id,
                )
        plans._write_step({"is_missing_registrations_notified": True})
        self.env["ir.cron"]._notify_progress(done=len(plans), remaining=0)
