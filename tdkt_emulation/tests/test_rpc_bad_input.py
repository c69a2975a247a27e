import json

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
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1,
                   "params": {"model": model, "method": method, "args": list(args), "kwargs": kwargs}}
        response = self.url_open(f"/web/dataset/call_kw/{model}/{method}", data=json.dumps(payload),
                                 headers={"Content-Type": "application/json"})
        self.assertEqual(response.status_code, 200)
        answer = response.json()
        return answer.get("result"), answer.get("error")

    def _line(self, **vals):
        return {"registration_id": self.form_a.id, "employee_id": self.employee_a.id,
                "title_id": self.title_ldtt.id, **vals}

    def assertServerAnswers(self):
        result, error = self._call("tdkt.registration", "search_count", [])
        self.assertIsNone(error)
        self.assertEqual(result, 1, "the user sees their unit's form only")

    def test_bad_input_gets_a_clear_error_and_the_server_goes_on(self):
        cases = [
            ("unknown id", "write", [[99999999], {"note": "x"}], "MissingError", "does not exist"),
            ("another unit's form", "create",
             [{"registration_id": self.form_b.id, "employee_id": self.employee_b.id, "title_id": self.title_ldtt.id}],
             "AccessError", None),
            ("months out of range", "create", [self._line(months_worked=13)], "ValidationError", "from 0 to 12"),
            ("a person of another unit", "create", [self._line(employee_id=self.employee_b.id)],
             "ValidationError", "does not work in Unit A"),
            ("forged eligibility", "create", [self._line(eligibility_status="eligible")], "AccessError", None),
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

    def test_long_vietnamese_and_emoji_text_is_stored_exactly(self):
        note = ("Hoàn thành xuất sắc nhiệm vụ 🎖️ " * 4000)[:100000]
        line_ids, error = self._call("tdkt.registration.line", "create", [self._line(note=note)])
        self.assertIsNone(error)
        records, error = self._call("tdkt.registration.line", "read", line_ids, ["note", "eligibility_status"])
        self.assertIsNone(error)
        self.assertEqual(records[0]["note"], note)
        self.assertEqual(records[0]["eligibility_status"], "unknown", "no rating yet")
        self.assertServerAnswers()

    def test_out_of_range_score_is_refused(self):
        council, users = self._create_council("initiative", 1)
        initiative = self.env["tdkt.initiative"].create(
            {"name": "Số hoá hồ sơ", "unit_id": self.unit_a.id, "year": 2030, "solution": "Quét",
             "author_ids": [(0, 0, {"employee_id": self.employee_a.id})]}
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
            "tdkt.initiative.scoring", "create",
            {"item_id": item.id, "line_ids": [(0, 0, {"criterion_id": criterion.id, "points": criterion.max_points + 1})]},
        )
        self.assertIsNone(error)
        _result, error = self._call("tdkt.initiative.scoring", "action_confirm", [wizard_id])
        self.assertTrue(error, "a score above the criterion's maximum is refused")
        self.assertIn(criterion.name, error["data"]["message"])
        self.assertFalse(self.env["tdkt.initiative.score"].search([("initiative_id", "=", initiative.id)]))
        result, error = self._call("tdkt.council.session.item", "search_count", [])
        self.assertIsNone(error)
        self.assertEqual(result, 1)
