import io

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import HttpCase, freeze_time, tagged

from .common import TdktCommon

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@tagged("post_install", "-at_install")
class TestXlsxReportDownloads(HttpCase, TdktCommon):
    """The XLSX reports through the one download route, read back: the frame of the
    reports handed in on paper, their data and their print setup; what the route refuses."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()
        cls._create_lines_and_initiatives()
        cls.company.write(
            {
                "tdkt_superior_body": "UBND tỉnh Lạng Sơn",
                "tdkt_issuing_body": "Sở Nội vụ",
                "tdkt_document_place": "Lạng Sơn",
            }
        )

    def _download(self, url, status=200):
        response = self.url_open(url)
        self.assertEqual(response.status_code, status, response.text[:300])
        if status != 200:
            return response
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        return openpyxl.load_workbook(io.BytesIO(response.content))

    def assertFramed(self, sheet, title):
        """The heading of an administrative document over the columns of the table, the
        title, the table's header repeated on each printed page, page numbers in the
        footer, the signature blocks."""
        width = len([cell for cell in sheet[8] if cell.value is not None])
        right = openpyxl.utils.get_column_letter(max(1, width * 2 // 5) + 1)
        self.assertEqual(sheet["A1"].value, "UBND TỈNH LẠNG SƠN")
        self.assertEqual(sheet["A2"].value, "SỞ NỘI VỤ")
        self.assertEqual(sheet[f"{right}1"].value, NATION)
        self.assertEqual(sheet[f"{right}2"].value, MOTTO)
        self.assertEqual(
            sheet[f"{right}3"].value, "Lạng Sơn, ngày 05 tháng 01 năm 2031"
        )
        self.assertEqual(sheet["A5"].value, title)
        last = openpyxl.utils.get_column_letter(width)
        self.assertIn(f"A5:{last}5", {str(cells) for cells in sheet.merged_cells})
        self.assertEqual(sheet.print_title_rows, "$8:$8")
        self.assertEqual(sheet.oddFooter.center.text, "&P/&N")
        self.assertEqual(sheet.page_setup.paperSize, 9)
        self.assertTrue(sheet.sheet_properties.pageSetUpPr.fitToPage)
        values = [cell.value for row in sheet.iter_rows() for cell in row]
        self.assertIn("NGƯỜI LẬP BIỂU", values)
        self.assertIn("THỦ TRƯỞNG CƠ QUAN", values)

    @freeze_time("2031-01-05 09:00:00")
    def test_registrations_and_eligibility_of_a_unit_s_user(self):
        # Worded in Vietnamese whatever the reader's language.
        self.user_a.lang = "en_US"
        self.authenticate("tdkt_user_a", "tdkt_user_a")
        book = self._download(f"/tdkt/document/registrations/{self.form_a.id}")
        summary = book.worksheets[0]
        plan = self.plan.with_context(lang="vi_VN").display_name
        self.assertFramed(summary, f"Đăng ký danh hiệu thi đua - {plan}")
        self.assertEqual(summary["A8"].value, "TT")
        self.assertEqual(summary["B9"].value, "Unit A")
        self.assertEqual(book.sheetnames, ["Tổng hợp", "Unit A"])
        self.assertEqual(book["Unit A"]["C9"].value, self.employee_a.name)

        book = self._download(
            f"/tdkt/document/eligibility/{self.line_a.id}?format=xlsx"
        )
        sheet = book.worksheets[0]
        self.assertFramed(
            sheet, "Danh sách kiểm tra điều kiện xét tặng danh hiệu thi đua"
        )
        self.assertEqual(sheet["A6"].value, "2030")
        self.assertEqual(sheet["C9"].value, self.employee_a.name)

    @freeze_time("2031-01-05 09:00:00")
    def test_statistics_framed_and_import_template_bare(self):
        self.officer.lang = "en_US"
        self.authenticate(self.officer.login, self.officer.login)
        book = self._download("/tdkt/document/award_statistics?year=2030&period=annual")
        self.assertEqual(book.sheetnames, ["Theo danh hiệu", "Theo đơn vị"])
        for sheet in book.worksheets:
            self.assertFramed(sheet, "Thống kê khen thưởng - tổng kết năm 2030")
        # A file to fill in: its column names on the first row, no frame.
        sheet = self._download("/tdkt/document/award_import_template").worksheets[0]
        Award = self.env["tdkt.award"].with_context(lang="vi_VN")
        self.assertEqual(
            sheet["A1"].value,
            Award.fields_get(["subject_type"])["subject_type"]["string"],
        )
        self.assertEqual(sheet.oddFooter.center.text, "&P/&N")

    def test_statistics_wizard_checks_the_year_then_downloads(self):
        Wizard = self.env["tdkt.commendation.report"].with_user(self.officer)
        action = Wizard.create({"year": 2030, "period": "six_months"}).action_export()
        self.assertEqual(
            action["params"],
            {
                "url": "/tdkt/document/award_statistics",
                "data": {"format": "xlsx", "year": "2030", "period": "six_months"},
            },
        )
        with self.assertRaisesRegex(UserError, "Choose a year"):
            Wizard.create({"year": 30, "period": "annual"}).action_export()

    def test_records_the_user_cannot_read_are_refused(self):
        self.authenticate("tdkt_user_b", "tdkt_user_b")
        for url in (
            f"/tdkt/document/registrations/{self.form_a.id}",
            f"/tdkt/document/registrations/{self.form_b.id},{self.form_a.id}",
            f"/tdkt/document/eligibility/{self.line_a.id}",
        ):
            with self.subTest(url):
                self._download(url, 403)
        self._download(f"/tdkt/document/registrations/{self.form_b.id}")

    def test_unknown_kinds_and_records_404_bad_parameters_400(self):
        self.authenticate("tdkt_user_a", "tdkt_user_a")
        cases = [
            ("/tdkt/document/nothing/1", 404),
            ("/tdkt/document/registration/999999999", 404),
            ("/tdkt/document/registrations/999999999", 404),
            ("/tdkt/document/registrations", 404),
            ("/tdkt/document/registrations/abc", 400),
            ("/tdkt/document/registrations/0", 400),
            ("/tdkt/document/registrations/1,,2", 400),
            (f"/tdkt/document/registrations/{self.form_a.id}?format=pdf", 400),
            (f"/tdkt/document/plan/{self.plan.id}?format=xlsx", 400),
            ("/tdkt/document/award_statistics", 400),
        ]
        for url, status in cases:
            with self.subTest(url):
                self._download(url, status)
