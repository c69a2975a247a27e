import functools
import subprocess

from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

from ..lib.certificate_layout import FIELDS_BY_KEY, field_style, wkhtmltopdf_zoom
from ..lib.dates import document_date

# The certificate's text is Vietnamese whatever the reader's language: it is the State's.
CERTIFICATE_LANG = "vi_VN"
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
GRANT_WORDS = {"commendation": "TẶNG", "title": "TẶNG DANH HIỆU"}
UPPERCASE_FIELDS = ("authority", "title", "signer_title")


@functools.cache
def _wkhtmltopdf_zoom():
    try:
        version = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"],
            capture_output=True,
            check=False,
            timeout=30,
        ).stdout.decode(errors="replace")
    except (OSError, subprocess.SubprocessError):
        version = ""
    return wkhtmltopdf_zoom(version)


class TdktCertificate(models.AbstractModel):
    """The certificates (Giấy khen, Chiến sĩ thi đua cơ sở...) of Decree 98/2023 Art 104:
    one page per subject awarded, in the order of the decision's list, each line at the
    position the company's layout of that kind of certificate gives it.

    The pages are built here as plain values (the fields' texts and their CSS positions); the
    QWeb templates of report/tdkt_certificate_reports.xml only lay them out.
    """

    _name = "tdkt.certificate"
    _description = "Certificate"

    @api.model
    def _get_lang(self):
        """Vietnamese when installed, else the reader's language."""
        if self.env["res.lang"]._lang_get(CERTIFICATE_LANG):
            return CERTIFICATE_LANG
        return self.env.lang

    @api.model
    def _get_zoom(self):
        """The CSS zoom of the pages, for the installed wkhtmltopdf (see
        :func:`~..lib.certificate_layout.wkhtmltopdf_zoom`)."""
        return _wkhtmltopdf_zoom()

    @api.model
    def _get_kind(self, title):
        return "title" if title.kind == "title" else "commendation"

    @api.model
    def _get_decision_pages(self, decision):
        """The certificates of a signed decision: one per line, individuals first, as its list."""
        if decision.state != "signed":
            raise UserError(
                self.env._(
                    "%(decision)s is not signed: certificates are printed from a signed decision.",
                    decision=decision.display_name,
                )
            )
        lines = (
            decision.sudo()
            .with_context(lang=self._get_lang())
            .line_ids.sorted(
                lambda line: (line.subject_type != "individual", line.sequence, line.id)
            )
        )
        layouts = {}
        return [
            self._prepare_page(
                layouts,
                decision,
                line.title_id,
                line.employee_id,
                line.unit_id,
                line.subject_type,
                line.note,
                number,
            )
            for number, line in enumerate(lines, 1)
        ]

    @api.model
    def _get_award_pages(self, awards):
        """The certificates of single awards: of its decision when it has one (with the
        subject's number in that decision's list), else from the award's own decision fields."""
        layouts, pages = {}, []
        for award in awards.sudo().with_context(lang=self._get_lang()):
            decision = award.decision_id
            number = None
            if decision:
                lines = decision.line_ids.sorted(
                    lambda line: (
                        line.subject_type != "individual",
                        line.sequence,
                        line.id,
                    )
                )
                for index, line in enumerate(lines, 1):
                    if (
                        line.title_id == award.title_id
                        and line.employee_id == award.employee_id
                        and (award.employee_id or line.unit_id == award.unit_id)
                    ):
                        number = index
                        break
            pages.append(
                self._prepare_page(
                    layouts,
                    decision or award,
                    award.title_id,
                    award.employee_id,
                    award.unit_id,
                    award.subject_type,
                    award.note,
                    number,
                )
            )
        return pages

    @api.model
    def _prepare_page(
        self, layouts, source, title, employee, unit, subject_type, note, number
    ):
        """One certificate: ``source`` is the decision, or the award that carries the
        decision's number, date and authority itself."""
        kind = self._get_kind(title)
        company = source.company_id
        if (kind, company) not in layouts:
            layouts[kind, company] = (
                self.env["tdkt.certificate.layout"]._get_layout(kind, company).sudo()
            )
        layout = layouts[kind, company]
        if source._name == "tdkt.decision":
            decision_number, decision_date = source.name, source.date_decision
            authority = source.authority
            signer_title, signer_name = source.signer_position, source.signer_id.name
        else:
            decision_number, decision_date = (
                source.decision_number,
                source.decision_date,
            )
            authority, signer_title, signer_name = source.decision_authority, "", ""
        year = source.year
        values = self._prepare_values(
            company,
            kind,
            title,
            employee,
            unit,
            subject_type,
            note,
            year,
            decision_number,
            decision_date,
            authority,
            signer_title,
            signer_name,
            number,
        )
        return self._prepare_layout_page(layout, values)

    @api.model
    def _prepare_values(
        self,
        company,
        kind,
        title,
        employee,
        unit,
        subject_type,
        note,
        year,
        decision_number,
        decision_date,
        authority,
        signer_title,
        signer_name,
        number,
    ):
        """The text of each field of a certificate."""
        if subject_type == "individual":
            honorific = {"male": "Ông", "female": "Bà"}.get(employee.gender, "")
            recipient = f"{honorific} {employee.name}".strip()
            position_unit = ", ".join(filter(None, [employee.job_title, unit.name]))
        else:
            recipient = unit.name or ""
            position_unit = (
                unit.parent_id.name or company.tdkt_issuing_body or company.name or ""
            )
        achievement = (note or "").strip() or (
            f"Đã có thành tích xuất sắc trong phong trào thi đua năm {year}"
        )
        decision_ref = f"Quyết định số {decision_number or '…'}"
        if decision_date:
            decision_ref += f" ngày {decision_date.strftime('%d/%m/%Y')}"
        values = {
            "national_name": NATIONAL_NAME,
            "motto": MOTTO,
            "authority": authority or "",
            "grant": GRANT_WORDS[kind],
            "title": title.name or "",
            "recipient": recipient,
            "position_unit": position_unit,
            "achievement": achievement,
            "decision_ref": decision_ref,
            "register_no": f"Số sổ vàng: {number}" if number else "",
            "date_line": document_date(
                company.tdkt_document_place or "", decision_date
            ),
            "signer_title": signer_title or "",
            "signer_name": signer_name or "",
        }
        for key in UPPERCASE_FIELDS:
            values[key] = values[key].upper()
        return values

    @api.model
    def _prepare_layout_page(self, layout, values, test_page=False):
        """A page of ``layout``: its decoration on blank paper, and each field to print with
        its text and CSS position. On pre-printed blanks, the fields the blank carries are
        left out (a test page shows them all, marked)."""
        blank = layout.print_mode == "blank"
        page_fields = []
        for line in layout.field_ids:
            if not (blank or test_page) and line.is_preprinted:
                continue
            field = FIELDS_BY_KEY[line.field_key]
            page_fields.append(
                {
                    "key": line.field_key,
                    "label": line.field_key,
                    "x": line.x_mm,
                    "y": line.y_mm,
                    "preprinted": line.is_preprinted,
                    "caption": f"({line.x_mm}, {line.y_mm} mm)",
                    "style": field_style(
                        field, line.x_mm, line.y_mm, line.width_mm, line.font_size
                    ),
                    "text": values.get(line.field_key, ""),
                }
            )
        return {
            "kind": layout.kind,
            "blank": blank,
            "fields": page_fields,
        }
