import pytest

from tdkt_emulation.lib.scoring import check_points, score_initiative

CRITERIA = {"novelty": 30, "applicability": 30, "effectiveness": 40}


def test_average_over_members_who_scored():
    cards = {
        "a": {"novelty": 30, "applicability": 20, "effectiveness": 30},
        "b": {"novelty": 20, "applicability": 20, "effectiveness": 20},
        "c": {"novelty": 25, "applicability": 20, "effectiveness": 10},
        "silent": {},
    }
    score = score_initiative(CRITERIA, cards, 50)
    assert score.averages == {
        "novelty": 25.0,
        "applicability": 20.0,
        "effectiveness": 20.0,
    }
    assert (score.total, score.max_total, score.pass_mark, score.scorers) == (
        65.0,
        100.0,
        50.0,
        3,
    )
    assert score.passed is True


def test_criterion_left_out_is_averaged_over_those_who_scored_it():
    cards = {"a": {"novelty": 10}, "b": {"novelty": 20, "effectiveness": 40}}
    score = score_initiative(CRITERIA, cards, 50)
    assert score.averages == {
        "novelty": 15.0,
        "applicability": 0.0,
        "effectiveness": 40.0,
    }
    assert score.total == 55.0


@pytest.mark.parametrize(
    ("points", "percent", "passed"),
    [
        (50, 50, True),
        (49.99, 50, False),
        (70, 70, True),
        (0, 0, True),
        (100, 100, True),
    ],
)
def test_pass_mark_is_inclusive(points, percent, passed):
    score = score_initiative({"all": 100}, {"a": {"all": points}}, percent)
    assert score.passed is passed


def test_thirds_do_not_drift():
    cards = {
        name: {"all": points} for name, points in (("a", 10), ("b", 10), ("c", 11))
    }
    score = score_initiative({"all": 20}, cards, 51.66)
    assert score.averages["all"] == 10.33
    assert score.passed is True  # 31/3 = 10.333 ≥ 10.332


def test_nobody_scored():
    score = score_initiative(CRITERIA, {}, 50)
    assert score.passed is None
    assert score.total == 0


@pytest.mark.parametrize(
    ("cards", "percent", "message"),
    [
        ({"a": {"novelty": 31}}, 50, "out of 0..30"),
        ({"a": {"novelty": -1}}, 50, "out of 0..30"),
        ({"a": {"beauty": 1}}, 50, "unknown criterion"),
        ({}, 101, "not a percentage"),
    ],
)
def test_refuses_bad_scores(cards, percent, message):
    with pytest.raises(ValueError, match=message):
        score_initiative(CRITERIA, cards, percent)


@pytest.mark.parametrize(
    ("points", "valid"),
    [(0, True), (30, True), (30.5, False), (-0.01, False), (True, False), ("5", False)],
)
def test_check_points(points, valid):
    assert check_points(points, 30) is valid
