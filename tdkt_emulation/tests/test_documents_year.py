"""The papers of the year printed from Word templates: a unit's registration, the proposal
(tờ trình), the decision's reward money and golden book numbers, and the achievement report,
each read back from the Word file (python-docx) and the PDF (pdftotext)."""

import base64
import io
from datetime import date

import docx
from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from ..lib.docx_templates import build_template
from .common import TdktCommon
from .document_common import norm, pdf_text, read_docx


def _lines(cell_text):
    return [line for line in cell_text.split("\n") if line.strip()]


@tagged("post_install", "-at_install")
class TestRewardMoney(TdktCommon):
    """Reward money = coefficient × the base salary in force on the decision's date,
    stored on the line when the decision is signed; golden book numbers given at signing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Document = cls.env["tdkt.document"]

    def _decision(self, name, day, year=2029, subjects=None):
        subjects = subjects or [
            ("individual", self.employee_a, self.title_ldtt),
            ("individual", self.employee_b, self.title_ldtt),
            ("collective", self.unit_a, self.title_ttldtt),
        ]
        return self.env["tdkt.decision"].create(
            {
                "name": name,
                "date_decision": day,
                "year": year,
                "authority": "Giám đốc Sở Nội vụ",
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "subject_type": subject_type,
                            "employee_id": subject.id
                            if subject_type == "individual"
                            else False,
                            "unit_id": subject.id
                            if subject_type == "collective"
                            else False,
                            "title_id": title.id,
                        },
                    )
                    for subject_type, subject, title in subjects
                ],
            }
        )

    def _amounts(self, decision):
        return [
            (
                line.subject_name,
                line.reward_coefficient,
                line.base_salary,
                line.reward_amount,
            )
            for line in decision._get_printed_lines()
        ]

    def _printed_list(self, decision):
        _document, _paragraphs, tables = read_docx(
            self.Document.render("decision", decision, "docx")[0]
        )
        return tables[-1]

    def test_base_salary_in_force_on_the_decision_date(self):
        before = self._decision("01/QĐ-SNV", date(2024, 6, 30))
        after = self._decision("02/QĐ-SNV", date(2024, 7, 1))
        self.assertEqual(
            self._amounts(before),
            [
                ("Tdkt_User_A", 0.3, 1_800_000, 540_000),
                ("Tdkt_User_B", 0.3, 1_800_000, 540_000),
                ("Unit A", 0.8, 1_800_000, 1_440_000),
            ],
        )
        self.assertEqual(before.reward_total, 2_520_000)
        # 0.3 × 2,340,000 = 702,000 and 0.8 × 2,340,000 = 1,872,000, rounded up to the ten thousand.
        self.assertEqual(
            self._amounts(after),
            [
                ("Tdkt_User_A", 0.3, 2_340_000, 710_000),
                ("Tdkt_User_B", 0.3, 2_340_000, 710_000),
                ("Unit A", 0.8, 2_340_000, 1_880_000),
            ],
        )
        self.assertEqual(after.reward_total, 3_300_000)
        rows = self._printed_list(before)
        self.assertEqual([row[4] for row in rows[2:4]], ["540.000", "540.000"])
        self.assertEqual(rows[-1][4], "2.520.000")
        # The date moves: the amounts follow.
        before.date_decision = date(2024, 7, 1)
        self.assertEqual(before.reward_total, 3_300_000)
        # No date, no amount, and the article says what the law says.
        before.date_decision = False
        self.assertEqual(before.reward_total, 0)
        _document, paragraphs, tables = read_docx(
            self.Document.render("decision", before, "docx")[0]
        )
        self.assertIn(
            "Điều 2. Tiền thưởng kèm theo thực hiện theo quy định hiện hành của Nhà nước.",
            paragraphs,
        )
        self.assertNotIn("Tổng cộng", [row[0] for row in tables[-1]])

    def test_coefficients_have_validity_dates(self):
        shipped = self.env.ref("tdkt_emulation.reward_coefficient_ldtt")
        shipped.date_to = date(2029, 12, 31)
        self.env["tdkt.reward.coefficient"].create(
            {
                "title_id": self.title_ldtt.id,
                "subject_type": "individual",
                "coefficient": 0.5,
                "date_from": date(2030, 1, 1),
            }
        )
        old = self._decision("03/QĐ-SNV", date(2029, 12, 31))
        new = self._decision("04/QĐ-SNV", date(2030, 1, 1))
        self.assertEqual(self._amounts(old)[0][1:], (0.3, 2_340_000, 710_000))
        self.assertEqual(self._amounts(new)[0][1:], (0.5, 2_340_000, 1_170_000))
        with self.assertRaises(ValidationError):
            self.env["tdkt.reward.coefficient"].create(
                {
                    "title_id": self.title_ldtt.id,
                    "subject_type": "individual",
                    "coefficient": 0.4,
                    "date_from": date(2029, 6, 1),
                    "date_to": date(2030, 6, 1),
                }
            )

    def test_signed_decision_keeps_its_money_when_the_tables_change(self):
        signed = self._decision("05/QĐ-SNV", date(2030, 1, 8))
        signed.with_user(self.manager).action_sign()
        before = self._amounts(signed)
        self.assertEqual(signed.reward_total, 3_300_000)
        # A new decree raises the base salary from a date before the decision, and the
        # coefficient of LĐTT changes.
        self.env["tdkt.base.salary"].create(
            {"date_from": date(2025, 1, 1), "amount": 3_000_000}
        )
        self.env.ref("tdkt_emulation.reward_coefficient_ldtt").coefficient = 0.4
        signed.invalidate_recordset()
        signed.line_ids.invalidate_recordset()
        self.assertEqual(self._amounts(signed), before)
        self.assertEqual(signed.reward_total, 3_300_000)
        rows = self._printed_list(signed)
        self.assertEqual([row[4] for row in rows[2:4]], ["710.000", "710.000"])
        self.assertEqual(rows[-1][4], "3.300.000")
        # A draft of the same date prints the new tables.
        draft = self._decision(
            "06/QĐ-SNV",
            date(2030, 1, 8),
            year=2028,
            subjects=[("individual", self.employee_a, self.title_ldtt)],
        )
        self.assertEqual(self._printed_list(draft)[2][4], "1.200.000")
        # The signed amounts are the signature's own: nobody writes them.
        with self.assertRaises(AccessError):
            signed.line_ids[0].with_user(self.manager).write({"reward_amount": 1})

    def test_golden_book_numbers_are_sequential_and_unique(self):
        first = self._decision("07/QĐ-SNV", date(2030, 1, 8))
        second = self._decision(
            "08/QĐ-SNV",
            date(2030, 1, 9),
            year=2028,
            subjects=[
                ("collective", self.unit_b, self.title_ttldtt),
                ("individual", self.employee_a, self.title_ldtt),
            ],
        )
        self.assertFalse(any(first.line_ids.mapped("golden_book_number")))
        (first | second).with_user(self.manager).action_sign()
        numbers = [line.golden_book_number for line in first._get_printed_lines()]
        numbers += [line.golden_book_number for line in second._get_printed_lines()]
        start = numbers[0]
        self.assertGreater(start, 0)
        # In the order of the lists: the first decision's individuals, its collective, then
        # the second's individual and collective.
        self.assertEqual(numbers, list(range(start, start + 5)))
        awards = (first | second).award_ids
        self.assertEqual(
            sorted(awards.mapped("golden_book_number")), list(range(start, start + 5))
        )
        for line in (first | second).line_ids:
            award = awards.filtered(
                lambda a, line=line: a.subject_name == line.subject_name
                and a.year == line.decision_id.year
            )
            self.assertEqual(award.golden_book_number, line.golden_book_number)
        rows = self._printed_list(first)
        self.assertEqual(
            [row[5] for row in rows if row[0].isdigit()],
            [str(number) for number in numbers[:3]],
        )
        # A cancelled decision's numbers are not given again.
        first.with_user(self.manager)._cancel("Sai sót")
        third = self._decision(
            "09/QĐ-SNV",
            date(2030, 2, 1),
            subjects=[("individual", self.employee_head_a, self.title_ldtt)],
        )
        third.with_user(self.manager).action_sign()
        self.assertEqual(third.line_ids.golden_book_number, start + 5)
        # The database holds a number once per company.
        with mute_logger("odoo.sql_db"), self.assertRaises(UniqueViolation):
            third.award_ids.sudo().write({"golden_book_number": start + 3})
            self.env.flush_all()


@tagged("post_install", "-at_install")
class TestRegistrationDocument(TdktCommon):
    """A unit's registration printed, signed by the unit's head."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "tdkt_superior_body": "UBND tỉnh Lạng Sơn",
                "tdkt_issuing_body": "Sở Nội vụ",
                "tdkt_document_place": "Lạng Sơn",
            }
        )
        cls._approve_plan()
        Line = cls.env["tdkt.registration.line"]
        Line.create(
            [
                {
                    "registration_id": cls.form_a.id,
                    "employee_id": cls.employee_head_a.id,
                    "title_id": cls.title_ldtt.id,
                    "sequence": 2,
                    "rating": "good",
                },
                {
                    "registration_id": cls.form_a.id,
                    "employee_id": cls.employee_a.id,
                    "title_id": cls.title_ldtt.id,
                    "sequence": 1,
                    "rating": "good",
                    "note": "Nữ",
                },
                {
                    "registration_id": cls.form_a.id,
                    "subject_type": "collective",
                    "title_id": cls.title_ttldtt.id,
                },
            ]
        )
        cls.employee_a.job_title = "Chuyên viên"
        cls.employee_head_a.job_title = "Trưởng phòng"

    def test_registration_docx(self):
        # Printed in Vietnamese, the titles' names included.
        ldtt = self.title_ldtt.with_context(lang="vi_VN").name
        ttldtt = self.title_ttldtt.with_context(lang="vi_VN").name
        content, filename, _mimetype = self.env["tdkt.document"].render(
            "registration", self.form_a, "docx"
        )
        self.assertEqual(filename, "Đăng ký thi đua 2030 Unit A.docx")
        _document, paragraphs, tables = read_docx(content)
        header, table, foot = tables
        self.assertEqual(_lines(header[0][0]), ["SỞ NỘI VỤ", "UNIT A"])
        self.assertEqual(
            _lines(header[0][1]),
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Lạng Sơn, ngày … tháng … năm …",
            ],
        )
        self.assertEqual(
            paragraphs[:4],
            [
                "BẢN ĐĂNG KÝ THI ĐUA",
                "Danh hiệu thi đua năm 2030",
                "(Thực hiện Kế hoạch số 01/KH-TEST ngày 03 tháng 01 năm 2030 của Sở Nội vụ)",
                "Unit A đăng ký danh hiệu thi đua năm 2030 cho 2 cá nhân và 1 tập thể, cụ thể như sau:",
            ],
        )
        self.assertEqual(
            table,
            [
                ["TT", "Họ và tên", "Chức vụ", "Danh hiệu đăng ký", "Ghi chú"],
                ["I. CÁ NHÂN"] * 5,
                ["1", "Tdkt_User_A", "Chuyên viên", ldtt, "Nữ"],
                ["2", "Tdkt_Head_A", "Trưởng phòng", ldtt, ""],
                ["II. TẬP THỂ"] * 5,
                ["1", "Unit A", "", ttldtt, ""],
            ],
        )
        self.assertEqual(_lines(foot[0][1]), ["THỦ TRƯỞNG ĐƠN VỊ", "Tdkt_Head_A"])
        # Submitted: the date of the submission.
        self.form_a.with_user(self.head_a).action_submit()
        self.form_a.sudo().date_submitted = "2030-01-20 03:00:00"
        _document, _paragraphs, tables = read_docx(
            self.env["tdkt.document"].render("registration", self.form_a, "docx")[0]
        )
        self.assertEqual(
            _lines(tables[0][0][1])[2], "Lạng Sơn, ngày 20 tháng 01 năm 2030"
        )

    def test_registration_pdf(self):
        text = norm(
            pdf_text(
                self.env["tdkt.document"].render("registration", self.form_a, "pdf")[0]
            )
        )
        for line in (
            "SỞ NỘI VỤ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "BẢN ĐĂNG KÝ THI ĐUA",
            "Danh hiệu thi đua năm 2030",
            "I. CÁ NHÂN",
            "II. TẬP THỂ",
            "Tdkt_User_A",
            "THỦ TRƯỞNG ĐƠN VỊ",
            "Tdkt_Head_A",
        ):
            self.assertIn(line, text)

    def test_printed_in_vietnamese_whatever_the_language(self):
        # The addon installs Vietnamese, with the translations of the titles' names.
        self.assertTrue(self.env["res.lang"]._lang_get("vi_VN"))
        self.user_a.lang = "en_US"
        self.assertEqual(self.title_ldtt.with_user(self.user_a).name, "Advanced Worker")
        content = (
            self.env["tdkt.document"]
            .with_user(self.user_a)
            .render("registration", self.form_a.with_user(self.user_a), "docx")[0]
        )
        _document, _paragraphs, tables = read_docx(content)
        self.assertEqual(tables[1][2][3], "Lao động tiên tiến")

    def test_changed_template_is_used_at_the_next_print(self):
        template = self.env["tdkt.document.template"].search(
            [("kind", "=", "registration"), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(len(template), 1)
        document = docx.Document(io.BytesIO(build_template("registration")))
        document.add_paragraph("ĐƠN VỊ {{ registration.unit|upper }} CAM KẾT")
        output = io.BytesIO()
        document.save(output)
        template.template_file = base64.b64encode(output.getvalue())
        _document, paragraphs, _tables = read_docx(
            self.env["tdkt.document"].render("registration", self.form_a, "docx")[0]
        )
        self.assertIn("ĐƠN VỊ UNIT A CAM KẾT", paragraphs)

    def test_print_menus(self):
        for model, names in (
            (
                "tdkt.registration",
                {"Registration Form (PDF)", "Registration Form (Word)"},
            ),
            (
                "tdkt.registration.line",
                {"Achievement Report (PDF)", "Achievement Report (Word)"},
            ),
        ):
            bindings = (
                self.env["ir.actions.actions"]
                .with_user(self.user_a)
                ._get_bindings(model)
            )
            self.assertLessEqual(
                names, {action["name"] for action in bindings["report"]}
            )
        action = (
            self.env.ref("tdkt_emulation.tdkt_registration_print_docx")
            .with_user(self.user_a)
            .with_context(
                active_model="tdkt.registration",
                active_ids=self.form_a.ids,
                active_id=self.form_a.id,
            )
            .run()
        )
        self.assertEqual(
            action["url"], f"/tdkt/document/registration/{self.form_a.id}?format=docx"
        )


@tagged("post_install", "-at_install")
class TestProposalDocument(TdktCommon):
    """The council passes two titles; the Office's proposal (tờ trình) to the Director,
    printed from the draft decision and from the session."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "tdkt_superior_body": "UBND tỉnh Lạng Sơn",
                "tdkt_issuing_body": "Sở Nội vụ",
                "tdkt_document_place": "Lạng Sơn",
                "tdkt_proposal_body": "Văn phòng Sở",
                "tdkt_proposal_signer_id": cls.employee_head_a.id,
                "tdkt_proposal_signer_position": "Chánh Văn phòng",
            }
        )
        cls._approve_plan()
        Line = cls.env["tdkt.registration.line"]
        cls.line_a, cls.line_head, cls.line_rejected, cls.line_unit = Line.create(
            [
                {
                    "registration_id": cls.form_a.id,
                    "employee_id": employee.id,
                    "title_id": cls.title_ldtt.id,
                    "rating": "good",
                }
                for employee in (cls.employee_a, cls.employee_head_a)
            ]
            + [
                {
                    "registration_id": cls.form_b.id,
                    "employee_id": cls.employee_b.id,
                    "title_id": cls.title_ldtt.id,
                    "rating": "good",
                },
                {
                    "registration_id": cls.form_a.id,
                    "subject_type": "collective",
                    "title_id": cls.title_ttldtt.id,
                },
            ]
        )
        # The collective's rules need facts of the year this test does not enter.
        cls.line_unit.sudo().eligibility_override = True
        for form in (cls.form_a, cls.form_b):
            form.with_user(cls.officer).action_submit()
            form.with_user(cls.officer).action_receive()
        council, members = cls._create_council("emulation", 3, name="Hội đồng TĐKT Sở")
        cls.session = (
            cls.env["tdkt.council.session"]
            .with_user(cls.officer)
            .create(
                {
                    "name": "Phiên xét 2030",
                    "council_id": council.id,
                    "plan_id": cls.plan.id,
                    "date": date(2031, 1, 5),
                }
            )
        )
        cls.session.action_add_agenda()
        cls.session.action_start_voting()
        items = {item.registration_line_id: item for item in cls.session.item_ids}
        for index, user in enumerate(members):
            items[cls.line_a].with_user(user).action_vote("agree")
            items[cls.line_head].with_user(user).action_vote(
                "agree" if index < 3 else "disagree"
            )
            items[cls.line_unit].with_user(user).action_vote("agree")
            items[cls.line_rejected].with_user(user).action_vote("disagree")
        cls.session.action_close()
        cls.decision = cls.env["tdkt.decision"].create(
            {
                "year": 2030,
                "authority": "Giám đốc Sở Nội vụ",
                "legal_basis": "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;",
                "proposal_number": "25/TTr-VP",
                "date_proposal": date(2031, 1, 6),
            }
        )
        cls.decision.action_create_from_results()

    def _check_proposal(self, paragraphs, tables, number):
        # Printed in Vietnamese, the titles' names included.
        ldtt = self.title_ldtt.with_context(lang="vi_VN").name
        ttldtt = self.title_ttldtt.with_context(lang="vi_VN").name
        header, titles, foot, listing = tables
        self.assertEqual(
            _lines(header[0][0]), ["SỞ NỘI VỤ", "VĂN PHÒNG SỞ", f"Số: {number}"]
        )
        self.assertEqual(paragraphs[:3][0], "TỜ TRÌNH")
        self.assertEqual(
            paragraphs[1], "Về việc đề nghị công nhận danh hiệu thi đua năm 2030"
        )
        self.assertEqual(paragraphs[2], "Kính gửi: Giám đốc Sở Nội vụ.")
        self.assertIn(
            "Căn cứ kết quả họp xét của Hội đồng TĐKT Sở ngày 05/01/2031.", paragraphs
        )
        self.assertIn(
            "Văn phòng Sở kính trình Giám đốc Sở Nội vụ xem xét, công nhận danh hiệu thi đua "
            "năm 2030 cho 1 tập thể và 2 cá nhân, cụ thể như sau:",
            paragraphs,
        )
        self.assertEqual(
            titles,
            [
                ["TT", "Danh hiệu, hình thức", "Tập thể", "Cá nhân"],
                ["1", ldtt, "0", "2"],
                ["2", ttldtt, "1", "0"],
                ["Tổng cộng", "Tổng cộng", "1", "2"],
            ],
        )
        result = next(text for text in paragraphs if text.startswith("Kết quả:"))
        self.assertIn("3 trường hợp", result)
        self.assertIn("100,00%", result)
        self.assertIn(
            "Kính trình Giám đốc Sở Nội vụ xem xét, quyết định./.", paragraphs
        )
        self.assertEqual(_lines(foot[0][1]), ["CHÁNH VĂN PHÒNG", "Tdkt_Head_A"])
        self.assertEqual(listing[0][4], "Kết quả biểu quyết")
        self.assertEqual(
            sorted(row[1] for row in listing if row[0].isdigit()),
            ["Tdkt_Head_A", "Tdkt_User_A", "Unit A"],
        )
        self.assertEqual(
            {row[4] for row in listing if row[0].isdigit()}, {"3/3 (100,00%)"}
        )
        self.assertNotIn("Tdkt_User_B", str(listing))

    def test_proposal_from_the_draft_decision(self):
        content, filename, _mimetype = self.env["tdkt.document"].render(
            "proposal", self.decision, "docx"
        )
        self.assertEqual(filename, "Tờ trình 25-TTr-VP.docx")
        document, paragraphs, tables = read_docx(content)
        self._check_proposal(paragraphs, tables, "25/TTr-VP")
        self.assertEqual(
            _lines(tables[0][0][1])[2], "Lạng Sơn, ngày 06 tháng 01 năm 2031"
        )
        heading = next(p for p in document.paragraphs if p.text == "DANH SÁCH")
        self.assertTrue(heading.paragraph_format.page_break_before)
        self.assertIn(
            "(Kèm theo Tờ trình số 25/TTr-VP ngày 06 tháng 01 năm 2031 của Văn phòng Sở)",
            paragraphs,
        )
        # The decision's "Xét đề nghị" line names the proposal when it has no text of its own.
        _document, paragraphs, _tables = read_docx(
            self.env["tdkt.document"].render("decision", self.decision, "docx")[0]
        )
        self.assertIn(
            "Xét đề nghị của Văn phòng Sở tại Tờ trình số 25/TTr-VP ngày 06/01/2031.",
            paragraphs,
        )

    def test_proposal_is_the_offices_to_print(self):
        """The tờ trình carries the council's votes on every unit's titles: a unit's user,
        who reads the decision but not the other units' registered titles, or a member of
        the council, does not print it (neither from the decision nor from the session),
        nor sees it in the print menu."""
        member = self.session.council_id.member_ids.user_id[:1]
        with self.assertRaises(AccessError):
            self.line_a.with_user(self.user_b).read(["vote_agree_count"])
        Document = self.env["tdkt.document"]
        for user, kind, record in (
            (self.user_b, "proposal", self.decision),
            (self.user_a, "proposal", self.decision),
            (member, "proposal", self.decision),
            (member, "session_proposal", self.session),
        ):
            with self.subTest(user=user.login, kind=kind):
                with self.assertRaises(AccessError):
                    Document.with_user(user).render(kind, record, "docx")
                bindings = (
                    self.env["ir.actions.actions"]
                    .with_user(user)
                    .get_bindings(record._name)
                )
                self.assertNotIn(
                    "Proposal (Word)", {action["name"] for action in bindings["report"]}
                )
        # The Office prints both, from the print menu.
        for kind, record in (
            ("proposal", self.decision),
            ("session_proposal", self.session),
        ):
            Document.with_user(self.officer).render(kind, record, "docx")
            bindings = (
                self.env["ir.actions.actions"]
                .with_user(self.officer)
                .get_bindings(record._name)
            )
            self.assertLessEqual(
                {"Proposal (PDF)", "Proposal (Word)"},
                {action["name"] for action in bindings["report"]},
            )

    def test_proposal_from_the_session(self):
        content, filename, _mimetype = self.env["tdkt.document"].render(
            "session_proposal", self.session, "docx"
        )
        self.assertEqual(filename, "Tờ trình Phiên xét 2030.docx")
        _document, paragraphs, tables = read_docx(content)
        self._check_proposal(paragraphs, tables, "")

    def test_proposal_pdf(self):
        pages = pdf_text(
            self.env["tdkt.document"].render("proposal", self.decision, "pdf")[0]
        ).split("\f")
        text = norm(" ".join(pages))
        for line in (
            "TỜ TRÌNH",
            "Kính gửi: Giám đốc Sở Nội vụ.",
            "CHÁNH VĂN PHÒNG",
            "DANH SÁCH",
            "3/3 (100,00%)",
        ):
            self.assertIn(line, text)
        list_page = next(i for i, page in enumerate(pages) if "DANH SÁCH" in page)
        self.assertGreater(list_page, 0)
        self.assertNotIn("Kính trình", pages[list_page])


@tagged("post_install", "-at_install")
class TestAchievementDocument(TdktCommon):
    """The achievement report of a registered title: the person or the unit, the
    achievements the unit wrote, the awards received."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {"tdkt_issuing_body": "Sở Nội vụ", "tdkt_document_place": "Lạng Sơn"}
        )
        cls._approve_plan()
        cls.employee_a.write(
            {
                "job_title": "Chuyên viên",
                "birthday": date(1985, 3, 5),
                "gender": "female",
                "place_of_birth": "Cao Lộc, Lạng Sơn",
                "private_street": "12 Trần Đăng Ninh",
                "private_city": "Lạng Sơn",
                "certificate": "bachelor",
                "study_field": "Luật",
            }
        )
        Line = cls.env["tdkt.registration.line"]
        cls.line = Line.create(
            {
                "registration_id": cls.form_a.id,
                "employee_id": cls.employee_a.id,
                "title_id": cls.title_cstdcs.id,
                "achievements": "<p>Hoàn thành <b>xuất sắc</b> nhiệm vụ.</p><p>Có 01 sáng kiến.</p>",
            }
        )
        cls.line_unit = Line.create(
            {
                "registration_id": cls.form_a.id,
                "subject_type": "collective",
                "title_id": cls.title_ttldtt.id,
                "achievements": "<p>Tập thể đoàn kết.</p>",
            }
        )
        Award = cls.env["tdkt.award"].with_user(cls.officer)
        certificate = cls.env.ref("tdkt_emulation.title_certificate_director")
        Award.create(
            [
                {
                    "employee_id": cls.employee_a.id,
                    "year": year,
                    "title_id": title.id,
                    "decision_number": number,
                    "decision_date": day,
                    "decision_authority": "Giám đốc Sở Nội vụ",
                }
                for year, title, number, day in (
                    (2029, cls.title_ldtt, "10/QĐ-SNV", date(2030, 1, 10)),
                    (2028, cls.title_ldtt, "08/QĐ-SNV", date(2029, 1, 9)),
                    (2029, certificate, "11/QĐ-SNV", date(2030, 1, 12)),
                )
            ]
            + [
                {
                    "subject_type": "collective",
                    "unit_id": cls.unit_a.id,
                    "year": 2029,
                    "title_id": cls.title_ttldtt.id,
                    "decision_number": "10/QĐ-SNV",
                    "decision_date": date(2030, 1, 10),
                    "decision_authority": "Giám đốc Sở Nội vụ",
                }
            ]
        )

    def test_individual_report(self):
        # Printed in Vietnamese, the titles' names included.
        cstdcs = self.title_cstdcs.with_context(lang="vi_VN").name
        ldtt = self.title_ldtt.with_context(lang="vi_VN").name
        director = self.env.ref("tdkt_emulation.title_certificate_director")
        director = director.with_context(lang="vi_VN").name
        content, filename, _mimetype = self.env["tdkt.document"].render(
            "achievement", self.line, "docx"
        )
        self.assertEqual(filename, "Báo cáo thành tích 2030 Tdkt_User_A.docx")
        _document, paragraphs, tables = read_docx(content)
        header, titles, forms, foot = tables
        self.assertEqual(_lines(header[0][0]), ["SỞ NỘI VỤ", "UNIT A"])
        self.assertEqual(
            paragraphs[:4],
            [
                "BÁO CÁO THÀNH TÍCH",
                f"ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU {cstdcs.upper()}",
                "(Năm 2030)",
                "I. SƠ LƯỢC LÝ LỊCH",
            ],
        )
        self.assertEqual(
            paragraphs[4:13],
            [
                "- Họ và tên: Tdkt_User_A",
                "- Sinh ngày, tháng, năm: 05/03/1985",
                "- Giới tính: Nữ",
                "- Quê quán: Cao Lộc, Lạng Sơn",
                "- Trú quán: 12 Trần Đăng Ninh, Lạng Sơn",
                "- Đơn vị công tác: Unit A",
                "- Chức vụ (Đảng, chính quyền, đoàn thể): Chuyên viên",
                "- Trình độ chuyên môn, nghiệp vụ: Đại học Luật",
                "- Học hàm, học vị, danh hiệu, giải thưởng: ",
            ],
        )
        section_two = paragraphs.index("II. THÀNH TÍCH ĐẠT ĐƯỢC")
        self.assertEqual(
            paragraphs[section_two + 1 : section_two + 3],
            ["Hoàn thành xuất sắc nhiệm vụ.", "Có 01 sáng kiến."],
        )
        self.assertIn("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", paragraphs)
        self.assertEqual(
            titles,
            [
                [
                    "Năm",
                    "Danh hiệu thi đua",
                    "Số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định",
                ],
                [
                    "2028",
                    ldtt,
                    "Quyết định số 08/QĐ-SNV, ngày 09/01/2029, của Giám đốc Sở Nội vụ",
                ],
                [
                    "2029",
                    ldtt,
                    "Quyết định số 10/QĐ-SNV, ngày 10/01/2030, của Giám đốc Sở Nội vụ",
                ],
            ],
        )
        self.assertEqual(
            forms[1][:2],
            ["2029", director],
        )
        self.assertEqual(len(forms), 2)
        self.assertEqual(
            _lines(foot[0][0]),
            ["THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ", "(Ký, đóng dấu)", "Tdkt_Head_A"],
        )
        self.assertEqual(
            _lines(foot[0][1]),
            ["NGƯỜI BÁO CÁO THÀNH TÍCH", "(Ký, ghi rõ họ và tên)", "Tdkt_User_A"],
        )

    def test_collective_report_and_pdf(self):
        # Printed in Vietnamese, the titles' names included.
        ttldtt = self.title_ttldtt.with_context(lang="vi_VN").name
        content = self.env["tdkt.document"].render(
            "achievement", self.line_unit, "docx"
        )[0]
        _document, paragraphs, tables = read_docx(content)
        self.assertIn("I. ĐẶC ĐIỂM, TÌNH HÌNH", paragraphs)
        self.assertIn("- Tên tập thể: Unit A", paragraphs)
        self.assertIn("- Thủ trưởng đơn vị: Tdkt_Head_A", paragraphs)
        self.assertIn("Tập thể đoàn kết.", paragraphs)
        self.assertEqual([row[:2] for row in tables[1][1:]], [["2029", ttldtt]])
        self.assertEqual(len(tables[2]), 1)
        self.assertEqual(_lines(tables[3][0][1])[0], "THỦ TRƯỞNG ĐƠN VỊ")
        text = norm(
            pdf_text(
                self.env["tdkt.document"].render("achievement", self.line, "pdf")[0]
            )
        )
        for line in (
            "BÁO CÁO THÀNH TÍCH",
            "I. SƠ LƯỢC LÝ LỊCH",
            "Sinh ngày, tháng, năm: 05/03/1985",
            "II. THÀNH TÍCH ĐẠT ĐƯỢC",
            "Hoàn thành xuất sắc nhiệm vụ.",
            "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
            "10/QĐ-SNV",
            "NGƯỜI BÁO CÁO THÀNH TÍCH",
        ):
            self.assertIn(line, text)

    def test_the_unit_writes_the_achievements_and_colleagues_do_not_print(self):
        self.line.with_user(self.user_a).achievements = "<p>Viết lại.</p>"
        self.assertIn("Viết lại.", self.line.achievements)
        Document = self.env["tdkt.document"]
        # The person and the unit's head print it; a colleague does not.
        Document.with_user(self.user_a).action_print(
            "achievement", self.line.with_user(self.user_a), "docx"
        )
        Document.with_user(self.head_a).action_print(
            "achievement", self.line.with_user(self.head_a), "docx"
        )
        colleague_line = self.env["tdkt.registration.line"].create(
            {
                "registration_id": self.form_a.id,
                "employee_id": self.employee_head_a.id,
                "title_id": self.title_ldtt.id,
            }
        )
        with self.assertRaises(AccessError):
            Document.with_user(self.user_a).render(
                "achievement", colleague_line.with_user(self.user_a), "docx"
            )


@tagged("post_install", "-at_install")
class TestAchievementRoute(HttpCase):
    """The download route refuses an achievement report to a colleague of the unit."""

    def setUp(self):
        super().setUp()
        unit = self.env["hr.department"].create({"name": "Phòng Nội vụ"})
        group = self.env.ref("tdkt_emulation.group_tdkt_user")
        self.users = {}
        for login in ("tdkt_ach_self", "tdkt_ach_colleague"):
            user = self.env["res.users"].create(
                {
                    "name": login,
                    "login": login,
                    "password": login,
                    "groups_id": [(6, 0, group.ids)],
                }
            )
            self.users[login] = self.env["hr.employee"].create(
                {"name": login, "user_id": user.id, "department_id": unit.id}
            )
        plan = self.env["tdkt.plan"].create(
            {"name": "Kế hoạch năm 2031", "number": "01/KH-X", "year": 2031}
        )
        plan.registration_unit_ids = unit
        plan.action_approve()
        self.line = self.env["tdkt.registration.line"].create(
            {
                "registration_id": plan.registration_ids.id,
                "employee_id": self.users["tdkt_ach_self"].id,
                "title_id": self.env.ref("tdkt_emulation.title_ldtt").id,
                "achievements": "<p>Hoàn thành tốt nhiệm vụ.</p>",
            }
        )

    def test_route(self):
        url = f"/tdkt/document/achievement/{self.line.id}?format=docx"
        self.authenticate("tdkt_ach_self", "tdkt_ach_self")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        _document, paragraphs, _tables = read_docx(response.content)
        self.assertIn("Hoàn thành tốt nhiệm vụ.", paragraphs)
        self.authenticate("tdkt_ach_colleague", "tdkt_ach_colleague")
        with self.assertLogs("odoo.http", level="WARNING"):
            response = self.url_open(url)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"PK", response.content[:2])
