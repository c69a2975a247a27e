import importlib.util
import io
from pathlib import Path

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, HttpCase, freeze_time, tagged

from .common import TdktCommon

# The reporting year of the dataset: from 01/12/2040 to 30/11/2041.
YEAR = 2041


class OfficialStatisticsCommon(TdktCommon):
    """A known dataset of two companies (a province database consolidating two
    departments) in the reporting year 2041."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Company = cls.env["res.company"]
        cls.company_x = Company.create({"name": "Department X"})
        cls.env.company.tdkt_document_place = "Lạng Sơn"
        cls.company_y = Company.create({"name": "Department Y"})
        companies = cls.company_x | cls.company_y
        cls.officer.company_ids = [Command.link(company.id) for company in companies]
        cls.unit_manager = cls.head_a
        cls._create_movements()
        cls._create_awards()
        cls._create_staff()
        Department = cls.env["hr.department"]
        for name, office_type, company in (
            ("Emulation Board", "home_affairs_board", cls.company_x),
            ("Emulation Division", "home_affairs_division", cls.company_x),
            ("Commendation Division", "home_affairs_division", cls.company_y),
            ("Plain Division", False, cls.company_y),
        ):
            Department.create(
                {
                    "name": name,
                    "tdkt_office_type": office_type,
                    "company_id": company.id,
                }
            )

    @classmethod
    def _create_movements(cls):
        Movement = cls.env["tdkt.movement"]
        movements = Movement
        for name, company, level, scope, method, decided, start, end in (
            # 12 months: "1 năm".
            ("M1", cls.company_x, "central", "national", "regular", "2040-12-01", "2041-01-01", "2041-12-31"),
            # 6 months: "Dưới 1 năm".
            ("M2", cls.company_x, "province", "sector", "thematic", "2041-11-30", "2041-03-01", "2041-08-31"),
            # 24 months: "Từ 1 năm đến dưới 3 năm".
            ("M3", cls.company_x, "agency", "agency", "thematic", "2041-05-05", "2041-05-05", "2043-05-04"),
            # 60 months: "Từ 5 năm trở lên".
            ("M4", cls.company_x, "agency", "cluster", "regular", "2041-06-01", "2041-06-01", "2046-05-31"),
            # Launched before the reporting year.
            ("M0", cls.company_x, "agency", "agency", "regular", "2040-11-30", "2040-12-01", "2041-11-30"),
            # 36 months: "Từ 3 năm đến dưới 5 năm", in the other department.
            ("M5", cls.company_y, "province", "sector", "regular", "2041-01-10", "2041-02-01", "2044-01-31"),
            # Never launched.
            ("M9", cls.company_x, "central", "national", "regular", "2041-01-10", "2041-02-01", "2044-01-31"),
        ):  # fmt: skip
            movements |= Movement.create(
                {
                    "name": name,
                    "company_id": company.id,
                    "decision_number": f"{name}/QĐ",
                    "decision_date": decided,
                    "launch_level": level,
                    "scope": scope,
                    "method": method,
                    "date_start": start,
                    "date_end": end,
                }
            )
        (movements - movements[-1]).with_user(cls.officer).with_context(
            allowed_company_ids=(cls.company_x | cls.company_y).ids
        ).action_launch()

    @classmethod
    def _create_awards(cls):
        Employee, Department = cls.env["hr.employee"], cls.env["hr.department"]
        cls.person_1 = Employee.create(
            {"name": "Person 1", "company_id": cls.company_x.id}
        )
        cls.person_2 = Employee.create(
            {"name": "Person 2", "company_id": cls.company_x.id}
        )
        cls.person_3 = Employee.create(
            {"name": "Person 3", "company_id": cls.company_y.id}
        )
        cls.agency = Department.create(
            {"name": "Agency", "company_id": cls.company_x.id}
        )
        cls.enterprise = Department.create(
            {"name": "Enterprise", "company_id": cls.company_x.id}
        )
        cls.household = Department.create(
            {"name": "Household", "company_id": cls.company_x.id}
        )
        ref = cls.env.ref
        order = ref("tdkt_emulation.title_labour_order_3")
        pm_merit = ref("tdkt_emulation.title_merit_prime_minister")
        national = ref("tdkt_emulation.title_cstd_national")
        merit = ref("tdkt_emulation.title_merit_province")
        fighter = ref("tdkt_emulation.title_cstd_province")
        flag = ref("tdkt_emulation.title_flag_province")
        Award = cls.env["tdkt.award"]
        for subject, title, kind, recipient, decided, company in (
            (cls.person_1, order, "dedication", "leader_department", "2041-03-01", cls.company_x),
            (cls.agency, pm_merit, "regular", "agency", "2041-04-01", cls.company_x),
            (cls.enterprise, pm_merit, "thematic", "enterprise", "2041-04-01", cls.company_x),
            (cls.household, pm_merit, "regular", "household", "2041-04-01", cls.company_x),
            (cls.person_2, national, "regular", "worker", "2041-05-01", cls.company_x),
            (cls.person_3, merit, "sudden", "leader_other", "2041-06-01", cls.company_y),
            (cls.person_2, fighter, "regular", "worker", "2041-11-30", cls.company_x),
            (cls.agency, flag, "regular", "agency", "2040-12-01", cls.company_x),
            # Not on the forms: a grassroots title, and a decision of the year before.
            (cls.person_1, cls.title_ldtt, "regular", "worker", "2041-03-01", cls.company_x),
            (cls.person_2, pm_merit, "regular", "worker", "2040-11-30", cls.company_x),
        ):  # fmt: skip
            vals = {
                "year": YEAR,
                "title_id": title.id,
                "award_kind": kind,
                "recipient_class": recipient,
                "decision_number": "1/QĐ",
                "decision_date": decided,
                "company_id": company.id,
            }
            if subject._name == "hr.employee":
                vals.update(subject_type="individual", employee_id=subject.id)
            else:
                vals.update(subject_type="collective", unit_id=subject.id)
            Award.create(vals)

    @classmethod
    def _create_staff(cls):
        Employee = cls.env["hr.employee"]
        for name, company, gender, born, education, started, staff, active in (
            # 50 on 30/11/2041 (51 the day after); 4 years 11 months of TĐKT work.
            ("S1", cls.company_x, "female", "1990-12-01", "university", "2036-12-01", True, True),
            # 30 on the day; 10 years of TĐKT work on the day.
            ("S2", cls.company_x, "male", "2011-11-30", "postgraduate", "2031-11-30", True, True),
            # 66; 6 years.
            ("S3", cls.company_y, "female", "1975-01-01", "college", "2035-06-01", True, True),
            # Not counted: not doing TĐKT work, or archived.
            ("S4", cls.company_x, "female", "1980-01-01", "college", "2035-06-01", False, True),
            ("S5", cls.company_x, "female", "1980-01-01", "college", "2035-06-01", True, False),
        ):  # fmt: skip
            Employee.create(
                {
                    "name": name,
                    "company_id": company.id,
                    "gender": gender,
                    "birthday": born,
                    "tdkt_education_level": education,
                    "tdkt_work_start_date": started,
                    "tdkt_staff": staff,
                    "active": active,
                }
            )

    # ------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------

    def _table(self, sheet):
        """{code: (label, [the values of columns 1, 2, …])} below the numbering row, and
        {code: the row's number}."""
        numbering = next(row[0].row for row in sheet.iter_rows() if row[0].value == "A")
        first_number = next(
            cell.column for cell in sheet[numbering] if cell.value == "1"
        )
        table, places = {}, {}
        for row in sheet.iter_rows(min_row=numbering + 1):
            label, code = row[0].value, row[1].value
            if label is None:
                break
            if code:
                table[code] = (label, [cell.value for cell in row[first_number - 1 :]])
                places[code] = row[0].row
        return table, places

    def _values(self, sheet):
        table, _places = self._table(sheet)
        return {code: values for code, (_label, values) in table.items()}


@tagged("post_install", "-at_install")
@freeze_time("2041-12-10")
class TestOfficialStatistics(OfficialStatisticsCommon):
    """Biểu 0601-0605 of Circular 02/2023 from the known dataset, read back cell by
    cell."""

    def _render(self, companies=None, year=YEAR, form="all", user=None, receiver=""):
        companies = companies or (self.company_x | self.company_y)
        Report = self.env["tdkt.xlsx.report"].with_user(user or self.officer)
        content, filename, _mimetype = Report.render(
            "official_statistics",
            year=year,
            form=form,
            company_ids=companies.ids,
            receiver=receiver,
        )
        return (
            openpyxl.load_workbook(io.BytesIO(content)),
            openpyxl.load_workbook(io.BytesIO(content), data_only=True),
            filename,
        )

    # ------------------------------------------------------------
    # TESTS
    # ------------------------------------------------------------

    def test_every_total_is_a_formula_whose_cached_value_adds_its_cells(self):
        formulas, values, _filename = self._render()
        checked = 0
        for name in formulas.sheetnames:
            sheet, cached = formulas[name], values[name]
            for row in sheet.iter_rows():
                for cell in row:
                    if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                        continue
                    terms = cell.value[1:].split("+")
                    with self.subTest(sheet=name, cell=cell.coordinate):
                        self.assertTrue(all(term.isalnum() for term in terms))
                        self.assertEqual(
                            cached[cell.coordinate].value,
                            sum(cached[term].value for term in terms),
                        )
                    checked += 1
        # 0601: row 01 and column 1 of 11 counted rows; 0602: row 1 and column 1 of 18;
        # 0603: row 01 and column 1 of 16; 0604: row 01; 0605: none.
        self.assertEqual(checked, (4 + 11) + (9 + 18) + (5 + 16) + 1)

    def test_0601_movements_by_scope_duration_and_method(self):
        formulas, values, filename = self._render()
        self.assertEqual(formulas.sheetnames, ["0601", "0602", "0603", "0604", "0605"])
        self.assertEqual(filename, "thong-ke-chinh-thuc-tat-ca-2041.xlsx")
        sheet = formulas["0601"]
        self.assertEqual(sheet["A1"].value, "Biểu số: 0601.N/BNV-TĐKT")
        self.assertEqual(
            sheet["A2"].value, "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023"
        )
        self.assertEqual(
            sheet["A3"].value, "Ngày nhận báo cáo: Ngày 15 tháng 12 năm báo cáo"
        )
        company = self.officer.company_id
        self.assertEqual(
            sheet["D1"].value,
            f"Đơn vị báo cáo: {company.tdkt_issuing_body or company.name}",
        )
        self.assertEqual(
            sheet["D2"].value,
            "Đơn vị nhận báo cáo: Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)",
        )
        self.assertEqual(sheet["A4"].value, "SỐ PHONG TRÀO THI ĐUA")
        self.assertEqual(
            sheet["A5"].value,
            "Thời điểm báo cáo: Năm 2041 (từ ngày 01/12/2040 đến ngày 30/11/2041)",
        )
        self.assertEqual(
            [cell.value for cell in sheet[9]], ["A", "B", "1", "2", "3", "4"]
        )
        table, places = self._table(sheet)
        self.assertEqual(table["02"][0], "Toàn quốc")
        self.assertEqual(table["12"][0], "Thi đua thường xuyên hàng năm")
        counts = self._values(values["0601"])
        expected = {
            "01": [5, 1, 2, 2],
            "02": [1, 1, 0, 0],
            "03": [2, 0, 2, 0],
            "04": [1, 0, 0, 1],
            "05": [1, 0, 0, 1],
            "06": [1, 0, 1, 0],
            "07": [1, 1, 0, 0],
            "08": [1, 0, 0, 1],
            "09": [1, 0, 1, 0],
            "10": [1, 0, 0, 1],
            "11": [2, 0, 1, 1],
            "12": [3, 1, 1, 1],
        }
        self.assertEqual(counts, expected)
        # Column 1 adds columns 2 to 4; row 01 adds the rows by scope: formulas.
        row = places["03"]
        self.assertEqual(sheet[f"C{row}"].value, f"=D{row}+E{row}+F{row}")
        total = places["01"]
        self.assertEqual(
            sheet[f"D{total}"].value,
            "=" + "+".join(f"D{places[code]}" for code in ("02", "03", "04", "05")),
        )
        self.assertEqual(sheet[f"D{row}"].value, 0)
        # The signatures below the table, after the place and date.
        texts = [
            cell.value
            for row in sheet.iter_rows(min_row=places["12"] + 1)
            for cell in row
            if cell.value
        ]
        self.assertEqual(
            texts[1:],
            [
                "Người lập biểu",
                "Thủ trưởng đơn vị",
                "(Ký, họ tên)",
                "(Ký, họ tên, đóng dấu)",
            ],
        )
        self.assertEqual(texts[0], "Lạng Sơn, ngày 10 tháng 12 năm 2041")
        formulas, _values, _filename = self._render(
            form="0601", receiver="Sở Nội vụ tỉnh A"
        )
        self.assertEqual(
            formulas["0601"]["D2"].value, "Đơn vị nhận báo cáo: Sở Nội vụ tỉnh A"
        )

    def test_0602_0603_awards_by_recipient_and_kind(self):
        formulas, values, _filename = self._render()
        state = self._values(values["0602"])
        table, places = self._table(formulas["0602"])
        self.assertEqual(table["9"][0], "Cá nhân")
        self.assertEqual(table["19"][0], "Cống hiến")
        header = [cell.value for cell in formulas["0602"][8]]
        self.assertEqual(header[:4], [None, None, None, None])
        self.assertEqual(
            formulas["0602"]["D7"].value, "Tổng số", "column 1 spans both header rows"
        )
        self.assertEqual(formulas["0602"]["E7"].value, "Chia ra")
        self.assertEqual(header[4], "Các loại huân chương, huy chương")
        # Columns: 1 total, 2 orders, 3-6 prizes/honours/flag, 7 PM merit, 8 national
        # fighter, 9 others.
        self.assertEqual(state["1"], [5, 1, 0, 0, 0, 0, 3, 1, 0])
        self.assertEqual(state["2"], [0] * 9)
        self.assertEqual(state["3"], [5, 1, 0, 0, 0, 0, 3, 1, 0])
        self.assertEqual(state["6"], [2, 0, 0, 0, 0, 0, 2, 0, 0])
        self.assertEqual(state["7"], [1, 0, 0, 0, 0, 0, 1, 0, 0])
        self.assertEqual(state["8"], [1, 0, 0, 0, 0, 0, 1, 0, 0])
        self.assertEqual(state["9"], [2, 1, 0, 0, 0, 0, 0, 1, 0])
        self.assertEqual(state["11"], [1, 1, 0, 0, 0, 0, 0, 0, 0])
        self.assertEqual(state["14"], [1, 0, 0, 0, 0, 0, 0, 1, 0])
        self.assertEqual(state["15"][0], 3)
        self.assertEqual(state["16"][0], 1)
        self.assertEqual(state["19"][0], 1)
        self.assertEqual(state["17"][0], 0)
        self.assertEqual(formulas["0602"][f"B{places['1']}"].value, "1")
        self.assertEqual(formulas["0602"][f"C{places['9']}"].value, "Người")
        total = places["1"]
        self.assertEqual(
            formulas["0602"][f"D{total}"].value,
            f"=D{places['6']}+D{places['8']}+D{places['9']}",
        )

        province = self._values(values["0603"])
        # Columns: 1 total, 2 merit, 3 fighter, 4 flag, 5 badge.
        self.assertEqual(province["01"], [3, 1, 1, 1, 0])
        self.assertEqual(province["02"], [1, 0, 0, 1, 0])
        self.assertEqual(province["05"], [2, 1, 1, 0, 0])
        self.assertEqual(province["09"], [1, 1, 0, 0, 0])
        self.assertEqual(province["10"], [1, 0, 1, 0, 0])
        self.assertEqual(province["11"], [2, 0, 1, 1, 0])
        self.assertEqual(province["13"], [1, 1, 0, 0, 0])
        formula = formulas["0603"]
        _table, places = self._table(formula)
        row = places["05"]
        self.assertEqual(formula[f"C{row}"].value, "Người")
        self.assertEqual(formula[f"D{row}"].value, f"=E{row}+F{row}+G{row}+H{row}")

    def test_0604_0605_organisations_and_staff_at_the_end_of_the_year(self):
        formulas, values, _filename = self._render()
        offices = self._values(values["0604"])
        self.assertEqual(
            offices, {"01": [3], "02": [0], "03": [0], "04": [1], "05": [2]}
        )
        self.assertEqual(
            [cell.value for cell in formulas["0604"][8]], ["A", "B", "C", "1"]
        )
        staff = self._values(values["0605"])
        self.assertEqual(staff["01"], [3, 2])
        self.assertEqual(staff["02"], [1, 0], "30 on 30/11")
        self.assertEqual(staff["04"], [1, 1], "51 only the day after 30/11")
        self.assertEqual(staff["07"], [1, 1])
        self.assertEqual(staff["03"], [0, 0])
        self.assertEqual(staff["10"], [1, 1])
        self.assertEqual(staff["11"], [1, 1])
        self.assertEqual(staff["12"], [1, 0])
        self.assertEqual(staff["13"], [1, 1], "4 years 11 months")
        self.assertEqual(staff["14"], [1, 1])
        self.assertEqual(staff["15"], [1, 0], "10 years on the day")
        sheet = formulas["0605"]
        self.assertEqual(sheet["C7"].value, "Số lượng (Người)")
        self.assertEqual(sheet["C8"].value, "Tổng số")
        self.assertEqual(sheet["D8"].value, "Trong đó: Nữ")
        table, _places = self._table(sheet)
        self.assertEqual(table["15"][0], "Từ 10 năm trở lên")

    def test_one_form_and_consolidation_in_the_same_number_of_queries(self):
        _formulas, values, filename = self._render(self.company_x, form="0601")
        self.assertEqual(values.sheetnames, ["0601"])
        self.assertEqual(filename, "thong-ke-chinh-thuc-0601-2041.xlsx")
        self.assertEqual(self._values(values["0601"])["01"], [4, 1, 1, 2])
        forms = self.env["tdkt.statistics.form"]._get_for_year(YEAR)

        def queries(companies):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            for form in forms:
                form._count_cells(YEAR, companies)
            return self.env.cr.sql_log_count - before

        # Once to fill the caches that do not depend on the data (ormcache, registry).
        queries(self.company_x | self.company_y)
        one = queries(self.company_x)
        both = queries(self.company_x | self.company_y)
        self.assertEqual(one, both)
        # More records do not make more queries.
        self.env["tdkt.movement"].create(
            [
                {
                    "name": f"Extra {index}",
                    "company_id": self.company_y.id,
                    "decision_number": f"{index}/QĐ",
                    "decision_date": "2041-07-01",
                    "launch_level": "agency",
                    "scope": "agency",
                    "method": "regular",
                    "date_start": "2041-07-01",
                    "date_end": "2041-12-31",
                }
                for index in range(20)
            ]
        )
        self.assertEqual(queries(self.company_x | self.company_y), both)
        self.assertLessEqual(both, len(forms) * 2)

    def test_the_reporting_year_chooses_the_version_of_a_form(self):
        old = self.env.ref("tdkt_emulation.statistics_form_0601_2023")
        new = old.copy(
            {
                "valid_from_year": 2045,
                "circular": "99/2044/TT-BNV",
                "circular_text": "Ban hành theo Thông tư số 99/2044/TT-BNV",
            }
        )
        new.row_ids.filtered(lambda row: row.code == "02").name = "Toàn quốc (mới)"
        new.row_ids.create(
            {
                "form_id": new.id,
                "sequence": 1000,
                "code": "13",
                "name": "Thi đua đột xuất",
                "domain": "[('method', '=', 'thematic')]",
            }
        )
        for year, circular, label, codes in (
            (2044, "02/2023/TT-BNV", "Toàn quốc", 12),
            (2045, "99/2044/TT-BNV", "Toàn quốc (mới)", 13),
        ):
            formulas, _values, _filename = self._render(year=year, form="0601")
            sheet = formulas["0601"]
            self.assertIn(circular, sheet["A2"].value)
            table, _places = self._table(sheet)
            self.assertEqual(table["02"][0], label)
            self.assertEqual(len(table), codes)
        with self.assertRaisesRegex(UserError, "2022"):
            self._render(year=2022)

    def test_only_the_office_prepares_them_and_bad_forms_are_refused(self):
        with self.assertRaises(AccessError):
            self._render(user=self.unit_manager)
        with self.assertRaises(UserError):
            self._render(companies=self.env["res.company"].create({"name": "Other"}))
        form = self.env.ref("tdkt_emulation.statistics_form_0601_2023")
        with self.assertRaises(ValidationError):
            form.row_ids[-1].domain = "[('no_such_field', '=', 1)]"
        with self.assertRaises(ValidationError):
            form.column_ids[-1].domain = "import os"
        with self.assertRaises(ValidationError):
            form.column_ids[0].sum_of = "2, three"
        total = form.row_ids.filtered(lambda row: row.code == "01")
        # each worded by the addon, in the reader's language
        for sum_of, message in (
            ("01, 02", "Form 0601: the total of row 01, column 1 adds up itself."),
            (
                "02, 99",
                "Form 0601: row 01 adds up rows 99, which the form does not have.",
            ),
        ):
            total.sum_of = sum_of
            with self.assertRaises(UserError) as caught:
                self._render(form="0601")
            self.assertEqual(
                str(caught.exception),
                "The totals of the official statistics forms cannot be computed: "
                + message,
            )
        total.sum_of = "02, 03, 04, 05"
        form.column_ids.filtered(lambda column: column.number == 1).sum_of = "2, 7"
        with self.assertRaisesRegex(UserError, "column 1 adds up columns 7, which"):
            self._render(form="0601")
        # the totals name rows and columns by code and number: each is the form's once
        with self.assertRaisesRegex(ValidationError, "another row of code 02"):
            form.row_ids.filtered(lambda row: row.code == "03").code = "02"
        with self.assertRaisesRegex(ValidationError, "another column of this number"):
            form.column_ids.filtered(lambda column: column.number == 4).number = 3

    def test_the_menu_opens_the_wizard_for_the_office_only(self):
        menu = self.env.ref("tdkt_emulation.tdkt_statistics_report_menu")
        for user, visible in ((self.officer, True), (self.head_a, False)):
            with self.subTest(user=user.login):
                menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertEqual(menu.id in menus, visible)
        wizard = Form(self.env["tdkt.statistics.report"].with_user(self.officer))
        wizard.year = YEAR
        wizard.form = "0603"
        action = wizard.save().action_export()
        self.assertEqual(action["params"]["data"]["form"], "0603")
        # The Manager corrects a label of a form from its screen.
        form = self.env.ref("tdkt_emulation.statistics_form_0604_2023")
        with Form(form.with_user(self.manager)) as screen:
            with screen.row_ids.edit(1) as row:
                row.name = "Cấp Vụ"
        self.assertIn("Cấp Vụ", form.row_ids.mapped("name"))

    def test_an_upgraded_database_gets_the_statistics_column_of_its_titles(self):
        ref = self.env.ref
        merit = ref("tdkt_emulation.title_merit_prime_minister")
        fighter = ref("tdkt_emulation.title_cstd_province")
        ldtt = self.title_ldtt
        (merit | ldtt).statistics_group = False
        fighter.statistics_group = "state_other"
        self.env.flush_all()
        path = (
            Path(__file__).parents[1]
            / "migrations"
            / "18.0.1.3.0"
            / "post-statistics.py"
        )
        spec = importlib.util.spec_from_file_location("post_statistics", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()
        self.assertEqual(merit.statistics_group, "prime_minister_merit")
        self.assertEqual(fighter.statistics_group, "state_other", "kept as set")
        self.assertFalse(ldtt.statistics_group, "on none of the forms")

    def test_the_wizard_downloads_for_the_companies_selected(self):
        wizard = (
            self.env["tdkt.statistics.report"]
            .with_user(self.officer)
            .with_context(allowed_company_ids=[self.company_x.id, self.company_y.id])
            .create({"year": YEAR, "form": "0605", "receiver": "Sở Nội vụ"})
        )
        action = wizard.action_export()
        self.assertEqual(action["params"]["url"], "/tdkt/document/official_statistics")
        self.assertEqual(
            action["params"]["data"]["company_ids"],
            f"{self.company_x.id},{self.company_y.id}",
        )
        params = self.env["tdkt.xlsx.report"]._parse_official_statistics_params(
            action["params"]["data"]
        )
        self.assertEqual(params["form"], "0605")
        wizard.year = 2022
        with self.assertRaises(UserError):
            wizard.action_export()


@tagged("post_install", "-at_install")
class TestOfficialStatisticsRoute(HttpCase, OfficialStatisticsCommon):
    """The forms download from the addon's document route, for the companies asked that
    the user may work in."""

    def test_download_for_one_or_both_companies(self):
        self.authenticate(self.officer.login, self.officer.login)
        url = "/tdkt/document/official_statistics?year=2041&form=0604&company_ids="
        for companies, total in (
            (self.company_x, 2),
            (self.company_x | self.company_y, 3),
        ):
            response = self.url_open(url + ",".join(map(str, companies.ids)))
            self.assertEqual(response.status_code, 200)
            book = openpyxl.load_workbook(io.BytesIO(response.content), data_only=True)
            self.assertEqual(book.sheetnames, ["0604"])
            self.assertEqual(self._values(book["0604"])["01"], [total])
        other = self.env["res.company"].create({"name": "Other"})
        for query, status in (
            (f"year=2041&company_ids={other.id}", 400),
            ("year=20x1", 400),
            ("year=2041&company_ids=1;2", 400),
        ):
            with self.subTest(query):
                response = self.url_open("/tdkt/document/official_statistics?" + query)
                self.assertEqual(response.status_code, status)
        self.authenticate(self.head_a.login, self.head_a.login)
        response = self.url_open("/tdkt/document/official_statistics?year=2041")
        self.assertEqual(response.status_code, 403)
