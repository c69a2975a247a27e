"""The translation files, checked without Odoo: complete, and true to their placeholders."""

import io
import re
from pathlib import Path

import polib
from babel.messages.extract import extract_python

ADDON = Path(__file__).resolve().parent.parent / "tdkt_emulation"
I18N = ADDON / "i18n"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|%[sd]|\{[a-z_]*\}")
VI = [entry for entry in polib.pofile(str(I18N / "vi.po")) if not entry.obsolete]


def test_vi_po_translates_every_term_of_the_pot():
    translated = {
        entry.msgid for entry in VI if entry.msgstr.strip() and not entry.fuzzy
    }
    pot = {entry.msgid for entry in polib.pofile(str(I18N / "tdkt_emulation.pot"))}
    assert not sorted(pot - translated)


def test_translations_keep_their_placeholders():
    wrong = [
        entry.msgid
        for entry in VI
        if sorted(PLACEHOLDER.findall(entry.msgid))
        != sorted(PLACEHOLDER.findall(entry.msgstr))
    ]
    assert not wrong


def test_every_python_file_gives_its_terms_to_the_export():
    """Odoo's export reads the terms of a Python file with Babel's extractor, and leaves
    out the whole file when the extractor fails (an f-string among a ``_()`` call's
    arguments does): its messages would then never be translated."""
    unreadable = []
    for path in sorted(ADDON.rglob("*.py")):
        try:
            list(extract_python(io.BytesIO(path.read_bytes()), ["_", "_lt"], [], {}))
        except Exception as error:  # noqa: BLE001 - any failure loses the file's terms
            unreadable.append(f"{path.relative_to(ADDON)}: {error!r}")
    assert not unreadable
