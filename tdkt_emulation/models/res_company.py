from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.authority import AUTHORITY_LEVELS
from ..lib.dossier import DeadlineSettingError, year_end_deadline
from ..lib.reminders import ReminderDaysError, parse_reminder_days


class ResCompany(models.Model):
    _inherit = "res.company"

    tdkt_task_reminder_days = fields.Char(
        "Task Reminder Days",
        default="7,1",
        help="Days before a task's deadline on which its people are reminded, comma separated.",
    )
    tdkt_registration_reminder_days = fields.Char(
        "Registration Reminder Days",
        default="7,1",
        help="Days before the registration deadline on which the heads of the units that have "
        "not submitted are reminded, comma separated.",
    )
    tdkt_default_title_id = fields.Many2one(
        "tdkt.title",
        "Default Individual Title",
        domain="[('subject_type', 'in', ('individual', 'both'))]",
        help='The title that "Fill with my unit\'s people" registers for each person.',
    )

    tdkt_initiative_pass_percent = fields.Float(
        "Initiative Pass Mark (%)",
        default=50.0,
        help="Share of the maximum score an initiative needs to pass the council's scoring.",
    )

    tdkt_session_quorum_percent = fields.Float(
        "Session Quorum (%)",
        default=0.0,
        help="The fewest members present, in percent of all the council's members, for a session "
        "that reviews titles to be closed; 0: no quorum (the law sets none; a province may, e.g. 80%).",
    )
    tdkt_recusal_base = fields.Selection(
        [("all", "All members"), ("not_recused", "Members not recused")],
        "Share of Recused Items Over",
        default="all",
        required=True,
        help="Over whom the agree share of an item some members are recused from is counted: all "
        "the council's members, as the decree words it, or those who may vote on it.",
    )

    tdkt_superior_body = fields.Char(
        "Superior Body",
        help="Printed above the issuing body on documents, e.g. UBND tỉnh Lạng Sơn.",
    )
    tdkt_issuing_body = fields.Char(
        "Issuing Body",
        help="The body that issues the documents, e.g. Sở Nội vụ; empty: the company's name.",
    )
    tdkt_document_place = fields.Char(
        "Place of Issue", help="The place in the date line of documents, e.g. Lạng Sơn."
    )

    tdkt_authority_level = fields.Selection(
        AUTHORITY_LEVELS,
        "Decisions Issued By",
        default="agency",
        required=True,
        help="The level of the authority that signs the company's decisions: they grant the "
        "titles and forms of that level and below; the others go up in a proposal.",
    )

    tdkt_recipient_company_id = fields.Many2one(
        "res.company",
        "Proposals Go To",
        help="The company of this database whose Office receives the company's proposal "
        "dossiers (e.g. the provincial emulation and commendation office); empty: the "
        "parent company.",
    )

    tdkt_proposal_body = fields.Char(
        "Proposing Body",
        help="Who proposes the titles to the Director in the proposal (tờ trình), e.g. Văn phòng "
        "Sở; empty: the emulation and commendation council.",
    )
    tdkt_proposal_signer_id = fields.Many2one(
        "hr.employee", "Proposal Signer", help="Who signs the proposal (tờ trình)."
    )
    tdkt_proposal_signer_position = fields.Char(
        "Proposal Signer's Position", help="e.g. Chánh Văn phòng."
    )
    # When the province wants the proposal dossiers, and the Office's reminders.
    tdkt_proposal_deadline_day = fields.Integer(
        "Year-End Proposals Due Day",
        default=10,
        help="Year-end proposal dossiers are due at the higher body by this day…",
    )
    tdkt_proposal_deadline_month = fields.Integer(
        "Year-End Proposals Due Month",
        default=12,
        help="…of this month of the year they reward (e.g. 10/12).",
    )
    tdkt_thematic_proposal_days = fields.Integer(
        "Thematic Proposals Due (Days Before the Event)",
        default=30,
        help="Thematic proposal dossiers are due this many days before their event.",
    )
    tdkt_proposal_reminder_days = fields.Char(
        "Proposal Reminder Days",
        default="7,1",
        help="Days before a proposal dossier is due on which the Office is reminded of a "
        "dossier not yet sent, comma separated.",
    )

    _sql_constraints = [
        (
            "tdkt_initiative_pass_percent_range",
            "CHECK(tdkt_initiative_pass_percent >= 0 AND tdkt_initiative_pass_percent <= 100)",
            "The initiative pass mark is a percentage from 0 to 100.",
        ),
        (
            "tdkt_session_quorum_percent_range",
            "CHECK(tdkt_session_quorum_percent >= 0 AND tdkt_session_quorum_percent <= 100)",
            "The session quorum is a percentage from 0 to 100.",
        ),
        (
            "tdkt_thematic_proposal_days_range",
            "CHECK(tdkt_thematic_proposal_days >= 0 AND tdkt_thematic_proposal_days <= 365)",
            "Thematic proposals are due from 0 to 365 days before their event.",
        ),
    ]

    @api.constrains("tdkt_proposal_deadline_day", "tdkt_proposal_deadline_month")
    def _check_tdkt_proposal_deadline(self):
        for company in self:
            try:
                year_end_deadline(
                    2000,
                    company.tdkt_proposal_deadline_day,
                    company.tdkt_proposal_deadline_month,
                )
            except DeadlineSettingError as error:
                raise ValidationError(
                    self.env._(
                        "The day and month year-end proposals are due by make no date: "
                        "%(value)s.",
                        value=str(error),
                    )
                ) from error

    @api.constrains(
        "tdkt_task_reminder_days",
        "tdkt_registration_reminder_days",
        "tdkt_proposal_reminder_days",
    )
    def _check_tdkt_reminder_days(self):
        for company in self:
            for field_name in (
                "tdkt_task_reminder_days",
                "tdkt_registration_reminder_days",
                "tdkt_proposal_reminder_days",
            ):
                try:
                    parse_reminder_days(company[field_name])
                except ReminderDaysError as error:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s must list whole numbers of days from 0 to 365, "
                            "separated by commas (e.g. 7,1); %(value)s is not one.",
                            setting=self._fields[field_name].get_description(self.env)[
                                "string"
                            ],
                            value=str(error),
                        )
                    ) from error

    def _get_tdkt_reminder_days(self, field_name):
        self.ensure_one()
        return parse_reminder_days(self[field_name])
