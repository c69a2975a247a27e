import base64
import io
import logging
import time
from datetime import date

import docx

from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, TransactionCase, tagged

from ..lib.docx_templates import build_template
from .common import TdktCommon
from .document_common import (
    between,
    docx_rows,
    norm,
    pdf_text,
    read_docx,
    seed_lines,
    seed_rows,
)

_logger = logging.getLogger(__name__)


def _template_with(kind, text):
    """The shipped template of ``kind`` with a paragraph ``text`` added at its end."""
    document = docx.Document(io.BytesIO(build_template(kind)))
    document.add_paragraph(text)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


@tagged("post_install", "-at_install")
class TestPlanDocument(TransactionCase):
    """The demo plan printed reads as the seed plan 03/KH-SNV."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env.ref("tdkt_emulation.plan_2020", raise_if_not_found=False)
        cls.Document = cls.env["tdkt.document"]

    def setUp(self):
        super().setUp()
        if not self.plan:
            self.skipTest("installed without demo data")

    def test_plan_docx_reads_as_the_seed(self):
        content, filename, mimetype = self.Document.render("plan", self.plan, "docx")
        self.assertEqual(filename, "Kế hoạch 03-KH-SNV.docx")
        self.assertIn("wordprocessingml", mimetype)
        _document, paragraphs, tables = read_docx(content)
        header, table, foot = tables
        seed = seed_lines()

        # The frame: bodies and number | national motto, place and date; type and summary.
        self.assertEqual(
            [norm(text) for text in header[0][0].split("\n")],
            ["UBND TỈNH LẠNG SƠN", "SỞ NỘI VỤ", "Số: 03/KH-SNV"],
        )
        self.assertEqual(
            header[0][1].split("\n"),
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Lạng Sơn, ngày 03 tháng 01 năm 2020",
            ],
        )
        self.assertIn("Số: 03/KH-SNV", [norm(line).replace(" /", "/") for line in seed])
        self.assertIn("Lạng Sơn, ngày 03 tháng 01 năm 2020", seed)
        self.assertEqual(
            paragraphs[:2], ["KẾ HOẠCH", "Công tác thi đua, khen thưởng năm 2020"]
        )
        self.assertEqual(
            seed[seed.index("KẾ HOẠCH") + 1], "Công tác thi đua, khen thưởng năm 2020"
        )

        # The same sections, in the same order, with the same text.
        headings = [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích",
            "2. Yêu cầu",
            "II. NỘI DUNG, THỜI GIAN THỰC HIỆN",
            "III. GIẢI PHÁP CHỦ YẾU",
            "IV. TỔ CHỨC THỰC HIỆN",
        ]
        self.assertEqual([text for text in paragraphs if text in headings], headings)
        sections = [
            ("Công tác thi đua, khen thưởng năm 2020", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("1. Mục đích", "2. Yêu cầu"),
            ("2. Yêu cầu", "II. NỘI DUNG, THỜI GIAN THỰC HIỆN"),
            ("III. GIẢI PHÁP CHỦ YẾU", "IV. TỔ CHỨC THỰC HIỆN"),
        ]
        for start, end in sections:
            with self.subTest(section=start):
                self.assertEqual(
                    between(paragraphs, start, end), between(seed, start, end)
                )
        self.assertEqual(
            between(paragraphs, "IV. TỔ CHỨC THỰC HIỆN"),
            between(seed, "IV. TỔ CHỨC THỰC HIỆN", "Nơi nhận:"),
        )

        # The table: the same 17 rows in the same quarters, with the same units.
        self.assertEqual(table[0], ["TT", "NỘI DUNG", "ĐƠN VỊ THỰC HIỆN"])
        rows = docx_rows(table)
        self.assertEqual(len(rows), 17)
        self.assertEqual(rows, seed_rows())

        # Recipients and signer.
        recipients, signature = foot[0]
        seed_recipients = [
            line
            for line in seed[seed.index("Nơi nhận:") : seed.index("GIÁM ĐỐC")]
            if line
        ]
        self.assertEqual(recipients.split("\n"), seed_recipients)
        self.assertEqual(
            [line for line in signature.split("\n") if line],
            ["GIÁM ĐỐC", "Nguyễn Quốc Khánh"],
        )

    def test_plan_pdf_text(self):
        content, filename, mimetype = self.Document.render("plan", self.plan, "pdf")
        self.assertEqual(
            (filename, mimetype), ("Kế hoạch 03-KH-SNV.pdf", "application/pdf")
        )
        self.assertTrue(content.startswith(b"%PDF"))
        text = norm(pdf_text(content))
        for line in (
            "UBND TỈNH LẠNG SƠN",
            "SỞ NỘI VỤ",
            "Số: 03/KH-SNV",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Lạng Sơn, ngày 03 tháng 01 năm 2020",
            "KẾ HOẠCH",
            "Công tác thi đua, khen thưởng năm 2020",
            "QUÝ I",
            "QUÝ IV",
            "Nơi nhận:",
            "GIÁM ĐỐC",
            "Nguyễn Quốc Khánh",
        ):
            self.assertIn(line, text)
        # Every row's content, by its first words, in the seed's order, diacritics intact;
        # and every row's number. Where a number stands beside its content depends on how
        # the font breaks the lines (the columns' lines interleave in the PDF's text).
        position = 0
        for _quarter, number, content_text, _units in seed_rows():
            start = " ".join(content_text.split()[:3])
            found = text.find(start, position)
            self.assertGreater(found, -1, start)
            position = found
            self.assertRegex(text, rf"(^|\s){number}\s", number)

    def test_changed_template_is_used_at_the_next_print(self):
        template = self.env["tdkt.document.template"].search(
            [("kind", "=", "plan"), ("company_id", "=", self.plan.company_id.id)]
        )
        self.assertEqual(len(template), 1, "the shipped template is created at install")
        template.template_file = base64.b64encode(
            _template_with("plan", "MẪU CỦA VĂN PHÒNG NĂM {{ plan.year }}")
        )
        _document, paragraphs, _tables = read_docx(
            self.Document.render("plan", self.plan, "docx")[0]
        )
        self.assertIn("MẪU CỦA VĂN PHÒNG NĂM 2020", paragraphs)
        template.action_restore_shipped()
        _document, paragraphs, _tables = read_docx(
            self.Document.render("plan", self.plan, "docx")[0]
        )
        self.assertNotIn("MẪU CỦA VĂN PHÒNG NĂM 2020", paragraphs)
        self.assertIn("KẾ HOẠCH", paragraphs)


@tagged("post_install", "-at_install")
class TestDocumentTemplate(TdktCommon):
    """Templates as records: refused when they use what their document does not offer."""

    def _template(self, kind="plan"):
        return self.env["tdkt.document.template"].search(
            [("kind", "=", kind), ("company_id", "=", self.company.id)]
        )

    def test_unknown_placeholder_is_refused_and_the_template_kept(self):
        template = self._template()
        before = template._get_template_bytes()
        with self.assertRaises(ValidationError) as caught:
            template.template_file = base64.b64encode(
                _template_with("plan", "{{ budget_total }}")
            )
        self.assertIn("budget_total", str(caught.exception))
        self.assertEqual(template._get_template_bytes(), before)

    def test_unknown_attribute_stops_the_print_naming_it(self):
        template = self._template()
        template.template_file = base64.b64encode(
            _template_with("plan", "{{ plan.budget_total }}")
        )
        with self.assertRaises(UserError) as caught:
            self.env["tdkt.document"].render("plan", self.plan, "docx")
        self.assertIn("budget_total", str(caught.exception))
        with self.assertRaises(UserError):
            self.env["tdkt.document"].action_print("plan", self.plan, "docx")

    def test_malformed_tag_and_not_a_word_file_are_refused(self):
        template = self._template()
        with self.assertRaises(ValidationError) as caught:
            template.template_file = base64.b64encode(
                _template_with("plan", "{{ plan.year ")
            )
        self.assertIn("malformed", str(caught.exception))
        with self.assertRaises(ValidationError):
            template.template_file = base64.b64encode(b"not a word file")

    def test_one_template_per_kind_and_company(self):
        with self.assertRaises(ValidationError):
            self.env["tdkt.document.template"].create(
                {
                    "kind": "plan",
                    "template_file": base64.b64encode(build_template("plan")),
                }
            )

    def test_users_read_templates_officers_change_them(self):
        template = self._template()
        self.assertTrue(template.with_user(self.user_a).placeholder_help)
        template.with_user(self.officer).action_restore_shipped()
        with self.assertRaises(Exception):  # noqa: B017 - AccessError
            template.with_user(self.user_a).template_file = base64.b64encode(
                build_template("plan")
            )

    def test_print_menu_of_the_plan_and_the_decision(self):
        for model, names in (
            ("tdkt.plan", {"Plan (PDF)", "Plan (Word)"}),
            ("tdkt.decision", {"Decision and List (PDF)", "Decision and List (Word)"}),
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
            self.env.ref("tdkt_emulation.tdkt_plan_print_docx")
            .with_user(self.user_a)
            .with_context(
                active_model="tdkt.plan",
                active_ids=self.plan.ids,
                active_id=self.plan.id,
            )
            .run()
        )
        self.assertEqual(
            action,
            {
                "type": "ir.actions.act_url",
                "url": f"/tdkt/document/plan/{self.plan.id}?format=docx",
                "target": "download",
            },
        )

    def test_print_action_downloads_through_the_route(self):
        action = (
            self.env["tdkt.document"]
            .with_user(self.user_a)
            .action_print("plan", self.plan, "pdf")
        )
        self.assertEqual(
            action["url"], f"/tdkt/document/plan/{self.plan.id}?format=pdf"
        )
        with self.assertRaises(UserError):
            self.env["tdkt.document"].action_print(
                "plan", self.plan | self.plan.copy({"year": 2031}), "pdf"
            )

    def test_plan_without_demo_data_prints(self):
        """A plan with no text and default sequences still prints, rows numbered 1, 2, 3."""
        _document, paragraphs, tables = read_docx(
            self.env["tdkt.document"].render("plan", self.plan, "docx")[0]
        )
        self.assertIn("KẾ HOẠCH", paragraphs)
        self.assertEqual([row[1] for row in docx_rows(tables[1])], [1, 2, 3])
        self.assertEqual(
            [row[3] for row in docx_rows(tables[1])], ["Unit A.", "Unit A1.", "Unit B."]
        )


@tagged("post_install", "-at_install")
class TestDecisionDocument(TdktCommon):
    """The decision with its "Căn cứ" lines, its articles and its list on a page of its own."""

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
        cls.decision = cls.env["tdkt.decision"].create(
            {
                "name": "15/QĐ-SNV",
                "date_decision": date(2030, 1, 8),
                "year": 2029,
                "authority": "Giám đốc Sở Nội vụ",
                "signer_position": "Giám đốc",
                "summary": "Công nhận danh hiệu thi đua năm 2029",
                "legal_basis": "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;\n"
                "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;",
                "proposal_basis": "Xét đề nghị của Hội đồng Thi đua - Khen thưởng Sở.",
                "recipients": "- Như Điều 3;\n- Lưu: VT, VP.",
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "subject_type": "individual",
                            "employee_id": cls.employee_b.id,
                            "title_id": cls.title_ldtt.id,
                            "sequence": 2,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "subject_type": "collective",
                            "unit_id": cls.unit_a.id,
                            "title_id": cls.title_ttldtt.id,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "subject_type": "individual",
                            "employee_id": cls.employee_a.id,
                            "title_id": cls.title_ldtt.id,
                            "sequence": 1,
                        },
                    ),
                ],
            }
        )
        cls.employee_a.job_title = "Chuyên viên"

    def test_decision_docx(self):
        # Printed in Vietnamese, the titles' names included.
        ldtt = self.title_ldtt.with_context(lang="vi_VN").name
        ttldtt = self.title_ttldtt.with_context(lang="vi_VN").name
        content, filename, _mimetype = self.env["tdkt.document"].render(
            "decision", self.decision, "docx"
        )
        self.assertEqual(filename, "Quyết định 15-QĐ-SNV.docx")
        document, paragraphs, tables = read_docx(content)
        self.assertEqual(tables[0][0][0].split("\n")[2], "Số: 15/QĐ-SNV")
        self.assertEqual(
            tables[0][0][1].split("\n")[2], "Lạng Sơn, ngày 08 tháng 01 năm 2030"
        )
        self.assertEqual(
            paragraphs[:5],
            [
                "QUYẾT ĐỊNH",
                "Về việc công nhận danh hiệu thi đua năm 2029",
                "GIÁM ĐỐC SỞ NỘI VỤ",
                "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;",
                "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;",
            ],
        )
        self.assertIn("Xét đề nghị của Hội đồng Thi đua - Khen thưởng Sở.", paragraphs)
        self.assertIn("QUYẾT ĐỊNH:", paragraphs)
        articles = [text for text in paragraphs if text.startswith("Điều ")]
        self.assertEqual(
            [text[:7] for text in articles], ["Điều 1.", "Điều 2.", "Điều 3."]
        )
        self.assertEqual(
            articles[0],
            "Điều 1. Công nhận danh hiệu thi đua năm 2029 cho 1 tập thể và 2 cá nhân (có danh sách kèm theo).",
        )
        # The list starts a page of its own, after the signature.
        heading = next(p for p in document.paragraphs if p.text == "DANH SÁCH")
        self.assertTrue(heading.paragraph_format.page_break_before)
        self.assertIn(
            "(Kèm theo Quyết định số 15/QĐ-SNV ngày 08 tháng 01 năm 2030 của Giám đốc Sở Nội vụ)",
            paragraphs,
        )
        # A draft: the money of the tables in force on its date (LĐTT 0.3, TTLĐTT 0.8 ×
        # 2,340,000, rounded up to the ten thousand), no golden book number yet.
        self.assertEqual(
            [row for row in tables[-1]],
            [
                [
                    "TT",
                    "Họ và tên",
                    "Chức vụ, đơn vị",
                    "Danh hiệu, hình thức",
                    "Số tiền (đồng)",
                    "Số sổ vàng",
                ],
                ["I. CÁ NHÂN"] * 6,
                [
                    "1",
                    "Tdkt_User_A",
                    "Chuyên viên, Unit A",
                    ldtt,
                    "710.000",
                    "",
                ],
                ["2", "Tdkt_User_B", "Unit B", ldtt, "710.000", ""],
                ["II. TẬP THỂ"] * 6,
                ["1", "Unit A", "", ttldtt, "1.880.000", ""],
                ["Tổng cộng"] * 4 + ["3.300.000", ""],
            ],
        )
        self.assertEqual(
            articles[1],
            "Điều 2. Tiền thưởng kèm theo: tổng cộng 3.300.000 đồng (có danh sách kèm theo), chi "
            "từ Quỹ thi đua, khen thưởng theo quy định.",
        )
        self.assertEqual(
            tables[1][0][0].split("\n"),
            ["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, VP."],
        )

    def test_decision_pdf_list_on_its_own_page(self):
        text = pdf_text(
            self.env["tdkt.document"].render("decision", self.decision, "pdf")[0]
        )
        pages = text.split("\f")
        list_page = next(
            index for index, page in enumerate(pages) if "DANH SÁCH" in page
        )
        self.assertGreater(list_page, 0)
        self.assertIn("Điều 3.", norm(" ".join(pages[:list_page])))
        self.assertNotIn("Điều 3.", pages[list_page])
        self.assertIn("I. CÁ NHÂN", pages[list_page])
        self.assertIn("Tdkt_User_A", pages[list_page])

    def test_draft_decision_leaves_the_date_blank(self):
        self.decision.date_decision = False
        _document, _paragraphs, tables = read_docx(
            self.env["tdkt.document"].render("decision", self.decision, "docx")[0]
        )
        self.assertEqual(
            tables[0][0][1].split("\n")[2], "Lạng Sơn, ngày … tháng … năm …"
        )

    def test_decision_of_500_lines(self):
        units = self.env["hr.department"].create(
            [{"name": f"Đơn vị {index:02d}"} for index in range(50)]
        )
        employees = self.env["hr.employee"].create(
            [
                {
                    "name": f"Nguyễn Văn Ất {index:03d}",
                    "department_id": units[index % 50].id,
                }
                for index in range(450)
            ]
        )
        decision = self.env["tdkt.decision"].create(
            {
                "name": "99/QĐ-SNV",
                "date_decision": date(2030, 1, 8),
                "year": 2029,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "subject_type": "individual",
                            "employee_id": employee.id,
                            "title_id": self.title_ldtt.id,
                        },
                    )
                    for employee in employees
                ]
                + [
                    (
                        0,
                        0,
                        {
                            "subject_type": "collective",
                            "unit_id": unit.id,
                            "title_id": self.title_ttldtt.id,
                        },
                    )
                    for unit in units
                ],
            }
        )
        Document = self.env["tdkt.document"]
        started = time.perf_counter()
        content = Document.render("decision", decision, "docx")[0]
        docx_seconds = time.perf_counter() - started
        started = time.perf_counter()
        pdf = Document.render("decision", decision, "pdf")[0]
        pdf_seconds = time.perf_counter() - started
        _document, _paragraphs, tables = read_docx(content)
        rows = tables[-1]
        self.assertEqual(len(rows), 1 + 1 + 450 + 1 + 50 + 1)
        self.assertEqual(rows[451][:2], ["450", "Nguyễn Văn Ất 449"])
        self.assertEqual(rows[451][4], "710.000")
        self.assertEqual(rows[-2][:2], ["50", "Đơn vị 49"])
        # The total: 450 × 710,000 + 50 × 1,880,000.
        self.assertEqual(rows[-1][4], "413.500.000")
        text = pdf_text(pdf)
        self.assertIn("Nguyễn Văn Ất 449", text)
        _logger.info(
            "decision of 500 lines: Word %.2f s (%d bytes), PDF %.2f s (%d pages)",
            docx_seconds,
            len(content),
            pdf_seconds,
            text.count("\f"),
        )


@tagged("post_install", "-at_install")
class TestDocumentRoute(HttpCase):
    """One download route for every document, the record's read access checked."""

    def setUp(self):
        super().setUp()
        self.plan = self.env["tdkt.plan"].create(
            {"name": "Kế hoạch năm 2031", "number": "01/KH-X", "year": 2031}
        )
        self.other_company = self.env["res.company"].create({"name": "Sở khác"})
        self.hidden_plan = self.env["tdkt.plan"].create(
            {"name": "Kế hoạch khác", "year": 2031, "company_id": self.other_company.id}
        )
        self.user = self.env["res.users"].create(
            {
                "name": "Người in",
                "login": "tdkt_printer",
                "password": "tdkt_printer",
                "groups_id": [
                    (6, 0, [self.env.ref("tdkt_emulation.group_tdkt_user").id])
                ],
            }
        )

    def test_download_docx_and_pdf(self):
        self.authenticate("tdkt_printer", "tdkt_printer")
        response = self.url_open(f"/tdkt/document/plan/{self.plan.id}?format=docx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("wordprocessingml", response.headers["Content-Type"])
        self.assertIn("01-KH-X.docx", response.headers["Content-Disposition"])
        _document, paragraphs, _tables = read_docx(response.content)
        self.assertIn("KẾ HOẠCH", paragraphs)
        response = self.url_open(f"/tdkt/document/plan/{self.plan.id}?format=pdf")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"%PDF"))

    def test_refused_without_access(self):
        self.authenticate("tdkt_printer", "tdkt_printer")
        with self.assertLogs("odoo.http", level="WARNING"):
            response = self.url_open(
                f"/tdkt/document/plan/{self.hidden_plan.id}?format=docx"
            )
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"PK", response.content[:2])
        response = self.url_open("/tdkt/document/nothing/1?format=docx")
        self.assertEqual(response.status_code, 404)
