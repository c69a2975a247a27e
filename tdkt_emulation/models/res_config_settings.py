from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    tdkt_task_reminder_days = fields.Char(
        related="company_id.tdkt_task_reminder_days", readonly=False
    )
    tdkt_registration_reminder_days = fields.Char(
        related="company_id.tdkt_registration_reminder_days", readonly=False
    )
    tdkt_default_title_id = fields.Many2one(
        related="company_id.tdkt_default_title_id", readonly=False
    )
    tdkt_initiative_pass_percent = fields.Float(
        related="company_id.tdkt_initiative_pass_percent", readonly=False
    )
    tdkt_session_quorum_percent = fields.Float(
        related="company_id.tdkt_session_quorum_percent", readonly=False
    )
    tdkt_recusal_base = fields.Selection(
        related="company_id.tdkt_recusal_base", readonly=False
    )
    tdkt_superior_body = fields.Char(
        related="company_id.tdkt_superior_body", readonly=False
    )
    tdkt_issuing_body = fields.Char(
        related="company_id.tdkt_issuing_body", readonly=False
    )
    tdkt_document_place = fields.Char(
        related="company_id.tdkt_document_place", readonly=False
    )
    tdkt_authority_level = fields.Selection(
        related="company_id.tdkt_authority_level", readonly=False
    )
    tdkt_proposal_deadline_day = fields.Integer(
        related="company_id.tdkt_proposal_deadline_day", readonly=False
    )
    tdkt_proposal_deadline_month = fields.Integer(
        related="company_id.tdkt_proposal_deadline_month", readonly=False
    )
    tdkt_thematic_proposal_days = fields.Integer(
        related="company_id.tdkt_thematic_proposal_days", readonly=False
    )
    tdkt_proposal_reminder_days = fields.Char(
        related="company_id.tdkt_proposal_reminder_days", readonly=False
    )
