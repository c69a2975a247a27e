from datetime import date, datetime, timezone

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestInputMixin(TdktCommon):
    """tdkt.input.mixin: what Odoo accepts for a field's type goes through, anything else
    is a ValidationError naming the field, before it reaches the database."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()
        cls.line = cls.env["tdkt.registration.line"].create(
            {
                "registration_id": cls.form_a.id,
                "employee_id": cls.employee_a.id,
                "title_id": cls.title_ldtt.id,
            }
        )

    def test_every_model_of_the_addon_checks_its_input(self):
        mixin = self.env.registry["tdkt.input.mixin"]
        unguarded = {
            name
            for name, model in self.env.registry.items()
            if name.startswith("tdkt.")
            and not model._abstract
            and model._auto
            and not issubclass(model, mixin)
        }
        self.assertFalse(
            unguarded, "every model of the addon inherits tdkt.input.mixin"
        )

    def test_what_odoo_accepts_goes_through(self):
        line, task = self.line, self.task_a
        line.write(
            {"months_worked": "11", "rating": False, "title_id": self.title_cstdcs}
        )
        self.assertRecordValues(
            line,
            [{"months_worked": 11, "rating": False, "title_id": self.title_cstdcs.id}],
        )
        line.write(
            {
                "months_worked": 10.0,
                "title_id": (self.title_ldtt.id, "LĐTT"),
                "rating": None,
            }
        )
        self.assertRecordValues(
            line,
            [{"months_worked": 10, "title_id": self.title_ldtt.id, "rating": False}],
        )
        line.write({"months_worked": "", "discipline": ""})  # "" is empty to Odoo
        self.assertEqual(line.months_worked, 0)
        for deadline in (
            date(2030, 3, 1),
            "2030-03-02",
            datetime(2030, 3, 3, 8, 30),
            "2030-03-04 00:00:00",
        ):
            task.date_deadline = deadline
        self.assertEqual(task.date_deadline, date(2030, 3, 4))
        self.form_a.sudo().write({"date_submitted": "2030-01-05 10:00:00"})
        self.form_a.sudo().write({"date_submitted": datetime(2030, 1, 6, 9, 0)})
        self.assertEqual(self.form_a.date_submitted, datetime(2030, 1, 6, 9, 0))
        self.title_ldtt.write({"approval_threshold": "75.5", "active": 1})
        self.title_ldtt.write({"approval_threshold": 70, "active": True})
        self.assertRecordValues(
            self.title_ldtt, [{"approval_threshold": 70.0, "active": True}]
        )
        # x2many values: commands as tuples or as the web client's lists, ids, records
        self.form_a.write(
            {
                "line_ids": [
                    [1, line.id, {"note": "Web client"}],
                    [
                        0,
                        "virtual_1",
                        {
                            "employee_id": self.employee_head_a.id,
                            "title_id": self.title_ldtt.id,
                        },
                    ],
                ]
            }
        )
        self.assertEqual(len(self.form_a.line_ids), 2)
        self.form_a.write({"line_ids": [Command.unlink(line.id)]})
        self.assertEqual(self.form_a.line_ids.note, False)
        units = self.unit_a | self.unit_b
        for value in (
            [Command.set(units.ids)],
            [Command.clear(), Command.link(self.unit_a.id)],
            units.ids,
            tuple(units.ids),
            units,
            False,
        ):
            self.plan.sudo().registration_unit_ids = value
        self.assertFalse(self.plan.registration_unit_ids)

    def test_the_web_client_and_imports_go_through(self):
        with Form(self.form_a) as form:
            with form.line_ids.new() as new_line:
                new_line.employee_id = self.employee_head_a
                new_line.title_id = self.title_ldtt
                new_line.months_worked = 9
        self.assertEqual(self.form_a.line_ids.mapped("months_worked"), [12, 9])
        result = self.env["tdkt.registration.line"].load(
            [
                "registration_id/.id",
                "employee_id/.id",
                "title_id/.id",
                "months_worked",
                "rating",
            ],
            [
                [
                    str(self.form_b.id),
                    str(self.employee_b.id),
                    str(self.title_ldtt.id),
                    "8",
                    "good",
                ]
            ],
        )
        self.assertFalse(result["messages"])
        self.assertEqual(
            self.env["tdkt.registration.line"].browse(result["ids"]).months_worked, 8
        )

    def test_wrong_types_are_refused_naming_the_field(self):
        line, task = self.line, self.task_a
        cases = [
            (
                line,
                "title_id",
                ["Lao động tiên tiến", -1, 1.5, True, [1], 2**31, {"name": "x"}],
                "Title expects the id of a record",
            ),
            (
                line,
                "months_worked",
                ["abc", 2.5, True, float("nan"), 2**31, [12]],
                "Months Worked expects a whole number",
            ),
            (
                line,
                "rating",
                ["outstanding", 1, ["good"]],
                "Rating of the Year expects one of",
            ),
            (
                task,
                "date_deadline",
                ["2030-13-01", "01/03/2030", 20300301, "tomorrow"],
                "Deadline expects a date as YYYY-MM-DD",
            ),
            (
                self.form_a.sudo(),
                "date_submitted",
                ["yesterday", datetime(2030, 1, 5, tzinfo=timezone.utc)],
                "Submitted On expects a date and time",
            ),
            (
                self.title_ldtt,
                "approval_threshold",
                ["high", float("inf"), True, [70]],
                "Council Approval Threshold (%) expects a number",
            ),
            (
                self.title_ldtt,
                "active",
                ["false", 2, 0.5],
                "Active expects true or false",
            ),
            (
                self.form_a,
                "line_ids",
                [
                    "everyone",
                    5,
                    [{"note": "x"}],
                    [(0, 0, "x")],
                    [(4, "abc")],
                    [(6, 0, "abc")],
                    [(9, 1)],
                    [(1, line.id)],
                    (line.id, "x"),
                ],
                "Lines expects a list of commands or of record ids",
            ),
        ]
        for record, name, values, message in cases:
            for value in values:
                with self.subTest(field=name, value=value):
                    with self.assertRaisesRegex(
                        ValidationError, message.replace("(", r"\(").replace(")", r"\)")
                    ):
                        record.write({name: value})
        with self.assertRaisesRegex(
            ValidationError, "Title expects the id of a record"
        ):
            self.env["tdkt.registration.line"].create(
                {
                    "registration_id": self.form_a.id,
                    "employee_id": self.employee_a.id,
                    "title_id": "LĐTT",
                }
            )
        with self.assertRaisesRegex(
            ValidationError, "There is no field 'points' on tdkt.registration.line"
        ):
            line.write({"points": 3})
        # The models that read the values before Odoo does check them first.
        with self.assertRaisesRegex(ValidationError, "Year expects a whole number"):
            self.env["tdkt.award"].create(
                {
                    "employee_id": self.employee_a.id,
                    "title_id": self.title_ldtt.id,
                    "year": "2030a",
                    "decision_number": "1/QĐ",
                }
            )
        with self.assertRaisesRegex(
            ValidationError, "Council expects the id of a record"
        ):
            self.env["tdkt.council.member"].create(
                {"council_id": "Council", "employee_id": self.employee_a.id}
            )
        with self.assertRaisesRegex(ValidationError, "Deadline expects a date"):
            task.write({"quarter": "2", "date_deadline": "soon"})
        self.assertEqual(line.months_worked, 12, "nothing was written")
