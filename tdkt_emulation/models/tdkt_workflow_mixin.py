from odoo import api, models
from odoo.exceptions import AccessError, UserError

# Context keys that silence the chatter; an audit line is posted with them off.
SILENCING_KEYS = (
    "tracking_disable",
    "mail_notrack",
    "mail_create_nolog",
    "mail_auto_subscribe_no_notify",
)
GROUPS = {
    "user": "tdkt_emulation.group_tdkt_user",
    "unit_manager": "tdkt_emulation.group_tdkt_unit_manager",
    "officer": "tdkt_emulation.group_tdkt_officer",
    "manager": "tdkt_emulation.group_tdkt_manager",
}


class TdktWorkflowMixin(models.AbstractModel):
    """Every step of a record's workflow guarded in one place, as ``hr_holidays`` guards
    the approval of a leave (``_check_approval_update``, ``can_approve``).

    - **One check per step.** For each step in ``_tdkt_steps`` the model has a
      ``_check_<step>()`` that raises an AccessError (who) or a UserError (which state)
      unless the current user may take the step on every record of ``self`` now. The
      step's ``action_*`` method calls it first; the ``can_<step>`` boolean fields the
      views' buttons hide on are computed from it (``_compute_can_steps``), so a button
      shows exactly when its step would be allowed. ``edit`` is the step of changing the
      record's own fields: ``write`` calls ``_check_edit_vals``, which calls ``_check_edit``.
    - **A step's fields are written by the step only.** The fields in
      ``_tdkt_step_fields`` (state, who and when, results) are refused in ``create`` and
      ``write`` unless the environment is the superuser's, which no client ever gets:
      steps write them through ``_write_step`` once their check has passed.
    - **A record lands only in units its writer acts for.** After a write of one of the
      ``_tdkt_unit_ties`` (the fields that tie the record to a unit: its unit, form,
      initiative...), and after every create, the record's units (``_get_guard_units``)
      must be units the user may act for: record rules on ``perm_write`` only see the
      values before the write. The change of unit leaves an audit line.
    - **Audit lines nobody silences.** ``_post_audit`` posts on the record's chatter (or
      its parent's) as the acting user, with the context's silencing keys removed.

    The record rules hold the same promises per permission (e.g. a unit writes its form
    while it is a draft), so that no path around these methods opens what they close.
    """

    _name = "tdkt.workflow.mixin"
    _description = "Guarded Workflow Steps"

    # The steps with a ``_check_<step>()`` and a ``can_<step>`` field.
    _tdkt_steps = ()
    # The fields that only the steps write.
    _tdkt_step_fields = ()
    # The fields whose change moves the record to another unit.
    _tdkt_unit_ties = ()
    # What the ``can_<step>`` fields depend on, besides the user.
    _tdkt_can_depends = ("state",)

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    @api.depends(lambda self: self._tdkt_can_depends)
    @api.depends_context("uid")
    def _compute_can_steps(self):
        for record in self:
            for step in record._tdkt_steps:
                record[f"can_{step}"] = record._may(step)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._check_step_fields_at_create(vals)
        records = super().create(vals_list)
        if not self.env.su:
            records._check_create()
            records._check_guard_units()
        return records

    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        self._check_step_fields(set(vals))
        self._check_edit_vals(vals)
        ties = set(vals) & set(self._tdkt_unit_ties)
        before = (
            {
                record: (record.sudo()._get_guard_units(), record._get_audit_records())
                for record in self
            }
            if ties
            else {}
        )
        result = super().write(vals)
        if ties:
            self._check_guard_units()
            self._audit_unit_change(before)
        return result

    # ------------------------------------------------------------
    # GUARDS
    # ------------------------------------------------------------

    def _may(self, step):
        """Whether the current user may take ``step`` on these records now."""
        try:
            getattr(self, f"_check_{step}")()
        except (AccessError, UserError):
            return False
        return True

    def _check_edit(self):
        """Raise unless the current user may change these records' own fields now."""

    def _check_edit_vals(self, vals):
        """Raise unless the current user may write ``vals`` on these records: by default,
        ``_check_edit`` for anything but the chatter's fields."""
        if set(vals) - self._get_chatter_fields():
            self._check_edit()

    def _check_create(self):
        """Raise unless the current user may create these new records."""
        self._check_edit()

    def _check_step_fields(self, names):
        if forbidden := names & set(self._tdkt_step_fields):
            raise AccessError(self._get_step_fields_error(forbidden))

    def _check_step_fields_at_create(self, vals):
        """A new record starts where the workflow starts: a step field may be given its
        default (the web client sends the initial state), nothing else."""
        defaults = self.default_get(
            [name for name in vals if name in self._tdkt_step_fields]
        )
        forbidden = {
            name
            for name in set(vals) & set(self._tdkt_step_fields)
            if (vals[name] or False) != (defaults.get(name) or False)
        }
        self._check_step_fields(forbidden)

    def _get_step_fields_error(self, names):
        return self.env._(
            "%(fields)s of %(model)s change through its workflow steps only.",
            fields=", ".join(
                sorted(
                    self._fields[name]._description_string(self.env) for name in names
                )
            ),
            model=self._description,
        )

    def _require(self, group, message):
        """Raise an AccessError with ``message`` unless the current user is in ``group``
        (``user``, ``unit_manager``, ``officer`` or ``manager``)."""
        if not self._is(group):
            raise AccessError(message)

    def _is(self, group):
        return self.env.su or self.env.user.has_group(GROUPS[group])

    def _acts_for(self, units):
        """Whether the current user may act for all of ``units``: the Office acts for
        every unit, a person for their unit and its sub-units."""
        if self._is("officer"):
            return True
        return not (set(units.ids) - set(self.env.user._get_tdkt_unit_ids()))

    def _get_guard_units(self):
        """The units this record belongs to, that its writer must act for."""
        self.ensure_one()
        return self.env["hr.department"]

    def _check_guard_units(self):
        if self._is("officer"):
            return
        for record in self:
            if not record._acts_for(record.sudo()._get_guard_units()):
                raise AccessError(
                    self.env._(
                        "You may not move %(record)s to a unit you do not act for.",
                        record=record.sudo().display_name,
                    )
                )

    # ------------------------------------------------------------
    # STEPS AND AUDIT
    # ------------------------------------------------------------

    def _write_step(self, vals, audit=None):
        """Write the fields a step owns (its state, who and when, results), once its
        ``_check_<step>`` has passed, and post the step's audit line."""
        result = self.sudo().write(vals)
        if audit:
            self._post_audit(audit)
        return result

    def _get_audit_records(self):
        """The records whose chatter keeps the audit lines of these records."""
        return self

    def _post_audit(self, body, trail=None):
        """Post ``body`` on the chatter of these records (or of ``trail``, by default the
        records that keep their trail) as the acting user: as the superuser, so that it
        needs no right of its own, and with the context keys that silence the chatter off."""
        author = self.env.user.partner_id
        for record in self._get_audit_records() if trail is None else trail:
            if "message_ids" in record._fields:
                record.sudo().with_context(
                    **dict.fromkeys(SILENCING_KEYS, False)
                ).message_post(
                    body=body,
                    author_id=author.id,
                    message_type="notification",
                    subtype_xmlid="mail.mt_note",
                )

    def _audit_unit_change(self, before):
        """Post, on the trail of where each record was and where it is now, that it moved."""
        for record, (units, trail) in before.items():
            after = record.sudo()._get_guard_units()
            if after != units:
                body = self.env._(
                    "%(record)s moved from %(old)s to %(new)s.",
                    record=record.sudo().display_name,
                    old=", ".join(units.mapped("display_name")) or "-",
                    new=", ".join(after.mapped("display_name")) or "-",
                )
                record._post_audit(body, trail | record._get_audit_records())

    @api.model
    def _get_chatter_fields(self):
        return set(self.env["mail.thread"]._fields) | set(
            self.env["mail.activity.mixin"]._fields
        )
