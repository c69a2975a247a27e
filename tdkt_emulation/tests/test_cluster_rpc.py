from datetime import date

from odoo.fields import Command
from odoo.tests import HttpCase, freeze_time, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import RpcMixin, TdktTourCase


@tagged("post_install", "-at_install")
class TestClusterRpc(RpcMixin, HttpCase):
    """A cluster's scores over the external JSON-RPC API: a User reads but does not score,
    the Office's errors come back worded and change nothing, another company's Office does
    not see the cluster."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = mail_new_test_user(
            cls.env, login="tdkt_cluster_user", groups="tdkt_emulation.group_tdkt_user"
        )
        cls.officer = mail_new_test_user(
            cls.env,
            login="tdkt_cluster_officer",
            groups="tdkt_emulation.group_tdkt_officer",
        )
        other_company = cls.env["res.company"].create({"name": "Sở Tài chính"})
        cls.other_officer = mail_new_test_user(
            cls.env,
            login="tdkt_cluster_other",
            groups="tdkt_emulation.group_tdkt_officer",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        cls.cluster = cls.env["tdkt.cluster"].create(
            {
                "name": "Cụm RPC",
                "member_ids": [
                    Command.create({"name": "Sở Nội vụ", "is_own_body": True}),
                    Command.create({"name": "Sở Tư pháp"}),
                ],
            }
        )
        cls.env["tdkt.cluster.rotation"].create(
            {
                "cluster_id": cls.cluster.id,
                "decision_number": "01/QĐ",
                "decision_date": date(2039, 12, 1),
                "date_from": date(2040, 1, 1),
                "head_member_id": cls.cluster.own_member_id.id,
            }
        )
        cls.covenant = cls.env["tdkt.cluster.covenant"].create(
            {"cluster_id": cls.cluster.id, "year": 2040}
        )
        cls.criterion = cls.env["tdkt.cluster.criterion"].create(
            {
                "covenant_id": cls.covenant.id,
                "name": "Bonus",
                "kind": "bonus",
                "max_points": 5,
            }
        )
        cls.target = cls.env["tdkt.cluster.criterion"].create(
            {
                "covenant_id": cls.covenant.id,
                "name": "Budget",
                "kind": "target",
                "max_points": 10,
            }
        )

    def test_scores_and_formulas_over_jsonrpc(self):
        # the formula's unknown variable is named, in the Office's answer
        answer = self._rpc(
            self.officer,
            "tdkt.cluster.criterion",
            "write",
            [self.target.id],
            {"formula": "actual / plan * max_points"},
        )
        self.assertRefused(answer, "odoo.exceptions.ValidationError")
        self.assertIn("unknown variable plan", answer[1]["data"]["message"])
        self.assertFalse(self.target.formula)
        # a formula nested past the parser's stack is refused as unreadable, not a crash
        for formula in ("-" * 600 + "actual", "actual" + " + 1" * 600):
            answer = self._rpc(
                self.officer,
                "tdkt.cluster.criterion",
                "write",
                [self.target.id],
                {"formula": formula},
            )
            self.assertRefused(answer, "odoo.exceptions.ValidationError")
            self.assertIn("cannot be read", answer[1]["data"]["message"])
        self.assertFalse(self.target.formula)
        with freeze_time("2040-03-01"):
            self.assertAnswered(
                self._rpc(
                    self.officer,
                    "tdkt.cluster.covenant",
                    "action_start",
                    [self.covenant.id],
                )
            )
        score = self.covenant.score_ids.filtered(
            lambda s: s.criterion_id == self.criterion and s.member_id.is_own_body
        )
        self.assertTrue(score)
        # a User reads the scores and enters none
        self.assertAnswered(
            self._rpc(
                self.user, "tdkt.cluster.score", "read", [score.id], ["self_score"]
            )
        )
        self.assertRefused(
            self._rpc(
                self.user, "tdkt.cluster.score", "write", [score.id], {"self_actual": 1}
            )
        )
        # the Office's score out of bounds is refused, worded, and nothing is kept
        answer = self._rpc(
            self.officer, "tdkt.cluster.score", "write", [score.id], {"self_actual": 9}
        )
        self.assertRefused(answer, "odoo.exceptions.ValidationError")
        self.assertIn(
            "9.0 points are outside the bounds of Bonus: from 0.0 to 5.0",
            answer[1]["data"]["message"],
        )
        self.assertAnswered(
            self._rpc(
                self.officer,
                "tdkt.cluster.score",
                "write",
                [score.id],
                {"self_actual": 4},
            )
        )
        score.invalidate_recordset()
        self.assertEqual(score.self_score, 4.0)
        # another company's Office does not see the cluster
        result = self.assertAnswered(
            self._rpc(
                self.other_officer,
                "tdkt.cluster",
                "search_read",
                [("id", "=", self.cluster.id)],
                ["name"],
            )
        )
        self.assertEqual(result, [])
        self.assertRefused(
            self._rpc(
                self.other_officer,
                "tdkt.cluster.score",
                "read",
                [score.id],
                ["self_score"],
            )
        )


@tagged("post_install", "-at_install", "tdkt_tour")
class TestClusterTour(TdktTourCase):
    """The Office starts a covenant's self-scoring in the browser and enters its own
    body's result (the company heads no cluster here: it scores itself only)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        mail_new_test_user(
            cls.env,
            login="tour_cluster_office",
            groups="tdkt_emulation.group_tdkt_officer",
            name="Tour Cluster Office",
        )
        cluster = cls.env["tdkt.cluster"].create(
            {
                "name": "Cụm tour",
                "member_ids": [
                    Command.create({"name": "Sở Nội vụ", "is_own_body": True}),
                    Command.create({"name": "Sở Xây dựng"}),
                ],
            }
        )
        cls.covenant = cls.env["tdkt.cluster.covenant"].create(
            {"cluster_id": cluster.id, "year": 2040}
        )
        cls.bonus = cls.env["tdkt.cluster.criterion"].create(
            {
                "covenant_id": cls.covenant.id,
                "name": "Bonus",
                "kind": "bonus",
                "max_points": 5,
            }
        )

    def test_office_enters_its_own_self_score(self):
        action = self.env.ref("tdkt_emulation.tdkt_cluster_covenant_action")
        self.start_tour(
            f"/odoo/action-{action.id}/{self.covenant.id}",
            "tdkt_cluster_self_scoring_tour",
            login="tour_cluster_office",
        )
        score = self.covenant.score_ids.filtered("member_id.is_own_body")
        self.assertEqual((self.covenant.state, score.self_score), ("self_scoring", 3.0))
