"""Date and quarter arithmetic of emulation plans."""


QUARTERS = ("1", "2", "3", "4")


def quarter_of(date):
    """Return the quarter ('1'..'4') a date falls in, or False for no date."""
    if not date:
        return False
    return QUARTERS[(date.month - 1) // 3]


def shift_years(date, years=1):
    """Return the same day ``years`` later; 29 February becomes 28 February."""
    if not date:
        return date
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)
