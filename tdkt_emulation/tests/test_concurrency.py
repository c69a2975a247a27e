import threading
from datetime import date

from psycopg2.errors import SerializationFailure

from odoo import api
from odoo.exceptions import UserError
from odoo.sql_db import db_connect
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


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
            employee = env["hr.employee"].create({"name": "Concurrency person", "department_id": unit.id})
            decision = env["tdkt.decision"].create(
                {
                    "name": "1/QĐ-CONCURRENCY",
                    "date_decision": date(2031, 1, 5),
                    "year": 2030,
                    "line_ids": [(0, 0, {"employee_id": employee.id,
                                         "title_id": env.ref("tdkt_emulation.title_ldtt").id})],
                }
            )
            self.ids = {"unit": unit.id, "employee": employee.id, "decision": decision.id}
        self.addCleanup(self._remove_committed_records)

    def _cursor(self):
        """A cursor of its own on the test database, outside the test's transaction."""
        return db_connect(self.env.cr.dbname).cursor()

    def _remove_committed_records(self):
        with self._cursor() as cr:
            cr.execute("DELETE FROM tdkt_award WHERE employee_id = %s", [self.ids["employee"]])
            cr.execute("DELETE FROM tdkt_decision WHERE id = %s", [self.ids["decision"]])
            cr.execute("DELETE FROM hr_employee WHERE id = %s", [self.ids["employee"]])
            cr.execute("DELETE FROM hr_department WHERE id = %s", [self.ids["unit"]])

    def test_two_managers_sign_the_same_decision_at_once(self):
        barrier = threading.Barrier(2)
        outcomes, states = [], []

        def sign(env):
            with env.cr:
                decision = env["tdkt.decision"].browse(self.ids["decision"])
                states.append(decision.state)  # both read "draft" before either signs
                barrier.wait(timeout=10)
                # Retried on a serialization failure, as Odoo retries a request.
                for _attempt in range(3):
                    try:
                        env["tdkt.decision"].browse(self.ids["decision"]).action_sign()
                        env.cr.commit()
                        outcomes.append("signed")
                        return
                    except UserError as error:
                        outcomes.append(str(error))
                        return
                    except SerializationFailure:
                        env.cr.rollback()

        # The environments are made here: the registry is locked while the tests run.
        envs = [api.Environment(self._cursor(), self.admin_id, {"tracking_disable": True}) for _ in range(2)]
        threads = [threading.Thread(target=sign, args=(env,)) for env in envs]
        with mute_logger("odoo.sql_db"):  # the failed statement of the one that waited
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
        self.assertEqual(states, ["draft", "draft"])
        self.assertEqual(outcomes.count("signed"), 1, outcomes)
        self.assertIn("is already signed", [outcome for outcome in outcomes if outcome != "signed"][0])
        with self._cursor() as cr:
            cr.execute("SELECT COUNT(*) FROM tdkt_award WHERE employee_id = %s", [self.ids["employee"]])
            self.assertEqual(cr.fetchone()[0], 1, "one award, written once")
