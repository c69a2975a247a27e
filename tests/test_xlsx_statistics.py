"""The layout of the official statistics forms (lib/xlsx_statistics.py), without Odoo."""

import io

import openpyxl
import pytest

from tdkt_emulation.lib.xlsx_statistics import (
    FRAME_ROWS,
    StatisticsError,
    build_official_statistics_xlsx,
    compute_cells,
)

COLUMNS = [
    {"number": 1, "label": "Tổng số", "group": "", "sum_of": [2, 3]},
    {"number": 2, "label": "Tập thể", "group": "Chia ra", "sum_of": []},
    {"number": 3, "label": "Cá nhân", "group": "Chia ra", "sum_of": []},
]
ROWS = [
    {"code": "01", "label": "Tổng số", "sum_of": ["02", "03"]},
    {"code": "", "label": "1. Theo cấp", "section": True},
    {"code": "02", "label": "Cấp tỉnh", "indent": 1, "values": {2: 4, 3: 1}},
    {"code": "03", "label": "Cấp cơ sở", "indent": 1, "values": {3: 7}},
]
FRAME = {
    "form_number": "Biểu số: 0601.N/BNV-TĐKT",
    "circular": "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023",
    "receipt": "Ngày nhận báo cáo: Ngày 15 tháng 12 năm báo cáo",
    "reporter": "Đơn vị báo cáo: Sở A",
    "receiver": "Đơn vị nhận báo cáo: Sở Nội vụ",
    "title": "Số phong trào thi đua",
    "period": "Năm 2024",
    "place_date": "Hà Nội, ngày 15 tháng 12 năm 2024",
    "signatures": [
        {"title": "Người lập biểu", "note": "(Ký, họ tên)", "name": ""},
        {"title": "Thủ trưởng đơn vị", "note": "(Ký, họ tên, đóng dấu)", "name": "B"},
    ],
}


def _form(**overrides):
    return {
        "sheet": "0601",
        "frame": FRAME,
        "stub": ["Chỉ tiêu", "Mã số", "Đơn vị tính"],
        "columns": COLUMNS,
        "rows": ROWS,
        **overrides,
    }


def _books(forms):
    content = build_official_statistics_xlsx(forms)
    return (
        openpyxl.load_workbook(io.BytesIO(content)),
        openpyxl.load_workbook(io.BytesIO(content), data_only=True),
    )


def test_totals_add_rows_then_columns():
    cells = compute_cells(ROWS, COLUMNS)
    assert cells[("02", 1)] == 5
    assert cells[("03", 1)] == 7
    assert cells[("01", 2)] == 4
    assert cells[("01", 3)] == 8
    assert cells[("01", 1)] == 12


@pytest.mark.parametrize(
    ("rows", "columns", "code", "params"),
    [
        (
            [{"code": "01", "label": "x", "sum_of": ["01"]}],
            COLUMNS[1:2],
            "self_reference",
            {"row": "01", "column": 2},
        ),
        (
            [{"code": "01", "label": "x", "sum_of": ["09"]}],
            COLUMNS[1:2],
            "unknown_rows",
            {"row": "01", "codes": ["09"]},
        ),
        (
            [{"code": "01", "label": "x"}],
            [{"number": 1, "label": "y", "sum_of": [4]}],
            "unknown_columns",
            {"column": 1, "numbers": [4]},
        ),
    ],
)
def test_a_total_naming_itself_or_nothing_is_refused(rows, columns, code, params):
    # A code and its parameters, for the addon to word in the reader's language.
    with pytest.raises(StatisticsError) as caught:
        compute_cells(rows, columns)
    assert (caught.value.code, caught.value.params) == (code, params)


def test_frame_headers_numbering_codes_and_formulas_with_cached_values():
    formulas, values = _books([_form()])
    sheet, cached = formulas["0601"], values["0601"]
    assert sheet["A1"].value == "Biểu số: 0601.N/BNV-TĐKT"
    assert sheet["A2"].value.startswith("Ban hành theo Thông tư số 02/2023")
    assert sheet["A3"].value.startswith("Ngày nhận báo cáo")
    assert sheet["D1"].value == "Đơn vị báo cáo: Sở A"
    assert sheet["D2"].value == "Đơn vị nhận báo cáo: Sở Nội vụ"
    assert sheet["A4"].value == "SỐ PHONG TRÀO THI ĐUA"
    assert sheet["A5"].value == "Năm 2024"
    top = FRAME_ROWS + 1
    merged = {str(cells) for cells in sheet.merged_cells.ranges}
    # Text columns and the total column span both header rows; the group spans its columns.
    assert {f"A{top}:A{top + 1}", f"D{top}:D{top + 1}", f"E{top}:F{top}"} <= merged
    assert sheet[f"E{top}"].value == "Chia ra"
    assert [sheet.cell(top + 1, col).value for col in (5, 6)] == ["Tập thể", "Cá nhân"]
    numbering = [cell.value for cell in sheet[top + 2]]
    assert numbering == ["A", "B", "C", "1", "2", "3"]
    body = top + 3
    assert [sheet.cell(body + i, 2).value for i in range(4)] == ["01", "", "02", "03"]
    # Row 01 adds rows 02 and 03; column 1 adds columns 2 and 3.
    assert sheet[f"D{body}"].value == f"=D{body + 2}+D{body + 3}"
    assert sheet[f"E{body}"].value == f"=E{body + 2}+E{body + 3}"
    assert sheet[f"D{body + 2}"].value == f"=E{body + 2}+F{body + 2}"
    assert [cached.cell(body, col).value for col in (4, 5, 6)] == [12, 4, 8]
    assert [cached.cell(body + 2, col).value for col in (4, 5, 6)] == [5, 4, 1]
    assert [cached.cell(body + 3, col).value for col in (4, 5, 6)] == [7, 0, 7]
    assert [sheet.cell(body + 1, col).value for col in (4, 5, 6)] == [None] * 3
    # The signatures below the table.
    texts = [cell.value for row in sheet.iter_rows(min_row=body + 4) for cell in row]
    for text in ("Người lập biểu", "(Ký, họ tên, đóng dấu)", "Thủ trưởng đơn vị"):
        assert text in texts


def test_a_form_without_unit_column_or_groups_and_one_sheet_per_form():
    form = _form(
        sheet="0605",
        stub=["Chỉ tiêu", "Mã số"],
        columns=[{"number": 1, "label": "Tổng số"}, {"number": 2, "label": "Nữ"}],
        rows=[{"code": "01", "label": "Tổng số", "values": {1: 3, 2: 1}}],
    )
    formulas, _values = _books([_form(), form])
    assert formulas.sheetnames == ["0601", "0605"]
    sheet = formulas["0605"]
    top = FRAME_ROWS + 1
    assert [cell.value for cell in sheet[top]] == ["Chỉ tiêu", "Mã số", "Tổng số", "Nữ"]
    assert [cell.value for cell in sheet[top + 1]] == ["A", "B", "1", "2"]
    assert [cell.value for cell in sheet[top + 2]] == ["Tổng số", "01", 3, 1]
