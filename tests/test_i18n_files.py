"""The translation files, checked without Odoo: complete, and true to their placeholders."""

import re
from pathlib import Path

import polib

I18N = Path(__file__).resolve().parent.parent / "tdkt_emulation" / "i18n"
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
