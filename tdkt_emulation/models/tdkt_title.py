from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.authority import LEVEL_AUTHORITIES
from ..lib.award_classes import AWARD_KINDS

# Levels of titles, and scopes of initiatives: cơ sở, cấp tỉnh, toàn quốc.
LEVELS = [
    ("grassroots", "Grassroots"),
    ("provincial", "Provincial"),
    ("national", "National"),
]


class TdktTitle(models.Model):
    """Catalogue of emulation titles (danh hiệu thi đua) and commendation forms
    (hình thức khen thưởng).

    Everybody reads the catalogue; the Office (Officer) and Managers maintain it.
    """

    _name = "tdkt.title"
    _description = "Emulation Title or Commendation Form"
    _inherit = ["tdkt.input.mixin", "tdkt.eligibility.source"]
    _order = "sequence, id"
    # A new title is named by no rule and no award yet.
    _tdkt_eligibility_on_create = False
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short unique code, e.g. LDTT, CSTDCS.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        [("title", "Emulation title"), ("commendation", "Commendation form")],
        required=True,
        default="title",
    )
    subject_type = fields.Selection(
        [
            ("individual", "Individual"),
            ("collective", "Collective"),
            ("both", "Individual or collective"),
        ],
        "Awarded To",
        required=True,
        default="individual",
    )
    level = fields.Selection(
        LEVELS,
        required=True,
        default="grassroots",
    )
    deciding_authority = fields.Char(
        translate=True,
        help="Who decides the title or form, e.g. the Director of the Department.",
    )
    legal_basis = fields.Text(
        translate=True, help="The legal articles the title rests on."
    )
    company_id = fields.Many2one(
        "res.company", help="Leave empty to share the title with every company."
    )
    default_award_kind = fields.Selection(
        AWARD_KINDS,
        "Default Kind of Award",
        required=True,
        default="regular",
        help="The kind of award its decision and proposal lines take by default: the "
        "yearly titles and forms are regular; a line of a thematic movement is thematic.",
    )
    approval_threshold = fields.Float(
        "Council Approval Threshold (%)",
        default=70.0,
        help="Share of all the council's members, absent ones included, who must vote for "
        "the title in a review session.",
    )

    _sql_constraints = [
        (
            "approval_threshold_range",
            "CHECK(approval_threshold > 0 AND approval_threshold <= 100)",
            "The council approval threshold is a percentage above 0 and at most 100.",
        ),
    ]

    def _get_lines_for_eligibility(self):
        """Every line: the rules and the award history name titles by their code."""
        if not self:
            return self.env["tdkt.registration.line"]
        return self.env["tdkt.registration.line"].sudo().search([])

    @api.constrains("code", "company_id")
    def _check_code_unique(self):
        for title in self:
            duplicate = self.with_context(active_test=False).search_count(
                [
                    ("id", "!=", title.id),
                    ("code", "=", title.code),
                    ("company_id", "=", title.company_id.id),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "The code %(code)s is already used by another title.",
                        code=title.code,
                    )
                )

    def _get_authority_levels(self, year):
        """``{title: authority level}`` of these titles for the titles of ``year``: the
        level the regime's rule of each title names, else the one of the title's level."""
        rule_set = self.env["tdkt.rule.set"]._get_for_year(year)
        rules = (
            self.env["tdkt.title.rule"]
            .sudo()
            .search_fetch(
                [("rule_set_id", "=", rule_set.id), ("title_id", "in", self.ids)],
                ["title_id", "authority_level"],
            )
        )
        by_title = {rule.title_id: rule.authority_level for rule in rules}
        return {
            title: by_title.get(title) or LEVEL_AUTHORITIES[title.level]
            for title in self
        }
