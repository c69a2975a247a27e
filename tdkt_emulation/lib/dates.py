"""Date and quarter arithmetic of emulation plans."""

from datetime import datetime

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


def date_words(day):
    """A date as Vietnamese documents write it, "ngày 03 tháng 01 năm 2020". Decree
    30/2020/NĐ-CP: days below 10 and the months 1 and 2 take a leading zero, the other
    months none ("ngày 05 tháng 3"). No date gives blanks to fill by hand."""
    if not day:
        return "ngày … tháng … năm …"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def document_date(place, day):
    """The place and date line of a Vietnamese administrative document, e.g.
    "Lạng Sơn, ngày 03 tháng 01 năm 2020" (zero-padding as :func:`date_words`)."""
    if not day:
        return place or ""
    text = date_words(day)
    return f"{place}, {text}" if place else text.capitalize()


# How a date may be written in an imported file: as Odoo reads a spreadsheet's date cell,
# or day first as Vietnamese write it.
IMPORT_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")


def parse_import_date(value, first_format=None):
    """Return the date written in ``value``, trying ``first_format`` (the import's own
    option) and then ``IMPORT_DATE_FORMATS``; None when it is no date."""
    text = (value or "").strip()
    for date_format in dict.fromkeys(
        filter(None, (first_format, *IMPORT_DATE_FORMATS))
    ):
        try:
            return datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None
