import json
from datetime import date

from odoo.tests import HttpCase, tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestRpcBadInput(HttpCase, TdktCommon):
    """A unit user's bad input sent as an external client would, over JSON-RPC: each call
    gets a clear error or is stored exactly, and the server answers the next call normally."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()

    def setUp(self):
        super().setUp()
        self.authenticate("tdkt_user_a", "tdkt_user_a")

    def _call(self, model, method, *args, **kwargs):
        """Return (result, error): the JSON-RPC answer of ``model.method(*args, **kwargs)``."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "model": model,
                "method": method,
                "args": list(args),
                "kwargs": kwargs,
            },
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        answer = response.json()
        return answer.get("result"), answer.get("error")

    def _line(self, **vals):
        return {
            "registration_id": self.form_a.id,
            "employee_id": self.employee_a.id,
            "title_id": self.title_ldtt.id,
            **vals,
        }

    def assertServerAnswers(self):
        result, error = self._call("tdkt.registration", "search_count", [])
        self.assertIsNone(error)
        self.assertEqual(result, 1, "the user sees their unit's form only")

    def test_bad_input_gets_a_clear_error_and_the_server_goes_on(self):
        cases = [
            (
                "unknown id",
                "write",
                [[99999999], {"note": "x"}],
                "MissingError",
                "does not exist",
            ),
            (
                "another unit's form",
                "create",
                [
                    {
                        "registration_id": self.form_b.id,
                        "employee_id": self.employee_b.id,
                        "title_id": self.title_ldtt.id,
                    }
                ],
                "AccessError",
                None,
            ),
            (
                "months out of range",
                "create",
                [self._line(months_worked=13)],
                "ValidationError",
                "from 0 to 12",
            ),
            (
                "a person of another unit",
                "create",
                [self._line(employee_id=self.employee_b.id)],
                "ValidationError",
                "does not work in Unit A",
            ),
            (
                "forged eligibility",
                "create",
                [self._line(eligibility_status="eligible")],
                "AccessError",
                None,
            ),
        ]
        for label, method, args, error_name, message in cases:
            with self.subTest(label):
                _result, error = self._call("tdkt.registration.line", method, *args)
                self.assertTrue(error, f"{label} is refused")
                self.assertIn(error_name, error["data"]["name"])
                if message:
                    self.assertIn(message, error["data"]["message"])
                self.assertServerAnswers()
        self.assertFalse(self.form_a.line_ids, "nothing of it was written")

    def test_wrong_types_get_a_clear_error_not_a_server_error(self):
        """Values of the wrong type are refused before they reach the database, naming the
        field and what it expects; nothing is logged as an error."""
        task = self.task_a
        cases = [
            # label, login, model, method, args, message
            (
                "many2one as a name",
                "tdkt_user_a",
                "tdkt.registration.line",
                "create",
                [self._line(title_id="Lao động tiên tiến")],
                "Title expects the id of a record",
            ),
            (
                "integer as text",
                "tdkt_user_a",
                "tdkt.registration.line",
                "create",
                [self._line(months_worked="abc")],
                "Months Worked expects a whole number, not 'abc'",
            ),
            (
                "selection value out of its choices",
                "tdkt_user_a",
                "tdkt.registration.line",
                "create",
                [self._line(rating="outstanding")],
                "Rating of the Year expects one of",
            ),
            (
                "date as garbage",
                "tdkt_user_a",
                "tdkt.plan.task",
                "write",
                [[task.id], {"date_done": "31/02/2030"}],
                "Done On expects a date as YYYY-MM-DD",
            ),
            (
                "one2many as text",
                "tdkt_user_a",
                "tdkt.registration",
                "write",
                [[self.form_a.id], {"line_ids": "everyone"}],
                "Lines expects a list of commands",
            ),
            (
                "many2one in a line created through its form",
                "tdkt_user_a",
                "tdkt.registration",
                "write",
                [
                    [self.form_a.id],
                    {"line_ids": [(0, 0, self._line(employee_id="Tdkt_User_A"))]},
                ],
                "Employee expects the id of a record",
            ),
            (
                "deadline outside the plan's year",
                "tdkt_officer",
                "tdkt.plan.task",
                "write",
                [[task.id], {"date_deadline": "2031-03-01"}],
                "outside the plan's year 2030",
            ),
        ]
        for label, login, model, method, args, message in cases:
            with self.subTest(label):
                self.authenticate(login, login)
                with self.assertNoLogs(level="ERROR"):
                    _result, error = self._call(model, method, *args)
                self.assertTrue(error, f"{label} is refused")
                self.assertEqual(
                    error["data"]["name"],
                    "odoo.exceptions.ValidationError",
                    error["data"]["message"],
                )
                self.assertIn(message, error["data"]["message"])
                self.authenticate("tdkt_user_a", "tdkt_user_a")
                self.assertServerAnswers()
        self.assertFalse(self.form_a.line_ids, "nothing of it was written")
        self.assertRecordValues(
            task, [{"date_done": False, "date_deadline": date(2030, 2, 15)}]
        )

    def test_long_vietnamese_and_emoji_text_is_stored_exactly(self):
        note = ("Hoàn thành xuất sắc nhiệm vụ 🎖️ " * 4000)[:100000]
        line_ids, error = self._call(
            "tdkt.registration.line", "create", [self._line(note=note)]
        )
        self.assertIsNone(error)
        records, error = self._call(
            "tdkt.registration.line", "read", line_ids, ["note", "eligibility_status"]
        )
        self.assertIsNone(error)
        self.assertEqual(records[0]["note"], note)
        self.assertEqual(records[0]["eligibility_status"], "unknown", "no rating yet")
        self.assertServerAnswers()

    def test_out_of_range_score_is_refused(self):
        council, users = self._create_council("initiative", 1)
        initiative = self.env["tdkt.initiative"].create(
            {
                "name": "Số hoá hồ sơ",
                "unit_id": self.unit_a.id,
                "year": 2030,
                "solution": "Quét",
                "author_ids": [(0, 0, {"employee_id": self.employee_a.id})],
            }
        )
        initiative.action_submit()
        session = self.env["tdkt.council.session"].create(
            {"name": "Chấm điểm", "council_id": council.id, "year": 2030}
        )
        session.action_add_agenda()
        session.action_start_voting()
        item = session.item_ids
        criterion = self.env.ref("tdkt_emulation.criterion_novelty")
        self.authenticate(users[0].login, users[0].login)
        wizard_id, error = self._call(
            "tdkt.initiative.scoring",
            "create",
            {
                "item_id": item.id,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "criterion_id": criterion.id,
                            "points": criterion.max_points + 1,
                        },
                    )
                ],
            },
        )
        self.assertIsNone(error)
        _result, error = self._call(
            "tdkt.initiative.scoring", "action_confirm", [wizard_id]
        )
        self.assertTrue(error, "a score above the criterion's maximum is refused")
        self.assertIn(criterion.name, error["data"]["message"])
        self.assertFalse(
            self.env["tdkt.initiative.score"].search(
                [("initiative_id", "=", initiative.id)]
            )
        )
        result, error = self._call("tdkt.council.session.item", "search_count", [])
        self.assertIsNone(error)
        self.assertEqual(result, 1)
