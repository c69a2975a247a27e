"""Layout of the commendation reports: the statistics of a 6-month or annual report, the
eligibility check list, and the import templates. Plain Python: the addon gathers the data
and the translated labels."""

from .xlsx import Workbook


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


def build_statistics_xlsx(heading, subheading, titles, units, labels):
    """Return the XLSX bytes of the commendation statistics: a sheet by title, then a sheet
    by unit (units × titles), each closed by a total row.

    :param titles: dicts with ``title``, ``level``, ``collective`` and ``individual``
        (counts) and ``decisions`` (the decision numbers, joined), in display order
    :param units: dicts with ``unit`` and ``counts`` (title name → count); the title columns
        follow ``titles``, a missing count is 0
    :param labels: translated texts: ``by_title``, ``by_unit``, ``no``, ``title``,
        ``level``, ``collective``, ``individual``, ``total``, ``decisions``, ``unit``
    """
    book = Workbook()
    sheet = book.add_sheet(labels["by_title"], heading, subheading)
    keys = ("title", "level", "collective", "individual", "total", "decisions")
    rows = [
        [index, title["title"], title["level"], title["collective"], title["individual"],
         title["collective"] + title["individual"], title["decisions"]]
        for index, title in enumerate(titles, start=1)
    ]
    styles = ["center", "text", "text", "number", "number", "number", "text"]
    headers = [labels["no"], *(labels[key] for key in keys)]
    book.write_table(sheet, 3, headers, rows, styles, [5, 45, 20, 12, 12, 10, 40])
    sums = [sum(row[col] for row in rows) for col in (3, 4, 5)]
    _write_total(book, sheet, 3 + len(rows) + 1, [None, labels["total"], None, *sums, None])

    sheet = book.add_sheet(labels["by_unit"], heading, subheading)
    names = [title["title"] for title in titles]
    rows = []
    for index, unit in enumerate(units, start=1):
        counts = [unit["counts"].get(name, 0) for name in names]
        rows.append([index, unit["unit"], *counts, sum(counts)])
    headers = [labels["no"], labels["unit"], *names, labels["total"]]
    styles = ["center", "text", *(["number"] * len(names)), "number"]
    book.write_table(sheet, 3, headers, rows, styles, [5, 45, *([16] * len(names)), 10])
    sums = [sum(row[col] for row in rows) for col in range(2, len(headers))]
    _write_total(book, sheet, 3 + len(rows) + 1, [None, labels["total"], *sums])
    return book.close()


def build_eligibility_xlsx(heading, subheading, lines, labels):
    """Return the XLSX bytes of the eligibility check list, one row per line.

    :param lines: dicts with ``unit``, ``subject``, ``title``, ``status`` and ``override``
        (texts) and ``reasons`` (list of texts, one line each in the cell)
    :param labels: translated texts: ``sheet``, ``no``, ``unit``, ``subject``, ``title``,
        ``status``, ``reasons``, ``override``
    """
    book = Workbook()
    sheet = book.add_sheet(labels["sheet"], heading, subheading)
    keys = ("unit", "subject", "title", "status", "reasons", "override")
    rows = [
        [index, *(line[key] for key in keys[:4]), "\n".join(line["reasons"]), line["override"]]
        for index, line in enumerate(lines, start=1)
    ]
    styles = ["center", *(["text"] * len(keys))]
    headers = [labels["no"], *(labels[key] for key in keys)]
    book.write_table(sheet, 3, headers, rows, styles, [5, 35, 35, 35, 20, 80, 30])
    return book.close()


def build_import_template_xlsx(sheet_name, headers, rows):
    """Return the XLSX bytes of an import template: the column names on the first row (read
    as such by Odoo's import), then the sample rows; no heading rows.

    :param headers: the column names
    :param rows: sample rows, one value (text or number) per column; dates as
        ``YYYY-MM-DD`` texts, written as text
    """
    book = Workbook()
    sheet = book.add_sheet(sheet_name)
    book.write_table(sheet, 0, headers, rows, ["text"] * len(headers))
    return book.close()
