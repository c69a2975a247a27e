from odoo import api, fields, models


class HrEmployeePublic(models.Model):
    """The same commendation history on the public profile, which is what people without
    HR rights (most TĐKT users) open."""

    _inherit = "hr.employee.public"

    tdkt_award_ids = fields.Many2many(
        "tdkt.award", compute="_compute_tdkt_awards", string="Commendation History",
        groups="tdkt_emulation.group_tdkt_user",
    )
    tdkt_award_count = fields.Integer(
        compute="_compute_tdkt_awards", string="Awards", groups="tdkt_emulation.group_tdkt_user"
    )

    @api.depends_context("uid")
    def _compute_tdkt_awards(self):
        awards = self.env["tdkt.award"].search([("employee_id", "in", self.ids)])
        for employee in self:
            mine = awards.filtered(lambda award: award.employee_id.id == employee.id)
            employee.tdkt_award_ids = mine
            employee.tdkt_award_count = len(mine)

    def action_open_tdkt_awards(self):
        self.ensure_one()
        return self.env["hr.employee"].browse(self.id).action_open_tdkt_awards()
