"""From 18.0.1.0.0: each unit rule that granted reading and changing at once is now a read
rule and a write rule bound to the record's state. The rules file is ``noupdate`` (an
administrator may tune a rule), so an upgrade would keep the broader write rights of the
first stage: the shipped rules are loaded once more, as at installation."""

from odoo import SUPERUSER_ID, api
from odoo.tools import convert_file


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    convert_file(
        env,
        "tdkt_emulation",
        "security/tdkt_emulation_rules.xml",
        {},
        mode="init",
        noupdate=True,
    )
