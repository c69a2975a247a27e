from datetime import date

import pytest

from tdkt_emulation.lib.dates import quarter_of, shift_years


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
