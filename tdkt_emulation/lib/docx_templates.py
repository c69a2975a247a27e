"""The Word templates the addon ships, built with python-docx: the layout is code, the
placeholders are those of :data:`PLACEHOLDERS`. The Office may replace a template by its
own file; "restore the shipped template" builds it again from here.

The frame is Decree 30/2020/NĐ-CP's: A4, Times New Roman (Liberation Serif or Tinos where
it is missing: same metrics), two columns on top (the superior and issuing bodies with the
number on the left; the national motto and the place and date on the right), the type and
summary of the document, the body, then "Nơi nhận" bottom left and the signature bottom
right.
"""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
BODY_SIZE = 14

# The placeholders each kind offers, documented for whoever edits a template: top-level name,
# then what it holds. Lists of paragraphs are printed with {%p for p in ... %}{{r p }}{%p endfor %}.
COMMON_PLACEHOLDERS = [
    (
        "org.superior_body",
        "the superior body, e.g. UBND tỉnh Lạng Sơn (|upper for capitals)",
    ),
    ("org.issuing_body", "the issuing body, e.g. Sở Nội vụ"),
    ("org.place", "the place of issue, e.g. Lạng Sơn"),
    ("doc.number", "number and symbol, e.g. 03/KH-SNV"),
    ("doc.date_line", "place and date, e.g. Lạng Sơn, ngày 03 tháng 01 năm 2020"),
    ("doc.recipients", "list of the lines of Nơi nhận"),
    ("doc.signer_title", "the signer's title, e.g. Giám đốc (|upper for capitals)"),
    ("doc.signer_name", "the signer's full name"),
]
# The council session's minutes (biên bản họp) and vote count (biên bản kiểm phiếu): what
# was decided and by how many, never who chose what.
SESSION_PLACEHOLDERS = [
    ("session.council", "the council, e.g. Hội đồng Thi đua - Khen thưởng Sở Nội vụ"),
    ("session.founding", "the founding decision, e.g. Quyết định số 12/QĐ-SNV ngày …"),
    ("session.name", "the session's name"),
    ("session.year", "the year of the titles reviewed"),
    ("session.time_text", "when, e.g. 08 giờ 00, ngày 10 tháng 12 năm 2030"),
    ("session.location", "where the session met"),
    ("session.chair", "the chair's name"),
    ("session.secretary", "the secretary's name"),
    ("session.member_count", "the council's members by its founding decision"),
    ("session.present_count", "the members present"),
    ("session.absent_count", "the members absent"),
    ("session.written_count", "the absent members whose opinion came in writing"),
    (
        "session.members",
        "list: m.number, m.name, m.position, m.role, m.attendance (có mặt, vắng mặt…)",
    ),
    ("session.agenda", "list of lines: what was reviewed"),
    (
        "session.results",
        "list: r.number, r.name, r.unit, r.title, r.agree, r.disagree, r.abstain, "
        "r.valid, r.members, r.base, r.share, r.threshold, r.result, r.recused (names)",
    ),
    ("session.recusals", "list of lines: who did not vote on which item, and why"),
    ("session.passed_count", "the items passed"),
]
PLACEHOLDERS = {
    "plan": COMMON_PLACEHOLDERS
    + [
        (
            "plan.title",
            "the plan's title, e.g. Kế hoạch công tác thi đua, khen thưởng năm 2020",
        ),
        ("plan.summary", "the summary line under KẾ HOẠCH"),
        ("plan.year", "the year"),
        ("plan.legal_bases", "paragraphs: the legal bases (Căn cứ …)"),
        ("plan.purposes", "paragraphs: I.1 purposes"),
        ("plan.requirements", "paragraphs: I.2 requirements"),
        ("plan.solutions", "paragraphs: III. main solutions"),
        ("plan.organisation", "paragraphs: IV. organisation of implementation"),
        ("plan.registration_deadline", "the registration deadline, e.g. 30/01/2020"),
        ("plan.quarters", "list of quarters: q.label (QUÝ I) and q.tasks"),
        ("t in q.tasks", "t.number (TT), t.content and t.units: lists of lines"),
    ],
    "decision": COMMON_PLACEHOLDERS
    + [
        (
            "decision.authority",
            "who decides, e.g. Giám đốc Sở Nội vụ (|upper for capitals)",
        ),
        (
            "decision.summary",
            "what it is about, e.g. công nhận danh hiệu thi đua năm 2020",
        ),
        ("decision.year", "the year rewarded"),
        ("decision.legal_bases", "lines: Căn cứ …"),
        ("decision.proposal", "the line Xét đề nghị của …"),
        (
            "decision.grant",
            "what Điều 1 grants, e.g. Công nhận danh hiệu thi đua năm 2020",
        ),
        ("decision.individual_count", "number of individuals in the list"),
        ("decision.collective_count", "number of collectives in the list"),
        ("decision.date_text", "the decision's date as ngày … tháng … năm …"),
        ("decision.individuals", "list: i.number, i.name, i.position, i.unit, i.title"),
        ("decision.collectives", "list: c.number, c.name, c.title"),
        ("i / c .amount", "the line's reward money, e.g. 540.000 (empty when none)"),
        ("i / c .golden_book", "the line's golden book number, given at signing"),
        (
            "decision.reward_total",
            "the total reward money, e.g. 1.234.000 (empty when none)",
        ),
    ],
    "council_minutes": COMMON_PLACEHOLDERS + SESSION_PLACEHOLDERS,
    "ballot_count": COMMON_PLACEHOLDERS + SESSION_PLACEHOLDERS,
}
PLACEHOLDERS["registration"] = COMMON_PLACEHOLDERS + [
    ("registration.unit", "the unit registering, e.g. Phòng Tổ chức cán bộ"),
    ("registration.year", "the year of the titles"),
    ("registration.plan_number", "the plan's number, e.g. 03/KH-SNV"),
    ("registration.plan_date_text", "the plan's date as ngày … tháng … năm …"),
    ("registration.individual_count", "number of individuals registered"),
    ("registration.collective_count", "number of collective titles registered"),
    ("registration.individuals", "list: i.number, i.name, i.position, i.title, i.note"),
    ("registration.collectives", "list: c.number, c.name, c.title, c.note"),
]
PLACEHOLDERS["proposal"] = COMMON_PLACEHOLDERS + [
    ("proposal.body", "who proposes, e.g. Văn phòng Sở (|upper for capitals)"),
    ("proposal.addressee", "to whom, e.g. Giám đốc Sở Nội vụ"),
    ("proposal.summary", "what is proposed, e.g. công nhận danh hiệu thi đua năm 2029"),
    ("proposal.year", "the year rewarded"),
    ("proposal.legal_bases", "lines: Căn cứ …"),
    ("proposal.review", "the line on the council's review (session and date)"),
    ("proposal.grant", "what is proposed, e.g. công nhận danh hiệu thi đua năm 2029"),
    ("proposal.individual_count", "number of individuals proposed"),
    ("proposal.collective_count", "number of collectives proposed"),
    (
        "proposal.titles",
        "list: t.number, t.title, t.collectives, t.individuals (counts)",
    ),
    ("proposal.result", "the council's result in a sentence"),
    ("proposal.date_text", "the proposal's date as ngày … tháng … năm …"),
    (
        "proposal.individuals",
        "list: i.number, i.name, i.position, i.unit, i.title, i.votes",
    ),
    ("proposal.collectives", "list: c.number, c.name, c.title, c.votes"),
]
PLACEHOLDERS["achievement"] = COMMON_PLACEHOLDERS + [
    ("achievement.unit", "the unit (of the person, or the collective itself)"),
    (
        "achievement.proposed",
        "what is proposed, e.g. công nhận danh hiệu Chiến sĩ thi đua cơ sở",
    ),
    ("achievement.year", "the year"),
    (
        "achievement.section_one",
        "heading of section I (Sơ lược lý lịch / Đặc điểm, tình hình)",
    ),
    ("achievement.profile", "list: f.label and f.value of section I"),
    ("achievement.achievements", "paragraphs: section II, the achievements"),
    ("achievement.titles", "list: t.year, t.name, t.decision (section III.1)"),
    ("achievement.forms", "list: t.year, t.name, t.decision (section III.2)"),
    ("achievement.confirm_title", "who confirms, bottom left (|upper for capitals)"),
    ("achievement.confirm_name", "the name of who confirms"),
]
PLACEHOLDERS["dossier_list"] = COMMON_PLACEHOLDERS + [
    ("dossier.title", "the list's title, e.g. DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"),
    (
        "dossier.summary",
        "what the list is about, e.g. the year and the dossier's number",
    ),
    ("dossier.detail_header", "the header of the list's fourth column"),
    (
        "dossier.rows",
        "list: r.number, r.name, r.unit, r.detail, r.note (one row per person or unit)",
    ),
    ("dossier.empty", "the line printed when the list has no row, e.g. Không có."),
]

# The 6-month and year-end reports (báo cáo sơ kết / tổng kết) of a plan's year: the
# figures of section I; sections II and III are the Office's to write.
REPORT_PLACEHOLDERS = COMMON_PLACEHOLDERS + [
    ("report.year", "the reporting year"),
    ("report.kind_word", "Sơ kết or Tổng kết (|upper for capitals)"),
    ("report.period_label", "6 tháng đầu năm 2030, or năm 2030"),
    ("report.period_text", "từ ngày 01/12/2029 đến ngày 31/05/2030 (or 30/11/2030)"),
    ("report.next_period", "6 tháng cuối năm 2030, or năm 2031"),
    ("report.plan_number", "the plan's number, e.g. 03/KH-SNV"),
    ("report.plan_date_text", "the plan's date as ngày … tháng … năm …"),
    ("report.movement_count", "movements launched in the period, e.g. 03"),
    ("report.movement_regular_count", "of which regular yearly"),
    ("report.movement_thematic_count", "of which thematic"),
    ("report.movements", "list: m.number, m.name, m.method, m.decision"),
    ("report.task_total", "the plan's tasks"),
    ("report.task_done", "tasks done by the end of the period"),
    ("report.task_open", "tasks not done by then"),
    ("report.task_share", "the share done, e.g. 75%"),
    ("report.quarters", "list: q.label, q.total, q.done, q.open, q.share"),
    ("report.own_awards", "list: a.number, a.title, a.collectives, a.individuals"),
    ("report.own_collective_count", "collectives the department rewarded"),
    ("report.own_individual_count", "individuals the department rewarded"),
    (
        "report.higher_awards",
        "list: h.number, h.title, h.level (Cấp tỉnh, Cấp Nhà nước), "
        "h.proposed_collectives, h.proposed_individuals, h.granted_collectives, "
        "h.granted_individuals",
    ),
    (
        "report.award_kinds",
        "list: k.kind (Thường xuyên, Chuyên đề, Đột xuất…), k.count: the awards of the "
        "period by kind",
    ),
    ("report.province_proposed_count", "nominees proposed to the province"),
    ("report.province_granted_count", "awards granted by the province"),
    ("report.state_proposed_count", "nominees proposed to the State"),
    ("report.state_granted_count", "awards granted by the State"),
    ("report.initiative_count", "initiatives recognised in the period"),
    ("report.initiatives", "list: i.scope, i.count"),
    ("report.decision_count", "the department's decisions of the period"),
    ("report.decisions", "list: d.number, d.text (Quyết định số … ngày … về việc …)"),
]
PLACEHOLDERS["report_half_year"] = REPORT_PLACEHOLDERS
PLACEHOLDERS["report_year"] = REPORT_PLACEHOLDERS
# The top-level names of each kind's context: a template may use no other.
ALLOWED_NAMES = {kind: {"org", "doc", kind} for kind in PLACEHOLDERS}
ALLOWED_NAMES["council_minutes"] = {"org", "doc", "session"}
ALLOWED_NAMES["ballot_count"] = {"org", "doc", "session"}
ALLOWED_NAMES["dossier_list"] = {"org", "doc", "dossier"}
ALLOWED_NAMES["report_half_year"] = {"org", "doc", "report"}
ALLOWED_NAMES["report_year"] = {"org", "doc", "report"}


# ------------------------------------------------------------
# Building blocks
# ------------------------------------------------------------


def _new_document(landscape=False):
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = (
            section.page_height,
            section.page_width,
        )
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_SIZE)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.0
    return document


def _para(
    container,
    text="",
    bold=False,
    italic=False,
    underline=False,
    size=None,
    align=None,
    indent=False,
    space_after=0,
    space_before=0,
):
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = (
            bold or None,
            italic or None,
            underline or None,
        )
        if size:
            run.font.size = Pt(size)
    paragraph_format = paragraph.paragraph_format
    if align:
        paragraph.alignment = align
    if indent:
        paragraph_format.first_line_indent = Cm(1.27)
    paragraph_format.space_after = Pt(space_after)
    paragraph_format.space_before = Pt(space_before)
    return paragraph


def _body(container, text, **kwargs):
    """A paragraph of the body: justified, first line indented, 6 pt after."""
    kwargs.setdefault("indent", True)
    kwargs.setdefault("space_after", 6)
    return _para(container, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, **kwargs)


def _tag(container, tag):
    """A paragraph holding only a docxtpl paragraph tag ({%p … %}): it disappears at rendering."""
    return _para(container, "{%p " + tag + " %}")


def _rich_paragraphs(container, expression, variable="p", **kwargs):
    """The paragraphs of a list of rich texts, each a body paragraph."""
    _tag(container, f"for {variable} in {expression}")
    _body(container, "{{r " + variable + " }}", **kwargs)
    _tag(container, "endfor")


def _lines(container, expression, variable="line", **kwargs):
    """One paragraph per string of a list."""
    _tag(container, f"for {variable} in {expression}")
    _para(container, "{{ " + variable + " }}", **kwargs)
    _tag(container, "endfor")


def _no_borders(table):
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _table(container, widths, borders=True):
    table = container.add_table(rows=0, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    if borders:
        table.style = "Table Grid"
    else:
        _no_borders(table)
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    return table


def _row(table, widths, header=False):
    row = table.add_row()
    for cell, width in zip(row.cells, widths, strict=False):
        cell.width = width
    if header:
        properties = row._tr.get_or_add_trPr()
        element = OxmlElement("w:tblHeader")
        element.set(qn("w:val"), "true")
        properties.append(element)
    return row


def _cell_para(cell, text="", **kwargs):
    """A paragraph in a table cell; the empty paragraph a new cell holds gives way to it."""
    first = cell.paragraphs[0]
    if len(cell.paragraphs) == 1 and not first.text and not first.runs:
        first._element.getparent().remove(first._element)
    return _para(cell, text, **kwargs)


def _frame_header(document):
    """Decree 30's two columns: bodies and number | national motto and place and date."""
    widths = (Cm(6.5), Cm(10))
    table = _table(document, widths, borders=False)
    row = _row(table, widths)
    left, right = row.cells
    center = WD_ALIGN_PARAGRAPH.CENTER
    _cell_para(left, "{{ org.superior_body|upper }}", size=13, align=center)
    _cell_para(
        left,
        "{{ org.issuing_body|upper }}",
        bold=True,
        underline=True,
        size=13,
        align=center,
    )
    _cell_para(left, "Số: {{ doc.number }}", size=13, align=center, space_before=6)
    _cell_para(
        right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=center
    )
    _cell_para(
        right,
        "Độc lập - Tự do - Hạnh phúc",
        bold=True,
        underline=True,
        size=13,
        align=center,
    )
    _cell_para(
        right, "{{ doc.date_line }}", italic=True, size=14, align=center, space_before=6
    )


def _title(document, kind_title, summary):
    center = WD_ALIGN_PARAGRAPH.CENTER
    _para(document, kind_title, bold=True, align=center, space_before=18)
    _para(document, summary, bold=True, align=center, space_after=12)


def _recipients_and_signature(document):
    widths = (Cm(8), Cm(8.5))
    table = _table(document, widths, borders=False)
    row = _row(table, widths)
    left, right = row.cells
    center = WD_ALIGN_PARAGRAPH.CENTER
    _cell_para(left, "Nơi nhận:", bold=True, italic=True, size=12)
    _tag(left, "for line in doc.recipients")
    _para(left, "{{ line }}", size=11)
    _tag(left, "endfor")
    _cell_para(right, "{{ doc.signer_title|upper }}", bold=True, align=center)
    for _blank in range(4):
        _para(right, "")
    _para(right, "{{ doc.signer_name }}", bold=True, align=center)


def _unit_frame_header(document, upper, unit):
    """The two columns of a unit's paper: the body above and the unit underlined | the
    national motto, place and date."""
    widths = (Cm(6.5), Cm(10))
    table = _table(document, widths, borders=False)
    left, right = _row(table, widths).cells
    center = WD_ALIGN_PARAGRAPH.CENTER
    _cell_para(left, upper, size=13, align=center)
    _cell_para(left, unit, bold=True, underline=True, size=13, align=center)
    _cell_para(
        right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=center
    )
    _cell_para(
        right,
        "Độc lập - Tự do - Hạnh phúc",
        bold=True,
        underline=True,
        size=13,
        align=center,
    )
    _cell_para(
        right, "{{ doc.date_line }}", italic=True, size=14, align=center, space_before=6
    )


def _sectioned_table(document, headers, widths, sections):
    """A bordered table with a header row and, per section (heading, list expression,
    loop variable, one cell expression per column), a heading row spanning the table and
    one row per item; a section with no item leaves no row."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    table = _table(document, widths)
    header = _row(table, widths, header=True)
    for cell, text in zip(header.cells, headers, strict=False):
        _cell_para(cell, text, bold=True, align=center)
    last = len(widths) - 1
    for heading, items, variable, cells in sections:
        _cell_para(_row(table, widths).cells[0], "{%tr if " + items + " %}")
        row = _row(table, widths)
        _cell_para(row.cells[0].merge(row.cells[last]), heading, bold=True)
        _cell_para(
            _row(table, widths).cells[0],
            "{%tr for " + variable + " in " + items + " %}",
        )
        line = _row(table, widths)
        for index, (cell, expression) in enumerate(
            zip(line.cells, cells, strict=False)
        ):
            _cell_para(cell, expression, align=center if index == 0 else None)
        _cell_para(_row(table, widths).cells[0], "{%tr endfor %}")
        _cell_para(_row(table, widths).cells[0], "{%tr endif %}")
    return table


def _save(document):
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


# ------------------------------------------------------------
# The shipped templates
# ------------------------------------------------------------


def build_plan_template():
    """The plan (Kế hoạch), as the seed plan 03/KH-SNV lays it out."""
    document = _new_document()
    _frame_header(document)
    _title(document, "KẾ HOẠCH", "{{ plan.summary }}")
    _rich_paragraphs(document, "plan.legal_bases")
    _body(
        document,
        "{{ org.issuing_body }} xây dựng {{ plan.title }}, với những nội dung như sau:",
    )
    _body(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _body(document, "1. Mục đích", bold=True)
    _rich_paragraphs(document, "plan.purposes")
    _body(document, "2. Yêu cầu", bold=True)
    _rich_paragraphs(document, "plan.requirements")
    _body(document, "II. NỘI DUNG, THỜI GIAN THỰC HIỆN", bold=True)

    widths = (Cm(1.2), Cm(9.6), Cm(5.7))
    table = _table(document, widths)
    center = WD_ALIGN_PARAGRAPH.CENTER
    header = _row(table, widths, header=True)
    for cell, text in zip(
        header.cells, ("TT", "NỘI DUNG", "ĐƠN VỊ THỰC HIỆN"), strict=False
    ):
        _cell_para(cell, text, bold=True, align=center)
    _cell_para(_row(table, widths).cells[0], "{%tr for q in plan.quarters %}")
    quarter = _row(table, widths)
    merged = quarter.cells[0].merge(quarter.cells[2])
    _cell_para(merged, "{{ q.label }}", bold=True)
    _cell_para(_row(table, widths).cells[0], "{%tr for t in q.tasks %}")
    task = _row(table, widths)
    _cell_para(task.cells[0], "{{ t.number }}", align=center)
    for cell, field in ((task.cells[1], "t.content"), (task.cells[2], "t.units")):
        _cell_para(cell, "{%p for line in " + field + " %}")
        _para(
            cell,
            "{{ line }}",
            align=WD_ALIGN_PARAGRAPH.JUSTIFY if field == "t.content" else None,
        )
        _para(cell, "{%p endfor %}")
    _cell_para(_row(table, widths).cells[0], "{%tr endfor %}")
    _cell_para(_row(table, widths).cells[0], "{%tr endfor %}")

    _body(document, "III. GIẢI PHÁP CHỦ YẾU", bold=True, space_before=6)
    _rich_paragraphs(document, "plan.solutions")
    _body(document, "IV. TỔ CHỨC THỰC HIỆN", bold=True)
    _rich_paragraphs(document, "plan.organisation")
    _recipients_and_signature(document)
    return _save(document)


def build_decision_template():
    """The decision of recognition or commendation (Quyết định) and its attached list on a
    page of its own."""
    document = _new_document()
    _frame_header(document)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _title(document, "QUYẾT ĐỊNH", "Về việc {{ decision.summary }}")
    _para(
        document,
        "{{ decision.authority|upper }}",
        bold=True,
        align=center,
        space_after=12,
    )
    _lines(
        document,
        "decision.legal_bases",
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        indent=True,
        space_after=6,
    )
    _body(document, "{{ decision.proposal }}")
    _para(
        document, "QUYẾT ĐỊNH:", bold=True, align=center, space_before=6, space_after=12
    )
    _body(
        document,
        "Điều 1. {{ decision.grant }} cho {{ decision.collective_count }} tập thể và "
        "{{ decision.individual_count }} cá nhân (có danh sách kèm theo).",
    )
    _body(
        document,
        "Điều 2. {% if decision.reward_total %}Tiền thưởng kèm theo: tổng cộng "
        "{{ decision.reward_total }} đồng (có danh sách kèm theo), chi từ Quỹ thi đua, khen "
        "thưởng theo quy định.{% else %}Tiền thưởng kèm theo thực hiện theo quy định hiện hành "
        "của Nhà nước.{% endif %}",
    )
    _body(
        document,
        "Điều 3. Chánh Văn phòng, Thủ trưởng các phòng, đơn vị có liên quan và các tập thể, cá nhân "
        "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    )
    _recipients_and_signature(document)

    # The list, on a page of its own.
    paragraph = _para(document, "DANH SÁCH", bold=True, align=center)
    paragraph.paragraph_format.page_break_before = True
    _para(document, "{{ decision.summary|capitalize }}", bold=True, align=center)
    _para(
        document,
        "(Kèm theo Quyết định số {{ doc.number }} {{ decision.date_text }} của {{ decision.authority }})",
        italic=True,
        align=center,
        space_after=12,
    )
    widths = (Cm(1), Cm(4.9), Cm(3.7), Cm(3), Cm(2.4), Cm(1.5))
    table = _sectioned_table(
        document,
        (
            "TT",
            "Họ và tên",
            "Chức vụ, đơn vị",
            "Danh hiệu, hình thức",
            "Số tiền (đồng)",
            "Số sổ vàng",
        ),
        widths,
        [
            (
                "I. CÁ NHÂN",
                "decision.individuals",
                "i",
                (
                    "{{ i.number }}",
                    "{{ i.name }}",
                    "{{ i.position }}{% if i.position and i.unit %}, {% endif %}{{ i.unit }}",
                    "{{ i.title }}",
                    "{{ i.amount }}",
                    "{{ i.golden_book }}",
                ),
            ),
            (
                "II. TẬP THỂ",
                "decision.collectives",
                "c",
                (
                    "{{ c.number }}",
                    "{{ c.name }}",
                    "",
                    "{{ c.title }}",
                    "{{ c.amount }}",
                    "{{ c.golden_book }}",
                ),
            ),
        ],
    )
    _cell_para(_row(table, widths).cells[0], "{%tr if decision.reward_total %}")
    total = _row(table, widths)
    _cell_para(total.cells[0].merge(total.cells[3]), "Tổng cộng", bold=True)
    _cell_para(total.cells[4], "{{ decision.reward_total }}", bold=True)
    _cell_para(_row(table, widths).cells[0], "{%tr endif %}")
    return _save(document)


def build_registration_template():
    """A unit's registration (biểu đăng ký thi đua), signed by the unit's head."""
    document = _new_document()
    _unit_frame_header(
        document, "{{ org.issuing_body|upper }}", "{{ registration.unit|upper }}"
    )
    _title(
        document,
        "BẢN ĐĂNG KÝ THI ĐUA",
        "Danh hiệu thi đua năm {{ registration.year }}",
    )
    _para(
        document,
        "(Thực hiện Kế hoạch số {{ registration.plan_number }} {{ registration.plan_date_text }} "
        "của {{ org.issuing_body }})",
        italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        space_after=12,
    )
    _body(
        document,
        "{{ registration.unit }} đăng ký danh hiệu thi đua năm {{ registration.year }} cho "
        "{{ registration.individual_count }} cá nhân và {{ registration.collective_count }} "
        "tập thể, cụ thể như sau:",
    )
    widths = (Cm(1.2), Cm(5.3), Cm(4), Cm(4), Cm(2))
    _sectioned_table(
        document,
        ("TT", "Họ và tên", "Chức vụ", "Danh hiệu đăng ký", "Ghi chú"),
        widths,
        [
            (
                "I. CÁ NHÂN",
                "registration.individuals",
                "i",
                (
                    "{{ i.number }}",
                    "{{ i.name }}",
                    "{{ i.position }}",
                    "{{ i.title }}",
                    "{{ i.note }}",
                ),
            ),
            (
                "II. TẬP THỂ",
                "registration.collectives",
                "c",
                ("{{ c.number }}", "{{ c.name }}", "", "{{ c.title }}", "{{ c.note }}"),
            ),
        ],
    )
    _para(document, "", space_after=6)
    _recipients_and_signature(document)
    return _save(document)


def build_proposal_template():
    """The proposal (tờ trình, Decree 152/2025 appendix, Mẫu số 01) to the body that
    decides, with its list on a page of its own."""
    document = _new_document()
    center = WD_ALIGN_PARAGRAPH.CENTER
    widths = (Cm(6.5), Cm(10))
    header = _table(document, widths, borders=False)
    left, right = _row(header, widths).cells
    _cell_para(left, "{{ org.issuing_body|upper }}", size=13, align=center)
    _cell_para(
        left,
        "{{ proposal.body|upper }}",
        bold=True,
        underline=True,
        size=13,
        align=center,
    )
    _cell_para(left, "Số: {{ doc.number }}", size=13, align=center, space_before=6)
    _cell_para(
        right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=center
    )
    _cell_para(
        right,
        "Độc lập - Tự do - Hạnh phúc",
        bold=True,
        underline=True,
        size=13,
        align=center,
    )
    _cell_para(
        right, "{{ doc.date_line }}", italic=True, size=14, align=center, space_before=6
    )
    _title(document, "TỜ TRÌNH", "Về việc đề nghị {{ proposal.summary }}")
    _para(document, "Kính gửi: {{ proposal.addressee }}.", align=center, space_after=12)
    _lines(
        document,
        "proposal.legal_bases",
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        indent=True,
        space_after=6,
    )
    _body(document, "{{ proposal.review }}")
    _body(
        document,
        "{{ proposal.body }} kính trình {{ proposal.addressee }} xem xét, {{ proposal.grant }} "
        "cho {{ proposal.collective_count }} tập thể và {{ proposal.individual_count }} cá "
        "nhân, cụ thể như sau:",
    )
    widths = (Cm(1.2), Cm(9.3), Cm(3), Cm(3))
    table = _table(document, widths)
    head = _row(table, widths, header=True)
    for cell, text in zip(
        head.cells, ("TT", "Danh hiệu, hình thức", "Tập thể", "Cá nhân"), strict=False
    ):
        _cell_para(cell, text, bold=True, align=center)
    _cell_para(_row(table, widths).cells[0], "{%tr for t in proposal.titles %}")
    row = _row(table, widths)
    for cell, text in zip(
        row.cells,
        (
            "{{ t.number }}",
            "{{ t.title }}",
            "{{ t.collectives }}",
            "{{ t.individuals }}",
        ),
        strict=False,
    ):
        _cell_para(cell, text, align=None if text == "{{ t.title }}" else center)
    _cell_para(_row(table, widths).cells[0], "{%tr endfor %}")
    total = _row(table, widths)
    _cell_para(total.cells[0].merge(total.cells[1]), "Tổng cộng", bold=True)
    _cell_para(
        total.cells[2], "{{ proposal.collective_count }}", bold=True, align=center
    )
    _cell_para(
        total.cells[3], "{{ proposal.individual_count }}", bold=True, align=center
    )
    _body(document, "{{ proposal.result }}", space_before=6)
    _body(document, "(Có danh sách và hồ sơ kèm theo)", italic=True)
    _body(
        document,
        "Kính trình {{ proposal.addressee }} xem xét, quyết định./.",
    )
    _recipients_and_signature(document)

    paragraph = _para(document, "DANH SÁCH", bold=True, align=center)
    paragraph.paragraph_format.page_break_before = True
    _para(document, "Đề nghị {{ proposal.summary }}", bold=True, align=center)
    _para(
        document,
        "(Kèm theo Tờ trình số {{ doc.number }} {{ proposal.date_text }} của {{ proposal.body }})",
        italic=True,
        align=center,
        space_after=12,
    )
    _sectioned_table(
        document,
        (
            "TT",
            "Họ và tên",
            "Chức vụ, đơn vị",
            "Danh hiệu, hình thức",
            "Kết quả biểu quyết",
        ),
        (Cm(1), Cm(4.3), Cm(4.6), Cm(3.6), Cm(3)),
        [
            (
                "I. CÁ NHÂN",
                "proposal.individuals",
                "i",
                (
                    "{{ i.number }}",
                    "{{ i.name }}",
                    "{{ i.position }}{% if i.position and i.unit %}, {% endif %}{{ i.unit }}",
                    "{{ i.title }}",
                    "{{ i.votes }}",
                ),
            ),
            (
                "II. TẬP THỂ",
                "proposal.collectives",
                "c",
                (
                    "{{ c.number }}",
                    "{{ c.name }}",
                    "",
                    "{{ c.title }}",
                    "{{ c.votes }}",
                ),
            ),
        ],
    )
    return _save(document)


def _award_history_table(document, heading, items):
    widths = (Cm(2), Cm(5.5), Cm(9))
    center = WD_ALIGN_PARAGRAPH.CENTER
    table = _table(document, widths)
    head = _row(table, widths, header=True)
    for cell, text in zip(
        head.cells,
        (
            "Năm",
            heading,
            "Số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định",
        ),
        strict=False,
    ):
        _cell_para(cell, text, bold=True, align=center)
    _cell_para(_row(table, widths).cells[0], "{%tr for t in " + items + " %}")
    row = _row(table, widths)
    _cell_para(row.cells[0], "{{ t.year }}", align=center)
    _cell_para(row.cells[1], "{{ t.name }}")
    _cell_para(row.cells[2], "{{ t.decision }}")
    _cell_para(_row(table, widths).cells[0], "{%tr endfor %}")


def build_achievement_template():
    """The achievement report (báo cáo thành tích, Decree 152/2025 appendix, Mẫu số 05
    for an individual, and its collective variant): I. the person or the unit, II. the
    achievements, III. the titles and forms received, from the award history."""
    document = _new_document()
    center = WD_ALIGN_PARAGRAPH.CENTER
    _unit_frame_header(
        document, "{{ org.issuing_body|upper }}", "{{ achievement.unit|upper }}"
    )
    _para(document, "BÁO CÁO THÀNH TÍCH", bold=True, align=center, space_before=18)
    _para(document, "ĐỀ NGHỊ {{ achievement.proposed|upper }}", bold=True, align=center)
    _para(
        document,
        "(Năm {{ achievement.year }})",
        italic=True,
        align=center,
        space_after=12,
    )
    _body(document, "I. {{ achievement.section_one }}", bold=True)
    _tag(document, "for f in achievement.profile")
    _body(document, "- {{ f.label }}: {{ f.value }}", space_after=0)
    _tag(document, "endfor")
    _body(document, "II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True, space_before=6)
    _rich_paragraphs(document, "achievement.achievements")
    _body(document, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", bold=True)
    _body(document, "1. Danh hiệu thi đua", bold=True)
    _award_history_table(document, "Danh hiệu thi đua", "achievement.titles")
    _body(document, "2. Hình thức khen thưởng", bold=True, space_before=6)
    _award_history_table(document, "Hình thức khen thưởng", "achievement.forms")
    _para(document, "", space_after=6)
    widths = (Cm(8), Cm(8.5))
    table = _table(document, widths, borders=False)
    left, right = _row(table, widths).cells
    _cell_para(left, "{{ achievement.confirm_title|upper }}", bold=True, align=center)
    _para(left, "(Ký, đóng dấu)", italic=True, align=center)
    for _blank in range(3):
        _para(left, "")
    _para(left, "{{ achievement.confirm_name }}", bold=True, align=center)
    _cell_para(right, "{{ doc.signer_title|upper }}", bold=True, align=center)
    _para(right, "(Ký, ghi rõ họ và tên)", italic=True, align=center)
    for _blank in range(3):
        _para(right, "")
    _para(right, "{{ doc.signer_name }}", bold=True, align=center)
    return _save(document)


def _two_signatures(document):
    """The secretary bottom left, the chair bottom right."""
    widths = (Cm(8), Cm(8.5))
    table = _table(document, widths, borders=False)
    left, right = _row(table, widths).cells
    center = WD_ALIGN_PARAGRAPH.CENTER
    for cell, title, name in (
        (left, "THƯ KÝ", "{{ session.secretary }}"),
        (right, "CHỦ TỊCH HỘI ĐỒNG", "{{ session.chair }}"),
    ):
        _cell_para(cell, title, bold=True, align=center, space_before=12)
        _para(cell, "(Ký, ghi rõ họ tên)", italic=True, size=12, align=center)
        for _blank in range(3):
            _para(cell, "")
        _para(cell, name, bold=True, align=center)


def _session_opening(document, kind_title, summary):
    _frame_header(document)
    _title(document, kind_title, summary)
    _body(document, "Thời gian: {{ session.time_text }}.")
    _body(document, "Địa điểm: {{ session.location }}.")
    _body(document, "Chủ trì: {{ session.chair }}. Thư ký: {{ session.secretary }}.")
    _body(
        document,
        "Thành phần: {{ session.council }}{% if session.founding %} (thành lập theo "
        "{{ session.founding }}){% endif %} gồm {{ session.member_count }} thành viên; có mặt "
        "{{ session.present_count }} thành viên, vắng mặt {{ session.absent_count }} thành viên"
        "{% if session.written_count %}, trong đó {{ session.written_count }} thành viên gửi "
        "ý kiến bằng văn bản{% endif %}.",
    )


def _results_table(document, columns):
    """One row per item reviewed: ``columns`` are (header, width in cm, cell text)."""
    widths = tuple(Cm(width) for _header, width, _text in columns)
    table = _table(document, widths)
    center = WD_ALIGN_PARAGRAPH.CENTER
    header = _row(table, widths, header=True)
    for cell, (text, _width, _value) in zip(header.cells, columns, strict=False):
        _cell_para(cell, text, bold=True, size=11, align=center)
    _cell_para(_row(table, widths).cells[0], "{%tr for r in session.results %}")
    row = _row(table, widths)
    for index, (cell, (_header, _width, value)) in enumerate(
        zip(row.cells, columns, strict=False)
    ):
        _cell_para(cell, value, size=11, align=None if index in (1, 2) else center)
    _cell_para(_row(table, widths).cells[0], "{%tr endfor %}")


def build_council_minutes_template():
    """The minutes of a council's session (biên bản họp Hội đồng): who sat, what was
    reviewed, and each item's result by secret ballot."""
    document = _new_document()
    _session_opening(
        document,
        "BIÊN BẢN",
        "Họp {{ session.council }} xét danh hiệu thi đua năm {{ session.year }}",
    )
    widths = (Cm(1.2), Cm(5.3), Cm(4.5), Cm(2.8), Cm(2.7))
    table = _table(document, widths)
    center = WD_ALIGN_PARAGRAPH.CENTER
    header = _row(table, widths, header=True)
    for cell, text in zip(
        header.cells,
        ("TT", "Họ và tên", "Chức vụ", "Chức danh trong Hội đồng", "Tham dự"),
        strict=False,
    ):
        _cell_para(cell, text, bold=True, size=12, align=center)
    _cell_para(_row(table, widths).cells[0], "{%tr for m in session.members %}")
    row = _row(table, widths)
    for index, value in enumerate(
        ("m.number", "m.name", "m.position", "m.role", "m.attendance")
    ):
        _cell_para(
            row.cells[index],
            "{{ " + value + " }}",
            size=12,
            align=center if index == 0 else None,
        )
    _cell_para(_row(table, widths).cells[0], "{%tr endfor %}")

    _body(document, "I. NỘI DUNG", bold=True, space_before=6)
    _body(
        document,
        "Hội đồng xem xét, bỏ phiếu kín đề nghị xét danh hiệu thi đua đối với:",
    )
    _lines(
        document,
        "session.agenda",
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        indent=True,
        space_after=3,
    )
    _body(document, "II. KẾT QUẢ BỎ PHIẾU", bold=True, space_before=6)
    _body(
        document,
        "Tỷ lệ phiếu đồng ý tính trên tổng số thành viên Hội đồng; ý kiến bằng văn bản của "
        "thành viên vắng mặt được tính như phiếu bầu.",
    )
    _results_table(
        document,
        (
            ("TT", 0.9, "{{ r.number }}"),
            ("Cá nhân, tập thể", 4.0, "{{ r.name }}"),
            ("Danh hiệu", 3.2, "{{ r.title }}"),
            ("Đồng ý / tổng số", 2.2, "{{ r.agree }}/{{ r.base }}"),
            ("Tỷ lệ", 1.9, "{{ r.share }}"),
            ("Tỷ lệ yêu cầu", 1.9, "{{ r.threshold }}"),
            ("Kết quả", 2.4, "{{ r.result }}"),
        ),
    )
    _body(document, "Không tham gia biểu quyết:", bold=True, space_before=6)
    _lines(document, "session.recusals", indent=True, space_after=3)
    _body(
        document,
        "Kết luận: {{ session.passed_count }} trường hợp đạt tỷ lệ phiếu đồng ý theo quy định. "
        "Biên bản được thông qua tại cuộc họp./.",
        space_before=6,
    )
    _two_signatures(document)
    return _save(document)


def build_ballot_count_template():
    """The vote count of a session's secret ballot (biên bản kiểm phiếu): the number of
    ballots of each choice per item, never a member's."""
    document = _new_document()
    _session_opening(
        document,
        "BIÊN BẢN KIỂM PHIẾU",
        "Bỏ phiếu kín xét danh hiệu thi đua năm {{ session.year }}",
    )
    _body(
        document,
        "Số phiếu của mỗi trường hợp gồm phiếu của thành viên có mặt và phiếu lấy ý kiến "
        "bằng văn bản của thành viên vắng mặt; thành viên không tham gia biểu quyết không "
        "có phiếu.",
    )
    _results_table(
        document,
        (
            ("TT", 0.8, "{{ r.number }}"),
            ("Cá nhân, tập thể", 3.2, "{{ r.name }}"),
            ("Danh hiệu", 2.6, "{{ r.title }}"),
            ("Phiếu hợp lệ", 1.3, "{{ r.valid }}"),
            ("Đồng ý", 1.3, "{{ r.agree }}"),
            ("Không đồng ý", 1.8, "{{ r.disagree }}"),
            ("Không biểu quyết", 1.8, "{{ r.abstain }}"),
            ("Tỷ lệ đồng ý", 1.8, "{{ r.share }}"),
            ("Kết quả", 1.9, "{{ r.result }}"),
        ),
    )
    _body(document, "Không tham gia biểu quyết:", bold=True, space_before=6)
    _lines(document, "session.recusals", indent=True, space_after=3)
    _two_signatures(document)
    return _save(document)


def build_dossier_list_template():
    """A list of a proposal dossier (danh sách): the nominees, the certifications the
    rules need, the unit's discipline of the year; one row per person or unit."""
    document = _new_document()
    _frame_header(document)
    _title(document, "{{ dossier.title|upper }}", "{{ dossier.summary }}")
    widths = (Cm(1.2), Cm(4.5), Cm(3.8), Cm(5), Cm(2))
    center = WD_ALIGN_PARAGRAPH.CENTER
    table = _table(document, widths)
    header = _row(table, widths, header=True)
    for cell, text in zip(
        header.cells,
        (
            "TT",
            "Họ và tên / Tập thể",
            "Đơn vị",
            "{{ dossier.detail_header }}",
            "Ghi chú",
        ),
        strict=True,
    ):
        _cell_para(cell, text, bold=True, align=center)
    _cell_para(_row(table, widths).cells[0], "{%tr for r in dossier.rows %}")
    line = _row(table, widths)
    for index, (cell, expression) in enumerate(
        zip(
            line.cells,
            (
                "{{ r.number }}",
                "{{ r.name }}",
                "{{ r.unit }}",
                "{{ r.detail }}",
                "{{ r.note }}",
            ),
            strict=True,
        )
    ):
        _cell_para(cell, expression, align=center if index == 0 else None)
    _cell_para(_row(table, widths).cells[0], "{%tr endfor %}")
    _tag(document, "if not dossier.rows")
    _body(document, "{{ dossier.empty }}")
    _tag(document, "endif")
    _para(document, "", space_after=6)
    _recipients_and_signature(document)
    return _save(document)


def _placeholder_text(document, text):
    """A paragraph the Office replaces with its own words, in italics."""
    _body(document, text, italic=True)


def _count_table(document, columns, items, variable, left=(1,)):
    """A bordered table: ``columns`` (header, width in cm, cell text), a row per item of
    ``items``; the columns of the indexes ``left`` aligned left, the others centred."""
    widths = tuple(Cm(width) for _header, width, _text in columns)
    table = _table(document, widths)
    center = WD_ALIGN_PARAGRAPH.CENTER
    header = _row(table, widths, header=True)
    for cell, (text, _width, _value) in zip(header.cells, columns, strict=False):
        _cell_para(cell, text, bold=True, size=12, align=center)
    _cell_para(_row(table, widths).cells[0], f"{{%tr for {variable} in {items} %}}")
    row = _row(table, widths)
    for index, (cell, (_header, _width, value)) in enumerate(
        zip(row.cells, columns, strict=False)
    ):
        _cell_para(cell, value, size=12, align=None if index in left else center)
    _cell_para(_row(table, widths).cells[0], "{%tr endfor %}")
    return table, widths


def build_report_template():
    """The 6-month or year-end report (báo cáo sơ kết / tổng kết công tác thi đua, khen
    thưởng): section I with the period's figures, sections II and III for the Office to
    write."""
    document = _new_document()
    _frame_header(document)
    _title(
        document,
        "BÁO CÁO",
        "{{ report.kind_word }} công tác thi đua, khen thưởng {{ report.period_label }}",
    )
    _body(
        document,
        "Thực hiện Kế hoạch số {{ report.plan_number }} {{ report.plan_date_text }} của "
        "{{ org.issuing_body }} về công tác thi đua, khen thưởng năm {{ report.year }}, "
        "{{ org.issuing_body }} báo cáo kết quả công tác thi đua, khen thưởng "
        "{{ report.period_label }} ({{ report.period_text }}) như sau:",
    )
    _body(document, "I. KẾT QUẢ THỰC HIỆN", bold=True)

    _body(document, "1. Công tác tổ chức các phong trào thi đua", bold=True)
    _body(
        document,
        "Trong kỳ, {{ org.issuing_body }} đã phát động {{ report.movement_count }} phong "
        "trào thi đua, trong đó: {{ report.movement_regular_count }} phong trào thi đua "
        "thường xuyên hàng năm, {{ report.movement_thematic_count }} phong trào thi đua "
        "theo chuyên đề.",
    )
    _tag(document, "for m in report.movements")
    _body(
        document,
        "- {{ m.name }} ({{ m.method }}{% if m.decision %}; {{ m.decision }}{% endif %}).",
        space_after=0,
    )
    _tag(document, "endfor")

    _body(
        document,
        "2. Kết quả thực hiện các nhiệm vụ của Kế hoạch",
        bold=True,
        space_before=6,
    )
    _body(
        document,
        "Kế hoạch có {{ report.task_total }} nhiệm vụ; đến hết kỳ báo cáo đã hoàn thành "
        "{{ report.task_done }} nhiệm vụ (đạt {{ report.task_share }}), cụ thể theo quý:",
    )
    table, widths = _count_table(
        document,
        (
            ("Quý", 2.5, "{{ q.label }}"),
            ("Số nhiệm vụ", 3.5, "{{ q.total }}"),
            ("Đã hoàn thành", 3.5, "{{ q.done }}"),
            ("Chưa hoàn thành", 3.5, "{{ q.open }}"),
            ("Tỷ lệ hoàn thành", 3.5, "{{ q.share }}"),
        ),
        "report.quarters",
        "q",
        left=(),
    )
    total = _row(table, widths)
    center = WD_ALIGN_PARAGRAPH.CENTER
    for cell, text in zip(
        total.cells,
        (
            "Cộng",
            "{{ report.task_total }}",
            "{{ report.task_done }}",
            "{{ report.task_open }}",
            "{{ report.task_share }}",
        ),
        strict=False,
    ):
        _cell_para(cell, text, bold=True, size=12, align=center)

    _body(document, "3. Công tác khen thưởng", bold=True, space_before=6)
    _body(
        document,
        "a) Thuộc thẩm quyền của {{ org.issuing_body }}: công nhận danh hiệu thi đua và "
        "tặng hình thức khen thưởng cho {{ report.own_collective_count }} tập thể và "
        "{{ report.own_individual_count }} cá nhân, cụ thể:",
    )
    _count_table(
        document,
        (
            ("TT", 1.2, "{{ a.number }}"),
            ("Danh hiệu thi đua, hình thức khen thưởng", 9.3, "{{ a.title }}"),
            ("Tập thể", 3, "{{ a.collectives }}"),
            ("Cá nhân", 3, "{{ a.individuals }}"),
        ),
        "report.own_awards",
        "a",
    )
    _body(
        document,
        "b) Đề nghị cấp trên khen thưởng: đề nghị cấp tỉnh "
        "{{ report.province_proposed_count }} trường hợp, được khen thưởng "
        "{{ report.province_granted_count }} trường hợp; đề nghị cấp Nhà nước "
        "{{ report.state_proposed_count }} trường hợp, được khen thưởng "
        "{{ report.state_granted_count }} trường hợp, cụ thể:",
        space_before=6,
    )
    _count_table(
        document,
        (
            ("TT", 1.1, "{{ h.number }}"),
            ("Danh hiệu thi đua, hình thức khen thưởng", 5.0, "{{ h.title }}"),
            ("Cấp", 2.2, "{{ h.level }}"),
            ("Đề nghị: tập thể", 2.05, "{{ h.proposed_collectives }}"),
            ("Đề nghị: cá nhân", 2.05, "{{ h.proposed_individuals }}"),
            ("Được khen: tập thể", 2.05, "{{ h.granted_collectives }}"),
            ("Được khen: cá nhân", 2.05, "{{ h.granted_individuals }}"),
        ),
        "report.higher_awards",
        "h",
    )
    _body(
        document,
        "c) Theo loại hình khen thưởng: "
        "{% for k in report.award_kinds %}{{ k.kind|lower }}: {{ k.count }}"
        "{% if not loop.last %}; {% endif %}{% else %}không có{% endfor %}.",
        space_before=6,
    )
    _body(
        document,
        "4. Sáng kiến được công nhận: {{ report.initiative_count }} sáng kiến"
        "{% if report.initiatives %} ({% for i in report.initiatives %}{{ i.scope|lower }}: "
        "{{ i.count }}{% if not loop.last %}; {% endif %}{% endfor %}){% endif %}.",
        space_before=6,
    )
    _body(
        document,
        "5. Quyết định khen thưởng đã ban hành: {{ report.decision_count }} quyết định"
        "{% if report.decisions %}, gồm:{% else %}.{% endif %}",
    )
    _tag(document, "for d in report.decisions")
    _body(document, "- {{ d.text }};", space_after=0)
    _tag(document, "endfor")

    _body(document, "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", bold=True, space_before=6)
    _body(document, "1. Tồn tại, hạn chế", bold=True)
    _placeholder_text(document, "(Văn phòng nêu những tồn tại, hạn chế trong kỳ.)")
    _body(document, "2. Nguyên nhân", bold=True)
    _placeholder_text(document, "(Văn phòng nêu nguyên nhân khách quan và chủ quan.)")
    _body(
        document,
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ {{ report.next_period|upper }}",
        bold=True,
    )
    _placeholder_text(
        document,
        "(Văn phòng nêu phương hướng, nhiệm vụ và giải pháp trọng tâm; các đề xuất, "
        "kiến nghị nếu có.)",
    )
    _body(
        document,
        "Trên đây là báo cáo {{ report.kind_word|lower }} công tác thi đua, "
        "khen thưởng {{ report.period_label }} của {{ org.issuing_body }}./.",
    )
    _recipients_and_signature(document)
    return _save(document)


BUILDERS = {
    "plan": build_plan_template,
    "decision": build_decision_template,
    "registration": build_registration_template,
    "proposal": build_proposal_template,
    "achievement": build_achievement_template,
    "council_minutes": build_council_minutes_template,
    "ballot_count": build_ballot_count_template,
    "dossier_list": build_dossier_list_template,
    "report_half_year": build_report_template,
    "report_year": build_report_template,
}


def build_template(kind):
    """The .docx bytes of the template the addon ships for ``kind``."""
    return BUILDERS[kind]()
