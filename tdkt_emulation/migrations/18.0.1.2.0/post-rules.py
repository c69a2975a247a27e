"""From 18.0.1.1.0: the shipped rules changed with the law's runs of years (the Prime
Minister's merit, the provincial merit's second way), the collective's own rating (the
Excellent Labour Collective under regimes B and C), the Labour Order third class, and who
grants each title (regime C: commune chairmen for the grassroots titles).

The rules file is ``noupdate`` (an administrator may tune a rule), so an upgrade would keep
the old rules. When no shipped rule was changed since it was installed, the file is loaded
again, as at installation. Otherwise the tuned rules are kept, the log names them, and
only who grants each title is set."""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import convert_file

_logger = logging.getLogger(__name__)

RULE_MODELS = ("tdkt.rule.set", "tdkt.title.rule", "tdkt.title.rule.alternative")
COMMUNE_RULES = (
    "rule_c_ldtt",
    "rule_c_cstdcs",
    "rule_c_ttldtt",
    "rule_c_certificate_director",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    shipped = env["ir.model.data"].search(
        [("module", "=", "tdkt_emulation"), ("model", "in", RULE_MODELS)]
    )
    tuned = [
        data.complete_name
        for data in shipped
        if (record := env[data.model].browse(data.res_id).exists())
        and (record.write_date - record.create_date).total_seconds() > 60
    ]
    if not tuned:
        convert_file(
            env,
            "tdkt_emulation",
            "data/tdkt_rule_set_data.xml",
            {},
            mode="init",
            noupdate=True,
        )
        return
    _logger.warning(
        "Shipped eligibility rules changed since installation are kept as they are: %s. "
        "Compare them with the addon's data/tdkt_rule_set_data.xml.",
        ", ".join(sorted(tuned)),
    )
    for xml_id in COMMUNE_RULES:
        rule = env.ref(f"tdkt_emulation.{xml_id}", raise_if_not_found=False)
        if rule:
            rule.authority_level = "commune"
