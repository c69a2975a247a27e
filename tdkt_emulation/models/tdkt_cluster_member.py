import datetime

from odoo import api, fields, models

MEMBER_ROLES = [("head", "Head"), ("deputy", "Deputy Head"), ("member", "Member")]


class TdktClusterMember(models.Model):
    """A body of an emulation cluster, from one date to another. Its role at a date comes
    from the head rotations in force (``tdkt.cluster.rotation``); ``role`` is today's."""

    _name = "tdkt.cluster.member"
    _description = "Emulation Cluster Member"
    _inherit = ["tdkt.input.mixin"]
    _order = "cluster_id, sequence, name, id"
    _check_company_auto = True

    cluster_id = fields.Many2one(
        "tdkt.cluster", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="cluster_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(
        "Body", required=True, help="The member body's name, e.g. Sở Tài chính."
    )
    partner_id = fields.Many2one(
        "res.partner", "Contact", help="The member body as a contact (address, e-mail)."
    )
    member_company_id = fields.Many2one(
        "res.company",
        "Company in Odoo",
        help="The member body's own company, in a province's database.",
    )
    unit_id = fields.Many2one(
        "hr.department",
        "Unit for Proposals",
        check_company=True,
        help="The unit named as the collective when this member is proposed for a title.",
    )
    is_own_body = fields.Boolean(
        "Our Body", help="This member is the company itself (the department)."
    )
    date_from = fields.Date("Member From")
    date_to = fields.Date("Member Until")
    role = fields.Selection(
        MEMBER_ROLES, "Role Today", compute="_compute_role", search="_search_role"
    )

    _sql_constraints = [
        (
            "dates_ordered",
            "CHECK(date_to IS NULL OR date_from IS NULL OR date_from <= date_to)",
            "A member cannot leave the cluster before it joins it.",
        ),
    ]

    @api.depends_context("date")
    @api.depends("cluster_id.rotation_ids.head_member_id")
    def _compute_role(self):
        today = self.env.context.get("date") or fields.Date.context_today(self)
        for member in self:
            member.role = member._get_role(today)

    def _search_role(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise NotImplementedError
        roles = {value} if isinstance(value, str) else set(value or ())
        members = self.search([]).filtered(lambda m: m.role in roles)
        inside = operator in ("=", "in")
        return [("id", "in" if inside else "not in", members.ids)]

    @api.constrains("date_from", "date_to", "cluster_id")
    def _check_head_rotation(self):
        self.cluster_id._check_head_rotation()

    def _get_role(self, date):
        self.ensure_one()
        rotation = self.cluster_id._get_rotation(date)
        if rotation.head_member_id == self:
            return "head"
        if self in rotation.deputy_member_ids:
            return "deputy"
        return "member"

    def _is_member_between(self, date_from, date_until=None):
        """Whether the body is a member from ``date_from`` to the day before
        ``date_until`` (None: from then on)."""
        self.ensure_one()
        if self.date_from and self.date_from > date_from:
            return False
        if not self.date_to:
            return True
        return bool(
            date_until and self.date_to >= date_until - datetime.timedelta(days=1)
        )

    def _is_member_in_year(self, year):
        self.ensure_one()
        return (not self.date_from or self.date_from.year <= year) and (
            not self.date_to or self.date_to.year >= year
        )
