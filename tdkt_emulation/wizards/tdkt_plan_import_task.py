from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.plan_docx import quarter_end, read_units_data
from ..models.tdkt_plan_task import QUARTER_LABELS


class TdktPlanImportTask(models.TransientModel):
    """A task read from the table of an imported plan, as the preview shows it.

    ``units_data`` keeps the units in the order the file writes them, as JSON pairs
    ``[reference, is_lead]``: a department's id, "all" for every unit, or the name of an
    unmatched unit that the wizard's unit lines resolve."""

    _name = "tdkt.plan.import.task"
    _description = "Task of an Imported Plan"
    _inherit = ["tdkt.input.mixin"]
    _order = "sequence, id"

    wizard_id = fields.Many2one("tdkt.plan.import", required=True, ondelete="cascade")
    sequence = fields.Integer("No.")
    quarter = fields.Selection(
        [(q, label) for q, label in QUARTER_LABELS.items()], required=True, default="1"
    )
    name = fields.Text("Content", required=True)
    has_text_deadline = fields.Boolean(
        "Deadline Written",
        readonly=True,
        help="The file gives this task's deadline; the others end with their quarter.",
    )
    date_deadline = fields.Date(
        "Deadline", compute="_compute_date_deadline", store=True, readonly=False
    )
    units_text = fields.Char("Units as Written", readonly=True)
    units_note = fields.Text(readonly=True)
    units_data = fields.Text(readonly=True)
    unmatched_names = fields.Char("Unmatched Units", readonly=True)
    lead_unit_id = fields.Many2one("hr.department", compute="_compute_units")
    participant_unit_ids = fields.Many2many(
        "hr.department", string="Participating Units", compute="_compute_units"
    )

    @api.depends("quarter", "wizard_id.year")
    def _compute_date_deadline(self):
        for line in self:
            year = line.wizard_id.year
            if line.has_text_deadline and line.date_deadline:
                continue
            line.date_deadline = (
                quarter_end(year, line.quarter)
                if line.quarter and year and 1 <= year <= 9999
                else False
            )

    @api.depends(
        "units_data",
        "wizard_id.unit_ids.action",
        "wizard_id.unit_ids.department_id",
    )
    def _compute_units(self):
        for line in self:
            units = line._get_units()
            line.lead_unit_id = units[:1]
            line.participant_unit_ids = units[1:]

    @api.constrains("units_data")
    def _check_units_data(self):
        for line in self:
            if read_units_data(line.units_data) is None:
                raise ValidationError(
                    self.env._(
                        "The units of an imported task are the pairs the import reads from "
                        "the file; they are not written by hand."
                    )
                )

    def _get_units(self, created=None):
        """The departments of the task, its lead first: the one marked "chủ trì", else
        the first. ``created`` maps the names of the units to create to their new
        departments."""
        self.ensure_one()
        choices = {unit.name: unit for unit in self.wizard_id.unit_ids}
        Department = self.env["hr.department"]
        lead, others = Department, Department
        for reference, is_lead in read_units_data(self.units_data) or []:
            if reference == "all":
                departments = self.wizard_id._get_all_units()
            elif isinstance(reference, int):
                departments = Department.browse(reference).exists()
            else:
                choice = choices.get(reference)
                departments = Department
                if choice and choice.action == "map":
                    departments = choice.department_id
                elif choice and choice.action == "create" and created:
                    departments = created.get(reference, Department)
            if is_lead and not lead and departments:
                lead = departments[:1]
                departments = departments[1:]
            others |= departments
        units = lead | others
        return units
