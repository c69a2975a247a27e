from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _get_tdkt_unit_ids(self):
        """Return the ids of the units (``hr.department``) this user belongs to or heads,
        with all their sub-units.

        Read at every call, never cached: a person who changes unit sees the new unit's
        records at once.
        """
        self.ensure_one()
        departments = self.env["hr.department"].sudo().with_context(active_test=False)
        employees = self.sudo().employee_ids
        roots = employees.department_id | departments.search(
            [("manager_id", "in", employees.ids)]
        )
        if not roots:
            return []
        return departments.search([("id", "child_of", roots.ids)]).ids
