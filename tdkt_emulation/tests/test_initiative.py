import io

import openpyxl
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestInitiative(TdktCommon):
    """Unit A's initiatives scored by an initiative council of 4 members on the default
    criteria (30 + 30 + 40 points, pass mark 50%)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.council, cls.members = cls._create_council("initiative", 4)
        cls.criteria = cls.env["tdkt.initiative.criterion"].search([])
        cls.novelty, cls.applicability, cls.effectiveness = cls.criteria
        Initiative = cls.env["tdkt.initiative"].with_user(cls.user_a)
        cls.good = Initiative.create(
            cls._initiative_vals("Online filing of emulation records")
        )
        cls.weak = Initiative.create(cls._initiative_vals("A new folder colour"))
        (cls.good | cls.weak).action_submit()

    @classmethod
    def _initiative_vals(cls, name, **vals):
        return {
            "name": name,
            "unit_id": cls.unit_a.id,
            "year": 2030,
            "solution": "Steps of the solution",
            "author_ids": [
                (0, 0, {"employee_id": cls.employee_a.id, "contribution": 60}),
                (0, 0, {"employee_id": cls.employee_head_a.id, "contribution": 40}),
            ],
            **vals,
        }

    def _start_session(self):
        session = (
            self.env["tdkt.council.session"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Initiatives 2030",
                    "council_id": self.council.id,
                    "year": 2030,
                }
            )
        )
        session.action_add_agenda()
        session.action_start_voting()
        return session

    def _score(self, session, initiative, user, points):
        item = session.item_ids.filtered(
            lambda item: item.initiative_id == initiative
        ).with_user(user)
        wizard = Form(
            self.env["tdkt.initiative.scoring"]
            .with_user(user)
            .with_context(default_item_id=item.id)
        )
        for index, value in enumerate(points):
            with wizard.line_ids.edit(index) as line:
                line.points = value
        wizard.save().action_confirm()
        return item

    def test_form_names_the_initiative_and_its_submission_in_vietnamese(self):
        Initiative = self.env["tdkt.initiative"].with_context(lang="vi_VN")
        self.assertEqual(
            Initiative.fields_get(["name"])["name"]["string"], "Tên sáng kiến"
        )
        form = etree.fromstring(Initiative.get_view(view_type="form")["arch"])
        self.assertEqual(
            form.xpath("//button[@name='action_submit']/@string"),
            ["Gửi Hội đồng sáng kiến"],
        )

    def test_contributions_add_up_to_100(self):
        Initiative = self.env["tdkt.initiative"].with_user(self.user_a)
        vals = self._initiative_vals("Half authored")
        vals["author_ids"][1][2]["contribution"] = 30
        # assertRaises, not assertRaisesRegex: it rolls back to a savepoint, as a failed call would.
        with self.assertRaises(ValidationError) as caught:
            Initiative.create(vals)
            self.env.flush_all()
        self.assertIn("Half authored add up to 90.0%, not 100%", str(caught.exception))
        draft = Initiative.create(self._initiative_vals("Draft"))
        # Changing one author alone, as an RPC call would, fails when the call ends.
        with self.assertRaises(ValidationError) as caught:
            draft.author_ids.filtered(
                lambda author: author.contribution == 60
            ).contribution = 70
            self.env.flush_all()
        self.assertIn("add up to 110.0%", str(caught.exception))
        with self.assertRaises(ValidationError):
            draft.author_ids[1].contribution = 0
            self.env.flush_all()
        draft.write(
            {
                "author_ids": [
                    (1, draft.author_ids[0].id, {"contribution": 50}),
                    (1, draft.author_ids[1].id, {"contribution": 50}),
                ]
            }
        )
        self.assertEqual(draft.author_user_ids, self.user_a | self.head_a)
        with self.assertRaisesRegex(UserError, "Name the authors"):
            Initiative.create(
                {"name": "Nobody's", "unit_id": self.unit_a.id, "solution": "x"}
            ).action_submit()

    def test_submitted_initiative_is_read_only_to_its_unit(self):
        with self.assertRaisesRegex(UserError, "only the Office"):
            self.good.with_user(self.user_a).name = "Changed"
        with self.assertRaises(AccessError):
            self.good.with_user(self.user_a).write({"state": "draft"})
        self.good.with_user(self.officer).name = "Corrected by the Office"

    def test_scores_outside_bounds_are_refused(self):
        session = self._start_session()
        for points in ([31, 10, 10], [10, -1, 10], [10, 10, 40.5]):
            with self.assertRaisesRegex(ValidationError, "is scored from 0 to"):
                self._score(session, self.good, self.members[0], points)
        self.assertFalse(self.env["tdkt.initiative.score"].search([]))

    def test_average_over_members_who_scored_and_results(self):
        session = self._start_session()
        # Three of four members score; the fourth's silence does not lower the average.
        self._score(session, self.good, self.members[0], [30, 20, 30])
        self._score(session, self.good, self.members[1], [20, 20, 20])
        item = self._score(session, self.good, self.members[2], [25, 20, 10])
        self._score(session, self.weak, self.members[0], [5, 10, 10])
        # A member may correct their card until the session closes.
        self._score(session, self.weak, self.members[0], [5, 10, 20])
        self.assertEqual(item.sudo().voted_count, 3)
        with self.assertRaisesRegex(UserError, "scored, not voted"):
            item.action_vote("agree")
        with self.assertRaises(AccessError):
            self._score(session, self.good, self.user_b, [1, 1, 1])
        session.with_user(self.officer).action_close()

        self.assertRecordValues(
            self.good | self.weak,
            [
                {
                    "score_total": 65.0,
                    "score_max": 100.0,
                    "pass_mark": 50.0,
                    "score_result": "passed",
                    "state": "scoring",
                },
                {
                    "score_total": 35.0,
                    "score_max": 100.0,
                    "pass_mark": 50.0,
                    "score_result": "failed",
                    "state": "rejected",
                },
            ],
        )
        self.assertEqual(item.scorer_count, 3)
        with self.assertRaisesRegex(UserError, "not open for voting"):
            self._score(session, self.good, self.members[3], [30, 30, 40])

    def test_recognition(self):
        session = self._start_session()
        for user in self.members[:2]:
            self._score(session, self.good, user, [25, 25, 30])
            self._score(session, self.weak, user, [1, 1, 1])
        session.with_user(self.officer).action_close()
        with self.assertRaises(AccessError):
            self.good.with_user(self.officer).action_recognize()
        with self.assertRaises(AccessError):
            self.good.with_user(self.officer).write({"scope": "grassroots"})
        manager_good = self.good.with_user(self.manager)
        with self.assertRaisesRegex(UserError, "Set the recognition scope"):
            manager_good.action_recognize()
        manager_good.write({"scope": "grassroots", "recognition_decision": "15/QĐ-SNV"})
        manager_good.action_recognize()
        self.assertEqual(self.good.state, "recognized")
        self.assertTrue(self.good.date_recognition)
        with self.assertRaisesRegex(UserError, "passed the council's scoring"):
            self.weak.with_user(self.manager).action_recognize()
        with self.assertRaisesRegex(UserError, "read-only"):
            self.good.with_user(self.officer).name = "Too late"

    def test_who_sees_initiatives(self):
        Initiative = self.env["tdkt.initiative"]
        self.assertEqual(
            Initiative.with_user(self.user_a).search([]), self.good | self.weak
        )
        self.assertEqual(Initiative.with_user(self.user_b).search([]), Initiative)
        self.assertEqual(Initiative.with_user(self.members[0]).search([]), Initiative)
        session = self._start_session()
        # On a session of their council, the members read the initiatives, and cannot change them.
        self.assertEqual(
            Initiative.with_user(self.members[0]).search([]), self.good | self.weak
        )
        with self.assertRaises(AccessError):
            self.good.with_user(self.members[0]).write({"benefits": "More"})
        # Members read their own score cards only; the Office reads all.
        self._score(session, self.good, self.members[0], [10, 10, 10])
        self._score(session, self.good, self.members[1], [20, 20, 20])
        Score = self.env["tdkt.initiative.score"]
        self.assertEqual(
            Score.with_user(self.members[0]).search([]).mapped("points"), [10, 10, 10]
        )
        self.assertEqual(len(Score.with_user(self.officer).search([])), 6)
        with self.assertRaises(AccessError):
            Score.with_user(self.members[0]).create(
                {
                    "item_id": session.item_ids[0].id,
                    "member_id": self.council.member_ids[0].id,
                    "criterion_id": self.novelty.id,
                    "points": 1,
                    "max_points": 30,
                }
            )

    def test_scoring_xlsx(self):
        session = self._start_session()
        self._score(session, self.good, self.members[0], [30, 20, 30])
        self._score(session, self.good, self.members[1], [20, 20, 20])
        session.with_user(self.officer).action_close()
        # Worded in Vietnamese whatever the reader's language.
        self.officer.lang = "en_US"
        content, filename, _mimetype = (
            self.env["tdkt.xlsx.report"]
            .with_user(self.officer)
            .render("council_session", session.with_user(self.officer))
        )
        self.assertTrue(filename.startswith("cham-diem-sang-kien-"))
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(
            len(book.sheetnames),
            3,
            "the summary and one score card per member who scored",
        )
        summary = book.worksheets[0]
        header = [cell.value for cell in summary[8]]
        self.assertEqual(
            header[4:7], self.criteria.with_context(lang="vi_VN").mapped("name")
        )
        rows = {row[1]: row for row in summary.iter_rows(min_row=9, values_only=True)}
        good = rows[self.good.name]
        self.assertEqual(
            good[2], f"{self.employee_a.name} (60%), {self.employee_head_a.name} (40%)"
        )
        self.assertEqual(good[4:11], (25, 20, 25, 70, 50, 2, "Đạt"))
        self.assertEqual(rows[self.weak.name][10], "Không đạt")
        card = book[book.sheetnames[1]]
        self.assertIn(self.council.member_ids[0].employee_id.name, card["A5"].value)
        card_rows = {row[1]: row for row in card.iter_rows(min_row=9, values_only=True)}
        self.assertEqual(card_rows[self.good.name][2:], (30, 20, 30, 80))
        self.assertEqual(card_rows[self.weak.name][2:], (None, None, None, 0))
