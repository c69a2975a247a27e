from odoo import api, fields, models


class TdktPlanImportUnit(models.TransientModel):
    """A unit named in an imported plan that matches no department of the company: the
    Office maps it to a department, creates a department of that name, or ignores it."""

    _name = "tdkt.plan.import.unit"
    _description = "Unmatched Unit of an Imported Plan"
    _inherit = ["tdkt.input.mixin"]
    _order = "id"

    wizard_id = fields.Many2one("tdkt.plan.import", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="wizard_id.company_id")
    name = fields.Char("Unit as Written", required=True, readonly=True)
    task_count = fields.Integer("Tasks", readonly=True)
    action = fields.Selection(
        [
            ("map", "Map to a department"),
            ("create", "Create a department"),
            ("ignore", "Ignore"),
        ],
        required=True,
        default="ignore",
    )
    department_id = fields.Many2one(
        "hr.department",
        domain="[('company_id', 'in', (company_id, False))]",
    )

    @api.onchange("department_id")
    def _onchange_department_id(self):
        if self.department_id:
            self.action = "map"
