"""Reading a plan back from its Word file (lib/plan_docx.py): the seed plan 03/KH-SNV in
the shapes offices give it, a plan of another province, the units' names, bad files."""

import io
import zipfile
from datetime import date

import docx
import plan_samples
import pytest

from tdkt_emulation.lib.plan_docx import (
    ABBREVIATIONS,
    MAX_UNPACKED_SIZE,
    PlanParseError,
    UnitMatcher,
    fold,
    is_all_units,
    parse_plan,
    quarter_of_label,
    read_units_data,
    split_units,
    unit_key,
)

SEED = plan_samples.load_seed()
SEED_SHAPES = {
    "one table with quarter rows, split over two pages": plan_samples.seed_table,
    "one table per quarter": plan_samples.table_per_quarter,
    "units at the end of the content": plan_samples.units_in_content,
    "lead and partner columns, merged cells, deadline column": (
        plan_samples.lead_and_partner_columns
    ),
    "tasks as a bullet list in one cell per quarter": plan_samples.bullets_in_one_cell,
}
QUARTER_ENDS = {
    "1": date(2020, 3, 31),
    "2": date(2020, 6, 30),
    "3": date(2020, 9, 30),
    "4": date(2020, 12, 31),
}


def _bare(line):
    return line.removeprefix("- ").strip()


@pytest.fixture(scope="module", params=list(SEED_SHAPES), ids=list(SEED_SHAPES))
def shaped(request):
    return request.param, parse_plan(SEED_SHAPES[request.param]())


def test_header_of_every_shape(shaped):
    _shape, plan = shaped
    assert plan.number == "03/KH-SNV"
    assert plan.date_issue == date(2020, 1, 3)
    assert plan.place_issue == "Lạng Sơn"
    assert plan.title == "Kế hoạch công tác thi đua, khen thưởng năm 2020"
    assert plan.summary == "Công tác thi đua, khen thưởng năm 2020"
    assert plan.year == 2020
    assert plan.registration_deadline == date(2020, 1, 30)
    assert plan.signer_position == "Giám đốc"
    assert plan.signer_name == "Nguyễn Quốc Khánh"
    assert plan.missing == []


def test_sections_of_every_shape(shaped):
    _shape, plan = shaped
    assert len(plan.legal_bases) == 2
    assert plan.legal_bases[1].startswith("Căn cứ Kế hoạch số 187/KH-UBND")
    assert len(plan.purposes) == 4
    assert plan.purposes[0].startswith("Đẩy mạnh các phong trào thi đua")
    assert len(plan.requirements) == 1
    assert plan.requirements[0].startswith("Triển khai phong trào thi đua")
    assert len(plan.solutions) == 8  # 7 points, the 3rd split over two paragraphs
    assert (
        "<i>Học tập và làm theo tấm gương đạo đức Hồ Chí Minh</i>" in plan.solutions[0]
    )
    assert plan.organisation[0] == "1. Các phòng, tổ chức trực thuộc sở"
    assert "<b>trước 30/01/2020</b>" in plan.organisation[2]
    assert plan.organisation[-1].startswith("Trong quá trình tổ chức thực hiện")
    assert plan.recipients[0] == "- Hội đồng TĐKT tỉnh;"
    assert plan.recipients[-1] == "- Lưu: VT, VP."
    assert len(plan.recipients) == 10


def test_tasks_of_every_shape(shaped):
    shape, plan = shaped
    assert len(plan.tasks) == 17
    for seed_task, task in zip(SEED.tasks, plan.tasks, strict=True):
        assert task.quarter == seed_task.quarter, (shape, seed_task.number)
        if shape.startswith("tasks as a bullet list"):
            assert task.number is None
            assert task.content == " ".join(seed_task.content).removeprefix("- ")
            assert [(u.name, u.is_lead) for u in task.units] == [
                ("Văn phòng Sở", True),
                ("Hội đồng TĐKT Sở", False),
            ]
            continue
        assert task.number == seed_task.number
        assert task.content.splitlines() == seed_task.content
        if shape.startswith("lead and partner"):
            assert [(u.name, u.is_lead) for u in task.units] == [
                ("VP Sở", True),
                ("Các đơn vị thuộc, trực thuộc Sở", False),
            ]
            month = int(seed_task.quarter) * 3 - 1
            expected = (
                date(2020, month + 1, 1).replace(day=1) - date.resolution
                if seed_task.number % 2
                else QUARTER_ENDS[seed_task.quarter]
            )
            assert task.deadline == expected, seed_task.number
            continue
        names = [_bare(line).rstrip(".") for line in seed_task.units]
        assert [u.name for u in task.units] == [
            name.replace(" chủ trì", "") for name in names
        ]
        assert task.lead.name == names[0].replace(" chủ trì", "")
        assert [u.is_lead for u in task.units][0] == ("chủ trì" in names[0])
        assert task.deadline == QUARTER_ENDS[seed_task.quarter]


def test_units_as_printed_are_kept():
    plan = parse_plan(plan_samples.seed_table())
    assert plan.tasks[0].units_lines == [
        "- Hội đồng TĐKT Sở.",
        "- Văn phòng Sở.",
        "- Các đơn vị thuộc, trực thuộc Sở.",
    ]


def test_plan_of_another_province_and_year():
    plan = parse_plan(plan_samples.other_province())
    assert plan.number == "12/KH-STP"
    assert (plan.place_issue, plan.date_issue) == ("Nghệ An", date(2022, 12, 28))
    assert plan.title == (
        "Kế hoạch phát động phong trào thi đua và công tác khen thưởng năm 2023"
    )
    assert plan.year == 2023
    assert plan.registration_deadline == date(2023, 1, 15)
    assert (plan.signer_position, plan.signer_name) == ("Phó giám đốc", "Trần Thị Bình")
    assert plan.purposes == ["Động viên công chức hoàn thành nhiệm vụ năm 2023."]
    assert plan.requirements == ["Thiết thực, hiệu quả, tránh hình thức."]
    assert plan.solutions == ["Đẩy mạnh tuyên truyền về thi đua."]
    assert plan.organisation == [
        "Các phòng đăng ký danh hiệu thi đua trước ngày 15/01/2023 về Văn phòng Sở."
    ]
    assert plan.recipients == []
    assert plan.missing == []
    rows = [
        (t.number, t.quarter, t.deadline, [(u.name, u.is_lead) for u in t.units])
        for t in plan.tasks
    ]
    assert rows == [
        (
            1,
            "1",
            date(2023, 3, 31),
            [("VP Sở", True), ("P. Hành chính tư pháp", False)],
        ),
        (
            2,
            "1",
            date(2023, 2, 20),  # "trước 20/02/2023" in the content
            [("Phòng hành chính - tư pháp", False), ("TT Trợ giúp pháp lý", False)],
        ),
        (3, "2", date(2023, 6, 30), [("Văn Phòng", False)]),
        (
            4,
            "4",
            date(2023, 12, 31),
            [("Phòng Bổ trợ tư pháp", True), ("Văn phòng sở", False)],
        ),
    ]


def test_missing_parts_are_listed():
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Thi đua năm 2021")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(
        table.rows[0].cells, ("TT", "NỘI DUNG", "ĐƠN VỊ"), strict=True
    ):
        cell.text = text
    table.rows[1].cells[0].text = "1"
    table.rows[1].cells[1].text = "Một việc trước 15/5."
    output = io.BytesIO()
    document.save(output)
    plan = parse_plan(output.getvalue())
    assert plan.title == "Kế hoạch thi đua năm 2021"
    assert plan.year == 2021
    assert set(plan.missing) == {
        "number",
        "date_issue",
        "place_issue",
        "legal_basis",
        "purpose",
        "requirement",
        "solution",
        "implementation",
        "registration_deadline",
        "signer",
    }
    (task,) = plan.tasks
    # no quarter heading: the quarter of the deadline the text gives, in the plan's year
    assert (task.quarter, task.deadline, task.units) == ("2", date(2021, 5, 15), [])


# ------------------------------------------------------------
# Units
# ------------------------------------------------------------

DEPARTMENTS = [
    (1, "Văn phòng Sở"),
    (2, "Hội đồng Thi đua - Khen thưởng Sở"),
    (3, "Phòng Cải cách hành chính"),
    (4, "Thanh tra Sở"),
    (5, "Trung tâm Lưu trữ lịch sử"),
    (6, "Phòng Tổ chức cán bộ"),
    (7, "Phòng Tổ chức - Biên chế"),
]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Văn phòng Sở", 1),
        ("VĂN PHÒNG SỞ.", 1),
        ("van phong so", 1),
        ("VP Sở", 1),
        ("VP", 1),
        ("Văn phòng", 1),
        ("  Văn   phòng  sở ", 1),
        ("Hội đồng TĐKT Sở", 2),
        ("HĐTĐKT", 2),
        ("Hội đồng Thi đua – Khen thưởng", 2),
        ("P. Cải cách hành chính", 3),
        ("Phòng CCHC", 3),
        ("Thanh tra", 4),
        ("TT Lưu trữ lịch sử", 5),
        ("Các đơn vị thuộc, trực thuộc Sở", UnitMatcher.ALL),
        ("Các đơn vị thuộc và trực thuộc sở", UnitMatcher.ALL),
        ("Các phòng, tổ chức trực thuộc Sở", UnitMatcher.ALL),
        ("Các đơn vị thành viên", None),
        ("Đại biểu được bầu dự", None),
        ("Phòng Tổ chức", None),  # two departments begin so: none is guessed
        ("", None),
    ],
)
def test_unit_matching(written, expected):
    assert UnitMatcher(DEPARTMENTS).match(written) == expected


def test_unit_resolve_splits_lists_of_names():
    matcher = UnitMatcher(DEPARTMENTS)
    assert matcher.resolve("Văn phòng Sở, Thanh tra Sở và Phòng CCHC") == [
        ("Văn phòng Sở", 1),
        ("Thanh tra Sở", 4),
        ("Phòng CCHC", 3),
    ]
    assert matcher.resolve("Văn phòng Sở - Đại biểu") == [
        ("Văn phòng Sở", 1),
        ("Đại biểu", None),
    ]
    # a dash inside a department's name does not split it
    assert matcher.resolve("Hội đồng Thi đua - Khen thưởng Sở") == [
        ("Hội đồng Thi đua - Khen thưởng Sở", 2)
    ]
    assert matcher.resolve("Ban Tuyên giáo") == [("Ban Tuyên giáo", None)]


def test_abbreviations_are_data():
    assert unit_key("VP Sở") == "van phong so"
    ABBREVIATIONS["btg"] = "ban tuyen giao"
    try:
        assert UnitMatcher([(9, "Ban Tuyên giáo")]).match("BTG") == 9
    finally:
        del ABBREVIATIONS["btg"]


def test_fold_keeps_positions():
    text = "Đơn vị chủ trì: Văn phòng Sở"
    assert fold(text) == "Don vi chu tri: Van phong So"
    assert len(fold(text)) == len(text)
    assert is_all_units("CÁC ĐƠN VỊ THUỘC, TRỰC THUỘC SỞ")


@pytest.mark.parametrize(
    ("label", "quarter"),
    [
        ("QUÝ I", "1"),
        ("Quý II", "2"),
        ("QUY III:", "3"),
        ("Quý 4", "4"),
        ("Quý IV (tháng 10-12)", "4"),
        ("Quyết định", None),
    ],
)
def test_quarter_labels(label, quarter):
    assert quarter_of_label(label) == quarter


def test_split_units_lead_marks():
    refs = split_units(
        [
            "- Văn phòng Sở chủ trì.",
            "- Lãnh đạo Sở. - Đại biểu được bầu dự.",
            "Chủ trì: Thanh tra; phối hợp: Phòng CCHC",
        ]
    )
    assert [(r.name, r.is_lead) for r in refs] == [
        ("Văn phòng Sở", True),
        ("Lãnh đạo Sở", False),
        ("Đại biểu được bầu dự", False),
        ("Thanh tra", True),
        ("Phòng CCHC", False),
    ]


# ------------------------------------------------------------
# Bad files
# ------------------------------------------------------------


def _zip(**files):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in files.items():
            archive.writestr(name.replace("__", "/"), content)
    return output.getvalue()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"PK\x03\x04 truncated",
        plan_samples.seed_table()[:3000],
        _zip(word__document__xml="<not xml"),
    ],
    ids=["empty", "bad zip", "truncated docx", "broken xml"],
)
def test_corrupt_files(content):
    with pytest.raises(PlanParseError) as error:
        parse_plan(content, "plan.docx")
    assert error.value.code == "corrupt"


def test_other_kinds_of_file():
    with pytest.raises(PlanParseError) as error:
        parse_plan(b"\x89PNG\r\n\x1a\n....", "photo.png")
    assert error.value.code == "unsupported"
    with pytest.raises(PlanParseError) as error:
        parse_plan(_zip(xl__workbook__xml="<x/>"), "book.xlsx")
    assert error.value.code == "corrupt"


def test_an_archive_that_unpacks_too_large_is_not_read():
    """A small file of highly compressed zeros (a "zip bomb") is refused before any part
    of it is unpacked."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/zeros.bin", b"\0" * (MAX_UNPACKED_SIZE + 1))
    content = output.getvalue()
    assert len(content) < 1024 * 1024
    with pytest.raises(PlanParseError) as error:
        parse_plan(content, "plan.docx")
    assert error.value.code == "too_large"


def test_a_document_that_is_no_plan():
    document = docx.Document()
    document.add_paragraph("Kính gửi: Văn phòng Sở")
    document.add_paragraph("Đề nghị cung cấp số liệu.")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "Họ tên"
    output = io.BytesIO()
    document.save(output)
    with pytest.raises(PlanParseError) as error:
        parse_plan(output.getvalue(), "letter.docx")
    assert error.value.code == "not_a_plan"


def test_two_hundred_tasks():
    plan = parse_plan(plan_samples.big_plan(200))
    assert len(plan.tasks) == 200
    assert [t.number for t in plan.tasks] == list(range(1, 201))
    assert {t.quarter for t in plan.tasks} == {"1", "2", "3", "4"}


def test_variants_of_layout():
    """The frame in a table, "KẾ HOẠCH" and its summary in one paragraph, headings in
    capitals without numbers, a title row and a row of column numbers above the tasks,
    quarters "Quý I năm 2021" and half-years, "chậm nhất ngày … tháng … năm …"."""
    document = docx.Document()
    frame = document.add_table(rows=1, cols=2)
    frame.rows[0].cells[0].text = "UBND TỈNH CAO BẰNG\nSỞ Y TẾ\nSố: 5/KH-SYT"
    frame.rows[0].cells[
        1
    ].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCao Bằng, ngày 4 tháng 1 năm 2021"
    heading = document.add_paragraph()
    heading.add_run("KẾ HOẠCH").add_break()
    heading.add_run("Thi đua, khen thưởng năm 2021")
    document.add_paragraph("Căn cứ Luật Thi đua, khen thưởng;")
    document.add_paragraph(
        "Sở Y tế ban hành Kế hoạch thi đua, khen thưởng năm 2021 như sau:"
    )
    document.add_paragraph("MỤC ĐÍCH, YÊU CẦU")
    document.add_paragraph("Mục đích:")
    document.add_paragraph("Động viên.")
    document.add_paragraph("Yêu cầu: Thiết thực.")
    document.add_paragraph("NỘI DUNG VÀ TIẾN ĐỘ")
    table = document.add_table(rows=0, cols=3)
    for texts in (
        ("BẢNG NHIỆM VỤ", "BẢNG NHIỆM VỤ", "BẢNG NHIỆM VỤ"),
        ("STT", "Nội dung", "Đơn vị thực hiện"),
        ("(1)", "(2)", "(3)"),
        ("Quý I năm 2021", "", ""),
        ("1", "Phát động.", "Văn phòng Sở"),
        ("6 tháng cuối năm", "", ""),
        ("2", "Tổng kết.", "Văn phòng Sở"),
    ):
        row = table.add_row()
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
        if texts[1] in ("", "BẢNG NHIỆM VỤ"):
            row.cells[0].merge(row.cells[2])
    document.add_paragraph("TỔ CHỨC THỰC HIỆN")
    document.add_paragraph(
        "Các khoa đăng ký thi đua chậm nhất ngày 25 tháng 01 năm 2021."
    )
    output = io.BytesIO()
    document.save(output)
    plan = parse_plan(output.getvalue())
    assert (plan.number, plan.place_issue, plan.date_issue) == (
        "5/KH-SYT",
        "Cao Bằng",
        date(2021, 1, 4),
    )
    assert plan.summary == "Thi đua, khen thưởng năm 2021"
    assert plan.title == "Kế hoạch thi đua, khen thưởng năm 2021"
    assert plan.legal_bases == ["Căn cứ Luật Thi đua, khen thưởng;"]
    assert plan.purposes == ["Động viên."]
    assert plan.requirements == ["Thiết thực."]
    assert plan.registration_deadline == date(2021, 1, 25)
    assert [(t.number, t.quarter, t.content) for t in plan.tasks] == [
        (1, "1", "Phát động."),
        (2, "4", "Tổng kết."),
    ]


def _plan_with_table(rows, merges=()):
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Thi đua năm 2024")
    document.add_paragraph("II. NỘI DUNG")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    for (row_a, col_a), (row_b, col_b) in merges:
        table.cell(row_a, col_a).merge(table.cell(row_b, col_b))
    output = io.BytesIO()
    document.save(output)
    return parse_plan(output.getvalue())


def test_content_and_units_without_numbers():
    plan = _plan_with_table(
        [
            ["Nội dung", "Đơn vị thực hiện"],
            ["QUÝ II", ""],
            ["Sơ kết 6 tháng.", "VP Sở chủ trì; Thanh tra Sở"],
            ["Tập huấn nghiệp vụ.", "Văn phòng Sở"],
        ],
        merges=[((1, 0), (1, 1))],
    )
    assert [
        (t.number, t.quarter, t.content, [(u.name, u.is_lead) for u in t.units])
        for t in plan.tasks
    ] == [
        (None, "2", "Sơ kết 6 tháng.", [("VP Sở", True), ("Thanh tra Sở", False)]),
        (None, "2", "Tập huấn nghiệp vụ.", [("Văn phòng Sở", False)]),
    ]


def test_quarter_column_merged_down():
    plan = _plan_with_table(
        [
            ["Thời gian", "TT", "Nội dung", "Đơn vị"],
            ["Quý I", "1", "Phát động.", "Văn phòng Sở"],
            ["", "2", "Ký giao ước.", "Văn phòng Sở"],
            ["Quý III", "3", "Kiểm tra.", "Thanh tra Sở"],
        ],
        merges=[((1, 0), (2, 0))],
    )
    assert [(t.number, t.quarter, t.deadline) for t in plan.tasks] == [
        (1, "1", date(2024, 3, 31)),
        (2, "1", date(2024, 3, 31)),
        (3, "3", date(2024, 9, 30)),
    ]


def test_header_words():
    plan = _plan_with_table(
        [
            [
                "Số TT",
                "Tên nhiệm vụ",
                "Cơ quan chủ trì",
                "Thời hạn hoàn thành nhiệm vụ",
            ],
            ["1", "Phát động.", "Văn phòng Sở", "Tháng 4"],
        ]
    )
    ((task),) = plan.tasks
    assert (task.number, task.content, task.units[0].is_lead, task.deadline) == (
        1,
        "Phát động.",
        True,
        date(2024, 4, 30),
    )


def test_a_task_that_reads_like_a_header():
    plan = _plan_with_table(
        [
            ["TT", "NỘI DUNG", "ĐƠN VỊ THỰC HIỆN"],
            ["1", "Phát động.", "Văn phòng Sở"],
            ["", "Triển khai nhiệm vụ", "Các đơn vị thuộc Sở"],
        ]
    )
    assert [t.content for t in plan.tasks] == ["Phát động.", "Triển khai nhiệm vụ"]


@pytest.mark.parametrize(
    "text",
    [
        "garbage",
        "{}",
        "[[1, true, 3]]",
        '[["x"]]',
        "[[[1], true]]",
        "[[1.5, true]]",
        "[[0, true]]",
        '[[" ", false]]',
        "[[true, true]]",
        '[[1, "yes"]]',
    ],
)
def test_units_data_that_the_import_does_not_write(text):
    assert read_units_data(text) is None


def test_units_data_of_the_import():
    assert read_units_data(None) == []
    assert read_units_data('[[3, true], ["all", false], ["Ban X", false]]') == [
        [3, True],
        ["all", False],
        ["Ban X", False],
    ]
