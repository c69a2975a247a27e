from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..lib.authority import AUTHORITY_LEVELS, AUTHORITY_RANKS

# The company fields this screen reads and writes, and nothing else.
SETTINGS = (
    "tdkt_task_reminder_days",
    "tdkt_registration_reminder_days",
    "tdkt_default_title_id",
    "tdkt_initiative_pass_percent",
    "tdkt_session_quorum_percent",
    "tdkt_recusal_base",
    "tdkt_superior_body",
    "tdkt_issuing_body",
    "tdkt_document_place",
    "tdkt_authority_level",
    "tdkt_proposal_body",
    "tdkt_proposal_signer_id",
    "tdkt_proposal_signer_position",
    "tdkt_proposal_deadline_day",
    "tdkt_proposal_deadline_month",
    "tdkt_thematic_proposal_days",
    "tdkt_proposal_reminder_days",
)


class TdktConfigSettings(models.TransientModel):
    """The addon's settings of the current company, for the leadership (Manager), who is
    not an Odoo administrator.

    Odoo's own settings (``res.config.settings``) are saved by administrators only (its
    ``execute`` checks it), and an access to that model would let a group save every
    application's settings (``set_values`` writes groups and system parameters as the
    superuser). This screen shows the addon's company settings and writes them, and only
    them; administrators also find them in Settings.
    """

    _name = "tdkt.config.settings"
    _description = "Emulation & Commendation Settings"
    _inherit = ["tdkt.input.mixin"]

    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    # The company's values, to change and save.
    tdkt_task_reminder_days = fields.Char(
        "Task Reminder Days",
        default=lambda self: self._default_setting("tdkt_task_reminder_days"),
        help="Days before a task's deadline on which its people are reminded, e.g. 7,1.",
    )
    tdkt_registration_reminder_days = fields.Char(
        "Registration Reminder Days",
        default=lambda self: self._default_setting("tdkt_registration_reminder_days"),
        help="Days before the registration deadline on which units that have not submitted are reminded.",
    )
    tdkt_default_title_id = fields.Many2one(
        "tdkt.title",
        "Default Individual Title",
        default=lambda self: self._default_setting("tdkt_default_title_id"),
        domain="[('subject_type', 'in', ('individual', 'both'))]",
        help='The title "Fill with my unit\'s people" registers for each person.',
    )
    tdkt_initiative_pass_percent = fields.Float(
        "Initiative Pass Mark (%)",
        default=lambda self: self._default_setting("tdkt_initiative_pass_percent"),
        help="Share of the maximum score an initiative needs to pass the council's scoring, in percent.",
    )
    tdkt_session_quorum_percent = fields.Float(
        "Session Quorum (%)",
        default=lambda self: self._default_setting("tdkt_session_quorum_percent"),
        help="The fewest members present, in percent of all the council's members, for a session "
        "that reviews titles to be closed; 0: no quorum.",
    )
    tdkt_recusal_base = fields.Selection(
        [("all", "All members"), ("not_recused", "Members not recused")],
        "Share of Recused Items Over",
        required=True,
        default=lambda self: self._default_setting("tdkt_recusal_base"),
        help="Over whom the agree share of an item some members are recused from is counted.",
    )

    tdkt_superior_body = fields.Char(
        "Superior Body",
        default=lambda self: self._default_setting("tdkt_superior_body"),
        help="Printed above the issuing body on documents, e.g. UBND tỉnh Lạng Sơn.",
    )
    tdkt_issuing_body = fields.Char(
        "Issuing Body",
        default=lambda self: self._default_setting("tdkt_issuing_body"),
        help="The body that issues the documents, e.g. Sở Nội vụ; empty: the company's name.",
    )
    tdkt_document_place = fields.Char(
        "Place of Issue",
        default=lambda self: self._default_setting("tdkt_document_place"),
        help="The place in the date line of documents, e.g. Lạng Sơn.",
    )

    tdkt_authority_level = fields.Selection(
        AUTHORITY_LEVELS,
        "Decisions Issued By",
        required=True,
        default=lambda self: self._default_setting("tdkt_authority_level"),
        help="The level of the authority that signs the company's decisions: they grant the "
        "titles and forms of that level and below; the others go up in a proposal.",
    )

    tdkt_proposal_body = fields.Char(
        "Proposing Body",
        default=lambda self: self._default_setting("tdkt_proposal_body"),
        help="Who proposes the titles to the Director in the proposal (tờ trình), e.g. Văn phòng Sở.",
    )
    tdkt_proposal_signer_id = fields.Many2one(
        "hr.employee",
        "Proposal Signer",
        default=lambda self: self._default_setting("tdkt_proposal_signer_id"),
        help="Who signs the proposal (tờ trình).",
    )
    tdkt_proposal_signer_position = fields.Char(
        "Proposal Signer's Position",
        default=lambda self: self._default_setting("tdkt_proposal_signer_position"),
        help="e.g. Chánh Văn phòng.",
    )

    tdkt_proposal_deadline_day = fields.Integer(
        "Year-End Proposals Due Day",
        default=lambda self: self._default_setting("tdkt_proposal_deadline_day"),
        help="Year-end proposal dossiers are due at the higher body by this day…",
    )
    tdkt_proposal_deadline_month = fields.Integer(
        "Year-End Proposals Due Month",
        default=lambda self: self._default_setting("tdkt_proposal_deadline_month"),
        help="…of this month of the year they reward (e.g. 10/12).",
    )
    tdkt_thematic_proposal_days = fields.Integer(
        "Thematic Proposals Due (Days Before the Event)",
        default=lambda self: self._default_setting("tdkt_thematic_proposal_days"),
        help="Thematic proposal dossiers are due this many days before their event.",
    )
    tdkt_proposal_reminder_days = fields.Char(
        "Proposal Reminder Days",
        default=lambda self: self._default_setting("tdkt_proposal_reminder_days"),
        help="Days before a proposal dossier is due on which the Office is reminded of a "
        "dossier not yet sent, e.g. 7,1.",
    )

    @api.model
    def _default_setting(self, name):
        return self.env.company.sudo()[name]

    def execute(self):
        """Save the settings on the company."""
        self.ensure_one()
        if not self.env.user.has_group("tdkt_emulation.group_tdkt_manager"):
            raise AccessError(
                self.env._(
                    "Only the leadership (Manager) can change the settings of emulation and commendation."
                )
            )
        if self.company_id not in self.env.user.company_ids:
            raise AccessError(
                self.env._("You can change the settings of your own companies only.")
            )
        # The leadership signs the company's decisions: the level they grant at is
        # raised by the administrator, not by whom it empowers.
        if AUTHORITY_RANKS[self.tdkt_authority_level] > AUTHORITY_RANKS[
            self.company_id.sudo().tdkt_authority_level
        ] and not self.env.user.has_group("base.group_system"):
            raise AccessError(
                self.env._(
                    "Only an administrator raises the level of the authority that signs "
                    "the decisions of %(company)s.",
                    company=self.company_id.sudo().name,
                )
            )
        if not 0 <= self.tdkt_initiative_pass_percent <= 100:
            raise ValidationError(
                self.env._(
                    "The initiative pass mark is a percentage from 0 to 100, not %(value)s.",
                    value=self.tdkt_initiative_pass_percent,
                )
            )
        if not 0 <= self.tdkt_session_quorum_percent <= 100:
            raise ValidationError(
                self.env._(
                    "The session quorum is a percentage from 0 to 100, not %(value)s.",
                    value=self.tdkt_session_quorum_percent,
                )
            )
        self.company_id.sudo().write(
            {
                name: self._fields[name].convert_to_write(self[name], self)
                for name in SETTINGS
            }
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": self.env._("The settings are saved."),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
