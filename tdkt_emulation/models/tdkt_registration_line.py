import json
from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .tdkt_requirement_mixin import DISCIPLINES, RATINGS

# Written by a closing council session only.
VOTE_FIELDS = {
    "vote_session_id",
    "vote_agree_count",
    "vote_member_count",
    "vote_share",
    "vote_threshold",
    "vote_outcome",
}
# Written by the Office's override only; the eligibility itself is computed, never typed.
OVERRIDE_FIELDS = {
    "eligibility_override",
    "override_reason",
    "override_user_id",
    "date_override",
    "eligibility_status",
    "eligibility_data",
}
ELIGIBILITY_STATUSES = [
    ("eligible", "Eligible"),
    ("ineligible", "Not eligible"),
    ("unknown", "Cannot tell"),
]


class TdktRegistrationLine(models.Model):
    """One subject registering one title: a person of the unit for an individual title,
    the unit itself for a collective one. A subject registers a title once a year."""

    _name = "tdkt.registration.line"
    _description = "Title Registration Line"
    _inherit = [
        "tdkt.input.mixin",
        "tdkt.workflow.mixin",
        "tdkt.subject.mixin",
        "tdkt.unit.mixin",
        # Its facts are those of the other lines of its subject and unit (FACT_SOURCES).
        "tdkt.eligibility.source",
    ]
    _order = "registration_id, subject_type desc, sequence, id"
    _check_company_auto = True
    _tdkt_unit_fields = ("unit_id",)
    _tdkt_steps = ("override",)
    _tdkt_step_fields = tuple(VOTE_FIELDS | OVERRIDE_FIELDS)
    _tdkt_unit_ties = ("registration_id", "employee_id", "subject_type")
    _tdkt_can_depends = ("eligibility_status",)

    registration_id = fields.Many2one(
        "tdkt.registration", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    unit_id = fields.Many2one(related="registration_id.unit_id", store=True, index=True)
    plan_id = fields.Many2one(related="registration_id.plan_id", store=True, index=True)
    year = fields.Integer(related="registration_id.year", store=True, index=True)
    company_id = fields.Many2one(
        related="registration_id.company_id", store=True, index=True
    )
    state = fields.Selection(
        related="registration_id.state", string="Form Status", store=True
    )
    employee_id = fields.Many2one(domain="[('department_id', 'child_of', unit_id)]")
    job_title = fields.Char(related="employee_id.job_title")
    title_level = fields.Selection(related="title_id.level", store=True)
    note = fields.Char()
    # A sudden achievement (thành tích đột xuất) is proposed at any time: the Office adds
    # it to a received form, the council reviews it like the others, and the decision's
    # line takes the kind sudden.
    is_sudden = fields.Boolean(
        "Sudden Achievement",
        help="Proposed for a sudden achievement rather than the year's results: the "
        "award is of kind sudden.",
    )
    movement_id = fields.Many2one(
        "tdkt.movement",
        "Thematic Movement",
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('method', '=', 'thematic'), ('state', '=', 'launched')]",
        help="The thematic movement this nomination belongs to: the council reviews it with "
        "the others, and only that movement's decisions and proposals take it.",
    )
    sudden_reason = fields.Text(
        "Sudden Achievement Described",
        help="What the person or the unit did, for the council and the decision.",
    )
    achievements = fields.Html(
        help="Section II of the achievement report (báo cáo thành tích): the duties and the "
        "achievements of the year, written by the person or the unit."
    )
    # The facts of the year the rules need: the subject's assessment of the year, shown
    # and edited here (tdkt.assessment, tdkt.unit.assessment); the line keeps no copy.
    rating = fields.Selection(
        RATINGS,
        "Rating of the Year",
        compute="_compute_rating",
        inverse="_inverse_rating",
        help="The subject's rating of quality for the year.",
    )
    months_worked = fields.Integer(
        compute="_compute_months_worked",
        inverse="_inverse_months_worked",
        help="Months the person worked in the year, leave excluded.",
    )
    discipline = fields.Selection(
        DISCIPLINES,
        "Disciplined",
        compute="_compute_discipline",
        inverse="_inverse_discipline",
        help="The heaviest disciplinary measure taken against the subject in the year.",
    )
    discipline_reference = fields.Char(
        "Discipline Decision",
        compute="_compute_discipline",
        inverse="_inverse_discipline",
        help="The decision that took the disciplinary measure.",
    )
    # What the rules make of the facts; see tdkt.eligibility
    eligibility_status = fields.Selection(
        ELIGIBILITY_STATUSES,
        "Eligibility",
        compute="_compute_eligibility",
        store=True,
        index=True,
    )
    eligibility_data = fields.Json(
        compute="_compute_eligibility", store=True, copy=False
    )
    eligibility_reasons = fields.Text("Reasons", compute="_compute_eligibility_reasons")
    eligibility_override = fields.Boolean(
        "Overridden",
        readonly=True,
        copy=False,
        help="The Office puts the line before the council although the rules find it ineligible.",
    )
    override_reason = fields.Text("Reason for Overriding", readonly=True, copy=False)
    override_user_id = fields.Many2one(
        "res.users", "Overridden By", readonly=True, copy=False
    )
    date_override = fields.Datetime("Overridden On", readonly=True, copy=False)
    can_override = fields.Boolean(compute="_compute_can_steps")
    # The council's vote, written when its session closes
    vote_session_id = fields.Many2one(
        "tdkt.council.session", "Review Session", readonly=True, copy=False
    )
    vote_agree_count = fields.Integer("Votes For", readonly=True, copy=False)
    vote_member_count = fields.Integer("Council Members", readonly=True, copy=False)
    vote_share = fields.Float(
        "Agree Share (%)", readonly=True, copy=False, digits=(5, 2)
    )
    vote_threshold = fields.Float(
        "Threshold (%)", readonly=True, copy=False, digits=(5, 2)
    )
    vote_outcome = fields.Selection(
        [("approved", "Passed"), ("rejected", "Not passed")],
        "Council Outcome",
        readonly=True,
        copy=False,
        index=True,
    )

    # One compute and one inverse per fact, so that writing one fact writes only it.
    @api.depends("subject_type", "employee_id", "unit_id", "year", "company_id")
    def _compute_rating(self):
        assessments = self._get_assessments()
        for line in self:
            assessment = assessments.get(line._get_assessment_key())
            line.rating = assessment.rating if assessment else False

    @api.depends("subject_type", "employee_id", "unit_id", "year", "company_id")
    def _compute_months_worked(self):
        """A full year worked until the person's assessment says otherwise."""
        assessments = self._get_assessments()
        for line in self:
            assessment = assessments.get(line._get_assessment_key())
            line.months_worked = (
                assessment.months_worked
                if assessment and assessment._name == "tdkt.assessment"
                else 12
            )

    @api.depends("subject_type", "employee_id", "unit_id", "year", "company_id")
    def _compute_discipline(self):
        assessments = self._get_assessments()
        for line in self:
            assessment = assessments.get(line._get_assessment_key())
            line.discipline = assessment.discipline if assessment else False
            line.discipline_reference = (
                assessment.discipline_reference if assessment else False
            )

    def _inverse_rating(self):
        self._write_assessments(lambda line: {"rating": line.rating or False})

    def _inverse_months_worked(self):
        self._write_assessments(
            lambda line: {"months_worked": line.months_worked}
            if line.subject_type == "individual"
            else {}
        )

    def _inverse_discipline(self):
        self._write_assessments(
            lambda line: {
                "discipline": line.discipline or False,
                "discipline_reference": line.discipline_reference or False,
            }
        )

    @api.depends(
        "subject_type",
        "employee_id",
        "unit_id",
        "title_id",
        "year",
        "rating",
        "months_worked",
        "discipline",
    )
    def _compute_eligibility(self):
        # The facts are read whoever asks (past awards, other lines): a line being edited
        # (an onchange) is checked only when its subject is one the user works with, or the
        # answer would tell her another unit's history. Saved lines are checked whoever
        # writes, their subject being the form's; record rules guard who reads them.
        hidden = self._get_lines_hidden_from_user()
        results = self.env["tdkt.eligibility"]._check_line_ids(self - hidden)
        for line in self:
            result = (
                results[line.id]
                if line not in hidden
                else {
                    "status": False,
                    "reasons": [
                        {
                            "code": "not_readable",
                            "met": None,
                            "params": {},
                            "article": "",
                            "to_confirm": False,
                        }
                    ],
                    "initiative_ids": [],
                }
            )
            line.eligibility_status = result["status"]
            line.eligibility_data = result

    @api.depends("eligibility_data")
    @api.depends_context("lang")
    def _compute_eligibility_reasons(self):
        Eligibility = self.env["tdkt.eligibility"]
        title_names, articles = (
            Eligibility._get_title_names(),
            Eligibility._get_articles(),
        )
        for line in self:
            line.eligibility_reasons = Eligibility._describe(
                line.eligibility_data, title_names, articles
            )

    @api.constrains("is_sudden", "sudden_reason")
    def _check_sudden_reason(self):
        for line in self:
            if line.is_sudden and not (line.sudden_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "Describe the sudden achievement of %(subject)s.",
                        subject=line.subject_name or "",
                    )
                )

    @api.constrains("subject_type", "employee_id", "title_id", "registration_id")
    def _check_subject(self):
        for line in self:
            if line.subject_type == "individual":
                if not line.employee_id:
                    raise ValidationError(
                        self.env._(
                            "An individual title needs the person who registers."
                        )
                    )
                department = line.employee_id.department_id
                if not (department.parent_path or "").startswith(
                    line.unit_id.parent_path or "-"
                ):
                    raise ValidationError(
                        self.env._(
                            "%(person)s does not work in %(unit)s.",
                            person=line.employee_id.name,
                            unit=line.unit_id.name,
                        )
                    )
            elif line.employee_id:
                raise ValidationError(
                    self.env._(
                        "A collective title is registered for the unit, not a person."
                    )
                )
            if line.title_id.subject_type not in (line.subject_type, "both"):
                raise ValidationError(
                    self.env._(
                        "%(title)s cannot be awarded to %(subject)s.",
                        title=line.title_id.name,
                        subject=dict(
                            self._fields["subject_type"]._description_selection(
                                self.env
                            )
                        )[line.subject_type].lower(),
                    )
                )

    @api.constrains("year", "title_id", "employee_id", "unit_id", "subject_type")
    def _check_once_a_year(self):
        # The subject first: what another unit's person registered is not told.
        self._check_subject()
        # One search for the whole batch: the lines that could share a subject and title.
        candidates = self.sudo().search(
            [
                ("year", "in", list(set(self.mapped("year")))),
                ("title_id", "in", self.title_id.ids),
                "|",
                ("employee_id", "in", self.employee_id.ids),
                "&",
                ("subject_type", "=", "collective"),
                ("unit_id", "in", self.unit_id.ids),
            ]
        )
        counts = Counter(line._get_subject_key() for line in candidates)
        for line in self:
            if counts[line._get_subject_key()] > 1:
                raise ValidationError(
                    self.env._(
                        "%(subject)s has already registered %(title)s for %(year)s.",
                        subject=line.subject_name,
                        title=line.title_id.name,
                        year=line.year,
                    )
                )

    def _get_approval_thresholds(self):
        """The agree share, in percent of all the council's members, each line's title needs:
        the rule of the regime in force for the line's year, else the title's own.

        :return: ``{line: threshold}``, in one rule search whatever the number of lines
        """
        return self._get_title_thresholds(
            [(line, line.year, line.title_id) for line in self]
        )

    @api.model
    def _get_title_thresholds(self, keys):
        """``{record: threshold}`` of ``keys``, a list of ``(record, year, title)``: the
        agree share the title needs under the regime of the year, else the title's own."""
        rule_sets = {
            year: self.env["tdkt.rule.set"]._get_for_year(year)
            for year in {year for _record, year, _title in keys}
        }
        rules = (
            self.env["tdkt.title.rule"]
            .sudo()
            .search(
                [
                    (
                        "rule_set_id",
                        "in",
                        [rule_set.id for rule_set in rule_sets.values()],
                    ),
                    (
                        "title_id",
                        "in",
                        list({title.id for _record, _year, title in keys}),
                    ),
                ]
            )
        )
        thresholds = {
            (rule.rule_set_id, rule.title_id): rule.approval_threshold for rule in rules
        }
        return {
            record: thresholds.get((rule_sets[year], title)) or title.approval_threshold
            for record, year, title in keys
        }

    def _get_lines_hidden_from_user(self):
        """The new lines (being edited, not saved) among these whose subject is outside the
        current user's units: a person of another unit, or another unit. The superuser and
        the Office see every unit. The user is the environment's even in ``sudo()``, as a
        stored field's compute runs."""
        new_lines = self.filtered(lambda line: not isinstance(line.id, int))
        user = self.env.user
        if (
            not new_lines
            or user._is_superuser()
            or user.has_group("tdkt_emulation.group_tdkt_officer")
        ):
            return self.browse()
        unit_ids = set(self.env.user._get_tdkt_unit_ids())
        return new_lines.filtered(
            lambda line: line.unit_id.id not in unit_ids
            or (
                line.subject_type == "individual"
                and line.employee_id
                and line.employee_id.sudo().department_id.id not in unit_ids
            )
        )

    def _write_assessments(self, get_vals):
        """Write the facts ``get_vals(line)`` gives in each line's assessment of the year,
        creating the missing ones in one go. Whoever may change the line may change them:
        the line's own access was checked, so the assessment is written as the superuser,
        in the unit of the year it already has (a new one in the person's unit)."""
        assessments = self._get_assessments()
        to_create = {}
        for line in self:
            key = line._get_assessment_key()
            vals = get_vals(line)
            if not key[1] or not key[2] or not vals:
                continue
            assessment = assessments.get(key)
            if assessment:
                changed = {
                    name: value
                    for name, value in vals.items()
                    if (assessment[name] or False) != value
                }
                if changed:
                    assessment.write(changed)
            elif key in to_create:
                to_create[key].update(vals)
            elif any(vals.values()) or "months_worked" in vals:
                if line.subject_type == "individual":
                    vals.update(
                        employee_id=line.employee_id.id,
                        department_id=line.employee_id.sudo().department_id.id
                        or line.unit_id.id,
                    )
                else:
                    vals["unit_id"] = line.unit_id.id
                to_create[key] = {
                    **vals,
                    "year": line.year,
                    "company_id": line.company_id.id,
                }
        for model, subject_type in (
            ("tdkt.assessment", "individual"),
            ("tdkt.unit.assessment", "collective"),
        ):
            vals_list = [
                vals for key, vals in to_create.items() if key[0] == subject_type
            ]
            if vals_list:
                self.env[model].sudo().create(vals_list)

    def _get_assessment_key(self):
        """The key of the assessment that holds the line's facts."""
        if self.subject_type == "individual":
            return ("individual", self.employee_id.id, self.year, self.company_id.id)
        return ("collective", self.unit_id.id, self.year, self.company_id.id)

    def _get_assessments(self):
        """``{assessment key: assessment}`` of these lines' subjects and years, read as
        the superuser: the facts of a line are shown to whoever reads the line."""
        found = {}
        individuals = self.filtered(lambda line: line.subject_type == "individual")
        collectives = self - individuals
        years = list(set(self.mapped("year")))
        if individuals.employee_id:
            for assessment in (
                self.env["tdkt.assessment"]
                .sudo()
                .search(
                    [
                        ("employee_id", "in", individuals.employee_id.ids),
                        ("year", "in", years),
                    ]
                )
            ):
                found[
                    (
                        "individual",
                        assessment.employee_id.id,
                        assessment.year,
                        assessment.company_id.id,
                    )
                ] = assessment
        if collectives.unit_id:
            for assessment in (
                self.env["tdkt.unit.assessment"]
                .sudo()
                .search(
                    [
                        ("unit_id", "in", collectives.unit_id.ids),
                        ("year", "in", years),
                    ]
                )
            ):
                found[
                    (
                        "collective",
                        assessment.unit_id.id,
                        assessment.year,
                        assessment.company_id.id,
                    )
                ] = assessment
        return found

    def _get_subject_key(self):
        """What makes two lines the same registration: year, title and subject."""
        if self.subject_type == "individual":
            return (self.year, self.title_id.id, "individual", self.employee_id.id)
        return (self.year, self.title_id.id, "collective", self.unit_id.id)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def write(self, vals):
        result = super().write(vals)
        if not self.env.su and "registration_id" in vals:
            # The form the line lands in must be one its writer may edit.
            self._check_edit()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted_form(self):
        if not self.env.su:
            self._check_edit()

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_open_eligibility(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Eligibility"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref("tdkt_emulation.tdkt_registration_line_view_form").id,
                    "form",
                )
            ],
            "target": "new",
        }

    def action_check_eligibility(self):
        """Check these lines again now, e.g. after importing the award history of past
        years: one check of them all, written in one statement whatever their number."""
        self._check_read_at_once()
        lines = self.sudo()
        results = self.env["tdkt.eligibility"]._check_line_ids(lines)
        names = ["eligibility_status", "eligibility_data"]
        for name in names:
            self.env.remove_to_compute(self._fields[name], lines)
        if lines:
            # One parameter for all the lines, unpacked by PostgreSQL: each result once,
            # with the ids of the lines that have it (many lines share the same verdict
            # and reasons), so that PostgreSQL parses and compares a few results, not one
            # for each line.
            ids_of = {}  # result as JSON -> (status, line ids)
            for line_id in lines._ids:
                result = results[line_id]
                status, ids = ids_of.setdefault(
                    json.dumps(result), (result["status"] or None, [])
                )
                ids.append(line_id)
            # Each result's JSON text as it is, not parsed and written again.
            checked = "[{}]".format(
                ",".join(
                    f'{{"ids": {json.dumps(ids)}, "status": {json.dumps(status)}, "data": {data}}}'
                    for data, (status, ids) in ids_of.items()
                )
            )
            self.env.cr.execute(
                SQL(
                    "UPDATE tdkt_registration_line AS line SET eligibility_status = checked.status, "
                    "eligibility_data = checked.data "
                    "FROM (SELECT unnest(result.ids) AS id, result.status, result.data "
                    "FROM jsonb_to_recordset(%s::jsonb) AS result(ids integer[], status varchar, data jsonb)"
                    ") AS checked "
                    # A line whose verdict stands is not written again.
                    "WHERE line.id = checked.id AND (line.eligibility_status IS DISTINCT FROM checked.status "
                    "OR line.eligibility_data IS DISTINCT FROM checked.data)",
                    checked,
                )
            )
        lines.invalidate_recordset(names)
        lines.modified(names)
        return True

    def _check_read_at_once(self):
        """``check_access("read")`` in one query whatever the number of lines (Odoo's
        checks the record rules by chunks of a thousand ids)."""
        self.browse().check_access("read")
        ids = set(self._ids)
        if self.search_count([("id", "in", list(ids))]) != len(ids):
            raise AccessError(
                self.env._(
                    "You can check the eligibility of the lines you may read only."
                )
            )

    def action_export_eligibility_xlsx(self):
        return self.env["tdkt.xlsx.report"].action_download("eligibility", self)

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _get_lines_for_eligibility(self):
        """The lines whose eligibility depends on these lines: the other lines of their
        subjects (titles proposed the same year, ratings of later years) and the lines of
        their units in their years (quotas, members' titles of collective titles)."""
        if not self:
            return self.browse()
        return (
            self.sudo()
            .search(
                [
                    "|",
                    "&",
                    ("employee_id", "in", self.employee_id.ids),
                    ("year", ">=", min(self.mapped("year"))),
                    "&",
                    ("unit_id", "in", self.unit_id.ids),
                    ("year", "in", list(set(self.mapped("year")))),
                ]
            )
            .with_env(self.env)
        )

    def _mark_for_eligibility(self):
        """Have these lines checked again at the next flush, all in one batch, and what
        shows their result computed again too."""
        names = ["eligibility_status", "eligibility_data"]
        for name in names:
            self.env.add_to_compute(self._fields[name], self)
        self.modified(names)

    def _get_award_class_vals(self):
        """What the line gives the decision or proposal line made from it: the kind
        sudden and the achievement, for a sudden achievement."""
        self.ensure_one()
        if not self.is_sudden:
            return {}
        return {"award_kind": "sudden", "reason": self.sudden_reason}

    @api.model
    def _get_movement_domain(self, movement):
        """The results a decision or a proposal of ``movement`` (or of none) takes: the
        nominations of that thematic movement, or those of no thematic movement."""
        thematic = movement if movement.method == "thematic" else movement.browse()
        return [("movement_id", "=", thematic.id or False)]

    def _get_eligibility_initiative_ids(self):
        """The recognized initiatives the line's proposal would use."""
        return (self.eligibility_data or {}).get("initiative_ids", [])

    def _override_eligibility(self, reason):
        self._check_override()
        if not (reason or "").strip():
            raise UserError(
                self.env._("Give the reason for overriding the eligibility.")
            )
        self._write_step(
            {
                "eligibility_override": True,
                "override_reason": reason.strip(),
                "override_user_id": self.env.uid,
                "date_override": fields.Datetime.now(),
            }
        )
        for registration in self.registration_id:
            lines = self.filtered(
                lambda line, registration=registration: line.registration_id
                == registration
            )
            lines._post_audit(
                self.env._(
                    "Eligibility overridden for %(lines)s: %(reason)s",
                    lines=", ".join(lines.mapped("display_name")),
                    reason=reason.strip(),
                ),
                registration,
            )

    # ------------------------------------------------------------
    # STEPS
    # ------------------------------------------------------------

    def _check_edit(self):
        """A line changes with its form: see ``tdkt.registration._check_edit``."""
        self.registration_id._check_edit()

    def _check_override(self):
        """The Office puts a line the rules find ineligible before the council."""
        self._require("officer", self.env._("Only the Office overrides eligibility."))
        if any(line.eligibility_status != "ineligible" for line in self):
            raise UserError(
                self.env._("Only lines the rules find ineligible need an override.")
            )

    def _get_step_fields_error(self, names):
        if names & VOTE_FIELDS:
            return self.env._("The council's vote is written by its session only.")
        return self.env._(
            "Eligibility is worked out from the facts; only the Office overrides it, with a reason."
        )

    def _get_guard_units(self):
        return self.unit_id | self.employee_id.department_id

    def _get_audit_records(self):
        return self.registration_id
