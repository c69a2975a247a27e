"""Tally of a council's secret ballots on one agenda item (no Odoo).

The agree share is taken over **all** the council's members, not over the ballots cast:
an absent member, or one who abstains, counts against (Decree 91/2017 Art 45.8,
Decree 98/2023 Art 30.7); an absent member's written opinion is a ballot like the others.
Members recused from an item (the candidate, or a member of the collective proposed) cast
no ballot on it; the share is still taken over all the members unless the setting takes it
over the members not recused. Fractions are compared exactly, so 9 of 10 members meets a
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
    recused: int
    base: int
    threshold: float
    share: float
    passed: bool


def tally_ballots(choices, members, threshold, recused=0, exclude_recused=False):
    """Count the ballots of one item and compare the agree share with ``threshold``.

    :param choices: the choice of each ballot cast, each one of ``CHOICES``
    :param members: the number of the council's members
    :param threshold: the agree share needed, in percent (0 < threshold <= 100)
    :param recused: the number of members recused from the item, who cast no ballot
    :param exclude_recused: take the share over the members not recused instead of all
    :raise ValueError: on an unknown choice, more ballots than members who may vote, no
        member who may vote, or a threshold outside (0, 100]
    """
    counts = Counter(choices)
    unknown = set(counts) - set(CHOICES)
    if unknown:
        raise ValueError(
            f"unknown ballot choice(s): {', '.join(sorted(map(str, unknown)))}"
        )
    if members <= 0:
        raise ValueError("a council without members cannot vote")
    if not 0 <= recused <= members:
        raise ValueError(f"{recused} members recused of {members}")
    valid = sum(counts.values())
    if valid > members - recused:
        raise ValueError(
            f"{valid} ballots for {members - recused} members who may vote"
        )
    base = members - recused if exclude_recused else members
    if base <= 0:
        raise ValueError("every member is recused: nobody may vote")
    if not 0 < threshold <= 100:
        raise ValueError(f"threshold {threshold} is not a percentage in (0, 100]")
    share = Fraction(counts["agree"] * 100, base)
    return Tally(
        agree=counts["agree"],
        disagree=counts["disagree"],
        abstain=counts["abstain"],
        valid=valid,
        members=members,
        recused=recused,
        base=base,
        threshold=threshold,
        share=round(float(share), 2),
        # str() so that 70.0 is exactly 70 and 66.67 exactly 6667/100
        passed=share >= Fraction(str(threshold)),
    )


def quorum_required(members, percent):
    """The fewest members present that meet a quorum of ``percent`` of ``members``
    (0: no quorum), compared exactly: 80% of 10 is 8, of 9 is 8 (7.2 rounded up)."""
    if not 0 <= percent <= 100:
        raise ValueError(f"quorum {percent} is not a percentage in [0, 100]")
    needed = Fraction(str(percent)) * members / 100
    return -(-needed.numerator // needed.denominator)
