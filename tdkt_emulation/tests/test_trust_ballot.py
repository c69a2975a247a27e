"""The secret ballot, the facts of other units and the inputs, tried as a determined insider
would: over JSON-RPC against the running test server, with the server's log captured at
INFO (the access log of werkzeug included) and read for anything that pairs a voter with
a choice."""

import io
import json
import logging
import re
from contextlib import contextmanager

import openpyxl

from odoo.tests import HttpCase, tagged
from odoo.tools import SQL

from .common import RpcMixin, TdktCommon

CHOICE_RE = re.compile(r"agree|abstain", re.IGNORECASE)  # "disagree" contains "agree"
ITEM = "tdkt.council.session.item"


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@contextmanager
def server_log():
    """The records the server logs at INFO or above meanwhile, from every logger: werkzeug's
    access log, odoo.http, odoo.models, the device log of res.device..."""
    handler = _Records()
    root = logging.getLogger()
    loggers = [root] + [
        logging.getLogger(name)
        for name in ("werkzeug", "odoo", "odoo.http", "odoo.models")
    ]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        if logger.level == logging.NOTSET and logger is not root:
            continue
        logger.setLevel(min(logger.level or logging.INFO, logging.INFO))
    root.addHandler(handler)
    try:
        yield handler.records
    finally:
        root.removeHandler(handler)
        for logger, level in zip(loggers, levels, strict=False):
            logger.setLevel(level)


@tagged("post_install", "-at_install")
class TestBallotSecrecyOverRpc(RpcMixin, HttpCase, TdktCommon):
    """An emulation council of three votes on three registered titles of unit A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()
        Line = cls.env["tdkt.registration.line"]
        lines = Line.create(
            [
                {
                    "registration_id": cls.form_a.id,
                    "employee_id": cls.employee_a.id,
                    "title_id": cls.title_ldtt.id,
                },
                {
                    "registration_id": cls.form_a.id,
                    "employee_id": cls.employee_head_a.id,
                    "title_id": cls.title_ldtt.id,
                },
                {
                    "registration_id": cls.form_a.id,
                    "subject_type": "collective",
                    "title_id": cls.title_ttldtt.id,
                },
            ]
        )
        cls.form_a.with_user(cls.head_a).with_context(
            tdkt_submit_confirmed=True
        ).action_submit()
        cls.form_a.with_user(cls.officer).action_receive()
        ineligible = lines.filtered(
            lambda line: line.eligibility_status == "ineligible"
        )
        ineligible.with_user(cls.officer)._override_eligibility(
            "Reviewed on the paper file"
        )
        cls.council, cls.members = cls._create_council("emulation", 3)
        cls.council_session = (
            cls.env["tdkt.council.session"]
            .with_user(cls.officer)
            .create(
                {
                    "name": "Secret review",
                    "council_id": cls.council.id,
                    "plan_id": cls.plan.id,
                }
            )
        )
        cls.council_session.action_add_agenda()
        cls.council_session.action_start_voting()
        cls.items = cls.council_session.item_ids.sorted("id")
        cls.relation = cls.env[ITEM]._fields["voted_member_ids"].relation

    def _vote(self, user, item, choice):
        return self.assertAnswered(
            self._rpc(user, ITEM, "action_vote", [item.id], choice)
        )

    def test_no_route_nor_log_line_pairs_a_voter_with_a_choice(self):
        bus_before = self.env["bus.bus"].sudo().search([], order="id desc", limit=1).id
        messages_before = (
            self.env["mail.message"].sudo().search([], order="id desc", limit=1).id
        )
        with server_log() as records:
            # The web client: the button's context carries the choice; the route is the same
            # for every choice.
            self.authenticate(self.members[0].login, self.members[0].login)
            web = self._web(
                f"/web/dataset/call_button/{ITEM}/action_vote",
                {
                    "model": ITEM,
                    "method": "action_vote",
                    "args": [self.items[0].ids],
                    "kwargs": {"context": {"vote_choice": "disagree"}},
                },
            )
            # An external client: the choice is an argument, positional or named.
            by_position = self._rpc(
                self.members[1], ITEM, "action_vote", [self.items[0].id], "abstain"
            )
            by_name = self._rpc(
                self.members[2], ITEM, "action_vote", [self.items[0].id], choice="agree"
            )
        self.assertAnswered(web)
        for answer in (by_position, by_name):
            self.assertIs(
                self.assertAnswered(answer),
                True,
                "a vote returns a value: Odoo logs no warning",
            )
        lines = [record.getMessage() for record in records]
        self.assertTrue(
            any(
                f"/web/dataset/call_button/{ITEM}/action_vote " in line
                for line in lines
            ),
            f"the access log was captured: {lines}",
        )
        for line in lines:
            self.assertNotRegex(line, CHOICE_RE, "no log line names a choice")
            self.assertNotIn("action_vote_", line)
            self.assertNotIn("can not return", line)
        self.assertFalse(
            [record for record in records if record.levelno >= logging.WARNING], lines
        )
        # Nothing else the server sends or keeps names a choice either.
        notifications = self.env["bus.bus"].sudo().search([("id", ">", bus_before)])
        self.assertNotRegex(" ".join(notifications.mapped("message")), CHOICE_RE)
        self.assertFalse(
            self.env["mail.message"]
            .sudo()
            .search(
                [("id", ">", messages_before), ("model", "in", (ITEM, "tdkt.ballot"))]
            )
        )
        self.assertEqual(
            sorted(
                self.env["tdkt.ballot"]
                .sudo()
                .search([("item_id", "=", self.items[0].id)])
                .mapped("choice")
            ),
            ["abstain", "agree", "disagree"],
        )
        # One method, whatever the choice: the old ones are gone, and a wrong choice is refused.
        self.assertFalse(
            [
                name
                for name in dir(type(self.env[ITEM]))
                if name.startswith("action_vote_")
            ]
        )
        self.assertRefused(
            self._rpc(self.members[0], ITEM, "action_vote", [self.items[1].id], "yes"),
            "odoo.exceptions.UserError",
        )

    def test_turnout_is_read_searched_and_grouped_by_the_office_only(self):
        first, second, silent = self.members
        item = self.items[0]
        [before] = self.assertAnswered(
            self._rpc(silent, ITEM, "read", [item.id], ["write_uid", "write_date"])
        )
        self._vote(first, item, "agree")
        self._vote(second, item, "disagree")
        refused = [
            ("read the voters", "read", [item.id], ["voted_member_ids"]),
            ("read the turnout", "read", [item.id], ["voted_count"]),
            (
                "search by a voter",
                "search",
                [("voted_member_ids.user_id", "=", first.id)],
            ),
            ("search by voters", "search", [("voted_member_ids", "!=", False)]),
            ("search by turnout", "search", [("voted_count", ">", 0)]),
            ("group by voter", "read_group", [], ["__count"], ["voted_member_ids"]),
            ("group by turnout", "read_group", [], ["__count"], ["voted_count"]),
            ("sort by turnout", "search_read", [], ["name"], 0, 0, "voted_count desc"),
        ]
        for label, method, *args in refused:
            with self.subTest(label):
                self.assertRefused(self._rpc(silent, ITEM, method, *args), msg=label)
                self.assertRefused(self._rpc(first, ITEM, method, *args), msg=label)
        self.assertRefused(
            self._rpc(
                silent,
                "tdkt.council.session",
                "read",
                [self.council_session.id],
                ["voter_count"],
            )
        )
        self.assertRefused(
            self._rpc(
                silent,
                "tdkt.council.session",
                "search",
                [("item_ids.voted_member_ids", "!=", False)],
            )
        )
        # The votes left the item's last change as it was: no voter, no time of a vote.
        [values] = self.assertAnswered(
            self._rpc(
                silent, ITEM, "read", [item.id], ["write_uid", "write_date", "is_voted"]
            )
        )
        self.assertNotIn(values["write_uid"][0], (first.id, second.id))
        self.assertEqual(
            (values["write_uid"], values["write_date"]),
            (before["write_uid"], before["write_date"]),
        )
        self.assertFalse(
            values["is_voted"], "a member sees whether she has voted herself"
        )
        [values] = self.assertAnswered(
            self._rpc(first, ITEM, "read", [item.id], ["is_voted", "can_vote"])
        )
        self.assertEqual(values, {"id": item.id, "is_voted": True, "can_vote": False})
        # The Office follows the turnout.
        groups = self.assertAnswered(
            self._rpc(
                self.officer,
                ITEM,
                "read_group",
                [("id", "=", item.id)],
                ["__count"],
                ["voted_member_ids"],
            )
        )
        self.assertEqual(len(groups), 2)
        [values] = self.assertAnswered(
            self._rpc(self.officer, ITEM, "read", [item.id], ["voted_count"])
        )
        self.assertEqual(values["voted_count"], 2)

    def _voter_rows(self):
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT item_id, member_id FROM %s WHERE item_id IN %s ORDER BY ctid",
                SQL.identifier(self.relation),
                tuple(self.items.ids),
            )
        )
        return self.env.cr.fetchall()

    def test_who_voted_is_refiled_at_closing_out_of_vote_order(self):
        member_ids = {
            user: self.council.member_ids.filtered(
                lambda m, user=user: m.user_id == user
            ).id
            for user in self.members
        }
        order = [
            (self.members[2], self.items[1]),
            (self.members[0], self.items[1]),
            (self.members[1], self.items[0]),
            (self.members[2], self.items[0]),
            (self.members[0], self.items[0]),
        ]
        for user, item in order:
            self._vote(user, item, "agree")
        self.assertEqual(
            self._voter_rows(),
            [(item.id, member_ids[user]) for user, item in order],
            "while voting, the rows are in vote order",
        )
        self.assertAnswered(
            self._rpc(
                self.officer,
                "tdkt.council.session",
                "action_close",
                [self.council_session.id],
            )
        )
        self.assertEqual(
            self._voter_rows(),
            sorted((item.id, member_ids[user]) for user, item in order),
        )

    def test_ballots_are_sealed_until_closing_then_out_of_vote_order(self):
        choices = ("agree", "disagree", "abstain")
        cast = []
        for index, user in enumerate(self.members):
            for shift, item in enumerate(self.items):
                choice = choices[(index + shift) % 3]
                self._vote(user, item, choice)
                cast.append((item.id, choice))
        self.assertEqual(
            len(set(cast)), 9, "each ballot is told apart by its item and choice"
        )
        cast_ids = (
            self.env["tdkt.ballot"]
            .sudo()
            .search([("session_id", "=", self.council_session.id)])
            .ids
        )
        # While voting, nobody reads a ballot: not the Office, not a Manager, not a member.
        for user in (self.officer, self.manager):
            self.assertEqual(
                self.assertAnswered(
                    self._rpc(user, "tdkt.ballot", "search_read", [], ["choice"])
                ),
                [],
            )
            self.assertEqual(
                self.assertAnswered(
                    self._rpc(
                        user, "tdkt.ballot", "read_group", [], ["__count"], ["choice"]
                    )
                ),
                [],
            )
            self.assertRefused(
                self._rpc(user, "tdkt.ballot", "read", cast_ids[:1], ["choice"])
            )
        for user in (self.members[0], self.user_a, self.head_a):
            self.assertRefused(
                self._rpc(user, "tdkt.ballot", "search_read", [], ["choice"])
            )
        self.assertAnswered(
            self._rpc(
                self.officer,
                "tdkt.council.session",
                "action_close",
                [self.council_session.id],
            )
        )
        ballots = self.assertAnswered(
            self._rpc(
                self.officer,
                "tdkt.ballot",
                "search_read",
                [("session_id", "=", self.council_session.id)],
                ["item_id", "choice"],
                order="id",
            )
        )
        self.assertEqual(
            sorted((b["item_id"][0], b["choice"]) for b in ballots), sorted(cast)
        )
        self.assertGreater(
            min(b["id"] for b in ballots), max(cast_ids), "re-filed at closing"
        )
        self.assertNotEqual(
            [(b["item_id"][0], b["choice"]) for b in ballots], cast, "not in vote order"
        )


@tagged("post_install", "-at_install")
class TestNoFactsBeyondMyUnits(RpcMixin, HttpCase, TdktCommon):
    """What a compute or an onchange answers a unit user tells nothing of another unit's
    people: unit B's employee held LĐTT three years in a row."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()
        cls.env["tdkt.award"].create(
            [
                {
                    "employee_id": cls.employee_b.id,
                    "title_id": cls.title_ldtt.id,
                    "year": year,
                    "decision_number": f"{year}/QĐ-B",
                }
                for year in (2027, 2028, 2029)
            ]
        )
        cls.env["tdkt.registration.line"].create(
            {
                "registration_id": cls.form_b.id,
                "employee_id": cls.employee_b.id,
                "title_id": cls.title_cstdcs.id,
            }
        )
        cls.spec = {
            "eligibility_status": {},
            "eligibility_reasons": {},
            "eligibility_data": {},
        }

    def _onchange_line(self, user, employee):
        values = {
            "registration_id": self.form_a.id,
            "subject_type": "individual",
            "employee_id": employee.id,
            "title_id": self.title_cstdcs.id,
            "rating": "excellent",
            "months_worked": 12,
        }
        # The form opened with these values (every field answered), then the person changed.
        value = self.assertAnswered(
            self._rpc(
                user, "tdkt.registration.line", "onchange", [], values, [], self.spec
            )
        )
        changed = self.assertAnswered(
            self._rpc(
                user,
                "tdkt.registration.line",
                "onchange",
                [],
                values,
                ["employee_id"],
                self.spec,
            )
        )
        return {**value["value"], **changed["value"]}

    def test_onchange_tells_no_eligibility_of_another_unit_s_person(self):
        value = self._onchange_line(self.user_a, self.employee_b)
        self.assertEqual(
            [reason["code"] for reason in value["eligibility_data"]["reasons"]],
            ["not_readable"],
        )
        self.assertFalse(value["eligibility_status"])
        self.assertNotIn("2029", value["eligibility_reasons"])
        self.assertIn("units you work with only", value["eligibility_reasons"])
        # Through the form's own onchange too.
        form_values = {
            "line_ids": [
                [
                    0,
                    "virtual_1",
                    {
                        "subject_type": "individual",
                        "employee_id": self.employee_b.id,
                        "title_id": self.title_cstdcs.id,
                        "rating": "excellent",
                    },
                ]
            ]
        }
        answer = self.assertAnswered(
            self._rpc(
                self.user_a,
                "tdkt.registration",
                "onchange",
                [self.form_a.id],
                form_values,
                ["line_ids"],
                {"line_ids": {"fields": self.spec}},
            )
        )
        texts = json.dumps(answer["value"])
        self.assertNotIn("2029", texts)
        self.assertNotIn("2027", texts)
        # Her own people are checked, and the Office checks anyone.
        own = self._onchange_line(self.user_a, self.employee_a)
        self.assertNotIn(
            "not_readable",
            [reason["code"] for reason in own["eligibility_data"]["reasons"]],
        )
        office = self._onchange_line(self.officer, self.employee_b)
        self.assertEqual(
            [reason["code"] for reason in office["eligibility_data"]["reasons"]],
            ["same_year_title", "initiative"],
            "the facts the rules read, for the Office",
        )

    def test_a_line_for_another_unit_s_person_says_only_that(self):
        line = {
            "registration_id": self.form_a.id,
            "employee_id": self.employee_b.id,
            "title_id": self.title_cstdcs.id,
        }
        _result, error = self._rpc(
            self.user_a, "tdkt.registration.line", "create", [line]
        )
        self.assertTrue(error)
        self.assertIn("does not work in Unit A", error["data"]["message"])
        self.assertNotIn("already registered", error["data"]["message"])


@tagged("post_install", "-at_install")
class TestStrictDownloadParameters(RpcMixin, HttpCase, TdktCommon):
    """The XLSX routes answer 400 with what they expect to any parameter they do not take,
    never 500; an export's ids travel in the request body, however many."""

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

    def setUp(self):
        super().setUp()
        self.authenticate("tdkt_user_a", "tdkt_user_a")

    def test_bad_parameters_are_answered_400_with_what_is_expected(self):
        huge = "9" * 5000
        cases = [
            ("/tdkt/document/registrations?ids=²", "ids expects"),
            ("/tdkt/document/registrations/²", "ids expects"),
            (f"/tdkt/document/registrations/{huge}", "ids expects"),
            ("/tdkt/document/registrations/-1", "ids expects"),
            ("/tdkt/document/registrations/99999999999", "ids expects"),
            ("/tdkt/document/eligibility?ids=1,%D9%A3", "ids expects"),
            ("/tdkt/document/council_session/²", "ids expects"),
            (f"/tdkt/document/council_session/{huge}", "ids expects"),
            ("/tdkt/document/award_statistics?year=²&period=annual", "year expects"),
            (
                f"/tdkt/document/award_statistics?year={huge}&period=annual",
                "year expects",
            ),
            (
                "/tdkt/document/award_statistics?year=-2030&period=annual",
                "year expects",
            ),
            (
                "/tdkt/document/award_statistics?year=2030&period=decade",
                "period expects",
            ),
            (
                "/tdkt/document/award_statistics?year=2030&period=annual&format=pdf",
                "format expects",
            ),
        ]
        with server_log() as records:
            for url, message in cases:
                with self.subTest(url[:60]):
                    response = self.url_open(url)
                    self.assertEqual(response.status_code, 400)
                    self.assertIn(message, response.text)
        self.assertFalse(
            [record for record in records if record.levelno >= logging.ERROR]
        )
        response = self.url_open(
            "/tdkt/document/award_statistics?year=2030&period=annual"
        )
        self.assertEqual(response.status_code, 200, "what the routes take still works")

    def test_an_export_of_20000_ids_goes_in_the_request_body(self):
        page = self.url_open("/odoo").text
        csrf_token = re.search(r'csrf_token: "([^"]+)"', page).group(1)
        ids = [self.line.id] + list(range(900_000_000, 900_019_999))
        response = self.url_open(
            "/tdkt/document/eligibility",
            data={
                "ids": ",".join(map(str, ids)),
                "format": "xlsx",
                "csrf_token": csrf_token,
            },
        )
        self.assertEqual(response.status_code, 200, response.text[:300])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
        self.assertIn(
            self.employee_a.name,
            [cell.value for row in sheet.iter_rows() for cell in row],
        )
        self.assertLess(len(response.request.url), 100, "no id in the URL")

    def test_the_export_buttons_post_the_ids_to_the_download_route(self):
        for model, record, method in (
            ("tdkt.registration.line", self.line, "action_export_eligibility_xlsx"),
            ("tdkt.registration", self.form_a, "action_export_xlsx"),
        ):
            action = self.assertAnswered(
                self._web(
                    f"/web/dataset/call_button/{model}/{method}",
                    {
                        "model": model,
                        "method": method,
                        "args": [record.ids],
                        "kwargs": {},
                    },
                )
            )
            # The web client posts the ids to the one download route, not in its URL.
            self.assertEqual(action["tag"], "tdkt_emulation.download")
            self.assertNotIn(str(record.id), action["params"]["url"])
            self.assertEqual(action["params"]["data"]["ids"], str(record.id))
            page = self.url_open("/odoo").text
            data = {
                **action["params"]["data"],
                "csrf_token": re.search(r'csrf_token: "([^"]+)"', page).group(1),
            }
            response = self.url_open(action["params"]["url"], data=data)
            self.assertEqual(response.status_code, 200)
            openpyxl.load_workbook(io.BytesIO(response.content))
            # Another unit's user cannot read these records: refused.
            self.authenticate("tdkt_user_b", "tdkt_user_b")
            page = self.url_open("/odoo").text
            data["csrf_token"] = re.search(r'csrf_token: "([^"]+)"', page).group(1)
            self.assertEqual(
                self.url_open(action["params"]["url"], data=data).status_code, 403
            )
            self.authenticate("tdkt_user_a", "tdkt_user_a")


@tagged("post_install", "-at_install")
class TestInputErrorsNameTheField(RpcMixin, HttpCase, TdktCommon):
    """Values the database cannot take are a ValidationError naming the field and what it
    expects, over JSON-RPC, and the server logs no ERROR."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()

    def test_huge_floats_nul_bytes_and_missing_records_name_the_field(self):
        line = {
            "registration_id": self.form_a.id,
            "employee_id": self.employee_a.id,
            "title_id": self.title_ldtt.id,
        }
        initiative = {"name": "Số hoá", "unit_id": self.unit_a.id, "year": 2030}
        cases = [
            (
                "a float of 1e308",
                "tdkt.initiative",
                "create",
                [
                    {
                        **initiative,
                        "author_ids": [
                            [
                                0,
                                0,
                                {
                                    "employee_id": self.employee_a.id,
                                    "contribution": 1e308,
                                },
                            ]
                        ],
                    }
                ],
                "Contribution (%) expects a number between",
            ),
            (
                "a NUL byte",
                "tdkt.registration.line",
                "create",
                [{**line, "note": "a\x00b"}],
                "Note expects text without the NUL character",
            ),
            (
                "a NUL byte in a name",
                "tdkt.initiative",
                "create",
                [{**initiative, "name": "\x00"}],
                "expects text without the NUL character",
            ),
            (
                "a many2one to no record",
                "tdkt.registration.line",
                "create",
                [{**line, "title_id": 999999999}],
                "Title expects the id of an existing record",
            ),
            (
                "a many2many to no record",
                "tdkt.plan",
                "write",
                [
                    [self.plan.id],
                    {"registration_unit_ids": [[6, 0, [self.unit_a.id, 999999998]]]},
                ],
                "expects the id of an existing record",
            ),
        ]
        for label, model, method, args, message in cases:
            with self.subTest(label):
                user = self.officer if model == "tdkt.plan" else self.user_a
                with server_log() as records:
                    _result, error = self._rpc(user, model, method, *args)
                self.assertTrue(error, f"{label} is refused")
                self.assertEqual(
                    error["data"]["name"],
                    "odoo.exceptions.ValidationError",
                    error["data"]["message"],
                )
                self.assertIn(message, error["data"]["message"])
                self.assertFalse(
                    [
                        record.getMessage()
                        for record in records
                        if record.levelno >= logging.ERROR
                    ]
                )
        self.assertFalse(self.form_a.line_ids, "nothing of it was written")
