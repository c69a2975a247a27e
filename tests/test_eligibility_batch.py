"""Checking many proposals at once (``check_batch``): a unit counts the members who
qualify for a title (an award, or their own eligible proposal), never mere proposals, and
a title of the same year counts only when its own proposal is eligible."""

import pytest

from tdkt_emulation.lib.eligibility import (
    ELIGIBLE,
    INELIGIBLE,
    UNKNOWN,
    Entry,
    Facts,
    Requirements,
    TitleRule,
    UnitFacts,
    check_batch,
    title_order,
)

LDTT = TitleRule("LDTT", Requirements(min_rating="good"))
CSTDCS = TitleRule(
    "CSTDCS",
    Requirements(same_year_title="LDTT", quota_percent=50, quota_base_title="LDTT"),
)
TTLDXS = TitleRule(
    "TTLDXS",
    Requirements(
        member_title="LDTT",
        member_title_share=70,
        member_min_title="CSTDCS",
        member_min_count=1,
        collective_min_rating="excellent",
    ),
)


def _batch(ratings, cstdcs=(), awards=None, unit_rating="excellent", unit_members=None):
    """Every person of ``ratings`` proposed for LĐTT, those of ``cstdcs`` for CSTĐCS too,
    and the unit for TTLĐXS: the results by (subject, title)."""
    members = set(unit_members if unit_members is not None else ratings)
    unit = UnitFacts(
        members=len(members),
        candidate_counts={"CSTDCS": len(cstdcs)},
        all_complete=True,
        rating=unit_rating,
    )
    entries = []
    for person, rating in ratings.items():
        for rule in (LDTT, *((CSTDCS,) if person in cstdcs else ())):
            entries.append(
                Entry(
                    key=(person, rule.title),
                    rule=rule,
                    facts=Facts(2030, ratings={2030: rating}, unit=unit),
                    subject=person,
                    unit_key="unit",
                )
            )
    entries.append(
        Entry(
            key=("unit", "TTLDXS"),
            rule=TTLDXS,
            facts=Facts(2030, unit=unit),
            subject="unit",
            unit_key="unit",
        )
    )
    # Shuffled: the order of the entries does not matter.
    entries.reverse()
    results = check_batch(entries, {"unit": members}, awards or {})
    return {key: result.status for key, result in results.items()}, unit


def test_titles_are_checked_after_the_titles_their_rules_look_at():
    assert title_order([TTLDXS, CSTDCS, LDTT]) == ["LDTT", "CSTDCS", "TTLDXS"]


@pytest.mark.parametrize(
    ("good", "status", "counted"),
    [(6, INELIGIBLE, 6), (7, ELIGIBLE, 7), (10, ELIGIBLE, 10)],
)
def test_collective_counts_members_who_qualify_not_those_proposed(
    good, status, counted
):
    ratings = {f"p{n}": "good" if n < good else "complete" for n in range(10)}
    statuses, unit = _batch(ratings, cstdcs={"p0"})
    assert statuses["unit", "TTLDXS"] == status
    assert unit.title_counts["LDTT"] == counted


def test_an_award_counts_without_a_proposal():
    ratings = {f"p{n}": "good" if n < 6 else "complete" for n in range(10)}
    awards = {"p9": {2030: {"LDTT"}}}
    statuses, unit = _batch(ratings, cstdcs={"p0"}, awards=awards)
    assert unit.title_counts["LDTT"] == 7
    assert statuses["unit", "TTLDXS"] == ELIGIBLE


def test_a_member_without_a_proposal_still_counts_among_the_members():
    ratings = {f"p{n}": "good" for n in range(7)}
    statuses, unit = _batch(
        ratings, cstdcs={"p0"}, unit_members=[*ratings, "p7", "p8", "p9"]
    )
    assert unit.members == 10
    assert statuses["unit", "TTLDXS"] == ELIGIBLE
    statuses, _unit = _batch(
        ratings, cstdcs={"p0"}, unit_members=[*ratings, "p7", "p8", "p9", "p10"]
    )
    assert statuses["unit", "TTLDXS"] == INELIGIBLE


@pytest.mark.parametrize(
    ("rating", "ldtt", "cstdcs"),
    [("good", ELIGIBLE, ELIGIBLE), ("complete", INELIGIBLE, INELIGIBLE)],
)
def test_same_year_title_counts_only_an_eligible_proposal(rating, ldtt, cstdcs):
    statuses, _unit = _batch({"p0": rating, "p1": "good"}, cstdcs={"p0"})
    assert (statuses["p0", "LDTT"], statuses["p0", "CSTDCS"]) == (ldtt, cstdcs)


def test_quota_base_counts_qualified_members():
    # Two proposed for CSTĐCS, at most 50% of those qualifying for LĐTT: 4 qualify of 6.
    ratings = {f"p{n}": "good" if n < 4 else "complete" for n in range(6)}
    statuses, unit = _batch(ratings, cstdcs={"p0", "p1"})
    assert unit.title_counts["LDTT"] == 4
    assert statuses["p0", "CSTDCS"] == ELIGIBLE
    ratings = {f"p{n}": "good" if n < 3 else "complete" for n in range(6)}
    statuses, unit = _batch(ratings, cstdcs={"p0", "p1"})
    assert statuses["p0", "CSTDCS"] == INELIGIBLE


@pytest.mark.parametrize(
    ("unit_rating", "status"),
    [("excellent", ELIGIBLE), ("good", INELIGIBLE), (None, UNKNOWN)],
)
def test_unit_rating(unit_rating, status):
    ratings = {f"p{n}": "good" for n in range(10)}
    statuses, _unit = _batch(ratings, cstdcs={"p0"}, unit_rating=unit_rating)
    assert statuses["unit", "TTLDXS"] == status
