from datetime import date

import pytest

from tdkt_emulation.lib.reminders import (
    ReminderDaysError,
    next_reminder_date,
    parse_reminder_days,
    reminder_stage,
)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("7,1", (7, 1)),
        (" 1 , 7 ", (7, 1)),
        ("7;1;7", (7, 1)),
        ("0", (0,)),
        ("", ()),
        (None, ()),
        ("30,", (30,)),
    ],
)
def test_parse_reminder_days(text, days):
    assert parse_reminder_days(text) == days


@pytest.mark.parametrize("text", ["seven", "-1", "1.5", "400", "7,x"])
def test_parse_reminder_days_refuses_bad_settings(text):
    with pytest.raises(ReminderDaysError):
        parse_reminder_days(text)


@pytest.mark.parametrize(
    ("days_left", "stage"),
    [(10, None), (8, None), (7, 7), (5, 7), (2, 7), (1, 1), (0, 1), (-1, None)],
)
def test_reminder_stage(days_left, stage):
    assert reminder_stage(days_left, (7, 1)) == stage


def test_reminder_stage_without_settings():
    assert reminder_stage(3, ()) is None


@pytest.mark.parametrize(
    ("sent", "expected"),
    [(None, date(2030, 1, 13)), (7, date(2030, 1, 19)), (1, None)],
)
def test_next_reminder_date(sent, expected):
    assert next_reminder_date(date(2030, 1, 20), (7, 1), sent) == expected


def test_next_reminder_date_without_deadline_or_settings():
    assert next_reminder_date(None, (7, 1)) is None
    assert next_reminder_date(date(2030, 1, 20), ()) is None
