"""Scoring of initiatives by the members of an initiative council (no Odoo).

Each member scores each criterion from 0 to its maximum. A criterion's average is taken
over the members who scored it; the total is the sum of the averages, and the initiative
passes when the total reaches the pass mark, a percentage of the maximum total.
"""

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Score:
    averages: dict  # criterion -> average points, rounded to 2 decimals
    total: float
    max_total: float
    pass_mark: float
    scorers: int
    passed: bool | None  # None when nobody scored


def check_points(points, max_points):
    """Return True when ``points`` is a valid score for a criterion of ``max_points``."""
    return (
        isinstance(points, int | float)
        and not isinstance(points, bool)
        and 0 <= points <= max_points
    )


def score_initiative(criteria, cards, pass_percent):
    """Average the members' score cards of one initiative.

    :param criteria: ``{criterion: max_points}``
    :param cards: ``{member: {criterion: points}}``; a member may leave a criterion out
    :param pass_percent: the pass mark as a percentage of the maximum total (0..100)
    :raise ValueError: on points outside 0..max, an unknown criterion or a bad pass mark
    """
    if not 0 <= pass_percent <= 100:
        raise ValueError(f"pass mark {pass_percent}% is not a percentage")
    sums = {criterion: Fraction(0) for criterion in criteria}
    counts = dict.fromkeys(criteria, 0)
    scorers = 0
    for member, card in cards.items():
        if not card:
            continue
        scorers += 1
        for criterion, points in card.items():
            if criterion not in criteria:
                raise ValueError(f"{member} scored an unknown criterion {criterion!r}")
            if not check_points(points, criteria[criterion]):
                raise ValueError(
                    f"{member} gave {points} points to {criterion!r}, out of 0..{criteria[criterion]}"
                )
            sums[criterion] += Fraction(str(points))
            counts[criterion] += 1
    averages = {
        criterion: sums[criterion] / counts[criterion]
        if counts[criterion]
        else Fraction(0)
        for criterion in criteria
    }
    total = sum(averages.values(), Fraction(0))
    max_total = sum(
        (Fraction(str(points)) for points in criteria.values()), Fraction(0)
    )
    pass_mark = max_total * Fraction(str(pass_percent)) / 100
    return Score(
        averages={
            criterion: round(float(value), 2) for criterion, value in averages.items()
        },
        total=round(float(total), 2),
        max_total=float(max_total),
        pass_mark=round(float(pass_mark), 2),
        scorers=scorers,
        passed=total >= pass_mark if scorers else None,
    )
