from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.award_classes import PERSON_CLASSES, RECIPIENT_CLASSES

PERSON_RECIPIENT_CLASSES = [
    (code, label) for code, label in RECIPIENT_CLASSES if code in PERSON_CLASSES
]

EDUCATION_LEVELS = [
    ("elementary", "Elementary"),
    ("intermediate", "Intermediate"),
    ("college", "College"),
    ("university", "University"),
    ("postgraduate", "Postgraduate"),
]


class HrEmployee(models.Model):
    # A person's unit makes them a member of it and of the units above (eligibility).
    _name = "hr.employee"
    _inherit = ["hr.employee", "tdkt.eligibility.source"]

    tdkt_award_ids = fields.One2many(
        "tdkt.award",
        "employee_id",
        "Commendation History",
        groups="tdkt_emulation.group_tdkt_user",
    )
    tdkt_award_count = fields.Integer(
        compute="_compute_tdkt_award_count",
        string="Awards",
        groups="tdkt_emulation.group_tdkt_user",
    )

    tdkt_recipient_class = fields.Selection(
        PERSON_RECIPIENT_CLASSES,
        "Class of Recipient",
        default="worker",
        groups="tdkt_emulation.group_tdkt_officer",
        help="The person's class in the Ministry's statistics of awards (leaders by level, "
        "businesspeople, direct workers); their awards take it by default.",
    )
    # The people doing emulation and commendation work, counted by the Ministry's form
    # 0605 (birth date and sex are hr's own ``birthday`` and ``gender``).
    tdkt_staff = fields.Boolean(
        "Does Emulation and Commendation Work",
        groups="tdkt_emulation.group_tdkt_officer",
        help="Counted among the people doing emulation and commendation work (TĐKT) in "
        "the yearly statistics.",
    )
    tdkt_education_level = fields.Selection(
        EDUCATION_LEVELS,
        "Education Level",
        groups="tdkt_emulation.group_tdkt_officer",
    )
    tdkt_work_start_date = fields.Date(
        "Started Emulation and Commendation Work",
        groups="tdkt_emulation.group_tdkt_officer",
        help="The years in TĐKT work of the statistics count from this date.",
    )

    @api.constrains(
        "tdkt_staff", "birthday", "tdkt_education_level", "tdkt_work_start_date"
    )
    def _check_tdkt_staff(self):
        """Form 0605 counts the people doing TĐKT work by age, education and years in
        TĐKT work: each of them has all three, or would count in its total only."""
        for employee in self.sudo():
            if employee.tdkt_staff and not (
                employee.birthday
                and employee.tdkt_education_level
                and employee.tdkt_work_start_date
            ):
                raise ValidationError(
                    self.env._(
                        "Enter the birth date, education level and start of TĐKT work "
                        "of %(person)s: the official statistics count the people doing "
                        "emulation and commendation work by them.",
                        person=employee.name,
                    )
                )

    @api.depends("tdkt_award_ids")
    def _compute_tdkt_award_count(self):
        counts = dict(
            self.env["tdkt.award"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.tdkt_award_count = counts.get(employee._origin, 0)

    def _get_lines_for_eligibility(self):
        """The people's own lines, and the lines of their units and of the units above
        (collective titles and quotas count the members)."""
        employees = self.sudo().with_context(active_test=False)
        return (
            self.env["tdkt.registration.line"]
            .sudo()
            .search(
                [
                    "|",
                    ("employee_id", "in", employees.ids),
                    ("unit_id", "parent_of", employees.department_id.ids),
                ]
            )
        )

    def action_open_tdkt_awards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_award_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {
            "default_employee_id": self.id,
            "default_subject_type": "individual",
        }
        return action
