"""The Word renderer and the PDF converter of the printed documents, without Odoo."""

import io
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import docx
import pytest

from tdkt_emulation.lib.dates import date_words
from tdkt_emulation.lib.docx_render import (
    ConverterError,
    TemplateError,
    check_template,
    docx_to_pdf,
    html_runs,
    render_docx,
    rich_paragraphs,
    template_placeholders,
)
from tdkt_emulation.lib.docx_templates import (
    ALLOWED_NAMES,
    PLACEHOLDERS,
    build_template,
)


def _docx_with(*texts):
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _paragraphs(content):
    return [
        paragraph.text for paragraph in docx.Document(io.BytesIO(content)).paragraphs
    ]


def _pdf_text(content):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", handle.name, "-"],
            capture_output=True,
            check=True,
        ).stdout.decode()


ORG = {
    "superior_body": "UBND tỉnh Lạng Sơn",
    "issuing_body": "Sở Nội vụ",
    "place": "Lạng Sơn",
}
DOC = {
    "number": "03/KH-SNV",
    "date_line": "Lạng Sơn, ngày 03 tháng 01 năm 2020",
    "recipients": ["- Như trên;", "- Lưu: VT, VP."],
    "signer_title": "Giám đốc",
    "signer_name": "Nguyễn Quốc Khánh",
}
CONTEXTS = {
    "plan": {
        "org": ORG,
        "doc": DOC,
        "plan": {
            "title": "Kế hoạch công tác thi đua, khen thưởng năm 2020",
            "summary": "Công tác thi đua, khen thưởng năm 2020",
            "year": 2020,
            "legal_bases": rich_paragraphs("<p>Căn cứ Luật Thi đua, khen thưởng;</p>"),
            "purposes": rich_paragraphs("<p>Đẩy mạnh các phong trào thi đua.</p>"),
            "requirements": [],
            "solutions": [],
            "organisation": [],
            "registration_deadline": "30/01/2020",
            "quarters": [
                {
                    "label": "QUÝ I",
                    "tasks": [
                        {
                            "number": 1,
                            "content": ["Đăng ký <danh hiệu> & ký"],
                            "units": ["Văn phòng Sở."],
                        }
                    ],
                },
                {"label": "QUÝ II", "tasks": []},
            ],
        },
    },
    "decision": {
        "org": ORG,
        "doc": DOC,
        "decision": {
            "authority": "Giám đốc Sở Nội vụ",
            "summary": "công nhận danh hiệu thi đua năm 2020",
            "year": 2020,
            "legal_bases": ["Căn cứ Luật Thi đua, khen thưởng;"],
            "proposal": "Xét đề nghị của Chánh Văn phòng Sở.",
            "grant": "Công nhận danh hiệu thi đua năm 2020",
            "individual_count": 1,
            "collective_count": 0,
            "date_text": "ngày 08 tháng 01 năm 2020",
            "individuals": [
                {
                    "number": 1,
                    "name": "Lê Thị Hoa",
                    "position": "Chuyên viên",
                    "unit": "Văn phòng Sở",
                    "title": "Lao động tiên tiến",
                    "amount": "710.000",
                    "golden_book": 1,
                }
            ],
            "collectives": [],
            "reward_total": "710.000",
        },
    },
}


@pytest.mark.parametrize("kind", sorted(PLACEHOLDERS))
def test_shipped_templates_use_only_their_names(kind):
    assert template_placeholders(build_template(kind)) == ALLOWED_NAMES[kind]
    check_template(build_template(kind), ALLOWED_NAMES[kind])


def test_shipped_templates_are_reproducible():
    """Built twice, a template holds the same document text (the file's zip dates aside)."""
    for kind in PLACEHOLDERS:
        assert _paragraphs(build_template(kind)) == _paragraphs(build_template(kind))


@pytest.mark.parametrize("kind", sorted(CONTEXTS))
def test_shipped_templates_render(kind):
    content = render_docx(build_template(kind), CONTEXTS[kind], ALLOWED_NAMES[kind])
    document = docx.Document(io.BytesIO(content))
    texts = [paragraph.text for paragraph in document.paragraphs]
    header = document.tables[0].rows[0].cells
    assert header[0].text.split("\n") == [
        "UBND TỈNH LẠNG SƠN",
        "SỞ NỘI VỤ",
        "Số: 03/KH-SNV",
    ]
    assert header[1].text.split("\n")[2] == "Lạng Sơn, ngày 03 tháng 01 năm 2020"
    assert texts[0] == {"plan": "KẾ HOẠCH", "decision": "QUYẾT ĐỊNH"}[kind]
    assert not any("{{" in text or "{%" in text for text in texts)


def test_text_is_escaped_for_word():
    content = render_docx(build_template("plan"), CONTEXTS["plan"])
    table = docx.Document(io.BytesIO(content)).tables[1]
    assert [cell.text for cell in table.rows[2].cells] == [
        "1",
        "Đăng ký <danh hiệu> & ký",
        "Văn phòng Sở.",
    ]


def test_unknown_placeholder_is_named_before_anything_is_rendered():
    template = _docx_with("{{ plan.year }}", "{{ budget }} {{ zeta }}")
    with pytest.raises(TemplateError) as caught:
        render_docx(template, CONTEXTS["plan"], ALLOWED_NAMES["plan"])
    assert caught.value.code == "unknown_placeholder"
    assert caught.value.names == ("budget", "zeta")


def test_unknown_attribute_is_named():
    with pytest.raises(TemplateError) as caught:
        render_docx(_docx_with("{{ plan.year }} {{ plan.budget }}"), CONTEXTS["plan"])
    assert (caught.value.code, caught.value.names) == (
        "unknown_placeholder",
        ("budget",),
    )


@pytest.mark.parametrize(
    ("template", "code"),
    [
        (_docx_with("{{ plan.year "), "syntax"),
        (_docx_with("{% for x in plan.quarters %}"), "syntax"),
        (b"not a word file", "not_docx"),
        (b"", "not_docx"),
    ],
)
def test_bad_templates(template, code):
    with pytest.raises(TemplateError) as caught:
        render_docx(template, CONTEXTS["plan"])
    assert caught.value.code == code


def test_templates_run_in_the_sandbox():
    with pytest.raises(TemplateError):
        render_docx(_docx_with("{{ plan.title.__class__.__mro__ }}"), CONTEXTS["plan"])


@pytest.mark.parametrize(
    ("html", "runs"),
    [
        (
            "<p>Căn cứ A;</p><p>Căn cứ B;</p>",
            [
                [("Căn cứ A;", False, False, False)],
                [("Căn cứ B;", False, False, False)],
            ],
        ),
        ("<p><b>1. Các phòng</b></p>", [[("1. Các phòng", True, False, False)]]),
        (
            "<p>gửi <b>trước 30/01/2020</b> (<i>Chi tiết</i>).</p>",
            [
                [
                    ("gửi ", False, False, False),
                    ("trước 30/01/2020", True, False, False),
                    (" (", False, False, False),
                    ("Chi tiết", False, True, False),
                    (").", False, False, False),
                ]
            ],
        ),
        (
            "<ul><li>một</li><li>hai</li></ul>",
            [
                [("- ", False, False, False), ("một", False, False, False)],
                [("- ", False, False, False), ("hai", False, False, False)],
            ],
        ),
        (
            "<p>dòng 1<br>dòng 2</p>",
            [
                [
                    ("dòng 1", False, False, False),
                    ("\n", False, False, False),
                    ("dòng 2", False, False, False),
                ]
            ],
        ),
        ("<p>  </p><p><br></p>", []),
        ("", []),
        (False, []),
        ("văn bản trần", [[("văn bản trần", False, False, False)]]),
    ],
)
def test_html_runs(html, runs):
    assert html_runs(html) == runs


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(2020, 1, 3), "ngày 03 tháng 01 năm 2020"),
        (date(2020, 2, 29), "ngày 29 tháng 02 năm 2020"),
        (date(2020, 3, 5), "ngày 05 tháng 3 năm 2020"),
        (date(2020, 9, 9), "ngày 09 tháng 9 năm 2020"),
        (date(2020, 10, 10), "ngày 10 tháng 10 năm 2020"),
        (date(2020, 12, 31), "ngày 31 tháng 12 năm 2020"),
        (None, "ngày … tháng … năm …"),
    ],
)
def test_date_words(day, words):
    assert date_words(day) == words


def test_pdf_keeps_vietnamese_and_runs_in_parallel():
    """Two conversions at once, each with its own LibreOffice profile."""
    content = render_docx(build_template("decision"), CONTEXTS["decision"])
    with ThreadPoolExecutor(2) as pool:
        pdfs = list(pool.map(docx_to_pdf, [content, content]))
    for pdf in pdfs:
        assert pdf.startswith(b"%PDF")
        text = " ".join(_pdf_text(pdf).split())
        for line in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "QUYẾT ĐỊNH",
            "GIÁM ĐỐC SỞ NỘI VỤ",
            "DANH SÁCH",
            "Lê Thị Hoa",
        ):
            assert line in text


def test_pdf_without_libreoffice(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ConverterError) as caught:
        docx_to_pdf(_docx_with("x"))
    assert caught.value.code == "missing"
