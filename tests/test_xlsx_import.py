import io
from datetime import date, datetime

import openpyxl
import pytest

from tdkt_emulation.lib.xlsx_awards import build_import_template_xlsx
from tdkt_emulation.lib.xlsx_import import (
    MAX_ROWS,
    CellError,
    ImportFileError,
    read_xlsx_table,
)

COLUMNS = {
    "name": (["Person", "Họ và tên"], "text"),
    "year": (["Year", "Năm"], "integer"),
    "date": (["Decision Date", "Ngày quyết định"], "date"),
    "note": (["Note", "Ghi chú"], "text"),
}
SAMPLE_NOTES = ["Sample row: write over it.", "Dòng mẫu: ghi đè lên."]


def _xlsx(*rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _values(rows):
    return [(row.row, row.values) for row in rows]


def test_headers_in_either_language_and_dates_of_every_kind_in_one_column():
    content = _xlsx(
        [" họ VÀ  tên ", "Year", "Ngày quyết định", "Note"],
        ["Nguyễn Văn A", 2019, datetime(2020, 1, 10), "Hồ sơ giấy"],
        ["Trần Thị B", "2019", "15/03/2020", None],
        ["Lê C", 2019.0, "15-03-2020", ""],
        ["Phạm D", 2020, "2020-03-15", "  "],
        ["Hà E", 2020, date(2020, 3, 16), None],
    )
    rows, errors = read_xlsx_table(content, COLUMNS, required=["name", "year"])
    assert errors == []
    assert _values(rows) == [
        (
            2,
            {
                "name": "Nguyễn Văn A",
                "year": 2019,
                "date": date(2020, 1, 10),
                "note": "Hồ sơ giấy",
            },
        ),
        (
            3,
            {
                "name": "Trần Thị B",
                "year": 2019,
                "date": date(2020, 3, 15),
                "note": None,
            },
        ),
        (4, {"name": "Lê C", "year": 2019, "date": date(2020, 3, 15), "note": None}),
        (5, {"name": "Phạm D", "year": 2020, "date": date(2020, 3, 15), "note": None}),
        (6, {"name": "Hà E", "year": 2020, "date": date(2020, 3, 16), "note": None}),
    ]


def test_wrong_cells_name_their_row_and_column_and_the_other_rows_still_read():
    content = _xlsx(
        ["Person", "Year", "Decision Date"],
        ["A", 2019, "31/02/2020"],
        ["B", "năm 2019", "15/03"],
        ["C", 2019.5, 43900],
        ["D", 2019, "15/03/2020"],
    )
    rows, errors = read_xlsx_table(content, COLUMNS)
    assert errors == [
        CellError(2, "date", "not_a_date", "31/02/2020"),
        CellError(3, "year", "not_a_whole_number", "năm 2019"),
        CellError(3, "date", "not_a_date", "15/03"),
        CellError(4, "year", "not_a_whole_number", "2019.5"),
        CellError(4, "date", "not_a_date", "43900"),
    ]
    assert [row.row for row in rows] == [2, 3, 4, 5]
    assert rows[-1].values == {"name": "D", "year": 2019, "date": date(2020, 3, 15)}


def test_empty_rows_and_the_untouched_sample_row_are_skipped():
    content = _xlsx(
        ["Person", "Year", "Note"],
        ["Nguyễn Văn A", 2020, SAMPLE_NOTES[1]],
        [None, None, None],
        ["", "  ", None],
        ["Trần Thị B", 2019, None],
        # Written over but the note kept: not the sample any more, read.
        ["Lê C", 2019, SAMPLE_NOTES[1]],
    )
    sample = {"name": ["Nguyễn Văn A"], "note": SAMPLE_NOTES}
    rows, errors = read_xlsx_table(content, COLUMNS, sample=sample)
    assert errors == []
    assert _values(rows) == [
        (5, {"name": "Trần Thị B", "year": 2019, "note": None}),
        (6, {"name": "Lê C", "year": 2019, "note": SAMPLE_NOTES[1]}),
    ]


def test_the_addon_template_reads_back():
    headers = ["Họ và tên", "Năm", "Ngày quyết định", "Ghi chú"]
    content = build_import_template_xlsx(
        "Khen thưởng",
        headers,
        [["Nguyễn Văn A", 2020, date(2021, 1, 15), SAMPLE_NOTES[1]]],
        ["text", "number", "date", "text"],
        {0: ["Nguyễn Văn A", "Trần Thị B"]},
        "Danh sách",
    )
    sample = {"name": ["Nguyễn Văn A"], "note": SAMPLE_NOTES}
    assert read_xlsx_table(content, COLUMNS, sample=sample) == ([], [])
    book = openpyxl.load_workbook(io.BytesIO(content))
    book.worksheets[0].append(["Trần Thị B", 2019, "15/03/2020", None])
    buffer = io.BytesIO()
    book.save(buffer)
    rows, errors = read_xlsx_table(buffer.getvalue(), COLUMNS, sample=sample)
    assert errors == []
    assert _values(rows) == [
        (
            3,
            {
                "name": "Trần Thị B",
                "year": 2019,
                "date": date(2020, 3, 15),
                "note": None,
            },
        )
    ]


@pytest.mark.parametrize(
    ("content", "code", "names"),
    [
        (b"Person;Year\nA;2019\n", "not_xlsx", []),
        (b"", "not_xlsx", []),
        (b"PK\x03\x04 not really a zip", "not_xlsx", []),
        (_xlsx(), "no_headers", []),
        (_xlsx([None, " "], ["A", 2019]), "no_headers", []),
        (
            _xlsx(["Person", "Year", "Salary", "Rank"]),
            "unknown_headers",
            ["Salary", "Rank"],
        ),
        (_xlsx(["Person", "Họ và tên"]), "duplicate_headers", ["Họ và tên"]),
        (_xlsx(["Person", "Note"]), "missing_headers", ["year"]),
    ],
)
def test_bad_files_are_refused_as_a_whole(content, code, names):
    with pytest.raises(ImportFileError) as raised:
        read_xlsx_table(content, COLUMNS, required=["name", "year"])
    assert (raised.value.code, raised.value.names) == (code, names)


def test_a_file_too_long_is_refused():
    content = _xlsx(["Person"], *([["A"]] * (MAX_ROWS + 1)))
    with pytest.raises(ImportFileError) as raised:
        read_xlsx_table(content, COLUMNS)
    assert raised.value.code == "too_many_rows"
    rows, _errors = read_xlsx_table(_xlsx(["Person"], *([["A"]] * MAX_ROWS)), COLUMNS)
    assert len(rows) == MAX_ROWS
