"""Reading printed documents back: the paragraphs and tables of a Word file (python-docx),
the text of a PDF (pdftotext), and the seed plan 03/KH-SNV they are compared with."""

import io
import re
import subprocess
import tempfile
from pathlib import Path

import docx

SEED = Path(__file__).parent / "data" / "ke-hoach-03-KH-SNV-2020.txt"


def norm(text):
    """The words of a text: HTML tags and markdown emphasis out, whitespace collapsed."""
    text = re.sub(r"<[^>]+>", " ", text or "").replace("*", "")
    return " ".join(text.split())


def read_docx(content):
    """(paragraph texts of the body, tables as lists of rows of cell texts)."""
    document = docx.Document(io.BytesIO(content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in document.tables
    ]
    return document, paragraphs, tables


def pdf_text(content):
    """The text of a PDF, pages separated by form feeds."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", handle.name, "-"],
            capture_output=True,
            check=True,
        ).stdout.decode()


def between(lines, start, end=None):
    """The normalized text of the lines strictly between the line ``start`` and the next
    line ``end`` (or the last line)."""
    lines = [norm(line) for line in lines]
    first = lines.index(start) + 1
    last = lines.index(end, first) if end else len(lines)
    return " ".join(line for line in lines[first:last] if line)


def seed_lines():
    return SEED.read_text(encoding="utf-8").splitlines()


def seed_rows():
    """The rows of the seed's table: (quarter label, TT, content, units), normalized."""
    quarter, rows = None, []
    for line in seed_lines():
        if re.match(r"^QUÝ (I|II|III|IV)\b", line):
            quarter = line.split("\t")[0].strip()
        match = re.match(r"^(\d+)\t(.*)\t(.*)$", line)
        if match:
            rows.append((quarter, int(match[1]), norm(match[2]), norm(match[3])))
    return rows


def docx_rows(table):
    """The same rows read from the plan's table in the Word file."""
    quarter, rows = None, []
    for cells in table:
        if len(set(cells)) == 1 and cells[0].startswith("QUÝ"):
            quarter = cells[0].strip()
        elif cells[0].strip().isdigit():
            rows.append((quarter, int(cells[0]), norm(cells[1]), norm(cells[2])))
    return rows
