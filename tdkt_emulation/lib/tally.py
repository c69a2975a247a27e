"""Tally of a council's secret ballots on one agenda item (no Odoo).

The agree share is taken over **all** the council's members, not over the ballots cast:
an absent member, or one who abstains, counts against (Decree 91/2017 Art 45.8,
Decree 98/2023 Art 30.7). Fractions are compared exactly, so 9 of 10 members meets a
90% threshold and 5 of 7 (71.43%) meets 70%.
"""

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

CHOICES = ("agree", "disagree", "abstain")


@dataclass(frozen=True)
class Tally:
    agree: int
    disagree: int
    abstain: int
    valid: int
    members: int
    threshold: float
    share: float
    passed: bool


def tally_ballots(choices, members, threshold):
    """Count the ballots of one item and compare the agree share with ``threshold``.

    :param choices: the choice of each ballot cast, each one of ``CHOICES``
    :param members: the number of the council's members
    :param threshold: the agree share needed, in percent (0 < threshold <= 100)
    :raise ValueError: on an unknown choice, more ballots than members, no member, or a
        threshold outside (0, 100]
    """
    counts = Counter(choices)
    unknown = set(counts) - set(CHOICES)
    if unknown:
        raise ValueError(
            f"unknown ballot choice(s): {', '.join(sorted(map(str, unknown)))}"
        )
    if members <= 0:
        raise ValueError("a council without members cannot vote")
    valid = sum(counts.values())
    if valid > members:
        raise ValueError(f"{valid} ballots for {members} members")
    if not 0 < threshold <= 100:
        raise ValueError(f"threshold {threshold} is not a percentage in (0, 100]")
    share = Fraction(counts["agree"] * 100, members)
    return Tally(
        agree=counts["agree"],
        disagree=counts["disagree"],
        abstain=counts["abstain"],
        valid=valid,
        members=members,
        threshold=threshold,
        share=round(float(share), 2),
        # str() so that 70.0 is exactly 70 and 66.67 exactly 6667/100
        passed=share >= Fraction(str(threshold)),
    )
