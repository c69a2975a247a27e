from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.cluster_scoring import (
    DEFAULT_TARGET_FORMULA,
    TARGET_VARIABLES,
    Criterion,
    ScoringError,
    parse_formula,
)

CRITERION_KINDS = [
    ("group", "Group"),
    ("target", "Target vs Actual"),
    ("pass_fail", "Pass / Fail"),
    ("count", "Points per Count"),
    ("bonus", "Bonus"),
    ("penalty", "Penalty"),
]


class TdktClusterCriterion(models.Model):
    """A criterion of a cluster's scoring table for a year: a group summing its children
    (capped at its maximum when asked), or a leaf scored from each member's result (see
    ``lib/cluster_scoring.py`` for the kinds). Edited while the year's round is a draft."""

    _name = "tdkt.cluster.criterion"
    _description = "Emulation Cluster Criterion"
    _inherit = ["tdkt.input.mixin"]
    _order = "covenant_id, sequence, id"
    _parent_store = True
    _check_company_auto = True

    covenant_id = fields.Many2one(
        "tdkt.cluster.covenant",
        required=True,
        index=True,
        ondelete="cascade",
    )
    cluster_id = fields.Many2one(related="covenant_id.cluster_id", store=True)
    year = fields.Integer(related="covenant_id.year", store=True)
    company_id = fields.Many2one(
        related="covenant_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(help="The criterion's number in the table, e.g. I.2.")
    name = fields.Char("Criterion", required=True)
    parent_id = fields.Many2one(
        "tdkt.cluster.criterion",
        "Group",
        index=True,
        ondelete="cascade",
        domain="[('covenant_id', '=', covenant_id), ('kind', '=', 'group')]",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("tdkt.cluster.criterion", "parent_id", "Sub-criteria")
    kind = fields.Selection(CRITERION_KINDS, required=True, default="target")
    max_points = fields.Float("Maximum Points", required=True, digits=(6, 2))
    is_capped = fields.Boolean(
        "Capped at the Maximum",
        default=True,
        help="A group gives at most its maximum, whatever its children sum to.",
    )
    formula = fields.Char(
        help="How a target vs actual criterion turns the result into points, over the "
        "variables target, actual and max_points, with min, max, round and abs; empty: "
        + DEFAULT_TARGET_FORMULA
    )
    points_per_count = fields.Float(digits=(6, 2))

    _sql_constraints = [
        (
            "max_points_positive",
            "CHECK(max_points >= 0)",
            "The maximum points of a criterion cannot be negative.",
        ),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for criterion in self:
            criterion.display_name = " ".join(
                part for part in (criterion.code, criterion.name) if part
            )

    @api.constrains("formula", "kind")
    def _check_formula(self):
        for criterion in self:
            if criterion.kind == "target" and criterion.formula:
                try:
                    parse_formula(criterion.formula, TARGET_VARIABLES)
                except ScoringError as error:
                    raise ValidationError(
                        criterion._get_scoring_error_message(error)
                    ) from error

    @api.constrains("parent_id", "covenant_id", "kind")
    def _check_parent(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A criterion cannot contain itself."))
        for criterion in self:
            parent = criterion.parent_id
            if parent and (
                parent.kind != "group" or parent.covenant_id != criterion.covenant_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(criterion)s can only be placed in a group of the same year's "
                        "table.",
                        criterion=criterion.display_name,
                    )
                )
            if criterion.kind != "group" and criterion.child_ids:
                raise ValidationError(
                    self.env._(
                        "%(criterion)s has sub-criteria: it must stay a group.",
                        criterion=criterion.display_name,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        covenants = self.env["tdkt.cluster.covenant"].browse(
            [vals.get("covenant_id") for vals in vals_list if vals.get("covenant_id")]
        )
        covenants._check_criteria_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.covenant_id._check_criteria_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        self.covenant_id._check_criteria_editable()

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _get_scoring_criterion(self):
        """This criterion and its sub-tree, for ``lib/cluster_scoring``."""
        self.ensure_one()
        return Criterion(
            key=self.id,
            kind=self.kind,
            max_points=self.max_points,
            name=self.display_name,
            formula=self.formula or "",
            points_per_count=self.points_per_count,
            cap=self.is_capped,
            children=tuple(child._get_scoring_criterion() for child in self.child_ids),
        )

    @api.model
    def _get_scoring_error_message(self, error):
        """``error`` (a ``ScoringError``) worded in the user's language."""
        params = error.params
        messages = {
            "syntax": lambda: self.env._(
                "The formula %(formula)s cannot be read.", formula=params["formula"]
            ),
            "forbidden": lambda: self.env._(
                "The formula %(formula)s uses %(construct)s, which a formula may not "
                "use: only numbers, the variables, arithmetic, comparisons, "
                "'if ... else' and min, max, round, abs.",
                formula=params["formula"],
                construct=params["construct"],
            ),
            "unknown_function": lambda: self.env._(
                "The formula %(formula)s calls %(name)s: only min, max, round and abs "
                "may be called.",
                formula=params["formula"],
                name=params["name"],
            ),
            "unknown_variable": lambda: self.env._(
                "The formula %(formula)s uses the unknown variable %(name)s: only "
                "target, actual and max_points are known.",
                formula=params["formula"],
                name=params["name"],
            ),
            "division_by_zero": lambda: self.env._(
                "The formula %(formula)s divides by zero: enter the member's target.",
                formula=params["formula"],
            ),
            "not_a_number": lambda: self.env._(
                "The formula %(formula)s does not give a number.",
                formula=params["formula"],
            ),
            "out_of_bounds": lambda: self.env._(
                "%(points)s points are outside the bounds of %(criterion)s: from "
                "%(low)s to %(high)s.",
                points=params["points"],
                criterion=params["criterion"],
                low=params["low"],
                high=params["high"],
            ),
        }
        return messages[error.code]()

    def _raise_scoring_error(self, error, exception=UserError):
        raise exception(self._get_scoring_error_message(error)) from error
