"""Layout of the official TĐKT statistics (the Ministry of Home Affairs' yearly forms, e.g.
Biểu 0601–0605.N/BNV-TĐKT): one sheet per form, with the form's frame, its merged headers,
the numbering row (A, B, C, 1, 2, …), the rows' codes, the counts and the totals.

Plain Python: the addon reads the forms (records) and counts the cells; this module places
them. A total is a real formula (``=D10+D12``) whose cached value is written with it, so that
a reader that does not compute formulas (openpyxl with ``data_only=True``, a viewer) shows the
right figure too.
"""

from xlsxwriter.utility import xl_rowcol_to_cell

from .xlsx import SIGNATURE_SPACE, Workbook, clean_text

# The letters of the numbering row's text columns: label, code, unit.
STUB_LETTERS = ("A", "B", "C")
# The rows of the frame above the table: three lines on each side, the title, the period.
FRAME_ROWS = 6


class StatisticsError(ValueError):
    """A form whose totals cannot be computed: ``code`` says why, ``params`` where, for the
    addon to word in the reader's language (codes: ``self_reference`` with ``row`` and
    ``column``, ``unknown_rows`` with ``row`` and ``codes``, ``unknown_columns`` with
    ``column`` and ``numbers``; ``form``, the sheet, once :func:`write_form` knows it)."""

    def __init__(self, code, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


def compute_cells(rows, columns):
    """Return ``{(row code, column number): value}`` for every counted row and column.

    A row with ``sum_of`` (row codes) is the sum of those rows, in every column; otherwise a
    column with ``sum_of`` (column numbers) is the sum of those columns; otherwise the value
    is the row's count in ``values`` (column number → count, 0 when missing). A section row
    (``section``) has no values.

    :raises StatisticsError: a total naming an unknown row or column, or itself
    """
    by_code = {row["code"]: row for row in rows if not row.get("section")}
    by_number = {column["number"]: column for column in columns}
    cells = {}
    pending = set()

    def value(code, number):
        key = (code, number)
        if key in cells:
            return cells[key]
        if key in pending:
            raise StatisticsError("self_reference", row=code, column=number)
        pending.add(key)
        row, column = by_code[code], by_number[number]
        if row.get("sum_of"):
            missing = [other for other in row["sum_of"] if other not in by_code]
            if missing:
                raise StatisticsError("unknown_rows", row=code, codes=missing)
            result = sum(value(other, number) for other in row["sum_of"])
        elif column.get("sum_of"):
            missing = [other for other in column["sum_of"] if other not in by_number]
            if missing:
                raise StatisticsError("unknown_columns", column=number, numbers=missing)
            result = sum(value(code, other) for other in column["sum_of"])
        else:
            result = (row.get("values") or {}).get(number, 0)
        pending.discard(key)
        cells[key] = result
        return result

    for code in by_code:
        for number in by_number:
            value(code, number)
    return cells


def _formats(book):
    """The formats of the forms, added once per workbook."""
    font = {"font_name": "Times New Roman", "font_size": 12}
    border = {**font, "border": 1, "valign": "vcenter"}
    add = book.book.add_format
    formats = {
        "left": add({**font, "text_wrap": True, "valign": "top"}),
        "left_bold": add({**font, "bold": True, "text_wrap": True, "valign": "top"}),
        "right": add({**font, "text_wrap": True, "valign": "top"}),
        "title": add(
            {
                **font,
                "bold": True,
                "align": "center",
                "text_wrap": True,
                "font_size": 13,
            }
        ),
        "period": add({**font, "italic": True, "align": "center"}),
        "header": add({**border, "bold": True, "align": "center", "text_wrap": True}),
        "numbering": add({**border, "italic": True, "align": "center"}),
        "code": add({**border, "align": "center"}),
        "count": add({**border, "align": "center", "num_format": "0"}),
        "total": add({**border, "bold": True, "align": "center", "num_format": "0"}),
        "section": add({**border, "bold": True, "text_wrap": True}),
        "blank": add(border),
        "sign": add({**font, "bold": True, "align": "center", "text_wrap": True}),
        "sign_note": add({**font, "italic": True, "align": "center"}),
    }
    for indent in range(4):
        formats[f"label_{indent}"] = add(
            {**border, "text_wrap": True, "indent": indent}
        )
        formats[f"label_bold_{indent}"] = add(
            {**border, "bold": True, "text_wrap": True, "indent": indent}
        )
    return formats


def _merge(sheet, first_row, first_col, last_row, last_col, value, cell_format):
    text = clean_text(value)
    if (first_row, first_col) == (last_row, last_col):
        sheet.write_string(first_row, first_col, text, cell_format)
    else:
        sheet.merge_range(first_row, first_col, last_row, last_col, "", cell_format)
        sheet.write_string(first_row, first_col, text, cell_format)


def write_form(book, formats, form):
    """Write one form on its own sheet. Return the cell address of every counted cell,
    ``{(row code, column number): "D10"}``.

    :param form: dict with
        ``sheet`` (the sheet's name),
        ``frame``: texts ``form_number``, ``circular``, ``receipt`` (left, top to bottom),
        ``reporter``, ``receiver`` (right), ``title``, ``period``, ``place_date`` and
        ``signatures`` (dicts with ``title``, ``note`` and ``name``),
        ``stub``: the headers of the text columns (label, code, and the unit when the form
        has one), ``columns``: dicts with ``number``, ``label``, ``group`` (the header
        merged over the consecutive columns of the same group, or empty) and ``sum_of``,
        ``rows``: dicts with ``code``, ``label``, ``indent``, ``unit``, ``section``,
        ``bold``, ``sum_of`` and ``values`` (see :func:`compute_cells`).
    """
    stub, columns, rows = form["stub"], form["columns"], form["rows"]
    try:
        cells = compute_cells(rows, columns)
    except StatisticsError as error:
        error.params.setdefault("form", form["sheet"])
        raise
    sheet = book.add_sheet(form["sheet"])
    width = len(stub) + len(columns)
    sheet.set_column(0, 0, 55)
    sheet.set_column(1, len(stub) - 1, 10)
    sheet.set_column(len(stub), width - 1, 14)
    _write_frame(sheet, formats, form["frame"], width)
    first = _write_headers(sheet, formats, stub, columns)
    addresses = _write_rows(sheet, formats, first, stub, columns, rows, cells)
    _write_signatures(sheet, formats, first + len(rows) + 1, form["frame"], width)
    return addresses


def _write_frame(sheet, formats, frame, width):
    """The form's number and legal basis on the left, who reports to whom on the right,
    then the title and the period across."""
    half = max(1, width // 2)
    for row, (left, right) in enumerate(
        (
            (frame["form_number"], frame["reporter"]),
            (frame["circular"], frame["receiver"]),
            (frame["receipt"], ""),
        )
    ):
        sheet.set_row(row, 33)
        style = formats["left_bold" if row == 0 else "left"]
        _merge(sheet, row, 0, row, half - 1, left, style)
        _merge(sheet, row, half, row, width - 1, right, formats["right"])
    sheet.set_row(3, 36)
    _merge(sheet, 3, 0, 3, width - 1, frame["title"].upper(), formats["title"])
    _merge(sheet, 4, 0, 4, width - 1, frame["period"], formats["period"])


def _write_headers(sheet, formats, stub, columns):
    """The headers: a group merged over its columns on the first header row, the columns'
    own labels below it (a column without a group takes both rows), then the numbering
    row. Return the first row of the table's body."""
    top = FRAME_ROWS
    grouped = any(column.get("group") for column in columns)
    bottom = top + 1 if grouped else top
    sheet.set_row(top, 45)
    if grouped:
        sheet.set_row(bottom, 60)
    for col, label in enumerate(stub):
        _merge(sheet, top, col, bottom, col, label, formats["header"])
    col, index = len(stub), 0
    while index < len(columns):
        group = columns[index].get("group")
        span = 1
        while (
            group
            and index + span < len(columns)
            and columns[index + span].get("group") == group
        ):
            span += 1
        if group:
            _merge(sheet, top, col, top, col + span - 1, group, formats["header"])
        for offset in range(span):
            label = columns[index + offset]["label"]
            row = bottom if group else top
            _merge(
                sheet, row, col + offset, bottom, col + offset, label, formats["header"]
            )
        index, col = index + span, col + span
    numbering = bottom + 1
    for col, letter in enumerate(STUB_LETTERS[: len(stub)]):
        sheet.write_string(numbering, col, letter, formats["numbering"])
    for offset, column in enumerate(columns):
        sheet.write_string(
            numbering, len(stub) + offset, str(column["number"]), formats["numbering"]
        )
    sheet.freeze_panes(numbering + 1, 1)
    sheet.repeat_rows(top, numbering)
    return numbering + 1


def _write_rows(sheet, formats, first, stub, columns, rows, cells):
    """The rows: label, code, unit, then the counts and the totals' formulas with their
    cached values. Return the addresses of the counted cells."""
    places = {
        row["code"]: first + offset
        for offset, row in enumerate(rows)
        if not row.get("section")
    }
    col_of = {column["number"]: len(stub) + i for i, column in enumerate(columns)}
    addresses = {}
    for offset, row in enumerate(rows):
        line = first + offset
        indent = min(int(row.get("indent") or 0), 3)
        bold = row.get("section") or row.get("bold") or row.get("sum_of")
        label_format = formats[f"label_bold_{indent}" if bold else f"label_{indent}"]
        sheet.write_string(line, 0, clean_text(row["label"]), label_format)
        sheet.write_string(line, 1, clean_text(row.get("code") or ""), formats["code"])
        if len(stub) > 2:
            unit = clean_text(row.get("unit") or "")
            sheet.write_string(line, 2, unit, formats["code"])
        for column in columns:
            col = col_of[column["number"]]
            if row.get("section"):
                sheet.write_blank(line, col, None, formats["blank"])
                continue
            key = (row["code"], column["number"])
            addresses[key] = xl_rowcol_to_cell(line, col)
            if row.get("sum_of"):
                terms = [xl_rowcol_to_cell(places[code], col) for code in row["sum_of"]]
            elif column.get("sum_of"):
                terms = [
                    xl_rowcol_to_cell(line, col_of[number])
                    for number in column["sum_of"]
                ]
            else:
                sheet.write_number(line, col, cells[key], formats["count"])
                continue
            formula = "=" + "+".join(terms)
            sheet.write_formula(line, col, formula, formats["total"], cells[key])
    return addresses


def _write_signatures(sheet, formats, line, frame, width):
    """The place and date on the right, then the signatures side by side: capacity,
    the note of what the signer does, room to sign, the name."""
    half = max(1, width // 2)
    place_date = frame.get("place_date") or ""
    _merge(sheet, line, half, line, width - 1, place_date, formats["period"])
    signatures = frame.get("signatures") or []
    for index, signature in enumerate(signatures):
        first_col = index * width // len(signatures)
        last_col = (index + 1) * width // len(signatures) - 1
        for row, key, style in (
            (line + 1, "title", "sign"),
            (line + 2, "note", "sign_note"),
            (line + SIGNATURE_SPACE + 3, "name", "sign"),
        ):
            text = signature.get(key) or ""
            _merge(sheet, row, first_col, row, last_col, text, formats[style])


def build_official_statistics_xlsx(forms):
    """Return the XLSX bytes of ``forms`` (see :func:`write_form`), one sheet each, in
    order."""
    book = Workbook()
    formats = _formats(book)
    for form in forms:
        write_form(book, formats, form)
    return book.close()
