from odoo import api, fields, models
from odoo.osv import expression


class TdktUnitMixin(models.AbstractModel):
    """Records that belong to one or more units (``hr.department``).

    ``is_in_my_unit`` is true when one of the record's units is the current user's unit
    or one of its sub-units. Record rules use the constant domain
    ``[('is_in_my_unit', '=', True)]``: the search method reads the user's units at query
    time, so no department id is ever baked into a cached rule domain.
    """

    _name = "tdkt.unit.mixin"
    _description = "Record Owned by Units"

    # Names of the many2one / many2many fields to hr.department that own the record.
    _tdkt_unit_fields = ()
    # Names of the many2many fields to res.users whose users also own the record.
    _tdkt_user_fields = ()

    is_in_my_unit = fields.Boolean(
        "In My Unit", compute="_compute_is_in_my_unit", search="_search_is_in_my_unit"
    )

    @api.depends_context("uid")
    def _compute_is_in_my_unit(self):
        unit_ids = set(self.env.user._get_tdkt_unit_ids())
        uid = self.env.uid
        for record in self:
            record.is_in_my_unit = any(
                unit_ids.intersection(record[name].ids)
                for name in self._tdkt_unit_fields
            ) or any(uid in record[name].ids for name in self._tdkt_user_fields)

    def _search_is_in_my_unit(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(
                f"Unsupported search on is_in_my_unit: {operator} {value}"
            )
        unit_ids = self.env.user._get_tdkt_unit_ids()
        domains = [
            [(name, "in", unit_ids)] for name in self._tdkt_unit_fields if unit_ids
        ]
        domains += [[(name, "in", self.env.uid)] for name in self._tdkt_user_fields]
        domain = expression.OR(domains) if domains else expression.FALSE_DOMAIN
        positive = (operator == "=") == value
        return domain if positive else ["!", *domain]

    @api.model
    def _get_unit_head_user(self, unit):
        """The user of the head of ``unit``, or of its nearest parent unit that has one."""
        while unit:
            if unit.manager_id.user_id:
                return unit.manager_id.user_id
            unit = unit.parent_id
        return self.env["res.users"]
