import random
import threading
import time
from datetime import date

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.sql_db import db_connect
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user


def run_at_once(envs, read, act):
    """Run ``act(env)`` for each of ``envs`` in a thread of its own, all at the same moment
    once each has run ``read(env)``, and retry on a serialization failure as Odoo retries
    a request. The environments are made by the caller, in the main thread: the registry
    is locked while the tests run.

    :return: (what each ``read`` returned, what each ``act`` returned once committed or
        the message of the UserError it raised)
    """
    barrier = threading.Barrier(len(envs))
    reads, outcomes = [], []

    def run(env):
        with env.cr:
            reads.append(read(env))
            barrier.wait(timeout=10)
            for _attempt in range(3):
                try:
                    result = act(env)
                    env.cr.commit()
                    outcomes.append(result)
                    return
                except UserError as error:
                    outcomes.append(str(error))
                    return
                except SerializationFailure:
                    env.cr.rollback()

    threads = [threading.Thread(target=run, args=(env,)) for env in envs]
    with mute_logger("odoo.sql_db"):  # the failed statement of the one that waited
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    return reads, outcomes


@tagged("post_install", "-at_install")
class TestConcurrentSigning(TransactionCase):
    """Two Managers sign the same decision at the same moment, each from a cursor of their
    own, as two browser requests would: exactly one signs, the other is told it is done.

    The records are committed from a cursor of their own (other cursors do not see a test's
    transaction) and removed at the end.
    """

    def setUp(self):
        super().setUp()
        self.admin_id = self.env.ref("base.user_admin").id
        with self._cursor() as cr:
            env = api.Environment(cr, self.admin_id, {"tracking_disable": True})
            unit = env["hr.department"].create({"name": "Concurrency unit"})
            employee = env["hr.employee"].create(
                {"name": "Concurrency person", "department_id": unit.id}
            )
            decision = env["tdkt.decision"].create(
                {
                    "name": "1/QĐ-CONCURRENCY",
                    "date_decision": date(2031, 1, 5),
                    "year": 2030,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "employee_id": employee.id,
                                "title_id": env.ref("tdkt_emulation.title_ldtt").id,
                            },
                        )
                    ],
                }
            )
            self.ids = {
                "unit": unit.id,
                "employee": employee.id,
                "decision": decision.id,
            }
        self.addCleanup(self._remove_committed_records)

    def _cursor(self):
        """A cursor of its own on the test database, outside the test's transaction."""
        return db_connect(self.env.cr.dbname).cursor()

    def _remove_committed_records(self):
        with self._cursor() as cr:
            cr.execute(
                "DELETE FROM tdkt_award WHERE employee_id = %s", [self.ids["employee"]]
            )
            cr.execute(
                "DELETE FROM tdkt_decision WHERE id = %s", [self.ids["decision"]]
            )
            cr.execute("DELETE FROM hr_employee WHERE id = %s", [self.ids["employee"]])
            cr.execute("DELETE FROM hr_department WHERE id = %s", [self.ids["unit"]])

    def test_two_managers_sign_the_same_decision_at_once(self):
        def sign(env):
            env["tdkt.decision"].browse(self.ids["decision"]).action_sign()
            return "signed"

        envs = [
            api.Environment(self._cursor(), self.admin_id, {"tracking_disable": True})
            for _ in range(2)
        ]
        states, outcomes = run_at_once(
            envs,
            lambda env: env["tdkt.decision"].browse(self.ids["decision"]).state,
            sign,
        )
        self.assertEqual(states, ["draft", "draft"])
        self.assertEqual(outcomes.count("signed"), 1, outcomes)
        self.assertIn(
            "is already signed",
            [outcome for outcome in outcomes if outcome != "signed"][0],
        )
        with self._cursor() as cr:
            cr.execute(
                "SELECT COUNT(*) FROM tdkt_award WHERE employee_id = %s",
                [self.ids["employee"]],
            )
            self.assertEqual(cr.fetchone()[0], 1, "one award, written once")


@tagged("post_install", "-at_install")
class TestConcurrentClosing(TransactionCase):
    """Two Officers close the same voting session at the same moment, each from a cursor
    of their own: exactly one closes it and counts the ballots once, the other is told the
    session is not voting any more.

    As in TestConcurrentSigning, the records are committed from a cursor of their own and
    removed at the end.
    """

    def setUp(self):
        super().setUp()
        self.ids = {}
        self.addCleanup(self._remove_committed_records)
        with self._cursor() as cr:
            env = api.Environment(
                cr, self.env.ref("base.user_admin").id, {"tracking_disable": True}
            )
            unit = env["hr.department"].create({"name": "Closing unit"})
            self.ids["unit"] = unit.id

            def users(role, group, count):
                return [
                    mail_new_test_user(
                        env,
                        login=f"tdkt_closing_{role}_{index}",
                        groups=f"tdkt_emulation.{group}",
                    )
                    for index in range(1, count + 1)
                ]

            officers = users("officer", "group_tdkt_officer", 2)
            members = users("member", "group_tdkt_user", 3)
            self.ids["users"] = [user.id for user in officers + members]
            employees = env["hr.employee"].create(
                [
                    {"name": user.name, "user_id": user.id, "department_id": unit.id}
                    for user in members
                ]
            )
            # The candidates sit on no council: a member does not vote on her own case.
            candidates = env["hr.employee"].create(
                [
                    {"name": f"Closing candidate {index}", "department_id": unit.id}
                    for index in range(2)
                ]
            )
            self.ids["employees"] = employees.ids + candidates.ids
            plan = env["tdkt.plan"].create(
                {
                    "name": "Closing plan 2041",
                    "year": 2041,
                    "registration_unit_ids": [(6, 0, unit.ids)],
                }
            )
            self.ids["plan"] = plan.id
            plan.action_approve()
            form = plan.registration_ids
            title = env.ref("tdkt_emulation.title_ldtt")
            form.line_ids = [
                (0, 0, {"employee_id": employee.id, "title_id": title.id})
                for employee in candidates
            ]
            form.with_context(tdkt_submit_confirmed=True).action_submit()
            form.action_receive()
            council = env["tdkt.council"].create(
                {
                    "name": "Closing council",
                    "member_ids": [
                        (
                            0,
                            0,
                            {
                                "employee_id": employee.id,
                                "role": "chair" if index == 0 else "member",
                            },
                        )
                        for index, employee in enumerate(employees)
                    ],
                }
            )
            self.ids["council"] = council.id
            session = env["tdkt.council.session"].create(
                {
                    "name": "Closing session",
                    "council_id": council.id,
                    "plan_id": plan.id,
                }
            )
            self.ids["session"] = session.id
            session.action_add_agenda()
            session.action_start_voting()
            self.assertEqual(len(session.item_ids), 2)
            self.lines = {}
            for item, choices in zip(
                session.item_ids,
                (["agree"] * 3, ["agree", "disagree", "disagree"]),
                strict=False,
            ):
                for user, choice in zip(members, choices, strict=False):
                    item.with_user(user).action_vote(choice)
                self.lines[item.registration_line_id.id] = choices
            self.officer_ids = [user.id for user in officers]

    def _cursor(self):
        """A cursor of its own on the test database, outside the test's transaction."""
        return db_connect(self.env.cr.dbname).cursor()

    def _remove_committed_records(self):
        with self._cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            records = [
                (model, self.ids[key])
                for model, key in (
                    ("tdkt.council.session", "session"),
                    ("tdkt.council", "council"),
                    ("tdkt.plan", "plan"),
                )
                if key in self.ids
            ]
            records += [
                ("tdkt.registration", form_id)
                for form_id in env["tdkt.registration"]
                .search([("plan_id", "=", self.ids.get("plan"))])
                .ids
            ]
            for model, res_id in records:
                for table in ("mail_message", "mail_followers", "mail_activity"):
                    column = "model" if table == "mail_message" else "res_model"
                    cr.execute(
                        SQL(
                            "DELETE FROM %s WHERE %s = %s AND res_id = %s",
                            SQL.identifier(table),
                            SQL.identifier(column),
                            model,
                            res_id,
                        )
                    )
            # The session takes its agenda and ballots along; the plan its forms and lines.
            cr.execute(
                "DELETE FROM tdkt_council_session WHERE id = %s",
                [self.ids.get("session")],
            )
            cr.execute(
                "DELETE FROM tdkt_council WHERE id = %s", [self.ids.get("council")]
            )
            cr.execute("DELETE FROM tdkt_plan WHERE id = %s", [self.ids.get("plan")])
            env["hr.employee"].browse(self.ids.get("employees", [])).unlink()
            users = env["res.users"].browse(self.ids.get("users", []))
            partners = users.partner_id
            users.unlink()
            partners.unlink()
            env["hr.department"].browse(self.ids.get("unit", [])).unlink()

    def _ballots(self, cr):
        cr.execute(
            "SELECT id FROM tdkt_ballot WHERE session_id = %s ORDER BY id",
            [self.ids["session"]],
        )
        return [ballot_id for (ballot_id,) in cr.fetchall()]

    def test_two_officers_close_the_same_session_at_once(self):
        with self._cursor() as cr:
            ballots_before = self._ballots(cr)
        self.assertEqual(len(ballots_before), 6)

        def close(env):
            env["tdkt.council.session"].browse(self.ids["session"]).action_close()
            return env.uid

        envs = [
            api.Environment(self._cursor(), uid, {"tracking_disable": True})
            for uid in self.officer_ids
        ]
        states, outcomes = run_at_once(
            envs,
            lambda env: env["tdkt.council.session"].browse(self.ids["session"]).state,
            close,
        )
        self.assertEqual(states, ["voting", "voting"])
        closers = [outcome for outcome in outcomes if outcome in self.officer_ids]
        refusals = [outcome for outcome in outcomes if outcome not in self.officer_ids]
        self.assertEqual(len(closers), 1, outcomes)
        self.assertEqual(len(refusals), 1, outcomes)
        self.assertIn("is not voting: it cannot be closed", refusals[0])
        with self._cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            session = env["tdkt.council.session"].browse(self.ids["session"])
            self.assertEqual(session.state, "closed")
            self.assertEqual(
                session.closed_by_id.id, closers[0], "the one who closed it is kept"
            )
            ballots_after = self._ballots(cr)
            # Re-filed once: six new ballots, one batch after the ones cast.
            self.assertEqual(len(ballots_after), 6)
            self.assertGreater(min(ballots_after), max(ballots_before))
            self.assertEqual(
                max(ballots_after) - max(ballots_before),
                6,
                "the ballots were re-filed once",
            )
            for item in session.item_ids:
                choices = self.lines[item.registration_line_id.id]
                self.assertRecordValues(
                    item,
                    [
                        {
                            "agree_count": choices.count("agree"),
                            "disagree_count": choices.count("disagree"),
                            "valid_count": 3,
                            "member_count": 3,
                        }
                    ],
                )
                self.assertEqual(
                    item.registration_line_id.vote_agree_count, choices.count("agree")
                )
            closings = env["mail.message"].search_count(
                [
                    ("model", "=", session._name),
                    ("res_id", "=", session.id),
                    ("body", "ilike", "Session closed"),
                ]
            )
            self.assertEqual(closings, 1, "the results were written once")


@tagged("post_install", "-at_install")
class TestConcurrentVoting(TransactionCase):
    """Members vote at the same moment, each from a cursor of their own as the server's
    workers would: a member's ten ballots sent at once make one ballot; forty members voting
    on twenty items at once lose and double none; and the closing re-files ballots and
    voters in one transaction of its own, out of vote order.

    As in TestConcurrentClosing, the records are committed from a cursor of their own and
    removed at the end.
    """

    MEMBERS, ITEMS = 40, 20
    CHOICES = ("agree", "disagree", "abstain")

    def setUp(self):
        super().setUp()
        self.ids = {}
        self.addCleanup(self._remove_committed_records)
        with self._cursor() as cr:
            env = api.Environment(
                cr, self.env.ref("base.user_admin").id, {"tracking_disable": True}
            )
            unit = env["hr.department"].create({"name": "Voting unit"})
            self.ids["unit"] = unit.id
            officer = mail_new_test_user(
                env,
                login="tdkt_voting_officer",
                groups="tdkt_emulation.group_tdkt_officer",
            )
            members = [
                mail_new_test_user(
                    env,
                    login=f"tdkt_voting_member_{index}",
                    groups="tdkt_emulation.group_tdkt_user",
                )
                for index in range(self.MEMBERS)
            ]
            self.ids["users"] = [officer.id] + [user.id for user in members]
            employees = env["hr.employee"].create(
                [
                    {"name": user.name, "user_id": user.id, "department_id": unit.id}
                    for user in members
                ]
            )
            candidates = env["hr.employee"].create(
                [
                    {"name": f"Voting candidate {index}", "department_id": unit.id}
                    for index in range(self.ITEMS)
                ]
            )
            self.ids["employees"] = employees.ids + candidates.ids
            plan = env["tdkt.plan"].create(
                {
                    "name": "Voting plan 2042",
                    "year": 2042,
                    "registration_unit_ids": [(6, 0, unit.ids)],
                }
            )
            self.ids["plan"] = plan.id
            plan.action_approve()
            form = plan.registration_ids
            title = env.ref("tdkt_emulation.title_ldtt")
            form.line_ids = [
                (0, 0, {"employee_id": employee.id, "title_id": title.id})
                for employee in candidates
            ]
            form.with_context(tdkt_submit_confirmed=True).action_submit()
            form.action_receive()
            council = env["tdkt.council"].create(
                {
                    "name": "Voting council",
                    "member_ids": [
                        (0, 0, {"employee_id": employee.id}) for employee in employees
                    ],
                }
            )
            self.ids["council"] = council.id
            session = env["tdkt.council.session"].create(
                {"name": "Voting session", "council_id": council.id, "plan_id": plan.id}
            )
            self.ids["session"] = session.id
            session.action_add_agenda()
            session.action_start_voting()
            self.item_ids = session.item_ids.ids
            self.assertEqual(len(self.item_ids), self.ITEMS)
            self.member_uids = [user.id for user in members]
            self.officer_id = officer.id

    def _cursor(self):
        return db_connect(self.env.cr.dbname).cursor()

    def _remove_committed_records(self):
        TestConcurrentClosing._remove_committed_records(self)

    def _vote(self, env, item_id, choice):
        env["tdkt.council.session.item"].browse(item_id).action_vote(choice)
        return "voted"

    def _count(self, query, *args):
        with self._cursor() as cr:
            cr.execute(query, args)
            return cr.fetchall()

    def test_one_ballot_under_ten_parallel_votes_of_one_member(self):
        item_id, uid = self.item_ids[0], self.member_uids[0]
        envs = [api.Environment(self._cursor(), uid, {}) for _ in range(10)]
        _reads, outcomes = run_at_once(
            envs,
            lambda env: env["tdkt.council.session.item"].browse(item_id).is_voted,
            lambda env: self._vote(env, item_id, "agree"),
        )
        self.assertEqual(len(outcomes), 10, outcomes)
        self.assertEqual(outcomes.count("voted"), 1, outcomes)
        self.assertTrue(
            all(
                "already voted" in outcome for outcome in outcomes if outcome != "voted"
            ),
            outcomes,
        )
        [(ballots,)] = self._count(
            "SELECT COUNT(*) FROM tdkt_ballot WHERE item_id = %s", item_id
        )
        [(voters,)] = self._count(
            "SELECT COUNT(*) FROM tdkt_council_session_item_voter_rel WHERE item_id = %s",
            item_id,
        )
        self.assertEqual((ballots, voters), (1, 1))

    def test_forty_members_on_twenty_items_at_once_lose_and_double_no_ballot(self):
        barrier = threading.Barrier(self.MEMBERS)
        failures = []
        envs = [api.Environment(self._cursor(), uid, {}) for uid in self.member_uids]

        def choice(member, item):
            return self.CHOICES[(member + item) % 3]

        def run(member, env):
            # Each member goes through the agenda from another item, one request per vote.
            order = (
                self.item_ids[member % self.ITEMS :]
                + self.item_ids[: member % self.ITEMS]
            )
            with env.cr:
                barrier.wait(timeout=60)
                for item_id in order:
                    for attempt in range(50):
                        try:
                            self._vote(
                                env,
                                item_id,
                                choice(member, self.item_ids.index(item_id)),
                            )
                            env.cr.commit()
                            break
                        except SerializationFailure:
                            env.cr.rollback()
                            env.invalidate_all()
                            time.sleep(random.uniform(0, 0.01 * (attempt + 1)))
                        except Exception as error:  # noqa: BLE001 - reported below, by the main thread
                            failures.append(repr(error))
                            env.cr.rollback()
                            break
                    else:
                        failures.append(f"member {member} gave up on item {item_id}")

        threads = [
            threading.Thread(target=run, args=(member, env))
            for member, env in enumerate(envs)
        ]
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=600)
        self.assertFalse(failures)
        counts = dict(
            ((item_id, choice_), count)
            for item_id, choice_, count in self._count(
                "SELECT item_id, choice, COUNT(*) FROM tdkt_ballot WHERE session_id = %s GROUP BY item_id, choice",
                self.ids["session"],
            )
        )
        for index, item_id in enumerate(self.item_ids):
            for choice_ in self.CHOICES:
                expected = sum(
                    1
                    for member in range(self.MEMBERS)
                    if choice(member, index) == choice_
                )
                self.assertEqual(
                    counts.get((item_id, choice_), 0), expected, (index, choice_)
                )
        [(voters,)] = self._count(
            "SELECT COUNT(DISTINCT (item_id, member_id)) FROM tdkt_council_session_item_voter_rel WHERE item_id IN %s",
            tuple(self.item_ids),
        )
        self.assertEqual(voters, self.MEMBERS * self.ITEMS)

        # The closing re-files the ballots and the voters in its own transaction: no row
        # keeps the transaction, nor the place, of the vote it came from.
        with self._cursor() as cr:
            env = api.Environment(cr, self.officer_id, {"tracking_disable": True})
            env["tdkt.council.session"].browse(self.ids["session"]).action_close()
        rows = self._count(
            "SELECT item_id, member_id, xmin::text FROM tdkt_council_session_item_voter_rel WHERE item_id IN %s "
            "ORDER BY ctid",
            tuple(self.item_ids),
        )
        self.assertEqual([row[:2] for row in rows], sorted(row[:2] for row in rows))
        ballot_xmins = self._count(
            "SELECT DISTINCT xmin::text FROM tdkt_ballot WHERE session_id = %s",
            self.ids["session"],
        )
        self.assertEqual(
            {row[2] for row in rows},
            {xmin for (xmin,) in ballot_xmins},
            "one transaction, the closing's",
        )
        self.assertEqual(len(ballot_xmins), 1)
        with self._cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            for index, item in enumerate(
                env["tdkt.council.session.item"].browse(self.item_ids)
            ):
                self.assertEqual(item.valid_count, self.MEMBERS)
                self.assertEqual(
                    item.agree_count,
                    sum(1 for m in range(self.MEMBERS) if choice(m, index) == "agree"),
                )
