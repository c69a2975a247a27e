"""Shared helpers of the addon's XLSX reports (xlsxwriter, no Odoo).

Every cell of text goes through ``write_text``: written as a string, never as a formula,
whatever it starts with; control characters that XML cannot hold are dropped, and text
longer than a cell can hold is cut with an ellipsis.
"""

import io
import re

import xlsxwriter

MAX_CELL_CHARS = 32767
MAX_SHEET_NAME = 31
A4 = 9
# The national name and motto of every administrative document (Decree 30/2020/NĐ-CP,
# Appendix I): Vietnamese whatever the reader's language.
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# The footer of every printed page: "page / pages", centred.
PAGE_FOOTER = "&C&P/&N"
# The rows the frame's heading takes above a table, and the blank rows of a signature.
FRAME_ROWS = 7
SIGNATURE_SPACE = 4
# Characters XML 1.0 cannot hold (tab, line feed and carriage return are fine).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def clean_text(value):
    """Return ``value`` as text a cell can hold."""
    if value is None or value is False:
        return ""
    text = _CONTROL_CHARS.sub("", str(value))
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


def sheet_name(name, taken):
    """Return a valid sheet name for ``name``, unique among ``taken`` (updated).

    Excel forbids []:*?/\\ in sheet names, a leading or trailing apostrophe, more than 31
    characters and two sheets whose names differ only by case.
    """
    base = _SHEET_NAME_FORBIDDEN.sub("-", clean_text(name)).strip().strip("'") or "-"
    base = base[:MAX_SHEET_NAME]
    candidate, counter = base, 1
    while candidate.lower() in taken:
        counter += 1
        suffix = f" ({counter})"
        candidate = base[: MAX_SHEET_NAME - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


class Workbook:
    """An in-memory xlsxwriter workbook with the house formats and print setup."""

    def __init__(self):
        self._buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(
            self._buffer,
            {
                # In memory: a third faster than xlsxwriter's constant_memory mode on
                # 20,000 lines, for a peak near Odoo's own export (bench/).
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        font = {"font_name": "Times New Roman", "font_size": 12, "valign": "top"}
        border = {**font, "border": 1}
        self.formats = {
            "heading": self.book.add_format({**font, "bold": True, "font_size": 14}),
            "subheading": self.book.add_format({**font, "italic": True}),
            "header": self.book.add_format(
                {
                    **border,
                    "bold": True,
                    "align": "center",
                    "valign": "vcenter",
                    "text_wrap": True,
                    "bg_color": "#DDEBF7",
                }
            ),
            "text": self.book.add_format({**border, "text_wrap": True}),
            "center": self.book.add_format({**border, "align": "center"}),
            "number": self.book.add_format(
                {**border, "align": "center", "num_format": "0"}
            ),
            "decimal": self.book.add_format(
                {**border, "align": "center", "num_format": "0.00"}
            ),
            # Shares are stored in percent (71.43), shown as such.
            "percent": self.book.add_format(
                {**border, "align": "center", "num_format": '0.00"%"'}
            ),
            "total": self.book.add_format(
                {**border, "bold": True, "align": "center", "num_format": "0"}
            ),
            "total_text": self.book.add_format({**border, "bold": True}),
        }
        centred = {**font, "align": "center", "valign": "vcenter", "text_wrap": True}
        self.formats.update(
            {
                "frame_body": self.book.add_format(centred),
                "frame_bold": self.book.add_format({**centred, "bold": True}),
                "frame_date": self.book.add_format({**centred, "italic": True}),
                "frame_title": self.book.add_format(
                    {**centred, "bold": True, "font_size": 14}
                ),
            }
        )
        self._sheet_names = set()

    def add_sheet(self, name, heading=None, subheading=None):
        """Add a sheet named after ``name``, with ``heading`` and ``subheading`` on its first
        two rows when given."""
        sheet = self.book.add_worksheet(sheet_name(name, self._sheet_names))
        sheet.set_landscape()
        sheet.set_paper(A4)
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        sheet.set_footer(PAGE_FOOTER)
        if heading is not None:
            self.write_text(sheet, 0, 0, heading, "heading")
        if subheading is not None:
            self.write_text(sheet, 1, 0, subheading, "subheading")
        return sheet

    def start_sheet(self, name, heading, subheading, frame, width, first_row=3):
        """Add a sheet and return ``(sheet, the row of its table)``.

        Without ``frame``, ``heading`` and ``subheading`` take the first two rows and the
        table starts at ``first_row``. With a ``frame`` (the sheet is handed in on paper),
        the heading of an administrative document comes first (:meth:`write_frame`), then
        ``heading`` as the title and ``subheading`` below it, over the ``width`` columns of
        the table.
        """
        if frame is None:
            return self.add_sheet(name, heading, subheading), first_row
        sheet = self.add_sheet(name)
        self.write_frame(sheet, frame, width, heading, subheading)
        return sheet, FRAME_ROWS

    def write_frame(self, sheet, frame, width, title, subtitle=None):
        """Write the heading of an administrative document over ``width`` columns: the
        superior body and the issuing body on the left, the national name and motto on the
        right, the place and date below them, then the title and subtitle across.

        :param frame: dict with ``superior_body``, ``issuing_body`` and ``date_line``
            (texts, possibly empty) and ``signatures`` (see :meth:`write_signatures`)
        """
        width = max(width, 2)
        left = max(1, width * 2 // 5)
        for row, (body, national, body_style) in enumerate(
            (
                (frame.get("superior_body"), NATION, "frame_body"),
                (frame.get("issuing_body"), MOTTO, "frame_bold"),
            )
        ):
            sheet.set_row(row, 33)
            self.merge_text(sheet, row, 0, left - 1, (body or "").upper(), body_style)
            self.merge_text(sheet, row, left, width - 1, national, "frame_bold")
        self.merge_text(
            sheet, 2, left, width - 1, frame.get("date_line") or "", "frame_date"
        )
        sheet.set_row(4, 36)
        self.merge_text(sheet, 4, 0, width - 1, title or "", "frame_title")
        if subtitle:
            self.merge_text(sheet, 5, 0, width - 1, subtitle, "frame_date")

    def write_signatures(self, sheet, row, frame, width):
        """Write the signature blocks of ``frame`` side by side from ``row``, each over its
        share of ``width`` columns: the signer's capacity, room to sign, the signer's name.
        Return the row after them.

        :param frame: its ``signatures`` is a list of dicts with ``title`` and ``name``
        """
        signatures = frame.get("signatures") or []
        if not signatures:
            return row
        width = max(width, len(signatures))
        for index, signature in enumerate(signatures):
            first = index * width // len(signatures)
            last = (index + 1) * width // len(signatures) - 1
            self.merge_text(
                sheet, row, first, last, signature.get("title") or "", "frame_bold"
            )
            self.merge_text(
                sheet,
                row + SIGNATURE_SPACE + 1,
                first,
                last,
                signature.get("name") or "",
                "frame_bold",
            )
        return row + SIGNATURE_SPACE + 2

    def merge_text(self, sheet, row, first_col, last_col, value, style):
        """Write ``value`` as text across the columns ``first_col`` to ``last_col``."""
        if last_col > first_col:
            # Merged blank, then the text written as a string: never read as a formula.
            sheet.merge_range(row, first_col, row, last_col, "", self.formats[style])
        self.write_text(sheet, row, first_col, value, style)

    def write_text(self, sheet, row, col, value, style="text"):
        sheet.write_string(row, col, clean_text(value), self.formats[style])

    def write_table(self, sheet, first_row, headers, rows, styles, widths=None):
        """Write a header row and data rows from ``first_row``; freeze the header, repeat it
        on every printed page, and size the columns to their content.

        :param styles: one format name per column ("text", "center", "number")
        :param widths: optional maximum width of each column, in characters
        """
        # Headers wrap on two lines; a spreadsheet does not grow the row by itself.
        sheet.set_row(first_row, 33)
        for col, header in enumerate(headers):
            self.write_text(sheet, first_row, col, header, "header")
        lengths = [len(clean_text(header)) for header in headers]
        for offset, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                if isinstance(value, int | float) and not isinstance(value, bool):
                    sheet.write_number(
                        first_row + offset, col, value, self.formats[styles[col]]
                    )
                    lengths[col] = max(lengths[col], len(str(value)))
                elif text := clean_text(value):
                    sheet.write_string(
                        first_row + offset, col, text, self.formats[styles[col]]
                    )
                    lengths[col] = max(lengths[col], len(text))
                else:
                    sheet.write_blank(
                        first_row + offset, col, None, self.formats[styles[col]]
                    )
        sheet.freeze_panes(first_row + 1, 0)
        sheet.repeat_rows(first_row)
        for col, length in enumerate(lengths):
            limit = widths[col] if widths else 60
            sheet.set_column(col, col, min(max(length, 4), limit) + 2)

    def close(self):
        """Finish the workbook and return its bytes."""
        self.book.close()
        return self._buffer.getvalue()
