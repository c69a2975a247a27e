"""The layout of a certificate (Giấy khen, Chiến sĩ thi đua cơ sở...) on an A4 landscape sheet.

Decree 98/2023/NĐ-CP Art 104 fixes the lines and their order: the national name (bold
capitals), the motto (bold, underlined), the title of the person who decides (bold capitals,
red), "TẶNG" or "TẶNG DANH HIỆU" (bold capitals), the form or title (bold capitals, red), the
recipient, position and unit, the achievement; bottom left the decision's number and date and
the number in the register (bold italic); bottom right the place and date, the signer's title
and name. Each line is a field placed at (x, y) millimetres from the sheet's top left corner,
in a box of the given width, so that the Office can shift it onto its pre-printed blanks.
"""

from collections import namedtuple

PAGE_WIDTH_MM = 297.0
PAGE_HEIGHT_MM = 210.0

Field = namedtuple(
    "Field", "key label x y width font_size preprinted css", defaults=("",)
)

RED = "color: #c00000;"
# key, label, default x, y, width (mm), font size (pt), printed on the blank by default, style
FIELDS = (
    Field(
        "national_name",
        "National name",
        30,
        46,
        237,
        14,
        True,
        "font-weight: bold; text-transform: uppercase;",
    ),
    Field(
        "motto",
        "Motto",
        30,
        53,
        237,
        14,
        True,
        "font-weight: bold; text-decoration: underline;",
    ),
    Field(
        "authority",
        "Deciding authority",
        30,
        65,
        237,
        16,
        False,
        "font-weight: bold; text-transform: uppercase; " + RED,
    ),
    Field(
        "grant",
        "Grants",
        30,
        75,
        237,
        14,
        True,
        "font-weight: bold; text-transform: uppercase;",
    ),
    Field(
        "title",
        "Form or title",
        30,
        84,
        237,
        28,
        False,
        "font-weight: bold; text-transform: uppercase; " + RED,
    ),
    Field("recipient", "Recipient", 30, 102, 237, 20, False, "font-weight: bold;"),
    Field("position_unit", "Position and unit", 30, 114, 237, 14, False),
    Field("achievement", "Achievement", 40, 124, 217, 14, False, "font-style: italic;"),
    Field(
        "decision_ref",
        "Decision number and date",
        25,
        170,
        120,
        12,
        False,
        "font-weight: bold; font-style: italic; text-align: left;",
    ),
    Field(
        "register_no",
        "Register number",
        25,
        177,
        120,
        12,
        False,
        "font-weight: bold; font-style: italic; text-align: left;",
    ),
    Field(
        "date_line",
        "Place and date",
        160,
        146,
        115,
        13,
        False,
        "font-style: italic;",
    ),
    Field(
        "signer_title",
        "Signer's title",
        160,
        153,
        115,
        14,
        False,
        "font-weight: bold; text-transform: uppercase;",
    ),
    Field(
        "signer_name", "Signer's name", 160, 182, 115, 14, False, "font-weight: bold;"
    ),
)
FIELDS_BY_KEY = {field.key: field for field in FIELDS}


# wkhtmltopdf built on an unpatched Qt (as Debian's) ignores --dpi, --zoom and
# --disable-smart-shrinking and prints 1 CSS millimetre as 0.768 mm; the certificate is zoomed
# by the inverse so that a field set at x mm prints at x mm. The patched build prints at scale.
UNPATCHED_QT_SCALE = 0.768


def wkhtmltopdf_zoom(version_output):
    """The CSS zoom that makes the certificate's millimetres paper millimetres with the
    wkhtmltopdf whose ``--version`` printed ``version_output``."""
    if "patched qt" in (version_output or "").lower():
        return 1.0
    return round(1 / UNPATCHED_QT_SCALE, 6)


class PositionError(ValueError):
    """A field's position puts it (partly) off the sheet. ``code`` says which bound:
    "x", "y", "width", "right" (x + width past the right edge) or "font_size"."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def check_position(x, y, width, font_size=None):
    """Raise :class:`PositionError` unless the field's box starts on the sheet, has a width,
    ends before its right edge and its text can be read (font size 6 to 72 pt)."""
    if not 0 <= x < PAGE_WIDTH_MM:
        raise PositionError("x")
    if not 0 <= y < PAGE_HEIGHT_MM:
        raise PositionError("y")
    if width <= 0:
        raise PositionError("width")
    if x + width > PAGE_WIDTH_MM + 1e-6:
        raise PositionError("right")
    if font_size is not None and not 6 <= font_size <= 72:
        raise PositionError("font_size")


def field_style(field, x, y, width, font_size):
    """The CSS that puts a field's box on the sheet: mm from its top left corner."""
    return (
        f"left: {x:.2f}mm; top: {y:.2f}mm; width: {width:.2f}mm; "
        f"font-size: {font_size:.1f}pt; {field.css}"
    )


def grid_lines(step_mm=1.0):
    """The lines of the test page's millimetre grid: (orientation, position in mm, kind),
    kind "cm" every 10 mm (labelled), "half" every 5 mm, "mm" otherwise."""
    lines = []
    for orientation, length in (("v", PAGE_WIDTH_MM), ("h", PAGE_HEIGHT_MM)):
        steps = int(length // step_mm)
        for index in range(steps + 1):
            position = index * step_mm
            if position >= length:
                break
            if position % 10 == 0:
                kind = "cm"
            elif position % 5 == 0:
                kind = "half"
            else:
                kind = "mm"
            lines.append((orientation, position, kind))
    return lines
