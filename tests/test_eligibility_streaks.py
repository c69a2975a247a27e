"""Runs of years ("N or more consecutive years, since the award of X, within which M times
title Y / at least K years rated Z"), as Law 2022 Art 73.1.b and 44.1.e word them: a table
of cases of runs, gaps and starts."""

import pytest

from tdkt_emulation.lib.eligibility import (
    ELIGIBLE,
    INELIGIBLE,
    UNKNOWN,
    Facts,
    Requirements,
    TitleRule,
    UnitFacts,
    check,
)

# Bằng khen Thủ tướng (Law 2022 Art 73.1.b): a provincial merit, then 5 or more years in a
# row rated good or better, within which 3 times CSTĐCS.
PRIME_MINISTER = TitleRule(
    "BK_TTG",
    Requirements(
        run_years=5,
        run_rating="good",
        run_after_title="BK_UBND_TINH",
        run_title="CSTDCS",
        run_title_count=3,
    ),
    article="Law 2022 Art 73.1.b",
)
# Huân chương Lao động hạng Ba (Law 2022 Art 44.1.e): adds one year rated excellent.
LABOUR_ORDER = TitleRule(
    "HC_LD_3",
    Requirements(
        run_years=5,
        run_rating="good",
        run_after_title="BK_TTG",
        run_title="CSTDCS",
        run_title_count=3,
        run_top_rating="excellent",
        run_top_rating_count=1,
    ),
)
# Without a starting award: the unbroken run of ratings ending with the year.
RATINGS_ONLY = TitleRule(
    "X",
    Requirements(
        run_years=2, run_rating="excellent", run_title="CSTDCS", run_title_count=2
    ),
)


def _reason(result, code):
    return next(reason for reason in result.reasons if reason.code == code)


def _good(first, last):
    return dict.fromkeys(range(first, last + 1), "good")


CASES = [
    # (name, rule, facts, status, run period (first, last) or None, CSTĐCS counted)
    (
        "7-year run with 3 CSTĐCS spread over it, one in the 6th year back",
        PRIME_MINISTER,
        Facts(
            2024,
            awards={2017: {"BK_UBND_TINH"}, 2019: {"CSTDCS"}, 2022: {"CSTDCS"}},
            proposed={"CSTDCS"},
            ratings=_good(2018, 2024),
        ),
        ELIGIBLE,
        (2018, 2024),
        3,
    ),
    (
        "the same 3 CSTĐCS, but a gap year (rated complete) in 2021 breaks the run",
        PRIME_MINISTER,
        Facts(
            2024,
            awards={2017: {"BK_UBND_TINH"}, 2019: {"CSTDCS"}, 2022: {"CSTDCS"}},
            proposed={"CSTDCS"},
            ratings=_good(2018, 2024) | {2021: "complete"},
        ),
        INELIGIBLE,
        (2022, 2024),
        2,
    ),
    (
        "the run starts after the last award: a CSTĐCS of its year or before does not count",
        PRIME_MINISTER,
        Facts(
            2024,
            awards={
                2014: {"BK_UBND_TINH"},
                2019: {"BK_UBND_TINH", "CSTDCS"},
                2021: {"CSTDCS"},
            },
            proposed={"CSTDCS"},
            ratings=_good(2012, 2024),
        ),
        INELIGIBLE,
        (2020, 2024),
        2,
    ),
    (
        "fewer than 5 years since the award fails, whatever the ratings before it",
        PRIME_MINISTER,
        Facts(
            2024,
            awards={
                2020: {"BK_UBND_TINH", "CSTDCS"},
                2022: {"CSTDCS"},
                2023: {"CSTDCS"},
            },
            proposed={"CSTDCS"},
            ratings=_good(2010, 2024),
        ),
        INELIGIBLE,
        (2021, 2024),
        3,
    ),
    (
        "no provincial merit before: not eligible",
        PRIME_MINISTER,
        Facts(
            2024,
            awards={2020: {"CSTDCS"}, 2022: {"CSTDCS"}, 2024: {"CSTDCS"}},
            ratings=_good(2010, 2024),
        ),
        INELIGIBLE,
        None,
        None,
    ),
    (
        "a year not entered inside the 5 years: cannot tell",
        PRIME_MINISTER,
        Facts(
            2024,
            awards={2017: {"BK_UBND_TINH"}, 2022: {"CSTDCS"}, 2023: {"CSTDCS"}},
            proposed={"CSTDCS"},
            ratings={y: "good" for y in range(2018, 2025) if y != 2021},
        ),
        UNKNOWN,
        (2022, 2024),
        3,
    ),
    (
        "a year not entered before a full run does not matter",
        PRIME_MINISTER,
        Facts(
            2024,
            awards={2010: {"BK_UBND_TINH"}, 2020: {"CSTDCS"}, 2022: {"CSTDCS"}},
            proposed={"CSTDCS"},
            ratings=_good(2019, 2024),
        ),
        ELIGIBLE,
        (2019, 2024),
        3,
    ),
    (
        "Labour Order: a 6-year run with 3 CSTĐCS and one year excellent",
        LABOUR_ORDER,
        Facts(
            2025,
            awards={
                2018: {"BK_TTG"},
                2019: {"CSTDCS"},
                2021: {"CSTDCS"},
                2024: {"CSTDCS"},
            },
            ratings=_good(2019, 2025) | {2019: "excellent"},
        ),
        ELIGIBLE,
        (2019, 2025),
        3,
    ),
    (
        "Labour Order: no year excellent in the run",
        LABOUR_ORDER,
        Facts(
            2025,
            awards={
                2018: {"BK_TTG"},
                2019: {"CSTDCS"},
                2021: {"CSTDCS"},
                2024: {"CSTDCS"},
            },
            ratings=_good(2015, 2025) | {2016: "excellent"},
        ),
        INELIGIBLE,
        (2019, 2025),
        3,
    ),
    (
        "no starting award: the unbroken run of excellent years, 3 of them",
        RATINGS_ONLY,
        Facts(
            2024,
            awards={2022: {"CSTDCS"}, 2023: {"CSTDCS"}},
            ratings={
                2021: "good",
                2022: "excellent",
                2023: "excellent",
                2024: "excellent",
            },
        ),
        ELIGIBLE,
        (2022, 2024),
        2,
    ),
    (
        "no starting award: the run broken last year",
        RATINGS_ONLY,
        Facts(
            2024,
            awards={2022: {"CSTDCS"}, 2024: {"CSTDCS"}},
            ratings={2022: "excellent", 2023: "good", 2024: "excellent"},
        ),
        INELIGIBLE,
        (2024, 2024),
        1,
    ),
]


@pytest.mark.parametrize(
    ("rule", "facts", "status", "period", "times"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_runs(rule, facts, status, period, times):
    result = check(rule, facts)
    assert result.status == status, result.reasons
    run = _reason(result, "run")
    assert run.article == rule.article
    if period is None:
        assert run.met is False
        assert run.params["award_year"] is None
        assert not [r for r in result.reasons if r.code == "run_title"]
        return
    assert (run.params["first"], run.params["last"]) == period
    assert _reason(result, "run_title").params["actual"] == times


def test_run_reason_names_the_award_and_where_the_run_stops():
    result = check(
        PRIME_MINISTER,
        Facts(
            2024,
            awards={2017: {"BK_UBND_TINH"}},
            ratings=_good(2018, 2024) | {2020: "complete"},
        ),
    )
    params = _reason(result, "run").params
    assert params["award_year"] == 2017
    assert (params["stop"], params["stop_year"]) == ("below", 2020)
    assert (params["first"], params["length"]) == (2021, 4)


def test_gap_does_not_break_when_the_rule_set_says_so():
    rule = TitleRule("BK_TTG", PRIME_MINISTER.requirements, gap_breaks_streak=False)
    facts = Facts(
        2024,
        awards={2017: {"BK_UBND_TINH"}, 2019: {"CSTDCS"}, 2022: {"CSTDCS"}},
        proposed={"CSTDCS"},
        ratings=_good(2018, 2024) | {2021: "complete"},
    )
    result = check(rule, facts)
    assert result.status == ELIGIBLE
    assert _reason(result, "run").params["length"] == 6


def test_initiatives_counted_within_the_run():
    rule = TitleRule(
        "BK_TTG",
        Requirements(
            run_years=5,
            run_rating="excellent",
            run_after_title="BK_UBND_TINH",
            initiative_scope="grassroots",
            initiative_count=5,
            initiatives_in_run=True,
        ),
    )
    ratings = dict.fromkeys(range(2013, 2021), "excellent")
    initiatives = [(i, 2012 + i, "grassroots") for i in range(1, 6)]  # 2013-2017
    held = check(
        rule,
        Facts(
            2020,
            awards={2012: {"BK_UBND_TINH"}},
            ratings=ratings,
            initiatives=initiatives,
        ),
    )
    assert held.status == ELIGIBLE
    assert _reason(held, "initiative").params["first"] == 2013
    # A later award shortens the run: the initiatives before it no longer count.
    later = check(
        rule,
        Facts(
            2020,
            awards={2015: {"BK_UBND_TINH"}},
            ratings=ratings,
            initiatives=initiatives,
        ),
    )
    assert later.status == INELIGIBLE
    assert _reason(later, "initiative").params["actual"] == 2


@pytest.mark.parametrize(
    ("rating", "status"),
    [("excellent", ELIGIBLE), ("good", INELIGIBLE), (None, UNKNOWN)],
)
def test_collective_rating(rating, status):
    rule = TitleRule("TTLDXS", Requirements(collective_min_rating="excellent"))
    result = check(rule, Facts(2024, unit=UnitFacts(members=3, rating=rating)))
    assert result.status == status
    reason = _reason(result, "collective_rating")
    assert (reason.params["year"], reason.params["actual"]) == (2024, rating)


def test_collective_rating_without_the_unit_facts_cannot_tell():
    rule = TitleRule("TTLDXS", Requirements(collective_min_rating="excellent"))
    assert check(rule, Facts(2024)).status == UNKNOWN
