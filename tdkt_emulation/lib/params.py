"""Strict parsing of the parameters of the addon's download routes.

A parameter is text from anyone: ``str.isdigit()`` is true of ``²`` or ``٣``, which
``int()`` refuses or reads as another number, and a 5,000-digit number overflows every
column. Ids are therefore ASCII decimals of at most nine digits, within PostgreSQL's
integer; years are four ASCII digits within a range. Each parser returns None for what it
does not accept, and the route says what it expects.
"""

import re

ID_RE = re.compile(r"[0-9]{1,9}")
YEAR_RE = re.compile(r"[0-9]{4}")
PG_INT_MAX = 2**31 - 1
YEAR_MIN, YEAR_MAX = 1900, 2999
# More ids than any selection of the web client sends (its limit is 20,000 records of a list).
MAX_IDS = 200_000


def parse_id(text):
    """The id ``text`` holds (1 to 2,147,483,647, ASCII digits), or None."""
    if not isinstance(text, str) or not ID_RE.fullmatch(text.strip()):
        return None
    value = int(text.strip())
    return value if 0 < value <= PG_INT_MAX else None


def parse_ids(text, limit=MAX_IDS):
    """The ids of a comma-separated list, in order and without repeats; an empty list for
    empty text; None when a part is not an id or there are more than ``limit``."""
    if not isinstance(text, str):
        return None
    if not text.strip():
        return []
    parts = text.split(",", limit)
    if len(parts) > limit:
        return None
    ids = [parse_id(part) for part in parts]
    if None in ids:
        return None
    return list(dict.fromkeys(ids))


def parse_year(text, first=YEAR_MIN, last=YEAR_MAX):
    """The year ``text`` holds (four ASCII digits, from ``first`` to ``last``), or None."""
    if not isinstance(text, str) or not YEAR_RE.fullmatch(text.strip()):
        return None
    value = int(text.strip())
    return value if first <= value <= last else None
