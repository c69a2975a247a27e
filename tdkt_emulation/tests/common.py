import json
from datetime import date

from odoo import fields, http
from odoo.fields import Command
from odoo.tests import HttpCase, TransactionCase, get_db_name

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.mail.tests.common import mail_new_test_user


class TdktCommon(TransactionCase):
    """Two units (A with a sub-unit A1, and B), one user per role, a draft plan of 2030."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.company = cls.env.company
        Department = cls.env["hr.department"]
        cls.unit_a = Department.create({"name": "Unit A"})
        cls.unit_a1 = Department.create({"name": "Unit A1", "parent_id": cls.unit_a.id})
        cls.unit_b = Department.create({"name": "Unit B"})

        def person(login, group, unit):
            user = mail_new_test_user(
                cls.env,
                login=login,
                groups=f"tdkt_emulation.{group}",
                name=login.title(),
            )
            employee = cls.env["hr.employee"].create(
                {"name": user.name, "user_id": user.id, "department_id": unit.id}
            )
            return user, employee

        cls.user_a, cls.employee_a = person(
            "tdkt_user_a", "group_tdkt_user", cls.unit_a
        )
        cls.user_b, cls.employee_b = person(
            "tdkt_user_b", "group_tdkt_user", cls.unit_b
        )
        cls.head_a, cls.employee_head_a = person(
            "tdkt_head_a", "group_tdkt_unit_manager", cls.unit_a
        )
        cls.officer, _ = person("tdkt_officer", "group_tdkt_officer", cls.unit_b)
        cls.manager, _ = person("tdkt_manager", "group_tdkt_manager", cls.unit_b)
        cls.unit_a.manager_id = cls.employee_head_a
        cls.outsider = mail_new_test_user(
            cls.env, login="tdkt_outsider", groups="base.group_user"
        )

        cls.plan = cls.env["tdkt.plan"].create(
            {
                "name": "Emulation and commendation plan 2030",
                "number": "01/KH-TEST",
                "year": 2030,
                "date_issue": date(2030, 1, 3),
                "date_registration_deadline": date(2030, 1, 30),
            }
        )
        cls.title_ldtt = cls.env.ref("tdkt_emulation.title_ldtt")
        cls.title_cstdcs = cls.env.ref("tdkt_emulation.title_cstdcs")
        cls.title_ttldtt = cls.env.ref("tdkt_emulation.title_ttldtt")
        cls.task_a = cls._create_task("Task of unit A", cls.unit_a, date(2030, 2, 15))
        cls.task_a1 = cls._create_task(
            "Task of sub-unit A1", cls.unit_a1, date(2030, 5, 15)
        )
        cls.task_b = cls._create_task("Task of unit B", cls.unit_b, date(2030, 8, 15))

    @classmethod
    def _approve_plan(cls):
        """Approve the plan with units A and B registering; their forms are ``form_a``
        and ``form_b``."""
        cls.plan.registration_unit_ids = cls.unit_a | cls.unit_b
        cls.plan.with_user(cls.manager).action_approve()
        forms = {form.unit_id: form for form in cls.plan.registration_ids}
        cls.form_a, cls.form_b = forms[cls.unit_a], forms[cls.unit_b]

    @classmethod
    def _create_lines_and_initiatives(cls, author_of_b=True):
        """A line for LĐTT on each unit's form and an initiative of each unit, B's with
        no author when ``author_of_b`` is False."""
        Line = cls.env["tdkt.registration.line"]
        cls.line_a = Line.create(
            {
                "registration_id": cls.form_a.id,
                "employee_id": cls.employee_a.id,
                "title_id": cls.title_ldtt.id,
            }
        )
        cls.line_b = Line.create(
            {
                "registration_id": cls.form_b.id,
                "employee_id": cls.employee_b.id,
                "title_id": cls.title_ldtt.id,
            }
        )
        Initiative = cls.env["tdkt.initiative"]
        cls.initiative_a = Initiative.create(
            {
                "name": "Initiative of unit A",
                "unit_id": cls.unit_a.id,
                "year": 2030,
                "solution": "Scan",
                "author_ids": [Command.create({"employee_id": cls.employee_a.id})],
            }
        )
        cls.initiative_b = Initiative.create(
            {
                "name": "Initiative of unit B",
                "unit_id": cls.unit_b.id,
                "year": 2030,
                "solution": "Sort",
                "author_ids": [Command.create({"employee_id": cls.employee_b.id})]
                if author_of_b
                else [],
            }
        )

    @classmethod
    def _pass_a_person_and_a_collective(cls):
        """Unit A registers an Advanced Worker (``line_person``) and itself for the
        Excellent Labour Collective (``line_unit``, which only the provincial chairman
        grants); the Office receives the form and puts the collective before the council
        by override; the council passes both."""
        cls.title_ttldxs = cls.env.ref("tdkt_emulation.title_ttldxs")
        cls._approve_plan()
        Line = cls.env["tdkt.registration.line"]
        cls.line_person = Line.create(
            {
                "registration_id": cls.form_a.id,
                "employee_id": cls.employee_a.id,
                "title_id": cls.title_ldtt.id,
                "rating": "good",
            }
        )
        cls.line_unit = Line.create(
            {
                "registration_id": cls.form_a.id,
                "subject_type": "collective",
                "unit_id": cls.unit_a.id,
                "title_id": cls.title_ttldxs.id,
            }
        )
        # The unit submits its collective although the rules cannot judge it yet.
        cls.form_a.with_user(cls.head_a).with_context(
            tdkt_submit_confirmed=True
        ).action_submit()
        cls.form_a.with_user(cls.officer).action_receive()
        cls.env["tdkt.eligibility.override"].with_user(cls.officer).with_context(
            active_ids=cls.line_unit.ids
        ).create({"reason": "Members' ratings on paper"}).action_confirm()
        council, members = cls._create_council("emulation", 3)
        session = (
            cls.env["tdkt.council.session"]
            .with_user(cls.officer)
            .create(
                {
                    "name": "Review 2030",
                    "council_id": council.id,
                    "plan_id": cls.plan.id,
                }
            )
        )
        session.action_add_agenda()
        session.action_start_voting()
        for item in session.item_ids:
            for user in members:
                item.with_user(user).action_vote("agree")
        session.action_close()

    @classmethod
    def _create_council(cls, council_type, size, name=None):
        """A council of ``size`` members, each a User of unit B with a login of their own;
        return the council and the members' users, in order."""
        prefix = f"tdkt_{council_type}_member"
        users = [
            mail_new_test_user(
                cls.env,
                login=f"{prefix}_{index}",
                groups="tdkt_emulation.group_tdkt_user",
                name=f"{council_type.title()} Member {index}",
            )
            for index in range(1, size + 1)
        ]
        employees = cls.env["hr.employee"].create(
            [
                {"name": user.name, "user_id": user.id, "department_id": cls.unit_b.id}
                for user in users
            ]
        )
        council = cls.env["tdkt.council"].create(
            {
                "name": name or f"{council_type.title()} Council",
                "council_type": council_type,
                "member_ids": [
                    fields.Command.create(
                        {
                            "employee_id": employee.id,
                            "role": "chair" if index == 0 else "member",
                        }
                    )
                    for index, employee in enumerate(employees)
                ],
            }
        )
        return council, users

    @classmethod
    def _create_task(cls, name, unit, deadline, **vals):
        return cls.env["tdkt.plan.task"].create(
            {
                "plan_id": cls.plan.id,
                "name": name,
                "lead_unit_id": unit.id,
                "date_deadline": deadline,
                **vals,
            }
        )


class RpcMixin:
    """Calls as an external client makes them (``/jsonrpc``, ``execute_kw`` with the user's
    login and password) and as the web client makes them (a session and ``/web/dataset``)."""

    def _rpc(self, user, model, method, *args, **kwargs):
        """Return (result, error) of ``model.method(*args, **kwargs)`` as ``user`` over /jsonrpc."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    get_db_name(),
                    user.id,
                    user.login,
                    model,
                    method,
                    list(args),
                    kwargs,
                ],
            },
        }
        response = self.url_open(
            "/jsonrpc",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        answer = response.json()
        return answer.get("result"), answer.get("error")

    def _web(self, path, params):
        """Return (result, error) of a JSON call of the web client to ``path``, in the session
        ``authenticate`` opened."""
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
        response = self.url_open(
            path, data=json.dumps(payload), headers={"Content-Type": "application/json"}
        )
        self.assertEqual(response.status_code, 200)
        answer = response.json()
        return answer.get("result"), answer.get("error")

    def assertRefused(self, answer, error_name="odoo.exceptions.AccessError", msg=None):
        result, error = answer
        self.assertTrue(error, msg or f"refused, not answered {result!r}")
        self.assertEqual(
            error["data"]["name"], error_name, msg or error["data"]["message"]
        )

    def assertAnswered(self, answer):
        result, error = answer
        self.assertIsNone(error, error and error["data"]["message"])
        return result


class TdktTourCase(HttpCase):
    """A browser tour. Odoo builds its table of the addons' static folders on the first
    request that needs it; when the browser's first requests reach two server threads at
    once, both build it, and Python 3.11's parser can then fail in one of them ("AST
    constructor recursion depth mismatch"), which answers the page's script with a 500 and
    leaves the tour never ready. The table is built here, before the browser starts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        http.root.get_static_file("/web/static/img/favicon.ico")
