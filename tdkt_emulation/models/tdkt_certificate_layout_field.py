from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.certificate_layout import (
    FIELDS,
    FIELDS_BY_KEY,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    PositionError,
    check_position,
)


class TdktCertificateLayoutField(models.Model):
    """One line of a certificate and its box on the sheet, in millimetres from the sheet's
    top left corner (A4 landscape, 297 × 210 mm)."""

    _name = "tdkt.certificate.layout.field"
    _description = "Certificate Field Position"
    _inherit = ["tdkt.input.mixin"]
    _order = "layout_id, sequence, id"

    layout_id = fields.Many2one(
        "tdkt.certificate.layout", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="layout_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    field_key = fields.Selection(
        [(field.key, field.label) for field in FIELDS], "Field", required=True
    )
    x_mm = fields.Float(
        "From the Left (mm)",
        digits=(5, 1),
        help="Distance of the field's box from the left edge of the sheet, in millimetres.",
    )
    y_mm = fields.Float(
        "From the Top (mm)",
        digits=(5, 1),
        help="Distance of the field's first line from the top edge of the sheet, in millimetres.",
    )
    width_mm = fields.Float(
        "Width (mm)",
        digits=(5, 1),
        default=100.0,
        help="The text is centred in a box this wide (the bottom left lines start at its left).",
    )
    font_size = fields.Float("Font Size (pt)", digits=(4, 1), default=14.0)
    is_preprinted = fields.Boolean(
        "Printed on the Blank",
        help="The pre-printed blanks already carry this line: it is printed on blank paper only.",
    )

    _sql_constraints = [
        (
            "layout_field_uniq",
            "UNIQUE(layout_id, field_key)",
            "Each field is placed once per layout.",
        ),
    ]

    @api.constrains("x_mm", "y_mm", "width_mm", "font_size")
    def _check_position(self):
        for line in self:
            try:
                check_position(line.x_mm, line.y_mm, line.width_mm, line.font_size)
            except PositionError as error:
                raise ValidationError(line._position_error_message(error)) from error

    def _position_error_message(self, error):
        labels = dict(self._fields["field_key"]._description_selection(self.env))
        field = labels.get(self.field_key, "")
        if error.code == "x":
            return self.env._(
                "%(field)s: the distance from the left must be from 0 to %(max)s mm, not %(value)s.",
                field=field,
                max=PAGE_WIDTH_MM,
                value=self.x_mm,
            )
        if error.code == "y":
            return self.env._(
                "%(field)s: the distance from the top must be from 0 to %(max)s mm, not %(value)s.",
                field=field,
                max=PAGE_HEIGHT_MM,
                value=self.y_mm,
            )
        if error.code == "width":
            return self.env._(
                "%(field)s: the width must be more than 0 mm.", field=field
            )
        if error.code == "right":
            return self.env._(
                "%(field)s: the box ends %(end)s mm from the left, past the sheet's %(max)s mm: "
                "move it left or make it narrower.",
                field=field,
                end=round(self.x_mm + self.width_mm, 1),
                max=PAGE_WIDTH_MM,
            )
        return self.env._(
            "%(field)s: the font size must be from 6 to 72 pt, not %(value)s.",
            field=field,
            value=self.font_size,
        )

    def _get_field(self):
        return FIELDS_BY_KEY[self.field_key]
