from odoo import fields, models


class TdktWrittenOpinionLine(models.TransientModel):
    """One choice of an opinion in writing, deleted once filed as a ballot."""

    _name = "tdkt.written.opinion.line"
    _description = "Choice of an Opinion in Writing"
    _inherit = ["tdkt.input.mixin"]

    opinion_id = fields.Many2one(
        "tdkt.written.opinion", required=True, ondelete="cascade"
    )
    item_id = fields.Many2one("tdkt.council.session.item", "Agenda Item", required=True)
    choice = fields.Selection(
        [("agree", "Agree"), ("disagree", "Disagree"), ("abstain", "Abstain")]
    )
