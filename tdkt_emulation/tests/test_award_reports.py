import base64
import io
from datetime import date, datetime
from itertools import takewhile

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from ..models.tdkt_award import IMPORT_FIELDS
from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestAwardReports(TdktCommon):
    def _award(self, **vals):
        return self.env["tdkt.award"].create(
            {"year": 2030, "decision_number": "1/QĐ", **vals}
        )

    def test_statistics_by_title_and_unit_for_six_months_and_the_year(self):
        self._award(
            employee_id=self.employee_a.id,
            title_id=self.title_ldtt.id,
            decision_date=date(2030, 3, 1),
        )
        self._award(
            employee_id=self.employee_b.id,
            title_id=self.title_ldtt.id,
            decision_number="2/QĐ",
            decision_date=date(2030, 3, 2),
        )
        self._award(
            subject_type="collective",
            unit_id=self.unit_a.id,
            title_id=self.title_ttldtt.id,
            decision_date=date(2030, 3, 1),
        )
        self._award(
            employee_id=self.employee_head_a.id,
            title_id=self.title_cstdcs.id,
            decision_number="9/QĐ",
            decision_date=date(2030, 9, 1),
        )
        self._award(
            employee_id=self.employee_head_a.id,
            title_id=self.title_ldtt.id,
            year=2029,
            decision_number="0/QĐ",
            decision_date=date(2029, 12, 30),
        )
        Report = self.env["tdkt.xlsx.report"].with_user(self.officer)
        # The statistics are worded in Vietnamese, which the addon installs.
        ldtt, ttldtt, cstdcs = (
            title.with_context(lang="vi_VN").name
            for title in (self.title_ldtt, self.title_ttldtt, self.title_cstdcs)
        )

        content, filename, _mimetype = Report.render(
            "award_statistics", year=2030, period="six_months"
        )
        self.assertEqual(filename, "thong-ke-khen-thuong-6-thang-2030.xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        by_title = list(
            takewhile(any, book.worksheets[0].iter_rows(min_row=9, values_only=True))
        )
        rows = {row[1]: row for row in by_title}
        self.assertEqual(rows[ldtt][3:7], (0, 2, 2, "1/QĐ, 2/QĐ"))
        self.assertEqual(rows[ttldtt][3:6], (1, 0, 1))
        self.assertNotIn(cstdcs, rows, "decided in September")
        self.assertEqual(by_title[-1][3:6], (1, 2, 3), "the total row")
        by_unit = list(
            takewhile(any, book.worksheets[1].iter_rows(min_row=8, values_only=True))
        )
        self.assertEqual(
            by_unit[0][1:],
            (by_unit[0][1], ldtt, ttldtt, by_unit[0][-1]),
        )
        units = {row[1]: row for row in by_unit[1:]}
        self.assertEqual(units["Unit A"][2:], (1, 1, 2))
        self.assertEqual(units["Unit B"][2:], (1, 0, 1))

        content, filename, _mimetype = Report.render(
            "award_statistics", year=2030, period="annual"
        )
        self.assertEqual(filename, "thong-ke-khen-thuong-ca-nam-2030.xlsx")
        rows = {
            row[1]: row
            for row in openpyxl.load_workbook(io.BytesIO(content))
            .worksheets[0]
            .iter_rows(min_row=9, values_only=True)
        }
        self.assertEqual(rows[cstdcs][3:7], (0, 1, 1, "9/QĐ"))
        with self.assertRaises(UserError):
            Report.render("award_statistics", year=2030, period="quarter")
        # A unit's user counts the awards they may read only.
        content, _filename, _mimetype = (
            self.env["tdkt.xlsx.report"]
            .with_user(self.user_b)
            .render("award_statistics", year=2030, period="annual")
        )
        rows = list(
            takewhile(
                any,
                openpyxl.load_workbook(io.BytesIO(content))
                .worksheets[0]
                .iter_rows(min_row=9, values_only=True),
            )
        )
        self.assertEqual(rows[-1][3:6], (0, 1, 1))

    def test_statistics_files_say_their_period_in_vietnamese(self):
        Report = self.env["tdkt.xlsx.report"].with_user(self.officer)
        self.assertEqual(
            Report.render("award_statistics", year=2030, period="six_months")[1],
            "thong-ke-khen-thuong-6-thang-2030.xlsx",
        )
        self.assertEqual(
            Report.render("award_statistics", year=2030, period="annual")[1],
            "thong-ke-khen-thuong-ca-nam-2030.xlsx",
        )

    def _vietnamese_env(self):
        self.env.user.lang = "vi_VN"
        self.officer.lang = "vi_VN"
        return self.env(context=dict(self.env.context, lang="vi_VN"))

    def _wizard(self, env, book):
        """The Office uploads ``book`` in the award import and checks it."""
        buffer = io.BytesIO()
        book.save(buffer)
        wizard = (
            env["tdkt.award.import"]
            .with_user(self.officer)
            .create(
                {
                    "file": base64.b64encode(buffer.getvalue()),
                    "file_name": "khen-thuong.xlsx",
                }
            )
        )
        action = wizard.action_check()
        self.assertEqual(
            (action["res_model"], action["res_id"], wizard.state),
            ("tdkt.award.import", wizard.id, "preview"),
        )
        return wizard

    @freeze_time("2021-05-10")
    def test_import_template_round_trip_in_vietnamese(self):
        env_vi = self._vietnamese_env()
        template = self.env["tdkt.xlsx.report"].render("award_import_template")[0]
        book = openpyxl.load_workbook(io.BytesIO(template))
        sheet = book.worksheets[0]
        Award = env_vi["tdkt.award"]
        headers = [cell.value for cell in sheet[1]]
        self.assertEqual(
            headers,
            [Award._fields[name]._description_string(env_vi) for name in IMPORT_FIELDS],
        )
        self.assertEqual(headers[0], "Đối tượng")
        subjects = dict(Award._fields["subject_type"]._description_selection(env_vi))
        kinds = dict(Award._fields["award_kind"]._description_selection(env_vi))
        title_names = {
            title: title.with_env(env_vi).name
            for title in (self.title_ldtt, self.title_ttldtt)
        }
        # A sample row to write over, its decision date a date cell shown dd/mm/yyyy.
        self.assertEqual(sheet.max_row, 2)
        sample = [cell.value for cell in sheet[2]]
        self.assertEqual(
            (sample[0], sample[1], sample[3], sample[5]),
            (subjects["individual"], "Nguyễn Văn A", 2020, kinds["regular"]),
        )
        self.assertEqual(
            (sample[7], sheet["H2"].number_format),
            (datetime(2021, 1, 15), "dd/mm/yyyy"),
        )
        # The subjects, titles and kinds are drop-down lists kept on a hidden sheet.
        lists = book.worksheets[1]
        self.assertEqual(lists.sheet_state, "hidden")
        columns = {
            column[0].value: [cell.value for cell in column[1:] if cell.value]
            for column in lists.iter_cols()
        }
        self.assertEqual(columns[headers[0]], list(subjects.values()))
        self.assertEqual(columns[headers[5]], list(kinds.values()))
        self.assertIn(title_names[self.title_ldtt], columns[headers[4]])
        self.assertEqual(
            sorted(
                str(validation.sqref)[0]
                for validation in sheet.data_validations.dataValidation
            ),
            ["A", "E", "F"],
        )

        # A person writes over the sample (the spreadsheet makes the date typed in the date
        # cell a date) and adds a row whose date stays the text they typed.
        for col, value in enumerate(
            [
                subjects["individual"],
                self.employee_a.name,
                "",
                2019,
                title_names[self.title_ldtt],
                kinds["regular"],
                "12/QĐ-SNV",
                datetime(2020, 1, 10),
                "Sở Nội vụ",
                "Hồ sơ giấy",
            ],
            start=1,
        ):
            sheet.cell(2, col).value = value
        sheet.append(
            [
                subjects["collective"],
                "",
                self.unit_a.name,
                2019,
                title_names[self.title_ttldtt],
                kinds["regular"],
                "13/QĐ-UBND",
                "15/03/2020",
                "UBND tỉnh",
                "",
            ]
        )
        wizard = self._wizard(env_vi, book)
        self.assertFalse(wizard.error_text, wizard.error_text)
        self.assertEqual(wizard.award_count, 2)
        self.assertIn(self.employee_a.name, wizard.preview)
        self.assertIn("15/03/2020", wizard.preview)
        action = wizard.action_import()
        awards = self.env["tdkt.award"].search(action["domain"])
        self.assertEqual(len(awards), 2)
        person, unit = awards.sorted("subject_type", reverse=True)
        self.assertEqual(
            (
                person.employee_id,
                person.unit_id,
                person.year,
                person.title_id,
                person.decision_date,
                person.note,
            ),
            (
                self.employee_a,
                self.unit_a,
                2019,
                self.title_ldtt,
                date(2020, 1, 10),
                "Hồ sơ giấy",
            ),
        )
        self.assertEqual(
            (
                unit.subject_type,
                unit.unit_id,
                unit.decision_date,
                unit.decision_authority,
            ),
            ("collective", self.unit_a, date(2020, 3, 15), "UBND tỉnh"),
        )
        self.assertFalse(unit.decision_id)

    def test_import_errors_name_the_column_in_vietnamese(self):
        env_vi = self._vietnamese_env()
        Award = env_vi["tdkt.award"]
        subjects = dict(Award._fields["subject_type"]._description_selection(env_vi))
        kinds = dict(Award._fields["award_kind"]._description_selection(env_vi))
        book = openpyxl.load_workbook(
            io.BytesIO(self.env["tdkt.xlsx.report"].render("award_import_template")[0])
        )
        sheet = book.worksheets[0]
        row = [
            subjects["individual"],
            self.employee_a.name,
            "",
            2019,
            self.title_ldtt.with_env(env_vi).name,
            kinds["regular"],
            "99/QĐ-TEST",
            "31/02/2020",
            "",
            "",
        ]
        for col, value in enumerate(row, start=1):
            sheet.cell(2, col).value = value
        wizard = self._wizard(env_vi, book)
        self.assertEqual(
            wizard.error_text,
            "Dòng 2, cột Ngày quyết định: 31/02/2020 không phải là ngày. "
            "Hãy ghi theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 15/03/2020.",
        )
        self.assertEqual(
            Award._fields["decision_date"]._description_string(env_vi),
            "Ngày quyết định",
        )
        self.assertFalse(wizard.preview)
        with self.assertRaises(UserError):
            wizard.action_import()
        self.assertFalse(
            self.env["tdkt.award"].search([("decision_number", "=", "99/QĐ-TEST")]),
            "nothing imported",
        )

        # One wrong row among right ones: nothing is imported, the errors name their rows.
        sheet["H2"] = datetime(2020, 3, 15)
        sheet.append(
            [
                subjects["individual"],
                "không có người này",
                "",
                2019,
                self.title_ldtt.with_env(env_vi).name,
                kinds["regular"],
                "98/QĐ-TEST",
                "15/03/2020",
                "",
                "",
            ]
        )
        sheet.append(
            [
                subjects["individual"],
                self.employee_b.name.upper(),
                "",
                "2019",
                "Danh hiệu không có",
                "Đột xuất lắm",
                "97/QĐ-TEST",
                "15-03-2020",
                "",
                "",
            ]
        )
        person_label = Award._fields["employee_id"]._description_string(env_vi)
        title_label = Award._fields["title_id"]._description_string(env_vi)
        kind_label = Award._fields["award_kind"]._description_string(env_vi)
        wizard = self._wizard(env_vi, book)
        errors = wizard.error_text.splitlines()
        self.assertEqual(len(errors), 3, errors)
        self.assertTrue(errors[0].startswith(f"Dòng 3, cột {person_label}: "), errors)
        self.assertIn("không có người này", errors[0])
        self.assertEqual(
            {error.split(":")[0] for error in errors[1:]},
            {f"Dòng 4, cột {title_label}", f"Dòng 4, cột {kind_label}"},
        )
        with self.assertRaises(UserError):
            wizard.action_import()
        self.assertFalse(
            self.env["tdkt.award"].search([("decision_number", "like", "/QĐ-TEST")]),
            "nothing imported",
        )

        # The award model's own checks: an award the history holds already.
        self._award(
            employee_id=self.employee_a.id,
            title_id=self.title_ldtt.id,
            year=2019,
            decision_number="1/QĐ-CU",
        )
        sheet.delete_rows(3, 2)
        wizard = self._wizard(env_vi, book)
        self.assertTrue(
            wizard.error_text.startswith(f"Dòng 2, cột {title_label}: "),
            wizard.error_text,
        )
        self.assertIn(self.employee_a.name, wizard.error_text)

    def test_import_refuses_a_file_that_is_not_the_template(self):
        Import = self.env["tdkt.award.import"].with_user(self.officer)
        wizard = Import.create(
            {
                "file": base64.b64encode(b"Name;Year\nA;2019\n"),
                "file_name": "awards.csv",
            }
        )
        with self.assertRaisesRegex(UserError, "not an XLSX file"):
            wizard.action_check()
        book = openpyxl.Workbook()
        book.active.append(["Person", "Year", "Salary"])
        buffer = io.BytesIO()
        book.save(buffer)
        wizard = Import.create({"file": base64.b64encode(buffer.getvalue())})
        with self.assertRaisesRegex(UserError, "Salary"):
            wizard.action_check()

        # Only the Office imports: its button on the Commendation History list.
        def list_arch(user):
            return (
                self.env["tdkt.award"]
                .with_user(user)
                .get_views([(False, "list")])["views"]["list"]["arch"]
            )

        self.assertIn('string="Import Awards"', list_arch(self.officer))
        self.assertNotIn("Import Awards", list_arch(self.user_b))
        with self.assertRaises(AccessError):
            self.env["tdkt.award.import"].with_user(self.user_b).create(
                {"file": base64.b64encode(buffer.getvalue())}
            )
