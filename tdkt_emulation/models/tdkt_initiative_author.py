from odoo import api, fields, models


class TdktInitiativeAuthor(models.Model):
    """An author of an initiative and their share of it; the shares add up to 100%."""

    _name = "tdkt.initiative.author"
    _description = "Initiative Author"
    _inherit = ["tdkt.input.mixin", "tdkt.workflow.mixin", "tdkt.eligibility.source"]
    _order = "initiative_id, contribution desc, id"
    _check_company_auto = True
    _tdkt_unit_ties = ("initiative_id",)
    _rec_name = "employee_id"

    initiative_id = fields.Many2one(
        "tdkt.initiative", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(
        "hr.employee", "Author", required=True, index=True, check_company=True
    )
    job_title = fields.Char(related="employee_id.job_title")
    contribution = fields.Float(
        "Contribution (%)", required=True, default=100.0, digits=(5, 2)
    )
    company_id = fields.Many2one(
        related="initiative_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        (
            "initiative_employee_uniq",
            "UNIQUE(initiative_id, employee_id)",
            "A person is an author of an initiative once.",
        ),
        (
            "contribution_range",
            "CHECK(contribution > 0 AND contribution <= 100)",
            "An author's contribution is a percentage above 0 and at most 100.",
        ),
    ]

    def write(self, vals):
        result = super().write(vals)
        if not self.env.su and "initiative_id" in vals:
            # The initiative the author lands on must be one its writer may edit.
            self._check_edit()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if not self.env.su:
            self._check_edit()

    def _check_edit(self):
        """An author changes with their initiative: see ``tdkt.initiative._check_edit``."""
        self.initiative_id._check_edit()

    def _get_lines_for_eligibility(self):
        """The authors' lines from the initiative's year on."""
        Line = self.env["tdkt.registration.line"].sudo()
        authors = self.sudo()
        if not authors:
            return Line
        return Line.search(
            [
                ("employee_id", "in", authors.employee_id.ids),
                ("year", ">=", min(authors.initiative_id.mapped("year"))),
            ]
        )

    def _get_guard_units(self):
        return self.initiative_id.unit_id

    def _get_audit_records(self):
        return self.initiative_id
