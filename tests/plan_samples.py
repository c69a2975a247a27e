"""Word files of plans built from the text of the seed plan 03/KH-SNV (the addon's test
data), in the shapes offices give them, for tests/test_plan_docx.py and bench/."""

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK

SEED = (
    Path(__file__).resolve().parent.parent
    / "tdkt_emulation"
    / "tests"
    / "data"
    / "ke-hoach-03-KH-SNV-2020.txt"
)
QUARTER_NAMES = {"QUÝ I": "1", "QUÝ II": "2", "QUÝ III": "3", "QUÝ IV": "4"}


@dataclass
class SeedTask:
    number: int
    quarter: str
    content: list  # lines
    units: list  # lines
    starts_page: bool = False


@dataclass
class Seed:
    head: list = field(default_factory=list)  # paragraphs before the table
    tasks: list = field(default_factory=list)
    tail: list = field(default_factory=list)  # paragraphs after it


def _bullets(text):
    """The lines of a cell of the seed: "<ul …> - a - b" is a list of two lines."""
    if "<ul" not in text:
        if text.startswith("- "):
            return [
                f"- {item.strip()}"
                for item in re.split(r"\s+-\s+", text[2:])
                if item.strip()
            ]
        return [text.strip()]
    items = re.sub(r"<ul[^>]*>", "", text).strip()
    return [
        f"- {item.strip()}"
        for item in re.split(r"(?<=\.)\s+-\s+", items.lstrip("- "))
        if item.strip()
    ]


def load_seed():
    seed, quarter, part, split = Seed(), None, "head", False
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if line.startswith("TT\t"):
            split = part == "table"
            part = "table"
            continue
        if part == "table":
            if line.startswith("III. "):
                part = "tail"
            elif not line.strip():
                continue
            else:
                cells = line.split("\t")
                if cells[0].strip() in QUARTER_NAMES:
                    quarter = QUARTER_NAMES[cells[0].strip()]
                    continue
                seed.tasks.append(
                    SeedTask(
                        int(cells[0]),
                        quarter,
                        _bullets(cells[1]),
                        _bullets(cells[2]),
                        split,
                    )
                )
                split = False
                continue
        if line.strip():
            (seed.head if part == "head" else seed.tail).append(line.strip())
    return seed


def add_rich(paragraph, text):
    """Add ``text`` to ``paragraph`` with the seed's **bold** and *italic* marks as runs."""
    for piece in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*)", text):
        if piece.startswith("**"):
            paragraph.add_run(piece[2:-2]).bold = True
        elif piece.startswith("*"):
            paragraph.add_run(piece[1:-1]).italic = True
        elif piece:
            paragraph.add_run(piece)
    return paragraph


def _cell_lines(cell, lines, bullet_style=False):
    cell.paragraphs[0].text = ""
    first = True
    for line in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if bullet_style:
            paragraph.style = "List Bullet"
            line = line.removeprefix("- ")
        add_rich(paragraph, line)


def _header(table, texts):
    row = (
        table.rows[0]
        if len(table.rows) == 1 and not table.rows[0].cells[0].text
        else table.add_row()
    )
    for cell, text in zip(row.cells, texts, strict=False):
        cell.text = text
    return row


def _quarter_row(table, label):
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[-1])
    merged.text = label


def _task_row(table, task, with_units=True):
    row = table.add_row()
    row.cells[0].text = str(task.number)
    _cell_lines(row.cells[1], task.content)
    if with_units:
        _cell_lines(row.cells[2], task.units)
    return row


def _head(document, seed):
    for line in seed.head:
        paragraph = document.add_paragraph()
        add_rich(paragraph, line)
        if (
            line in ("KẾ HOẠCH",)
            or re.match(r"^(I|II)\. ", line)
            or re.match(r"^\d\. (Mục đích|Yêu cầu)$", line)
        ):
            for run in paragraph.runs:
                run.bold = True


def _tail(document, seed):
    for line in seed.tail:
        add_rich(document.add_paragraph(), line)


QUARTER_LABELS = {"1": "QUÝ I", "2": "QUÝ II", "3": "QUÝ III", "4": "QUÝ IV"}


def _save(document):
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def seed_table(seed=None, split_pages=True):
    """One table with the quarters in merged rows, split over two pages as the seed is:
    its second part repeats the header."""
    seed = seed or load_seed()
    document = docx.Document()
    _head(document, seed)
    table = document.add_table(rows=1, cols=3)
    _header(table, ("TT", "NỘI DUNG", "ĐƠN VỊ THỰC HIỆN"))
    quarter = None
    for task in seed.tasks:
        if task.starts_page and split_pages:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            table = document.add_table(rows=1, cols=3)
            _header(table, ("TT", "NỘI DUNG", "ĐƠN VỊ THỰC HIỆN"))
        if task.quarter != quarter:
            quarter = task.quarter
            _quarter_row(table, QUARTER_LABELS[quarter])
        _task_row(table, task)
    _tail(document, seed)
    return _save(document)


def table_per_quarter(seed=None):
    """One table per quarter, each under a paragraph "QUÝ …", the units as Word bullets."""
    seed = seed or load_seed()
    document = docx.Document()
    _head(document, seed)
    for quarter in "1234":
        document.add_paragraph().add_run(QUARTER_LABELS[quarter].title()).bold = True
        table = document.add_table(rows=1, cols=3)
        _header(table, ("STT", "Nội dung công việc", "Đơn vị thực hiện"))
        for task in seed.tasks:
            if task.quarter == quarter:
                row = _task_row(table, task, with_units=False)
                _cell_lines(row.cells[2], task.units, bullet_style=True)
    _tail(document, seed)
    return _save(document)


def bullets_in_one_cell(seed=None):
    """One row per quarter: the quarter in the first column, its tasks as a bullet list in
    the second (one paragraph each), the units of the quarter in the third."""
    seed = seed or load_seed()
    document = docx.Document()
    _head(document, seed)
    table = document.add_table(rows=1, cols=3)
    _header(table, ("Thời gian", "Nội dung", "Đơn vị thực hiện"))
    for quarter in "1234":
        tasks = [task for task in seed.tasks if task.quarter == quarter]
        row = table.add_row()
        row.cells[0].text = QUARTER_LABELS[quarter]
        _cell_lines(
            row.cells[1], [f"- {' '.join(t.content).removeprefix('- ')}" for t in tasks]
        )
        _cell_lines(row.cells[2], ["- Văn phòng Sở chủ trì.", "- Hội đồng TĐKT Sở."])
    _tail(document, seed)
    return _save(document)


def units_in_content(seed=None):
    """Two columns TT / NỘI DUNG: the units on the last line of the content."""
    seed = seed or load_seed()
    document = docx.Document()
    _head(document, seed)
    table = document.add_table(rows=1, cols=2)
    _header(table, ("TT", "NỘI DUNG"))
    quarter = None
    for task in seed.tasks:
        if task.quarter != quarter:
            quarter = task.quarter
            _quarter_row(table, QUARTER_LABELS[quarter])
        row = table.add_row()
        row.cells[0].text = str(task.number)
        units = "; ".join(line.removeprefix("- ").rstrip(".") for line in task.units)
        _cell_lines(row.cells[1], [*task.content, f"Đơn vị thực hiện: {units}."])
    _tail(document, seed)
    return _save(document)


def lead_and_partner_columns(seed=None):
    """Columns TT / Nội dung / Đơn vị chủ trì / Đơn vị phối hợp / Thời gian hoàn thành; the
    lead's cell merged down over the tasks of a quarter."""
    seed = seed or load_seed()
    document = docx.Document()
    _head(document, seed)
    table = document.add_table(rows=1, cols=5)
    _header(
        table,
        ("TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"),
    )
    quarter, first_row = None, None
    for task in seed.tasks:
        if task.quarter != quarter:
            quarter = task.quarter
            _quarter_row(table, QUARTER_LABELS[quarter])
            first_row = None
        row = table.add_row()
        row.cells[0].text = str(task.number)
        _cell_lines(row.cells[1], task.content)
        if first_row is None:
            first_row = row
            row.cells[2].text = "VP Sở"
        else:
            first_row.cells[2].merge(row.cells[2])
        row.cells[3].text = "Các đơn vị thuộc, trực thuộc Sở"
        row.cells[4].text = (
            f"Tháng {int(quarter) * 3 - 1}/2020" if task.number % 2 else ""
        )
    _tail(document, seed)
    return _save(document)


OTHER_PROVINCE = [
    ("p", "UBND TỈNH NGHỆ AN"),
    ("p", "SỞ TƯ PHÁP"),
    ("p", "Số: 12/KH-STP"),
    ("p", "Nghệ An, ngày 28 tháng 12 năm 2022"),
    ("p", "KẾ HOẠCH"),
    ("p", "Phát động phong trào thi đua và công tác khen thưởng năm 2023"),
    ("p", "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022;"),
    ("p", "Căn cứ Nghị định số 98/2023/NĐ-CP của Chính phủ;"),
    ("p", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("p", "1. Mục đích: Động viên công chức hoàn thành nhiệm vụ năm 2023."),
    ("p", "2. Yêu cầu: Thiết thực, hiệu quả, tránh hình thức."),
    ("p", "II. NỘI DUNG THI ĐUA VÀ TIẾN ĐỘ"),
    ("table", None),
    ("p", "III. GIẢI PHÁP THỰC HIỆN"),
    ("p", "Đẩy mạnh tuyên truyền về thi đua."),
    ("p", "IV. TỔ CHỨC THỰC HIỆN"),
    ("p", "Các phòng đăng ký danh hiệu thi đua trước ngày 15/01/2023 về Văn phòng Sở."),
    ("p", "KT. GIÁM ĐỐC"),
    ("p", "PHÓ GIÁM ĐỐC"),
    ("p", "(Đã ký)"),
    ("p", "Trần Thị Bình"),
]
OTHER_PROVINCE_TASKS = [
    ("Quý 1", None),
    ("1", ("Phát động thi đua năm 2023.", "VP Sở (chủ trì); P. Hành chính tư pháp")),
    (
        "2",
        (
            "Ký giao ước thi đua trước 20/02/2023.",
            "Phòng hành chính - tư pháp; TT Trợ giúp pháp lý",
        ),
    ),
    ("Quý 2", None),
    ("3", ("Sơ kết 6 tháng.", "Văn Phòng")),
    ("Quý 4", None),
    ("4", ("Tổng kết năm 2023.", "Phòng Bổ trợ tư pháp chủ trì, Văn phòng sở")),
]


def other_province():
    document = docx.Document()
    for kind, text in OTHER_PROVINCE:
        if kind == "p":
            document.add_paragraph(text)
            continue
        table = document.add_table(rows=1, cols=3)
        _header(table, ("STT", "NHIỆM VỤ", "CƠ QUAN THỰC HIỆN"))
        for number, task in OTHER_PROVINCE_TASKS:
            if task is None:
                _quarter_row(table, number)
                continue
            row = table.add_row()
            row.cells[0].text = f"{number}."
            row.cells[1].text, row.cells[2].text = task
    return _save(document)


def big_plan(count=200):
    """A plan of ``count`` tasks, the seed's tasks repeated over the four quarters."""
    seed = load_seed()
    tasks = []
    for index in range(count):
        model = seed.tasks[index % len(seed.tasks)]
        tasks.append(
            SeedTask(index + 1, str(index * 4 // count + 1), model.content, model.units)
        )
    seed.tasks = tasks
    return seed_table(seed, split_pages=False)
