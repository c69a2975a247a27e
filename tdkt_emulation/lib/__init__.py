"""Plain-Python logic of tdkt_emulation: no Odoo import anywhere in this package."""
