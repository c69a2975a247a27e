"""Layout of a council session's reports: the review results of an emulation-commendation
session and the scoring of an initiative session. Plain Python: the addon gathers the data
and the translated labels."""

from .xlsx import Workbook


def build_review_xlsx(heading, subheading, items, labels, frame=None):
    """Return the XLSX bytes of a review session's results, one row per agenda item.

    :param items: dicts with ``subject``, ``unit``, ``title``, ``agree``, ``disagree``,
        ``abstain``, ``valid``, ``members``, ``share`` and ``threshold`` (percent) and
        ``outcome`` (text)
    :param labels: translated texts: ``sheet``, ``no``, ``subject``, ``unit``, ``title``,
        ``agree``, ``disagree``, ``abstain``, ``valid``, ``members``, ``share``,
        ``threshold``, ``outcome``
    :param frame: the administrative frame of the printed report (``Workbook.write_frame``)
    """
    book = Workbook()
    keys = (
        "subject",
        "unit",
        "title",
        "agree",
        "disagree",
        "abstain",
        "valid",
        "members",
        "share",
        "threshold",
        "outcome",
    )
    rows = [
        [index, *(item[key] for key in keys)]
        for index, item in enumerate(items, start=1)
    ]
    styles = [
        "center",
        "text",
        "text",
        "text",
        *(["number"] * 5),
        "percent",
        "percent",
        "text",
    ]
    widths = [5, 35, 30, 35, 10, 10, 10, 10, 10, 12, 12, 20]
    headers = [labels["no"], *(labels[key] for key in keys)]
    sheet, first_row = book.start_sheet(
        labels["sheet"], heading, subheading, frame, len(headers)
    )
    book.write_table(sheet, first_row, headers, rows, styles, widths)
    if frame:
        book.write_signatures(sheet, first_row + len(rows) + 2, frame, len(headers))
    return book.close()


def build_scoring_xlsx(
    heading, subheading, criteria, initiatives, cards, labels, frame=None
):
    """Return the XLSX bytes of an initiative session's scoring: a summary sheet with each
    criterion's average, the total and the result of each initiative, then one sheet per
    member with that member's score card.

    :param criteria: the criteria's names, in column order
    :param initiatives: dicts with ``name``, ``authors``, ``unit``, ``averages`` (one per
        criterion), ``total``, ``pass_mark``, ``scorers`` and ``result`` (text)
    :param cards: list of ``(member name, rows)``; each row a dict with ``initiative`` and
        ``points`` (one per criterion, ``None`` when not scored)
    :param labels: translated texts: ``summary``, ``no``, ``initiative``, ``authors``,
        ``unit``, ``total``, ``pass_mark``, ``scorers``, ``result``, ``score_card``
    :param frame: the administrative frame of the printed report (``Workbook.write_frame``):
        every sheet gets its heading, the summary its signatures
    """
    book = Workbook()
    headers = [
        labels["no"],
        labels["initiative"],
        labels["authors"],
        labels["unit"],
        *criteria,
        labels["total"],
        labels["pass_mark"],
        labels["scorers"],
        labels["result"],
    ]
    rows = [
        [
            index,
            initiative["name"],
            initiative["authors"],
            initiative["unit"],
            *initiative["averages"],
            initiative["total"],
            initiative["pass_mark"],
            initiative["scorers"],
            initiative["result"],
        ]
        for index, initiative in enumerate(initiatives, start=1)
    ]
    styles = [
        "center",
        "text",
        "text",
        "text",
        *(["decimal"] * len(criteria)),
        "decimal",
        "decimal",
        "number",
        "text",
    ]
    widths = [5, 40, 30, 25, *([14] * len(criteria)), 10, 10, 10, 16]
    summary, first_row = book.start_sheet(
        labels["summary"], heading, subheading, frame, len(headers)
    )
    book.write_table(summary, first_row, headers, rows, styles, widths)
    if frame:
        book.write_signatures(summary, first_row + len(rows) + 2, frame, len(headers))

    headers = [labels["no"], labels["initiative"], *criteria, labels["total"]]
    styles = ["center", "text", *(["decimal"] * len(criteria)), "decimal"]
    for member, card in cards:
        sheet, first_row = book.start_sheet(
            member, labels["score_card"] + " - " + member, heading, frame, len(headers)
        )
        rows = [
            [
                index,
                row["initiative"],
                *row["points"],
                sum(points for points in row["points"] if points is not None),
            ]
            for index, row in enumerate(card, start=1)
        ]
        book.write_table(
            sheet,
            first_row,
            headers,
            rows,
            styles,
            [5, 45, *([14] * len(criteria)), 10],
        )
    return book.close()
