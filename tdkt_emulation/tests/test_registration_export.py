import io

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestRegistrationExport(TdktCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan()
        Line = cls.env["tdkt.registration.line"]
        Line.create(
            [
                {
                    "registration_id": cls.form_a.id,
                    "employee_id": cls.employee_a.id,
                    "title_id": cls.title_ldtt.id,
                    "note": '=HYPERLINK("http://evil")',
                },
                {
                    "registration_id": cls.form_a.id,
                    "employee_id": cls.employee_head_a.id,
                    "title_id": cls.title_cstdcs.id,
                },
                {
                    "registration_id": cls.form_a.id,
                    "subject_type": "collective",
                    "title_id": cls.title_ttldtt.id,
                },
                {
                    "registration_id": cls.form_b.id,
                    "employee_id": cls.employee_b.id,
                    "title_id": cls.title_ldtt.id,
                },
            ]
        )

    def _export(self, registrations):
        return (
            self.env["tdkt.xlsx.report"]
            .with_env(registrations.env)
            .render("registrations", registrations)
        )

    def _read(self, registrations):
        content, filename, _mimetype = self._export(registrations)
        self.assertTrue(filename.endswith(".xlsx"))
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_export_has_a_summary_and_a_sheet_per_unit(self):
        book = self._read(self.plan.registration_ids)
        self.assertEqual(len(book.sheetnames), 3)
        summary = book[book.sheetnames[0]]
        header = [cell.value for cell in summary[8]]
        self.assertEqual(
            len(header), 3 + 3 + 1, "no., unit, status, three titles, total"
        )
        rows = {
            row[1]: row
            for row in summary.iter_rows(min_row=9, max_row=11, values_only=True)
        }
        self.assertEqual(rows["Unit A"][-1], 3)
        self.assertEqual(rows["Unit B"][-1], 1)
        self.assertEqual(list(rows.values())[-1][-1], 4, "grand total")
        unit_a = book["Unit A"]
        names = [row[2] for row in unit_a.iter_rows(min_row=9, values_only=True)]
        self.assertEqual(
            names, [self.employee_a.name, self.employee_head_a.name, "Unit A"]
        )
        note = unit_a.cell(row=9, column=6)
        self.assertEqual(note.value, '=HYPERLINK("http://evil")')
        self.assertEqual(note.data_type, "s", "formula-looking text stays text")

    def test_export_headers_in_vietnamese_when_installed(self):
        # Worded in Vietnamese, which the addon installs, whatever the reader's language.
        self.officer.lang = "en_US"
        book = self._read(self.plan.registration_ids.with_user(self.officer))
        self.assertEqual(book.sheetnames[0], "Tổng hợp")
        self.assertEqual(book["Unit A"].cell(row=8, column=3).value, "Họ và tên")
        self.assertIn(
            "Lao động tiên tiến", [cell.value for cell in book["Tổng hợp"][8]]
        )
        self.assertEqual(
            book["Tổng hợp"]["C1"].value, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        )
        self.assertIn("NGƯỜI LẬP BIỂU", [cell.value for cell in book["Tổng hợp"]["A"]])

    def test_export_of_a_selection_and_unit_rights(self):
        book = self._read(self.form_b)
        self.assertEqual(book.sheetnames[1:], ["Unit B"])
        with self.assertRaises(AccessError):
            self._export(self.form_b.with_user(self.user_a))
        with self.assertRaises(UserError):
            self._export(self.env["tdkt.registration"])

    def test_export_reads_lines_in_a_fixed_number_of_queries(self):
        registrations = self.plan.registration_ids
        self._export(registrations)  # warm the caches
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=10):
            self._export(registrations)
        people = self.env["hr.employee"].create(
            [
                {"name": f"Person {n}", "department_id": self.unit_a.id}
                for n in range(60)
            ]
        )
        self.env["tdkt.registration.line"].create(
            [
                {
                    "registration_id": self.form_a.id,
                    "employee_id": person.id,
                    "title_id": self.title_ldtt.id,
                }
                for person in people
            ]
        )
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=10):
            self._export(registrations)

    def test_plan_button_downloads_the_export(self):
        action = self.plan.action_export_registrations()
        # The web client posts the ids to the one download route: the URL names none.
        self.assertEqual(
            action,
            {
                "type": "ir.actions.client",
                "tag": "tdkt_emulation.download",
                "params": {
                    "url": "/tdkt/document/registrations",
                    "data": {
                        "format": "xlsx",
                        "ids": ",".join(map(str, self.plan.registration_ids.ids)),
                    },
                },
            },
        )
        with self.assertRaises(AccessError):
            self.plan.registration_ids.with_user(self.user_a).action_export_xlsx()


@tagged("post_install", "-at_install")
class TestRegistrationExportController(HttpCase):
    def test_download_through_the_controller(self):
        plan = self.env["tdkt.plan"].create({"name": "Plan", "year": 2031})
        unit = self.env["hr.department"].create({"name": "Exported Unit"})
        plan.registration_unit_ids = unit
        plan.action_approve()
        self.authenticate("admin", "admin")
        response = self.url_open(
            f"/tdkt/document/registrations/{plan.registration_ids.id}?format=xlsx"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        self.assertIn("attachment", response.headers["Content-Disposition"])
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        self.assertEqual(book.sheetnames[1], "Exported Unit")
