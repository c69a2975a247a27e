from ast import literal_eval
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

# The models a form may count, and the band of a row: what it measures, in which field.
COUNTED_MODELS = [
    ("tdkt.movement", "Emulation movements"),
    ("tdkt.award", "Awards"),
    ("hr.employee", "Employees"),
    ("hr.department", "Departments"),
]


def parse_domain(text):
    """The domain written in ``text`` (a Python list literal), or None if it is not one."""
    try:
        domain = literal_eval(text or "[]")
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    return domain if isinstance(domain, list) else None


def domain_condition(Model, text):
    """The SQL condition on ``Model``'s table that its records match the domain ``text``:
    the domain's own condition when it needs no join (the cells' conditions then cost a
    test per row, not a look-up in a sub-query), else the records' ids in a sub-query."""
    domain = parse_domain(text)
    if not domain:
        return SQL("TRUE")
    query = Model._search(domain)
    if query.is_empty():
        return SQL("FALSE")
    if query.from_clause == SQL.identifier(Model._table) and query.where_clause:
        return SQL("(%s)", query.where_clause)
    return SQL("%s IN %s", SQL.identifier(Model._table, "id"), query.subselect())


def parse_codes(text):
    """The codes listed in ``text``, separated by commas: ``"02, 03"`` → ``["02", "03"]``."""
    return [code.strip() for code in (text or "").split(",") if code.strip()]


class TdktStatisticsForm(models.Model):
    """A version of one of the official statistics forms (e.g. Biểu 0601.N/BNV-TĐKT of
    Circular 02/2023/TT-BNV): its frame, its rows and columns, and how each cell is counted,
    as data. The reporting year chooses the version (:meth:`_get_for_year`): a new circular
    is a new version of the forms, valid from a year, as rule sets are.

    A cell counts the records of ``counted_model`` dated in the reporting year (01/12 of the
    previous year to 30/11; ``date_field``, or the records at the end of the year when
    empty), of the companies reported on, matching the form's ``domain``, the row's and the
    column's. A row or column may instead add up others (a formula in the workbook).

    The forms' texts are the circular's, in Vietnamese whatever the reader's language.
    Everybody reads the forms; Managers maintain them.
    """

    _name = "tdkt.statistics.form"
    _description = "Official Statistics Form"
    _inherit = ["tdkt.input.mixin"]
    _order = "code, valid_from_year desc, id"

    name = fields.Char(
        "Title", required=True, help="The form's title as the circular words it."
    )
    code = fields.Char(required=True, help="The form's code, e.g. 0601.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    circular = fields.Char(
        required=True,
        help="The circular that issued this version, e.g. 02/2023/TT-BNV.",
    )
    valid_from_year = fields.Integer(
        required=True,
        help="The first reporting year this version is used for; the latest version valid "
        "for a year is used.",
    )
    form_number_text = fields.Char(
        "Form Number", required=True, help="e.g. Biểu số: 0601.N/BNV-TĐKT"
    )
    circular_text = fields.Char(
        "Legal Basis",
        required=True,
        help="e.g. Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023",
    )
    receipt_text = fields.Char(
        "Date of Receipt",
        help="e.g. Ngày nhận báo cáo: Ngày 15 tháng 12 năm báo cáo",
    )
    reporter_text = fields.Char(
        "Reporting Unit Line",
        required=True,
        default="Đơn vị báo cáo: {reporter}",
        help="{reporter} is replaced by the reporting body.",
    )
    receiver_text = fields.Char(
        "Receiving Unit Line",
        required=True,
        default="Đơn vị nhận báo cáo: {receiver}",
        help="{receiver} is replaced by the receiving body.",
    )
    receiver = fields.Char(
        "Receiving Unit",
        help="The body the form is sent to, unless the export names another.",
    )
    period_text = fields.Char(
        "Reporting Period Line",
        required=True,
        default="Thời điểm báo cáo: Năm {year} (từ ngày {date_from} đến ngày {date_to})",
        help="{year}, {date_from} and {date_to} are replaced by the reporting year and its "
        "first and last days.",
    )
    preparer_text = fields.Char(
        "Preparer Signature", required=True, default="Người lập biểu"
    )
    preparer_note = fields.Char(default="(Ký, họ tên)")
    head_text = fields.Char(
        "Head Signature", required=True, default="Thủ trưởng đơn vị"
    )
    head_note = fields.Char(default="(Ký, họ tên, đóng dấu)")
    stub_label = fields.Char(
        "Label Column Header", help="The header of column A, the rows' labels."
    )
    has_unit_column = fields.Boolean(
        "Unit Column", help="Column C gives each row's unit of count."
    )
    counted_model = fields.Selection(COUNTED_MODELS, required=True)
    date_field = fields.Char(
        help="The field of the counted records dated in the reporting year (e.g. "
        "decision_date); empty: the records as they are at the end of the year.",
    )
    domain = fields.Char(
        default="[]", help="What every cell counts, as a domain on the counted model."
    )
    row_ids = fields.One2many("tdkt.statistics.row", "form_id", "Rows", copy=True)
    column_ids = fields.One2many(
        "tdkt.statistics.column", "form_id", "Columns", copy=True
    )

    _sql_constraints = [
        (
            "code_year_uniq",
            "UNIQUE(code, valid_from_year)",
            "There is already a version of this form valid from this year.",
        ),
    ]

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("counted_model", "date_field", "domain")
    def _check_counting(self):
        for form in self:
            if form.counted_model not in self.env:
                continue
            Model = self.env[form.counted_model]
            if form.date_field and form.date_field not in Model._fields:
                raise ValidationError(
                    self.env._(
                        "Form %(form)s: the counted records have no field %(field)s.",
                        form=form.code,
                        field=form.date_field,
                    )
                )
            form._check_domain(form.domain, form.code)

    def _check_domain(self, text, where):
        """Raise a ValidationError saying ``where`` unless ``text`` is a domain that the
        counted model can search."""
        self.ensure_one()
        domain = parse_domain(text)
        error = domain is None
        if not error and self.counted_model in self.env:
            try:
                self.env[self.counted_model].sudo()._search(domain)
            except (ValueError, KeyError, TypeError, AssertionError):
                error = True
        if error:
            raise ValidationError(
                self.env._(
                    "%(where)s: %(domain)s is not a domain of the counted records.",
                    where=where,
                    domain=text,
                )
            )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    @api.model
    def _get_for_year(self, year):
        """The version of each form used for the reporting ``year``: the latest valid from
        that year or before, in the order of the codes."""
        forms = self.search([("valid_from_year", "<=", year)])
        chosen = {}
        for form in forms:
            chosen.setdefault(form.code, form)
        return self.browse(
            form.id
            for form in sorted(chosen.values(), key=lambda f: (f.sequence, f.code))
        )

    @api.model
    def _get_period(self, year):
        """The reporting year ``year``: from 01/12 of the previous year to 30/11."""
        return date(year - 1, 12, 1), date(year, 11, 30)

    def _count_cells(self, year, companies):
        """``{(row code, column number): count}`` of this form's counted cells for the
        reporting ``year`` over ``companies``, in one query whatever the number of records
        or companies. Totals are left to the workbook's formulas."""
        self.ensure_one()
        if self.counted_model not in self.env:
            raise UserError(
                self.env._(
                    "Form %(form)s counts records this database does not have.",
                    form=self.code,
                )
            )
        Model = self.env[self.counted_model].sudo()
        date_from, date_to = self._get_period(year)
        domain = list(parse_domain(self.domain) or []) + [
            ("company_id", "in", companies.ids)
        ]
        if self.date_field:
            domain += [
                (self.date_field, ">=", date_from),
                (self.date_field, "<=", date_to),
            ]
        query = Model._search(domain)
        rows = self.row_ids.filtered(lambda row: row.display_type == "count")
        columns = self.column_ids.filtered(lambda column: not column.sum_of)
        # Each row's and column's condition is tested once per record, in a sub-query
        # that OFFSET 0 keeps PostgreSQL from flattening into the counts;
        # each cell counts the records meeting both.
        conditions = [
            SQL(
                "%s AS %s",
                row._get_condition_sql(Model, date_to),
                SQL.identifier(f"r{i}"),
            )
            for i, row in enumerate(rows)
        ] + [
            SQL("%s AS %s", column._get_condition_sql(Model), SQL.identifier(f"c{j}"))
            for j, column in enumerate(columns)
        ]
        keys, counts = [], []
        for i, row in enumerate(rows):
            for j, column in enumerate(columns):
                keys.append((row.code, column.number))
                counts.append(
                    SQL(
                        "COUNT(*) FILTER (WHERE %s AND %s)",
                        SQL.identifier(f"r{i}"),
                        SQL.identifier(f"c{j}"),
                    )
                )
        if not keys:
            return {}
        (values,) = self.env.execute_query(
            SQL(
                "SELECT %s FROM (%s OFFSET 0) AS cells",
                SQL(", ").join(counts),
                query.select(*conditions),
            )
        )
        return dict(zip(keys, values, strict=True))

    def _prepare_sheet(self, year, companies, reporter, receiver, place_date):
        """The form as :func:`..lib.xlsx_statistics.write_form` lays it out."""
        self.ensure_one()
        counts = self._count_cells(year, companies)
        date_from, date_to = self._get_period(year)
        columns = self.column_ids.sorted(lambda column: (column.sequence, column.id))
        stub = [self.stub_label or "", "Mã số"]
        if self.has_unit_column:
            stub.append("Đơn vị tính")
        return {
            "sheet": self.code,
            "frame": {
                "form_number": self.form_number_text,
                "circular": self.circular_text,
                "receipt": self.receipt_text or "",
                "reporter": self.reporter_text.replace("{reporter}", reporter or ""),
                "receiver": self.receiver_text.replace(
                    "{receiver}", receiver or self.receiver or ""
                ),
                "title": self.name,
                "period": self.period_text.replace("{year}", str(year))
                .replace("{date_from}", date_from.strftime("%d/%m/%Y"))
                .replace("{date_to}", date_to.strftime("%d/%m/%Y")),
                "place_date": place_date,
                "signatures": [
                    {
                        "title": self.preparer_text,
                        "note": self.preparer_note,
                        "name": "",
                    },
                    {"title": self.head_text, "note": self.head_note, "name": ""},
                ],
            },
            "stub": stub,
            "columns": [
                {
                    "number": column.number,
                    "label": column.name,
                    "group": column.group_label or "",
                    "sum_of": [int(n) for n in parse_codes(column.sum_of)],
                }
                for column in columns
            ],
            "rows": [
                {
                    "code": row.code or "",
                    "label": row.name,
                    "indent": row.indent,
                    "unit": row.unit or "",
                    "section": row.display_type == "section",
                    "sum_of": parse_codes(row.sum_of)
                    if row.display_type == "total"
                    else [],
                    "values": {
                        number: count
                        for (code, number), count in counts.items()
                        if code == row.code
                    },
                }
                for row in self.row_ids.sorted(lambda row: (row.sequence, row.id))
            ],
        }
