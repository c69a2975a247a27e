"""A plan (Kế hoạch công tác thi đua, khen thưởng) read back from its Word file. No Odoo
here: :func:`parse_plan` turns the bytes of a .docx into a :class:`ParsedPlan` of plain
values, and :class:`UnitMatcher` matches the units written in it to the company's
departments; the wizard tdkt.plan.import turns both into records.

The reader follows the layout of Decree 30/2020/NĐ-CP plans, as the seed plan 03/KH-SNV
and the plan printed by the addon lay it out, and the shapes offices give its table:

- the number ("Số: 03/KH-SNV"), the place and date line, "KẾ HOẠCH" and its summary;
- the "Căn cứ …" paragraphs, then the sections I (purposes "1. Mục đích" and requirements
  "2. Yêu cầu"), II (the table of tasks), III (solutions), IV (organisation), found by
  their words rather than their numbers;
- the table TT / NỘI DUNG / ĐƠN VỊ THỰC HIỆN (or "Đơn vị chủ trì" / "Đơn vị phối hợp" /
  "Thời gian" columns), one table or one per quarter or one split over pages, the
  quarters in merged rows, in the first column or as paragraphs between the tables,
  several tasks as a bullet list in one cell, the units in their column or at the end of
  the content ("Đơn vị thực hiện: …");
- "Nơi nhận:" and its lines, the signer's position and name.
"""

import io
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from .dates import QUARTERS
from .docx_render import ConverterError, convert_document

# ------------------------------------------------------------
# Errors
# ------------------------------------------------------------


class PlanParseError(Exception):
    """The file cannot be read as a plan. ``code`` is one of:

    - ``corrupt``: not a readable Word or OpenDocument file;
    - ``not_a_plan``: a readable document that holds no plan;
    - ``unsupported``: a file of another kind (a spreadsheet, a picture…);
    - ``too_large``: an archive that would unpack to more than :data:`MAX_UNPACKED_SIZE`.
    """

    def __init__(self, code, detail=""):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


# ------------------------------------------------------------
# Vietnamese text folding and units
# ------------------------------------------------------------

# Abbreviations found in plans, by folded word: extend as offices write them.
ABBREVIATIONS = {
    "vp": "van phong",
    "p": "phong",
    "tt": "trung tam",
    "tdkt": "thi dua khen thuong",
    "hd": "hoi dong",
    "hdtdkt": "hoi dong thi dua khen thuong",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "tc": "to chuc",
    "cc": "chi cuc",
    "ld": "lanh dao",
    "ccb": "cuu chien binh",
    "tn": "thanh nien",
    "tncs": "thanh nien cong san",
    "hcm": "ho chi minh",
    "cchc": "cai cach hanh chinh",
    "tccs": "to chuc co so",
    "snv": "so noi vu",
    "cd": "cong doan",
}
# Words naming the issuing body itself at the end of a unit's name ("Văn phòng Sở").
OWN_BODY_SUFFIXES = ("thuoc so", "cua so", "so noi vu", "so", "co quan")
# Names meaning every unit: they begin with one of these and say "thuộc" (belonging).
ALL_UNITS_PREFIXES = ("cac ", "tat ca ", "toan the ")
ALL_UNITS_WORD = "thuoc"
_FOLD = {"đ": "d", "Đ": "D"}


def fold(text):
    """``text`` without its diacritics ("Đơn vị" → "Don vi"), one character for one, so
    that an index in the folded text is an index in the text."""
    out = []
    for char in text or "":
        if char in _FOLD:
            out.append(_FOLD[char])
            continue
        base = unicodedata.normalize("NFD", char)
        base = "".join(c for c in base if not unicodedata.combining(c))
        out.append(base[:1] if len(base) >= 1 else char)
    return "".join(out)


def unit_key(name):
    """The key a unit's name is matched by: folded, lower case, abbreviations expanded,
    punctuation and repeated spaces gone ("VP Sở." → "van phong so")."""
    text = fold(unicodedata.normalize("NFC", name or "")).lower()
    text = re.sub(r"[^\w]+", " ", text)
    words = []
    for word in text.split():
        words.extend(ABBREVIATIONS.get(word, word).split())
    return " ".join(words)


def _short_key(key):
    for suffix in OWN_BODY_SUFFIXES:
        if key.endswith(" " + suffix):
            return key[: -len(suffix) - 1]
    return key


def _initials_key(key):
    """ "phong cai cach hanh chinh" → "phong cchc": the acronym offices write."""
    words = key.split()
    if len(words) < 3:
        return None
    return f"{words[0]} {''.join(word[0] for word in words[1:] if word != 'va')}"


def is_all_units(name):
    """Tell whether ``name`` means every unit ("Các đơn vị thuộc, trực thuộc Sở")."""
    key = unit_key(name)
    return key.startswith(ALL_UNITS_PREFIXES) and ALL_UNITS_WORD in key.split()


class UnitMatcher:
    """Matches the names of units written in a plan to departments given as
    ``(id, name)`` pairs: the same name whatever its case, diacritics, punctuation and
    abbreviations, then without the issuing body's own name at its end ("Thanh tra Sở"
    for "Thanh tra"), then by acronym ("Phòng CCHC"). A name that fits two departments
    equally is not matched."""

    ALL = "all"

    def __init__(self, departments):
        self._indexes = ({}, {}, {})
        for dep_id, name in departments:
            key = unit_key(name)
            for index, variant in zip(
                self._indexes,
                (key, _short_key(key), _initials_key(_short_key(key))),
                strict=True,
            ):
                if variant:
                    index.setdefault(variant, set()).add(dep_id)

    def resolve(self, name):
        """``[(name, match)]`` for the unit or units ``name`` writes: the whole name when
        it matches, else its parts around " - ", "," or " và " when one of them does."""
        whole = self.match(name)
        if whole is not None:
            return [(name, whole)]
        parts = [
            part.strip(" .,;:")
            for part in re.split(r"\s+[-–]\s+|\s*,\s*|\s+và\s+", name)
            if part.strip(" .,;:")
        ]
        if len(parts) > 1:
            matches = [(part, self.match(part)) for part in parts]
            if any(match is not None for _part, match in matches):
                return matches
        return [(name, None)]

    def match(self, name):
        """The id of the department ``name`` means, :attr:`ALL` for every unit, or None."""
        if is_all_units(name):
            return self.ALL
        key = unit_key(name)
        if not key:
            return None
        for variant in (key, _short_key(key)):
            for index in self._indexes:
                ids = index.get(variant)
                if ids and len(ids) == 1:
                    return next(iter(ids))
        return None


# ------------------------------------------------------------
# Parsed plan
# ------------------------------------------------------------


@dataclass
class UnitRef:
    name: str
    is_lead: bool = False


@dataclass
class PlanTask:
    number: int | None
    quarter: str | None
    content: str
    units: list = field(default_factory=list)
    units_lines: list = field(default_factory=list)
    deadline: date | None = None
    has_text_deadline: bool = False

    @property
    def lead(self):
        """The unit marked "chủ trì", else the first."""
        return next((u for u in self.units if u.is_lead), None) or (
            self.units[0] if self.units else None
        )


@dataclass
class ParsedPlan:
    number: str = ""
    title: str = ""
    summary: str = ""
    year: int | None = None
    date_issue: date | None = None
    place_issue: str = ""
    legal_bases: list = field(default_factory=list)
    purposes: list = field(default_factory=list)
    requirements: list = field(default_factory=list)
    solutions: list = field(default_factory=list)
    organisation: list = field(default_factory=list)
    registration_deadline: date | None = None
    signer_name: str = ""
    signer_position: str = ""
    recipients: list = field(default_factory=list)
    tasks: list = field(default_factory=list)

    @property
    def missing(self):
        """The keys of the parts of a plan the file did not give."""
        found = {
            "number": self.number,
            "date_issue": self.date_issue,
            "place_issue": self.place_issue,
            "title": self.title,
            "legal_basis": self.legal_bases,
            "purpose": self.purposes,
            "requirement": self.requirements,
            "solution": self.solutions,
            "implementation": self.organisation,
            "registration_deadline": self.registration_deadline,
            "signer": self.signer_name,
            "tasks": self.tasks,
        }
        return [key for key, value in found.items() if not value]


def read_units_data(text):
    """The pairs ``[reference, is_lead]`` of a task's units as the import keeps them in
    JSON (a department's id, "all", or a unit's name; a boolean), or None when ``text``
    is not such a list."""
    try:
        pairs = json.loads(text or "[]")
    except ValueError:
        return None
    if not isinstance(pairs, list):
        return None
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) == 2):
            return None
        reference, is_lead = pair
        if not isinstance(is_lead, bool) or isinstance(reference, bool):
            return None
        if not (
            (isinstance(reference, int) and 0 < reference < 2**31)
            or (isinstance(reference, str) and reference.strip())
        ):
            return None
    return pairs


def html_paragraphs(paragraphs):
    """The Html field of paragraphs given as HTML fragments."""
    return "".join(f"<p>{html}</p>" for html in paragraphs)


# ------------------------------------------------------------
# Reading the file
# ------------------------------------------------------------

DOCX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
CONVERTIBLE_SUFFIXES = ("doc", "odt", "rtf")
# What a plan's Word file may unpack to: a plan with pictures weighs a few megabytes; an
# archive that unpacks to more is refused before it is read (a "zip bomb").
MAX_UNPACKED_SIZE = 100 * 1024 * 1024


def file_kind(content):
    """ "docx", "odt", "doc", "rtf" or None for the bytes of a file."""
    if content.startswith(DOCX_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                if (
                    sum(info.file_size for info in archive.infolist())
                    > MAX_UNPACKED_SIZE
                ):
                    raise PlanParseError("too_large")
                names = set(archive.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "mimetype" in names and archive.read("mimetype").startswith(
                    ODT_MIMETYPE
                ):
                    return "odt"
        except (zipfile.BadZipFile, KeyError, OSError):
            return None
        return None
    if content.startswith(OLE_MAGIC):
        return "doc"
    if content.startswith(b"{\\rtf"):
        return "rtf"
    return None


def to_docx(content, file_name=""):
    """The .docx bytes of a .docx, or of a .doc/.odt/.rtf converted by LibreOffice.

    Raises :class:`PlanParseError` for a file that is none of these and
    :class:`~.docx_render.ConverterError` when a conversion is needed and fails."""
    kind = file_kind(content)
    if kind == "docx":
        return content
    suffix = (file_name or "").rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if kind is None and content.startswith(DOCX_MAGIC):
        raise PlanParseError("corrupt")
    if kind is None:
        if suffix in ("docx", "doc", "odt"):
            raise PlanParseError("corrupt")
        raise PlanParseError("unsupported", suffix)
    return convert_document(content, kind, "docx")


def _iter_blocks(document):
    """The paragraphs and tables of the body, in order."""
    body = document.element.body
    for child in body.iterchildren():
        tag = etree.QName(child).localname
        if tag == "p":
            yield Paragraph(child, document)
        elif tag == "tbl":
            yield Table(child, document)
        elif tag == "sdt":
            content = child.find(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sdtContent"
            )
            for inner in content if content is not None else ():
                inner_tag = etree.QName(inner).localname
                if inner_tag == "p":
                    yield Paragraph(inner, document)
                elif inner_tag == "tbl":
                    yield Table(inner, document)


@dataclass
class _Para:
    text: str
    html: str
    is_list: bool = False


def _para(paragraph):
    """A paragraph's text and its HTML (bold, italic, underline runs)."""
    pieces, text = [], []
    for run in paragraph.runs:
        run_text = unicodedata.normalize("NFC", run.text)
        if not run_text:
            continue
        text.append(run_text)
        style = (bool(run.bold), bool(run.italic), bool(run.underline))
        if pieces and pieces[-1][1] == style:
            pieces[-1][0] += run_text
        else:
            pieces.append([run_text, style])
    full = unicodedata.normalize("NFC", "".join(text) or paragraph.text)
    if not pieces and full:
        pieces = [[full, (False, False, False)]]
    # leading and trailing spaces belong to no run
    if pieces:
        pieces[0][0] = pieces[0][0].lstrip()
        pieces[-1][0] = pieces[-1][0].rstrip()
    html = []
    for piece_text, (bold, italic, underline) in pieces:
        chunk = escape(piece_text, quote=False).replace("\n", "<br>")
        if underline:
            chunk = f"<u>{chunk}</u>"
        if italic:
            chunk = f"<i>{chunk}</i>"
        if bold:
            chunk = f"<b>{chunk}</b>"
        html.append(chunk)
    properties = paragraph._p.pPr
    is_list = properties is not None and properties.numPr is not None
    # the style's id, read in the paragraph: looking the style up is slow
    style_id = (properties.style or "") if properties is not None else ""
    is_list = is_list or style_id.lower().startswith("list")
    return _Para(full.strip(), "".join(html), is_list)


def _table_rows(table):
    """The rows of a table as lists of cells, one per grid column (a merged cell
    repeated, across and down), the grid computed once."""
    try:
        cells = table._cells
        columns = table._column_count
    except (ValueError, IndexError):  # a malformed grid
        return []
    if not columns:
        return []
    return [cells[start : start + columns] for start in range(0, len(cells), columns)]


def _cell_paras(cell, cache=None):
    """The non-empty paragraphs of a cell; ``cache`` (a dict of one reading) keeps those
    of a cell repeated by a merge from being read again."""
    if cache is None:
        return [p for p in (_para(par) for par in cell.paragraphs) if p.text]
    entry = cache.get(id(cell._tc))
    if entry is None or entry[0] is not cell._tc:
        entry = (cell._tc, _cell_paras(cell))
        cache[id(cell._tc)] = entry
    return entry[1]


# ------------------------------------------------------------
# Patterns
# ------------------------------------------------------------

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}
_ROMAN_HEADING = re.compile(r"^(VIII|VII|VI|IV|V|III|II|I)\s*[.:/-]\s*(\S.*)$")
_QUARTER = re.compile(
    r"^\s*(?:[A-Z0-9]{1,4}\s*[.)/-]\s*)?QUY\s*(IV|III|II|I|[1-4])\b[^a-z]*"
    r"(?:NAM\s+\d{4}\s*)?(\(.*\))?\s*[.:]?\s*$",
    re.IGNORECASE,
)
# Half-years some plans head their rows with instead of quarters: their last quarter.
_HALF_YEAR = re.compile(
    r"^\s*6\s+THANG\s+(DAU|CUOI)\s+NAM\b[^a-z]*(?:NAM\s+\d{4})?\s*[.:]?\s*$",
    re.IGNORECASE,
)
_QUARTER_NUMBERS = {"I": "1", "II": "2", "III": "3", "IV": "4"}
_BULLET = re.compile(r"^\s*[-–—•+*●▪·]\s*")
# A bullet at the start of a line or after the end of a sentence ("- A. - B."): a dash
# inside a name ("Hội đồng Thi đua - Khen thưởng") is no bullet.
_INLINE_BULLETS = re.compile(r"(?:^|(?<=[.;:])\s)\s*[-–—•●▪]\s+")
_DATE = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?\b")
_DATE_WORDS = re.compile(
    r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})", re.IGNORECASE
)
_TEXT_DEADLINE = re.compile(
    r"\b(?:truoc|han|thoi han|hoan thanh|cham nhat|han cuoi)\s*(?:ngay\s*)?:?\s*"
    r"(\d{1,2})\s*(?:[/.-]|\s+thang\s+)\s*(\d{1,2})"
    r"(?:\s*(?:[/.-]|\s+nam\s+)\s*(\d{4}))?",
    re.IGNORECASE,
)
_MONTH = re.compile(r"thang\s+(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?", re.IGNORECASE)
# Matched on the folded text (see :func:`fold`).
_LEAD_MARK = re.compile(r"\(?\s*\b(?:don vi\s+)?chu\s+tri\b\s*\)?\s*[,;:]?", re.I)
_PARTNER_MARK = re.compile(
    r"\(?\s*\b(?:don vi\s+|cac don vi\s+)?phoi\s+hop\b\s*\)?\s*[,;:]?", re.I
)
_UNITS_IN_CONTENT = re.compile(
    r"^\s*[-+•]?\s*(don vi thuc hien|don vi chu tri|chu tri|don vi phoi hop|phoi hop|"
    r"thuc hien)\s*:\s*",
    re.I,
)
_NUMBER = re.compile(r"^\s*So\s*(?::|\.|\s(?=\d))\s*(.+?)\s*$", re.I)


def _folded_upper(text):
    return fold(text).upper().strip()


def quarter_of_label(text):
    """The quarter ('1'..'4') a heading "QUÝ II" (or "Quý 2") names, or None."""
    folded = fold(text or "").strip()
    match = _QUARTER.match(folded)
    if not match:
        half = _HALF_YEAR.match(folded)
        if half:
            return "2" if half.group(1).upper() == "DAU" else "4"
        return None
    value = match.group(1).upper()
    return _QUARTER_NUMBERS.get(value, value)


def quarter_end(year, quarter):
    month = int(quarter) * 3
    return _month_end(year, month)


def _month_end(year, month):
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def _make_date(day, month, year):
    try:
        return date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


# ------------------------------------------------------------
# Units of a task
# ------------------------------------------------------------


def _cut(text, pattern):
    """``text`` without the spans ``pattern`` finds in its folded form, and whether any."""
    spans = [m.span() for m in pattern.finditer(fold(text)) if m.group(0).strip()]
    for start, end in reversed(spans):
        text = f"{text[:start]} {text[end:]}"
    return text, bool(spans)


def split_units(lines):
    """The units written in the lines of a cell: ``[UnitRef]`` in their order, the one
    marked "chủ trì" flagged as lead."""
    refs = []
    for line in lines:
        for piece in _INLINE_BULLETS.split(" " + line):
            for name in re.split(r"\s*;\s*|\n", piece):
                refs.extend(_lead_split(name))
    return refs


def _clean_unit(name):
    name, _partner = _cut(name, _PARTNER_MARK)
    name = _BULLET.sub("", name)
    return " ".join(name.split()).strip(" .,;:")


def _lead_split(text):
    """The units of ``text`` around its "chủ trì" marks: the name before a mark leads
    ("A chủ trì, B"), or the name after it when the mark comes first ("Chủ trì: A")."""
    spans = [m.span() for m in _LEAD_MARK.finditer(fold(text)) if m.group(0).strip()]
    if not spans:
        name = _clean_unit(text)
        return [UnitRef(name)] if name and unit_key(name) else []
    refs, position, lead_next = [], 0, False
    for start, end in spans:
        before = _clean_unit(text[position:start])
        if before and unit_key(before):
            refs.append(UnitRef(before, True))
            lead_next = False
        else:
            lead_next = True
        position = end
    after = _clean_unit(text[position:])
    if after and unit_key(after):
        refs.append(UnitRef(after, lead_next))
    return refs


# ------------------------------------------------------------
# The table of tasks
# ------------------------------------------------------------


@dataclass
class _Layout:
    number: int | None = None
    content: int | None = None
    units: int | None = None
    lead: int | None = None
    partners: int | None = None
    deadline: int | None = None
    columns: int = 0


def _header_layout(texts):
    """The columns of a header row, or None when the row is no header of tasks."""
    if any(len(text) > 60 or re.match(r"^\s*\d+\s*\.?\s*$", text) for text in texts):
        return None  # a row of a task: its content, its number
    layout = _Layout(columns=len(texts))
    for index, text in enumerate(texts):
        key = unit_key(text)
        column = _header_column(key)
        if column == "number" and layout.number is not None:
            continue
        if column == "content" and layout.content is not None:
            continue
        if column:
            setattr(layout, column, index)
    if layout.content is None:
        return None
    return layout


def _header_column(key):
    """The column a header's key names: "number", "content", "deadline", "lead",
    "partners", "units" or None."""
    # "TT" is folded to "trung tam" by the abbreviations
    if key in ("tt", "stt", "so tt", "so thu tu", "trung tam", "so trung tam"):
        return "number"
    if "noi dung" in key:
        return "content"
    if any(word in key for word in ("thoi gian", "thoi han", "tien do")):
        return "deadline"
    if "chu tri" in key:
        return "lead"
    if "phoi hop" in key:
        return "partners"
    if any(word in key for word in ("don vi", "co quan", "bo phan")):
        return "units"
    if "nhiem vu" in key or "cong viec" in key:
        return "content"
    if "thuc hien" in key:
        return "units"
    return None


def _unique(cells):
    """A row's distinct cells, a horizontally merged cell once."""
    seen, texts = [], []
    for cell in cells:
        if any(cell._tc is other for other in seen):
            continue
        seen.append(cell._tc)
        texts.append(cell)
    return texts


class _TaskReader:
    def __init__(self):
        self.tasks = []
        self.quarter = None
        self.layout = None
        self.cache = {}

    def set_quarter(self, quarter):
        self.quarter = quarter

    def is_task_table(self, table):
        """Tell whether ``table`` is (a part of) the table of tasks, and learn its layout."""
        rows = _table_rows(table)
        if not rows:
            return False
        for cells in rows[:3]:
            layout = _header_layout(
                [" ".join(p.text for p in _cell_paras(c, self.cache)) for c in cells]
            )
            if layout and (layout.units is not None or layout.number is not None):
                self.layout = layout
                return True
        if self.layout is None:
            return False
        # a continuation over the next page, its header not repeated: same columns, and
        # a row number or a quarter first
        cells = rows[0]
        first = (
            " ".join(p.text for p in _cell_paras(cells[0], self.cache)) if cells else ""
        )
        return len(cells) == self.layout.columns and bool(
            re.match(r"^\s*\d+\s*\.?\s*$", first) or quarter_of_label(first)
        )

    def read_table(self, table):
        layout = self.layout
        first_task = len(self.tasks)
        for position, cells in enumerate(_table_rows(table)):
            if not cells:
                continue
            texts = [
                " ".join(p.text for p in _cell_paras(c, self.cache)) for c in cells
            ]
            at_top = position < 3 and len(self.tasks) == first_task
            if (at_top and _header_layout(texts)) or all(
                re.match(r"^\s*\(?\d*\)?\s*$", text) for text in texts
            ):
                # the header (at the top of the table, repeated on a page), a title row
                # above it, or the columns' numbers under it
                continue
            distinct = [c for c in _unique(cells) if _cell_paras(c, self.cache)]
            if not distinct:
                continue
            first = " ".join(p.text for p in _cell_paras(distinct[0], self.cache))
            quarter = quarter_of_label(first)
            if quarter and len(distinct) == 1:
                self.quarter = quarter
                continue
            if quarter:
                # the quarter in the first column, its tasks beside it
                self.quarter = quarter

            def cell(index, cells=cells):
                if index is None or index >= len(cells):
                    return []
                return _cell_paras(cells[index], self.cache)

            content = cell(layout.content)
            if layout.content and cells[layout.content]._tc is cells[0]._tc:
                content = []
            if not content:
                continue
            number_text = " ".join(p.text for p in cell(layout.number))
            number_match = re.match(r"^\s*(\d+)\s*\.?\s*$", number_text)
            number = int(number_match.group(1)) if number_match else None
            unit_lines, lead_lines, partner_lines = (
                [p.text for p in cell(layout.units)]
                if layout.units is not None
                else [],
                [p.text for p in cell(layout.lead)] if layout.lead is not None else [],
                [p.text for p in cell(layout.partners)]
                if layout.partners is not None
                else [],
            )
            deadline_text = " ".join(p.text for p in cell(layout.deadline))
            self._add_row(
                number,
                content,
                unit_lines,
                lead_lines,
                partner_lines,
                deadline_text,
            )

    def _add_row(
        self, number, content, unit_lines, lead_lines, partner_lines, deadline_text
    ):
        lines, content_units = [], []
        for paragraph in content:
            for line in paragraph.text.split("\n"):
                line = line.strip()
                if not line:
                    continue
                match = _UNITS_IN_CONTENT.match(fold(line))
                if match:
                    is_lead = "chu tri" in match.group(1).lower()
                    for ref in split_units([line[match.end() :]]):
                        ref.is_lead = ref.is_lead or is_lead
                        content_units.append(ref)
                    continue
                lines.append((line, paragraph.is_list))
        units = split_units(unit_lines)
        for ref in split_units(lead_lines):
            ref.is_lead = True
            units.append(ref)
        units.extend(split_units(partner_lines))
        units.extend(content_units)
        printed = [line for line in unit_lines if line.strip()] or [
            line for line in lead_lines + partner_lines if line.strip()
        ]
        bullets = [line for line, is_list in lines if is_list or _BULLET.match(line)]
        groups = []
        if number is None and (
            len(bullets) > 1 or any(quarter_of_label(t) for t, _l in lines)
        ):
            # several tasks as a bullet list in one cell, perhaps under quarter headings
            quarter = self.quarter
            for line, _is_list in lines:
                label = quarter_of_label(line)
                if label:
                    quarter = label
                    continue
                groups.append((quarter, [_BULLET.sub("", line)]))
            self.quarter = quarter
        else:
            texts = []
            for line, is_list in lines:
                texts.append(
                    f"- {line}" if is_list and not _BULLET.match(line) else line
                )
            groups.append((self.quarter, texts))
        for quarter, texts in groups:
            text = "\n".join(texts).strip()
            if not text:
                continue
            deadline = _column_deadline(deadline_text) if deadline_text else None
            if deadline is None:
                deadline = _text_deadline(text)
            self.tasks.append(
                PlanTask(
                    number=number if len(groups) == 1 else None,
                    quarter=quarter,
                    content=text,
                    units=[UnitRef(u.name, u.is_lead) for u in units],
                    units_lines=list(printed),
                    deadline=deadline,
                    has_text_deadline=deadline is not None,
                )
            )


def _column_deadline(text):
    """A date given in a deadline column: a day, a month, or a quarter. Dates without a
    year are returned with year 1 and placed in the plan's year later."""
    folded = fold(text)
    match = _DATE.search(folded)
    if match and not re.search(r"thang\s+\d", folded, re.I):
        return _make_date(match.group(1), match.group(2), match.group(3) or 1)
    quarter = None
    quarter_match = re.search(r"QUY\s*(IV|III|II|I|[1-4])\b", folded, re.IGNORECASE)
    if quarter_match:
        value = quarter_match.group(1).upper()
        quarter = _QUARTER_NUMBERS.get(value, value)
        return quarter_end(1, quarter)
    months = _MONTH.findall(folded)
    if months:
        month = max(int(m) for m, _y in months)
        if 1 <= month <= 12:
            return _month_end(int(months[-1][1] or 1), month)
    return None


def _text_deadline(text):
    """A deadline written in a task's content ("trước ngày 15/01/2020")."""
    match = _TEXT_DEADLINE.search(fold(text))
    if not match:
        return None
    return _make_date(match.group(1), match.group(2), match.group(3) or 1)


# ------------------------------------------------------------
# The plan
# ------------------------------------------------------------

SECTION_KEYS = (
    ("purposes", ("muc dich", "yeu cau")),
    ("tasks", ("noi dung", "nhiem vu", "thoi gian thuc hien")),
    ("solutions", ("giai phap",)),
    ("organisation", ("to chuc thuc hien",)),
)


def _section_of(title):
    key = unit_key(title)
    for section, words in SECTION_KEYS:
        if any(word in key for word in words):
            return section
    return "other"


def parse_plan(content, file_name=""):
    """The :class:`ParsedPlan` of the bytes of a Word file.

    Raises :class:`PlanParseError` for a file that cannot be read or holds no plan, and
    :class:`~.docx_render.ConverterError` when a .doc/.odt cannot be converted."""
    content = to_docx(content, file_name)
    try:
        document = docx.Document(io.BytesIO(content))
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
    ) as error:
        raise PlanParseError("corrupt", str(error)) from error
    try:
        return _parse_document(document)
    except PlanParseError:
        raise
    except (
        ValueError,
        IndexError,
        KeyError,
        TypeError,
        AttributeError,
        etree.XMLSyntaxError,
    ) as error:  # a damaged document python-docx reads only in part
        raise PlanParseError("corrupt", str(error)) from error


def _parse_document(document):
    reader = _TaskReader()
    stream = []  # ("p", _Para) or ("table", Table)
    for block in _iter_blocks(document):
        if isinstance(block, Paragraph):
            stream.extend(("p", line) for line in _lines_of(_para(block)))
        elif reader.is_task_table(block):
            stream.append(("table", block))
        else:
            for cells in _table_rows(block):
                for cell in _unique(cells):
                    for paragraph in _cell_paras(cell):
                        stream.extend(("p", line) for line in _lines_of(paragraph))
    return _PlanReader(reader).read_stream(stream)


def _lines_of(paragraph):
    """A paragraph outside the table of tasks as one paragraph per line: a line break
    (Shift+Enter) ends a line of the frame or a heading as a new paragraph would."""
    if not paragraph.text:
        return []
    if "\n" not in paragraph.text:
        return [paragraph]
    texts = paragraph.text.split("\n")
    htmls = paragraph.html.split("<br>")
    balanced = len(htmls) == len(texts) and all(
        html.count(f"<{tag}>") == html.count(f"</{tag}>")
        for html in htmls
        for tag in "biu"
    )
    return [
        _Para(text.strip(), html if balanced else escape(text.strip(), quote=False))
        for text, html in zip(texts, htmls if balanced else texts, strict=True)
        if text.strip()
    ]


class _PlanReader:
    """Reads the stream of paragraphs and tables of tasks, section after section."""

    def __init__(self, tasks):
        self.plan = ParsedPlan()
        self.tasks = tasks
        self.section = "head"
        self.sub = None
        self.has_heading = False
        self.summary_next = False
        self.intro_sentence = None
        self.signer_lines = []
        self.organisation_texts = []

    def read_stream(self, stream):
        plan = self.plan
        for kind, item in stream:
            if kind == "table":
                self.tasks.read_table(item)
                if self.section in ("head", "purposes", "other"):
                    self.section = "tasks"
            else:
                self._paragraph(item, item.text, _folded_upper(item.text))
        if not self.signer_lines:
            # no "Nơi nhận": the signer closes the organisation
            self.signer_lines = _trailing_signer(plan, self.organisation_texts)
        _read_signer(plan, self.signer_lines)
        _read_title(plan, self.intro_sentence)
        plan.tasks = self.tasks.tasks
        if not plan.tasks and not (
            self.has_heading and (plan.purposes or plan.organisation or plan.solutions)
        ):
            raise PlanParseError("not_a_plan")
        _read_registration_deadline(plan)
        _place_deadlines(plan)
        return plan

    def _paragraph(self, item, text, folded):
        plan = self.plan
        if self.section == "recipients":
            if _BULLET.match(text):
                plan.recipients.append(text)
                return
            self.section = "signer"
        if self.section == "signer":
            self.signer_lines.append(text)
            return
        if folded.startswith("NOI NHAN"):
            self.section = "recipients"
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            if rest:
                plan.recipients.append(rest)
            return
        if self.section == "head" and self._head(text, folded):
            return
        self.summary_next = False
        heading = _ROMAN_HEADING.match(folded)
        title = heading.group(2) if heading else None
        if (
            not heading
            and text.upper() == text
            and len(text) < 80
            and _section_of(text) != "other"
        ):
            # a heading in capitals without its number ("MỤC ĐÍCH, YÊU CẦU")
            heading, title = True, text
        if heading and (text.upper() == text or len(text) < 80):
            self.section = _section_of(title)
            self.sub = None
            if self.section == "other":
                plan.solutions.append(f"<b>{escape(text, quote=False)}</b>")
            return
        self._body(item, text, folded)

    def _head(self, text, folded):
        """Read a line of the head (number, date, title); tell whether it was one."""
        plan = self.plan
        number = _NUMBER.match(fold(text))
        if number and not plan.number:
            value = text[number.start(1) : number.end(1)]
            plan.number = re.sub(r"\s*([/-])\s*", r"\1", value).strip()
            return True
        date_match = _DATE_WORDS.search(fold(text))
        if (
            date_match
            and not plan.date_issue
            and date_match.start() < 40
            and not folded.startswith("CAN CU")
        ):
            plan.date_issue = _make_date(*date_match.groups())
            plan.place_issue = text[: date_match.start()].strip(" ,")
            return True
        first, _newline, rest = text.partition("\n")
        if _folded_upper(first) == "KE HOACH":
            self.has_heading = self.summary_next = True
            if rest.strip():  # "KẾ HOẠCH" and its summary in one paragraph
                plan.summary = " ".join(rest.split())
            return True
        if (
            self.summary_next
            and not folded.startswith("CAN CU")
            and not _ROMAN_HEADING.match(folded)
            and "XAY DUNG" not in folded
            and len(plan.summary) < 200
        ):
            plan.summary = f"{plan.summary} {text}".strip()
            return True
        return False

    def _body(self, item, text, folded):
        plan, section = self.plan, self.section
        if section == "head":
            if folded.startswith("CAN CU"):
                plan.legal_bases.append(item.html)
            elif re.search(r"(XAY DUNG|BAN HANH)\s+KE HOACH", folded):
                self.intro_sentence = text
        elif section == "purposes":
            sub_match = re.match(
                r"^\s*(?:\d+|[A-Z])?\s*[.)]?\s*(MUC DICH|YEU CAU)\b\s*([:.]?)\s*",
                folded,
            )
            if sub_match and (sub_match.group(2) or sub_match.end() == len(folded)):
                self.sub = "requirements" if "YEU" in sub_match.group(1) else "purposes"
                rest = text[sub_match.end() :].strip()
                if rest:
                    getattr(plan, self.sub).append(escape(rest, quote=False))
                return
            getattr(plan, self.sub or "purposes").append(item.html)
        elif section == "tasks":
            quarter = quarter_of_label(text)
            if quarter:
                self.tasks.set_quarter(quarter)
        elif section in ("solutions", "other"):
            plan.solutions.append(item.html)
        elif section == "organisation":
            plan.organisation.append(item.html)
            self.organisation_texts.append(text)


def _read_title(plan, intro_sentence):
    if intro_sentence:
        match = re.search(
            r"(?:xây dựng|ban hành)\s+(kế hoạch.+?)\s*,?\s+(?:với|gồm|như)\s",
            intro_sentence,
            re.I,
        )
        if match:
            title = match.group(1).strip(" ,")
            plan.title = title[:1].upper() + title[1:]
    if not plan.title and plan.summary:
        plan.title = f"Kế hoạch {plan.summary[:1].lower()}{plan.summary[1:]}"
    years = re.findall(r"\b(19\d\d|2\d\d\d)\b", plan.title or plan.summary)
    if years:
        plan.year = int(years[-1])
    elif plan.date_issue:
        plan.year = plan.date_issue.year


def _trailing_signer(plan, texts):
    """The signer's lines at the end of the organisation, taken out of it: a position in
    capitals, then a name."""
    tail = len(texts)
    while tail and (len(texts) - tail) < 6:
        text = texts[tail - 1]
        if text.upper() == text and any(c.isalpha() for c in text) and len(text) < 80:
            while tail > 1 and texts[tail - 2].upper() == texts[tail - 2]:
                tail -= 1  # "KT. GIÁM ĐỐC" above "PHÓ GIÁM ĐỐC"
            lines = texts[tail - 1 :]
            if len(lines) > 1:
                del plan.organisation[tail - 1 :]
                return lines
            return []
        tail -= 1
    return []


def _read_signer(plan, lines):
    positions, names = [], []
    for line in lines:
        bare = line.strip()
        if not bare or re.match(r"^\(.*\)$", bare):
            continue
        if bare.upper() == bare and any(c.isalpha() for c in bare):
            positions.append(bare)
            names = []
        else:
            names.append(bare)
    if positions:
        position = positions[-1]
        plan.signer_position = position[:1] + position[1:].lower()
    if names:
        plan.signer_name = names[-1]


def _read_registration_deadline(plan):
    for html in plan.organisation + plan.purposes + plan.requirements:
        text = fold(re.sub(r"<[^>]+>", "", html))
        if "dang ky" not in text.lower():
            continue
        match = _TEXT_DEADLINE.search(text)
        if match:
            year = match.group(3) or plan.year
            plan.registration_deadline = _make_date(
                match.group(1), match.group(2), year
            )
            if plan.registration_deadline:
                return


def _place_deadlines(plan):
    """The tasks' deadlines in the plan's year: the one written, else the end of the
    quarter; a task without a quarter takes the quarter of its deadline."""
    year = plan.year
    for task in plan.tasks:
        deadline = task.deadline
        if deadline and deadline.year == 1 and year:
            deadline = _make_date(deadline.day, deadline.month, year)
        if deadline and year and deadline.year != year:
            deadline = None
        task.has_text_deadline = deadline is not None
        if task.quarter is None and deadline:
            task.quarter = QUARTERS[(deadline.month - 1) // 3]
        if deadline is None and task.quarter and year:
            deadline = quarter_end(year, task.quarter)
        task.deadline = deadline


__all__ = [
    "ABBREVIATIONS",
    "ConverterError",
    "ParsedPlan",
    "PlanParseError",
    "PlanTask",
    "UnitMatcher",
    "UnitRef",
    "fold",
    "html_paragraphs",
    "is_all_units",
    "parse_plan",
    "quarter_of_label",
    "split_units",
    "unit_key",
]
