"""Layout of the registrations export: a summary sheet (units × titles) and one sheet per
unit with its lines. Plain Python: the addon gathers the data and the translated labels."""

from collections import Counter

from .xlsx import Workbook


def build_registrations_xlsx(heading, units, titles, labels):
    """Return the XLSX bytes of the registrations of ``units``.

    :param heading: the document heading, e.g. the plan's title
    :param units: list of dicts with ``name``, ``status`` (text) and ``lines``; each line a
        dict with ``subject``, ``name``, ``job``, ``title`` and ``note``
    :param titles: the titles in the order of the summary's columns
    :param labels: translated texts: ``summary``, ``no``, ``unit``, ``status``, ``total``,
        ``subject``, ``name``, ``job``, ``title``, ``note``
    """
    book = Workbook()
    summary = book.add_sheet(labels["summary"], heading)
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
    book.write_table(
        summary, 2, headers, rows, styles, widths=[5, 50, 20, *([16] * len(titles)), 12]
    )

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
        sheet = book.add_sheet(unit["name"], unit["name"], heading)
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
            sheet, 3, headers, rows, styles, widths=[5, 12, 35, 35, 40, 40]
        )
    return book.close()
