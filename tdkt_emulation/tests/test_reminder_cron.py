from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestReminderCron(TdktCommon):
    """Daily crons run under a frozen clock. Deadlines: task A 15/02, task A1 15/05,
    task B 15/08, registrations 30/01 (2030). Reminders 7 and 1 days before."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.task_a.user_ids = cls.user_a
        cls._approve_plan()
        cls.unit_b.manager_id = cls.employee_b
        cls.plan.user_id = cls.officer
        cls.Task = cls.env["tdkt.plan.task"]

    def _activities(self, records, xmlid):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("activity_type_id", "=", self.env.ref(xmlid).id),
            ]
        )

    def _run_task_cron(self, day):
        with freeze_time(day):
            self.Task._cron_send_deadline_reminders()

    def test_task_reminders_are_sent_once_per_stage(self):
        kind = "tdkt_emulation.mail_act_tdkt_task_reminder"
        self._run_task_cron("2030-02-07")  # 8 days before task A
        self.assertFalse(self._activities(self.task_a, kind))
        self._run_task_cron("2030-02-08")
        self._run_task_cron("2030-02-08")
        reminder = self._activities(self.task_a, kind)
        self.assertEqual(len(reminder), 1, "running twice never duplicates an activity")
        self.assertEqual(
            reminder.user_id, self.user_a, "the responsible user is reminded"
        )
        self.assertEqual(reminder.date_deadline, date(2030, 2, 15))
        self._run_task_cron("2030-02-10")
        self.assertEqual(len(self._activities(self.task_a, kind)), 1)
        self._run_task_cron("2030-02-14")
        self.assertEqual(
            len(self._activities(self.task_a, kind)),
            1,
            "the 1-day reminder moves the open one",
        )
        self.assertFalse(self.task_a.date_next_reminder)

    def test_reminder_goes_to_the_lead_units_head_without_responsible_users(self):
        self._run_task_cron("2030-05-10")
        reminder = self._activities(
            self.task_a1, "tdkt_emulation.mail_act_tdkt_task_reminder"
        )
        self.assertEqual(reminder.user_id, self.head_a)

    def test_missed_days_are_caught_up_once(self):
        self._run_task_cron("2030-02-12")  # the scheduler was down on the 8th
        self.assertEqual(
            len(
                self._activities(
                    self.task_a, "tdkt_emulation.mail_act_tdkt_task_reminder"
                )
            ),
            1,
        )
        self.assertEqual(self.task_a.date_next_reminder, date(2030, 2, 14))

    def test_no_reminder_for_done_tasks_or_draft_plans(self):
        self.task_a.with_user(self.head_a).action_done()
        self._run_task_cron("2030-02-10")
        self.assertFalse(
            self._activities(self.task_a, "tdkt_emulation.mail_act_tdkt_task_reminder")
        )
        draft_plan = self.env["tdkt.plan"].create({"name": "Draft", "year": 2030})
        draft_task = self.env["tdkt.plan.task"].create(
            {
                "plan_id": draft_plan.id,
                "name": "Draft task",
                "date_deadline": date(2030, 2, 15),
                "user_ids": [(6, 0, self.user_a.ids)],
            }
        )
        self._run_task_cron("2030-02-10")
        self.assertFalse(
            self._activities(draft_task, "tdkt_emulation.mail_act_tdkt_task_reminder")
        )

    def test_moving_the_deadline_restarts_the_reminders(self):
        self._run_task_cron("2030-02-14")
        self.assertFalse(self.task_a.date_next_reminder)
        with freeze_time("2030-02-14"):
            self.task_a.date_deadline = date(2030, 3, 31)
        self.assertEqual(self.task_a.date_next_reminder, date(2030, 3, 24))

    def test_overdue_tasks_are_flagged_once(self):
        kind = "tdkt_emulation.mail_act_tdkt_task_overdue"
        self._run_task_cron("2030-06-01")
        self._run_task_cron("2030-06-02")
        overdue = self._activities(self.task_a | self.task_a1 | self.task_b, kind)
        self.assertEqual(
            sorted(overdue.mapped("res_id")), sorted((self.task_a | self.task_a1).ids)
        )
        self.assertTrue(self.task_a.is_overdue_notified)
        self.assertFalse(self.task_b.is_overdue_notified)

    def test_a_broken_record_is_logged_and_skipped(self):
        Task = type(self.Task)
        get_users = Task._get_reminder_users

        def fail_for_task_a(task):
            if task == self.task_a:
                raise ValueError("broken record")
            return get_users(task)

        self.task_a1.date_deadline = date(2030, 2, 16)
        with (
            patch.object(Task, "_get_reminder_users", fail_for_task_a),
            mute_logger("odoo.addons.tdkt_emulation.models.tdkt_reminder_mixin"),
        ):
            self._run_task_cron("2030-02-10")
        kind = "tdkt_emulation.mail_act_tdkt_task_reminder"
        self.assertFalse(self._activities(self.task_a, kind))
        self.assertTrue(
            self._activities(self.task_a1, kind), "the others still get theirs"
        )
        self.assertEqual(
            self.task_a.date_next_reminder,
            date(2030, 2, 14),
            "passed over until its next reminder",
        )

    def test_batches_report_progress(self):
        self.patch(type(self.Task), "_reminder_batch_size", 1)
        self.task_a1.date_deadline = date(2030, 2, 16)
        with freeze_time("2030-02-10"):
            done, remaining = self.Task._process_deadline_reminders()
            self.assertEqual((done, remaining), (1, 1))
            done, remaining = self.Task._process_deadline_reminders()
            self.assertEqual((done, remaining), (1, 0))

    def test_the_cron_takes_the_same_queries_for_more_tasks(self):
        """Queries grow with the batches, not with the tasks: a reminder and an overdue
        flag for 3 tasks cost what they cost for 12 (the same people to remind)."""
        (self.task_a | self.task_a1 | self.task_b).action_cancel()
        heads = (self.user_a | self.head_a).ids

        def run(count):
            tasks = self.Task.create(
                [
                    {
                        "plan_id": self.plan.id,
                        "name": f"Task {index}",
                        "lead_unit_id": self.unit_a.id,
                        "user_ids": [(6, 0, heads)],
                        "date_deadline": date(2030, 3, 1 + index % 2 * 6),
                    }
                    for index in range(count)
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            with freeze_time("2030-03-06"):
                before = self.cr.sql_log_count
                self.Task._cron_send_deadline_reminders()
                self.env.flush_all()
                queries = self.cr.sql_log_count - before
            overdue = self._activities(
                tasks, "tdkt_emulation.mail_act_tdkt_task_overdue"
            )
            reminders = self._activities(
                tasks, "tdkt_emulation.mail_act_tdkt_task_reminder"
            )
            self.assertEqual(
                (len(overdue), len(reminders)),
                (count, count),
                "two people per task, half of each kind",
            )
            tasks.action_cancel()
            return queries

        run(2)  # warm the caches
        self.assertEqual(run(3 * 2), run(12 * 2))

    def test_registration_reminders_go_to_heads_of_units_that_have_not_submitted(self):
        kind = "tdkt_emulation.mail_act_tdkt_registration_reminder"
        Registration = self.env["tdkt.registration"]
        self.env["tdkt.registration.line"].create(
            {
                "registration_id": self.form_b.id,
                "employee_id": self.employee_b.id,
                "title_id": self.title_ldtt.id,
            }
        )
        with freeze_time("2030-01-20"):
            self.form_b.with_user(self.officer).action_submit()
        for day in ("2030-01-22", "2030-01-23", "2030-01-23"):
            with freeze_time(day):
                Registration._cron_send_deadline_reminders()
        reminders = self._activities(self.form_a | self.form_b, kind)
        self.assertEqual(reminders.res_id, self.form_a.id)
        self.assertEqual(reminders.user_id, self.head_a)
        with freeze_time("2030-01-29"):
            Registration._cron_send_deadline_reminders()
        self.assertEqual(len(self._activities(self.form_a, kind)), 1)

    def test_the_office_is_told_once_which_units_missed_the_deadline(self):
        kind = "tdkt_emulation.mail_act_tdkt_registration_missing"
        Plan = self.env["tdkt.plan"]
        with freeze_time("2030-01-30"):
            Plan._cron_notify_missing_registrations()
        self.assertFalse(
            self._activities(self.plan, kind), "not before the day after the deadline"
        )
        for day in ("2030-01-31", "2030-02-01"):
            with freeze_time(day):
                Plan._cron_notify_missing_registrations()
        activity = self._activities(self.plan, kind)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.officer)
        self.assertIn("Unit A", activity.note)
        self.assertIn("Unit B", activity.note)

    def test_closing_a_task_removes_its_reminders_for_good(self):
        reminder, overdue = (
            "tdkt_emulation.mail_act_tdkt_task_reminder",
            "tdkt_emulation.mail_act_tdkt_task_overdue",
        )
        self.task_a1.date_deadline = date(2030, 2, 16)
        self._run_task_cron("2030-02-10")
        self.assertTrue(self._activities(self.task_a, reminder))
        self.assertTrue(self._activities(self.task_a1, reminder))
        self.task_a.with_user(self.head_a).action_done()
        self.task_a1.with_user(self.head_a).action_cancel()
        self.assertFalse(
            self._activities(self.task_a | self.task_a1, reminder),
            "done and cancelled: no reminder left",
        )
        for day in ("2030-02-14", "2030-02-15", "2030-02-20"):
            self._run_task_cron(day)
        self.assertFalse(self._activities(self.task_a | self.task_a1, reminder))
        self.assertFalse(
            self._activities(self.task_a | self.task_a1, overdue),
            "a closed task is never overdue",
        )
        # An overdue task closed late loses its overdue flag too.
        self._run_task_cron("2030-08-20")
        self.assertTrue(self._activities(self.task_b, overdue))
        self.task_b.with_user(self.officer).action_done()
        self.assertFalse(self._activities(self.task_b, overdue))
        self._run_task_cron("2030-08-21")
        self.assertFalse(self._activities(self.task_b, overdue))

    def test_a_submitted_form_is_not_reminded_again(self):
        kind = "tdkt_emulation.mail_act_tdkt_registration_reminder"
        with freeze_time("2030-01-23"):
            self.env["tdkt.registration"]._cron_send_deadline_reminders()
        self.assertTrue(self._activities(self.form_a, kind))
        self.env["tdkt.registration.line"].create(
            {
                "registration_id": self.form_a.id,
                "employee_id": self.employee_a.id,
                "title_id": self.title_ldtt.id,
            }
        )
        with freeze_time("2030-01-24"):
            self.form_a.with_user(self.head_a).with_context(
                tdkt_submit_confirmed=True
            ).action_submit()
        self.assertFalse(self._activities(self.form_a, kind))
        with freeze_time("2030-01-29"):
            self.env["tdkt.registration"]._cron_send_deadline_reminders()
        self.assertFalse(self._activities(self.form_a, kind))
        # A reminder the Office scheduled by hand goes too once the form is received.
        self.form_a.activity_schedule(
            kind, date_deadline=date(2030, 1, 30), user_id=self.head_a.id
        )
        self.form_a.with_user(self.officer).action_receive()
        self.assertFalse(self._activities(self.form_a, kind))

    def test_a_plan_that_stops_reminds_nobody(self):
        task_kinds = (
            "tdkt_emulation.mail_act_tdkt_task_reminder",
            "tdkt_emulation.mail_act_tdkt_task_overdue",
        )
        form_kind = "tdkt_emulation.mail_act_tdkt_registration_reminder"
        missing_kind = "tdkt_emulation.mail_act_tdkt_registration_missing"
        self.task_a1.date_deadline = date(2030, 1, 28)
        for day in ("2030-01-23", "2030-01-31"):
            with freeze_time(day):
                self.Task._cron_send_deadline_reminders()
                self.env["tdkt.registration"]._cron_send_deadline_reminders()
                self.env["tdkt.plan"]._cron_notify_missing_registrations()
        tasks, forms = self.plan.task_ids, self.plan.registration_ids
        self.assertTrue(
            self._activities(tasks, task_kinds[0])
            and self._activities(tasks, task_kinds[1])
        )
        self.assertTrue(
            self._activities(forms, form_kind)
            and self._activities(self.plan, missing_kind)
        )
        self.plan.with_user(self.officer).action_done()
        for kind in task_kinds:
            self.assertFalse(self._activities(tasks, kind))
        self.assertFalse(self._activities(forms, form_kind))
        self.assertFalse(self._activities(self.plan, missing_kind))
        self._run_task_cron("2030-02-14")
        self.assertFalse(
            self._activities(tasks, task_kinds[0]),
            "a closed plan's tasks are not reminded",
        )

    def test_a_plan_back_to_draft_reminds_nobody(self):
        kind = "tdkt_emulation.mail_act_tdkt_task_reminder"
        self._run_task_cron("2030-02-10")
        self.assertTrue(self._activities(self.task_a, kind))
        self.plan.with_user(self.manager).action_reset_to_draft()
        self.assertFalse(self._activities(self.task_a, kind))
        self._run_task_cron("2030-02-14")
        self.assertFalse(self._activities(self.task_a, kind))
