"""The figures of the 6-month and year-end reports on emulation and commendation work
(báo cáo sơ kết 6 tháng / tổng kết năm công tác thi đua, khen thưởng). No Odoo here: the
Odoo layer gathers the year's records as plain values and prints what this returns.

The period follows the TĐKT reporting year of the Ministry's statistics, 01/12 of the
previous year to 30/11 of the year: the year-end report covers the whole of it, the
6-month report its first six months, 01/12 of the previous year to 31/05. What counts in
a period is dated in it: a movement by its launching decision (else its start), an award
by its decision, a dossier by the day it was sent and the higher body's decision, an
initiative by its recognition, a decision by its date. An award or an initiative that
carries no date (entered from paper) counts in the reporting year it rewards.
"""

from collections import Counter
from datetime import date

# The two reports: (first month of the period, relative year), (last day of the period).
PERIODS = ("half_year", "year")
QUARTER_LABELS = {"1": "Quý I", "2": "Quý II", "3": "Quý III", "4": "Quý IV"}
MOVEMENT_METHODS = {
    "regular": "Thi đua thường xuyên hàng năm",
    "thematic": "Thi đua theo chuyên đề",
}
# Who grants a title or form (lib.authority's levels), as the report groups them: the
# department's own decisions, the province, the State (the Prime Minister, the President).
AUTHORITY_GROUPS = {
    "commune": "own",
    "agency": "own",
    "province": "province",
    "prime_minister": "state",
    "president": "state",
}
GROUP_LABELS = {"province": "Cấp tỉnh", "state": "Cấp Nhà nước"}
# The kinds of award (lib.award_classes.AWARD_KINDS) as the report words them.
AWARD_KIND_LABELS = {
    "regular": "Thường xuyên",
    "thematic": "Chuyên đề",
    "sudden": "Đột xuất",
    "foreign": "Đối ngoại",
    "dedication": "Cống hiến",
    "seniority": "Niên hạn",
    "resistance": "Kháng chiến",
}
SCOPE_LABELS = {
    "grassroots": "Cấp cơ sở",
    "provincial": "Cấp tỉnh",
    "national": "Cấp toàn quốc",
}


def reporting_period(year, period):
    """(first day, last day) of the report ``period`` ("half_year" or "year") of the
    reporting year ``year``: 01/12/(year - 1) to 31/05/year or 30/11/year."""
    if period not in PERIODS:
        raise ValueError(period)
    end = date(year, 5, 31) if period == "half_year" else date(year, 11, 30)
    return date(year - 1, 12, 1), end


def in_period(day, period_range, year=None, undated_year=None):
    """Whether ``day`` falls in ``period_range`` (first, last); with no day, whether
    ``undated_year`` is the reporting ``year``."""
    if day:
        return period_range[0] <= day <= period_range[1]
    return bool(year and undated_year == year)


def number_text(number):
    """A count as Vietnamese reports write it: 1 to 9 with a leading zero ("03"),
    thousands separated by dots ("1.250"), none as "0"."""
    number = int(number or 0)
    if 0 < number < 10:
        return f"{number:02d}"
    return f"{number:,}".replace(",", ".")


def share_text(part, whole):
    """``part`` of ``whole`` as a percentage with a decimal comma ("66,67%"); "0%"
    of nothing."""
    if not whole:
        return "0%"
    value = round(part * 100 / whole, 2)
    return f"{value:g}".replace(".", ",") + "%"


def day_text(day):
    return day.strftime("%d/%m/%Y") if day else ""


def period_wording(year, period):
    """The words of the report about its period: its title, the period, the next one."""
    first, last = reporting_period(year, period)
    span = f"từ ngày {day_text(first)} đến ngày {day_text(last)}"
    if period == "half_year":
        return {
            "kind_word": "Sơ kết",
            "period_label": f"6 tháng đầu năm {year}",
            "period_text": span,
            "next_period": f"6 tháng cuối năm {year}",
        }
    return {
        "kind_word": "Tổng kết",
        "period_label": f"năm {year}",
        "period_text": span,
        "next_period": f"năm {year + 1}",
    }


def movement_figures(movements, period_range):
    """The movements launched in the period, by method.

    ``movements``: dicts with name, method ("regular" / "thematic"), decision_number,
    decision_date, date_start. Returns counts (total, regular, thematic) and the list,
    in the order of their launch.
    """
    launched = [
        movement
        for movement in movements
        if in_period(
            movement.get("decision_date") or movement.get("date_start"), period_range
        )
    ]
    launched.sort(
        key=lambda m: (
            m.get("decision_date") or m.get("date_start"),
            m.get("name") or "",
        )
    )
    methods = Counter(movement.get("method") for movement in launched)
    items = []
    for number, movement in enumerate(launched, 1):
        decision = ""
        if movement.get("decision_number"):
            decision = f"Quyết định số {movement['decision_number']}"
            if movement.get("decision_date"):
                decision += f" ngày {day_text(movement['decision_date'])}"
        items.append(
            {
                "number": number,
                "name": movement.get("name") or "",
                "method": MOVEMENT_METHODS.get(movement.get("method"), ""),
                "decision": decision,
            }
        )
    return {
        "count": len(launched),
        "regular": methods["regular"],
        "thematic": methods["thematic"],
        "items": items,
    }


def task_figures(tasks, period_end):
    """The plan's tasks by quarter and how many were done by the end of the period.

    ``tasks``: dicts with quarter ("1".."4"), state and date_done. A task counts as done
    when its state is done and it was done on or before ``period_end`` (or carries no
    date); a cancelled task is no longer the plan's and is left out. Returns the quarters
    (label, total, done, open, share) and the totals.
    """
    totals, done = Counter(), Counter()
    for task in tasks:
        quarter = task.get("quarter")
        if quarter not in QUARTER_LABELS or task.get("state") == "cancelled":
            continue
        totals[quarter] += 1
        if task.get("state") == "done" and (
            not task.get("date_done") or task["date_done"] <= period_end
        ):
            done[quarter] += 1
    quarters = [
        {
            "label": label,
            "total": totals[quarter],
            "done": done[quarter],
            "open": totals[quarter] - done[quarter],
            "share": share_text(done[quarter], totals[quarter]),
        }
        for quarter, label in QUARTER_LABELS.items()
    ]
    total, total_done = sum(totals.values()), sum(done.values())
    return {
        "quarters": quarters,
        "total": total,
        "done": total_done,
        "open": total - total_done,
        "share": share_text(total_done, total),
    }


def _title_rows(entries):
    """Rows by title (in the titles' order) of (title key, subject_type) counts."""
    rows = {}
    for entry in entries:
        key = (entry.get("title_sequence") or 0, entry["title"])
        row = rows.setdefault(key, Counter())
        row[entry["subject_type"]] += 1
    return [(key[1], rows[key]) for key in sorted(rows)]


def award_figures(awards, proposed, period_range, year):
    """The titles and forms of the period by level.

    ``awards``: the award history, dicts with title (its name), title_sequence,
    subject_type ("individual" / "collective"), authority (a level of lib.authority),
    award_kind (lib.award_classes), decision_date and year. ``proposed``: the nominees of the dossiers sent to a higher
    body, dicts with title, title_sequence, subject_type, authority (the dossier's) and
    date_sent.

    Returns ``own``: the department's own titles and forms granted in the period (rows of
    title, collectives, individuals) and its totals; ``higher``: per title proposed to or
    granted by the province or the State, the numbers proposed and granted; the totals
    of each level; and ``kinds``: every award granted in the period by kind (those of
    none of the kinds counted as regular).
    """
    granted = [
        award
        for award in awards
        if in_period(award.get("decision_date"), period_range, year, award.get("year"))
    ]
    sent = [line for line in proposed if in_period(line.get("date_sent"), period_range)]

    def group(entry):
        return AUTHORITY_GROUPS.get(entry.get("authority"), "own")

    own = [
        {
            "number": number,
            "title": title,
            "collectives": counts["collective"],
            "individuals": counts["individual"],
        }
        for number, (title, counts) in enumerate(
            _title_rows(award for award in granted if group(award) == "own"), 1
        )
    ]
    higher, totals = [], Counter()
    for level in ("province", "state"):
        level_granted = [award for award in granted if group(award) == level]
        level_sent = [line for line in sent if group(line) == level]
        granted_rows = dict(_title_rows(level_granted))
        sent_rows = dict(_title_rows(level_sent))
        order = _title_rows(level_sent + level_granted)
        for title, _counts in order:
            proposed_counts = sent_rows.get(title, Counter())
            granted_counts = granted_rows.get(title, Counter())
            higher.append(
                {
                    "number": len(higher) + 1,
                    "title": title,
                    "level": GROUP_LABELS[level],
                    "proposed_collectives": proposed_counts["collective"],
                    "proposed_individuals": proposed_counts["individual"],
                    "granted_collectives": granted_counts["collective"],
                    "granted_individuals": granted_counts["individual"],
                }
            )
        totals[f"{level}_proposed"] = len(level_sent)
        totals[f"{level}_granted"] = len(level_granted)
    kinds = Counter(
        award.get("award_kind")
        if award.get("award_kind") in AWARD_KIND_LABELS
        else "regular"
        for award in granted
    )
    return {
        "kinds": [
            {"kind": label, "count": kinds[kind]}
            for kind, label in AWARD_KIND_LABELS.items()
            if kinds[kind]
        ],
        "own": own,
        "own_collectives": sum(row["collectives"] for row in own),
        "own_individuals": sum(row["individuals"] for row in own),
        "higher": higher,
        **{
            key: totals[key]
            for key in (
                "province_proposed",
                "province_granted",
                "state_proposed",
                "state_granted",
            )
        },
    }


def initiative_figures(initiatives, period_range, year):
    """The initiatives recognised in the period, by scope.

    ``initiatives``: dicts with scope (a title level) and date_recognition and year.
    """
    recognised = Counter(
        initiative.get("scope") or "grassroots"
        for initiative in initiatives
        if in_period(
            initiative.get("date_recognition"),
            period_range,
            year,
            initiative.get("year"),
        )
    )
    return {
        "count": sum(recognised.values()),
        "scopes": [
            {"scope": label, "count": recognised[scope]}
            for scope, label in SCOPE_LABELS.items()
            if recognised[scope]
        ],
    }


def decision_figures(decisions, period_range):
    """The department's decisions of the period, in the order of their dates.

    ``decisions``: dicts with number, date, summary, collectives and individuals (their
    lines). Returns the count and one line of words each.
    """
    dated = sorted(
        (
            decision
            for decision in decisions
            if decision.get("date") and in_period(decision["date"], period_range)
        ),
        key=lambda decision: (decision["date"], decision.get("number") or ""),
    )
    items = []
    for number, decision in enumerate(dated, 1):
        text = f"Quyết định số {decision.get('number') or '…'} ngày {day_text(decision['date'])}"
        if decision.get("summary"):
            text += f" về việc {decision['summary']}"
        parts = [
            f"{number_text(decision[key])} {label}"
            for key, label in (("collectives", "tập thể"), ("individuals", "cá nhân"))
            if decision.get(key)
        ]
        if parts:
            text += f" ({', '.join(parts)})"
        items.append({"number": number, "text": text})
    return {"count": len(dated), "items": items}


def _worded(rows, keys):
    return [
        {
            key: number_text(value) if key in keys else value
            for key, value in row.items()
        }
        for row in rows
    ]


def report_values(
    year,
    period,
    movements=(),
    tasks=(),
    awards=(),
    proposed=(),
    initiatives=(),
    decisions=(),
    plan_number="",
    plan_date_text="",
):
    """The ``report`` of the template's context (lib.docx_templates.REPORT_PLACEHOLDERS):
    the period's words and figures, every count worded by :func:`number_text`. The
    arguments are those of the ``*_figures`` functions above."""
    period_range = reporting_period(year, period)
    moved = movement_figures(movements, period_range)
    done = task_figures(tasks, period_range[1])
    rewarded = award_figures(awards, proposed, period_range, year)
    recognised = initiative_figures(initiatives, period_range, year)
    decided = decision_figures(decisions, period_range)
    return {
        "year": year,
        **period_wording(year, period),
        "plan_number": plan_number or "",
        "plan_date_text": plan_date_text or "",
        "movement_count": number_text(moved["count"]),
        "movement_regular_count": number_text(moved["regular"]),
        "movement_thematic_count": number_text(moved["thematic"]),
        "movements": moved["items"],
        "task_total": number_text(done["total"]),
        "task_done": number_text(done["done"]),
        "task_open": number_text(done["open"]),
        "task_share": done["share"],
        "quarters": _worded(done["quarters"], {"total", "done", "open"}),
        "own_awards": _worded(rewarded["own"], {"collectives", "individuals"}),
        "own_collective_count": number_text(rewarded["own_collectives"]),
        "own_individual_count": number_text(rewarded["own_individuals"]),
        "higher_awards": _worded(
            rewarded["higher"],
            {
                "proposed_collectives",
                "proposed_individuals",
                "granted_collectives",
                "granted_individuals",
            },
        ),
        "award_kinds": _worded(rewarded["kinds"], {"count"}),
        "province_proposed_count": number_text(rewarded["province_proposed"]),
        "province_granted_count": number_text(rewarded["province_granted"]),
        "state_proposed_count": number_text(rewarded["state_proposed"]),
        "state_granted_count": number_text(rewarded["state_granted"]),
        "initiative_count": number_text(recognised["count"]),
        "initiatives": _worded(recognised["scopes"], {"count"}),
        "decision_count": number_text(decided["count"]),
        "decisions": decided["items"],
    }
