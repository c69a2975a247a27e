import gc
from collections import defaultdict
from datetime import date

from odoo import api, models
from odoo.osv import expression
from odoo.tools import SQL

from ..lib.eligibility import (
    DISCIPLINES,
    MEMBER_TITLE_REQUIREMENTS,
    UNKNOWN,
    Entry,
    Facts,
    UnitFacts,
    check_batch,
    required_titles,
    select_rule_set,
)
from .tdkt_eligibility_source import FACT_SOURCES


class TdktEligibility(models.AbstractModel):
    """The bridge between the records and the eligibility engine (``lib/eligibility.py``):
    gathers the facts of many registration lines in a fixed number of queries, runs the
    rule of each line's title under the regime of its year, and words the reasons in the
    reader's language."""

    _name = "tdkt.eligibility"
    _description = "Eligibility Check"

    @api.model
    def _check_lines(self, lines):
        """Check ``lines`` (records or new records) against their rules: the results of
        ``_check_line_ids`` by line.

        :return: ``{line: result}`` (see ``_check_line_ids``)
        """
        results = self._check_line_ids(lines)
        return defaultdict(
            results.default_factory,
            {lines.browse((line_id,)): result for line_id, result in results.items()},
        )

    @api.model
    def _check_line_ids(self, lines):
        """Check ``lines`` (records or new records) against their rules, keyed by their
        ids (a new record's ``NewId``): no recordset for each line, whatever their number.

        The lines of the same year that the rules look at are checked in the same pass,
        title by title (``check_batch``): a collective's members, and a quota's base,
        count the members who qualify for a title (an award, or their own eligible line),
        and a title of the same year counts only when its own line is eligible.

        :return: ``{line id: result}``; a result is a JSON-able dict with ``status``,
            ``reasons`` (dicts: ``code``, ``met``, ``params``, ``article``, ``to_confirm``)
            and ``initiative_ids`` (the initiatives the proposal would use)
        """
        # Tens of thousands of lines make millions of small objects (rows, facts,
        # reasons, results) that all live until the check ends: the cyclic garbage
        # collector would go through them again and again, about half of the CPU time of
        # 50,000 lines. They make no cycles to free, so it waits until the check is done
        # (and stays off if it was off for another reason).
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._get_check_results(lines)
        finally:
            if collecting:
                gc.enable()

    @api.model
    def _get_check_results(self, lines):
        """The work of ``_check_line_ids``."""
        rows = [row for row in self._get_line_rows(lines) if row[2] and row[6]]
        codes = {
            title.id: title.code
            for title in self.env["tdkt.title"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch([], ["code"])
        }
        years = {row[2] for row in rows}
        # Every title's rule of the years: the titles the rules look at are checked too.
        rules = self._get_rules(
            {(year, title_id) for year in years for title_id in codes}
        )

        def closure(titles):
            while True:
                more = set().union(
                    *(
                        required_titles(rule)
                        for (_year, title_id), rule in rules.items()
                        if codes.get(title_id) in titles
                    )
                )
                if more <= titles:
                    return titles
                titles = titles | more

        # The titles the rules look at for the candidates themselves, and for the members
        # of the units whose rules count them (shares, counts, quotas).
        needed = closure({codes.get(row[6]) for row in rows})
        # Once a rule, not once a line.
        member_titles = {
            key: required_titles(rule, MEMBER_TITLE_REQUIREMENTS)
            for key, rule in rules.items()
        }
        counted = [row for row in rows if member_titles.get((row[2], row[6]))]
        member_needed = closure(
            set().union(*{frozenset(member_titles[row[2], row[6]]) for row in counted})
        )
        facts, members, awards, all_rows = self._get_facts(
            rows, codes, needed, member_needed, {row[5] for row in counted}
        )
        entries = []
        results = defaultdict(
            lambda: {"status": False, "reasons": [], "initiative_ids": []}
        )
        for row in all_rows:
            line, year, subject_type, employee_id, unit_id, title_id = (
                row[0],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
            )
            rule = rules.get((year, title_id))
            if rule is None:
                results[line] = {
                    "status": UNKNOWN,
                    "reasons": [
                        {
                            "code": "no_rule",
                            "met": None,
                            "params": {"title": codes.get(title_id), "year": year},
                            "article": "",
                            "to_confirm": False,
                        }
                    ],
                    "initiative_ids": [],
                }
                continue
            entries.append(
                Entry(
                    key=line,
                    rule=rule,
                    facts=facts[line],
                    subject=(subject_type, employee_id)
                    if subject_type == "individual"
                    else (subject_type, unit_id),
                    unit_key=(unit_id, year),
                )
            )
        for line, result in check_batch(entries, members, awards).items():
            results[line] = {
                "status": result.status,
                "reasons": [
                    {
                        "code": reason.code,
                        "met": reason.met,
                        "params": reason.params,
                        "article": reason.article,
                        "to_confirm": reason.to_confirm,
                    }
                    for reason in result.reasons
                ],
                "initiative_ids": list(result.initiative_ids),
            }
        checked = {row[0] for row in rows}
        return defaultdict(
            results.default_factory,
            {line: result for line, result in results.items() if line in checked},
        )

    @api.model
    def _get_line_rows(self, lines):
        """The facts of ``lines`` as tuples ``(line id, id, year, subject type, employee
        id, unit id, title id, rating, discipline, months worked)``: saved lines in one
        query and their subjects' assessments of the year in two, new ones (a form being
        edited) from the cache; the line id of a new one is its ``NewId``, the id its
        origin's."""
        saved = lines.browse(
            line_id for line_id in lines._ids if isinstance(line_id, int)
        )
        names = ["id", "year", "subject_type", "employee_id", "unit_id", "title_id"]
        saved.flush_recordset(names[1:])
        found = self._select("tdkt.registration.line", [("id", "in", saved.ids)], names)
        assessed = self._get_assessed(
            {row[3] for row in found if row[2] == "individual"},
            {row[4] for row in found if row[2] != "individual"},
            {row[1] for row in found},
        )
        rows = []
        for row in found:
            key = (
                ("individual", row[3], row[1])
                if row[2] == "individual"
                else ("collective", row[4], row[1])
            )
            rating, discipline, months = assessed.get(key, (None, None, None))
            rows.append((row[0], *row, rating, discipline, months))
        rows += [
            (
                line.id,
                line._origin.id,
                line.year,
                line.subject_type,
                line.employee_id.id,
                line.unit_id.id,
                line.title_id.id,
                line.rating,
                line.discipline,
                line.months_worked,
            )
            for line in lines - saved
        ]
        return rows

    @api.model
    def _get_assessed(self, employee_ids, unit_ids, years):
        """``{(subject type, employee or unit id, year): (rating, discipline, months)}``
        of the assessments of these people and units in these years, in two queries."""
        assessed = {}
        if employee_ids and years:
            for employee_id, year, rating, discipline, months in self._select(
                "tdkt.assessment",
                [
                    ("employee_id", "in", list(employee_ids)),
                    ("year", "in", list(years)),
                ],
                ["employee_id", "year", "rating", "discipline", "months_worked"],
            ):
                assessed["individual", employee_id, year] = (rating, discipline, months)
        if unit_ids and years:
            for unit_id, year, rating, discipline in self._select(
                "tdkt.unit.assessment",
                [("unit_id", "in", list(unit_ids)), ("year", "in", list(years))],
                ["unit_id", "year", "rating", "discipline"],
            ):
                assessed["collective", unit_id, year] = (rating, discipline, None)
        return assessed

    @api.model
    def _get_members(self, unit_ids, years):
        """``{(unit id, year): employee ids}``: the people whose assessment of the year
        puts them in the unit or its sub-units, and the unit's active people now who have
        no assessment of that year (not entered yet: they still count, so a unit cannot
        leave its weaker members out by not entering them). A person who moved counts in
        the unit of the year. Four queries whatever the number of units."""
        # The queries run even for no unit: their number does not depend on the lines.
        current = self._select(
            "hr.employee",
            [("department_id", "child_of", list(unit_ids))],
            ["id", "department_id"],
        )
        assessed = self._select(
            "tdkt.assessment",
            [
                ("year", "in", list(years)),
                "|",
                ("department_id", "child_of", list(unit_ids)),
                ("employee_id", "in", [row[0] for row in current]),
            ],
            ["employee_id", "department_id", "year"],
        )
        paths = dict(
            self._select(
                "hr.department",
                [
                    (
                        "id",
                        "in",
                        list(
                            {row[1] for row in assessed} | {row[1] for row in current}
                        ),
                    )
                ],
                ["id", "parent_path"],
            )
        )

        def units_of(department_id):
            return [
                int(ancestor)
                for ancestor in (paths.get(department_id) or "").split("/")
                if ancestor and int(ancestor) in unit_ids
            ]

        members = defaultdict(set)
        for employee_id, department_id, year in assessed:
            for unit_id in units_of(department_id):
                members[unit_id, year].add(employee_id)
        assessed_in = {(row[0], row[2]) for row in assessed}
        for employee_id, department_id in current:
            for unit_id in units_of(department_id):
                for year in years:
                    if (employee_id, year) not in assessed_in:
                        members[unit_id, year].add(employee_id)
        return {
            (unit_id, year): members.get((unit_id, year), set())
            for unit_id in unit_ids
            for year in years
        }

    @api.model
    def _get_rules(self, year_titles):
        """The engine's rule of each (year, title id) of ``year_titles``, in two searches."""
        rule_sets = self.env["tdkt.rule.set"].sudo().search([])
        periods = [
            (rule_set.id, rule_set.date_from or None, rule_set.date_to or None)
            for rule_set in rule_sets
        ]
        set_of_year = {
            year: select_rule_set(periods, date(year, 12, 31))
            for year, _title in year_titles
        }
        records = (
            self.env["tdkt.title.rule"]
            .sudo()
            .search(
                [
                    (
                        "rule_set_id",
                        "in",
                        [set_id for set_id in set_of_year.values() if set_id],
                    ),
                    (
                        "title_id",
                        "in",
                        list({title_id for _year, title_id in year_titles}),
                    ),
                ]
            )
        )
        by_set = {
            (record.rule_set_id.id, record.title_id.id): record._get_title_rule()
            for record in records
        }
        return {
            (year, title_id): by_set[set_of_year[year], title_id]
            for year, title_id in year_titles
            if (set_of_year[year], title_id) in by_set
        }

    @api.model
    def _get_facts(  # noqa: C901
        self, checked, codes, needed=(), member_needed=(), counted_unit_ids=()
    ):
        """The engine's ``Facts`` of each line of ``checked`` (rows of ``_get_line_rows``)
        and of the other lines of the same years whose titles (codes in ``needed``) the
        rules look at: the lines of the same subjects, and of the units' members. From the
        assessments, the award history, the registration lines and the recognized
        initiatives.

        The history is read as plain rows, a fixed number of queries whatever the number of
        lines: at province scale it runs to tens of thousands of awards, too many to go
        through records.

        :return: (``{line: Facts}``, ``{(unit id, year): member subjects}``, ``{subject:
            {year: titles held}}``, the rows checked followed by the other lines' rows)
        """
        years = {row[2] for row in checked}
        unit_ids = {row[5] for row in checked}
        candidate_ids = {row[4] for row in checked if row[3] == "individual"}
        members_of = self._get_members(unit_ids, years)
        member_ids = set().union(*members_of.values()) if members_of else set()

        # The lines of the subjects and of the units' members, in the years checked.
        others = self._select(
            "tdkt.registration.line",
            [
                ("id", "not in", [row[1] for row in checked if row[1]]),
                ("year", "in", list(years)),
                "|",
                ("employee_id", "in", list(candidate_ids | member_ids)),
                ("unit_id", "in", list(unit_ids)),
            ],
            ["id", "year", "subject_type", "employee_id", "unit_id", "title_id"],
        )
        counted_members = set().union(
            *(
                members
                for (unit_id, _year), members in members_of.items()
                if unit_id in counted_unit_ids
            )
        )
        extra = [
            row
            for row in others
            if (row[3] in candidate_ids and codes.get(row[5]) in needed)
            or (
                codes.get(row[5]) in member_needed
                and (
                    row[3] in counted_members
                    or (row[2] != "individual" and row[4] in counted_unit_ids)
                )
            )
            or (
                row[2] != "individual"
                and row[4] in unit_ids
                and codes.get(row[5]) in needed
            )
        ]
        new_units = {row[4] for row in extra} - unit_ids
        members_of.update(self._get_members(new_units, years))
        persons = candidate_ids | {row[3] for row in extra if row[2] == "individual"}
        all_units = unit_ids | new_units

        # Assessments: every year of the persons checked, the years checked of the members.
        assessments = self._select(
            "tdkt.assessment",
            [
                ("year", "<=", max(years, default=0)),
                "|",
                ("employee_id", "in", list(persons)),
                "&",
                ("employee_id", "in", list(member_ids)),
                ("year", "in", list(years)),
            ],
            ["employee_id", "year", "rating", "discipline", "months_worked"],
        )
        ratings = defaultdict(dict)  # employee id -> {year: rating}
        assessed = {}  # (employee id, year) -> (rating, discipline, months)
        for employee_id, year, rating, discipline, months in assessments:
            assessed[employee_id, year] = (rating, discipline, months)
            if rating:
                ratings[employee_id][year] = rating
        unit_assessed = {
            (unit_id, year): (rating, discipline)
            for unit_id, year, rating, discipline in self._select(
                "tdkt.unit.assessment",
                [("unit_id", "in", list(all_units)), ("year", "in", list(years))],
                ["unit_id", "year", "rating", "discipline"],
            )
        }
        rows = list(checked)
        for line_id, year, subject_type, employee_id, unit_id, title_id in extra:
            if subject_type == "individual":
                rating, discipline, months = assessed.get(
                    (employee_id, year), (None, None, None)
                )
            else:
                (rating, discipline), months = (
                    unit_assessed.get((unit_id, year), (None, None)),
                    None,
                )
            rows.append(
                (
                    ("extra", line_id),
                    line_id,
                    year,
                    subject_type,
                    employee_id,
                    unit_id,
                    title_id,
                    rating,
                    discipline,
                    months,
                )
            )

        # Proposals (candidates for a quota) of each subject and year.
        proposed = defaultdict(set)  # (subject key, year) -> title codes
        for row in [*others, *(row[1:] for row in checked)]:
            _id, year, subject_type, employee_id, unit_id, title_id = row[:6]
            key = (
                ("individual", employee_id)
                if subject_type == "individual"
                else ("collective", unit_id)
            )
            proposed[key, year].add(codes.get(title_id))

        # Regular awards: every year of the subjects, the years checked of the members.
        awards = self._select(
            "tdkt.award",
            expression.AND(
                [
                    [
                        ("award_kind", "=", "regular"),
                        ("year", "<=", max(years, default=0)),
                    ],
                    expression.OR(
                        [
                            [("employee_id", "in", list(persons))],
                            [
                                ("employee_id", "in", list(member_ids)),
                                ("year", "in", list(years)),
                            ],
                            [
                                ("subject_type", "=", "collective"),
                                ("unit_id", "in", list(all_units)),
                            ],
                        ]
                    ),
                ]
            ),
            ["subject_type", "employee_id", "unit_id", "year", "title_id"],
        )
        held = defaultdict(
            lambda: defaultdict(set)
        )  # subject key -> {year: title codes}
        for subject_type, employee_id, unit_id, year, title_id in awards:
            key = (
                ("individual", employee_id)
                if subject_type == "individual"
                else ("collective", unit_id)
            )
            held[key][year].add(codes.get(title_id))

        # Recognized initiatives of the candidates, and the awards that already use them.
        authors = self._select(
            "tdkt.initiative.author",
            [
                ("employee_id", "in", list(persons)),
                ("initiative_id.state", "=", "recognized"),
            ],
            ["employee_id", "initiative_id"],
        )
        initiatives = {
            row[0]: row[1:]
            for row in self._select(
                "tdkt.initiative",
                [("id", "in", [row[1] for row in authors])],
                ["id", "year", "scope"],
            )
        }
        used_by = defaultdict(
            set
        )  # initiative id -> {(employee id, year, title id)} of its awards
        Award = self.env["tdkt.award"]
        Award.flush_model(["employee_id", "year", "title_id", "initiative_ids"])
        found = self.env.execute_query(
            SQL(
                "SELECT rel.initiative_id, award.employee_id, award.year, award.title_id "
                "FROM tdkt_award_initiative_rel rel JOIN tdkt_award award ON award.id = rel.award_id "
                "WHERE rel.initiative_id = ANY(%s)",
                list(initiatives),
            )
        )
        for initiative_id, *award_key in found:
            used_by[initiative_id].add(tuple(award_key))
        initiatives_of = defaultdict(list)
        for employee_id, initiative_id in authors:
            year, scope = initiatives[initiative_id]
            if scope:
                initiatives_of[employee_id].append((initiative_id, year, scope))

        unit_facts, members = {}, {}
        for unit_id, year in {(row[5], row[2]) for row in rows}:
            unit_members = members_of.get((unit_id, year), set())
            members[unit_id, year] = {
                ("individual", employee_id) for employee_id in unit_members
            }
            candidate_counts = defaultdict(int)
            all_complete, worst = True, None
            for employee_id in unit_members:
                key = ("individual", employee_id)
                for code in proposed[key, year] | held[key][year]:
                    candidate_counts[code] += 1
                rating, discipline, _months = assessed.get(
                    (employee_id, year), (None, None, None)
                )
                if rating == "incomplete":
                    all_complete = False
                elif rating is None and all_complete:
                    all_complete = None
                if discipline and (
                    worst is None
                    or DISCIPLINES.index(discipline) > DISCIPLINES.index(worst)
                ):
                    worst = discipline
            unit_facts[unit_id, year] = UnitFacts(
                members=len(unit_members),
                # Counted by check_batch: the members who qualify for each title.
                title_counts={},
                candidate_counts=candidate_counts,
                all_complete=all_complete if unit_members else None,
                worst_discipline=worst,
                rating=unit_assessed.get((unit_id, year), (None, None))[0],
            )

        facts = {}
        for (
            line,
            _id,
            year,
            subject_type,
            employee_id,
            unit_id,
            title_id,
            rating,
            discipline,
            months,
        ) in rows:
            individual = subject_type == "individual"
            key = ("individual", employee_id) if individual else ("collective", unit_id)
            line_ratings = dict(ratings[employee_id]) if individual else {}
            line_ratings.pop(year, None)
            if rating:
                line_ratings[year] = rating
            own_award = (employee_id, year, title_id)
            facts[line] = Facts(
                year=year,
                awards=held[key],
                proposed={codes.get(title_id)},
                ratings=line_ratings,
                months_worked=months if individual else None,
                discipline=discipline or None,
                # An initiative still counts when no award uses it, or the award of this very line does.
                initiatives=[
                    initiative
                    for initiative in initiatives_of[employee_id]
                    if used_by[initiative[0]] <= {own_award}
                ]
                if individual
                else [],
                unit=unit_facts[unit_id, year],
            )
        return facts, members, held, rows

    @api.model
    def _select(self, model, domain, field_names):
        """Rows of ``field_names`` of the ``model`` records matching ``domain``, as tuples,
        without record rules (the facts of eligibility are read whoever asks).

        Only the facts of ``FACT_SOURCES`` are read: each change of one of them marks the
        verdicts that read it, which another model or field would not."""
        facts = FACT_SOURCES.get(model, frozenset())
        if facts is not None and not facts.issuperset(set(field_names) - {"id"}):
            raise ValueError(
                f"{model}: {sorted(set(field_names) - facts - {'id'})} are read for "
                "eligibility but are not in FACT_SOURCES"
            )
        Model = self.env[model].sudo()
        query = Model._search(domain)
        # Selected through the ORM's own expressions, so that pending writes are flushed first.
        return self.env.execute_query(
            query.select(
                *(
                    Model._field_to_sql(Model._table, name, query)
                    for name in field_names
                )
            )
        )

    # ------------------------------------------------------------
    # REASONS, IN WORDS
    # ------------------------------------------------------------

    @api.model
    def _describe(self, data, title_names, articles=None):
        """Word the reasons of a check result (``eligibility_data``), one per line:
        ✓ met, ✗ not met, ? a fact is missing; with the article and "to confirm".

        :param title_names: ``{code: name}`` of the titles, read once by the caller
        :param articles: ``_get_articles()``, read once by the caller
        """
        if not data or not data.get("reasons"):
            return False
        if articles is None:
            articles = self._get_articles()
        texts = []
        for reason in data["reasons"]:
            mark = {True: "✓", False: "✗", None: "?"}[reason["met"]]
            text = self._describe_reason(reason, title_names)
            params = reason["params"]
            if params.get("alternative"):
                text = self.env._(
                    "Way %(number)s: %(text)s", number=params["alternative"], text=text
                )
            if reason.get("article"):
                text += f" [{articles.get(reason['article'], reason['article'])}]"
            if reason.get("to_confirm"):
                text += " " + self.env._("(rule to confirm)")
            texts.append(f"{mark} {text}")
        return "\n".join(texts)

    @api.model
    def _get_articles(self):
        """``{article: article in the reader's language}`` of the legal articles of the
        rules: a check result keeps the article as it was worded when the check ran (the
        source text, or any language in results of older versions), and the reasons quote
        it in the language of whoever reads them."""
        self.env["tdkt.title.rule"].flush_model(["article"])
        rows = self.env.execute_query(
            SQL("SELECT article FROM tdkt_title_rule WHERE article IS NOT NULL")
        )
        lang = self.env.lang or "en_US"
        articles = {}
        for (texts,) in rows:
            shown = texts.get(lang) or texts.get("en_US")
            for text in texts.values():
                articles.setdefault(text, shown)
        return articles

    @api.model
    def _get_title_names(self):
        titles = (
            self.env["tdkt.title"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch([], ["code", "name"])
        )
        return {title.code: title.name for title in titles}

    @api.model
    def _describe_reason(self, reason, title_names):  # noqa: C901
        p = dict(reason["params"])
        met = reason["met"]
        Line = self.env["tdkt.registration.line"]
        rating_names = dict(Line._fields["rating"]._description_selection(self.env))
        discipline_names = dict(
            Line._fields["discipline"]._description_selection(self.env)
        )
        scope_names = dict(
            self.env["tdkt.title"]._fields["level"]._description_selection(self.env)
        )
        for name in ("title", "base"):
            if name in p:
                p[name] = title_names.get(p[name], p[name])
        for name in (
            ("required", "rating", "actual")
            if reason["code"]
            in (
                "rating",
                "streak_rating",
                "initiative",
                "run",
                "run_top_rating",
                "collective_rating",
            )
            else ()
        ):
            if p.get(name) in rating_names:
                p[name] = rating_names[p[name]]
        for name in (
            ("bar", "actual")
            if reason["code"] in ("discipline", "members_discipline")
            else ()
        ):
            if p.get(name) in discipline_names:
                p[name] = discipline_names[p[name]]
        if "scope" in p:
            p["scope"] = scope_names.get(p["scope"], p["scope"])
        for name, value in p.items():
            if isinstance(value, float) and value.is_integer():
                p[name] = int(value)
        if "first" in p:
            p["period"] = (
                str(p["last"])
                if p["first"] == p["last"]
                else f"{p['first']}-{p['last']}"
            )
        if "missing" in p:
            p["missing"] = ", ".join(str(year) for year in p["missing"])
        code = reason["code"]
        if code == "not_readable":
            return self.env._(
                "Eligibility is shown for the people and the units you work with only."
            )
        if code == "no_rule":
            return self.env._(
                "No eligibility rule for %(title)s in the regime of %(year)s.", **p
            )
        if code == "council_only":
            return self.env._(
                "Chosen by the council's comparison: the rules do not decide it."
            )
        if code == "rating":
            if met is None:
                return self.env._(
                    "Rating of %(year)s not entered: %(required)s or better is required.",
                    **p,
                )
            return self.env._(
                "Rating of %(year)s: %(actual)s; %(required)s or better is required.",
                **p,
            )
        if code == "months":
            if met is None:
                return self.env._(
                    "Months worked not entered: at least %(required)s are required.",
                    **p,
                )
            return self.env._(
                "Months worked in the year: %(actual)s; at least %(required)s are required.",
                **p,
            )
        if code == "discipline":
            if met:
                return self.env._(
                    "No disciplinary measure of %(bar)s or heavier in %(year)s.", **p
                )
            return self.env._("Disciplined in %(year)s: %(actual)s.", **p)
        if code == "same_year_title":
            if met and p["proposed"]:
                return self.env._("%(title)s proposed for %(year)s.", **p)
            if met:
                return self.env._("%(title)s held in %(year)s.", **p)
            return self.env._("%(title)s in %(year)s is required.", **p)
        if code == "streak_title":
            if met:
                return self.env._(
                    "%(title)s held %(years)s years in a row, %(period)s.", **p
                )
            return self.env._(
                "%(title)s is required %(years)s years in a row, %(period)s; missing: %(missing)s.",
                **p,
            )
        if code == "times_within":
            return self.env._(
                "%(title)s held %(actual)s times in the last %(within)s years; %(years)s times are required.",
                **p,
            )
        if code == "times_title":
            return self.env._(
                "%(title)s held %(actual)s times; %(years)s times are required.", **p
            )
        if code == "streak_rating":
            if met:
                return self.env._(
                    "Rated %(rating)s or better %(years)s years in a row, %(period)s.",
                    **p,
                )
            return self.env._(
                "Rated %(rating)s or better is required %(years)s years in a row, %(period)s; "
                "not shown for: %(missing)s.",
                **p,
            )
        if code == "run":
            return self._describe_run(p, met)
        if code == "run_title":
            return self.env._(
                "%(title)s held %(actual)s times within the run of years, %(period)s; "
                "at least %(count)s times are required.",
                **p,
            )
        if code == "run_top_rating":
            return self.env._(
                "Rated %(rating)s or better in %(actual)s years within the run of years, %(period)s; "
                "at least %(count)s are required.",
                **p,
            )
        if code == "collective_rating":
            if met is None:
                return self.env._(
                    "The collective's own rating of %(year)s is not entered: %(required)s or better is required.",
                    **p,
                )
            return self.env._(
                "The collective's own rating of %(year)s: %(actual)s; %(required)s or better is required.",
                **p,
            )
        if code == "held_title":
            if met:
                return self.env._("%(title)s held in an earlier year.", **p)
            return self.env._("%(title)s held in an earlier year is required.", **p)
        if code == "initiative":
            if p["replaced_by_rating"]:
                return self.env._("No initiative needed: rated %(rating)s.", **p)
            return self.env._(
                "Recognized initiatives of %(scope)s scope or wider in %(period)s: %(actual)s; "
                "%(count)s required.",
                **p,
            )
        if code == "quota":
            if met is None:
                return self.env._(
                    "Quota of %(percent)s%% of %(base)s: the unit's count is not known.",
                    **p,
                )
            return self.env._(
                "Candidates in the unit: %(candidates)s; at most %(limit)s (%(percent)s%% of %(base_count)s %(base)s).",
                **p,
            )
        if code == "member_share":
            if met is None:
                return self.env._("The unit's members are not known.")
            if p["strict"]:
                return self.env._(
                    "%(holders)s of %(members)s members hold %(title)s (%(actual)s%%); more than %(share)s%% "
                    "is required.",
                    **p,
                )
            return self.env._(
                "%(holders)s of %(members)s members hold %(title)s (%(actual)s%%); at least %(share)s%% is required.",
                **p,
            )
        if code == "member_count":
            if met is None:
                return self.env._("The unit's members are not known.")
            return self.env._(
                "%(actual)s members hold %(title)s; at least %(count)s are required.",
                **p,
            )
        if code == "all_complete":
            if met is None:
                return self.env._(
                    "Not every member's rating is entered: every member must complete their duties."
                )
            if met:
                return self.env._("Every member completes their duties.")
            return self.env._("A member did not complete their duties.")
        if code == "members_discipline":
            if met:
                return self.env._("No member disciplined with %(bar)s or heavier.", **p)
            return self.env._("A member is disciplined: %(actual)s.", **p)
        return code

    @api.model
    def _describe_run(self, p, met):
        """Word a run of years (``lib.eligibility._check_run``): the period found, since
        which award, and where it ends when it is too short."""
        if p.get("title") and p.get("award_year") is None:
            return self.env._(
                "%(title)s is required before the run of %(years)s years or more; it is not held.",
                **p,
            )
        if not p["length"]:
            found = self.env._(
                "No year rated %(rating)s or better in a row up to %(last)s", **p
            )
        elif p.get("rating") and p.get("title"):
            found = self.env._(
                "%(length)s years in a row rated %(rating)s or better since %(title)s of %(award_year)s, %(period)s",
                **p,
            )
        elif p.get("rating"):
            found = self.env._(
                "%(length)s years in a row rated %(rating)s or better, %(period)s", **p
            )
        else:
            found = self.env._(
                "%(length)s years since %(title)s of %(award_year)s, %(period)s", **p
            )
        required = self.env._("at least %(years)s years are required", years=p["years"])
        text = f"{found}; {required}."
        if met is None:
            text += " " + self.env._(
                "The rating of %(year)s is not entered: the run may go on before it.",
                year=p["stop_year"],
            )
        elif met is False and p.get("stop") == "below":
            text += " " + self.env._(
                "The run ends with %(year)s, rated lower.", year=p["stop_year"]
            )
        return text
