from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..lib.authority import AUTHORITY_LEVELS, LEVEL_AUTHORITIES
from ..lib.eligibility import TitleRule


class TdktTitleRule(models.Model):
    """What one legal regime requires for one title. Alternatives, when given, are other
    ways to qualify, of which at least one must be met too."""

    _name = "tdkt.title.rule"
    _description = "Eligibility Rule of a Title"
    _inherit = ["tdkt.input.mixin", "tdkt.requirement.mixin"]
    _order = "rule_set_id, title_id"
    _rec_name = "title_id"

    rule_set_id = fields.Many2one(
        "tdkt.rule.set", required=True, index=True, ondelete="cascade"
    )
    title_id = fields.Many2one(
        "tdkt.title", required=True, index=True, ondelete="cascade"
    )
    article = fields.Char(
        "Legal Article",
        translate=True,
        help="The article the rule comes from, quoted in reasons.",
    )
    to_confirm = fields.Boolean(
        help='The rule was not verified against the legal text: shown as "to confirm".'
    )
    note = fields.Text(translate=True)
    authority_level = fields.Selection(
        AUTHORITY_LEVELS,
        "Granted By",
        compute="_compute_authority_level",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        help="Who grants the title under this regime (Law 2022 Art 80): a decision grants it "
        "only when issued at this level or a higher one; below, it goes up in a proposal.",
    )
    approval_threshold = fields.Float(
        "Council Approval Threshold (%)",
        help="Share of all the council's members who must agree; empty: the title's own threshold.",
    )
    alternative_ids = fields.One2many(
        "tdkt.title.rule.alternative", "rule_id", "Alternatives", copy=True
    )

    _sql_constraints = [
        (
            "rule_set_title_uniq",
            "UNIQUE(rule_set_id, title_id)",
            "A rule set has one rule per title.",
        ),
        (
            "approval_threshold_range",
            "CHECK(approval_threshold >= 0 AND approval_threshold <= 100)",
            "The council approval threshold is a percentage from 0 to 100.",
        ),
    ]

    @api.depends("title_id")
    def _compute_authority_level(self):
        for rule in self:
            rule.authority_level = LEVEL_AUTHORITIES.get(rule.title_id.level)

    def write(self, vals):
        # Every company of the database decides by these rules: who grants a title is
        # changed by the administrator, not by the leadership of one of them.
        if (
            "authority_level" in vals
            and not self.env.su
            and not self.env.user.has_group("base.group_system")
            and any(rule.authority_level != vals["authority_level"] for rule in self)
        ):
            raise AccessError(
                self.env._(
                    "Only an administrator changes who grants a title under a regime's "
                    "rules."
                )
            )
        return super().write(vals)

    def _get_rule_sets(self):
        return self.rule_set_id

    def _get_title_rule(self):
        """The engine's ``TitleRule`` of this record."""
        self.ensure_one()
        return TitleRule(
            title=self.title_id.code,
            requirements=self._get_requirements(),
            alternatives=tuple(
                alternative._get_requirements() for alternative in self.alternative_ids
            ),
            # In the source language: the reasons quote it in the reader's (_get_articles).
            article=self.with_context(lang="en_US").article or "",
            to_confirm=self.to_confirm,
            gap_breaks_streak=self.rule_set_id.gap_breaks_streak,
        )
