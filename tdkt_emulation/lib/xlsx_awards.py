"""Layout of the commendation reports: the statistics of a 6-month or annual report, the
eligibility check list, and the import templates. Plain Python: the addon gathers the data
and the translated labels."""

from datetime import datetime, time

from xlsxwriter.utility import quote_sheetname, xl_col_to_name

from .xlsx import Workbook, clean_text


def _write_total(book, sheet, row, cells):
    """Write a bold total row: numbers in the ``total`` style, texts in ``total_text``,
    ``None`` as a blank bordered cell."""
    for col, value in enumerate(cells):
        if value is None:
            sheet.write_blank(row, col, None, book.formats["total_text"])
        elif isinstance(value, str):
            book.write_text(sheet, row, col, value, "total_text")
        else:
            sheet.write_number(row, col, value, book.formats["total"])


def build_statistics_xlsx(heading, subheading, titles, units, labels, frame=None):
    """Return the XLSX bytes of the commendation statistics: a sheet by title, then a sheet
    by unit (units × titles), each closed by a total row.

    :param titles: dicts with ``title``, ``level``, ``collective`` and ``individual``
        (counts) and ``decisions`` (the decision numbers, joined), in display order
    :param units: dicts with ``unit`` and ``counts`` (title name → count); the title columns
        follow ``titles``, a missing count is 0
    :param labels: translated texts: ``by_title``, ``by_unit``, ``no``, ``title``,
        ``level``, ``collective``, ``individual``, ``total``, ``decisions``, ``unit``
    :param frame: the administrative frame of the printed report (``Workbook.write_frame``):
        both sheets get its heading and signatures
    """
    book = Workbook()
    keys = ("title", "level", "collective", "individual", "total", "decisions")
    rows = [
        [
            index,
            title["title"],
            title["level"],
            title["collective"],
            title["individual"],
            title["collective"] + title["individual"],
            title["decisions"],
        ]
        for index, title in enumerate(titles, start=1)
    ]
    styles = ["center", "text", "text", "number", "number", "number", "text"]
    headers = [labels["no"], *(labels[key] for key in keys)]
    sheet, first_row = book.start_sheet(
        labels["by_title"], heading, subheading, frame, len(headers)
    )
    book.write_table(
        sheet, first_row, headers, rows, styles, [5, 45, 20, 12, 12, 10, 40]
    )
    sums = [sum(row[col] for row in rows) for col in (3, 4, 5)]
    _write_total(
        book,
        sheet,
        first_row + len(rows) + 1,
        [None, labels["total"], None, *sums, None],
    )
    if frame:
        book.write_signatures(sheet, first_row + len(rows) + 3, frame, len(headers))

    names = [title["title"] for title in titles]
    rows = []
    for index, unit in enumerate(units, start=1):
        counts = [unit["counts"].get(name, 0) for name in names]
        rows.append([index, unit["unit"], *counts, sum(counts)])
    headers = [labels["no"], labels["unit"], *names, labels["total"]]
    styles = ["center", "text", *(["number"] * len(names)), "number"]
    sheet, first_row = book.start_sheet(
        labels["by_unit"], heading, subheading, frame, len(headers)
    )
    book.write_table(
        sheet, first_row, headers, rows, styles, [5, 45, *([16] * len(names)), 10]
    )
    sums = [sum(row[col] for row in rows) for col in range(2, len(headers))]
    _write_total(book, sheet, first_row + len(rows) + 1, [None, labels["total"], *sums])
    if frame:
        book.write_signatures(sheet, first_row + len(rows) + 3, frame, len(headers))
    return book.close()


def build_eligibility_xlsx(heading, subheading, lines, labels, frame=None):
    """Return the XLSX bytes of the eligibility check list, one row per line.

    :param lines: dicts with ``unit``, ``subject``, ``title``, ``status`` and ``override``
        (texts) and ``reasons`` (list of texts, one line each in the cell)
    :param labels: translated texts: ``sheet``, ``no``, ``unit``, ``subject``, ``title``,
        ``status``, ``reasons``, ``override``
    :param frame: the administrative frame of the printed report (``Workbook.write_frame``)
    """
    book = Workbook()
    keys = ("unit", "subject", "title", "status", "reasons", "override")
    rows = [
        [
            index,
            *(line[key] for key in keys[:4]),
            "\n".join(line["reasons"]),
            line["override"],
        ]
        for index, line in enumerate(lines, start=1)
    ]
    styles = ["center", *(["text"] * len(keys))]
    headers = [labels["no"], *(labels[key] for key in keys)]
    sheet, first_row = book.start_sheet(
        labels["sheet"], heading, subheading, frame, len(headers)
    )
    book.write_table(
        sheet, first_row, headers, rows, styles, [5, 35, 35, 35, 20, 80, 30]
    )
    if frame:
        book.write_signatures(sheet, first_row + len(rows) + 2, frame, len(headers))
    return book.close()


# The rows of an import template that its drop-down lists and date format cover.
TEMPLATE_ROWS = 1000


def build_import_template_xlsx(
    sheet_name, headers, rows, kinds=None, choices=None, choices_sheet_name="Lists"
):
    """Return the XLSX bytes of an import template: the column names on the first row (which
    ``xlsx_import.read_xlsx_table`` reads back), then the sample rows; no heading rows.

    A date column is formatted dd/mm/yyyy down to row ``TEMPLATE_ROWS``, so that a date
    typed in it is a date; a column with choices offers them as a drop-down list, kept on a
    hidden sheet after the first.

    :param headers: the column names
    :param rows: sample rows, one value per column: text, number or ``datetime.date``
    :param kinds: optional, per column: "text" (the default), "number" or "date"
    :param choices: optional {column index: [the values allowed]}
    :param choices_sheet_name: the name of the hidden sheet of the choices
    """
    kinds = kinds or ["text"] * len(headers)
    choices = choices or {}
    book = Workbook()
    date_format = book.book.add_format(
        {
            "font_name": "Times New Roman",
            "font_size": 12,
            "border": 1,
            "num_format": "dd/mm/yyyy",
            "align": "center",
        }
    )
    sheet = book.add_sheet(sheet_name)
    styles = ["number" if kind == "number" else "text" for kind in kinds]
    # The dates go in after the table, as dates.
    book.write_table(
        sheet,
        0,
        headers,
        [
            [
                None if kind == "date" else value
                for value, kind in zip(row, kinds, strict=False)
            ]
            for row in rows
        ],
        styles,
    )
    for col, kind in enumerate(kinds):
        if kind != "date":
            continue
        sheet.set_column(
            col, col, max(len(clean_text(headers[col])), 10) + 2, date_format
        )
        for offset, row in enumerate(rows, start=1):
            if row[col]:
                sheet.write_datetime(
                    offset, col, datetime.combine(row[col], time()), date_format
                )
    if choices:
        lists = book.add_sheet(choices_sheet_name)
        for list_col, (col, values) in enumerate(sorted(choices.items())):
            book.write_text(lists, 0, list_col, headers[col], "header")
            for offset, value in enumerate(values, start=1):
                book.write_text(lists, offset, list_col, value)
            column = xl_col_to_name(list_col)
            sheet.data_validation(
                1,
                col,
                TEMPLATE_ROWS,
                col,
                {
                    "validate": "list",
                    "source": f"={quote_sheetname(lists.name)}!${column}$2:${column}${len(values) + 1}",
                    "error_type": "warning",
                },
            )
        lists.hide()
    return book.close()
