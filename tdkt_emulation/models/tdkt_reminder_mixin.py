import logging
from collections import defaultdict

from odoo import api, fields, models

from ..lib.reminders import next_reminder_date, reminder_stage

_logger = logging.getLogger(__name__)


class TdktReminderMixin(models.AbstractModel):
    """Records reminded as their deadline draws near, through ``mail.activity``.

    ``date_next_reminder`` is when the next reminder is due; the daily cron takes the
    records whose date has come, in batches, schedules (or moves) one activity per person
    to remind, and sets the date of the following reminder. A record that fails is logged
    and passed over until its next reminder; the others still get theirs.

    Models using it define ``_get_reminder_deadline``, ``_get_reminder_users`` and
    ``_get_reminder_domain``, and the dependencies of ``_compute_date_next_reminder``; each
    transition that makes the reminders pointless (done, cancelled, submitted...) calls
    ``_close_reminders``, and ``_get_reminder_domain`` keeps the cron from reminding again.
    """

    _name = "tdkt.reminder.mixin"
    _description = "Deadline Reminders"
    _reminder_batch_size = 200
    # The res.company field holding the days before the deadline to remind on.
    _reminder_days_field = None
    # The xmlid of the mail.activity.type of the reminders.
    _reminder_activity_type = None

    date_next_reminder = fields.Date(
        "Next Reminder",
        compute="_compute_date_next_reminder",
        store=True,
        readonly=False,
        index=True,
        copy=False,
    )

    def _compute_date_next_reminder(self):
        for record in self:
            record.date_next_reminder = next_reminder_date(
                record._get_reminder_deadline(), record._get_reminder_days()
            )

    def _get_reminder_days(self):
        self.ensure_one()
        return self.company_id._get_tdkt_reminder_days(self._reminder_days_field)

    def _get_reminder_deadline(self):
        raise NotImplementedError

    def _get_reminder_users(self):
        raise NotImplementedError

    @api.model
    def _get_reminder_domain(self, today):
        """The records that still need reminders of a deadline on or after ``today``."""
        raise NotImplementedError

    def _get_reminder_note(self, days_left):
        return self.env._("Deadline in %(days)s day(s).", days=days_left)

    def _get_reminder_activity_types(self):
        """The xmlids of the activity types a closed record no longer needs."""
        return [self._reminder_activity_type]

    def _close_reminders(self):
        """Remove the pending reminders of these records, as ``maintenance`` removes the
        activity of a request that is no longer scheduled. Whoever made the step that closes
        them may not see every person's activity: the reminders are the system's own."""
        if self:
            self.sudo().activity_unlink(self._get_reminder_activity_types())

    # ------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------

    @api.model
    def _cron_send_deadline_reminders(self):
        done, remaining = self._process_deadline_reminders()
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)

    @api.model
    def _process_deadline_reminders(self):
        """Remind one batch of the records whose reminder is due.

        :return: (records processed, records still due)
        """
        today = fields.Date.context_today(self)
        domain = [
            *self._get_reminder_domain(today),
            ("date_next_reminder", "<=", today),
        ]
        records = self.search(
            domain, limit=self._reminder_batch_size, order="date_next_reminder, id"
        )
        activity_type = self.env.ref(self._reminder_activity_type)
        open_activities = {
            (activity.res_id, activity.user_id): activity
            for activity in self.env["mail.activity"].search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", records.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        }
        to_create, to_move = [], defaultdict(lambda: self.env["mail.activity"])
        for record in records:
            deadline = record._get_reminder_deadline()
            days = record._get_reminder_days()
            days_left = (deadline - today).days if deadline else None
            stage = reminder_stage(days_left, days) if deadline else None
            if stage is not None:
                try:
                    note = record._get_reminder_note(days_left)
                    users = record._get_reminder_users()
                except Exception:
                    _logger.exception(
                        "Deadline reminder failed for %s; passed over", record
                    )
                    users = ()
                for user in users:
                    if activity := open_activities.get((record.id, user)):
                        to_move[deadline, note] |= activity
                    else:
                        to_create.append(
                            record._prepare_reminder_activity(
                                activity_type, deadline, note, user
                            )
                        )
            record.date_next_reminder = (
                next_reminder_date(deadline, days, stage)
                if stage is not None
                else False
            )
        for (deadline, note), activities in to_move.items():
            activities.write({"date_deadline": deadline, "note": note})
        self._schedule_reminder_activities(to_create)
        remaining = (
            self.search_count(domain)
            if len(records) == self._reminder_batch_size
            else 0
        )
        return len(records), remaining

    def _prepare_reminder_activity(self, activity_type, deadline, note, user):
        """The values of an activity of ``activity_type`` for ``user`` on this record, as
        ``activity_schedule`` would write them."""
        self.ensure_one()
        return {
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "activity_type_id": activity_type.id,
            "summary": activity_type.summary,
            "automated": True,
            "date_deadline": deadline,
            "note": note,
            "user_id": user.id,
        }

    @api.model
    def _schedule_reminder_activities(self, vals_list):
        """Create the reminders in one batch. They are to-dos in each person's activities,
        without the "assigned to you" e-mail Odoo sends one by one: a unit head would get
        one e-mail per task and reminder day, and the cron one message per activity."""
        return (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )
