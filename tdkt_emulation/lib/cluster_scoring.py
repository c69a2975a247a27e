"""Scoring of an emulation cluster's members (cụm, khối thi đua) against the year's criteria
tree, and their ranking (no Odoo).

A ``Criterion`` is a group or a leaf. A group's points are the sum of its children's,
capped at its maximum when ``cap`` is set. A leaf's points come from the member's result:

- ``target``: target vs actual, through the criterion's formula, written as data over the
  variables ``target``, ``actual`` and ``max_points`` (``DEFAULT_TARGET_FORMULA`` when none);
  the formula is parsed with ``ast`` and only arithmetic, comparisons, conditional
  expressions and the functions ``min``, ``max``, ``round`` and ``abs`` are allowed;
- ``pass_fail``: full points when passed (actual non-zero), zero otherwise;
- ``count``: ``points_per_count`` per unit counted, capped at the maximum;
- ``bonus``: points added, from 0 to the maximum;
- ``penalty``: points subtracted, from minus the maximum to 0 (entered as a positive number
  of points to take off, or as a negative score).

Every error is a ``ScoringError`` with a ``code`` and ``params`` for the addon to word in
the reader's language (codes: ``syntax``, ``forbidden``, ``unknown_function``,
``unknown_variable``, ``division_by_zero``, ``not_a_number``, ``out_of_bounds``).

Ranking (``rank``): the higher total ranks first; totals equal once rounded to
``RANK_DIGITS`` decimals share a rank, and the next rank skips as many places as were
shared ("standard competition ranking": 1, 2, 2, 4). Within a tie, members keep the order of
their keys (names), so that a list is always printed the same way.
"""

import ast
import math
import operator
from dataclasses import dataclass, field

KINDS = ("group", "target", "pass_fail", "count", "bonus", "penalty")
TARGET_VARIABLES = ("target", "actual", "max_points")
DEFAULT_TARGET_FORMULA = "min(actual / target, 1) * max_points"
RANK_DIGITS = 2

_BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
_UNARY = {ast.UAdd: operator.pos, ast.USub: operator.neg, ast.Not: operator.not_}
_COMPARE = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}
_FUNCTIONS = {"min": min, "max": max, "round": round, "abs": abs}
_ALLOWED_NODES = (
    ast.Expression,
    ast.BinOp,
    ast.UnaryOp,
    ast.Compare,
    ast.IfExp,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.Load,
    *_BINARY,
    *_UNARY,
    *_COMPARE,
)
# The largest exponent allowed, so that a formula cannot make the server compute forever.
_MAX_EXPONENT = 100
# The deepest nesting of a formula's syntax tree allowed, so that neither the parser nor the
# evaluation (recursive) runs out of stack: far more than any scoring formula needs.
_MAX_DEPTH = 50


class ScoringError(Exception):
    """A formula or a score that cannot be used: ``code`` says why, ``params`` what."""

    def __init__(self, code, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Criterion:
    """A node of the criteria tree; ``key`` identifies it in scores and errors."""

    key: object
    kind: str = "group"
    max_points: float = 0.0
    name: str = ""
    formula: str = ""
    points_per_count: float = 0.0
    cap: bool = True
    children: tuple = field(default_factory=tuple)

    @property
    def bounds(self):
        """The lowest and highest points the criterion may give."""
        if self.kind == "penalty":
            return -self.max_points, 0.0
        return 0.0, self.max_points


# ------------------------------------------------------------
# FORMULAS
# ------------------------------------------------------------


def parse_formula(formula, variables=TARGET_VARIABLES):
    """Check ``formula`` and return its syntax tree.

    :raises ScoringError: ``syntax`` (with ``formula``), ``forbidden`` (``construct``),
        ``unknown_function`` or ``unknown_variable`` (``name``)
    """
    try:
        tree = ast.parse((formula or "").strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        raise ScoringError("syntax", formula=formula) from error
    if _depth(tree) > _MAX_DEPTH:
        raise ScoringError("syntax", formula=formula)
    called = {
        id(node.func)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            if id(node) in called or node.id in variables:
                continue
            raise ScoringError("unknown_variable", name=node.id, formula=formula)
        elif isinstance(node, ast.Call):
            if (
                not isinstance(node.func, ast.Name)
                or node.func.id not in _FUNCTIONS
                or node.keywords
            ):
                name = node.func.id if isinstance(node.func, ast.Name) else "?"
                raise ScoringError("unknown_function", name=name, formula=formula)
        elif isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, int | float):
                raise ScoringError(
                    "forbidden", construct=repr(node.value), formula=formula
                )
        elif not isinstance(node, _ALLOWED_NODES):
            raise ScoringError(
                "forbidden", construct=type(node).__name__, formula=formula
            )
    return tree


def _depth(tree):
    """How deep ``tree`` nests, measured without recursion."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest


def _walk(node, values, formula):
    """The value of a node of a formula checked by ``parse_formula``."""

    def walk(child):
        return _walk(child, values, formula)

    if isinstance(node, ast.Expression):
        return walk(node.body)
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.BinOp):
        left, right = walk(node.left), walk(node.right)
        if isinstance(node.op, ast.Pow):
            if abs(right) > _MAX_EXPONENT:
                raise ScoringError("not_a_number", formula=formula)
            left = float(left)
        return _BINARY[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp):
        return _UNARY[type(node.op)](walk(node.operand))
    if isinstance(node, ast.Compare):
        left = walk(node.left)
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = walk(comparator)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.IfExp):
        return walk(node.body) if walk(node.test) else walk(node.orelse)
    if isinstance(node, ast.BoolOp):
        results = [walk(value) for value in node.values]
        return all(results) if isinstance(node.op, ast.And) else any(results)
    # ast.Call: parse_formula let through only the whitelisted functions
    return _FUNCTIONS[node.func.id](*(walk(arg) for arg in node.args))


def evaluate(formula, values):
    """The value of ``formula`` for the variables ``values`` (a dict of numbers).

    :raises ScoringError: as ``parse_formula``, and ``division_by_zero``, ``not_a_number``
    """
    tree = parse_formula(formula, tuple(values))

    try:
        result = _walk(tree, values, formula)
    except ZeroDivisionError as error:
        raise ScoringError("division_by_zero", formula=formula) from error
    except (TypeError, ValueError, OverflowError) as error:
        raise ScoringError("not_a_number", formula=formula) from error
    if isinstance(result, bool):
        result = float(result)
    if not isinstance(result, int | float) or not math.isfinite(result):
        raise ScoringError("not_a_number", formula=formula)
    return float(result)


# ------------------------------------------------------------
# SCORES
# ------------------------------------------------------------


def check_bounds(criterion, points):
    """Raise ``out_of_bounds`` (``criterion``, ``points``, ``low``, ``high``) unless
    ``points`` lies within the criterion's bounds."""
    low, high = criterion.bounds
    if not low - 1e-9 <= points <= high + 1e-9:
        raise ScoringError(
            "out_of_bounds",
            criterion=criterion.name or str(criterion.key),
            points=points,
            low=low,
            high=high,
        )
    return points


def leaf_points(criterion, actual=0.0, target=0.0):
    """The points a leaf gives for the member's result ``actual`` (its target ``target``
    for the ``target`` kind; for ``bonus`` and ``penalty``, ``actual`` is the points)."""
    kind = criterion.kind
    actual = actual or 0.0
    if kind == "target":
        points = evaluate(
            criterion.formula or DEFAULT_TARGET_FORMULA,
            {
                "target": float(target or 0.0),
                "actual": float(actual),
                "max_points": float(criterion.max_points),
            },
        )
        # A formula may give more than the maximum for beating the target: the
        # criterion's bounds still hold.
        low, high = criterion.bounds
        return min(max(points, low), high)
    if kind == "pass_fail":
        return float(criterion.max_points) if actual else 0.0
    if kind == "count":
        if actual < 0:
            raise ScoringError(
                "out_of_bounds",
                criterion=criterion.name or str(criterion.key),
                points=actual,
                low=0.0,
                high=criterion.max_points,
            )
        return min(actual * criterion.points_per_count, criterion.max_points)
    if kind == "penalty" and actual > 0:
        actual = -actual
    return check_bounds(criterion, float(actual))


def total(criterion, points):
    """The points of ``criterion`` given the points of its leaves (``points``: key →
    points; a missing leaf counts 0). Each leaf's points must lie within its bounds."""
    if criterion.kind != "group":
        return check_bounds(criterion, float(points.get(criterion.key) or 0.0))
    result = sum(total(child, points) for child in criterion.children)
    if criterion.cap:
        result = min(result, criterion.max_points)
    return result


def rank(totals):
    """Rank members by their totals (``totals``: key → points).

    :return: a list of (rank, key, total), best first; see the module's docstring
    """
    ordered = sorted(
        totals.items(), key=lambda item: (-round(item[1], RANK_DIGITS), item[0])
    )
    ranked, previous = [], None
    for place, (key, points) in enumerate(ordered, start=1):
        rounded = round(points, RANK_DIGITS)
        if ranked and rounded == previous:
            place = ranked[-1][0]
        ranked.append((place, key, points))
        previous = rounded
    return ranked
