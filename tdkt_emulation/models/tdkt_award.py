from collections import Counter

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

# The columns of the import template, in order.
IMPORT_FIELDS = (
    "subject_type",
    "employee_id",
    "unit_id",
    "year",
    "title_id",
    "award_kind",
    "decision_number",
    "decision_date",
    "decision_authority",
    "note",
)
# The person and the decision of the template's sample row, which the import skips while
# the row still holds them and the sample's note.
IMPORT_SAMPLE_PERSON = "Nguyễn Văn A"
IMPORT_SAMPLE_DECISION = "12/QĐ-UBND"


class TdktAward(models.Model):
    """The award history: one row per subject, year and title or commendation form, the
    single source of truth for eligibility.

    Signing a decision writes its awards and cancelling it removes them; those rows change
    with their decision only. Awards from before the addon (paper history) are entered or
    imported by the Office with the decision's number, date and authority.
    Only regular awards (thường xuyên, theo công trạng) count towards higher titles. The kind
    and the recipient class are those of the Ministry's statistics (``lib/award_classes``).
    """

    _name = "tdkt.award"
    _description = "Award"
    _inherit = [
        "tdkt.input.mixin",
        "tdkt.award.class.mixin",
        "tdkt.workflow.mixin",
        "tdkt.subject.mixin",
        "tdkt.unit.mixin",
        "tdkt.eligibility.source",
    ]
    _order = "year desc, title_sequence, subject_name, id"
    _check_company_auto = True
    _tdkt_unit_fields = ("unit_id",)
    # Signing a decision writes its awards.
    _tdkt_step_fields = ("decision_id", "golden_book_number")

    employee_id = fields.Many2one(string="Person")
    unit_id = fields.Many2one(
        compute="_compute_unit_id",
        store=True,
        readonly=False,
        precompute=True,
        help="The collective awarded, or the unit the person worked in.",
    )
    year = fields.Integer(
        required=True, index=True, help="The year the title or form rewards."
    )
    title_id = fields.Many2one(string="Title or Form", ondelete="restrict")
    title_sequence = fields.Integer(related="title_id.sequence", store=True)
    level = fields.Selection(related="title_id.level", store=True)
    title_kind = fields.Selection(related="title_id.kind", store=True)
    movement_id = fields.Many2one(
        "tdkt.movement",
        "Emulation Movement",
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    decision_id = fields.Many2one(
        "tdkt.decision", index=True, readonly=True, ondelete="restrict", copy=False
    )
    decision_number = fields.Char("Decision No.", required=True)
    decision_date = fields.Date()
    decision_authority = fields.Char("Issuing Authority")
    initiative_ids = fields.Many2many(
        "tdkt.initiative",
        "tdkt_award_initiative_rel",
        "award_id",
        "initiative_id",
        "Initiatives Used",
        check_company=True,
        domain="[('state', '=', 'recognized')]",
        help="The recognized initiatives this award rests on; an initiative counts for one award only.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    note = fields.Char()
    golden_book_number = fields.Integer(
        "Golden Book No.",
        readonly=True,
        copy=False,
        index=True,
        help="The recipient's number in the company's golden book (số sổ vàng), given when the "
        "decision is signed; printed on the certificate.",
    )

    def init(self):
        # The database itself holds "one award per subject, year and title", so that two
        # decisions signed at the same time cannot both write the same award.
        tools.create_unique_index(
            self.env.cr,
            "tdkt_award_individual_uniq",
            self._table,
            ["employee_id", "year", "title_id"],
        )
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS tdkt_award_collective_uniq ON tdkt_award (unit_id, year, title_id) "
            "WHERE subject_type = 'collective'"
        )
        # A golden book number is given once per company.
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS tdkt_award_golden_book_uniq ON tdkt_award "
            "(company_id, golden_book_number) WHERE golden_book_number IS NOT NULL"
        )

    @api.depends("employee_id")
    def _compute_unit_id(self):
        for award in self:
            if (
                award.subject_type == "individual"
                and award.employee_id
                and not award.unit_id
            ):
                award.unit_id = award.employee_id.department_id

    @api.depends("subject_name", "title_id", "year")
    def _compute_display_name(self):
        for award in self:
            award.display_name = f"{award.subject_name or ''} - {award.title_id.name or ''} ({award.year})"

    @api.constrains("subject_type", "employee_id", "unit_id", "title_id", "year")
    def _check_subject(self):
        subjects = dict(self._fields["subject_type"]._description_selection(self.env))
        for award in self:
            if award.subject_type == "individual" and not award.employee_id:
                raise ValidationError(
                    self.env._("An individual award needs the person awarded.")
                )
            if award.subject_type == "collective" and (
                award.employee_id or not award.unit_id
            ):
                raise ValidationError(
                    self.env._(
                        "A collective award names the unit awarded, not a person."
                    )
                )
            if award.title_id.subject_type not in (award.subject_type, "both"):
                raise ValidationError(
                    self.env._(
                        "%(title)s cannot be awarded to %(subject)s.",
                        title=award.title_id.name,
                        subject=subjects[award.subject_type].lower(),
                    )
                )
            if not 1900 <= award.year <= 2999:
                raise ValidationError(
                    self.env._("%(year)s is not a valid year.", year=award.year)
                )

    @api.model
    def _check_once_a_year(self, keys, exclude_ids=()):
        """Refuse, naming the subject, a second award of a title to a subject in a year,
        before anything is written. The database's unique indexes stand behind this check
        for awards written at the same time.

        :param keys: subject keys (see ``_get_subject_key``) of the awards to write
        """
        existing = self.sudo().search_fetch(
            [
                ("id", "not in", list(exclude_ids)),
                ("year", "in", list({key[0] for key in keys})),
                ("title_id", "in", list({key[1] for key in keys})),
                "|",
                (
                    "employee_id",
                    "in",
                    [key[3] for key in keys if key[2] == "individual"],
                ),
                "&",
                ("subject_type", "=", "collective"),
                ("unit_id", "in", [key[3] for key in keys if key[2] == "collective"]),
            ],
            ["year", "title_id", "subject_type", "employee_id", "unit_id"],
        )
        counts = Counter(award._get_subject_key() for award in existing) + Counter(keys)
        for key in keys:
            if counts[key] > 1:
                model = "hr.employee" if key[2] == "individual" else "hr.department"
                raise ValidationError(
                    self.env._(
                        "%(subject)s already holds %(title)s for %(year)s.",
                        subject=self.env[model].sudo().browse(key[3]).name,
                        title=self.env["tdkt.title"].sudo().browse(key[1]).name,
                        year=key[0],
                    )
                )

    @api.constrains("initiative_ids")
    def _check_initiatives(self):
        initiatives = self.initiative_ids
        if not initiatives:
            return
        if any(state != "recognized" for state in initiatives.sudo().mapped("state")):
            raise ValidationError(
                self.env._("Only a recognized initiative counts for an award.")
            )
        self.env.cr.execute(
            "SELECT initiative_id FROM tdkt_award_initiative_rel WHERE initiative_id IN %s "
            "GROUP BY initiative_id HAVING COUNT(*) > 1",
            [tuple(initiatives.ids)],
        )
        if reused := [row[0] for row in self.env.cr.fetchall()]:
            raise ValidationError(
                self.env._(
                    "%(initiatives)s already counted for another award: an initiative counts once.",
                    initiatives=", ".join(
                        self.env["tdkt.initiative"].sudo().browse(reused).mapped("name")
                    ),
                )
            )

    def _get_subject_key(self, vals=None):
        """What makes two awards the same: year, title and subject; of this award, or of
        the award these values would make of it."""
        vals = vals or {}

        def value(name):
            if name in vals:
                return vals[name] or False
            return (
                self[name].id if self._fields[name].type == "many2one" else self[name]
            )

        subject_type = value("subject_type") or "individual"
        if subject_type == "individual":
            return (
                value("year"),
                value("title_id"),
                "individual",
                value("employee_id"),
            )
        return (value("year"), value("title_id"), "collective", value("unit_id"))

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._check_input_values(vals_list)
        for vals in vals_list:
            # An imported row may leave the unit empty: the person's, computed as on a form.
            if "unit_id" in vals and not vals["unit_id"]:
                del vals["unit_id"]
        self._check_once_a_year(
            [
                self.browse()._get_subject_key(self._add_missing_default_values(vals))
                for vals in vals_list
            ]
        )
        return super().create(vals_list)

    def write(self, vals):
        self._check_input_values([vals])
        if {"subject_type", "employee_id", "unit_id", "year", "title_id"} & set(vals):
            self._check_once_a_year(
                [award._get_subject_key(vals) for award in self], self.ids
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if not self.env.su and self.filtered("decision_id"):
            raise UserError(
                self.env._(
                    "An award of a decision is removed by cancelling the decision."
                )
            )

    # ------------------------------------------------------------
    # STEPS
    # ------------------------------------------------------------

    def _check_edit_vals(self, vals):
        # The class of recipient is the statistics': the Office corrects it on any award.
        if set(vals) - self._get_chatter_fields() <= {"recipient_class"}:
            self._check_classes_edit()
            return
        super()._check_edit_vals(vals)

    def _check_edit(self):
        """The Office enters and edits the awards from before the addon; an award of a
        decision changes with its decision only."""
        if self.filtered("decision_id"):
            raise UserError(
                self.env._("An award of a decision changes with its decision only.")
            )

    def _get_step_fields_error(self, names):
        return self.env._("The awards of a decision are written by signing it.")

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _get_lines_for_eligibility(self):
        """The registration lines these awards are facts of: the subjects' lines of the
        award's year and later, the lines of the award's unit (quotas and collective
        titles count the members' titles), and the lines of the authors of the
        initiatives it uses (an initiative counts for one award only)."""
        Line = self.env["tdkt.registration.line"].sudo()
        if not self:
            return Line
        awards = self.sudo()
        first_year = min(awards.mapped("year"))
        return Line.search(
            [
                ("year", ">=", first_year),
                "|",
                "|",
                ("employee_id", "in", awards.employee_id.ids),
                ("unit_id", "in", awards.unit_id.ids),
                (
                    "employee_id",
                    "in",
                    awards.initiative_ids.author_ids.employee_id.ids,
                ),
            ]
        )

    @api.model
    def _get_import_sample_note(self):
        """The note of the import template's sample row, in the context's language."""
        return self.env._("Sample row: write over it with the first award to import.")
