"""From 18.0.1.1.0: each rule names who grants its title. The new column is filled from
the title's level; under regime C (Decree 129/2025 Art 59), the commune chairmen grant the
grassroots titles and the Giấy khen as well, which the shipped rules (``noupdate``) say
only for a new installation: their level is set here, unless the rule was deleted."""

from odoo import SUPERUSER_ID, api

COMMUNE_RULES = (
    "rule_c_ldtt",
    "rule_c_cstdcs",
    "rule_c_ttldtt",
    "rule_c_certificate_director",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xml_id in COMMUNE_RULES:
        rule = env.ref(f"tdkt_emulation.{xml_id}", raise_if_not_found=False)
        if rule:
            rule.authority_level = "commune"
