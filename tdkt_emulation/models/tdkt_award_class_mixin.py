from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.award_classes import (
    AWARD_KINDS,
    RECIPIENT_CLASSES,
    check_recipient_class,
    default_award_kind,
    default_recipient_class,
)

# The fields of the statistics that only the Office sets.
CLASS_FIELDS = frozenset({"award_kind", "recipient_class"})


class TdktAwardClassMixin(models.AbstractModel):
    """The kind of award and the class of recipient of the Ministry's statistics, on an
    award and on the decision and proposal lines that write awards.

    Both are filled by default and the Office may change them: the kind from the title
    (``default_award_kind``; thematic in a thematic movement; a line marked sudden stays
    sudden), the class from the subject (a collective is an agency, a person the class of
    their employee record). Only the Office writes them (``_check_edit_vals``).
    Models using it define ``movement_id`` (a ``tdkt.movement``).
    """

    _name = "tdkt.award.class.mixin"
    _description = "Kind of Award and Class of Recipient"

    award_kind = fields.Selection(
        AWARD_KINDS,
        "Kind of Award",
        required=True,
        index=True,
        compute="_compute_award_kind",
        store=True,
        readonly=False,
        precompute=True,
        help="Thường xuyên, chuyên đề, đột xuất, …: only regular awards count towards "
        "higher titles.",
    )
    recipient_class = fields.Selection(
        RECIPIENT_CLASSES,
        "Class of Recipient",
        index=True,
        compute="_compute_recipient_class",
        store=True,
        readonly=False,
        precompute=True,
        help="The recipient's class in the Ministry's statistics.",
    )

    # Not on the title's nor the movement's own fields: a change of those never rewrites
    # the kinds of awards already made.
    @api.depends("title_id", "movement_id")
    def _compute_award_kind(self):
        for record in self:
            record.award_kind = default_award_kind(
                record.title_id.default_award_kind,
                record.movement_id.method,
                sudden=record.award_kind == "sudden",
            )

    @api.depends("subject_type", "employee_id")
    def _compute_recipient_class(self):
        for record in self:
            record.recipient_class = default_recipient_class(
                record.subject_type, record.employee_id.sudo().tdkt_recipient_class
            )

    @api.constrains("subject_type", "recipient_class")
    def _check_recipient_class(self):
        classes = dict(self._fields["recipient_class"]._description_selection(self.env))
        for record in self:
            if not check_recipient_class(record.subject_type, record.recipient_class):
                raise ValidationError(
                    self.env._(
                        "%(recipient_class)s is not a class of %(subject)s.",
                        recipient_class=classes[record.recipient_class],
                        subject=record.subject_name or "",
                    )
                )

    def _check_edit_vals(self, vals):
        if CLASS_FIELDS & set(vals):
            self._check_classes_edit()
        super()._check_edit_vals(vals)

    def _check_classes_edit(self):
        self._require(
            "officer",
            self.env._(
                "Only the Office sets the kind of award and the class of recipient."
            ),
        )
