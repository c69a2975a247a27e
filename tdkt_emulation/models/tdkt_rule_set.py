from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

from ..lib.eligibility import select_rule_set


class TdktRuleSet(models.Model):
    """The eligibility rules of one legal regime, in force between two dates: a new decree
    is a new rule set, not new code. A plan's titles are judged by the rule set in force on
    the last day of its year."""

    _name = "tdkt.rule.set"
    _description = "Eligibility Rule Set"
    _inherit = ["tdkt.input.mixin", "mail.thread", "tdkt.eligibility.source"]
    _order = "date_from desc, id desc"

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    date_from = fields.Date("Valid From", tracking=True)
    date_to = fields.Date("Valid Until", tracking=True)
    legal_texts = fields.Text(
        translate=True, help="The laws, decrees and circulars the rules come from."
    )
    gap_breaks_streak = fields.Boolean(
        "A Gap Year Breaks Consecutive Years",
        default=True,
        help='No text defines "consecutive": by default a year without the title breaks the streak; '
        "uncheck to count the times instead.",
    )
    active = fields.Boolean(default=True)
    rule_ids = fields.One2many("tdkt.title.rule", "rule_set_id", "Rules", copy=True)

    @api.constrains("date_from", "date_to", "active")
    def _check_dates(self):
        for rule_set in self:
            if (
                rule_set.date_from
                and rule_set.date_to
                and rule_set.date_from > rule_set.date_to
            ):
                raise ValidationError(
                    self.env._("%(name)s ends before it begins.", name=rule_set.name)
                )
            if not rule_set.active:
                continue
            # Two periods overlap when each begins before the other ends (an empty bound is open).
            domain = [("id", "!=", rule_set.id)]
            if rule_set.date_to:
                domain += [
                    "|",
                    ("date_from", "=", False),
                    ("date_from", "<=", rule_set.date_to),
                ]
            if rule_set.date_from:
                domain += [
                    "|",
                    ("date_to", "=", False),
                    ("date_to", ">=", rule_set.date_from),
                ]
            if other := self.search(domain, limit=1):
                raise ValidationError(
                    self.env._(
                        "%(first)s and %(second)s are in force at the same time.",
                        first=rule_set.name,
                        second=other.name,
                    )
                )

    def _get_lines_for_eligibility(self):
        """The registration lines of the years these rule sets judge."""
        if not self:
            return self.env["tdkt.registration.line"]
        domains = []
        for rule_set in self:
            domain = []
            if rule_set.date_from:
                domain.append(("year", ">=", rule_set.date_from.year))
            if rule_set.date_to:
                domain.append(("year", "<=", rule_set.date_to.year))
            domains.append(domain or [(1, "=", 1)])
        return self.env["tdkt.registration.line"].sudo().search(expression.OR(domains))

    @api.model
    def _get_for_year(self, year):
        """The rule set that judges the titles of ``year``, or an empty recordset."""
        sets = self.sudo().search([])
        rule_set_id = select_rule_set(
            [
                (rule_set.id, rule_set.date_from or None, rule_set.date_to or None)
                for rule_set in sets
            ],
            date(year, 12, 31),
        )
        return self.browse(rule_set_id)
