"""Reward money: coefficient × base salary in force on the decision's date."""

from datetime import date

import pytest

from tdkt_emulation.lib.reward import format_vnd, reward_amount, select_dated

SALARIES = [
    ("2019", date(2019, 7, 1), None),
    ("2023", date(2023, 7, 1), None),
    ("2024", date(2024, 7, 1), None),
]


@pytest.mark.parametrize(
    ("day", "key"),
    [
        (date(2019, 6, 30), None),
        (date(2019, 7, 1), "2019"),
        (date(2023, 6, 30), "2019"),
        (date(2023, 7, 1), "2023"),
        (date(2024, 6, 30), "2023"),
        (date(2024, 7, 1), "2024"),
        (date(2030, 1, 8), "2024"),
        (None, None),
    ],
)
def test_base_salary_in_force(day, key):
    assert select_dated(SALARIES, day) == key


def test_coefficient_with_validity_dates():
    rows = [
        ("old", None, date(2025, 6, 30)),
        ("new", date(2025, 7, 1), None),
    ]
    assert select_dated(rows, date(2020, 1, 1)) == "old"
    assert select_dated(rows, date(2025, 7, 1)) == "new"
    assert (
        select_dated(
            [("closed", date(2020, 1, 1), date(2020, 12, 31))], date(2021, 1, 1)
        )
        is None
    )


@pytest.mark.parametrize(
    ("coefficient", "salary", "amount"),
    [
        (0.3, 1_800_000, 540_000),
        (0.3, 2_340_000, 710_000),  # 702,000 rounded up to the ten thousand
        (1.0, 2_340_000, 2_340_000),
        (1.5, 1_800_000, 2_700_000),
        (0.8, 2_340_000, 1_880_000),  # 1,872,000
        (4.5, 2_340_000, 10_530_000),
        (0, 2_340_000, 0),
        (0.3, 0, 0),
    ],
)
def test_reward_amount(coefficient, salary, amount):
    assert reward_amount(coefficient, salary) == amount


def test_reward_amount_without_rounding():
    assert reward_amount(0.3, 2_340_000, rounding=0) == 702_000


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (1_234_000, "1.234.000"),
        (540_000, "540.000"),
        (0, "0"),
        (999, "999"),
        (12_345_678_000, "12.345.678.000"),
        (None, ""),
        (False, ""),
    ],
)
def test_format_vnd(amount, text):
    assert format_vnd(amount) == text
