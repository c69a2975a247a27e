"""Reading an import file filled in from one of the addon's XLSX templates. Plain Python:
the addon gives the columns (their labels in every language it reads) and turns the
errors, which carry a code, the row and the column, into translated messages."""

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .dates import parse_import_date

# The most rows an import file may hold.
MAX_ROWS = 5000


class ImportFileError(Exception):
    """The file as a whole cannot be read: ``code`` is ``not_xlsx``, ``no_headers``,
    ``unknown_headers`` (``names`` lists them), ``duplicate_headers``, ``missing_headers``
    (``names``: the keys of the columns missing) or ``too_many_rows`` (``names``: the limit)."""

    def __init__(self, code, names=()):
        super().__init__(code, names)
        self.code = code
        self.names = list(names)


@dataclass
class CellError:
    """A wrong cell: ``code`` is ``not_a_date`` or ``not_a_whole_number``."""

    row: int
    key: str
    code: str
    value: str


@dataclass
class ImportRow:
    """A filled row: its number in the sheet and its values by column key (text, int or
    date; None when the cell is empty)."""

    row: int
    values: dict = field(default_factory=dict)


def normalize(text):
    """A header or a name as compared: trimmed, spaces collapsed, case folded."""
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _convert(value, kind):
    """``value`` of a cell converted for a column of ``kind``; raises ValueError (with the
    error code) when it does not fit."""
    if kind == "date":
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        day = parse_import_date(value) if isinstance(value, str) else None
        if day is None:
            raise ValueError("not_a_date")
        return day
    if kind == "integer":
        if isinstance(value, bool):
            raise ValueError("not_a_whole_number")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"[+-]?\d{1,9}", value.strip()):
            return int(value.strip())
        raise ValueError("not_a_whole_number")
    return _text(value)


def _load_sheet_rows(content):
    """The rows of the first sheet, as tuples of cell values."""
    try:
        book = load_workbook(io.BytesIO(content or b""), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:
                raise ImportFileError("too_many_rows", [MAX_ROWS])
        book.close()
        return rows
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        KeyError,
        IndexError,
        ValueError,
        TypeError,
        OSError,
    ) as error:
        raise ImportFileError("not_xlsx") from error


def _map_headers(headers, columns, required):
    """{column index: key} of the header row; raises ``ImportFileError`` when it is not
    the template's."""
    if not any(_text(value) for value in headers):
        raise ImportFileError("no_headers")
    by_label = {}
    for key, (labels, _kind) in columns.items():
        for label in labels:
            by_label.setdefault(normalize(label), key)
    keys_at, unknown, duplicates = {}, [], []
    for index, header in enumerate(headers):
        text = _text(header)
        if not text:
            continue
        key = by_label.get(normalize(text))
        if key is None:
            unknown.append(text)
        elif key in keys_at.values():
            duplicates.append(text)
        else:
            keys_at[index] = key
    if unknown:
        raise ImportFileError("unknown_headers", unknown)
    if duplicates:
        raise ImportFileError("duplicate_headers", duplicates)
    if missing := [key for key in required if key not in keys_at.values()]:
        raise ImportFileError("missing_headers", missing)
    return keys_at


def read_xlsx_table(content, columns, required=(), sample=None):
    """Read the first sheet of an XLSX file: its first row names the columns, each following
    non-empty row is a record.

    :param content: the file's bytes
    :param columns: {key: (labels, kind)}: the header texts that name the column, in any
        language (compared trimmed and case-insensitively), and its kind: "text",
        "integer" or "date" (a date cell, or text written 15/03/2020, 15-03-2020 or
        2020-03-15)
    :param required: the keys of the columns the header row must hold
    :param sample: optional {key: texts}: a row whose cells hold, for each of these keys,
        one of these texts is the template's untouched sample row, skipped
    :return: (rows, errors): the ``ImportRow`` read and the ``CellError`` found, each in
        the sheet's order
    :raise ImportFileError: the file is no XLSX or its header row is not the template's
    """
    rows = _load_sheet_rows(content)
    keys_at = _map_headers(rows[0] if rows else (), columns, required)
    sample = {
        key: {normalize(text) for text in texts}
        for key, texts in (sample or {}).items()
    }
    records, errors = [], []
    for number, cells in enumerate(rows[1:], start=2):
        raw = {
            key: cells[index] if index < len(cells) else None
            for index, key in keys_at.items()
        }
        raw = {
            key: None if isinstance(value, str) and not value.strip() else value
            for key, value in raw.items()
        }
        if all(value is None for value in raw.values()):
            continue
        if sample and all(
            normalize(_text(raw.get(key))) in texts for key, texts in sample.items()
        ):
            continue
        record = ImportRow(number)
        for key, value in raw.items():
            if value is None:
                record.values[key] = None
                continue
            try:
                record.values[key] = _convert(value, columns[key][1])
            except ValueError as error:
                errors.append(CellError(number, key, error.args[0], _text(value)))
        records.append(record)
    return records, errors
