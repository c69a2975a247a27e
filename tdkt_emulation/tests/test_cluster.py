from contextlib import contextmanager
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import freeze_time, tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestCluster(TdktCommon):
    """A cluster of four bodies, ours among them: we head it from 01/01/2030, the
    Finance department from 01/07/2030. The year 2030's criteria: a capped group of a
    target (10), a pass/fail (5) and a count (2 a time, at most 10), a bonus and a
    penalty (5 each)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cluster = cls.env["tdkt.cluster"].create(
            {
                "name": "Cụm thi đua các cơ quan tham mưu tổng hợp",
                "user_ids": [Command.set(cls.officer.ids)],
                "unit_id": cls.unit_b.id,
                "member_ids": [
                    Command.create(
                        {
                            "sequence": 1,
                            "name": "Sở Nội vụ",
                            "is_own_body": True,
                            "unit_id": cls.unit_a.id,
                        }
                    ),
                    Command.create({"sequence": 2, "name": "Sở Tài chính"}),
                    Command.create({"sequence": 3, "name": "Sở Kế hoạch và Đầu tư"}),
                    Command.create({"sequence": 4, "name": "Văn phòng UBND tỉnh"}),
                ],
            }
        )
        cls.own, cls.finance, cls.planning, cls.office = cls.cluster.member_ids
        cls.env["tdkt.cluster.rotation"].create(
            [
                {
                    "cluster_id": cls.cluster.id,
                    "decision_number": "01/QĐ-CTĐ",
                    "decision_date": date(2029, 12, 20),
                    "date_from": date(2030, 1, 1),
                    "head_member_id": cls.own.id,
                    "deputy_member_ids": [Command.set(cls.finance.ids)],
                },
                {
                    "cluster_id": cls.cluster.id,
                    "decision_number": "02/QĐ-CTĐ",
                    "decision_date": date(2030, 6, 20),
                    "date_from": date(2030, 7, 1),
                    "head_member_id": cls.finance.id,
                },
            ]
        )
        cls.covenant = cls.env["tdkt.cluster.covenant"].create(
            {
                "cluster_id": cls.cluster.id,
                "year": 2030,
                "date_signed": date(2030, 3, 1),
            }
        )
        Criterion = cls.env["tdkt.cluster.criterion"]
        group = Criterion.create(
            {
                "covenant_id": cls.covenant.id,
                "code": "I",
                "name": "Tasks",
                "kind": "group",
                "max_points": 20,
            }
        )

        def leaf(name, kind, points, **vals):
            return Criterion.create(
                {
                    "covenant_id": cls.covenant.id,
                    "name": name,
                    "kind": kind,
                    "max_points": points,
                    **vals,
                }
            )

        cls.c_target = leaf("Budget collected", "target", 10, parent_id=group.id)
        cls.c_pass = leaf("Report on time", "pass_fail", 5, parent_id=group.id)
        cls.c_count = leaf(
            "Initiatives", "count", 10, parent_id=group.id, points_per_count=2
        )
        cls.c_bonus = leaf("Bonus", "bonus", 5)
        cls.c_penalty = leaf("Penalty", "penalty", 5)

    @contextmanager
    def _refused(self, exception, regex):
        """``assertRaises`` (which rolls the refused change back) with the message."""
        with self.assertRaises(exception) as caught:
            yield
        self.assertRegex(str(caught.exception), regex)

    def _score(self, member, criterion):
        return self.covenant.score_ids.filtered(
            lambda s: s.member_id == member and s.criterion_id == criterion
        )

    def _enter(self, member, values):
        """Enter ``values`` (criterion → {field: value}) of ``member`` as the Office."""
        for criterion, vals in values.items():
            self._score(member, criterion).with_user(self.officer).write(vals)

    # ------------------------------------------------------------

    def test_head_rotates_by_dated_decision(self):
        cluster = self.cluster
        self.assertFalse(cluster._get_head(date(2029, 12, 31)))
        self.assertEqual(cluster._get_head(date(2030, 1, 1)), self.own)
        self.assertEqual(cluster._get_head(date(2030, 6, 30)), self.own)
        self.assertEqual(cluster._get_head(date(2030, 7, 1)), self.finance)
        self.assertEqual(cluster._get_head(date(2031, 5, 1)), self.finance)
        self.assertTrue(cluster._is_company_head(date(2030, 3, 1)))
        self.assertFalse(cluster._is_company_head(date(2030, 9, 1)))
        # at any date one head: each member's role at a date
        for day, roles in (
            (date(2030, 3, 1), ["head", "deputy", "member", "member"]),
            (date(2030, 9, 1), ["member", "head", "member", "member"]),
        ):
            members = cluster.member_ids.with_context(date=day)
            self.assertEqual(members.mapped("role"), roles)
            self.assertEqual(cluster.with_context(date=day).head_member_id.role, "head")

    def test_a_head_must_stay_a_member_until_the_next_decision(self):
        with self._refused(ValidationError, "Sở Tài chính cannot head"):
            self.finance.date_to = date(2031, 1, 31)
        self.planning.date_to = date(2031, 1, 31)
        with self._refused(ValidationError, "Sở Kế hoạch và Đầu tư cannot head"):
            self.env["tdkt.cluster.rotation"].create(
                {
                    "cluster_id": self.cluster.id,
                    "decision_number": "03/QĐ-CTĐ",
                    "decision_date": date(2030, 12, 20),
                    "date_from": date(2031, 1, 1),
                    "head_member_id": self.planning.id,
                }
            )
        other = self.env["tdkt.cluster"].create(
            {
                "name": "Khối khác",
                "kind": "bloc",
                "member_ids": [Command.create({"name": "Sở Y tế"})],
            }
        )
        with self._refused(ValidationError, "Sở Y tế is not a member of Cụm"):
            self.env["tdkt.cluster.rotation"].create(
                {
                    "cluster_id": self.cluster.id,
                    "decision_number": "04/QĐ-CTĐ",
                    "decision_date": date(2031, 6, 20),
                    "date_from": date(2031, 7, 1),
                    "head_member_id": other.member_ids.id,
                }
            )

    @freeze_time("2030-03-10")
    def test_a_round_from_self_scores_to_ranking_and_the_proposal(self):
        covenant = self.covenant.with_user(self.officer)
        self.assertTrue(covenant.is_company_head)
        covenant.action_start()
        self.assertEqual(covenant.state, "self_scoring")
        self.assertEqual(len(covenant.line_ids), 4)
        self.assertEqual(len(covenant.score_ids), 4 * 5)
        # each member's target and result, entered through our Office (we head it)
        results = {
            self.own: (100, 90, 1, 4, 2, 0),  # 9 + 5 + 8 → group 20 (capped), +2
            self.finance: (100, 100, 1, 3, 0, 1),  # 10 + 5 + 6 → 20 (capped), -1
            self.planning: (50, 25, 0, 2, 3, 0),  # 5 + 0 + 4 = 9, +3
            self.office: (100, 80, 1, 1, 0, 0),  # 8 + 5 + 2 = 15
        }
        for member, (target, actual, passed, count, bonus, penalty) in results.items():
            self._enter(
                member,
                {
                    self.c_target: {
                        "target": target,
                        "self_actual": actual,
                        "evidence": "Report",
                    },
                    self.c_pass: {"self_actual": passed},
                    self.c_count: {"self_actual": count},
                    self.c_bonus: {"self_actual": bonus},
                    self.c_penalty: {"self_actual": penalty},
                },
            )
        totals = {line.member_id: line.self_total for line in covenant.line_ids}
        self.assertEqual(
            totals,
            {
                self.own: 22.0,
                self.finance: 19.0,
                self.planning: 12.0,
                self.office: 15.0,
            },
        )
        self.assertEqual(self._score(self.finance, self.c_penalty).self_score, -1.0)
        # a stage's fields only: the review is not entered during self-scoring
        with self._refused(UserError, "Reviewed Score cannot be entered"):
            self._enter(self.own, {self.c_bonus: {"review_score": 1}})

        covenant.action_review()
        self.assertEqual(self._score(self.own, self.c_bonus).review_score, 2.0)
        self._enter(
            self.own,
            {
                self.c_bonus: {
                    "review_score": 0,
                    "review_comment": "No proof of the award.",
                }
            },
        )
        with self._refused(UserError, "Result cannot be entered"):
            self._enter(self.own, {self.c_bonus: {"self_actual": 1}})
        with self._refused(UserError, "commitments in .* are fixed"):
            covenant.line_ids[0].commitments = "More"
        covenant.action_explain()
        self._enter(
            self.own, {self.c_bonus: {"explanation": "Decision 12/QĐ attached."}}
        )
        covenant.action_finalize()
        self.assertEqual(
            covenant.line_ids.filtered(
                lambda line: line.member_id == self.own
            ).final_total,
            20.0,
        )
        # the meeting accepts our explanation and lowers the Office's result
        self._enter(self.own, {self.c_bonus: {"final_score": 1}})
        self._enter(
            self.office,
            {self.c_pass: {"final_score": 0}, self.c_bonus: {"final_score": 2}},
        )
        covenant.action_rank()
        self.assertEqual(covenant.state, "ranked")
        ranking = [
            (line.rank, line.member_id, line.final_total)
            for line in covenant.line_ids.sorted(
                lambda line: (line.rank, line.member_id.name)
            )
        ]
        self.assertEqual(
            ranking,
            [
                (1, self.own, 21.0),
                (2, self.finance, 19.0),
                (3, self.planning, 12.0),
                (3, self.office, 12.0),
            ],
        )
        with self._refused(UserError, "cannot be entered while the round is at Ranked"):
            self._enter(self.own, {self.c_bonus: {"final_score": 2}})

        # the leader for the flag, the runners-up (two ranks) for the Bằng khen: each
        # named in the dossier by the unit set on its member
        with self._refused(
            UserError,
            "Unit for Proposals of Sở Tài chính, Sở Kế hoạch và Đầu tư, Văn phòng",
        ):
            covenant.action_propose()
        self.assertFalse(covenant.proposal_id)
        for member in self.finance | self.planning | self.office:
            member.unit_id = self.env["hr.department"].create({"name": member.name})
        action = covenant.action_propose()
        proposal = self.env["tdkt.proposal"].browse(action["res_id"])
        self.assertEqual(covenant.proposal_id, proposal)
        self.assertEqual((proposal.state, proposal.year), ("draft", 2030))
        flag = self.env.ref("tdkt_emulation.title_flag_province")
        merit = self.env.ref("tdkt_emulation.title_merit_province")
        self.assertEqual(
            sorted(
                (line.title_id.code, line.reason.split(":")[0])
                for line in proposal.line_ids
            ),
            sorted(
                [
                    (flag.code, "Sở Nội vụ"),
                    (merit.code, "Sở Tài chính"),
                    (merit.code, "Sở Kế hoạch và Đầu tư"),
                    (merit.code, "Văn phòng UBND tỉnh"),
                ]
            ),
        )
        self.assertEqual(
            sorted(proposal.line_ids.mapped("subject_name")),
            sorted(
                [
                    "Unit A",
                    "Sở Tài chính",
                    "Sở Kế hoạch và Đầu tư",
                    "Văn phòng UBND tỉnh",
                ]
            ),
        )
        leader = proposal.line_ids.filtered(lambda line: line.title_id == flag)
        self.assertEqual(
            (leader.subject_type, leader.unit_id), ("collective", self.unit_a)
        )
        with self._refused(UserError, "proposed already"):
            covenant.action_propose()

    @freeze_time("2030-09-10")
    def test_as_a_member_we_enter_our_own_scores_and_receive_the_final(self):
        covenant = self.covenant.with_user(self.officer)
        self.assertFalse(covenant.is_company_head)
        covenant.action_start()
        self._enter(self.own, {self.c_pass: {"self_actual": 1}})
        with self._refused(UserError, "not those of Sở Tài chính"):
            self._enter(self.finance, {self.c_pass: {"self_actual": 1}})
        covenant.action_review()
        with self._refused(UserError, "not those of Sở Tài chính"):
            self._enter(self.finance, {self.c_pass: {"review_score": 0}})
        covenant.action_explain()
        covenant.action_finalize()
        # the final scores come from the head: our Office enters them for every member
        self._enter(self.finance, {self.c_pass: {"final_score": 5}})
        covenant.action_rank()
        self.assertEqual(
            covenant.line_ids.filtered(lambda line: line.member_id == self.own).rank, 1
        )
        with self._refused(UserError, "not headed by your body"):
            covenant.action_propose()

    def test_a_user_neither_moves_the_round_nor_scores(self):
        with self.assertRaises(AccessError):
            self.covenant.with_user(self.user_a).action_start()
        self.covenant.with_user(self.officer).action_start()
        with self.assertRaises(AccessError):
            self._score(self.own, self.c_pass).with_user(self.user_a).write(
                {"self_actual": 1}
            )

    @freeze_time("2030-03-10")
    def test_scores_outside_the_bounds_are_refused(self):
        self.covenant.with_user(self.officer).action_start()
        with self._refused(
            ValidationError,
            r"6.0 points are outside the bounds of Bonus: from 0.0 to 5.0",
        ):
            self._enter(self.own, {self.c_bonus: {"self_actual": 6}})
        with self._refused(ValidationError, "outside the bounds of Penalty"):
            self._enter(self.own, {self.c_penalty: {"self_actual": 7}})
        with self._refused(ValidationError, "outside the bounds of Initiatives"):
            self._enter(self.own, {self.c_count: {"self_actual": -1}})
        self.covenant.with_user(self.officer).action_review()
        with self._refused(ValidationError, "outside the bounds of Report on time"):
            self._enter(self.own, {self.c_pass: {"review_score": 5.5}})
        self.assertEqual(self._score(self.own, self.c_pass).review_score, 0.0)

    def test_a_formula_with_an_unknown_variable_is_refused(self):
        with self._refused(
            ValidationError, "uses the unknown variable goal: only target, actual"
        ):
            self.c_target.formula = "actual / goal * max_points"
        with self._refused(ValidationError, "calls open"):
            self.c_target.formula = "open('/etc/passwd')"
        self.c_target.formula = "max_points if actual >= 0.9 * target else 0"
        self.covenant.with_user(self.officer).action_start()
        self._enter(self.own, {self.c_target: {"target": 10, "self_actual": 9}})
        self.assertEqual(self._score(self.own, self.c_target).self_score, 10.0)
        with self._refused(UserError, "criteria of .* are fixed"):
            self.c_target.max_points = 12

    def test_a_covenant_line_for_a_body_outside_the_cluster_is_refused(self):
        other = self.env["tdkt.cluster"].create(
            {"name": "Khối khác", "member_ids": [Command.create({"name": "Sở Y tế"})]}
        )
        with self._refused(
            ValidationError, "Sở Y tế is not a member of Cụm thi đua .* in 2030"
        ):
            self.covenant.line_ids = [
                Command.create({"member_id": other.member_ids.id})
            ]
        self.office.date_to = date(2029, 12, 31)
        with self._refused(ValidationError, "Văn phòng UBND tỉnh is not a member"):
            self.covenant.line_ids = [Command.create({"member_id": self.office.id})]
        self.covenant.line_ids = [
            Command.create(
                {
                    "member_id": self.own.id,
                    "title_ids": [
                        Command.set(
                            self.env.ref("tdkt_emulation.title_flag_province").ids
                        )
                    ],
                    "commitments": "Hoàn thành 100% chỉ tiêu",
                }
            )
        ]
        self.covenant.with_user(self.officer).action_start()
        # the others of the year join at the start; the one who left does not
        self.assertEqual(
            set(self.covenant.line_ids.member_id),
            {self.own, self.finance, self.planning},
        )

    def test_the_calendar_feeds_the_plans_tasks_and_reminds(self):
        Event = self.env["tdkt.cluster.event"].with_user(self.officer)
        signing = Event.create(
            {
                "cluster_id": self.cluster.id,
                "kind": "covenant",
                "name": "Ký giao ước thi đua",
                "date": date(2030, 3, 15),
            }
        )
        task = signing.task_id
        self.assertEqual(task.plan_id, self.plan)
        self.assertEqual(
            (
                task.date_deadline,
                task.quarter,
                task.cluster_id,
                task.lead_unit_id,
                task.user_ids,
            ),
            (date(2030, 3, 15), "1", self.cluster, self.unit_b, self.officer),
        )
        self.assertFalse(signing.date_next_reminder, "the task reminds, not the event")
        signing.date = date(2030, 4, 2)
        self.assertEqual((task.date_deadline, task.quarter), (date(2030, 4, 2), "2"))
        # an event given the plan's own task sets its deadline
        review = Event.create(
            {
                "cluster_id": self.cluster.id,
                "kind": "mid_year",
                "name": "Sơ kết 6 tháng",
                "date": date(2030, 7, 24),
                "task_id": self.task_b.id,
            }
        )
        self.assertEqual(review.task_id, self.task_b)
        self.assertEqual(
            (self.task_b.date_deadline, self.task_b.cluster_id),
            (date(2030, 7, 24), self.cluster),
        )
        # no plan for 2031: the event reminds the cluster's people itself
        year_end = Event.create(
            {
                "cluster_id": self.cluster.id,
                "kind": "year_end",
                "name": "Tổng kết năm",
                "date": date(2031, 12, 20),
            }
        )
        self.assertFalse(year_end.task_id)
        self.assertEqual(year_end.date_next_reminder, date(2031, 12, 13))
        activity_type = self.env.ref(
            "tdkt_emulation.mail_act_tdkt_cluster_event_reminder"
        )
        with freeze_time("2031-12-13"):
            self.env["tdkt.cluster.event"]._cron_send_deadline_reminders()
            self.env["tdkt.cluster.event"]._cron_send_deadline_reminders()
        activities = year_end.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(activities.user_id, self.officer)
        self.assertEqual(len(activities), 1)
        self.assertEqual(year_end.date_next_reminder, date(2031, 12, 19))
