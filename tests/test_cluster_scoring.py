"""Scoring of a cluster's members: the formula evaluator, each leaf kind, the tree's
totals and the ranking, by tables of cases."""

import pytest

from tdkt_emulation.lib.cluster_scoring import (
    DEFAULT_TARGET_FORMULA,
    Criterion,
    ScoringError,
    evaluate,
    leaf_points,
    parse_formula,
    rank,
    total,
)

VALUES = {"target": 10.0, "actual": 8.0, "max_points": 20.0}


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        (DEFAULT_TARGET_FORMULA, 16.0),
        ("actual / target * max_points", 16.0),
        ("max_points if actual >= target else 0", 0.0),
        ("max_points if actual >= target * 0.8 else 0", 20.0),
        ("min(max_points, max(0, max_points - (target - actual) * 2))", 16.0),
        ("round(actual / 3, 2)", 2.67),
        ("abs(actual - target)", 2.0),
        ("2 ** 3", 8.0),
        ("-actual + 10 // 3 + 10 % 3", -4.0),
        ("actual > 5 and target > 5", 1.0),
        ("actual > 9 or target < 5", 0.0),
        ("1 < actual < 9", 1.0),
        ("not actual", 0.0),
        ("  max_points  ", 20.0),
    ],
)
def test_formula_values(formula, expected):
    assert evaluate(formula, VALUES) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("formula", "code", "params"),
    [
        ("actual / goal", "unknown_variable", {"name": "goal"}),
        ("min + 1", "unknown_variable", {"name": "min"}),
        ("__import__('os').system('true')", "unknown_function", {}),
        ("open('x')", "unknown_function", {"name": "open"}),
        ("actual.real", "forbidden", {"construct": "Attribute"}),
        ("[actual][0]", "forbidden", {}),
        ("'text'", "forbidden", {}),
        ("lambda: 1", "forbidden", {}),
        ("(x := 1)", "forbidden", {}),
        ("True", "forbidden", {}),
        ("min(actual, key=abs)", "unknown_function", {"name": "min"}),
        ("actual +", "syntax", {}),
        ("", "syntax", {}),
        ("actual = 1", "syntax", {}),
        # Nested past what the parser's or the evaluation's stack holds.
        pytest.param("-" * 600 + "actual", "syntax", {}, id="nested-600"),
        pytest.param("actual" + " + 1" * 600, "syntax", {}, id="terms-600"),
        pytest.param("-" * 20000 + "actual", "syntax", {}, id="nested-20000"),
        ("actual\x00", "syntax", {}),
        ("actual / (target - 10)", "division_by_zero", {}),
        ("10 ** 1000", "not_a_number", {}),
        ("(10.0 ** 99) ** 99", "not_a_number", {}),
        ("round(actual, 1.5)", "not_a_number", {}),
    ],
)
def test_formula_errors(formula, code, params):
    with pytest.raises(ScoringError) as caught:
        evaluate(formula, VALUES)
    assert caught.value.code == code
    assert params.items() <= caught.value.params.items()


def test_a_formula_is_checked_without_values():
    parse_formula("actual / target * max_points")
    with pytest.raises(ScoringError) as caught:
        parse_formula("actual * bonus")
    assert caught.value.params == {"name": "bonus", "formula": "actual * bonus"}


@pytest.mark.parametrize(
    ("criterion", "actual", "target", "expected"),
    [
        # target vs actual, the default formula: proportional, never above the maximum
        (Criterion(1, "target", 10), 5, 10, 5.0),
        (Criterion(1, "target", 10), 12, 10, 10.0),
        (Criterion(1, "target", 10), 0, 10, 0.0),
        # a formula giving more than the maximum is held within the bounds
        (
            Criterion(1, "target", 10, formula="actual / target * max_points"),
            15,
            10,
            10.0,
        ),
        (Criterion(1, "target", 10, formula="actual - target"), 5, 10, 0.0),
        # all-or-nothing at 90 % of the target
        (
            Criterion(
                1, "target", 6, formula="max_points if actual >= 0.9 * target else 0"
            ),
            9,
            10,
            6.0,
        ),
        (
            Criterion(
                1, "target", 6, formula="max_points if actual >= 0.9 * target else 0"
            ),
            8.9,
            10,
            0.0,
        ),
        # pass / fail
        (Criterion(1, "pass_fail", 5), 1, 0, 5.0),
        (Criterion(1, "pass_fail", 5), 0, 0, 0.0),
        # points per count, capped
        (Criterion(1, "count", 10, points_per_count=2), 3, 0, 6.0),
        (Criterion(1, "count", 10, points_per_count=2), 7, 0, 10.0),
        (Criterion(1, "count", 10, points_per_count=2.5), 0, 0, 0.0),
        # bonus added within its bounds, penalty subtracted
        (Criterion(1, "bonus", 5), 3, 0, 3.0),
        (Criterion(1, "bonus", 5), 5, 0, 5.0),
        (Criterion(1, "penalty", 5), 2, 0, -2.0),
        (Criterion(1, "penalty", 5), -2, 0, -2.0),
        (Criterion(1, "penalty", 5), 0, 0, 0.0),
    ],
)
def test_leaf_points(criterion, actual, target, expected):
    assert leaf_points(criterion, actual, target) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("criterion", "actual", "target", "code"),
    [
        (Criterion(1, "bonus", 5, name="Initiatives"), 6, 0, "out_of_bounds"),
        (Criterion(1, "bonus", 5), -1, 0, "out_of_bounds"),
        (Criterion(1, "penalty", 5), 6, 0, "out_of_bounds"),
        (Criterion(1, "count", 10, points_per_count=2), -1, 0, "out_of_bounds"),
        (Criterion(1, "target", 10), 5, 0, "division_by_zero"),
        (
            Criterion(1, "target", 10, formula="actual / plan"),
            5,
            10,
            "unknown_variable",
        ),
    ],
)
def test_leaf_errors(criterion, actual, target, code):
    with pytest.raises(ScoringError) as caught:
        leaf_points(criterion, actual, target)
    assert caught.value.code == code


def test_out_of_bounds_names_the_criterion_and_its_bounds():
    with pytest.raises(ScoringError) as caught:
        leaf_points(Criterion(7, "bonus", 5, name="Initiatives"), 6)
    assert caught.value.params == {
        "criterion": "Initiatives",
        "points": 6.0,
        "low": 0.0,
        "high": 5.0,
    }


TREE = Criterion(
    "root",
    "group",
    100,
    cap=False,
    children=(
        Criterion(
            "A",
            "group",
            10,
            children=(Criterion("A1", "target", 6), Criterion("A2", "count", 6)),
        ),
        Criterion(
            "B",
            "group",
            10,
            cap=False,
            children=(Criterion("B1", "pass_fail", 6), Criterion("B2", "pass_fail", 6)),
        ),
        Criterion("bonus", "bonus", 5),
        Criterion("penalty", "penalty", 5),
    ),
)


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ({}, 0.0),
        ({"A1": 3, "A2": 4}, 7.0),
        # a capped group gives at most its maximum
        ({"A1": 6, "A2": 6}, 10.0),
        # an uncapped group sums its children whatever its maximum
        ({"B1": 6, "B2": 6}, 12.0),
        ({"A1": 6, "A2": 6, "B1": 6, "bonus": 5, "penalty": -3}, 18.0),
    ],
)
def test_tree_totals(points, expected):
    assert total(TREE, points) == pytest.approx(expected)


@pytest.mark.parametrize(
    "points",
    [{"A1": 7}, {"A2": -1}, {"bonus": 5.5}, {"penalty": 1}, {"penalty": -6}],
)
def test_tree_refuses_points_out_of_bounds(points):
    with pytest.raises(ScoringError) as caught:
        total(TREE, points)
    assert caught.value.code == "out_of_bounds"


@pytest.mark.parametrize(
    ("totals", "expected"),
    [
        ({}, []),
        ({"X": 90}, [(1, "X", 90)]),
        (
            {"C": 80, "A": 95, "B": 90},
            [(1, "A", 95), (2, "B", 90), (3, "C", 80)],
        ),
        # ties share the rank; the next rank skips; ties keep the keys' order
        (
            {"D": 90, "B": 95, "C": 90, "A": 80},
            [(1, "B", 95), (2, "C", 90), (2, "D", 90), (4, "A", 80)],
        ),
        (
            {"B": 90, "A": 90, "C": 90},
            [(1, "A", 90), (1, "B", 90), (1, "C", 90)],
        ),
        # equal once rounded to two decimals: floating-point sums do not split a tie
        (
            {"A": 0.1 + 0.2, "B": 0.3, "C": 0.29},
            [(1, "A", 0.1 + 0.2), (1, "B", 0.3), (3, "C", 0.29)],
        ),
    ],
)
def test_rank(totals, expected):
    assert rank(totals) == expected
