from odoo import fields, models


class TdktBallot(models.Model):
    """A secret ballot: the agenda item and the choice, and nothing that names the voter.

    ``_log_access`` is off, so no ``create_uid`` or ``create_date`` is kept; ballots are
    written by the superuser while voting, unreadable until the session closes, and
    re-filed in random order when it closes, so that their ids say nothing of the order
    in which members voted. Nobody writes or deletes a ballot through Odoo.
    """

    _name = "tdkt.ballot"
    _description = "Secret Ballot"
    _inherit = ["tdkt.input.mixin"]
    _log_access = False
    _order = "item_id, id"

    item_id = fields.Many2one(
        "tdkt.council.session.item",
        "Agenda Item",
        required=True,
        index=True,
        ondelete="cascade",
    )
    session_id = fields.Many2one(related="item_id.session_id", store=True, index=True)
    company_id = fields.Many2one(related="item_id.company_id", store=True)
    choice = fields.Selection(
        [("agree", "Agree"), ("disagree", "Disagree"), ("abstain", "Abstain")],
        required=True,
    )
