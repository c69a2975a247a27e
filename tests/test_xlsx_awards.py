import io
from datetime import date, datetime

import openpyxl

from tdkt_emulation.lib.xlsx_awards import (
    TEMPLATE_ROWS,
    build_eligibility_xlsx,
    build_import_template_xlsx,
    build_statistics_xlsx,
)

STATISTICS_LABELS = {
    "by_title": "Theo danh hiệu",
    "by_unit": "Theo đơn vị",
    "no": "TT",
    "title": "Danh hiệu, hình thức",
    "level": "Cấp",
    "collective": "Tập thể",
    "individual": "Cá nhân",
    "total": "Tổng cộng",
    "decisions": "Quyết định",
    "unit": "Đơn vị",
}
ELIGIBILITY_LABELS = {
    "sheet": "Kiểm tra điều kiện",
    "no": "TT",
    "unit": "Đơn vị",
    "subject": "Đối tượng",
    "title": "Danh hiệu",
    "status": "Trạng thái",
    "reasons": "Lý do",
    "override": "Ghi đè",
}
HEADERS = ("TT", "Đơn vị", "Đối tượng", "Danh hiệu", "Trạng thái", "Lý do", "Ghi đè")
TITLES = [
    {
        "title": "Chiến sĩ thi đua cơ sở",
        "level": "Cơ sở",
        "collective": 0,
        "individual": 3,
        "decisions": "12/QĐ-UBND",
    },
    {
        "title": "Tập thể lao động xuất sắc",
        "level": "Tỉnh",
        "collective": 2,
        "individual": 0,
        "decisions": "45/QĐ-UBND, 46/QĐ-UBND",
    },
    {
        "title": "Bằng khen của Chủ tịch UBND tỉnh",
        "level": "Tỉnh",
        "collective": 1,
        "individual": 4,
        "decisions": "",
    },
]
UNITS = [
    {
        "unit": "Văn phòng",
        "counts": {"Bằng khen của Chủ tịch UBND tỉnh": 2, "Chiến sĩ thi đua cơ sở": 1},
    },
    {
        "unit": "Phòng Tài chính",
        "counts": {
            "Tập thể lao động xuất sắc": 2,
            "Chiến sĩ thi đua cơ sở": 2,
            "Bằng khen của Chủ tịch UBND tỉnh": 3,
        },
    },
]


def _read(content):
    return openpyxl.load_workbook(io.BytesIO(content))


def test_statistics_by_title_rows_and_total():
    content = build_statistics_xlsx(
        "Báo cáo thi đua, khen thưởng", "Năm 2025", TITLES, UNITS, STATISTICS_LABELS
    )
    book = _read(content)
    assert book.sheetnames == ["Theo danh hiệu", "Theo đơn vị"]
    sheet = book["Theo danh hiệu"]
    assert (
        sheet["A1"].value == "Báo cáo thi đua, khen thưởng"
        and sheet["A2"].value == "Năm 2025"
    )
    assert [cell.value for cell in sheet[4]] == [
        "TT",
        "Danh hiệu, hình thức",
        "Cấp",
        "Tập thể",
        "Cá nhân",
        "Tổng cộng",
        "Quyết định",
    ]
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert rows[0] == (1, "Chiến sĩ thi đua cơ sở", "Cơ sở", 0, 3, 3, "12/QĐ-UBND")
    assert rows[1] == (
        2,
        "Tập thể lao động xuất sắc",
        "Tỉnh",
        2,
        0,
        2,
        "45/QĐ-UBND, 46/QĐ-UBND",
    )
    assert rows[2][:6] == (3, "Bằng khen của Chủ tịch UBND tỉnh", "Tỉnh", 1, 4, 5)
    assert len(rows) == 4 and rows[3][1:6] == ("Tổng cộng", None, 3, 7, 10)
    assert sheet["B8"].font.b and sheet["D8"].font.b
    assert sheet.freeze_panes == "A5"


def test_statistics_by_unit_follows_titles_order():
    content = build_statistics_xlsx(
        "Báo cáo", "6 tháng đầu năm 2025", TITLES, UNITS, STATISTICS_LABELS
    )
    sheet = _read(content)["Theo đơn vị"]
    assert [cell.value for cell in sheet[4]] == [
        "TT",
        "Đơn vị",
        "Chiến sĩ thi đua cơ sở",
        "Tập thể lao động xuất sắc",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Tổng cộng",
    ]
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert rows[0] == (1, "Văn phòng", 1, 0, 2, 3), "a missing count is 0"
    assert rows[1] == (2, "Phòng Tài chính", 2, 2, 3, 7)
    assert rows[2][1:] == ("Tổng cộng", 3, 2, 5, 10)


def test_statistics_title_is_never_a_formula():
    titles = [
        {
            "title": "=SUM(A1)",
            "level": "Tỉnh",
            "collective": 1,
            "individual": 0,
            "decisions": "@cmd",
        }
    ]
    units = [{"unit": "Văn phòng", "counts": {"=SUM(A1)": 1}}]
    book = _read(
        build_statistics_xlsx("Báo cáo", "Năm 2025", titles, units, STATISTICS_LABELS)
    )
    for cell in (book["Theo danh hiệu"]["B5"], book["Theo đơn vị"]["C4"]):
        assert cell.value == "=SUM(A1)" and cell.data_type == "s"
    assert book["Theo đơn vị"]["C5"].value == 1


def test_statistics_empty():
    book = _read(
        build_statistics_xlsx("Báo cáo", "Năm 2025", [], [], STATISTICS_LABELS)
    )
    by_title = list(book["Theo danh hiệu"].iter_rows(min_row=4, values_only=True))
    assert len(by_title) == 2 and by_title[1][1:6] == ("Tổng cộng", None, 0, 0, 0)
    by_unit = list(book["Theo đơn vị"].iter_rows(min_row=4, values_only=True))
    assert by_unit == [("TT", "Đơn vị", "Tổng cộng"), (None, "Tổng cộng", 0)]


def test_eligibility_list_joins_reasons():
    lines = [
        {
            "unit": "Văn phòng",
            "subject": "Nguyễn Văn A",
            "title": "Chiến sĩ thi đua cơ sở",
            "status": "Không đủ điều kiện",
            "override": "",
            "reasons": [
                "Chưa đủ 3 năm Lao động tiên tiến",
                "Không có sáng kiến\x07 được công nhận",
            ],
        },
        {
            "unit": "Phòng Tài chính",
            "subject": "Trần Thị B",
            "title": "Lao động tiên tiến",
            "status": "Đủ điều kiện",
            "reasons": [],
            "override": "Chủ tịch HĐ đồng ý",
        },
    ]
    content = build_eligibility_xlsx(
        "Kiểm tra điều kiện khen thưởng", "Năm 2025", lines, ELIGIBILITY_LABELS
    )
    sheet = _read(content).active
    assert sheet.title == "Kiểm tra điều kiện"
    assert [cell.value for cell in sheet[4]] == list(HEADERS)
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert rows[0][:5] == (
        1,
        "Văn phòng",
        "Nguyễn Văn A",
        "Chiến sĩ thi đua cơ sở",
        "Không đủ điều kiện",
    )
    assert (
        rows[0][5]
        == "Chưa đủ 3 năm Lao động tiên tiến\nKhông có sáng kiến được công nhận"
    )
    assert sheet["F5"].alignment.wrap_text
    assert rows[1] == (
        2,
        "Phòng Tài chính",
        "Trần Thị B",
        "Lao động tiên tiến",
        "Đủ điều kiện",
        None,
        "Chủ tịch HĐ đồng ý",
    ), "no reason: a blank cell"


def test_eligibility_empty():
    sheet = _read(
        build_eligibility_xlsx("Kiểm tra", "Năm 2025", [], ELIGIBILITY_LABELS)
    ).active
    assert list(sheet.iter_rows(min_row=4, values_only=True)) == [HEADERS]


def test_import_template_first_row_is_headers():
    headers = ["Họ và tên", "Đơn vị", "Danh hiệu", "Ngày quyết định", "Số năm"]
    rows = [
        ["Nguyễn Văn A", "Văn phòng", "Chiến sĩ thi đua cơ sở", "2025-06-30", 3],
        ["Lê Thị C", "Phòng Tài chính", '=HYPERLINK("x")', "2025-12-31", 1],
    ]
    book = _read(build_import_template_xlsx("Mẫu nhập khen thưởng", headers, rows))
    assert book.sheetnames == ["Mẫu nhập khen thưởng"]
    sheet = book.active
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == headers
    assert values[1:] == [tuple(row) for row in rows]
    assert (
        sheet["D2"].data_type == "s" and sheet["C3"].data_type == "s"
    ), "dates and formulas stay text"
    assert sheet.freeze_panes == "A2"


def test_import_template_dates_are_dates_and_choices_are_lists():
    headers = ["Đối tượng", "Họ và tên", "Năm", "Ngày quyết định"]
    rows = [["Cá nhân", "Nguyễn Văn A", 2019, date(2020, 1, 15)]]
    content = build_import_template_xlsx(
        "Khen thưởng",
        headers,
        rows,
        ["text", "text", "number", "date"],
        {0: ["Cá nhân", "Tập thể"]},
        "Danh sách",
    )
    book = _read(content)
    assert book.sheetnames == [
        "Khen thưởng",
        "Danh sách",
    ], "the template first: Odoo's import reads it"
    sheet, lists = book.worksheets
    assert lists.sheet_state == "hidden"
    assert list(lists.iter_rows(values_only=True)) == [
        ("Đối tượng",),
        ("Cá nhân",),
        ("Tập thể",),
    ]
    assert [cell.value for cell in sheet[2]] == [
        "Cá nhân",
        "Nguyễn Văn A",
        2019,
        datetime(2020, 1, 15),
    ]
    assert sheet["D2"].is_date and sheet["D2"].number_format == "dd/mm/yyyy"
    # What a person types below the sample in the date column is a date too.
    assert sheet.column_dimensions["D"].number_format == "dd/mm/yyyy"
    [validation] = sheet.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == "'Danh sách'!$A$2:$A$3"
    assert str(validation.sqref) == f"A2:A{TEMPLATE_ROWS + 1}"
