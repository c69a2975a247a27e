from odoo import api, fields, models

SUBJECT_TYPES = [("individual", "Individual"), ("collective", "Collective")]


class TdktSubjectMixin(models.AbstractModel):
    """Who a title or commendation form is for: a person (individual) or a unit
    (collective), with the subject's name stored for searching and sorting.

    Models using it refine ``employee_id``, ``unit_id`` and ``title_id`` as they need (a
    unit computed from the person, or the form's unit) and check their own subjects.
    """

    _name = "tdkt.subject.mixin"
    _description = "Award Subject"

    subject_type = fields.Selection(
        SUBJECT_TYPES, "Subject", required=True, default="individual"
    )
    employee_id = fields.Many2one("hr.employee", index=True, check_company=True)
    unit_id = fields.Many2one("hr.department", index=True, check_company=True)
    subject_name = fields.Char("Name", compute="_compute_subject_name", store=True)
    title_id = fields.Many2one(
        "tdkt.title",
        required=True,
        index=True,
        check_company=True,
        domain="[('subject_type', 'in', (subject_type, 'both'))]",
    )

    @api.depends("subject_type", "employee_id.name", "unit_id.name")
    def _compute_subject_name(self):
        for record in self:
            subject = (
                record.employee_id
                if record.subject_type == "individual"
                else record.unit_id
            )
            record.subject_name = subject.name

    @api.depends("subject_name", "title_id.name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for record in self:
            record.display_name = (
                f"{record.subject_name or ''} - {record.title_id.name or ''}"
            )

    @api.onchange("subject_type")
    def _onchange_subject_type(self):
        """A collective names no person, and keeps no title it cannot hold."""
        if self.subject_type == "collective":
            self.employee_id = False
        if self.title_id and self.title_id.subject_type not in (
            self.subject_type,
            "both",
        ):
            self.title_id = False
