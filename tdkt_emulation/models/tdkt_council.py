from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

COUNCIL_TYPES = [("emulation", "Emulation-Commendation"), ("initiative", "Initiative")]


class TdktCouncil(models.Model):
    """A council founded by a decision: the Emulation-Commendation Council (Hội đồng Thi
    đua - Khen thưởng) votes on titles, the Initiative Council (Hội đồng sáng kiến) scores
    initiatives.

    Its members see the council and its sessions; the Office (Officer) maintains them.
    """

    _name = "tdkt.council"
    _description = "Council"
    _inherit = ["tdkt.input.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "active desc, date_decision desc, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, translate=True)
    council_type = fields.Selection(
        COUNCIL_TYPES, "Type", required=True, default="emulation", tracking=True
    )
    term = fields.Char(help="The term or year the council serves, e.g. 2020-2025.")
    decision_number = fields.Char(
        "Founding Decision",
        tracking=True,
        help="Number of the decision that founds the council.",
    )
    date_decision = fields.Date("Decision Date")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    member_ids = fields.One2many(
        "tdkt.council.member", "council_id", "Members", copy=True
    )
    member_count = fields.Integer(
        compute="_compute_member_count", string="Number of Members"
    )
    session_ids = fields.One2many("tdkt.council.session", "council_id", "Sessions")
    session_count = fields.Integer(compute="_compute_session_count")

    @api.depends("member_ids")
    def _compute_member_count(self):
        for council in self:
            council.member_count = len(council.member_ids)

    @api.depends("session_ids")
    def _compute_session_count(self):
        counts = dict(
            self.env["tdkt.council.session"]._read_group(
                [("council_id", "in", self.ids)], ["council_id"], ["__count"]
            )
        )
        for council in self:
            council.session_count = counts.get(council, 0)

    @api.constrains("member_ids")
    def _check_one_chair(self):
        for council in self:
            if (
                len(council.member_ids.filtered(lambda member: member.role == "chair"))
                > 1
            ):
                raise ValidationError(
                    self.env._(
                        "%(council)s can have only one chair.", council=council.name
                    )
                )

    def action_open_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_council_session_action"
        )
        action["domain"] = [("council_id", "=", self.id)]
        action["context"] = {"default_council_id": self.id}
        return action

    def _get_member_of_user(self, user):
        """The member of this council that ``user`` is, or an empty recordset (also when
        no council is chosen yet, as in a new session's form)."""
        if not self:
            return self.env["tdkt.council.member"]
        self.ensure_one()
        return self.sudo().member_ids.filtered(lambda member: member.user_id == user)

    def _check_not_voting(self):
        voting = (
            self.env["tdkt.council.session"]
            .sudo()
            .search([("council_id", "in", self.ids), ("state", "=", "voting")], limit=1)
        )
        if voting:
            raise UserError(
                self.env._(
                    "The members of %(council)s cannot change while its session %(session)s is voting.",
                    council=voting.council_id.name,
                    session=voting.name,
                )
            )
