import io

import openpyxl
import pytest

from tdkt_emulation.lib.xlsx import MAX_CELL_CHARS, clean_text, sheet_name
from tdkt_emulation.lib.xlsx_registrations import build_registrations_xlsx

LABELS = {
    "summary": "Tổng hợp",
    "no": "TT",
    "unit": "Đơn vị",
    "status": "Trạng thái",
    "total": "Tổng cộng",
    "subject": "Đối tượng",
    "name": "Họ và tên",
    "job": "Chức vụ",
    "title": "Danh hiệu đăng ký",
    "note": "Ghi chú",
}
TITLES = ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến"]


def _line(name, title, note="", subject="Cá nhân", job="Chuyên viên"):
    return {"subject": subject, "name": name, "job": job, "title": title, "note": note}


def _build(units):
    data = build_registrations_xlsx("Kế hoạch năm 2020", units, TITLES, LABELS)
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.fixture
def book():
    units = [
        {
            "name": "Văn phòng Sở",
            "status": "Đã nộp",
            "lines": [
                _line("Hoàng Thị Lan", TITLES[0]),
                _line("Phạm Văn Hùng", TITLES[1]),
                _line("Văn phòng Sở", TITLES[2], subject="Tập thể", job=""),
            ],
        },
        {
            "name": "Phòng Cải cách hành chính",
            "status": "Dự thảo",
            "lines": [_line("Lê Thị Hoa", TITLES[0])],
        },
        {"name": "Thanh tra Sở", "status": "Dự thảo", "lines": []},
    ]
    return _build(units)


def test_one_summary_sheet_then_one_sheet_per_unit(book):
    assert book.sheetnames == [
        "Tổng hợp",
        "Văn phòng Sở",
        "Phòng Cải cách hành chính",
        "Thanh tra Sở",
    ]


def test_summary_counts_units_by_title(book):
    sheet = book["Tổng hợp"]
    assert sheet["A1"].value == "Kế hoạch năm 2020"
    headers = [cell.value for cell in sheet[3]]
    assert headers == ["TT", "Đơn vị", "Trạng thái", *TITLES, "Tổng cộng"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4)]
    assert rows[0] == [1, "Văn phòng Sở", "Đã nộp", 1, 1, 1, 3]
    assert rows[1] == [2, "Phòng Cải cách hành chính", "Dự thảo", 1, 0, 0, 1]
    assert rows[2] == [3, "Thanh tra Sở", "Dự thảo", 0, 0, 0, 0]
    assert rows[3] == [None, "Tổng cộng", None, 2, 1, 1, 4]


def test_unit_sheet_lists_its_lines(book):
    sheet = book["Văn phòng Sở"]
    assert [cell.value for cell in sheet[4]] == [
        "TT",
        "Đối tượng",
        "Họ và tên",
        "Chức vụ",
        "Danh hiệu đăng ký",
        "Ghi chú",
    ]
    assert [cell.value for cell in sheet[5]][:5] == [
        1,
        "Cá nhân",
        "Hoàng Thị Lan",
        "Chuyên viên",
        TITLES[0],
    ]
    assert sheet.max_row == 7


def test_print_setup_and_frozen_header(book):
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.paperSize == 9  # A4
    assert book["Tổng hợp"].freeze_panes == "A4"
    assert book["Văn phòng Sở"].freeze_panes == "A5"
    assert book["Văn phòng Sở"].column_dimensions["C"].width >= len("Hoàng Thị Lan")


@pytest.mark.parametrize(
    "text", ["=1+1", "+84 912", "-5", "@SUM(A1:A2)", '=HYPERLINK("http://x","y")']
)
def test_formula_looking_text_stays_text(text):
    book = _build(
        [{"name": "Unit", "status": "", "lines": [_line(text, TITLES[0], note=text)]}]
    )
    cell = book["Unit"]["C5"]
    assert cell.value == text
    assert cell.data_type == "s"
    assert book["Unit"]["F5"].value == text


def test_control_characters_and_long_text_are_written_safely():
    long_text = "x" * (MAX_CELL_CHARS + 10)
    book = _build(
        [
            {
                "name": "Unit",
                "status": "",
                "lines": [_line("A\x00B\x07C\tD", TITLES[0], note=long_text)],
            }
        ]
    )
    assert book["Unit"]["C5"].value == "ABC\tD"
    assert len(book["Unit"]["F5"].value) == MAX_CELL_CHARS


def test_emoji_and_vietnamese_text_round_trip():
    text = "Nguyễn Thị Ánh 🌟 — Đạt"
    book = _build([{"name": "Unit", "status": "", "lines": [_line(text, TITLES[0])]}])
    assert book["Unit"]["C5"].value == text


def test_sheet_names_are_valid_and_unique():
    taken = set()
    assert sheet_name("Phòng A/B: [tổng hợp]?", taken) == "Phòng A-B- -tổng hợp--"
    long_name = "Phòng Tổ chức, biên chế và Tổ chức phi chính phủ"
    first = sheet_name(long_name, taken)
    second = sheet_name(long_name, taken)
    assert len(first) == 31 and len(second) == 31
    assert first != second and second.endswith(" (2)")
    assert sheet_name("'quoted'", taken) == "quoted"
    assert sheet_name("", taken) == "-"


def test_clean_text_of_empty_values():
    assert clean_text(None) == ""
    assert clean_text(False) == ""
    assert clean_text(12) == "12"
