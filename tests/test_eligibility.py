"""The engine's behaviour, one requirement at a time, with rules written inline. The
shipped regimes A, B and C are tested in test_eligibility_regimes.py."""

from datetime import date

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
    select_rule_set,
)


def _reason(result, code):
    return next(reason for reason in result.reasons if reason.code == code)


@pytest.mark.parametrize(
    ("rating", "status"),
    [
        ("excellent", ELIGIBLE),
        ("good", ELIGIBLE),
        ("complete", INELIGIBLE),
        ("incomplete", INELIGIBLE),
        (None, UNKNOWN),
    ],
)
def test_min_rating(rating, status):
    rule = TitleRule("LDTT", Requirements(min_rating="good"), article="Art 24")
    result = check(rule, Facts(2024, ratings={2024: rating} if rating else {}))
    assert result.status == status
    assert _reason(result, "rating").article == "Art 24"


@pytest.mark.parametrize(
    ("months", "status"),
    [(6, ELIGIBLE), (5, INELIGIBLE), (12, ELIGIBLE), (None, UNKNOWN)],
)
def test_min_months(months, status):
    assert (
        check(
            TitleRule("LDTT", Requirements(min_months=6)),
            Facts(2024, months_worked=months),
        ).status
        == status
    )


@pytest.mark.parametrize(
    ("measure", "status"),
    [(None, ELIGIBLE), ("reprimand", INELIGIBLE), ("dismissal", INELIGIBLE)],
)
def test_discipline_bar_reprimand(measure, status):
    rule = TitleRule("LDTT", Requirements(discipline_bar="reprimand"))
    assert check(rule, Facts(2020, discipline=measure)).status == status


def test_discipline_bar_warning_lets_a_reprimand_through():
    rule = TitleRule("X", Requirements(discipline_bar="warning"))
    assert check(rule, Facts(2020, discipline="reprimand")).status == ELIGIBLE
    assert check(rule, Facts(2020, discipline="warning")).status == INELIGIBLE


def test_same_year_title_awarded_or_proposed():
    rule = TitleRule("CSTDCS", Requirements(same_year_title="LDTT"))
    assert check(rule, Facts(2024, awards={2024: {"LDTT"}})).status == ELIGIBLE
    proposed = check(rule, Facts(2024, proposed={"LDTT"}))
    assert proposed.status == ELIGIBLE
    assert _reason(proposed, "same_year_title").params["proposed"] is True
    assert check(rule, Facts(2024, awards={2023: {"LDTT"}})).status == INELIGIBLE


PROVINCIAL = TitleRule("CSTD_TINH", Requirements(streak_title="CSTDCS", streak_years=3))


@pytest.mark.parametrize(
    ("awards", "proposed", "status", "missing"),
    [
        ({2022: {"CSTDCS"}, 2023: {"CSTDCS"}, 2024: {"CSTDCS"}}, set(), ELIGIBLE, []),
        # considered in the year of the third: the third may be proposed with it
        ({2022: {"CSTDCS"}, 2023: {"CSTDCS"}}, {"CSTDCS"}, ELIGIBLE, []),
        # a gap year breaks the streak
        (
            {2021: {"CSTDCS"}, 2022: {"CSTDCS"}, 2024: {"CSTDCS"}},
            set(),
            INELIGIBLE,
            [2023],
        ),
        ({2023: {"CSTDCS"}, 2024: {"CSTDCS"}}, set(), INELIGIBLE, [2022]),
        (
            {2022: {"LDTT"}, 2023: {"CSTDCS"}, 2024: {"CSTDCS"}},
            set(),
            INELIGIBLE,
            [2022],
        ),
    ],
)
def test_consecutive_years(awards, proposed, status, missing):
    result = check(PROVINCIAL, Facts(2024, awards=awards, proposed=proposed))
    assert result.status == status
    assert _reason(result, "streak_title").params["missing"] == missing


def test_times_when_gaps_do_not_break():
    rule = TitleRule(
        "CSTD_TINH",
        Requirements(streak_title="CSTDCS", streak_years=3),
        gap_breaks_streak=False,
    )
    facts = Facts(
        2024, awards={2019: {"CSTDCS"}, 2021: {"CSTDCS"}}, proposed={"CSTDCS"}
    )
    assert check(rule, facts).status == ELIGIBLE
    assert (
        check(rule, Facts(2024, awards={2019: {"CSTDCS"}, 2021: {"CSTDCS"}})).status
        == INELIGIBLE
    )


@pytest.mark.parametrize(
    ("ratings", "status"),
    [
        ({2023: "excellent", 2024: "excellent"}, ELIGIBLE),
        ({2023: "good", 2024: "excellent"}, INELIGIBLE),
        ({2024: "excellent"}, UNKNOWN),
        ({2024: "good"}, INELIGIBLE),  # a known bad year decides, whatever is missing
    ],
)
def test_consecutive_ratings(ratings, status):
    rule = TitleRule(
        "BK", Requirements(streak_rating="excellent", streak_rating_years=2)
    )
    assert check(rule, Facts(2024, ratings=ratings)).status == status


@pytest.mark.parametrize(
    ("initiatives", "status", "used"),
    [
        ([(1, 2024, "grassroots")], ELIGIBLE, (1,)),
        (
            [(1, 2024, "provincial")],
            ELIGIBLE,
            (1,),
        ),  # a wider scope counts for a narrower one
        ([(1, 2023, "grassroots")], INELIGIBLE, ()),  # one year too old
        ([], INELIGIBLE, ()),
    ],
)
def test_initiative_of_the_year(initiatives, status, used):
    rule = TitleRule(
        "CSTDCS", Requirements(initiative_scope="grassroots", initiative_count=1)
    )
    result = check(rule, Facts(2024, initiatives=initiatives))
    assert (result.status, result.initiative_ids) == (status, used)


def test_initiative_window_and_scope():
    rule = TitleRule(
        "CSTD_TINH",
        Requirements(
            initiative_scope="provincial", initiative_count=1, initiative_years=3
        ),
    )
    assert (
        check(rule, Facts(2024, initiatives=[(7, 2022, "provincial")])).status
        == ELIGIBLE
    )
    assert (
        check(rule, Facts(2024, initiatives=[(7, 2021, "provincial")])).status
        == INELIGIBLE
    )
    assert (
        check(rule, Facts(2024, initiatives=[(7, 2024, "grassroots")])).status
        == INELIGIBLE
    )


def test_two_initiatives_needed_uses_the_oldest_first():
    rule = TitleRule(
        "BK",
        Requirements(
            initiative_scope="grassroots", initiative_count=2, initiative_years=2
        ),
    )
    facts = Facts(
        2024,
        initiatives=[
            (3, 2024, "grassroots"),
            (2, 2023, "grassroots"),
            (1, 2022, "grassroots"),
        ],
    )
    assert check(rule, facts).initiative_ids == (2, 3)
    assert (
        check(rule, Facts(2024, initiatives=[(3, 2024, "grassroots")])).status
        == INELIGIBLE
    )


def test_rating_may_replace_the_initiative():
    rule = TitleRule(
        "CSTDCS",
        Requirements(
            initiative_scope="grassroots",
            initiative_count=1,
            rating_replaces_initiative="excellent",
        ),
    )
    result = check(rule, Facts(2024, ratings={2024: "excellent"}))
    assert result.status == ELIGIBLE
    assert _reason(result, "initiative").params["replaced_by_rating"] is True
    assert check(rule, Facts(2024, ratings={2024: "good"})).status == INELIGIBLE


def test_held_title_in_an_earlier_year():
    rule = TitleRule("BK_TTG", Requirements(held_title="BK_TINH"))
    assert check(rule, Facts(2024, awards={2018: {"BK_TINH"}})).status == ELIGIBLE
    assert check(rule, Facts(2024, awards={2024: {"BK_TINH"}})).status == INELIGIBLE


QUOTA = TitleRule("CSTDCS", Requirements(quota_percent=15, quota_base_title="LDTT"))


@pytest.mark.parametrize(
    ("candidates", "ldtt", "status"),
    [
        (3, 20, ELIGIBLE),
        (4, 20, INELIGIBLE),
        (1, 7, ELIGIBLE),
        (2, 7, INELIGIBLE),
        (2, 14, ELIGIBLE),
        (1, 0, INELIGIBLE),
    ],
)
def test_quota_at_and_over_its_limit(candidates, ldtt, status):
    unit = UnitFacts(
        members=30, title_counts={"LDTT": ldtt}, candidate_counts={"CSTDCS": candidates}
    )
    assert check(QUOTA, Facts(2020, unit=unit)).status == status


def test_quota_without_unit_counts_cannot_tell():
    assert check(QUOTA, Facts(2020)).status == UNKNOWN


@pytest.mark.parametrize(
    ("ldtt", "strict", "status"),
    [
        (6, True, ELIGIBLE),
        (5, True, INELIGIBLE),
        (5, False, ELIGIBLE),
        (4, False, INELIGIBLE),
    ],
)
def test_collective_share_of_members(ldtt, strict, status):
    rule = TitleRule(
        "TTLDTT",
        Requirements(
            member_title="LDTT", member_title_share=50, member_title_strict=strict
        ),
    )
    unit = UnitFacts(members=10, title_counts={"LDTT": ldtt})
    assert check(rule, Facts(2020, unit=unit)).status == status


def test_collective_counts_duties_and_discipline():
    rule = TitleRule(
        "TTLDXS",
        Requirements(
            member_min_title="CSTDCS",
            member_min_count=1,
            all_members_complete=True,
            members_discipline_bar="warning",
        ),
    )
    good = UnitFacts(
        members=10,
        title_counts={"CSTDCS": 1},
        all_complete=True,
        worst_discipline="reprimand",
    )
    assert check(rule, Facts(2020, unit=good)).status == ELIGIBLE
    for change in (
        {"title_counts": {}},
        {"all_complete": False},
        {"worst_discipline": "warning"},
    ):
        unit = UnitFacts(**{**good.__dict__, **change})
        assert check(rule, Facts(2020, unit=unit)).status == INELIGIBLE, change
    assert (
        check(
            rule, Facts(2020, unit=UnitFacts(**{**good.__dict__, "all_complete": None}))
        ).status
        == UNKNOWN
    )


def test_alternatives_either_way():
    rule = TitleRule(
        "BK_TINH",
        alternatives=(
            Requirements(streak_title="CSTDCS", streak_years=2),
            Requirements(
                streak_rating="excellent",
                streak_rating_years=2,
                initiative_scope="grassroots",
                initiative_count=2,
                initiative_years=2,
            ),
        ),
    )
    by_titles = Facts(2024, awards={2023: {"CSTDCS"}, 2024: {"CSTDCS"}})
    assert check(rule, by_titles).status == ELIGIBLE
    by_rating = Facts(
        2024,
        ratings={2023: "excellent", 2024: "excellent"},
        initiatives=[(1, 2023, "grassroots"), (2, 2024, "grassroots")],
    )
    result = check(rule, by_rating)
    assert (result.status, result.initiative_ids) == (ELIGIBLE, (1, 2))
    neither = check(
        rule,
        Facts(
            2024, awards={2024: {"CSTDCS"}}, ratings={2023: "good", 2024: "excellent"}
        ),
    )
    assert neither.status == INELIGIBLE
    assert {reason.params["alternative"] for reason in neither.reasons} == {1, 2}


def test_council_only_cannot_be_computed():
    result = check(TitleRule("CO_TINH", Requirements(council_only=True)), Facts(2020))
    assert result.status == UNKNOWN


def test_to_confirm_is_carried_on_reasons():
    result = check(
        TitleRule("TTLDTT", Requirements(min_rating="good"), to_confirm=True),
        Facts(2024),
    )
    assert all(reason.to_confirm for reason in result.reasons)


@pytest.mark.parametrize(
    ("day", "regime"),
    [
        (date(2020, 12, 31), "A"),
        (date(2023, 12, 31), "A"),
        (date(2024, 1, 1), "B"),
        (date(2025, 6, 30), "B"),
        (date(2025, 7, 1), "C"),
        (date(2026, 12, 31), "C"),
        (date(2002, 1, 1), None),
    ],
)
def test_select_rule_set(day, regime):
    sets = [
        ("A", date(2003, 1, 1), date(2023, 12, 31)),
        ("B", date(2024, 1, 1), date(2025, 6, 30)),
        ("C", date(2025, 7, 1), None),
    ]
    assert select_rule_set(sets, day) == regime


def test_times_within_a_window():
    rule = TitleRule(
        "BK_TTG", Requirements(streak_title="CSTDCS", streak_years=3, streak_within=5)
    )
    three_of_five = Facts(
        2024, awards={2020: {"CSTDCS"}, 2022: {"CSTDCS"}}, proposed={"CSTDCS"}
    )
    assert check(rule, three_of_five).status == ELIGIBLE
    one_too_old = Facts(
        2024, awards={2019: {"CSTDCS"}, 2022: {"CSTDCS"}}, proposed={"CSTDCS"}
    )
    assert check(rule, one_too_old).status == INELIGIBLE


def test_requirements_from_stored_values():
    from tdkt_emulation.lib.eligibility import requirements_from_values

    req = requirements_from_values(
        {
            "min_rating": "good",
            "min_months": 0,
            "quota_percent": 0.0,
            "council_only": False,
            "initiative_years": 3,
            "name": "ignored",
        }
    )
    assert req == Requirements(min_rating="good", initiative_years=3)
