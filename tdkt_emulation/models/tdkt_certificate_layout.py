from odoo import api, fields, models

from ..lib.certificate_layout import FIELDS

# The kinds of certificate: a commendation form (Giấy khen: "TẶNG") or an emulation title
# (Chiến sĩ thi đua cơ sở...: "TẶNG DANH HIỆU"), as the title's kind says.
CERTIFICATE_KINDS = [
    ("commendation", "Commendation form (Giấy khen)"),
    ("title", "Emulation title (Chiến sĩ thi đua cơ sở...)"),
]


class TdktCertificateLayout(models.Model):
    """Where each line of a kind of certificate is printed on the sheet, per company.

    On plain paper ("blank paper") the certificate is printed whole: border, emblem area,
    national name and motto. On the Office's pre-printed blanks (phôi) only the fields not
    printed on the blank are printed, each at its position, which the Office shifts in
    millimetres until the test page matches its paper.

    Access: every TĐKT user reads (printing needs it); the Office (Officer) changes the
    positions, as it is the Office that prints; Managers also delete.
    """

    _name = "tdkt.certificate.layout"
    _description = "Certificate Layout"
    _inherit = ["tdkt.input.mixin"]
    _order = "kind, company_id"
    _check_company_auto = True

    kind = fields.Selection(CERTIFICATE_KINDS, "Certificate", required=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    print_mode = fields.Selection(
        [
            ("blank", "Blank paper: the whole design"),
            ("preprinted", "Pre-printed blanks: the variable fields only"),
        ],
        required=True,
        default="blank",
        help="On blank paper the border, the emblem area, the national name and the motto are "
        "printed too; on pre-printed blanks only the fields not marked as printed on the blank.",
    )
    field_ids = fields.One2many(
        "tdkt.certificate.layout.field",
        "layout_id",
        "Fields",
        copy=True,
        default=lambda self: self._prepare_default_field_commands(),
    )

    _sql_constraints = [
        (
            "kind_company_uniq",
            "UNIQUE(kind, company_id)",
            "A company has one layout per kind of certificate.",
        ),
    ]

    @api.depends("kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for layout in self:
            layout.display_name = kinds.get(layout.kind, "")

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_print_test_page(self):
        """The test page: each field's box and position over a millimetre grid."""
        return self.env.ref(
            "tdkt_emulation.action_report_certificate_test_page"
        ).report_action(self, config=False)

    def action_reset_positions(self):
        """Put every field back where the shipped layout has it."""
        for layout in self:
            layout.field_ids = [fields.Command.clear()] + (
                self._prepare_default_field_commands()
            )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    @api.model
    def _prepare_default_field_commands(self):
        return [
            fields.Command.create(
                {
                    "sequence": index,
                    "field_key": field.key,
                    "x_mm": field.x,
                    "y_mm": field.y,
                    "width_mm": field.width,
                    "font_size": field.font_size,
                    "is_preprinted": field.preprinted,
                }
            )
            for index, field in enumerate(FIELDS, 1)
        ]

    @api.model
    def _get_layout(self, kind, company):
        """The company's layout of ``kind``; while it has none, the shipped one, unsaved:
        printing writes nothing."""
        layout = self.sudo().search(
            [("kind", "=", kind), ("company_id", "=", company.id)], limit=1
        )
        if not layout:
            layout = self.sudo().new(
                {
                    "kind": kind,
                    "company_id": company.id,
                    "field_ids": self._prepare_default_field_commands(),
                }
            )
        return layout.sudo(False)
