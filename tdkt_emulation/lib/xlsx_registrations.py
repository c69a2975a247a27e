"""Layout of the registrations export: a summary sheet (units × titles) and one sheet per
unit with its lines. Plain Python: the addon gathers the data and the translated labels."""

from collections import Counter

from .xlsx import Workbook


def build_registrations_xlsx(heading, units, titles, labels, frame=None):
    """Return the XLSX bytes of the registrations of ``units``.

    :param heading: the document heading, e.g. the plan's title
    :param units: list of dicts with ``name``, ``status`` (text) and ``lines``; each line a
        dict with ``subject``, ``name``, ``job``, ``title`` and ``note``
    :param titles: the titles in the order of the summary's columns
    :param labels: translated texts: ``summary``, ``no``, ``unit``, ``status``, ``total``,
        ``subject``, ``name``, ``job``, ``title``, ``note``
    :param frame: the administrative frame of the printed report (``Workbook.write_frame``):
        every sheet gets its heading, the summary its signatures
    """
    book = Workbook()
    counts = [Counter(line["title"] for line in unit["lines"]) for unit in units]
    rows = [
        [
            index,
            unit["name"],
            unit["status"],
            *(count[title] for title in titles),
            sum(count.values()),
        ]
        for index, (unit, count) in enumerate(zip(units, counts, strict=False), start=1)
    ]
    totals = [sum(count[title] for count in counts) for title in titles]
    rows.append(["", labels["total"], "", *totals, sum(totals)])
    headers = [labels["no"], labels["unit"], labels["status"], *titles, labels["total"]]
    styles = ["center", "text", "text", *(["number"] * len(titles)), "total"]
    summary, first_row = book.start_sheet(
        labels["summary"], heading, None, frame, len(headers), first_row=2
    )
    book.write_table(
        summary,
        first_row,
        headers,
        rows,
        styles,
        widths=[5, 50, 20, *([16] * len(titles)), 12],
    )
    if frame:
        book.write_signatures(summary, first_row + len(rows) + 2, frame, len(headers))

    headers = [
        labels["no"],
        labels["subject"],
        labels["name"],
        labels["job"],
        labels["title"],
        labels["note"],
    ]
    styles = ["center", "text", "text", "text", "text", "text"]
    for unit in units:
        sheet, first_row = book.start_sheet(
            unit["name"], unit["name"], heading, frame, len(headers)
        )
        rows = [
            [
                index,
                line["subject"],
                line["name"],
                line["job"],
                line["title"],
                line["note"],
            ]
            for index, line in enumerate(unit["lines"], start=1)
        ]
        book.write_table(
            sheet, first_row, headers, rows, styles, widths=[5, 12, 35, 35, 40, 40]
        )
    return book.close()
