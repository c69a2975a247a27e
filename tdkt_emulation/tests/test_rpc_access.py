import json

from odoo.tests import HttpCase, get_db_name, tagged

from .test_access_matrix import GROUPS, MATRIX, new_group_users

# A sample of the access matrix, checked as an external client calls the server. Each group
# meets at least one refusal here (nobody creates a ballot) and, but for "none", at least
# one allowed call.
SAMPLE_MODELS = (
    "tdkt.title",
    "tdkt.plan",
    "tdkt.initiative",
    "tdkt.award",
    "tdkt.ballot",
)
SAMPLE_OPERATIONS = {"r": "read", "c": "create"}


@tagged("post_install", "-at_install")
class TestRpcAccess(HttpCase):
    """Read and create on a sample of the addon's models by one user of each group (and
    one with no TĐKT group), over the external JSON-RPC API (``/jsonrpc``, service
    ``object``, ``execute_kw`` with the database, user id and password): what MATRIX allows
    succeeds, the rest is an AccessError, and the server answers the next call."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.env["hr.department"].create({"name": "RPC unit"})
        cls.users = new_group_users(cls.env, "tdkt_rpc")
        cls.employees = {
            group: cls.env["hr.employee"].create(
                {"name": user.name, "user_id": user.id, "department_id": cls.unit.id}
            )
            for group, user in cls.users.items()
        }
        cls.title = cls.env.ref("tdkt_emulation.title_ldtt")
        cls.db = get_db_name()

    def _rpc(self, service, method, *args):
        """Return (result, error): the answer of ``/jsonrpc`` to ``service.method(*args)``."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {"service": service, "method": method, "args": list(args)},
        }
        response = self.url_open(
            "/jsonrpc",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        answer = response.json()
        return answer.get("result"), answer.get("error")

    def _values(self, model, group):
        """Values of a new record of ``model`` that ``group`` may create."""
        index = GROUPS.index(group)
        return {
            "tdkt.title": {"name": f"RPC title {group}", "code": f"RPC{index}"},
            "tdkt.plan": {"name": f"RPC plan {group}", "year": 2040},
            "tdkt.initiative": {
                "name": f"RPC initiative {group}",
                "unit_id": self.unit.id,
                "year": 2040,
            },
            "tdkt.award": {
                "employee_id": self.employees[group].id,
                "title_id": self.title.id,
                "year": 2040 + index,
                "decision_number": f"{index}/QĐ-RPC",
            },
            "tdkt.ballot": {"choice": "agree"},
        }[model]

    def test_sample_of_the_access_matrix_over_jsonrpc(self):
        for group, user in self.users.items():
            rights = {
                model: MATRIX[model][GROUPS.index(group)] for model in SAMPLE_MODELS
            }
            sample = [
                (model, letter)
                for model in SAMPLE_MODELS
                for letter in SAMPLE_OPERATIONS
            ]
            self.assertTrue(
                any(letter not in rights[model] for model, letter in sample),
                f"{group} meets a refusal",
            )
            if group != "none":
                self.assertTrue(
                    any(letter in rights[model] for model, letter in sample),
                    f"{group} may do something",
                )
            uid, error = self._rpc("common", "login", self.db, user.login, user.login)
            self.assertEqual(uid, user.id, error)
            for model, letter in sample:
                operation = SAMPLE_OPERATIONS[letter]
                with self.subTest(group=group, model=model, operation=operation):
                    if operation == "read":
                        args, kwargs = [[]], {"fields": ["display_name"], "limit": 1}
                        method = "search_read"
                    else:
                        args, kwargs, method = (
                            [self._values(model, group)],
                            {},
                            "create",
                        )
                    result, error = self._rpc(
                        "object",
                        "execute_kw",
                        self.db,
                        uid,
                        user.login,
                        model,
                        method,
                        args,
                        kwargs,
                    )
                    if letter in rights[model]:
                        self.assertIsNone(error, f"{group} may {operation} {model}")
                        self.assertIsInstance(
                            result, list if operation == "read" else int
                        )
                    else:
                        self.assertTrue(error, f"{group} may not {operation} {model}")
                        self.assertEqual(
                            error["data"]["name"], "odoo.exceptions.AccessError"
                        )
                        # The server answers the user's next call normally.
                        result, error = self._rpc(
                            "object",
                            "execute_kw",
                            self.db,
                            uid,
                            user.login,
                            "res.users",
                            "read",
                            [[uid], ["login"]],
                            {},
                        )
                        self.assertIsNone(error)
                        self.assertEqual(result[0]["login"], user.login)
