import io
import zipfile
from datetime import date

import pytest

from tdkt_emulation.lib.dossier import (
    DeadlineSettingError,
    DossierFile,
    ascii_fold,
    build_dossier_zip,
    dossier_file_names,
    slug,
    thematic_deadline,
    year_end_deadline,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Nguyễn Văn A", "Nguyen Van A"),
        ("Đặng Thị Ánh", "Dang Thi Anh"),
        ("Tờ trình", "To trinh"),
        ("Hội đồng Thi đua - Khen thưởng", "Hoi dong Thi dua - Khen thuong"),
        ("", ""),
        (None, ""),
    ],
)
def test_ascii_fold(text, folded):
    assert ascii_fold(text) == folded


def test_slug_keeps_the_words_of_a_number():
    assert slug("30/TTr-SNV") == "30-TTr-SNV"
    assert (
        slug("Báo cáo thành tích  Trần Thị Bích!") == "Bao-cao-thanh-tich-Tran-Thi-Bich"
    )
    assert slug("../../etc/passwd") == "etc-passwd"
    assert len(slug("Nguyễn " * 40)) <= 80


def _file(part, detail="", extension="docx"):
    return DossierFile(part, detail, extension, part.encode())


def test_files_are_numbered_in_the_dossiers_order():
    files = [
        _file("minutes", "05/BB-HĐTĐKT", "pdf"),
        _file("achievement", "Nguyễn Văn A"),
        _file("proposal", "30/TTr-SNV"),
        _file("discipline"),
        _file("achievement", "Phòng Tổ chức cán bộ"),
        _file("nominees"),
        _file("attachment", "Quyết định công nhận sáng kiến Nguyễn Văn A", "PDF"),
        _file("certifications"),
    ]
    names = [name for name, _file in dossier_file_names(files)]
    assert names == [
        "01-To-trinh-30-TTr-SNV.docx",
        "02-Danh-sach-de-nghi.docx",
        "03-Bao-cao-thanh-tich-Nguyen-Van-A.docx",
        "04-Bao-cao-thanh-tich-Phong-To-chuc-can-bo.docx",
        "05-Bien-ban-hop-Hoi-dong-05-BB-HDTDKT.pdf",
        "06-Danh-sach-chung-nhan.docx",
        "07-Danh-sach-ky-luat.docx",
        "08-Quyet-dinh-cong-nhan-sang-kien-Nguyen-Van-A.pdf",
    ]


def test_same_names_get_a_suffix_and_odd_extensions_are_cleaned():
    files = [
        _file("attachment", "Bản chụp", "p/d f"),
        _file("attachment", "Bản chụp", ""),
        _file("attachment", "", "jpg"),
    ]
    names = [name for name, _file in dossier_file_names(files)]
    assert names == ["01-Ban-chup.pdf", "02-Ban-chup.bin", "03-Tai-lieu.jpg"]


def test_more_than_99_files_take_three_digits():
    names = [
        name
        for name, _file in dossier_file_names(
            [_file("achievement", str(index)) for index in range(120)]
        )
    ]
    assert names[0] == "001-Bao-cao-thanh-tich-0.docx"
    assert names[-1] == "120-Bao-cao-thanh-tich-119.docx"


def test_the_zip_holds_each_file_under_its_name():
    content, names = build_dossier_zip(
        [_file("nominees"), _file("proposal", "30/TTr-SNV")]
    )
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.namelist() == names
        assert archive.read("01-To-trinh-30-TTr-SNV.docx") == b"proposal"
        assert archive.read("02-Danh-sach-de-nghi.docx") == b"nominees"


def test_year_end_deadline():
    assert year_end_deadline(2030, 10, 12) == date(2030, 12, 10)
    assert year_end_deadline(2030, 29, 2) == date(2030, 2, 28)
    assert year_end_deadline(2032, 29, 2) == date(2032, 2, 29)
    for day, month in ((31, 11), (0, 12), (10, 13), (None, 12)):
        with pytest.raises(DeadlineSettingError):
            year_end_deadline(2030, day, month)


def test_thematic_deadline():
    assert thematic_deadline(date(2030, 9, 2), 20) == date(2030, 8, 13)
    assert thematic_deadline(date(2030, 9, 2), 0) == date(2030, 9, 2)
    assert thematic_deadline(None, 20) is None
