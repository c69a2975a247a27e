from collections import defaultdict

from odoo import api, fields, models

from .hr_employee import EDUCATION_LEVELS, PERSON_RECIPIENT_CLASSES


class HrEmployeePublic(models.Model):
    """The same commendation history on the public profile, which is what people without
    HR rights (most TĐKT users) open."""

    _inherit = "hr.employee.public"

    tdkt_award_ids = fields.Many2many(
        "tdkt.award",
        compute="_compute_tdkt_awards",
        string="Commendation History",
        groups="tdkt_emulation.group_tdkt_user",
    )
    tdkt_award_count = fields.Integer(
        compute="_compute_tdkt_awards",
        string="Awards",
        groups="tdkt_emulation.group_tdkt_user",
    )

    # The Office reads the TĐKT staff's data (the view of the public profiles selects the
    # employees' stored columns of the same names).
    tdkt_recipient_class = fields.Selection(
        PERSON_RECIPIENT_CLASSES,
        "Class of Recipient",
        readonly=True,
        groups="tdkt_emulation.group_tdkt_officer",
    )
    tdkt_staff = fields.Boolean(
        "Does Emulation and Commendation Work",
        readonly=True,
        groups="tdkt_emulation.group_tdkt_officer",
    )
    tdkt_education_level = fields.Selection(
        EDUCATION_LEVELS,
        "Education Level",
        readonly=True,
        groups="tdkt_emulation.group_tdkt_officer",
    )
    tdkt_work_start_date = fields.Date(
        "Started Emulation and Commendation Work",
        readonly=True,
        groups="tdkt_emulation.group_tdkt_officer",
    )

    @api.depends_context("uid")
    def _compute_tdkt_awards(self):
        award_ids = defaultdict(list)
        for award in self.env["tdkt.award"].search([("employee_id", "in", self.ids)]):
            award_ids[award.employee_id.id].append(award.id)
        for employee in self:
            employee.tdkt_award_ids = self.env["tdkt.award"].browse(
                award_ids[employee.id]
            )
            employee.tdkt_award_count = len(award_ids[employee.id])

    def action_open_tdkt_awards(self):
        self.ensure_one()
        return self.env["hr.employee"].browse(self.id).action_open_tdkt_awards()
