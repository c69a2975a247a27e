import logging

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
    ``_get_reminder_domain``, and the dependencies of ``_compute_date_next_reminder``.
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
        domain = [*self._get_reminder_domain(today), ("date_next_reminder", "<=", today)]
        records = self.search(domain, limit=self._reminder_batch_size, order="date_next_reminder, id")
        for record in records:
            stage = None
            try:
                with self.env.cr.savepoint():
                    stage = record._send_deadline_reminder(today)
            except Exception:
                _logger.exception("Deadline reminder failed for %s; passed over", record)
            deadline = record._get_reminder_deadline()
            days = record._get_reminder_days()
            if stage is None:
                stage = reminder_stage((deadline - today).days, days) if deadline else None
            record.date_next_reminder = (
                next_reminder_date(deadline, days, stage) if stage is not None else False
            )
        remaining = self.search_count(domain) if len(records) == self._reminder_batch_size else 0
        return len(records), remaining

    def _send_deadline_reminder(self, today):
        """Schedule, or move, the reminder activity of each person to remind.

        :return: the reminder stage sent (days before the deadline), or None
        """
        self.ensure_one()
        deadline = self._get_reminder_deadline()
        days_left = (deadline - today).days if deadline else -1
        stage = reminder_stage(days_left, self._get_reminder_days())
        if stage is None:
            return None
        activity_type = self.env.ref(self._reminder_activity_type)
        note = self._get_reminder_note(days_left)
        open_activities = self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        for user in self._get_reminder_users():
            activity = open_activities.filtered(lambda a, user=user: a.user_id == user)
            if activity:
                activity.write({"date_deadline": deadline, "note": note})
            else:
                self.activity_schedule(
                    self._reminder_activity_type, date_deadline=deadline, note=note, user_id=user.id
                )
        return stage
