import io

import openpyxl

from tdkt_emulation.lib.xlsx_council import build_review_xlsx, build_scoring_xlsx

REVIEW_LABELS = {
    "sheet": "Kết quả bình xét",
    "no": "TT",
    "subject": "Họ tên / đơn vị",
    "unit": "Đơn vị",
    "title": "Danh hiệu",
    "agree": "Đồng ý",
    "disagree": "Không đồng ý",
    "abstain": "Không biểu quyết",
    "valid": "Phiếu hợp lệ",
    "members": "Thành viên",
    "share": "Tỷ lệ",
    "threshold": "Ngưỡng",
    "outcome": "Kết quả",
}
SCORING_LABELS = {
    "summary": "Chấm điểm",
    "no": "TT",
    "initiative": "Sáng kiến",
    "authors": "Tác giả",
    "unit": "Đơn vị",
    "total": "Tổng",
    "pass_mark": "Điểm đạt",
    "scorers": "Số người chấm",
    "result": "Kết quả",
    "score_card": "Phiếu chấm",
}


def test_review_sheet_reads_back():
    items = [
        {
            "subject": "Nguyễn Văn A",
            "unit": "Văn phòng",
            "title": "Lao động tiên tiến",
            "agree": 5,
            "disagree": 0,
            "abstain": 0,
            "valid": 5,
            "members": 7,
            "share": 71.43,
            "threshold": 70.0,
            "outcome": "Đạt",
        },
        {
            "subject": "=1+1",
            "unit": "Phòng\x07 A",
            "title": "CSTĐCS",
            "agree": 4,
            "disagree": 3,
            "abstain": 0,
            "valid": 7,
            "members": 7,
            "share": 57.14,
            "threshold": 70.0,
            "outcome": "Không đạt",
        },
    ]
    content = build_review_xlsx("Hội đồng TĐKT", "Phiên họp", items, REVIEW_LABELS)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet.title == "Kết quả bình xét"
    assert [cell.value for cell in sheet[4]][:4] == [
        "TT",
        "Họ tên / đơn vị",
        "Đơn vị",
        "Danh hiệu",
    ]
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert rows[0] == (
        1,
        "Nguyễn Văn A",
        "Văn phòng",
        "Lao động tiên tiến",
        5,
        0,
        0,
        5,
        7,
        71.43,
        70,
        "Đạt",
    )
    assert (
        rows[1][1] == "=1+1" and sheet["B6"].data_type == "s"
    ), "text is never a formula"
    assert rows[1][2] == "Phòng A"
    assert sheet["J5"].number_format == '0.00"%"'


def test_scoring_summary_and_one_card_per_member():
    initiatives = [
        {
            "name": "Sáng kiến 1",
            "authors": "A (60%), B (40%)",
            "unit": "Văn phòng",
            "averages": [25, 20, None],
            "total": 45,
            "pass_mark": 50,
            "scorers": 2,
            "result": "Không đạt",
        },
    ]
    cards = [
        ("Thành viên [1]", [{"initiative": "Sáng kiến 1", "points": [30, 20, None]}]),
        ("Thành viên [1]", [{"initiative": "Sáng kiến 1", "points": [20, 20, None]}]),
    ]
    content = build_scoring_xlsx(
        "HĐ sáng kiến",
        "Phiên",
        ["Tính mới", "Khả năng áp dụng", "Hiệu quả"],
        initiatives,
        cards,
        SCORING_LABELS,
    )
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Chấm điểm", "Thành viên -1-", "Thành viên -1- (2)"]
    summary = book["Chấm điểm"]
    assert list(summary.iter_rows(min_row=5, values_only=True))[0] == (
        1,
        "Sáng kiến 1",
        "A (60%), B (40%)",
        "Văn phòng",
        25,
        20,
        None,
        45,
        50,
        2,
        "Không đạt",
    )
    card = book["Thành viên -1-"]
    assert card["A1"].value == "Phiếu chấm - Thành viên [1]"
    assert list(card.iter_rows(min_row=5, values_only=True))[0] == (
        1,
        "Sáng kiến 1",
        30,
        20,
        None,
        50,
    )
