from odoo import api, fields, models


class TdktWrittenOpinion(models.TransientModel):
    """The Office files an absent member's opinion in writing (phiếu lấy ý kiến bằng văn
    bản): one choice per agenda item. Confirming files each choice as a ballot that names
    nobody, and deletes this wizard and its lines, so that nothing kept links the member to
    a choice: the session keeps only that the member's opinion came in writing. An opinion
    the session would refuse is refused as the wizard is saved, so that none is kept."""

    _name = "tdkt.written.opinion"
    _description = "Opinion in Writing of an Absent Member"
    _inherit = ["tdkt.input.mixin"]

    session_id = fields.Many2one(
        "tdkt.council.session", required=True, ondelete="cascade"
    )
    council_id = fields.Many2one(related="session_id.council_id")
    member_id = fields.Many2one(
        "tdkt.council.member",
        "Absent Member",
        required=True,
        domain="[('council_id', '=', council_id), ('id', 'not in', absent_excluded_ids)]",
    )
    absent_excluded_ids = fields.Many2many(
        "tdkt.council.member", compute="_compute_absent_excluded_ids"
    )
    line_ids = fields.One2many(
        "tdkt.written.opinion.line",
        "opinion_id",
        "Choices",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )

    @api.depends("session_id")
    def _compute_absent_excluded_ids(self):
        for opinion in self:
            session = opinion.session_id.sudo()
            opinion.absent_excluded_ids = (
                session.attendee_ids | session.written_member_ids
            )

    @api.depends("session_id", "member_id")
    def _compute_line_ids(self):
        for opinion in self:
            items = opinion.session_id.item_ids.filtered(
                lambda item, member=opinion.member_id: (
                    item.registration_line_id or item.proposal_line_id
                )
                and member not in item.sudo().recused_member_ids
            )
            opinion.line_ids = [fields.Command.clear()] + [
                fields.Command.create({"item_id": item.id}) for item in items
            ]

    @api.constrains("member_id", "line_ids")
    def _check_opinion(self):
        # Checked as the wizard is saved: a refused opinion is never kept, not even until
        # the wizards are vacuumed.
        for opinion in self:
            opinion.session_id._check_written_opinion(
                opinion.member_id, opinion._get_choices()
            )

    def _get_choices(self):
        return {line.item_id: line.choice for line in self.line_ids if line.choice}

    def action_confirm(self):
        self.ensure_one()
        self.session_id._record_written_opinion(self.member_id, self._get_choices())
        # What the Office typed is forgotten with the wizard.
        self.sudo().line_ids.unlink()
        self.sudo().unlink()
        return {"type": "ir.actions.act_window_close"}
