"""The 6-month and year-end reports (báo cáo sơ kết / tổng kết) of a plan's year, printed
from a known year of decisions, dossiers, initiatives and tasks and read back from the
Word file (python-docx) and the PDF (pdftotext)."""

import base64
import io
from datetime import date

import docx

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, freeze_time, tagged

from ..lib.docx_templates import build_template
from .common import TdktCommon
from .document_common import norm, pdf_text, read_docx


def _restore_shipped_report_templates(env):
    """The reports as the addon ships them, whatever the database's Office changed."""
    env["tdkt.document.template"].search(
        [("kind", "in", ("report_half_year", "report_year"))]
    ).action_restore_shipped()


@tagged("post_install", "-at_install")
class TestYearReports(TdktCommon):
    """Reporting year 2030 (01/12/2029 – 30/11/2030; the 6 months to 31/05/2030):

    - tasks: unit A's (quarter I) done on 10/03, A1's (quarter II) on 01/07, B's
      (quarter III) open;
    - decisions signed: 3/QĐ-SNV of 20/12/2029 (two LĐTT, unit A's TTLĐTT), 40/QĐ-SNV of
      10/08/2030 (a Giấy khen); 2/QĐ-SNV of 15/11/2029 before the year; a draft;
    - dossiers: to the province sent 15/01/2030, its Bằng khen granted on 02/03/2030; to
      the Prime Minister sent 20/06/2030, pending;
    - initiatives recognised: one on 01/04/2030, one on 15/09/2030 (provincial), one in
      2029;
    - movements launched: the plan's regular one (10/01/2030), a thematic one on
      05/12/2029 and another on 01/07/2030; one of 2029 and a draft are not counted.
    """

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
        cls.plan.write(
            {"signer_position": "Giám đốc", "signer_id": cls.employee_head_a.id}
        )
        cls.Document = cls.env["tdkt.document"]
        _restore_shipped_report_templates(cls.env)
        cls._approve_plan()
        for task, day in ((cls.task_a, "2030-03-10"), (cls.task_a1, "2030-07-01")):
            with freeze_time(day):
                task.with_user(cls.officer).action_done()
        title = cls.env.ref
        giay_khen = title("tdkt_emulation.title_certificate_director")
        merit_province = title("tdkt_emulation.title_merit_province")
        merit_pm = title("tdkt_emulation.title_merit_prime_minister")
        cls.Decision = cls.env["tdkt.decision"]
        signed = (
            cls._decision(
                "3/QĐ-SNV",
                date(2029, 12, 20),
                2029,
                "Công nhận danh hiệu thi đua năm 2029",
                [
                    ("individual", cls.employee_a, cls.title_ldtt),
                    ("individual", cls.employee_b, cls.title_ldtt),
                    ("collective", cls.unit_a, cls.title_ttldtt),
                ],
            )
            | cls._decision(
                "40/QĐ-SNV",
                date(2030, 8, 10),
                2030,
                "Tặng Giấy khen",
                [("individual", cls.employee_a, giay_khen)],
                kind="commendation",
                award_kind="thematic",
            )
            | cls._decision(
                "2/QĐ-SNV",
                date(2029, 11, 15),
                2029,
                "Tặng Giấy khen",
                [("collective", cls.unit_b, giay_khen)],
                kind="commendation",
            )
        )
        signed.with_user(cls.manager).action_sign()
        cls._decision(
            "50/QĐ-SNV",
            date(2030, 3, 1),
            2030,
            "Chưa ký",
            [("individual", cls.employee_b, giay_khen)],
            kind="commendation",
        )
        Proposal = cls.env["tdkt.proposal"].with_user(cls.officer)
        province = Proposal.create(
            {
                "name": "5/TTr-SNV",
                "year": 2029,
                "authority_level": "province",
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "employee_id": cls.employee_b.id,
                            "title_id": merit_province.id,
                            "reason": "Hoàn thành xuất sắc nhiệm vụ",
                            "achievements": "Thành tích năm 2029.",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "subject_type": "collective",
                            "unit_id": cls.unit_b.id,
                            "title_id": merit_province.id,
                            "reason": "Hoàn thành xuất sắc nhiệm vụ",
                            "achievements": "Thành tích năm 2029.",
                        },
                    ),
                ],
            }
        )
        with freeze_time("2030-01-15"):
            province.action_send()
        province.write(
            {
                "decision_number": "300/QĐ-UBND",
                "decision_date": date(2030, 3, 2),
                "decision_authority": "Chủ tịch UBND tỉnh",
            }
        )
        granted, refused = province.line_ids.sorted("id")
        granted.outcome = "granted"
        refused.write({"outcome": "refused", "refusal_reason": "Chưa đủ điều kiện"})
        province.action_decide()
        state = Proposal.create(
            {
                "name": "9/TTr-SNV",
                "year": 2030,
                "authority_level": "prime_minister",
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "employee_id": cls.employee_a.id,
                            "title_id": merit_pm.id,
                            "reason": "Thành tích xuất sắc",
                            "achievements": "Thành tích năm 2025–2029.",
                        },
                    )
                ],
            }
        )
        with freeze_time("2030-06-20"):
            state.action_send()
        Movement = cls.env["tdkt.movement"].with_user(cls.officer)
        for name, method, number, day, launch in (
            (
                "Phong trào thi đua năm 2030",
                "regular",
                "5/QĐ-SNV",
                date(2030, 1, 10),
                True,
            ),
            (
                "Chào mừng Đại hội Đảng bộ",
                "thematic",
                "1/QĐ-SNV",
                date(2029, 12, 5),
                True,
            ),
            (
                "Thi đua cải cách hành chính",
                "thematic",
                "41/QĐ-SNV",
                date(2030, 7, 1),
                True,
            ),
            (
                "Phong trào thi đua năm 2029",
                "regular",
                "4/QĐ-SNV",
                date(2029, 1, 8),
                True,
            ),
            ("Chưa phát động", "thematic", "", date(2030, 2, 1), False),
        ):
            movement = Movement.create(
                {
                    "name": name,
                    "method": method,
                    "decision_number": number,
                    "decision_date": day,
                    "date_start": day,
                    "date_end": date(day.year, 12, 31),
                    "plan_id": cls.plan.id if name.endswith("2030") else False,
                }
            )
            if launch:
                movement.action_launch()
        Initiative = cls.env["tdkt.initiative"]
        for name, day, scope, year in (
            ("Số hóa hồ sơ", date(2030, 4, 1), "grassroots", 2030),
            ("Một cửa liên thông", date(2030, 9, 15), "provincial", 2030),
            ("Sáng kiến cũ", date(2029, 6, 1), "grassroots", 2029),
        ):
            Initiative.create(
                {"name": name, "unit_id": cls.unit_a.id, "year": year}
            ).sudo().write(
                {"state": "recognized", "scope": scope, "date_recognition": day}
            )

    @classmethod
    def _decision(
        cls, name, day, year, summary, subjects, kind="recognition", award_kind=None
    ):
        return cls.Decision.create(
            {
                "name": name,
                "date_decision": day,
                "year": year,
                "kind": kind,
                "summary": summary,
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
                            **({"award_kind": award_kind} if award_kind else {}),
                        },
                    )
                    for subject_type, subject, title in subjects
                ],
            }
        )

    def _print(self, kind, file_format="docx", user=None):
        return self.Document.with_user(user or self.officer).render(
            kind, self.plan, file_format
        )

    def test_half_year_report_docx(self):
        content, filename, _mimetype = self._print("report_half_year")
        self.assertEqual(filename, "Báo cáo sơ kết 6 tháng 2030.docx")
        _document, paragraphs, tables = read_docx(content)
        self.assertIn("BÁO CÁO", paragraphs)
        self.assertIn(
            "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2030", paragraphs
        )
        self.assertIn(
            "Thực hiện Kế hoạch số 01/KH-TEST ngày 03 tháng 01 năm 2030 của Sở Nội vụ về "
            "công tác thi đua, khen thưởng năm 2030, Sở Nội vụ báo cáo kết quả công tác thi "
            "đua, khen thưởng 6 tháng đầu năm 2030 (từ ngày 01/12/2029 đến ngày 31/05/2030) "
            "như sau:",
            paragraphs,
        )
        self.assertIn(
            "Trong kỳ, Sở Nội vụ đã phát động 02 phong trào thi đua, trong đó: 01 phong "
            "trào thi đua thường xuyên hàng năm, 01 phong trào thi đua theo chuyên đề.",
            paragraphs,
        )
        start = paragraphs.index("1. Công tác tổ chức các phong trào thi đua")
        self.assertEqual(
            paragraphs[start + 2 : start + 4],
            [
                "- Chào mừng Đại hội Đảng bộ (Thi đua theo chuyên đề; Quyết định số "
                "1/QĐ-SNV ngày 05/12/2029).",
                "- Phong trào thi đua năm 2030 (Thi đua thường xuyên hàng năm; Quyết "
                "định số 5/QĐ-SNV ngày 10/01/2030).",
            ],
        )
        header = norm(" ".join(" ".join(row) for row in tables[0]))
        self.assertIn("UBND TỈNH LẠNG SƠN SỞ NỘI VỤ Số:", header)
        self.assertIn("Lạng Sơn, ngày … tháng … năm …", header)
        self.assertEqual(
            tables[1],
            [
                [
                    "Quý",
                    "Số nhiệm vụ",
                    "Đã hoàn thành",
                    "Chưa hoàn thành",
                    "Tỷ lệ hoàn thành",
                ],
                ["Quý I", "01", "01", "0", "100%"],
                ["Quý II", "01", "0", "01", "0%"],
                ["Quý III", "01", "0", "01", "0%"],
                ["Quý IV", "0", "0", "0", "0%"],
                ["Cộng", "03", "01", "02", "33,33%"],
            ],
        )
        # The department's own: the 2029 titles decided on 20/12/2029.
        self.assertIn(
            "a) Thuộc thẩm quyền của Sở Nội vụ: công nhận danh hiệu thi đua và tặng hình "
            "thức khen thưởng cho 01 tập thể và 02 cá nhân, cụ thể:",
            paragraphs,
        )
        self.assertEqual(
            tables[2][1:],
            [
                ["1", "Lao động tiên tiến", "0", "02"],
                ["2", "Tập thể lao động tiên tiến", "01", "0"],
            ],
        )
        self.assertIn(
            "b) Đề nghị cấp trên khen thưởng: đề nghị cấp tỉnh 02 trường hợp, được khen "
            "thưởng 01 trường hợp; đề nghị cấp Nhà nước 0 trường hợp, được khen thưởng 0 "
            "trường hợp, cụ thể:",
            paragraphs,
        )
        self.assertEqual(
            tables[3][1:],
            [
                [
                    "1",
                    "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                    "Cấp tỉnh",
                    "01",
                    "01",
                    "0",
                    "01",
                ]
            ],
        )
        self.assertIn("c) Theo loại hình khen thưởng: thường xuyên: 04.", paragraphs)
        self.assertIn(
            "4. Sáng kiến được công nhận: 01 sáng kiến (cấp cơ sở: 01).", paragraphs
        )
        self.assertIn(
            "5. Quyết định khen thưởng đã ban hành: 01 quyết định, gồm:", paragraphs
        )
        self.assertIn(
            "- Quyết định số 3/QĐ-SNV ngày 20/12/2029 về việc công nhận danh hiệu thi đua "
            "năm 2029 (01 tập thể, 02 cá nhân);",
            paragraphs,
        )
        # Sections II and III are the Office's to write.
        self.assertIn("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", paragraphs)
        self.assertIn("III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2030", paragraphs)
        signature = norm(" ".join(tables[-1][0]))
        self.assertIn("GIÁM ĐỐC", signature)
        self.assertIn(self.employee_head_a.name, signature)

    def test_year_end_report_docx(self):
        content, filename, _mimetype = self._print("report_year")
        self.assertEqual(filename, "Báo cáo tổng kết năm 2030.docx")
        _document, paragraphs, tables = read_docx(content)
        self.assertIn("Tổng kết công tác thi đua, khen thưởng năm 2030", paragraphs)
        self.assertIn(
            "Trong kỳ, Sở Nội vụ đã phát động 03 phong trào thi đua, trong đó: 01 phong "
            "trào thi đua thường xuyên hàng năm, 02 phong trào thi đua theo chuyên đề.",
            paragraphs,
        )
        self.assertEqual(tables[1][-1], ["Cộng", "03", "02", "01", "66,67%"])
        self.assertEqual(
            tables[2][1:],
            [
                ["1", "Lao động tiên tiến", "0", "02"],
                ["2", "Tập thể lao động tiên tiến", "01", "0"],
                ["3", "Giấy khen", "0", "01"],
            ],
        )
        self.assertEqual(
            [row[1:] for row in tables[3][1:]],
            [
                [
                    "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                    "Cấp tỉnh",
                    "01",
                    "01",
                    "0",
                    "01",
                ],
                [
                    "Bằng khen của Thủ tướng Chính phủ",
                    "Cấp Nhà nước",
                    "0",
                    "01",
                    "0",
                    "0",
                ],
            ],
        )
        self.assertIn(
            "b) Đề nghị cấp trên khen thưởng: đề nghị cấp tỉnh 02 trường hợp, được khen "
            "thưởng 01 trường hợp; đề nghị cấp Nhà nước 01 trường hợp, được khen thưởng 0 "
            "trường hợp, cụ thể:",
            paragraphs,
        )
        self.assertIn(
            "c) Theo loại hình khen thưởng: thường xuyên: 04; chuyên đề: 01.",
            paragraphs,
        )
        self.assertIn(
            "4. Sáng kiến được công nhận: 02 sáng kiến (cấp cơ sở: 01; cấp tỉnh: 01).",
            paragraphs,
        )
        self.assertIn(
            "5. Quyết định khen thưởng đã ban hành: 02 quyết định, gồm:", paragraphs
        )
        self.assertIn(
            "- Quyết định số 40/QĐ-SNV ngày 10/08/2030 về việc tặng Giấy khen (01 cá "
            "nhân);",
            paragraphs,
        )
        self.assertIn("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2031", paragraphs)

    def test_year_end_report_pdf(self):
        content, filename, mimetype = self._print("report_year", "pdf")
        self.assertEqual(
            (filename, mimetype), ("Báo cáo tổng kết năm 2030.pdf", "application/pdf")
        )
        text = norm(pdf_text(content))
        self.assertIn("BÁO CÁO", text)
        self.assertIn("Tổng kết công tác thi đua, khen thưởng năm 2030", text)
        self.assertIn("đã hoàn thành 02 nhiệm vụ (đạt 66,67%)", text)
        self.assertIn("Sáng kiến được công nhận: 02 sáng kiến", text)

    def test_only_the_office_prints_the_reports(self):
        for kind in ("report_half_year", "report_year"):
            with self.assertRaises(AccessError):
                self._print(kind, user=self.head_a)
        bindings = (
            self.env["ir.actions.actions"]
            .with_user(self.head_a)
            .get_bindings("tdkt.plan")
        )
        names = {action["name"] for action in bindings["report"]}
        self.assertIn("Plan (Word)", names)
        self.assertNotIn("Year-End Report (Word)", names)
        bindings = (
            self.env["ir.actions.actions"]
            .with_user(self.officer)
            .get_bindings("tdkt.plan")
        )
        self.assertLessEqual(
            {
                "6-Month Report (PDF)",
                "6-Month Report (Word)",
                "Year-End Report (PDF)",
                "Year-End Report (Word)",
            },
            {action["name"] for action in bindings["report"]},
        )
        action = (
            self.env.ref("tdkt_emulation.tdkt_plan_print_report_half_year_docx")
            .with_user(self.officer)
            .with_context(
                active_model="tdkt.plan",
                active_ids=self.plan.ids,
                active_id=self.plan.id,
            )
            .run()
        )
        self.assertEqual(
            action["url"],
            f"/tdkt/document/report_half_year/{self.plan.id}?format=docx",
        )

    def test_template_placeholders_and_restore(self):
        template = self.env["tdkt.document.template"].search(
            [("kind", "=", "report_year"), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(len(template), 1, "the shipped template is created at install")
        self.assertIn("report.movement_count", template.placeholder_help)
        document = docx.Document(io.BytesIO(build_template("report_year")))
        document.add_paragraph("SỐ QUYẾT ĐỊNH: {{ report.decision_count }}")
        output = io.BytesIO()
        document.save(output)
        template.template_file = base64.b64encode(output.getvalue())
        _document, paragraphs, _tables = read_docx(self._print("report_year")[0])
        self.assertIn("SỐ QUYẾT ĐỊNH: 02", paragraphs)
        # The half-year report keeps its own template.
        _document, paragraphs, _tables = read_docx(self._print("report_half_year")[0])
        self.assertNotIn("SỐ QUYẾT ĐỊNH: 01", paragraphs)
        with self.assertRaises(ValidationError):
            document.add_paragraph("{{ session.council }}")
            output = io.BytesIO()
            document.save(output)
            template.template_file = base64.b64encode(output.getvalue())
        template.action_restore_shipped()
        _document, paragraphs, _tables = read_docx(self._print("report_year")[0])
        self.assertNotIn("SỐ QUYẾT ĐỊNH: 02", paragraphs)
        self.assertIn("Tổng kết công tác thi đua, khen thưởng năm 2030", paragraphs)


@tagged("post_install", "-at_install")
class TestYearReportRoute(HttpCase):
    """The download route gives the Office the year-end report of a plan and refuses it
    to a unit's head."""

    def setUp(self):
        super().setUp()
        for login, group in (
            ("tdkt_rep_officer", "group_tdkt_officer"),
            ("tdkt_rep_head", "group_tdkt_unit_manager"),
        ):
            self.env["res.users"].create(
                {
                    "name": login,
                    "login": login,
                    "password": login,
                    "groups_id": [(6, 0, self.env.ref(f"tdkt_emulation.{group}").ids)],
                }
            )
        _restore_shipped_report_templates(self.env)
        self.plan = self.env["tdkt.plan"].create(
            {"name": "Kế hoạch năm 2031", "number": "02/KH-X", "year": 2031}
        )
        self.env["tdkt.plan.task"].create(
            {"plan_id": self.plan.id, "name": "Ký giao ước thi đua", "quarter": "1"}
        )

    def test_route(self):
        url = f"/tdkt/document/report_year/{self.plan.id}?format=docx"
        self.authenticate("tdkt_rep_officer", "tdkt_rep_officer")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "filename*=UTF-8''B%C3%A1o", response.headers["Content-Disposition"]
        )
        _document, paragraphs, tables = read_docx(response.content)
        self.assertIn("Tổng kết công tác thi đua, khen thưởng năm 2031", paragraphs)
        self.assertEqual(tables[1][-1], ["Cộng", "01", "0", "01", "0%"])
        # A year with no award, initiative or decision yet.
        self.assertIn("c) Theo loại hình khen thưởng: không có.", paragraphs)
        self.assertIn(
            "5. Quyết định khen thưởng đã ban hành: 0 quyết định.", paragraphs
        )
        self.authenticate("tdkt_rep_head", "tdkt_rep_head")
        with self.assertLogs("odoo.http", level="WARNING"):
            response = self.url_open(url)
        self.assertEqual(response.status_code, 403)
        self.assertNotIn(b"PK", response.content[:2])
