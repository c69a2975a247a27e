import importlib.util
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import RpcMixin, TdktCommon


@tagged("post_install", "-at_install")
class TestMovement(TdktCommon):
    """The yearly plan of 2030 launches the regular movement; the Office launches a
    thematic movement of 2026-2030 whose decision and proposal make thematic awards; the
    kind of award and the class of recipient are filled by default and set by the Office."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.title_certificate = cls.env.ref("tdkt_emulation.title_certificate_director")
        cls.title_merit_province = cls.env.ref("tdkt_emulation.title_merit_province")
        cls.employee_head_a.tdkt_recipient_class = "leader_other"
        cls.thematic = cls._movement()

    @classmethod
    def _movement(cls, **vals):
        return (
            cls.env["tdkt.movement"]
            .with_user(cls.officer)
            .create(
                {
                    "name": "Phong trào thi đua giai đoạn 2026-2030",
                    "method": "thematic",
                    "launch_level": "province",
                    "scope": "sector",
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2030, 12, 31),
                    "unit_ids": [(6, 0, (cls.unit_a | cls.unit_b).ids)],
                    **vals,
                }
            )
        )

    @contextmanager
    def _refused(self, exception, text):
        """``assertRaises`` (which rolls back what the refused call wrote) and the text
        of the refusal."""
        with self.assertRaises(exception) as caught:
            yield
        self.assertIn(text, str(caught.exception))

    def _launch(self, movement):
        movement.write(
            {"decision_number": "04/KH-UBND", "decision_date": date(2026, 1, 10)}
        )
        movement.action_launch()

    def _decision(self, **vals):
        return (
            self.env["tdkt.decision"]
            .with_user(self.officer)
            .create(
                {
                    "name": "85/QĐ-SNV",
                    "kind": "commendation",
                    "date_decision": date(2030, 9, 15),
                    "year": 2030,
                    **vals,
                }
            )
        )

    def _line(self, decision, **vals):
        return (
            self.env["tdkt.decision.line"]
            .with_user(self.officer)
            .create(
                {
                    "decision_id": decision.id,
                    "employee_id": self.employee_a.id,
                    "title_id": self.title_certificate.id,
                    **vals,
                }
            )
        )

    # ------------------------------------------------------------
    # A movement's life
    # ------------------------------------------------------------

    def test_a_movement_is_launched_with_its_decision_then_closed(self):
        movement = self.thematic
        self.assertEqual(movement.state, "draft")
        self.assertEqual(movement.year, 2026)
        with self._refused(UserError, "number and the date"):
            movement.action_launch()
        movement.decision_number = "04/KH-UBND"
        movement.decision_date = date(2026, 1, 10)
        # The units read the movement; only the Office launches and changes it.
        self.assertEqual(movement.with_user(self.user_a).name, movement.name)
        self.assertFalse(movement.with_user(self.head_a).can_launch)
        with self.assertRaises(AccessError):
            movement.with_user(self.head_a).action_launch()
        with self.assertRaises(AccessError):
            movement.with_user(self.user_a).write({"targets": "x"})
        with self.assertRaises(AccessError):
            movement.write({"state": "closed"})
        self.assertTrue(movement.can_launch)
        movement.action_launch()
        self.assertEqual(movement.state, "launched")
        with self.assertRaises(UserError):
            movement.action_launch()
        movement.action_close()
        self.assertEqual(movement.state, "closed")
        with self._refused(UserError, "read-only"):
            movement.targets = "Changed after closing"
        with self.assertRaises(UserError):
            movement.unlink()

    def test_a_movement_is_launched_and_kept_with_its_start_and_end(self):
        # Form 0601 counts every launched movement by its duration: one without its
        # start or end would count in the total and in no duration row.
        movement = self._movement(date_end=False)
        with self._refused(ValidationError, "start and end dates"):
            self._launch(movement)
        self.assertEqual(movement.state, "draft")
        movement.date_end = date(2030, 12, 31)
        self._launch(movement)
        with self._refused(ValidationError, "start and end dates"):
            movement.date_start = False
        self.assertEqual(movement.date_start, date(2026, 1, 1))

    def test_the_plan_launches_its_regular_movement_once(self):
        with self._refused(UserError, "approved"):
            self.plan.with_user(self.officer).action_launch_movement()
        self._approve_plan()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.head_a).action_launch_movement()
        action = self.plan.with_user(self.officer).action_launch_movement()
        movement = self.env["tdkt.movement"].browse(action["res_id"])
        self.assertEqual(movement.plan_id, self.plan)
        self.assertEqual(movement.method, "regular")
        self.assertEqual(movement.state, "launched")
        self.assertEqual(movement.decision_number, "01/KH-TEST")
        self.assertEqual(movement.decision_date, date(2030, 1, 3))
        self.assertEqual(movement.unit_ids, self.unit_a | self.unit_b)
        self.assertEqual(movement.year, 2030)
        # Pressed again, the button opens the same movement.
        again = self.plan.with_user(self.officer).action_launch_movement()
        self.assertEqual(again["res_id"], movement.id)
        self.assertEqual(self.plan.movement_ids, movement)
        # One regular movement per plan year and company; a plan launches no thematic one.
        with self._refused(ValidationError, "already launches"):
            self._movement(name="Another", method="regular", plan_id=self.plan.id)
        with self._refused(ValidationError, "thematic"):
            self.thematic.plan_id = self.plan

    def test_a_thematic_decision_writes_thematic_awards_into_the_history(self):
        decision = self._decision(movement_id=self.thematic.id)
        person = self._line(decision)
        collective = self._line(
            decision,
            subject_type="collective",
            employee_id=False,
            unit_id=self.unit_a.id,
        )
        self.assertEqual(person.award_kind, "thematic")
        self.assertEqual(person.movement_id, self.thematic)
        self.assertEqual(person.recipient_class, "worker")
        self.assertEqual(collective.recipient_class, "agency")
        # Its commendations are decided while the movement runs.
        with self._refused(UserError, "not launched"):
            decision.with_user(self.manager).action_sign()
        self._launch(self.thematic)
        decision.with_user(self.manager).action_sign()
        awards = decision.award_ids
        self.assertEqual(len(awards), 2)
        self.assertEqual(set(awards.mapped("award_kind")), {"thematic"})
        self.assertEqual(awards.movement_id, self.thematic)
        self.assertEqual(self.thematic.award_count, 2)
        self.assertEqual(self.thematic.decision_count, 1)
        history = self.employee_a.tdkt_award_ids
        self.assertEqual(history.award_kind, "thematic")
        self.assertEqual(history.recipient_class, "worker")
        # The kinds are counted in the history, as the statistics will.
        counts = dict(
            self.env["tdkt.award"]._read_group(
                [("movement_id", "=", self.thematic.id)], ["award_kind"], ["__count"]
            )
        )
        self.assertEqual(counts, {"thematic": 2})

    def test_a_movement_is_closed_once_its_commendations_are_made(self):
        # A draft decision or an undecided dossier of the movement could not be signed or
        # sent once it is closed, and a closed movement never reopens.
        self._launch(self.thematic)
        decision = self._decision(movement_id=self.thematic.id)
        self._line(decision)
        proposal = (
            self.env["tdkt.proposal"]
            .with_user(self.officer)
            .create({"year": 2030, "movement_id": self.thematic.id})
        )
        with self._refused(UserError, "85/QĐ-SNV"):
            self.thematic.action_close()
        self.assertEqual(self.thematic.state, "launched")
        decision.with_user(self.manager).action_sign()
        with self._refused(UserError, "sign, decide or delete"):
            self.thematic.action_close()
        proposal.unlink()
        self.thematic.action_close()
        self.assertEqual(self.thematic.state, "closed")

    def test_a_thematic_proposal_decided_by_the_higher_body_writes_thematic_awards(
        self,
    ):
        self._launch(self.thematic)
        proposal = (
            self.env["tdkt.proposal"]
            .with_user(self.officer)
            .create(
                {
                    "name": "30/TTr-SNV",
                    "year": 2030,
                    "recipient": "Hội đồng Thi đua - Khen thưởng tỉnh",
                    "movement_id": self.thematic.id,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "employee_id": self.employee_head_a.id,
                                "title_id": self.title_merit_province.id,
                                "reason": "Tiêu biểu trong phong trào 2026-2030",
                                "achievements": "Dẫn đầu phong trào của đơn vị.",
                            },
                        )
                    ],
                }
            )
        )
        line = proposal.line_ids
        self.assertEqual(line.award_kind, "thematic")
        self.assertEqual(line.recipient_class, "leader_other")
        proposal.action_send()
        proposal.write(
            {"decision_number": "1520/QĐ-UBND", "decision_date": date(2030, 11, 2)}
        )
        line.outcome = "granted"
        proposal.action_decide()
        award = line.award_id
        self.assertEqual(award.award_kind, "thematic")
        self.assertEqual(award.recipient_class, "leader_other")
        self.assertEqual(award.movement_id, self.thematic)
        self.assertIn(award, self.employee_head_a.tdkt_award_ids)
        self.assertEqual(self.thematic.proposal_count, 1)

    def test_a_thematic_nomination_is_reviewed_by_the_council_then_decided(self):
        """Unit A's form carries a yearly title and, added by the Office, a nomination of
        the thematic movement; the council passes both; the yearly decision takes the
        yearly title only, the movement's decision its nomination, as a thematic award."""
        self._launch(self.thematic)
        self._approve_plan()
        Line = self.env["tdkt.registration.line"]
        yearly = Line.create(
            {
                "registration_id": self.form_a.id,
                "employee_id": self.employee_a.id,
                "title_id": self.title_ldtt.id,
                "rating": "good",
            }
        )
        self.form_a.with_user(self.head_a).with_context(
            tdkt_submit_confirmed=True
        ).action_submit()
        self.form_a.with_user(self.officer).action_receive()
        nomination = Line.with_user(self.officer).create(
            {
                "registration_id": self.form_a.id,
                "employee_id": self.employee_head_a.id,
                "title_id": self.title_certificate.id,
                "movement_id": self.thematic.id,
            }
        )
        if nomination.eligibility_status == "ineligible":
            self.env["tdkt.eligibility.override"].with_user(self.officer).with_context(
                active_ids=nomination.ids
            ).create({"reason": "Tiêu biểu trong phong trào"}).action_confirm()
        council, members = self._create_council("emulation", 3)
        session = (
            self.env["tdkt.council.session"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Review 2030",
                    "council_id": council.id,
                    "plan_id": self.plan.id,
                }
            )
        )
        session.action_add_agenda()
        self.assertEqual(session.item_ids.registration_line_id, yearly | nomination)
        session.action_start_voting()
        for item in session.item_ids:
            for user in members:
                item.with_user(user).action_vote("agree")
        session.action_close()
        # The yearly commendation decision finds nothing: the nomination is the movement's.
        with self._refused(UserError, "No result"):
            self._decision(name="84/QĐ-SNV").action_create_from_results()
        decision = self._decision(movement_id=self.thematic.id)
        decision.action_create_from_results()
        self.assertEqual(decision.line_ids.registration_line_id, nomination)
        self.assertEqual(decision.line_ids.award_kind, "thematic")
        decision.with_user(self.manager).action_sign()
        award = decision.award_ids
        self.assertEqual(
            (award.employee_id, award.award_kind, award.movement_id),
            (self.employee_head_a, "thematic", self.thematic),
        )
        self.assertEqual(award.recipient_class, "leader_other")

    # ------------------------------------------------------------
    # Kinds and classes
    # ------------------------------------------------------------

    def test_classes_by_default_changed_by_the_office_refused_to_a_unit(self):
        decision = self._decision()
        head = self._line(decision, employee_id=self.employee_head_a.id)
        # From the title and the person.
        self.assertEqual(head.award_kind, "regular")
        self.assertEqual(head.recipient_class, "leader_other")
        self.title_certificate.default_award_kind = "dedication"
        worker = self._line(decision, employee_id=self.employee_b.id)
        self.assertEqual(worker.award_kind, "dedication")
        self.title_certificate.default_award_kind = "regular"
        # The Office changes them; a class must fit the subject.
        head.recipient_class = "leader_department"
        worker.award_kind = "regular"
        with self._refused(ValidationError, "not a class"):
            head.recipient_class = "enterprise"
        decision.with_user(self.manager).action_sign()
        award = decision.award_ids.filtered(
            lambda award: award.employee_id == self.employee_head_a
        )
        self.assertEqual(award.recipient_class, "leader_department")
        # On an award of a signed decision the Office corrects the class of the
        # statistics, not the kind the decision gave.
        award.with_user(self.officer).recipient_class = "leader_other"
        self.assertEqual(award.recipient_class, "leader_other")
        with self._refused(UserError, "decision only"):
            award.with_user(self.officer).award_kind = "sudden"
        # A unit's people never set them.
        with self.assertRaises(AccessError):
            award.with_user(self.head_a).recipient_class = "worker"
        paper = (
            self.env["tdkt.award"]
            .with_user(self.officer)
            .create(
                {
                    "subject_type": "collective",
                    "unit_id": self.unit_b.id,
                    "year": 2029,
                    "title_id": self.title_certificate.id,
                    "decision_number": "5/QĐ-SNV",
                }
            )
        )
        self.assertEqual(paper.award_kind, "regular")
        self.assertEqual(paper.recipient_class, "agency")
        paper.recipient_class = "household"
        with self.assertRaises(AccessError):
            paper.with_user(self.head_a).write({"award_kind": "foreign"})
        self.assertEqual(paper.award_kind, "regular")

    def test_a_unit_user_cannot_set_a_class_even_where_it_may_write(self):
        """The guard stands behind the access rights: a user who could write the award
        (here given the right by the superuser's hand) is still refused the classes."""
        paper = self.env["tdkt.award"].create(
            {
                "employee_id": self.employee_a.id,
                "year": 2029,
                "title_id": self.title_certificate.id,
                "decision_number": "6/QĐ-SNV",
            }
        )
        with self._refused(AccessError, "Only the Office"):
            paper.with_user(self.head_a)._check_edit_vals({"recipient_class": "worker"})
        with self._refused(AccessError, "Only the Office"):
            paper.with_user(self.head_a)._check_edit_vals({"award_kind": "sudden"})

    def test_the_office_reads_the_tdkt_staff_fields_of_the_people(self):
        """The Office, without HR rights, reads and keeps the statistics' facts of a person
        (class, TĐKT work, education); the other users do not see them."""
        names = [
            "tdkt_recipient_class",
            "tdkt_staff",
            "tdkt_education_level",
            "tdkt_work_start_date",
        ]
        self.assertFalse(self.officer.has_group("hr.group_hr_user"))
        # Form 0605 counts them by age, education and years in TĐKT work: a person
        # without one of them would count in its total and in none of its rows.
        employee = self.employee_a
        with self._refused(ValidationError, "birth date, education level"):
            employee.write({"tdkt_staff": True, "tdkt_education_level": "university"})
        self.employee_a.birthday = date(1990, 5, 1)
        self.employee_a.write(
            {
                "tdkt_staff": True,
                "tdkt_education_level": "university",
                "tdkt_work_start_date": date(2015, 3, 1),
            }
        )
        [values] = self.employee_a.with_user(self.officer).read(names)
        self.assertEqual(values["tdkt_recipient_class"], "worker")
        self.assertTrue(values["tdkt_staff"])
        self.assertEqual(values["tdkt_education_level"], "university")
        self.assertEqual(values["tdkt_work_start_date"], date(2015, 3, 1))
        # Prefetched with the other fields of a person, as an import reads them.
        employees = (
            self.env["hr.employee"]
            .with_user(self.officer)
            .browse((self.employee_a | self.employee_b).ids)
        )
        self.assertEqual(employees.filtered("active"), employees)
        with self.assertRaises(AccessError):
            self.employee_a.with_user(self.user_a).read(["tdkt_education_level"])
        with self._refused(ValidationError, "birth date, education level"):
            employee.tdkt_work_start_date = False

    def test_a_sudden_achievement_needs_its_reason_and_stays_sudden(self):
        decision = self._decision()
        with self._refused(ValidationError, "sudden achievement"):
            self._line(decision, award_kind="sudden")
        line = self._line(
            decision,
            award_kind="sudden",
            reason="Cứu người trong lũ quét tháng 7/2030",
        )
        self.assertEqual(line.award_kind, "sudden")
        # Another title keeps the line sudden.
        line.title_id = self.title_ldtt
        line.title_id = self.title_certificate
        self.assertEqual(line.award_kind, "sudden")
        decision.with_user(self.manager).action_sign()
        self.assertEqual(decision.award_ids.award_kind, "sudden")
        with self._refused(ValidationError, "sudden achievement"):
            self.env["tdkt.proposal"].with_user(self.officer).create(
                {
                    "year": 2030,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "employee_id": self.employee_b.id,
                                "title_id": self.title_merit_province.id,
                                "award_kind": "sudden",
                            },
                        )
                    ],
                }
            )

    def test_the_upgrade_gives_existing_awards_their_kind_and_class(self):
        """post-movements.py on awards of before 18.0.1.3.0: the former kind (merit,
        sudden) becomes the kind of award, the class comes from the subject."""
        merit, sudden, collective = self.env["tdkt.award"].create(
            [
                {
                    "employee_id": employee.id,
                    "year": 2028,
                    "title_id": self.title_certificate.id,
                    "decision_number": "7/QĐ-SNV",
                }
                for employee in (self.employee_a, self.employee_head_a)
            ]
            + [
                {
                    "subject_type": "collective",
                    "unit_id": self.unit_a.id,
                    "year": 2028,
                    "title_id": self.title_certificate.id,
                    "decision_number": "7/QĐ-SNV",
                }
            ]
        )
        awards = merit | sudden | collective
        self.env.flush_all()
        cr = self.env.cr
        cr.execute("ALTER TABLE tdkt_award ADD COLUMN kind varchar")
        cr.execute(
            "UPDATE tdkt_award SET kind = 'merit', award_kind = 'thematic', "
            "recipient_class = NULL WHERE id IN %s",
            [tuple(awards.ids)],
        )
        cr.execute("UPDATE tdkt_award SET kind = 'sudden' WHERE id = %s", [sudden.id])
        path = (
            Path(__file__).parents[1]
            / "migrations"
            / "18.0.1.3.0"
            / "post-movements.py"
        )
        spec = importlib.util.spec_from_file_location("post_movements", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(cr, "18.0.1.2.0")
        awards.invalidate_recordset()
        self.assertEqual(merit.award_kind, "regular")
        self.assertEqual(sudden.award_kind, "sudden")
        self.assertEqual(merit.recipient_class, "worker")
        self.assertEqual(sudden.recipient_class, "leader_other")
        self.assertEqual(collective.recipient_class, "agency")

    def test_a_sudden_achievement_goes_through_the_council_at_any_time(self):
        """The form of unit A was received long ago; the Office adds a sudden achievement
        to it, the council passes it, and the decision made from the results grants an
        award of kind sudden."""
        self._approve_plan()
        self.env["tdkt.registration.line"].create(
            {
                "registration_id": self.form_a.id,
                "employee_id": self.employee_head_a.id,
                "title_id": self.title_ldtt.id,
                "rating": "good",
            }
        )
        self.form_a.with_user(self.head_a).with_context(
            tdkt_submit_confirmed=True
        ).action_submit()
        self.form_a.with_user(self.officer).action_receive()
        Line = self.env["tdkt.registration.line"].with_user(self.officer)
        vals = {
            "registration_id": self.form_a.id,
            "employee_id": self.employee_a.id,
            "title_id": self.title_certificate.id,
            "is_sudden": True,
        }
        with self._refused(ValidationError, "sudden achievement"):
            Line.create(vals)
        line = Line.create(
            {**vals, "sudden_reason": "Cứu người trong lũ quét tháng 7/2030"}
        )
        if line.eligibility_status == "ineligible":
            self.env["tdkt.eligibility.override"].with_user(self.officer).with_context(
                active_ids=line.ids
            ).create({"reason": "Thành tích đột xuất"}).action_confirm()
        council, members = self._create_council("emulation", 3)
        session = (
            self.env["tdkt.council.session"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Sudden 2030",
                    "council_id": council.id,
                    "plan_id": self.plan.id,
                }
            )
        )
        session.action_add_agenda()
        self.assertIn(line, session.item_ids.registration_line_id)
        session.action_start_voting()
        for item in session.item_ids:
            for user in members:
                item.with_user(user).action_vote("agree")
        session.action_close()
        self.assertEqual(line.vote_outcome, "approved")
        decision = self._decision()
        decision.action_create_from_results()
        self.assertEqual(decision.line_ids.registration_line_id, line)
        self.assertEqual(decision.line_ids.award_kind, "sudden")
        self.assertEqual(
            decision.line_ids.reason, "Cứu người trong lũ quét tháng 7/2030"
        )
        decision.with_user(self.manager).action_sign()
        self.assertEqual(decision.award_ids.award_kind, "sudden")
        self.assertEqual(decision.award_ids.employee_id, self.employee_a)


@tagged("post_install", "-at_install")
class TestMovementRpc(RpcMixin, HttpCase, TdktCommon):
    """The movement's steps and the classes of an award, called over the external
    JSON-RPC API (``/jsonrpc``, ``execute_kw``) by a unit's head and by the Office."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.award = cls.env["tdkt.award"].create(
            {
                "employee_id": cls.employee_a.id,
                "title_id": cls.title_ldtt.id,
                "year": 2029,
                "decision_number": "9/QĐ-A",
            }
        )
        cls.movement = cls.env["tdkt.movement"].create(
            {
                "name": "Phong trào chuyên đề 2030",
                "method": "thematic",
                "decision_number": "12/KH-SNV",
                "decision_date": date(2030, 3, 1),
                "date_start": date(2030, 3, 1),
                "date_end": date(2030, 12, 31),
            }
        )

    def test_only_the_office_sets_classes_and_launches_over_rpc(self):
        self.assertEqual(self.award.recipient_class, "worker")
        for vals in ({"recipient_class": "leader_other"}, {"award_kind": "sudden"}):
            self.assertRefused(
                self._rpc(self.head_a, "tdkt.award", "write", self.award.ids, vals)
            )
        self.assertRefused(
            self._rpc(self.head_a, "tdkt.movement", "action_launch", self.movement.ids)
        )
        self.assertRefused(
            self._rpc(
                self.head_a,
                "tdkt.movement",
                "write",
                self.movement.ids,
                {"state": "launched"},
            )
        )
        self.assertEqual(self.movement.state, "draft")
        self.assertEqual(
            self._rpc(
                self.user_a, "tdkt.movement", "read", self.movement.ids, ["name"]
            )[0][0]["name"],
            "Phong trào chuyên đề 2030",
        )
        self.assertAnswered(
            self._rpc(
                self.officer,
                "tdkt.award",
                "write",
                self.award.ids,
                {"recipient_class": "leader_other"},
            )
        )
        self.assertAnswered(
            self._rpc(self.officer, "tdkt.movement", "action_launch", self.movement.ids)
        )
        self.award.invalidate_recordset()
        self.movement.invalidate_recordset()
        self.assertEqual(self.award.recipient_class, "leader_other")
        self.assertEqual(self.movement.state, "launched")
