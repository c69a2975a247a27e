from odoo import api, fields, models


class HrDepartment(models.Model):
    # A unit's place in the tree makes its people members of the units above (eligibility).
    _name = "hr.department"
    _inherit = ["hr.department", "tdkt.eligibility.source"]
    # A new unit has no people yet.
    _tdkt_eligibility_on_create = False

    tdkt_registers = fields.Boolean(
        "Registers Emulation Titles",
        default=True,
        help="The unit receives a registration form when a plan that names no registering units "
        "is approved. Untick it for what is not a unit of work: the councils, the leadership, "
        "a sample or former department.",
    )
    tdkt_office_type = fields.Selection(
        [
            ("ministry_department", "Department of a ministry or central body (Vụ)"),
            ("ministry_division", "Division of such a department"),
            ("home_affairs_board", "Board of a Department of Home Affairs"),
            ("home_affairs_division", "Division of a Department of Home Affairs"),
        ],
        "TĐKT Office Type",
        help="The organisation doing emulation and commendation work that the unit is, as "
        "the official statistics (Biểu 0604) count it.",
    )
    tdkt_award_ids = fields.One2many(
        "tdkt.award",
        "unit_id",
        "Commendation History",
        domain=[("subject_type", "=", "collective")],
        groups="tdkt_emulation.group_tdkt_user",
    )
    tdkt_award_count = fields.Integer(
        compute="_compute_tdkt_award_count",
        string="Awards",
        groups="tdkt_emulation.group_tdkt_user",
        help="Awards of the unit and of its people.",
    )

    @api.depends("tdkt_award_ids")
    def _compute_tdkt_award_count(self):
        counts = dict(
            self.env["tdkt.award"]._read_group(
                [("unit_id", "in", self.ids)], ["unit_id"], ["__count"]
            )
        )
        for department in self:
            department.tdkt_award_count = counts.get(department._origin, 0)

    def _get_lines_for_eligibility(self):
        """The lines of these units and of the units above them."""
        return (
            self.env["tdkt.registration.line"]
            .sudo()
            .search([("unit_id", "parent_of", self.ids)])
        )

    def action_open_tdkt_awards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_award_action"
        )
        action["domain"] = [("unit_id", "=", self.id)]
        action["context"] = {
            "default_unit_id": self.id,
            "search_default_group_subject_type": 1,
        }
        return action
