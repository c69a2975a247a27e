from datetime import date

import pytest

from tdkt_emulation.lib.dates import (
    document_date,
    parse_import_date,
    quarter_of,
    shift_years,
)


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2020, 1, 1), "1"),
        (date(2020, 3, 31), "1"),
        (date(2020, 4, 1), "2"),
        (date(2020, 6, 30), "2"),
        (date(2020, 7, 1), "3"),
        (date(2020, 9, 30), "3"),
        (date(2020, 10, 1), "4"),
        (date(2020, 12, 31), "4"),
        (None, False),
        (False, False),
    ],
)
def test_quarter_of(day, quarter):
    assert quarter_of(day) == quarter


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (date(2020, 1, 30), 1, date(2021, 1, 30)),
        (date(2020, 2, 29), 1, date(2021, 2, 28)),
        (date(2020, 2, 29), 4, date(2024, 2, 29)),
        (date(2020, 12, 31), 1, date(2021, 12, 31)),
        (date(2021, 3, 1), -1, date(2020, 3, 1)),
        (None, 1, None),
        (False, 1, False),
    ],
)
def test_shift_years(day, years, expected):
    assert shift_years(day, years) == expected


@pytest.mark.parametrize(
    ("place", "day", "text"),
    [
        ("Lạng Sơn", date(2020, 1, 3), "Lạng Sơn, ngày 03 tháng 01 năm 2020"),
        ("Hà Nội", date(2024, 12, 25), "Hà Nội, ngày 25 tháng 12 năm 2024"),
        ("Lạng Sơn", date(2024, 5, 9), "Lạng Sơn, ngày 09 tháng 5 năm 2024"),
        ("Lạng Sơn", date(2024, 10, 1), "Lạng Sơn, ngày 01 tháng 10 năm 2024"),
        ("", date(2024, 2, 9), "Ngày 09 tháng 02 năm 2024"),
        ("Lạng Sơn", None, "Lạng Sơn"),
        (False, False, ""),
    ],
)
def test_document_date(place, day, text):
    assert document_date(place, day) == text


@pytest.mark.parametrize(
    ("value", "first_format", "day"),
    [
        ("2020-03-15", None, date(2020, 3, 15)),
        ("15/03/2020", None, date(2020, 3, 15)),
        (" 5/3/2020 ", None, date(2020, 3, 5)),
        ("15-03-2020", None, date(2020, 3, 15)),
        ("15.03.2020", None, date(2020, 3, 15)),
        # The import's own option comes first: an English file written month first.
        ("03/04/2020", "%m/%d/%Y", date(2020, 3, 4)),
        ("03/04/2020", None, date(2020, 4, 3)),
        ("31/02/2020", None, None),
        ("15/03", None, None),
        ("", None, None),
        (None, None, None),
    ],
)
def test_parse_import_date(value, first_format, day):
    assert parse_import_date(value, first_format) == day
