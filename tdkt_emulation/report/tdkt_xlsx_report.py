from collections import defaultdict
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..lib.dates import document_date
from ..lib.params import YEAR_MAX, YEAR_MIN, parse_ids, parse_year
from ..lib.xlsx_awards import (
    build_eligibility_xlsx,
    build_import_template_xlsx,
    build_statistics_xlsx,
)
from ..lib.xlsx_council import build_review_xlsx, build_scoring_xlsx
from ..lib.xlsx_registrations import build_registrations_xlsx
from ..lib.xlsx_statistics import StatisticsError, build_official_statistics_xlsx
from ..models.tdkt_award import (
    IMPORT_FIELDS,
    IMPORT_SAMPLE_DECISION,
    IMPORT_SAMPLE_PERSON,
)

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The XLSX reports: the model of the records each is made of, or False for a report made
# of parameters (``_parse_<kind>_params``) instead of records.
XLSX_REPORTS = {
    "registrations": "tdkt.registration",
    "eligibility": "tdkt.registration.line",
    "council_session": "tdkt.council.session",
    "award_statistics": False,
    "award_import_template": False,
    "official_statistics": False,
}
# The longest name of a receiving body the official statistics print.
MAX_RECEIVER = 200
PERIODS = ("six_months", "annual")


class TdktXlsxReport(models.AbstractModel):
    """The XLSX reports: each kind of :data:`XLSX_REPORTS` built by ``_render_<kind>``
    from its records (read with the user's rights) and its parameters, its layout in
    ``lib/xlsx_*.py``. The reports handed in on paper carry the frame of an administrative
    document (``_prepare_frame``).

    They download, as the Word documents do, from the one route
    ``/tdkt/document/<kind>[/<ids>]?format=xlsx`` (ids in the path for a few, in the body
    of a POST for a selection): the buttons and the Print menu call :meth:`action_download`.
    The labels are in the reports' language (``res.lang._get_tdkt_report_lang``).
    """

    _name = "tdkt.xlsx.report"
    _description = "XLSX Report"

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    @api.model
    def action_download(self, kind, records=None, params=None):
        """The download of the report ``kind`` of ``records``, once what would make it fail
        has been checked, so that a failure shows in the dialog: the web client posts the
        ids in the body of the request (``tdkt_emulation.download``), whatever their
        number."""
        if XLSX_REPORTS.get(kind) is None:
            raise UserError(self.env._("There is no such report to download."))
        data = {"format": "xlsx", **(params or {})}
        if XLSX_REPORTS[kind]:
            self._check_records(kind, records)
            data["ids"] = ",".join(str(record_id) for record_id in records.ids)
        return {
            "type": "ir.actions.client",
            "tag": "tdkt_emulation.download",
            "params": {"url": f"/tdkt/document/{kind}", "data": data},
        }

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    @api.model
    def render(self, kind, records=None, **params):
        """The report ``kind`` of ``records``: (XLSX bytes, file name, mimetype)."""
        if XLSX_REPORTS.get(kind) is None:
            raise UserError(self.env._("There is no such report to download."))
        if XLSX_REPORTS[kind]:
            self._check_records(kind, records)
        content, filename = getattr(self, f"_render_{kind}")(records, **params)
        return content, filename, XLSX_MIMETYPE

    @api.model
    def _parse_params(self, kind, values):
        """The parameters of the report ``kind`` read from the request's ``values``
        (strict parsing: a UserError says what is expected)."""
        parser = getattr(self, f"_parse_{kind}_params", None)
        return parser(values) if parser else {}

    @api.model
    def _check_records(self, kind, records):
        if records is None or records._name != XLSX_REPORTS[kind]:
            raise UserError(self.env._("There is no such report to download."))
        if not records:
            raise UserError(self.env._("There is nothing selected to export."))
        records.check_access("read")
        checker = getattr(self, f"_check_{kind}", None)
        if checker:
            checker(records)

    @api.model
    def _get_env(self):
        """The environment of the reports' language."""
        return self.with_context(lang=self.env["res.lang"]._get_tdkt_report_lang()).env

    @api.model
    def _prepare_frame(self, company, day, signatures):
        """The administrative frame of a report handed in on paper: the company's issuing
        body and its superior, the place and ``day``, the signature blocks (dicts with
        ``title`` and ``name``)."""
        org = self.env["tdkt.document"]._prepare_org(company)
        return {
            "superior_body": org["superior_body"],
            "issuing_body": org["issuing_body"],
            "date_line": document_date(org["place"], day),
            "signatures": signatures,
        }

    @api.model
    def _get_office_signatures(self, env):
        return [
            {"title": env._("PREPARED BY"), "name": ""},
            {"title": env._("HEAD OF THE AGENCY"), "name": ""},
        ]

    # ------------------------------------------------------------
    # REGISTRATIONS
    # ------------------------------------------------------------

    @api.model
    def _render_registrations(self, registrations):
        """The registrations of these forms: a summary and a sheet per unit. Reads every
        line in one query whatever their number, with the lines' record rules."""
        env = self._get_env()
        registrations = registrations.with_env(env).sorted(
            lambda r: (r.plan_id.id, r.unit_id.complete_name or "")
        )
        lines_by_form = self.with_env(env)._read_registration_lines(registrations)
        states = dict(registrations._fields["state"]._description_selection(env))
        subjects = dict(
            env["tdkt.registration.line"]
            ._fields["subject_type"]
            ._description_selection(env)
        )
        units = [
            {
                "name": registration.unit_id.name
                if len(registrations.plan_id) == 1
                else f"{registration.unit_id.name} ({registration.year})",
                "status": states[registration.state]
                + (" - " + env._("late") if registration.is_late else ""),
                "lines": [
                    {**line, "subject": subjects[line["subject"]]}
                    for line in lines_by_form.get(registration.id, [])
                ],
            }
            for registration in registrations
        ]
        used_titles = {line["title"] for unit in units for line in unit["lines"]}
        titles = [
            title.name
            for title in env["tdkt.title"].with_context(active_test=False).search([])
            if title.name in used_titles
        ]
        plans = registrations.plan_id
        heading = env._(
            "Registration of emulation titles - %(plans)s",
            plans=", ".join(plans.mapped("display_name")),
        )
        labels = {
            "summary": env._("Summary"),
            "no": env._("No."),
            "unit": env._("Unit"),
            "status": env._("Status"),
            "total": env._("Total"),
            "subject": env._("Subject"),
            "name": env._("Full name"),
            "job": env._("Position"),
            "title": env._("Registered title"),
            "note": env._("Note"),
        }
        frame = self._prepare_frame(
            registrations[:1].company_id,
            fields.Date.context_today(self),
            self._get_office_signatures(env),
        )
        content = build_registrations_xlsx(heading, units, titles, labels, frame)
        years = "-".join(str(year) for year in sorted(set(plans.mapped("year"))))
        return content, env._("registrations-%(years)s.xlsx", years=years)

    @api.model
    def _read_registration_lines(self, registrations):
        """The lines of these forms as dicts, grouped by form id, in one query."""
        Line = self.env["tdkt.registration.line"]
        Line.check_access("read")
        query = Line._search([("registration_id", "in", registrations.ids)])
        title_alias = query.left_join(
            Line._table, "title_id", "tdkt_title", "id", "title_id"
        )
        employee_alias = query.left_join(
            Line._table, "employee_id", "hr_employee", "id", "employee_id"
        )
        query.order = SQL(
            "%s, %s DESC, %s, %s",
            SQL.identifier(Line._table, "registration_id"),
            SQL.identifier(Line._table, "subject_type"),
            SQL.identifier(Line._table, "sequence"),
            SQL.identifier(Line._table, "id"),
        )
        rows = self.env.execute_query(
            query.select(
                SQL.identifier(Line._table, "registration_id"),
                SQL.identifier(Line._table, "subject_type"),
                SQL.identifier(Line._table, "subject_name"),
                SQL.identifier(employee_alias, "job_title"),
                self.env["tdkt.title"]._field_to_sql(title_alias, "name", query),
                SQL.identifier(Line._table, "note"),
            )
        )
        lines_by_form = defaultdict(list)
        for registration_id, subject, name, job, title, note in rows:
            lines_by_form[registration_id].append(
                {
                    "subject": subject,
                    "name": name,
                    "job": job,
                    "title": title,
                    "note": note,
                }
            )
        return lines_by_form

    # ------------------------------------------------------------
    # ELIGIBILITY
    # ------------------------------------------------------------

    @api.model
    def _render_eligibility(self, lines):
        """The eligibility check list of these lines: each line, its status and the
        reasons."""
        env = self._get_env()
        lines = lines.with_env(env).sorted(
            lambda line: (line.year, line.unit_id.complete_name or "", line.id)
        )
        Eligibility = env["tdkt.eligibility"]
        title_names, articles = (
            Eligibility._get_title_names(),
            Eligibility._get_articles(),
        )
        statuses = dict(lines._fields["eligibility_status"]._description_selection(env))
        rows = [
            {
                "unit": line.unit_id.name,
                "subject": line.subject_name,
                "title": line.title_id.name,
                "status": statuses.get(line.eligibility_status, ""),
                "reasons": (
                    Eligibility._describe(line.eligibility_data, title_names, articles)
                    or ""
                ).split("\n"),
                "override": line.override_reason or "",
            }
            for line in lines
        ]
        years = sorted(set(lines.mapped("year")))
        labels = {
            "sheet": env._("Eligibility"),
            "no": env._("No."),
            "unit": env._("Unit"),
            "subject": env._("Full name / unit"),
            "title": env._("Registered title"),
            "status": env._("Eligibility"),
            "reasons": env._("Reasons"),
            "override": env._("Override by the Office"),
        }
        frame = self._prepare_frame(
            lines[:1].company_id,
            fields.Date.context_today(self),
            self._get_office_signatures(env),
        )
        content = build_eligibility_xlsx(
            env._("Eligibility check list of the emulation titles"),
            ", ".join(str(year) for year in years),
            rows,
            labels,
            frame,
        )
        return content, env._(
            "eligibility-%(years)s.xlsx", years="-".join(str(year) for year in years)
        )

    # ------------------------------------------------------------
    # COUNCIL SESSION
    # ------------------------------------------------------------

    @api.model
    def _check_council_session(self, sessions):
        if len(sessions) != 1:
            raise UserError(self.env._("Export the results of one session at a time."))
        if sessions.state != "closed":
            raise UserError(
                self.env._(
                    "The results of %(session)s are known once it is closed.",
                    session=sessions.name,
                )
            )

    @api.model
    def _render_council_session(self, session):
        """The session's report: the review results, or the initiatives' scoring."""
        env = self._get_env()
        session = session.with_env(env)
        heading = session.council_id.name
        subheading = env._(
            "%(session)s - %(date)s - %(members)s member(s)",
            session=session.name,
            date=session.date.strftime("%d/%m/%Y"),
            members=session.member_count,
        )
        items = session.sudo().item_ids
        outcomes = dict(items._fields["outcome"]._description_selection(env))
        members = session.sudo().council_id.member_ids
        frame = self._prepare_frame(
            session.company_id,
            session.date,
            [
                {
                    "title": env._("SECRETARY"),
                    "name": members.filtered(lambda member: member.role == "secretary")[
                        :1
                    ].employee_id.name
                    or "",
                },
                {
                    "title": env._("CHAIR OF THE COUNCIL"),
                    "name": members.filtered(lambda member: member.role == "chair")[
                        :1
                    ].employee_id.name
                    or "",
                },
            ],
        )
        if session.council_type == "emulation":
            content = build_review_xlsx(
                heading,
                subheading,
                [
                    {
                        "subject": item._get_nominee().subject_name,
                        "unit": item.sudo().unit_id.name,
                        "title": item.title_id.name,
                        "agree": item.agree_count,
                        "disagree": item.disagree_count,
                        "abstain": item.abstain_count,
                        "valid": item.valid_count,
                        "members": item.member_count,
                        "share": item.agree_share,
                        "threshold": item.threshold,
                        "outcome": outcomes.get(item.outcome, ""),
                    }
                    for item in items
                ],
                {
                    "sheet": env._("Review results"),
                    "no": env._("No."),
                    "subject": env._("Full name / unit"),
                    "unit": env._("Unit"),
                    "title": env._("Title"),
                    "agree": env._("Agree"),
                    "disagree": env._("Disagree"),
                    "abstain": env._("Abstain"),
                    "valid": env._("Valid ballots"),
                    "members": env._("Council members"),
                    "share": env._("Agree share"),
                    "threshold": env._("Threshold"),
                    "outcome": env._("Outcome"),
                },
                frame,
            )
            return content, env._(
                "review-results-%(date)s.xlsx", date=session.date.isoformat()
            )
        content = build_scoring_xlsx(
            heading,
            subheading,
            *self._get_scoring_tables(session, items, outcomes),
            frame,
        )
        return content, env._(
            "initiative-scoring-%(date)s.xlsx", date=session.date.isoformat()
        )

    @api.model
    def _get_scoring_tables(self, session, items, outcomes):
        """The criteria, the initiatives' averages and the members' score cards of the
        report, in the arguments' order of ``build_scoring_xlsx``."""
        env = session.env
        scores = items.score_ids
        criteria = (session._get_criteria() | scores.criterion_id).sorted(
            lambda criterion: (criterion.sequence, criterion.id)
        )
        points = {
            (score.item_id.id, score.member_id.id, score.criterion_id.id): score.points
            for score in scores
        }
        initiatives = []
        for item in items:
            averages = []
            for criterion in criteria:
                given = [
                    score.points
                    for score in item.score_ids
                    if score.criterion_id == criterion
                ]
                averages.append(round(sum(given) / len(given), 2) if given else None)
            initiative = item.initiative_id
            initiatives.append(
                {
                    "name": initiative.name,
                    "authors": ", ".join(
                        f"{author.employee_id.name} ({author.contribution:g}%)"
                        for author in initiative.author_ids
                    ),
                    "unit": initiative.unit_id.name,
                    "averages": averages,
                    "total": item.score_total,
                    "pass_mark": item.pass_mark,
                    "scorers": item.scorer_count,
                    "result": outcomes.get(item.outcome, ""),
                }
            )
        # A member's report holds her own score card: the others' are the Office's to read.
        readers_cards = scores.sudo(False)._filtered_access("read")
        cards = [
            (
                member.employee_id.name,
                [
                    {
                        "initiative": item.initiative_id.name,
                        "points": [
                            points.get((item.id, member.id, criterion.id))
                            for criterion in criteria
                        ],
                    }
                    for item in items
                ],
            )
            for member in readers_cards.member_id.sorted(
                lambda member: (member.sequence, member.id)
            )
        ]
        labels = {
            "summary": env._("Initiative scoring"),
            "no": env._("No."),
            "initiative": env._("Initiative"),
            "authors": env._("Authors"),
            "unit": env._("Unit"),
            "total": env._("Total"),
            "pass_mark": env._("Pass mark"),
            "scorers": env._("Members who scored"),
            "result": env._("Result"),
            "score_card": env._("Score card"),
        }
        return criteria.mapped("name"), initiatives, cards, labels

    # ------------------------------------------------------------
    # AWARD STATISTICS
    # ------------------------------------------------------------

    @api.model
    def _parse_award_statistics_params(self, values):
        year = parse_year(values.get("year", ""))
        if year is None:
            raise UserError(
                self.env._(
                    "year expects a year from %(first)s to %(last)s.",
                    first=YEAR_MIN,
                    last=YEAR_MAX,
                )
            )
        if values.get("period") not in PERIODS:
            raise UserError(self.env._("period expects six_months or annual."))
        return {"year": year, "period": values["period"]}

    @api.model
    def _render_award_statistics(self, records, year, period):
        """The commendation statistics of a 6-month or annual report: the awards whose
        decision is dated in the period, counted by title (collectives and individuals,
        with the decision numbers) and by unit, with the reader's record rules.

        :param period: ``six_months`` (January to June) or ``annual``
        """
        if period not in PERIODS or not YEAR_MIN <= int(year) <= YEAR_MAX:
            raise UserError(
                self.env._("Choose a year and a period: six months or the whole year.")
            )
        year = int(year)
        env = self._get_env()
        Award = env["tdkt.award"]
        domain = [
            ("decision_date", ">=", date(year, 1, 1)),
            (
                "decision_date",
                "<=",
                date(year, 6, 30) if period == "six_months" else date(year, 12, 31),
            ),
        ]
        by_title = defaultdict(
            lambda: {"collective": 0, "individual": 0, "decisions": []}
        )
        for title, subject_type, count, numbers in Award._read_group(
            domain,
            ["title_id", "subject_type"],
            ["__count", "decision_number:array_agg"],
        ):
            by_title[title][subject_type] += count
            by_title[title]["decisions"] += numbers
        by_unit = defaultdict(dict)
        for unit, title, count in Award._read_group(
            domain, ["unit_id", "title_id"], ["__count"]
        ):
            by_unit[unit][title.name] = count
        levels = dict(Award._fields["level"]._description_selection(env))
        titles = [
            {
                "title": title.name,
                "level": levels.get(title.level, ""),
                "collective": counts["collective"],
                "individual": counts["individual"],
                "decisions": ", ".join(dict.fromkeys(counts["decisions"])),
            }
            for title, counts in sorted(
                by_title.items(), key=lambda item: (item[0].sequence, item[0].id)
            )
        ]
        units = [
            {"unit": unit.name or env._("No unit"), "counts": counts}
            for unit, counts in sorted(
                by_unit.items(), key=lambda item: item[0].complete_name or ""
            )
        ]
        labels = {
            "by_title": env._("By title"),
            "by_unit": env._("By unit"),
            "no": env._("No."),
            "title": env._("Title or commendation form"),
            "level": env._("Level"),
            "collective": env._("Collectives"),
            "individual": env._("Individuals"),
            "total": env._("Total"),
            "decisions": env._("Decisions"),
            "unit": env._("Unit"),
        }
        if period == "six_months":
            heading = env._(
                "Commendation statistics - first six months of %(year)s", year=year
            )
            filename = env._(
                "commendation-statistics-6-months-%(year)s.xlsx", year=year
            )
        else:
            heading = env._("Commendation statistics - year %(year)s", year=year)
            filename = env._(
                "commendation-statistics-whole-year-%(year)s.xlsx", year=year
            )
        subheading = env._(
            "Awards whose decision is dated in the period, by title and level, and by unit."
        )
        frame = self._prepare_frame(
            self.env.company,
            fields.Date.context_today(self),
            self._get_office_signatures(env),
        )
        content = build_statistics_xlsx(
            heading, subheading, titles, units, labels, frame
        )
        return content, filename

    # ------------------------------------------------------------
    # OFFICIAL STATISTICS
    # ------------------------------------------------------------

    @api.model
    def _parse_official_statistics_params(self, values):
        year = parse_year(values.get("year", ""))
        if year is None:
            raise UserError(
                self.env._(
                    "year expects a year from %(first)s to %(last)s.",
                    first=YEAR_MIN,
                    last=YEAR_MAX,
                )
            )
        form = values.get("form") or "all"
        if not isinstance(form, str) or not (form == "all" or form.isascii()):
            raise UserError(self.env._("form expects all or the code of a form."))
        company_ids = parse_ids(values.get("company_ids", ""), limit=1000)
        if company_ids is None:
            raise UserError(
                self.env._("company_ids expects company ids separated by commas.")
            )
        receiver = values.get("receiver") or ""
        if not isinstance(receiver, str) or len(receiver) > MAX_RECEIVER:
            raise UserError(
                self.env._(
                    "receiver expects the name of a body of at most %(count)s characters.",
                    count=MAX_RECEIVER,
                )
            )
        return {
            "year": year,
            "form": form,
            "company_ids": company_ids,
            "receiver": receiver,
        }

    @api.model
    def _get_statistics_error_message(self, error):
        """``error`` (a ``StatisticsError``) worded in the user's language."""
        params = error.params
        if error.code == "self_reference":
            return self.env._(
                "Form %(form)s: the total of row %(row)s, column %(column)s adds up "
                "itself.",
                form=params.get("form", ""),
                row=params["row"],
                column=params["column"],
            )
        if error.code == "unknown_rows":
            return self.env._(
                "Form %(form)s: row %(row)s adds up rows %(codes)s, which the form does "
                "not have.",
                form=params.get("form", ""),
                row=params["row"],
                codes=", ".join(params["codes"]),
            )
        return self.env._(
            "Form %(form)s: column %(column)s adds up columns %(numbers)s, which the "
            "form does not have.",
            form=params.get("form", ""),
            column=params["column"],
            numbers=", ".join(str(number) for number in params["numbers"]),
        )

    @api.model
    def _get_statistics_companies(self, company_ids=None):
        """The companies the official statistics count: ``company_ids`` (all of them
        allowed to the user), else those of the environment (the companies selected in
        the web client: a province database consolidates its departments)."""
        if not company_ids:
            return self.env.companies
        companies = self.env["res.company"].browse(company_ids)
        if companies - self.env.user.company_ids:
            raise UserError(
                self.env._("The statistics count only the companies you may work in.")
            )
        return companies

    @api.model
    def _render_official_statistics(
        self, records, year, form="all", company_ids=None, receiver=""
    ):
        """The official statistics forms of the reporting ``year`` (01/12 of the previous
        year to 30/11): the version of each form valid for the year
        (``tdkt.statistics.form``), ``form`` alone or all of them, one sheet each, counted
        over the companies (:meth:`_get_statistics_companies`) in one query per form.

        The Office prepares them: the counts go past the units' record rules, over the
        companies of the user."""
        if not self.env.user.has_group("tdkt_emulation.group_tdkt_officer"):
            raise AccessError(
                self.env._("Only the Office prepares the official statistics.")
            )
        if not YEAR_MIN <= int(year) <= YEAR_MAX:
            raise UserError(self.env._("Choose the reporting year."))
        year = int(year)
        companies = self._get_statistics_companies(company_ids)
        forms = self.env["tdkt.statistics.form"].sudo()._get_for_year(year)
        if form != "all":
            forms = forms.filtered(lambda record: record.code == form)
        if not forms:
            raise UserError(
                self.env._(
                    "No official statistics form is valid for the reporting year %(year)s.",
                    year=year,
                )
            )
        org = self.env["tdkt.document"]._prepare_org(self.env.company)
        place_date = document_date(org["place"], fields.Date.context_today(self))
        try:
            content = build_official_statistics_xlsx(
                [
                    record._prepare_sheet(
                        year, companies, org["issuing_body"], receiver, place_date
                    )
                    for record in forms
                ]
            )
        except StatisticsError as error:
            raise UserError(
                self.env._(
                    "The totals of the official statistics forms cannot be computed: "
                    "%(error)s",
                    error=self._get_statistics_error_message(error),
                )
            ) from error
        env = self._get_env()
        name = form if form != "all" else env._("all")
        return content, env._(
            "official-statistics-%(form)s-%(year)s.xlsx", form=name, year=year
        )

    # ------------------------------------------------------------
    # AWARD IMPORT TEMPLATE
    # ------------------------------------------------------------

    @api.model
    def _render_award_import_template(self, records):
        """An import template of awards whose column headers are the fields' labels in the
        reports' language, which the award import (``tdkt.award.import``) maps back to the
        fields: a sample row to replace, the decision date as a dd/mm/yyyy date, and
        drop-down lists of the subjects, titles and kinds of award. A file to fill in, not
        to print: no frame."""
        env = self._get_env()
        Award = env["tdkt.award"]
        headers = [
            Award._fields[name]._description_string(env) for name in IMPORT_FIELDS
        ]
        subjects = dict(Award._fields["subject_type"]._description_selection(env))
        kinds = dict(Award._fields["award_kind"]._description_selection(env))
        titles = env["tdkt.title"].search([])
        title = titles.filtered(
            lambda title: title.subject_type in ("individual", "both")
        )[:1]
        today = fields.Date.context_today(self)
        sample = {
            "subject_type": subjects["individual"],
            "employee_id": IMPORT_SAMPLE_PERSON,
            "unit_id": "",
            "year": today.year - 1,
            "title_id": title.name or "",
            "award_kind": kinds["regular"],
            "decision_number": IMPORT_SAMPLE_DECISION,
            "decision_date": date(today.year, 1, 15),
            "decision_authority": env._(
                "Chairman of the Provincial People's Committee"
            ),
            "note": Award._get_import_sample_note(),
        }
        column_kinds = [
            {"year": "number", "decision_date": "date"}.get(name, "text")
            for name in IMPORT_FIELDS
        ]
        choices = {
            IMPORT_FIELDS.index("subject_type"): list(subjects.values()),
            IMPORT_FIELDS.index("title_id"): list(dict.fromkeys(titles.mapped("name"))),
            IMPORT_FIELDS.index("award_kind"): list(kinds.values()),
        }
        content = build_import_template_xlsx(
            env._("Awards"),
            headers,
            [[sample[name] for name in IMPORT_FIELDS]],
            column_kinds,
            choices,
            env._("Lists"),
        )
        return content, env._("awards-import-template.xlsx")
