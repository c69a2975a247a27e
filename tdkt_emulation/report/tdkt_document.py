from odoo import api, models
from odoo.exceptions import AccessError, UserError

from ..lib.dates import QUARTERS, date_words, document_date
from ..lib.docx_render import (
    ConverterError,
    TemplateError,
    docx_to_pdf,
    find_converter,
    render_docx,
    rich_paragraphs,
)
from ..lib.docx_templates import ALLOWED_NAMES
from ..models.tdkt_document_template import DOCUMENT_MODELS, DOCX_MIMETYPE

QUARTER_LABELS = {"1": "QUÝ I", "2": "QUÝ II", "3": "QUÝ III", "4": "QUÝ IV"}
# The name of each document in its file name: the documents are Vietnamese whatever the
# reader's language.
FILE_NAMES = {"plan": "Kế hoạch", "decision": "Quyết định"}
FILE_NAMES["council_minutes"] = "Biên bản họp Hội đồng"
FILE_NAMES["ballot_count"] = "Biên bản kiểm phiếu"
# The council's roles and the results as the minutes word them.
MEMBER_ROLES_VI = {
    "chair": "Chủ tịch",
    "vice_chair": "Phó Chủ tịch",
    "standing": "Ủy viên thường trực",
    "secretary": "Thư ký",
    "member": "Ủy viên",
}
FORMATS = {"docx": DOCX_MIMETYPE, "pdf": "application/pdf"}


class TdktDocument(models.AbstractModel):
    """The documents printed from Word templates (tdkt.document.template): the context of
    each kind built from its record, the Word file rendered, and its PDF.

    One download route serves them all (/tdkt/document/<kind>/<id>?format=pdf|docx); the
    Print menu of each record calls :meth:`action_print`. The wording is Vietnamese
    whatever the user's language: these are the State's documents.
    """

    _name = "tdkt.document"
    _description = "Printed Document"

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    @api.model
    def action_print(self, kind, records, file_format):
        """The download of ``records``' document ``kind`` as ``file_format`` (pdf or docx),
        once what would make it fail has been checked, so that a failure shows here."""
        if len(records) != 1:
            raise UserError(
                self.env._("Print one document at a time, from the record's form.")
            )
        # A trial rendering of the Word file: a template error is told here, not on a blank page.
        self.render(kind, records, "docx")
        self._check_printable(kind, records, file_format)
        return {
            "type": "ir.actions.act_url",
            "url": f"/tdkt/document/{kind}/{records.id}?format={file_format}",
            "target": "download",
        }

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    @api.model
    def render(self, kind, record, file_format="pdf"):
        """The document ``kind`` of ``record``: (content, file name, mimetype)."""
        self._check_printable(kind, record, file_format)
        Template = self.env["tdkt.document.template"]
        template = Template._get_template_for(kind, record.company_id)
        context = getattr(self, f"_prepare_{kind}_context")(record.sudo())
        try:
            content = render_docx(template, context, ALLOWED_NAMES[kind])
        except TemplateError as error:
            raise UserError(Template._template_error_message(error, kind)) from error
        if file_format == "pdf":
            try:
                content = docx_to_pdf(content)
            except ConverterError as error:
                raise UserError(self._converter_error_message(error)) from error
        filename = (
            f"{FILE_NAMES[kind]} {self._get_document_number(kind, record)}".strip()
        )
        filename = filename.replace("/", "-")
        return content, f"{filename}.{file_format}", FORMATS[file_format]

    @api.model
    def _check_printable(self, kind, record, file_format):
        if (
            kind not in DOCUMENT_MODELS
            or record._name != DOCUMENT_MODELS[kind]
            or file_format not in FORMATS
        ):
            raise UserError(self.env._("There is no such document to print."))
        record.ensure_one()
        record.check_access("read")
        if file_format == "pdf" and not find_converter():
            raise UserError(self._converter_error_message(ConverterError("missing")))

    @api.model
    def _converter_error_message(self, error):
        if error.code == "missing":
            return self.env._(
                "LibreOffice is not installed on the server, so the PDF cannot be made: print the Word file, "
                "or ask the administrator to install LibreOffice (Debian package libreoffice-writer-nogui)."
            )
        if error.code == "timeout":
            return self.env._(
                "LibreOffice took too long to make the PDF; try again, or print the Word file."
            )
        return self.env._(
            "LibreOffice could not make the PDF: %(detail)s", detail=error.detail
        )

    @api.model
    def _get_document_number(self, kind, record):
        if record._name == "tdkt.council.session":
            return record.minutes_number or ""
        return (record.number if kind == "plan" else record.name) or ""

    # ------------------------------------------------------------
    # CONTEXTS
    # ------------------------------------------------------------

    @api.model
    def _prepare_org(self, company):
        return {
            "superior_body": company.tdkt_superior_body or "",
            "issuing_body": company.tdkt_issuing_body or company.name,
            "place": company.tdkt_document_place or "",
        }

    @api.model
    def _prepare_doc(self, number, place, day, signer_title, signer, recipients):
        return {
            "number": number or "",
            "date_line": document_date(place, day)
            if day
            else f"{place}, {date_words(day)}".strip(", "),
            "signer_title": signer_title or "",
            "signer_name": signer.name or "",
            "recipients": _lines(recipients),
        }

    @api.model
    def _prepare_plan_context(self, plan):
        org = self._prepare_org(plan.company_id)
        quarters, number = [], 0
        for quarter in QUARTERS:
            tasks = []
            for task in plan.task_ids.filtered(
                lambda t, q=quarter: t.quarter == q
            ).sorted(lambda t: (t.sequence, t.id)):
                number += 1
                tasks.append(
                    {
                        "number": number,
                        "content": _lines(task.name),
                        "units": task._get_printed_units(),
                    }
                )
            quarters.append({"label": QUARTER_LABELS[quarter], "tasks": tasks})
        title = plan.name or ""
        summary = (
            title[len("Kế hoạch ") :]
            if title.lower().startswith("kế hoạch ")
            else title
        )
        return {
            "org": org,
            "doc": self._prepare_doc(
                plan.number,
                plan.place_issue or org["place"],
                plan.date_issue,
                plan.signer_position,
                plan.signer_id,
                plan.recipients,
            ),
            "plan": {
                "title": title,
                "summary": summary[:1].upper() + summary[1:],
                "year": plan.year,
                "legal_bases": rich_paragraphs(plan.legal_basis),
                "purposes": rich_paragraphs(plan.purpose),
                "requirements": rich_paragraphs(plan.requirement),
                "solutions": rich_paragraphs(plan.solution),
                "organisation": rich_paragraphs(plan.implementation),
                "registration_deadline": plan.date_registration_deadline.strftime(
                    "%d/%m/%Y"
                )
                if plan.date_registration_deadline
                else "",
                "quarters": quarters,
            },
        }

    @api.model
    def _prepare_decision_context(self, decision):
        org = self._prepare_org(decision.company_id)
        lines = decision.line_ids.sorted(
            lambda line: (line.subject_type != "individual", line.sequence, line.id)
        )
        individuals = [
            {
                "number": index,
                "name": line.employee_id.name or "",
                "position": line.employee_id.job_title or "",
                "unit": line.unit_id.name or "",
                "title": line.title_id.name or "",
            }
            for index, line in enumerate(
                lines.filtered(lambda line: line.subject_type == "individual"), 1
            )
        ]
        collectives = [
            {
                "number": index,
                "name": line.unit_id.name or "",
                "title": line.title_id.name or "",
            }
            for index, line in enumerate(
                lines.filtered(lambda line: line.subject_type == "collective"), 1
            )
        ]
        if decision.kind == "recognition":
            grant = f"Công nhận danh hiệu thi đua năm {decision.year}"
        else:
            grant = "Tặng " + ", ".join(dict.fromkeys(lines.title_id.mapped("name")))
        summary = decision.summary or grant
        return {
            "org": org,
            "doc": self._prepare_doc(
                decision.name,
                org["place"],
                decision.date_decision,
                decision.signer_position,
                decision.signer_id,
                decision.recipients,
            ),
            "decision": {
                "authority": decision.authority or "",
                "summary": summary[:1].lower() + summary[1:],
                "year": decision.year,
                "legal_bases": _lines(decision.legal_basis),
                "proposal": decision.proposal_basis or "",
                "grant": grant,
                "individual_count": len(individuals),
                "collective_count": len(collectives),
                "date_text": date_words(decision.date_decision),
                "individuals": individuals,
                "collectives": collectives,
            },
        }

    @api.model
    def _prepare_council_minutes_context(self, session):
        return self._prepare_session_context(session)

    @api.model
    def _prepare_ballot_count_context(self, session):
        return self._prepare_session_context(session)

    @api.model
    def _prepare_session_context(self, session):
        """The minutes of a closed session that reviewed titles: who sat, who was absent
        and whose opinion came in writing, each item's counts and result, who was recused.
        Nothing in it pairs a member with a choice: the counts are per item only. The
        Office's, as the turnout is."""
        if not self.env.user.has_group("tdkt_emulation.group_tdkt_officer"):
            raise AccessError(
                self.env._(
                    "The minutes of a council's session are the Office's to print."
                )
            )
        if session.state != "closed" or session.council_type != "emulation":
            raise UserError(
                self.env._(
                    "The minutes are printed once a session that reviews titles is closed."
                )
            )
        # Vietnamese whatever the reader's language: the titles' names too.
        session = session.with_context(
            lang=self.env["res.lang"]._get_tdkt_report_lang()
        )
        org = self._prepare_org(session.company_id)
        council = session.council_id
        members = council.member_ids.sorted(lambda member: (member.sequence, member.id))
        chair = members.filtered(lambda member: member.role == "chair")[:1]
        secretary = members.filtered(lambda member: member.role == "secretary")[:1]
        present, written = session.attendee_ids, session.written_member_ids
        items = session.item_ids.sorted(lambda item: (item.sequence, item.id))

        def subject(item):
            line = item.registration_line_id
            if line.subject_type == "collective":
                return f"Tập thể {line.unit_id.name or ''}".strip()
            return line.employee_id.name or ""

        def percent(value):
            return f"{value:.2f}".replace(".", ",") + "%"

        results, recusals = [], []
        for number, item in enumerate(items, 1):
            recused = item.recused_member_ids.mapped("employee_id.name")
            results.append(
                {
                    "number": number,
                    "name": subject(item),
                    "unit": item.unit_id.name or "",
                    "title": item.title_id.name or "",
                    "agree": item.agree_count,
                    "disagree": item.disagree_count,
                    "abstain": item.abstain_count,
                    "valid": item.valid_count,
                    "members": item.member_count,
                    "base": item.base_count or item.member_count,
                    "share": percent(item.agree_share),
                    "threshold": percent(item.threshold),
                    "result": "Đạt" if item.outcome == "approved" else "Không đạt",
                    "recused": ", ".join(recused),
                }
            )
            if recused:
                recusals.append(
                    f"- {subject(item)} ({item.title_id.name or ''}): "
                    + ", ".join(recused)
                    + " (là người được đề nghị hoặc thuộc tập thể được đề nghị)."
                )
        founding = ""
        if council.decision_number:
            founding = f"Quyết định số {council.decision_number}"
            if council.date_decision:
                founding += f" {date_words(council.date_decision)}"
        hours = int(session.time_start or 0)
        minutes = round(((session.time_start or 0) - hours) * 60)
        time_text = date_words(session.date)
        if session.time_start:
            time_text = f"{hours:02d} giờ {minutes:02d}, {time_text}"
        return {
            "org": org,
            "doc": self._prepare_doc(
                session.minutes_number,
                org["place"],
                session.date,
                MEMBER_ROLES_VI["chair"],
                chair.employee_id,
                "",
            ),
            "session": {
                "council": council.name or "",
                "founding": founding,
                "name": session.name or "",
                "year": session.year,
                "time_text": time_text,
                "location": session.location or "",
                "chair": chair.employee_id.name or "",
                "secretary": secretary.employee_id.name or "",
                "member_count": session.member_count,
                "present_count": len(present),
                "absent_count": session.member_count - len(present),
                "written_count": len(written),
                "members": [
                    {
                        "number": number,
                        "name": member.employee_id.name or "",
                        "position": member.employee_id.job_title or "",
                        "role": MEMBER_ROLES_VI.get(member.role, ""),
                        "attendance": "Có mặt"
                        if member in present
                        else "Vắng mặt, có ý kiến bằng văn bản"
                        if member in written
                        else "Vắng mặt",
                    }
                    for number, member in enumerate(members, 1)
                ],
                "agenda": [
                    f"{result['number']}. {result['name']}, {result['unit']}: {result['title']}"
                    if result["unit"] and result["unit"] not in result["name"]
                    else f"{result['number']}. {result['name']}: {result['title']}"
                    for result in results
                ],
                "results": results,
                "recusals": recusals or ["Không có."],
                "passed_count": sum(item.outcome == "approved" for item in items),
            },
        }


def _lines(text):
    """The non-empty lines of a text, stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
