import base64
import binascii
import json

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.docx_render import ConverterError
from ..lib.plan_docx import (
    PlanParseError,
    UnitMatcher,
    html_paragraphs,
    parse_plan,
    unit_key,
)

# The parts of a plan the reader looks for (lib/plan_docx.ParsedPlan.missing), by the
# field of this wizard that holds each.
PART_FIELDS = {
    "number": "number",
    "date_issue": "date_issue",
    "place_issue": "place_issue",
    "title": "name",
    "legal_basis": "legal_basis",
    "purpose": "purpose",
    "requirement": "requirement",
    "solution": "solution",
    "implementation": "implementation",
    "registration_deadline": "date_registration_deadline",
    "signer": "signer_id",
    "tasks": "task_ids",
}
# What the wizard copies onto the plan it creates.
PLAN_FIELDS = (
    "name",
    "number",
    "year",
    "date_issue",
    "place_issue",
    "signer_position",
    "legal_basis",
    "purpose",
    "requirement",
    "solution",
    "implementation",
    "recipients",
    "date_registration_deadline",
    "company_id",
)


class TdktPlanImport(models.TransientModel):
    """Import from Word: the Office uploads last year's plan as a Word file (.docx, or
    .doc/.odt when LibreOffice is installed), checks what was read in a preview (every
    task in its quarter with its units, the units that match no department, the parts of
    a plan the file did not give), chooses what to do with each unmatched unit, then
    creates the draft plan and its tasks. Nothing is written before that last step.
    """

    _name = "tdkt.plan.import"
    _description = "Import a Plan from Word"
    _inherit = ["tdkt.input.mixin"]

    state = fields.Selection(
        [("upload", "Upload"), ("preview", "Preview")], default="upload", required=True
    )
    file = fields.Binary("Word File", attachment=False)
    plan_id = fields.Many2one(
        "tdkt.plan", "Plan Created", readonly=True, help="The plan this import created."
    )
    file_name = fields.Char()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    name = fields.Char("Plan Title")
    number = fields.Char()
    year = fields.Integer()
    date_issue = fields.Date("Issue Date")
    place_issue = fields.Char("Place of Issue")
    signer_name = fields.Char("Signer as Written", readonly=True)
    signer_id = fields.Many2one(
        "hr.employee", "Signed By", domain="[('company_id', 'in', (company_id, False))]"
    )
    signer_position = fields.Char("Signer's Position")
    legal_basis = fields.Html("Legal Bases")
    purpose = fields.Html("Purposes")
    requirement = fields.Html("Requirements")
    solution = fields.Html("Main Solutions")
    implementation = fields.Html("Organisation of Implementation")
    recipients = fields.Text()
    date_registration_deadline = fields.Date("Registration Deadline")
    task_ids = fields.One2many("tdkt.plan.import.task", "wizard_id", "Tasks")
    unit_ids = fields.One2many("tdkt.plan.import.unit", "wizard_id", "Unmatched Units")
    task_count = fields.Integer(compute="_compute_task_count")
    missing_parts = fields.Char(readonly=True)
    missing_text = fields.Text("Not Found in the File", compute="_compute_missing_text")

    @api.depends("task_ids")
    def _compute_task_count(self):
        for wizard in self:
            wizard.task_count = len(wizard.task_ids)

    @api.depends("missing_parts")
    @api.depends_context("lang")
    def _compute_missing_text(self):
        for wizard in self:
            labels = [
                self._fields[PART_FIELDS[part]]._description_string(self.env)
                for part in (wizard.missing_parts or "").split(",")
                if part in PART_FIELDS
            ]
            wizard.missing_text = ", ".join(labels) or False

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_read(self):
        """Read the file and show the preview; nothing of the plan is created yet."""
        self.ensure_one()
        parsed = self._parse_file()
        self.task_ids.unlink()
        self.unit_ids.unlink()
        self.write(self._prepare_preview_vals(parsed))
        return self._reopen()

    def action_back(self):
        self.ensure_one()
        self.task_ids.unlink()
        self.unit_ids.unlink()
        self.write({"state": "upload", "missing_parts": False})
        return self._reopen()

    def action_create_plan(self):
        """Create the draft plan, its tasks and the departments chosen to be created."""
        self.ensure_one()
        self._check_create()
        Department = self.env["hr.department"]
        created = {}
        for unit in self.unit_ids.filtered(lambda u: u.action == "create"):
            created[unit.name] = Department.create(
                {"name": unit.name, "company_id": self.company_id.id}
            )
        plan_vals = {name: self[name] for name in PLAN_FIELDS}
        plan_vals.update(company_id=self.company_id.id, signer_id=self.signer_id.id)
        plan = self.env["tdkt.plan"].create(plan_vals)
        self.plan_id = plan
        # the plan's creation is logged on the plan, not once more on each of its tasks
        self.env["tdkt.plan.task"].with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True
        ).create(
            [self._prepare_task_vals(line, plan, created) for line in self.task_ids]
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "tdkt.plan",
            "res_id": plan.id,
            "view_mode": "form",
            "target": "main",
        }

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import a Plan from Word"),
        }

    def _parse_file(self):
        if not self.file:
            raise UserError(self.env._("Choose the Word file of the plan first."))
        try:
            content = base64.b64decode(self.file, validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(self._parse_error_message("corrupt")) from error
        try:
            return parse_plan(content, self.file_name or "")
        except PlanParseError as error:
            raise UserError(self._parse_error_message(error.code)) from error
        except ConverterError as error:
            raise UserError(self._converter_error_message(error)) from error

    def _parse_error_message(self, code):
        name = self.file_name or self.env._("The file")
        if code == "not_a_plan":
            return self.env._(
                "%(file)s holds no plan: no table of tasks (TT / NỘI DUNG / ĐƠN VỊ THỰC "
                "HIỆN) and no title KẾ HOẠCH with its sections were found in it.",
                file=name,
            )
        if code == "unsupported":
            return self.env._(
                "%(file)s is not a Word document: upload the plan as a .docx file (or "
                ".doc, .odt).",
                file=name,
            )
        if code == "too_large":
            return self.env._(
                "%(file)s unpacks to more than a plan's Word file ever holds: it is not "
                "read. Save the plan again as .docx without its pictures, then upload it.",
                file=name,
            )
        return self.env._(
            "%(file)s cannot be read: the file is damaged or is not a Word document. "
            "Open it in Word, save it again as .docx, then upload it.",
            file=name,
        )

    def _converter_error_message(self, error):
        if error.code == "missing":
            return self.env._(
                "Only .docx files can be read on this server: LibreOffice, which converts "
                ".doc and .odt files, is not installed. Save the plan as .docx in Word "
                "(File > Save As), or ask the administrator to install LibreOffice "
                "(Debian package libreoffice-writer-nogui)."
            )
        if error.code == "timeout":
            return self.env._(
                "LibreOffice took too long to convert the file; save it as .docx and "
                "upload it again."
            )
        return self.env._(
            "LibreOffice could not convert the file: %(detail)s", detail=error.detail
        )

    def _prepare_preview_vals(self, parsed):
        departments = self.env["hr.department"].search(
            [("company_id", "in", (self.company_id.id, False))]
        )
        matcher = UnitMatcher([(dep.id, dep.name) for dep in departments])
        unmatched = {}
        task_commands = []
        for index, task in enumerate(parsed.tasks, 1):
            data, names = [], []
            for ref in task.units:
                for name, match in matcher.resolve(ref.name):
                    if match is None:
                        unmatched.setdefault(name, 0)
                        unmatched[name] += 1
                        names.append(name)
                    data.append([match if match is not None else name, ref.is_lead])
            task_commands.append(
                fields.Command.create(
                    {
                        "sequence": task.number or index,
                        "quarter": task.quarter or "4",
                        "name": task.content,
                        "has_text_deadline": task.has_text_deadline,
                        "date_deadline": task.deadline,
                        "units_text": "; ".join(ref.name for ref in task.units),
                        "units_note": "\n".join(task.units_lines),
                        "units_data": json.dumps(data),
                        "unmatched_names": "; ".join(dict.fromkeys(names)) or False,
                    }
                )
            )
        missing = list(parsed.missing)
        signer = self._find_signer(parsed.signer_name)
        if parsed.signer_name and not signer:
            missing.append("signer")
        return {
            "state": "preview",
            "name": parsed.title,
            "number": parsed.number or False,
            "year": parsed.year,
            "date_issue": parsed.date_issue,
            "place_issue": parsed.place_issue,
            "signer_name": parsed.signer_name,
            "signer_id": signer.id,
            "signer_position": parsed.signer_position,
            "legal_basis": html_paragraphs(parsed.legal_bases),
            "purpose": html_paragraphs(parsed.purposes),
            "requirement": html_paragraphs(parsed.requirements),
            "solution": html_paragraphs(parsed.solutions),
            "implementation": html_paragraphs(parsed.organisation),
            "recipients": "\n".join(parsed.recipients),
            "date_registration_deadline": parsed.registration_deadline,
            "missing_parts": ",".join(dict.fromkeys(missing)) or False,
            "task_ids": task_commands,
            "unit_ids": [
                fields.Command.create({"name": name, "task_count": count})
                for name, count in unmatched.items()
            ],
        }

    def _find_signer(self, name):
        """The employee of the company named ``name``, whatever its case and diacritics."""
        Employee = self.env["hr.employee"]
        if not name:
            return Employee
        key = unit_key(name)
        candidates = Employee.search(
            [
                ("company_id", "in", (self.company_id.id, False)),
                ("name", "ilike", name.split()[-1]),
            ]
        )
        matches = candidates.filtered(lambda employee: unit_key(employee.name) == key)
        return matches if len(matches) == 1 else Employee

    def _get_all_units(self):
        """The units "Các đơn vị thuộc, trực thuộc Sở" means: those that register."""
        return (
            self.env["tdkt.plan"]
            .new({"company_id": self.company_id.id})
            ._get_registration_units()
        )

    def _check_create(self):
        if self.plan_id:
            raise UserError(
                self.env._(
                    "This import already created %(plan)s: open it from the plans.",
                    plan=self.plan_id.display_name,
                )
            )
        if self.state != "preview":
            raise UserError(self.env._("Read the file before creating the plan."))
        if not self.name or not self.year:
            raise UserError(
                self.env._("Give the plan a title and a year before creating it.")
            )
        unmapped = self.unit_ids.filtered(
            lambda unit: unit.action == "map" and not unit.department_id
        )
        if unmapped:
            raise UserError(
                self.env._(
                    "Choose the department of each unit to map: %(units)s.",
                    units=", ".join(unmapped.mapped("name")),
                )
            )
        if self.unit_ids.filtered(
            lambda unit: unit.action == "create"
        ) and not self.env["hr.department"].has_access("create"):
            raise UserError(
                self.env._(
                    "You may not create departments: map these units to existing "
                    "departments or ignore them, or ask an HR officer to create them first."
                )
            )
        if self.number and self.env["tdkt.plan"].search_count(
            [
                ("number", "=", self.number),
                ("year", "=", self.year),
                ("company_id", "=", self.company_id.id),
            ]
        ):
            raise UserError(
                self.env._(
                    "The company already has a plan %(number)s for %(year)s: change the "
                    "number in the preview, or open that plan instead.",
                    number=self.number,
                    year=self.year,
                )
            )

    def _prepare_task_vals(self, line, plan, created):
        units = line._get_units(created)
        vals = {
            "plan_id": plan.id,
            "sequence": line.sequence,
            "name": line.name,
            "quarter": line.quarter,
            "date_deadline": line.date_deadline,
            "lead_unit_id": units[:1].id,
            "participant_unit_ids": [fields.Command.set(units[1:].ids)],
        }
        # The column as printed is kept only when the units' names would not print it
        # (tdkt.plan.task._get_printed_units: the lead, then the others in their order).
        names = (units[:1] | units[1:].sorted()).mapped("name")
        generated = (
            [f"{names[0]}."] if len(names) == 1 else [f"- {name}." for name in names]
        )
        note = [text.strip() for text in (line.units_note or "").splitlines()]
        if note and note != generated:
            vals["units_note"] = "\n".join(note)
        return vals
