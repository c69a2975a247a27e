"""The figures of the 6-month and year-end reports (báo cáo sơ kết / tổng kết): the
period, the counts by method, quarter, level and scope, and how numbers are worded."""

import io
from datetime import date

import docx
import pytest

from tdkt_emulation.lib.docx_render import render_docx
from tdkt_emulation.lib.docx_templates import ALLOWED_NAMES, build_template
from tdkt_emulation.lib.year_report import (
    award_figures,
    decision_figures,
    in_period,
    initiative_figures,
    movement_figures,
    number_text,
    period_wording,
    report_values,
    reporting_period,
    share_text,
    task_figures,
)

HALF = reporting_period(2030, "half_year")
YEAR = reporting_period(2030, "year")


@pytest.mark.parametrize(
    ("period", "first", "last"),
    [
        ("half_year", date(2029, 12, 1), date(2030, 5, 31)),
        ("year", date(2029, 12, 1), date(2030, 11, 30)),
    ],
)
def test_reporting_period(period, first, last):
    assert reporting_period(2030, period) == (first, last)


def test_unknown_period_is_refused():
    with pytest.raises(ValueError):
        reporting_period(2030, "quarter")


@pytest.mark.parametrize(
    ("day", "undated_year", "expected"),
    [
        (date(2029, 11, 30), None, False),
        (date(2029, 12, 1), None, True),
        (date(2030, 5, 31), None, True),
        (date(2030, 6, 1), None, False),
        (None, 2030, True),
        (None, 2029, False),
        (None, None, False),
    ],
)
def test_in_period_half_year(day, undated_year, expected):
    assert in_period(day, HALF, 2030, undated_year) is expected


@pytest.mark.parametrize(
    ("number", "text"),
    [(0, "0"), (None, "0"), (1, "01"), (9, "09"), (10, "10"), (1250, "1.250")],
)
def test_number_text(number, text):
    assert number_text(number) == text


@pytest.mark.parametrize(
    ("part", "whole", "text"),
    [(0, 0, "0%"), (2, 3, "66,67%"), (3, 4, "75%"), (4, 4, "100%")],
)
def test_share_text(part, whole, text):
    assert share_text(part, whole) == text


def test_period_wording():
    assert period_wording(2030, "half_year") == {
        "kind_word": "Sơ kết",
        "period_label": "6 tháng đầu năm 2030",
        "period_text": "từ ngày 01/12/2029 đến ngày 31/05/2030",
        "next_period": "6 tháng cuối năm 2030",
    }
    assert period_wording(2030, "year")["next_period"] == "năm 2031"
    assert period_wording(2030, "year")["period_label"] == "năm 2030"


MOVEMENTS = [
    {
        "name": "Phong trào thi đua năm 2030",
        "method": "regular",
        "decision_number": "5/QĐ-SNV",
        "decision_date": date(2030, 1, 10),
    },
    {
        "name": "Thi đua cải cách hành chính",
        "method": "thematic",
        "decision_number": "40/QĐ-SNV",
        "decision_date": date(2030, 7, 1),
    },
    # launched before the reporting year: not counted
    {"name": "Phong trào 2029", "method": "regular", "date_start": date(2029, 2, 1)},
    # no decision: its start dates it
    {
        "name": "Chào mừng Đại hội",
        "method": "thematic",
        "date_start": date(2029, 12, 5),
    },
]


def test_movements_launched_in_the_period_by_method():
    half = movement_figures(MOVEMENTS, HALF)
    assert (half["count"], half["regular"], half["thematic"]) == (2, 1, 1)
    assert [item["name"] for item in half["items"]] == [
        "Chào mừng Đại hội",
        "Phong trào thi đua năm 2030",
    ]
    assert half["items"][1] == {
        "number": 2,
        "name": "Phong trào thi đua năm 2030",
        "method": "Thi đua thường xuyên hàng năm",
        "decision": "Quyết định số 5/QĐ-SNV ngày 10/01/2030",
    }
    assert half["items"][0]["decision"] == ""
    year = movement_figures(MOVEMENTS, YEAR)
    assert (year["count"], year["regular"], year["thematic"]) == (3, 1, 2)


TASKS = [
    {"quarter": "1", "state": "done", "date_done": date(2030, 3, 1)},
    {"quarter": "1", "state": "done", "date_done": date(2030, 6, 15)},
    {"quarter": "1", "state": "in_progress"},
    {"quarter": "2", "state": "done", "date_done": None},
    {"quarter": "4", "state": "todo"},
    {"quarter": False, "state": "done"},
    {"quarter": "3", "state": "cancelled"},
]


def test_tasks_by_quarter_done_by_the_end_of_the_period():
    half = task_figures(TASKS, HALF[1])
    assert [
        (q["label"], q["total"], q["done"], q["open"]) for q in half["quarters"]
    ] == [
        ("Quý I", 3, 1, 2),
        ("Quý II", 1, 1, 0),
        ("Quý III", 0, 0, 0),
        ("Quý IV", 1, 0, 1),
    ]
    assert (half["total"], half["done"], half["share"]) == (5, 2, "40%")
    year = task_figures(TASKS, YEAR[1])
    assert (year["done"], year["open"], year["quarters"][0]["share"]) == (
        3,
        2,
        "66,67%",
    )


def _award(title, sequence, subject_type, authority, day=None, year=2030, kind=None):
    return {
        "award_kind": kind,
        "title": title,
        "title_sequence": sequence,
        "subject_type": subject_type,
        "authority": authority,
        "decision_date": day,
        "year": year,
    }


AWARDS = [
    _award("Lao động tiên tiến", 1, "individual", "agency", date(2029, 12, 20)),
    _award("Lao động tiên tiến", 1, "individual", "agency", date(2029, 12, 20)),
    _award("Tập thể lao động tiên tiến", 5, "collective", "agency", date(2029, 12, 20)),
    _award("Giấy khen", 8, "individual", "agency", date(2030, 8, 1), kind="thematic"),
    _award("Giấy khen", 8, "collective", "agency", None, 2030),
    _award("Chiến sĩ thi đua cơ sở", 2, "individual", "agency", date(2028, 12, 1)),
    _award("Bằng khen UBND tỉnh", 9, "collective", "province", date(2030, 3, 2)),
    _award("Bằng khen Thủ tướng", 10, "individual", "prime_minister", date(2030, 9, 9)),
    _award(
        "Huân chương Lao động hạng Ba",
        11,
        "individual",
        "president",
        None,
        2030,
        "dedication",
    ),
]
PROPOSED = [
    {
        "title": "Bằng khen UBND tỉnh",
        "title_sequence": 9,
        "subject_type": "collective",
        "authority": "province",
        "date_sent": date(2030, 1, 15),
    },
    {
        "title": "Bằng khen UBND tỉnh",
        "title_sequence": 9,
        "subject_type": "individual",
        "authority": "province",
        "date_sent": date(2030, 1, 15),
    },
    {
        "title": "Bằng khen Thủ tướng",
        "title_sequence": 10,
        "subject_type": "individual",
        "authority": "prime_minister",
        "date_sent": date(2030, 6, 2),
    },
    # sent before the reporting year
    {
        "title": "Cờ thi đua cấp tỉnh",
        "title_sequence": 7,
        "subject_type": "collective",
        "authority": "province",
        "date_sent": date(2029, 11, 1),
    },
]


def test_awards_by_level_half_year():
    figures = award_figures(AWARDS, PROPOSED, HALF, 2030)
    assert figures["own"] == [
        {
            "number": 1,
            "title": "Lao động tiên tiến",
            "collectives": 0,
            "individuals": 2,
        },
        {
            "number": 2,
            "title": "Tập thể lao động tiên tiến",
            "collectives": 1,
            "individuals": 0,
        },
        # the undated Giấy khen counts in its year
        {"number": 3, "title": "Giấy khen", "collectives": 1, "individuals": 0},
    ]
    assert (figures["own_collectives"], figures["own_individuals"]) == (2, 2)
    assert figures["higher"] == [
        {
            "number": 1,
            "title": "Bằng khen UBND tỉnh",
            "level": "Cấp tỉnh",
            "proposed_collectives": 1,
            "proposed_individuals": 1,
            "granted_collectives": 1,
            "granted_individuals": 0,
        },
        {
            "number": 2,
            "title": "Huân chương Lao động hạng Ba",
            "level": "Cấp Nhà nước",
            "proposed_collectives": 0,
            "proposed_individuals": 0,
            "granted_collectives": 0,
            "granted_individuals": 1,
        },
    ]
    assert (
        figures["province_proposed"],
        figures["province_granted"],
        figures["state_proposed"],
        figures["state_granted"],
    ) == (2, 1, 0, 1)
    assert figures["kinds"] == [
        {"kind": "Thường xuyên", "count": 5},
        {"kind": "Cống hiến", "count": 1},
    ]


def test_awards_by_level_year():
    figures = award_figures(AWARDS, PROPOSED, YEAR, 2030)
    assert [
        (row["title"], row["collectives"], row["individuals"]) for row in figures["own"]
    ] == [
        ("Lao động tiên tiến", 0, 2),
        ("Tập thể lao động tiên tiến", 1, 0),
        ("Giấy khen", 1, 1),
    ]
    assert [
        (row["title"], row["proposed_individuals"], row["granted_individuals"])
        for row in figures["higher"]
    ] == [
        ("Bằng khen UBND tỉnh", 1, 0),
        ("Bằng khen Thủ tướng", 1, 1),
        ("Huân chương Lao động hạng Ba", 0, 1),
    ]
    assert (figures["state_proposed"], figures["state_granted"]) == (1, 2)
    assert figures["kinds"] == [
        {"kind": "Thường xuyên", "count": 6},
        {"kind": "Chuyên đề", "count": 1},
        {"kind": "Cống hiến", "count": 1},
    ]


def test_initiatives_recognised_by_scope():
    initiatives = [
        {"scope": "grassroots", "date_recognition": date(2030, 4, 1)},
        {"scope": "grassroots", "date_recognition": date(2030, 9, 1)},
        {"scope": "provincial", "date_recognition": None, "year": 2030},
        {"scope": "grassroots", "date_recognition": date(2029, 10, 1)},
    ]
    assert initiative_figures(initiatives, HALF, 2030) == {
        "count": 2,
        "scopes": [
            {"scope": "Cấp cơ sở", "count": 1},
            {"scope": "Cấp tỉnh", "count": 1},
        ],
    }
    assert initiative_figures(initiatives, YEAR, 2030)["count"] == 3


def test_decisions_of_the_period():
    decisions = [
        {
            "number": "20/QĐ-SNV",
            "date": date(2030, 2, 3),
            "summary": "tặng Giấy khen",
            "collectives": 1,
            "individuals": 12,
        },
        {
            "number": "3/QĐ-SNV",
            "date": date(2029, 12, 20),
            "summary": "công nhận danh hiệu thi đua năm 2029",
            "collectives": 0,
            "individuals": 2,
        },
        {"number": "90/QĐ-SNV", "date": date(2030, 7, 1), "summary": ""},
        {"number": "", "date": None},
    ]
    half = decision_figures(decisions, HALF)
    assert half == {
        "count": 2,
        "items": [
            {
                "number": 1,
                "text": "Quyết định số 3/QĐ-SNV ngày 20/12/2029 về việc công nhận danh "
                "hiệu thi đua năm 2029 (02 cá nhân)",
            },
            {
                "number": 2,
                "text": "Quyết định số 20/QĐ-SNV ngày 03/02/2030 về việc tặng Giấy khen "
                "(01 tập thể, 12 cá nhân)",
            },
        ],
    }
    year = decision_figures(decisions, YEAR)
    assert year["count"] == 3
    assert year["items"][2]["text"] == "Quyết định số 90/QĐ-SNV ngày 01/07/2030"


def _render(period):
    document = docx.Document(
        io.BytesIO(
            render_docx(
                build_template(f"report_{period}"),
                {
                    "org": {
                        "superior_body": "UBND tỉnh Lạng Sơn",
                        "issuing_body": "Sở Nội vụ",
                        "place": "Lạng Sơn",
                    },
                    "doc": {
                        "number": "",
                        "date_line": "Lạng Sơn, ngày … tháng … năm …",
                        "signer_title": "Giám đốc",
                        "signer_name": "Nguyễn Văn A",
                        "recipients": ["- Lưu: VT, TĐKT."],
                    },
                    "report": report_values(
                        2030,
                        period,
                        movements=MOVEMENTS,
                        tasks=TASKS,
                        awards=AWARDS,
                        proposed=PROPOSED,
                        initiatives=[{"scope": "grassroots", "year": 2030}],
                        decisions=[
                            {
                                "number": "3/QĐ-SNV",
                                "date": date(2029, 12, 20),
                                "summary": "công nhận danh hiệu thi đua năm 2029",
                                "individuals": 2,
                            }
                        ],
                        plan_number="03/KH-SNV",
                        plan_date_text="ngày 03 tháng 01 năm 2030",
                    ),
                },
                ALLOWED_NAMES[f"report_{period}"],
            )
        )
    )
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in document.tables
    ]
    return paragraphs, tables


def test_shipped_template_prints_the_half_year_figures():
    paragraphs, tables = _render("half_year")
    assert "BÁO CÁO" in paragraphs
    assert "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2030" in paragraphs
    assert (
        "Trong kỳ, Sở Nội vụ đã phát động 02 phong trào thi đua, trong đó: 01 phong trào "
        "thi đua thường xuyên hàng năm, 01 phong trào thi đua theo chuyên đề."
    ) in paragraphs
    assert tables[1] == [
        ["Quý", "Số nhiệm vụ", "Đã hoàn thành", "Chưa hoàn thành", "Tỷ lệ hoàn thành"],
        ["Quý I", "03", "01", "02", "33,33%"],
        ["Quý II", "01", "01", "0", "100%"],
        ["Quý III", "0", "0", "0", "0%"],
        ["Quý IV", "01", "0", "01", "0%"],
        ["Cộng", "05", "02", "03", "40%"],
    ]
    assert tables[2][1:] == [
        ["1", "Lao động tiên tiến", "0", "02"],
        ["2", "Tập thể lao động tiên tiến", "01", "0"],
        ["3", "Giấy khen", "01", "0"],
    ]
    assert tables[3][1] == [
        "1",
        "Bằng khen UBND tỉnh",
        "Cấp tỉnh",
        "01",
        "01",
        "01",
        "0",
    ]
    assert (
        "c) Theo loại hình khen thưởng: thường xuyên: 05; cống hiến: 01." in paragraphs
    )
    assert "4. Sáng kiến được công nhận: 01 sáng kiến (cấp cơ sở: 01)." in paragraphs
    assert (
        "- Quyết định số 3/QĐ-SNV ngày 20/12/2029 về việc công nhận danh hiệu thi đua "
        "năm 2029 (02 cá nhân);"
    ) in paragraphs
    assert "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2030" in paragraphs


def test_shipped_template_prints_the_year_end_figures():
    paragraphs, _tables = _render("year")
    assert "Tổng kết công tác thi đua, khen thưởng năm 2030" in paragraphs
    assert "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2031" in paragraphs
    assert any(
        "(từ ngày 01/12/2029 đến ngày 30/11/2030)" in paragraph
        for paragraph in paragraphs
    )
