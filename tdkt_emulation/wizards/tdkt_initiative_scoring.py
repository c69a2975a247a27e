from odoo import api, fields, models


class TdktInitiativeScoring(models.TransientModel):
    """A council member's score card for one initiative of a session: one line per
    criterion, filled with the member's earlier scores when they correct them."""

    _name = "tdkt.initiative.scoring"
    _description = "Score an Initiative"
    _inherit = ["tdkt.input.mixin"]

    item_id = fields.Many2one(
        "tdkt.council.session.item", "Agenda Item", required=True, readonly=True
    )
    initiative_id = fields.Many2one(related="item_id.initiative_id")
    line_ids = fields.One2many("tdkt.initiative.scoring.line", "scoring_id", "Criteria")
    total = fields.Float(compute="_compute_total", digits=(6, 2))
    max_total = fields.Float("Maximum", compute="_compute_total", digits=(6, 2))

    @api.depends("line_ids.points", "line_ids.max_points")
    def _compute_total(self):
        for scoring in self:
            scoring.total = sum(scoring.line_ids.mapped("points"))
            scoring.max_total = sum(scoring.line_ids.mapped("max_points"))

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        item = self.env["tdkt.council.session.item"].browse(values.get("item_id"))
        if item and "line_ids" in fields_list:
            member = item._check_can_vote("initiative", rescoring=True)
            given = {
                score.criterion_id: score.points
                for score in item.sudo().score_ids.filtered(
                    lambda score: score.member_id == member
                )
            }
            values["line_ids"] = [
                fields.Command.create(
                    {"criterion_id": criterion.id, "points": given.get(criterion, 0.0)}
                )
                for criterion in item.session_id._get_criteria()
            ]
        return values

    def action_confirm(self):
        self.ensure_one()
        self.item_id._save_scores(
            {line.criterion_id: line.points for line in self.line_ids}
        )
        return {"type": "ir.actions.act_window_close"}
