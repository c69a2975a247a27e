from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestPlanTask(TdktCommon):
    def test_quarter_follows_the_deadline(self):
        self.assertEqual(self.task_a.quarter, "1")
        self.assertEqual(self.task_a1.quarter, "2")
        self.task_a.date_deadline = date(2030, 10, 1)
        self.assertEqual(self.task_a.quarter, "4")
        self.assertFalse(self.task_a.is_quarter_manual)

    def test_quarter_set_by_hand_stays_when_the_deadline_moves(self):
        self.task_a.quarter = "3"
        self.assertTrue(self.task_a.is_quarter_manual)
        self.task_a.date_deadline = date(2030, 12, 1)
        self.assertEqual(self.task_a.quarter, "3")
        task = self._create_task("Pinned", self.unit_a, date(2030, 1, 10), quarter="2")
        self.assertEqual(task.quarter, "2")
        self.assertTrue(task.is_quarter_manual)

    def test_quarter_back_to_the_deadline_is_no_longer_manual(self):
        self.task_a.quarter = "3"
        self.task_a.quarter = "1"
        self.assertFalse(self.task_a.is_quarter_manual)
        self.task_a.date_deadline = date(2030, 7, 1)
        self.assertEqual(self.task_a.quarter, "3")

    def test_task_without_deadline_keeps_its_quarter(self):
        task = self._create_task("No deadline", self.unit_a, False, quarter="4")
        self.assertEqual(task.quarter, "4")
        self.assertFalse(task.is_quarter_manual)
        task.date_deadline = date(2030, 2, 1)
        self.assertEqual(task.quarter, "1")

    def test_deadline_outside_the_plan_year_is_refused(self):
        for deadline in (date(2029, 12, 31), date(2031, 1, 1)):
            with self.subTest(deadline=deadline), self.assertRaises(ValidationError):
                self._create_task("Wrong year", self.unit_a, deadline)
        with self.assertRaises(ValidationError):
            self.task_a.date_deadline = date(2031, 3, 1)
        self.assertEqual(self.task_a.date_deadline, date(2030, 2, 15))

    def test_new_tasks_take_the_next_number(self):
        self.assertEqual(
            (self.task_a | self.task_a1 | self.task_b).mapped("sequence"), [1, 2, 3]
        )
        # Added in the plan's grid, one after the other before saving.
        with Form(self.plan.with_user(self.officer)) as form:
            for name in ("Fourth task", "Fifth task"):
                with form.task_ids.new() as line:
                    line.name = name
                    line.date_deadline = date(2030, 6, 30)
        numbers = {task.name: task.sequence for task in self.plan.task_ids}
        self.assertEqual(numbers["Fourth task"], 4)
        self.assertEqual(numbers["Fifth task"], 5)
        # Created together, or with a number of their own.
        Task = self.env["tdkt.plan.task"].with_user(self.officer)
        tasks = Task.create(
            [{"plan_id": self.plan.id, "name": name} for name in ("Sixth", "Seventh")]
        )
        self.assertEqual(tasks.mapped("sequence"), [6, 7])
        self.assertEqual(
            Task.create(
                {"plan_id": self.plan.id, "name": "Forty", "sequence": 40}
            ).sequence,
            40,
        )
        self.assertEqual(
            Task.create({"plan_id": self.plan.id, "name": "Next"}).sequence, 41
        )
        # Each plan numbers its own tasks.
        other = self.env["tdkt.plan"].create({"name": "Other plan", "year": 2030})
        self.assertEqual(
            Task.create({"plan_id": other.id, "name": "First"}).sequence, 1
        )

    def test_errors_name_the_task_by_number_and_content(self):
        with self.assertRaisesRegex(
            ValidationError,
            r"task 2 \(Task of sub-unit A1\) is outside the plan's year",
        ):
            self.task_a1.date_deadline = date(2031, 3, 1)
        long_task = self._create_task(
            "Organise " + "the emulation movement " * 10, self.unit_a, False
        )
        with self.assertRaisesRegex(
            ValidationError,
            r"task 4 \(Organise the emulation movement .{10,60}\[\.\.\.\]\)",
        ):
            long_task.date_deadline = date(2029, 3, 1)

    def test_bad_quarter_is_refused(self):
        with self.assertRaisesRegex(
            ValidationError, "Quarter expects one of '1', '2', '3', '4', not '5'"
        ):
            self._create_task("Quarter 5", self.unit_a, False, quarter="5")

    @freeze_time("2030-04-10")
    def test_overdue_and_this_quarter(self):
        Task = self.env["tdkt.plan.task"]
        self.assertTrue(self.task_a.is_overdue)
        self.assertFalse(self.task_a1.is_overdue)
        self.assertEqual(
            Task.search([("plan_id", "=", self.plan.id), ("is_overdue", "=", True)]),
            self.task_a,
        )
        self.assertEqual(
            Task.search([("plan_id", "=", self.plan.id), ("is_overdue", "=", False)]),
            self.task_a1 | self.task_b,
        )
        self.assertEqual(
            Task.search(
                [("plan_id", "=", self.plan.id), ("is_current_quarter", "=", True)]
            ),
            self.task_a1,
        )
        self.task_a.with_user(self.head_a).action_done()
        self.assertFalse(self.task_a.is_overdue)
        self.assertEqual(self.task_a.date_done, date(2030, 4, 10))
        self.assertEqual(self.plan.task_overdue_count, 0)
        self.assertEqual(self.plan.task_done_count, 1)

    def test_unit_staff_update_progress_but_not_content(self):
        task = self.task_a.with_user(self.user_a)
        task.action_start()
        task.write({"progress_note": "<p>Half done</p>"})
        self.assertEqual(self.task_a.state, "in_progress")
        for vals in (
            {"name": "Rewritten"},
            {"quarter": "4"},
            {"date_deadline": date(2030, 3, 1)},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                task.write(vals)
        with self.assertRaises(AccessError):
            task.action_done()
        with self.assertRaises(AccessError):
            self.env["tdkt.plan.task"].with_user(self.user_a).create(
                {"plan_id": self.plan.id, "name": "New", "lead_unit_id": self.unit_a.id}
            )

    def test_unit_head_closes_the_units_tasks(self):
        self.task_a.with_user(self.head_a).action_done()
        self.assertEqual(self.task_a.state, "done")
        self.task_a.with_user(self.head_a).action_reset()
        self.assertEqual(self.task_a.state, "todo")
        self.assertFalse(self.task_a.date_done)

    def test_office_reschedules_a_task(self):
        self.task_b.with_user(self.officer).write({"quarter": "1"})
        self.assertEqual(self.task_b.quarter, "1")
        self.assertTrue(self.task_b.is_quarter_manual)
