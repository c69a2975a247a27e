"""The administrative frame of the XLSX reports handed in on paper, read back."""

import io
from datetime import date

import openpyxl
import pytest
from test_xlsx_awards import ELIGIBILITY_LABELS, STATISTICS_LABELS
from test_xlsx_council import REVIEW_LABELS, SCORING_LABELS
from test_xlsx_registrations import LABELS as REGISTRATION_LABELS

from tdkt_emulation.lib.dates import document_date
from tdkt_emulation.lib.xlsx import FRAME_ROWS, MOTTO, NATION, PAGE_FOOTER, Workbook
from tdkt_emulation.lib.xlsx_awards import (
    build_eligibility_xlsx,
    build_statistics_xlsx,
)
from tdkt_emulation.lib.xlsx_council import build_review_xlsx, build_scoring_xlsx
from tdkt_emulation.lib.xlsx_registrations import build_registrations_xlsx

FRAME = {
    "superior_body": "UBND tỉnh Lạng Sơn",
    "issuing_body": "Sở Nội vụ",
    "date_line": document_date("Lạng Sơn", date(2030, 1, 5)),
    "signatures": [
        {"title": "NGƯỜI LẬP BIỂU", "name": "Hoàng Thị Lan"},
        {"title": "GIÁM ĐỐC", "name": "Phạm Văn Hùng"},
    ],
}


def _read(content):
    return openpyxl.load_workbook(io.BytesIO(content))


def _merged(sheet):
    return {str(cell_range) for cell_range in sheet.merged_cells.ranges}


def _values(sheet):
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def assert_framed(sheet, width, title, first_row=FRAME_ROWS, signed=True):
    """The sheet carries the frame over ``width`` columns above a table at ``first_row``
    (0-based), and the signature blocks below it when ``signed``."""
    last = openpyxl.utils.get_column_letter(width)
    left = max(1, width * 2 // 5)
    left_last = openpyxl.utils.get_column_letter(left)
    right_first = openpyxl.utils.get_column_letter(left + 1)
    assert sheet["A1"].value == "UBND TỈNH LẠNG SƠN"
    assert sheet["A2"].value == "SỞ NỘI VỤ"
    assert sheet["A2"].font.b
    assert sheet[f"{right_first}1"].value == NATION
    assert sheet[f"{right_first}2"].value == MOTTO
    assert sheet[f"{right_first}3"].value == "Lạng Sơn, ngày 05 tháng 01 năm 2030"
    assert sheet[f"{right_first}3"].font.i
    assert sheet["A5"].value == title
    assert sheet["A5"].alignment.horizontal == "center"
    merged = _merged(sheet)
    assert {f"A1:{left_last}1", f"A2:{left_last}2", f"A5:{last}5"} <= merged
    assert {f"{right_first}1:{last}1", f"{right_first}3:{last}3"} <= merged
    # Print setup: A4, one page wide, the table's header on every page, page numbers.
    assert sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1)
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == f"${first_row + 1}:${first_row + 1}"
    assert sheet.oddFooter.center.text == "&P/&N"
    values = [value for row in _values(sheet) for value in row]
    if signed:
        assert values.index("GIÁM ĐỐC") < values.index("Phạm Văn Hùng")
        assert "NGƯỜI LẬP BIỂU" in values and "Hoàng Thị Lan" in values
    else:
        assert "GIÁM ĐỐC" not in values


def test_frame_of_a_sheet_and_its_signature_blocks_side_by_side():
    book = Workbook()
    sheet, first_row = book.start_sheet("Báo cáo", "BÁO CÁO", "Năm 2030", FRAME, 6)
    assert first_row == FRAME_ROWS
    book.write_table(
        sheet, first_row, list("ABCDEF"), [[1, 2, 3, 4, 5, 6]], ["number"] * 6
    )
    assert book.write_signatures(sheet, first_row + 3, FRAME, 6) == first_row + 9
    read = _read(book.close()).active
    assert_framed(read, 6, "BÁO CÁO")
    assert read["A6"].value == "Năm 2030"
    signature_row = first_row + 4  # 1-based
    assert read[f"A{signature_row}"].value == "NGƯỜI LẬP BIỂU"
    assert read[f"D{signature_row}"].value == "GIÁM ĐỐC"
    assert read[f"D{signature_row + 5}"].value == "Phạm Văn Hùng"
    assert {
        f"A{signature_row}:C{signature_row}",
        f"D{signature_row}:F{signature_row}",
    } <= _merged(read)
    # The table is where the frame leaves it.
    assert [cell.value for cell in read[first_row + 1]] == list("ABCDEF")
    assert [cell.value for cell in read[first_row + 2]] == [1, 2, 3, 4, 5, 6]


def test_frame_text_is_never_a_formula_and_empty_bodies_are_blank():
    book = Workbook()
    frame = {"superior_body": "", "issuing_body": "=1+1", "date_line": ""}
    sheet, _row = book.start_sheet("S", "=SUM(A1)", None, frame, 1)
    read = _read(book.close()).active
    assert read["A2"].value == "=1+1"
    assert read["A2"].data_type == "s"
    assert read["A5"].value == "=SUM(A1)"
    assert read["A5"].data_type == "s"
    assert read["B1"].value == NATION  # a one-column table still gets both halves


def test_no_frame_keeps_the_plain_heading():
    book = Workbook()
    sheet, first_row = book.start_sheet("S", "Heading", "Sub", None, 3)
    read = _read(book.close()).active
    assert first_row == 3
    assert (read["A1"].value, read["A2"].value) == ("Heading", "Sub")
    assert read.oddFooter.center.text == PAGE_FOOTER[2:]


@pytest.mark.parametrize(
    "build, width, title",
    [
        (
            lambda: build_registrations_xlsx(
                "Đăng ký thi đua 2030",
                [
                    {
                        "name": "Văn phòng",
                        "status": "Đã nộp",
                        "lines": [
                            {
                                "subject": "Cá nhân",
                                "name": "Lê Thị Hoa",
                                "job": "",
                                "title": "Lao động tiên tiến",
                                "note": "",
                            }
                        ],
                    }
                ],
                ["Lao động tiên tiến"],
                REGISTRATION_LABELS,
                FRAME,
            ),
            5,
            "Đăng ký thi đua 2030",
        ),
        (
            lambda: build_eligibility_xlsx(
                "Kiểm tra điều kiện",
                "2030",
                [
                    {
                        "unit": "Văn phòng",
                        "subject": "Lê Thị Hoa",
                        "title": "Lao động tiên tiến",
                        "status": "Đủ điều kiện",
                        "reasons": [],
                        "override": "",
                    }
                ],
                ELIGIBILITY_LABELS,
                FRAME,
            ),
            7,
            "Kiểm tra điều kiện",
        ),
        (
            lambda: build_statistics_xlsx(
                "Thống kê khen thưởng 2030",
                "Cả năm",
                [
                    {
                        "title": "Lao động tiên tiến",
                        "level": "Cơ sở",
                        "collective": 0,
                        "individual": 2,
                        "decisions": "1/QĐ",
                    }
                ],
                [{"unit": "Văn phòng", "counts": {"Lao động tiên tiến": 2}}],
                STATISTICS_LABELS,
                FRAME,
            ),
            7,
            "Thống kê khen thưởng 2030",
        ),
        (
            lambda: build_review_xlsx(
                "Hội đồng TĐKT", "Phiên họp", [], REVIEW_LABELS, FRAME
            ),
            12,
            "Hội đồng TĐKT",
        ),
        (
            lambda: build_scoring_xlsx(
                "Hội đồng sáng kiến",
                "Phiên họp",
                ["Tính mới"],
                [],
                [("Nguyễn Văn A", [])],
                SCORING_LABELS,
                FRAME,
            ),
            9,
            "Hội đồng sáng kiến",
        ),
    ],
)
def test_each_paper_report_carries_the_frame(build, width, title):
    book = _read(build())
    assert_framed(book.worksheets[0], width, title)
    data = _values(book.worksheets[0])
    assert data[FRAME_ROWS][0] == REGISTRATION_LABELS["no"]
    # The other sheets (units, score cards, by unit) carry the heading too.
    for sheet in book.worksheets[1:]:
        assert sheet["A1"].value == "UBND TỈNH LẠNG SƠN"
        assert sheet.oddFooter.center.text == "&P/&N"
