"""Proposal dossiers are read by the company they are sent to (a province's office in the
same database): the company rules of dossiers and their nominees stop restricting reading,
which new rules of their own now govern. The rules' file is not updated on upgrade, so the
change is made here."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in (
        "tdkt_emulation.tdkt_proposal_rule_company",
        "tdkt_emulation.tdkt_proposal_line_rule_company",
    ):
        if rule := env.ref(xmlid, raise_if_not_found=False):
            rule.perm_read = False
