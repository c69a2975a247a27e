"""From 18.0.1.1.0: Vietnamese is installed with the addon (see ``post_init_hook``); a
database upgraded from before gets it too, so that its documents print in Vietnamese."""

from odoo import SUPERUSER_ID, api

from odoo.addons.tdkt_emulation.hooks import install_vietnamese


def migrate(cr, version):
    install_vietnamese(api.Environment(cr, SUPERUSER_ID, {}))
