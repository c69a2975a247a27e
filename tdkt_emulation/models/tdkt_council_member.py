from odoo import api, fields, models

MEMBER_ROLES = [
    ("chair", "Chair"),
    ("vice_chair", "Vice Chair"),
    ("standing", "Standing Member"),
    ("secretary", "Secretary"),
    ("member", "Member"),
]


class TdktCouncilMember(models.Model):
    """A person sitting on a council. Members vote through the user of their employee
    record; the membership cannot change while a session of the council is voting, since
    the agree share is counted over all the members."""

    _name = "tdkt.council.member"
    _description = "Council Member"
    _inherit = ["tdkt.input.mixin"]
    _order = "council_id, sequence, id"
    _check_company_auto = True
    _rec_name = "employee_id"

    council_id = fields.Many2one(
        "tdkt.council", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    employee_id = fields.Many2one(
        "hr.employee", "Person", required=True, index=True, check_company=True
    )
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, index=True, string="User"
    )
    job_title = fields.Char(related="employee_id.job_title")
    department_id = fields.Many2one(related="employee_id.department_id", string="Unit")
    role = fields.Selection(MEMBER_ROLES, required=True, default="member")
    company_id = fields.Many2one(
        related="council_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        (
            "council_employee_uniq",
            "UNIQUE(council_id, employee_id)",
            "A person sits on a council only once.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        self._check_input_values(vals_list)
        self.env["tdkt.council"].browse(
            [vals.get("council_id") for vals in vals_list]
        )._check_not_voting()
        return super().create(vals_list)

    def write(self, vals):
        self.council_id._check_not_voting()
        result = super().write(vals)
        if "council_id" in vals:
            self.council_id._check_not_voting()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_voting(self):
        self.council_id._check_not_voting()
