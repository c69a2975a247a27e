"""Date and quarter arithmetic of emulation plans."""

import datetime

QUARTERS = ("1", "2", "3", "4")


def quarter_of(date):
    """Return the quarter ('1'..'4') a date falls in, or False for no date."""
    if not date:
        return False
    return QUARTERS[(date.month - 1) // 3]


def quarter_bounds(year, quarter):
    """Return the first and last day of a quarter ('1'..'4' or 1..4) of a year."""
    index = int(quarter)
    if index not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1 to 4, not {quarter!r}")
    first = datetime.date(year, 3 * index - 2, 1)
    if index == 4:
        last = datetime.date(year, 12, 31)
    else:
        last = datetime.date(year, 3 * index + 1, 1) - datetime.timedelta(days=1)
    return first, last


def shift_years(date, years=1):
    """Return the same day ``years`` later; 29 February becomes 28 February."""
    if not date:
        return date
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)
