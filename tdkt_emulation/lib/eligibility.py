"""Eligibility of a candidate for an emulation title or a commendation form (no Odoo).

A rule (``TitleRule``) holds the parameters one legal regime sets for one title; the
candidate's facts (``Facts``) hold the award history, ratings, discipline, months worked,
recognized initiatives and, for collectives and quotas, the unit's counts. ``check``
returns a status and one ``Reason`` per requirement, met or not, naming the fact and the
legal article, for the addon to word in the user's language.

Status: ``eligible`` when every requirement is met, ``ineligible`` when one is not met,
``unknown`` ("cannot tell") when none fails but a fact is missing.
"""

from dataclasses import dataclass, field
from fractions import Fraction

ELIGIBLE, INELIGIBLE, UNKNOWN = "eligible", "ineligible", "unknown"

# Yearly rating of a civil servant, best first: hoàn thành xuất sắc / tốt / hoàn thành /
# không hoàn thành nhiệm vụ.
RATINGS = ("excellent", "good", "complete", "incomplete")
# Disciplinary measures, lightest first: khiển trách, cảnh cáo, hạ bậc lương / giáng chức /
# cách chức, buộc thôi việc.
DISCIPLINES = ("reprimand", "warning", "demotion", "dismissal")
# Scopes of an initiative's recognition, narrowest first: cơ sở, cấp tỉnh, toàn quốc.
SCOPES = ("grassroots", "provincial", "national")


def _rating_at_least(rating, minimum):
    return RATINGS.index(rating) <= RATINGS.index(minimum)


@dataclass(frozen=True)
class Requirements:
    """One group of requirements; all of them must be met."""

    min_rating: str | None = None  # rating of the year at least this
    min_months: int | None = None  # months worked in the year
    discipline_bar: str | None = (
        None  # a measure this heavy or heavier in the year excludes
    )
    same_year_title: str | None = None  # title held (or proposed) the same year
    streak_title: str | None = None  # this title ...
    streak_years: int = 0  # ... in the N years ending with the year ...
    streak_within: int = 0  # ... or N times within these M years (M > N)
    streak_rating: str | None = None  # rated at least this ...
    streak_rating_years: int = 0  # ... in the N years ending with the year
    held_title: str | None = None  # held in an earlier year
    # A run: N or more consecutive years ending with the year, each rated at least R, and
    # starting at the earliest the year after the last award of a title; within the run, a
    # title held M times and a rating reached K years. Unlike the fixed windows above, the
    # run may be longer than N years, and whatever falls within it counts.
    run_years: int = 0  # N or more years in a row ...
    run_rating: str | None = None  # ... each rated at least this ...
    run_after_title: str | None = None  # ... since the last award of this title
    run_title: str | None = None  # within the run: this title ...
    run_title_count: int = 0  # ... held at least this many times
    run_top_rating: str | None = None  # within the run: rated at least this ...
    run_top_rating_count: int = 0  # ... at least this many years
    initiatives_in_run: bool = False  # the initiatives are counted within the run
    initiative_scope: str | None = (
        None  # recognized initiatives of at least this scope ...
    )
    initiative_count: int = 0  # ... this many (0: none needed) ...
    initiative_years: int = 1  # ... recognized in the N years ending with the year
    rating_replaces_initiative: str | None = (
        None  # a rating this good stands for the initiative
    )
    quota_percent: float | None = (
        None  # candidates for the title in the unit at most this % ...
    )
    quota_base_title: str | None = None  # ... of the unit's holders of this title
    member_title: str | None = None  # collectives: members holding this title ...
    member_title_share: float | None = None  # ... at least this % of the members ...
    member_title_strict: bool = False  # ... or more than it
    member_min_title: str | None = (
        None  # collectives: at least N members holding this title
    )
    member_min_count: int = 0
    all_members_complete: bool = (
        False  # collectives: every member completes their duties
    )
    members_discipline_bar: str | None = (
        None  # collectives: no member disciplined this heavily
    )
    council_only: bool = False  # chosen by the council's comparison, not computed
    collective_min_rating: str | None = (
        None  # collectives: the collective's own rating of the year at least this
    )


@dataclass(frozen=True)
class TitleRule:
    title: str
    requirements: Requirements = Requirements()
    # Alternative groups: when given, at least one of them must also be met.
    alternatives: tuple = ()
    article: str = ""
    to_confirm: bool = False
    gap_breaks_streak: bool = True  # "consecutive": a year without the title breaks it


@dataclass
class UnitFacts:
    """The unit's counts for the year: members, and members who qualify for each title
    (they hold it by an award, or their own proposal for it is eligible: ``check_batch``
    counts them); candidates (proposals) for each title; whether all completed their
    duties; the heaviest disciplinary measure of a member; the unit's own rating."""

    members: int | None = None
    title_counts: dict = field(default_factory=dict)
    candidate_counts: dict = field(default_factory=dict)
    all_complete: bool | None = None
    worst_discipline: str | None = None
    rating: str | None = (
        None  # the collective's own rating of the year, None: not entered
    )


@dataclass
class Facts:
    year: int
    awards: dict = field(
        default_factory=dict
    )  # year -> set of title codes held (merit awards)
    # The title checked and, for the same year, the titles the subject qualifies for by
    # an eligible proposal (``check_batch`` adds them); a proposal alone does not count.
    proposed: set = field(default_factory=set)
    ratings: dict = field(default_factory=dict)  # year -> rating
    months_worked: int | None = None
    discipline: str | None = None  # heaviest measure in the year, None when none
    initiatives: list = field(
        default_factory=list
    )  # (id, year, scope) not used by an award
    unit: UnitFacts | None = None


@dataclass(frozen=True)
class Reason:
    code: str
    met: bool | None  # None: a fact is missing
    params: dict
    article: str = ""
    to_confirm: bool = False


@dataclass(frozen=True)
class Result:
    status: str
    reasons: tuple
    initiative_ids: tuple = ()  # the initiatives the proposal would use


def _status(reasons):
    if any(reason.met is False for reason in reasons):
        return INELIGIBLE
    if any(reason.met is None for reason in reasons):
        return UNKNOWN
    return ELIGIBLE


def _holds(facts, year, title):
    return title in facts.awards.get(year, ()) or (
        year == facts.year and title in facts.proposed
    )


def _find_run(req, facts, rule):
    """The run of ``req`` ending with the year checked, as a dict: ``years`` (the years
    counted, latest first), ``award_year`` (of ``run_after_title``, None when never held),
    ``stop`` (why the run ends: ``award`` for the year of that award, ``below`` for a year
    rated below ``run_rating``, ``missing`` for a year whose rating is not entered, None
    when no rating is required) and ``stop_year``."""
    year = facts.year
    award_year = None
    if req.run_after_title:
        award_year = max(
            (
                y
                for y, titles in facts.awards.items()
                if y < year and req.run_after_title in titles
            ),
            default=None,
        )
        if award_year is None:
            return {"years": [], "award_year": None, "stop": "award", "stop_year": None}
    if not req.run_rating:
        first = award_year + 1 if award_year is not None else year - req.run_years + 1
        return {
            "years": list(range(year, first - 1, -1)),
            "award_year": award_year,
            "stop": "award" if award_year is not None else None,
            "stop_year": award_year,
        }
    years, stop, stop_year = [], None, None
    y = year
    while True:
        if award_year is not None and y <= award_year:
            stop, stop_year = "award", award_year
            break
        rating = facts.ratings.get(y)
        if rating is None:
            stop, stop_year = "missing", y
            break
        if _rating_at_least(rating, req.run_rating):
            years.append(y)
        elif rule.gap_breaks_streak:
            stop, stop_year = "below", y
            break
        y -= 1
    return {
        "years": years,
        "award_year": award_year,
        "stop": stop,
        "stop_year": stop_year,
    }


def _check_run(req, facts, rule, add):
    """Add the reasons of the run of ``req``; return the run (see ``_find_run``)."""
    run = _find_run(req, facts, rule)
    years = run["years"]
    period = {
        "first": min(years, default=facts.year),
        "last": facts.year,
        "length": len(years),
    }
    # A run that ends on a year not entered might go on before it.
    open_ended = run["stop"] == "missing"

    def verdict(met):
        return True if met else (None if open_ended else False)

    add(
        "run",
        verdict(len(years) >= req.run_years),
        years=req.run_years,
        rating=req.run_rating,
        title=req.run_after_title,
        award_year=run["award_year"],
        stop=run["stop"],
        stop_year=run["stop_year"],
        **period,
    )
    if req.run_after_title and run["award_year"] is None:
        return run
    if req.run_title and req.run_title_count:
        times = sum(1 for y in years if _holds(facts, y, req.run_title))
        add(
            "run_title",
            verdict(times >= req.run_title_count),
            title=req.run_title,
            count=req.run_title_count,
            actual=times,
            **period,
        )
    if req.run_top_rating and req.run_top_rating_count:
        times = sum(
            1
            for y in years
            if y in facts.ratings
            and _rating_at_least(facts.ratings[y], req.run_top_rating)
        )
        add(
            "run_top_rating",
            verdict(times >= req.run_top_rating_count),
            rating=req.run_top_rating,
            count=req.run_top_rating_count,
            actual=times,
            **period,
        )
    return run


def _check_group(req, facts, rule):  # noqa: C901
    """Return (reasons, initiative ids used) of one group of requirements."""
    year = facts.year
    reasons = []
    used = ()
    run = None

    def add(code, met, **params):
        reasons.append(Reason(code, met, params, rule.article, rule.to_confirm))

    if req.council_only:
        add("council_only", None)
    if req.min_rating:
        rating = facts.ratings.get(year)
        add(
            "rating",
            None if rating is None else _rating_at_least(rating, req.min_rating),
            year=year,
            required=req.min_rating,
            actual=rating,
        )
    if req.min_months is not None:
        months = facts.months_worked
        add(
            "months",
            None if months is None else months >= req.min_months,
            required=req.min_months,
            actual=months,
        )
    if req.discipline_bar:
        measure = facts.discipline
        add(
            "discipline",
            measure is None
            or DISCIPLINES.index(measure) < DISCIPLINES.index(req.discipline_bar),
            year=year,
            bar=req.discipline_bar,
            actual=measure,
        )
    if req.same_year_title:
        held = req.same_year_title in facts.awards.get(year, ())
        add(
            "same_year_title",
            held or req.same_year_title in facts.proposed,
            title=req.same_year_title,
            year=year,
            proposed=not held,
        )
    if req.streak_title and req.streak_years:
        years = range(year - req.streak_years + 1, year + 1)
        if req.streak_within > req.streak_years:
            window = range(year - req.streak_within + 1, year + 1)
            times = sum(1 for y in window if _holds(facts, y, req.streak_title))
            add(
                "times_within",
                times >= req.streak_years,
                title=req.streak_title,
                years=req.streak_years,
                within=req.streak_within,
                actual=times,
            )
        elif rule.gap_breaks_streak:
            missing = [y for y in years if not _holds(facts, y, req.streak_title)]
            add(
                "streak_title",
                not missing,
                title=req.streak_title,
                years=req.streak_years,
                first=years[0],
                last=year,
                missing=missing,
            )
        else:
            times = sum(
                1
                for y in facts.awards
                if y <= year and _holds(facts, y, req.streak_title)
            )
            times += int(
                req.streak_title in facts.proposed
                and req.streak_title not in facts.awards.get(year, ())
            )
            add(
                "times_title",
                times >= req.streak_years,
                title=req.streak_title,
                years=req.streak_years,
                actual=times,
            )
    if req.streak_rating and req.streak_rating_years:
        years = range(year - req.streak_rating_years + 1, year + 1)
        below = [
            y
            for y in years
            if y in facts.ratings
            and not _rating_at_least(facts.ratings[y], req.streak_rating)
        ]
        unknown = [y for y in years if y not in facts.ratings]
        add(
            "streak_rating",
            False if below else (None if unknown else True),
            rating=req.streak_rating,
            years=req.streak_rating_years,
            first=years[0],
            last=year,
            missing=below or unknown,
        )
    if req.held_title:
        add(
            "held_title",
            any(
                req.held_title in titles
                for y, titles in facts.awards.items()
                if y < year
            ),
            title=req.held_title,
        )
    if req.run_years:
        run = _check_run(req, facts, rule, add)
    if req.initiative_count:
        first = year - req.initiative_years + 1
        if req.initiatives_in_run and run is not None:
            first = min(run["years"], default=year)
        matching = sorted(
            (
                initiative
                for initiative in facts.initiatives
                if first <= initiative[1] <= year
                and SCOPES.index(initiative[2]) >= SCOPES.index(req.initiative_scope)
            ),
            key=lambda initiative: (initiative[1], initiative[0]),
        )
        rating = facts.ratings.get(year)
        replaced = bool(
            req.rating_replaces_initiative
            and rating
            and _rating_at_least(rating, req.rating_replaces_initiative)
        )
        met = len(matching) >= req.initiative_count
        if met:
            used = tuple(
                initiative[0] for initiative in matching[: req.initiative_count]
            )
        add(
            "initiative",
            met or replaced,
            count=req.initiative_count,
            scope=req.initiative_scope,
            first=first,
            last=year,
            actual=len(matching),
            replaced_by_rating=replaced and not met,
            rating=req.rating_replaces_initiative,
        )
    unit = facts.unit
    if req.quota_percent is not None and req.quota_base_title:
        if unit is None or req.quota_base_title not in unit.title_counts:
            add("quota", None, percent=req.quota_percent, base=req.quota_base_title)
        else:
            candidates = unit.candidate_counts.get(rule.title, 0)
            base = unit.title_counts[req.quota_base_title]
            limit = Fraction(base) * Fraction(str(req.quota_percent)) / 100
            add(
                "quota",
                candidates <= limit,
                percent=req.quota_percent,
                base=req.quota_base_title,
                candidates=candidates,
                base_count=base,
                limit=int(limit),
            )
    if req.member_title and req.member_title_share is not None:
        if unit is None or not unit.members:
            add(
                "member_share",
                None,
                title=req.member_title,
                share=req.member_title_share,
            )
        else:
            holders = unit.title_counts.get(req.member_title, 0)
            share = Fraction(holders * 100, unit.members)
            bar = Fraction(str(req.member_title_share))
            add(
                "member_share",
                share > bar if req.member_title_strict else share >= bar,
                title=req.member_title,
                share=req.member_title_share,
                strict=req.member_title_strict,
                holders=holders,
                members=unit.members,
                actual=round(float(share), 2),
            )
    if req.member_min_title and req.member_min_count:
        count = None if unit is None else unit.title_counts.get(req.member_min_title, 0)
        add(
            "member_count",
            None if count is None else count >= req.member_min_count,
            title=req.member_min_title,
            count=req.member_min_count,
            actual=count,
        )
    if req.all_members_complete:
        add("all_complete", None if unit is None else unit.all_complete)
    if req.members_discipline_bar:
        worst = None if unit is None else unit.worst_discipline
        add(
            "members_discipline",
            None
            if unit is None
            else (
                worst is None
                or DISCIPLINES.index(worst)
                < DISCIPLINES.index(req.members_discipline_bar)
            ),
            bar=req.members_discipline_bar,
            actual=worst,
        )
    if req.collective_min_rating:
        rating = None if unit is None else unit.rating
        add(
            "collective_rating",
            None
            if rating is None
            else _rating_at_least(rating, req.collective_min_rating),
            year=year,
            required=req.collective_min_rating,
            actual=rating,
        )
    return reasons, used


def check(rule, facts):
    """Return the ``Result`` of ``facts`` against ``rule``."""
    reasons, used = _check_group(rule.requirements, facts, rule)
    if rule.alternatives:
        branches = [_check_group(group, facts, rule) for group in rule.alternatives]
        best = next(
            (branch for branch in branches if _status(branch[0]) == ELIGIBLE), None
        )
        if best is None:
            best = next(
                (branch for branch in branches if _status(branch[0]) == UNKNOWN), None
            )
        if best is not None:
            reasons += best[0]
            used = used + best[1]
        else:
            # None of the ways is open: say what each one lacks.
            for index, (branch_reasons, _used) in enumerate(branches, start=1):
                reasons += [
                    Reason(
                        reason.code,
                        reason.met,
                        {**reason.params, "alternative": index},
                        reason.article,
                        reason.to_confirm,
                    )
                    for reason in branch_reasons
                ]
    return Result(_status(reasons), tuple(reasons), used)


REQUIREMENT_FIELDS = tuple(Requirements.__dataclass_fields__)


def requirements_from_values(values):
    """Build ``Requirements`` from stored values, where empty values (False, 0, "") mean
    "not required"; unknown keys are ignored."""
    kwargs = {}
    for name in REQUIREMENT_FIELDS:
        value = values.get(name)
        if value:
            kwargs[name] = value
    return Requirements(**kwargs)


def select_rule_set(rule_sets, day):
    """Return the rule set in force on ``day`` among ``(key, date_from, date_to)`` triples
    (bounds inclusive, None for open), or None."""
    for key, date_from, date_to in rule_sets:
        if (date_from is None or date_from <= day) and (
            date_to is None or day <= date_to
        ):
            return key
    return None


# Requirements that name another title of the same year, whose holders or qualified
# candidates they count.
_TITLE_REQUIREMENTS = (
    "same_year_title",
    "streak_title",
    "quota_base_title",
    "member_title",
    "member_min_title",
)
# Of those, the ones that count the unit's members.
MEMBER_TITLE_REQUIREMENTS = ("quota_base_title", "member_title", "member_min_title")


def required_titles(rule, names=_TITLE_REQUIREMENTS):
    """The titles, other than its own, that ``rule`` looks at in the same year."""
    titles = set()
    for group in (rule.requirements, *rule.alternatives):
        titles.update(getattr(group, name) for name in names)
    titles.discard(None)
    titles.discard(rule.title)
    return titles


def title_order(rules):
    """The titles of ``rules`` in the order to check them: a title after the titles its
    rule looks at, so that whether a person qualifies for those is known first (a cycle,
    which no regime has, is checked in code order)."""
    needs = {}
    # A batch gives the same few rules for thousands of lines: each rule once.
    for rule in {id(rule): rule for rule in rules}.values():
        needs.setdefault(rule.title, set()).update(required_titles(rule))
    order, done = [], set()
    pending = sorted(needs)
    while pending:
        ready = [title for title in pending if not (needs[title] - done) & set(needs)]
        for title in ready or pending[:1]:
            order.append(title)
            done.add(title)
            pending.remove(title)
    return order


@dataclass
class Entry:
    """One proposal to check in a batch: the caller's ``key``, its ``rule``, its
    ``facts`` (``facts.unit`` shared by the proposals of one unit and year), its
    ``subject`` (any hashable key of the person or unit) and ``unit_key`` (the key of its
    unit and year in the members given to ``check_batch``)."""

    key: object
    rule: TitleRule
    facts: Facts
    subject: object
    unit_key: object = None


def check_batch(entries, members, awards):
    """Check ``entries`` title by title in ``title_order``: a member qualifies for a title
    of the year when they hold it by an award or one of their proposals for it was found
    eligible; the unit counts (``title_counts``) and the titles of the same year
    (``proposed``) a rule looks at are those qualified, never mere proposals.

    :param members: {unit key: subjects of the unit's members that year}
    :param awards: {subject: {year: title codes held}}
    :return: {entry key: Result}
    """
    qualified = {}  # (subject, year) -> titles qualified for by an eligible proposal
    by_title = {}
    for entry in entries:
        by_title.setdefault(entry.rule.title, []).append(entry)
    order = title_order([entry.rule for entry in entries])
    position = {title: index for index, title in enumerate(order)}
    results = {}
    counts = {}  # (unit key, title) -> qualified members, once final
    member_titles = {}  # id of a rule -> the titles of its members it counts
    for title in order:
        for entry in by_title[title]:
            facts, year = entry.facts, entry.facts.year
            facts.proposed = {title} | qualified.get((entry.subject, year), set())
            unit = facts.unit
            unit_members = members.get(entry.unit_key)
            if unit is not None and unit_members:
                counted_titles = member_titles.get(id(entry.rule))
                if counted_titles is None:
                    counted_titles = member_titles[id(entry.rule)] = required_titles(
                        entry.rule, MEMBER_TITLE_REQUIREMENTS
                    )
                for counted in counted_titles:
                    key = (entry.unit_key, counted)
                    count = counts.get(key)
                    if count is None:
                        count = sum(
                            1
                            for member in unit_members
                            if counted in awards.get(member, {}).get(year, ())
                            or counted in qualified.get((member, year), ())
                        )
                        # Final once every proposal of that title is checked.
                        if position.get(counted, -1) < position[title]:
                            counts[key] = count
                    unit.title_counts[counted] = count
            result = check(entry.rule, facts)
            results[entry.key] = result
            if result.status == ELIGIBLE:
                qualified.setdefault((entry.subject, year), set()).add(title)
    return results
