from pathlib import Path

import polib
from lxml import etree

from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

ADDON = Path(__file__).resolve().parent.parent
I18N = ADDON / "i18n"


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Demo records (the seed's Vietnamese unit names) are data, not the addon's terms.
        demo_ids = set()
        for demo_file in get_manifest("tdkt_emulation")["demo"]:
            tree = etree.parse(str(ADDON / demo_file))
            demo_ids |= {
                f"tdkt_emulation.{xmlid}" for xmlid in tree.xpath("//record/@id")
            }
        reader = TranslationModuleReader(cls.env.cr, modules=["tdkt_emulation"])
        cls.code_terms = {
            source
            for _module, _type, _name, res_id, source, _value, _comments in reader
            if res_id not in demo_ids
        }

    def test_pot_is_up_to_date_with_the_code(self):
        pot_terms = {
            entry.msgid for entry in polib.pofile(str(I18N / "tdkt_emulation.pot"))
        }
        self.assertFalse(
            self.code_terms - pot_terms, "terms missing from the .pot: run ./dev i18n"
        )
        self.assertFalse(
            pot_terms - self.code_terms,
            "terms of the .pot gone from the code: run ./dev i18n",
        )

    def test_every_term_has_a_vietnamese_translation(self):
        translated = {
            entry.msgid
            for entry in polib.pofile(str(I18N / "vi.po"))
            if entry.msgstr.strip() and not entry.fuzzy and not entry.obsolete
        }
        self.assertFalse(
            sorted(self.code_terms - translated), "terms without Vietnamese in vi.po"
        )
