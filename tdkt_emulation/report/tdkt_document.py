from collections import Counter

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
from ..lib.dossier import DossierFile, build_dossier_zip, slug
from ..lib.reward import format_vnd
from ..lib.year_report import report_values, reporting_period
from ..models.tdkt_document_template import DOCUMENT_MODELS, DOCX_MIMETYPE

QUARTER_LABELS = {"1": "QUÝ I", "2": "QUÝ II", "3": "QUÝ III", "4": "QUÝ IV"}
# The name of each document in its file name: the documents are Vietnamese whatever the
# reader's language.
FILE_NAMES = {
    "plan": "Kế hoạch",
    "decision": "Quyết định",
    "registration": "Đăng ký thi đua",
    "proposal": "Tờ trình",
    "session_proposal": "Tờ trình",
    "achievement": "Báo cáo thành tích",
    "council_minutes": "Biên bản họp Hội đồng",
    "ballot_count": "Biên bản kiểm phiếu",
    "dossier_proposal": "Tờ trình",
    "dossier_nominees": "Danh sách đề nghị",
    "dossier_achievement": "Báo cáo thành tích",
    "dossier_certifications": "Danh sách chứng nhận",
    "dossier_discipline": "Danh sách kỷ luật",
    "dossier": "Hồ sơ đề nghị",
    "report_half_year": "Báo cáo sơ kết 6 tháng",
    "report_year": "Báo cáo tổng kết năm",
}
# Kinds printed from another kind's template: the proposal from a council session's
# results uses the proposal's.
TEMPLATE_KINDS = {
    "session_proposal": "proposal",
    "dossier_proposal": "proposal",
    "dossier_achievement": "achievement",
    "dossier_nominees": "dossier_list",
    "dossier_certifications": "dossier_list",
    "dossier_discipline": "dossier_list",
}
# The reports of a plan's year and their period (lib.year_report).
REPORT_PERIODS = {"report_half_year": "half_year", "report_year": "year"}
GENDERS = {"male": "Nam", "female": "Nữ", "other": "Khác"}
CERTIFICATES = {
    "graduate": "Tốt nghiệp",
    "bachelor": "Đại học",
    "master": "Thạc sĩ",
    "doctor": "Tiến sĩ",
    "other": "Khác",
}
# The council's roles and the results as the minutes word them.
MEMBER_ROLES_VI = {
    "chair": "Chủ tịch",
    "vice_chair": "Phó Chủ tịch",
    "standing": "Ủy viên thường trực",
    "secretary": "Thư ký",
    "member": "Ủy viên",
}
FORMATS = {"docx": DOCX_MIMETYPE, "pdf": "application/pdf"}
# The whole proposal dossier downloads as one ZIP of its Word and PDF files.
DOSSIER_FORMATS = {"zip": "application/zip"}


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
        if kind == "dossier":
            self._check_printable(kind, records, file_format)
            self.sudo()._get_dossier_files(records.sudo(), minutes_format="docx")
        else:
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
        if kind == "dossier":
            return self._render_dossier(record)
        Template = self.env["tdkt.document.template"]
        template_kind = TEMPLATE_KINDS.get(kind, kind)
        template = Template._get_template_for(template_kind, record.company_id)
        # Names of titles and the like in Vietnamese, whatever the user's language: the
        # record and whatever the context's preparation looks up besides.
        lang = self.env["res.lang"]._get_tdkt_report_lang()
        context = getattr(self.with_context(lang=lang), f"_prepare_{kind}_context")(
            record.sudo().with_context(lang=lang)
        )
        try:
            content = render_docx(template, context, ALLOWED_NAMES[template_kind])
        except TemplateError as error:
            raise UserError(
                Template._template_error_message(error, template_kind)
            ) from error
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
            or file_format not in (DOSSIER_FORMATS if kind == "dossier" else FORMATS)
        ):
            raise UserError(self.env._("There is no such document to print."))
        record.ensure_one()
        record.check_access("read")
        if check := getattr(self, f"_check_{kind}_printable", None):
            check(record)
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
    def _check_proposal_printable(self, decision):
        """The proposal (tờ trình) is the Office's: it carries the council's votes on the
        titles of every unit, which a unit's user or a member does not read."""
        if not self.env.user.has_group("tdkt_emulation.group_tdkt_officer"):
            raise AccessError(
                self.env._("A proposal (tờ trình) is the Office's to print.")
            )

    @api.model
    def _check_session_proposal_printable(self, session):
        self._check_proposal_printable(session)

    @api.model
    def _check_council_minutes_printable(self, session):
        """The minutes of a closed session that reviewed titles, the Office's to print as
        the turnout is theirs to read."""
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

    @api.model
    def _check_dossier_printable(self, proposal):
        """A proposal dossier is the Office's: it carries the council's votes and the
        unit's discipline list."""
        if not self.env.user.has_group("tdkt_emulation.group_tdkt_officer"):
            raise AccessError(
                self.env._("A proposal dossier is the Office's to download.")
            )

    @api.model
    def _check_ballot_count_printable(self, session):
        self._check_council_minutes_printable(session)

    @api.model
    def _check_achievement_printable(self, line):
        """An achievement report prints a person's particulars: the person, the heads of
        the unit and the Office print it, not the unit's colleagues."""
        if (
            line._is("officer")
            or (line.employee_id.user_id and line.employee_id.user_id == self.env.user)
            or (line._is("unit_manager") and line._acts_for(line.unit_id))
        ):
            return
        raise AccessError(
            self.env._(
                "Only the person, the heads of the unit and the Office print an achievement report."
            )
        )

    @api.model
    def _check_report_half_year_printable(self, plan):
        """The reports count the whole body's titles, proposals and decisions: the
        Office's to print."""
        if not self.env.user.has_group("tdkt_emulation.group_tdkt_officer"):
            raise AccessError(
                self.env._(
                    "The 6-month and year-end reports are the Office's to print."
                )
            )

    @api.model
    def _check_report_year_printable(self, plan):
        self._check_report_half_year_printable(plan)

    @api.model
    def _get_document_number(self, kind, record):
        if kind in REPORT_PERIODS:
            return str(record.year)
        if kind == "plan":
            return record.number or ""
        if kind == "proposal":
            return record.proposal_number or ""
        if kind in ("registration", "achievement"):
            return f"{record.year} {record.subject_name if kind == 'achievement' else record.unit_id.name}"
        if kind in ("council_minutes", "ballot_count"):
            return record.minutes_number or ""
        if kind == "dossier_achievement":
            return record.subject_name or ""
        return record.name or ""

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
        lines = decision._get_printed_lines()
        # A draft shows the money of the tables as they are now; a signed decision, its own.
        cache = {}
        amounts = {
            line: line.reward_amount
            if decision.state != "draft"
            else line._get_reward_values(cache)["reward_amount"]
            for line in lines
        }

        def money(line):
            return {
                "amount": format_vnd(amounts[line]) if amounts[line] else "",
                "golden_book": line.golden_book_number or "",
            }

        individuals = [
            {
                "number": index,
                "name": line.employee_id.name or "",
                "position": line.employee_id.job_title or "",
                "unit": line.unit_id.name or "",
                "title": line.title_id.name or "",
                **money(line),
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
                **money(line),
            }
            for index, line in enumerate(
                lines.filtered(lambda line: line.subject_type == "collective"), 1
            )
        ]
        total = sum(amounts.values())
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
                "proposal": decision.proposal_basis
                or self._get_proposal_line(decision),
                "grant": grant,
                "individual_count": len(individuals),
                "collective_count": len(collectives),
                "date_text": date_words(decision.date_decision),
                "individuals": individuals,
                "collectives": collectives,
                "reward_total": format_vnd(total) if total else "",
            },
        }

    @api.model
    def _get_proposal_line(self, decision):
        """The line "Xét đề nghị của …" of a decision that has no text of its own: the
        proposing body's proposal (tờ trình), when its number is known."""
        if not decision.proposal_number:
            return ""
        company = decision.company_id
        body = company.tdkt_proposal_body or "Hội đồng Thi đua - Khen thưởng"
        day = (
            f" ngày {decision.date_proposal.strftime('%d/%m/%Y')}"
            if decision.date_proposal
            else ""
        )
        return (
            f"Xét đề nghị của {body} tại Tờ trình số {decision.proposal_number}{day}."
        )

    @api.model
    def _prepare_registration_context(self, registration):
        org = self._prepare_org(registration.company_id)
        unit = registration.unit_id
        lines = registration.line_ids.sorted(
            lambda line: (line.subject_type != "individual", line.sequence, line.id)
        )
        individuals = [
            {
                "number": index,
                "name": line.employee_id.name or "",
                "position": line.employee_id.job_title or "",
                "title": line.title_id.name or "",
                "note": line.note or "",
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
                "note": line.note or "",
            }
            for index, line in enumerate(
                lines.filtered(lambda line: line.subject_type == "collective"), 1
            )
        ]
        submitted = registration.date_submitted
        return {
            "org": org,
            "doc": self._prepare_doc(
                "",
                org["place"],
                submitted and submitted.date(),
                "Thủ trưởng đơn vị",
                unit.manager_id,
                "- Hội đồng Thi đua - Khen thưởng (qua Thường trực);\n- Lưu: đơn vị.",
            ),
            "registration": {
                "unit": unit.name or "",
                "year": registration.year,
                "plan_number": registration.plan_id.number or "",
                "plan_date_text": date_words(registration.plan_id.date_issue),
                "individual_count": len(individuals),
                "collective_count": len(collectives),
                "individuals": individuals,
                "collectives": collectives,
            },
        }

    @api.model
    def _prepare_proposal_context(self, decision):
        """The proposal (tờ trình) of a draft or signed decision: its lines, and the
        council's votes on the registered titles they come from."""
        subjects = [
            (line, line.registration_line_id) for line in decision._get_printed_lines()
        ]
        return self._prepare_proposal_values(
            decision.company_id,
            subjects,
            year=decision.year,
            addressee=decision.authority,
            legal_basis=decision.legal_basis,
            number=decision.proposal_number,
            day=decision.date_proposal,
            summary=decision.summary,
        )

    @api.model
    def _prepare_session_proposal_context(self, session):
        """The proposal (tờ trình) of the titles a closed council session passed."""
        results = self.env["tdkt.registration.line"].search(
            [("vote_session_id", "=", session.id), ("vote_outcome", "=", "approved")]
        )
        results = results.sorted(
            lambda line: (
                line.subject_type != "individual",
                line.unit_id.name or "",
                line.id,
            )
        )
        company = session.company_id
        return self._prepare_proposal_values(
            company,
            [(line, line) for line in results],
            year=session.year,
            addressee=f"Giám đốc {company.tdkt_issuing_body or company.name}",
            legal_basis="",
            number="",
            day=False,
            summary="",
        )

    @api.model
    def _prepare_proposal_values(
        self, company, subjects, year, addressee, legal_basis, number, day, summary
    ):
        """``subjects``: (line, registration line with the council's vote) pairs, the
        line having subject_type, employee_id, unit_id and title_id."""
        org = self._prepare_org(company)
        body = company.tdkt_proposal_body or "Hội đồng Thi đua - Khen thưởng"

        def votes(result):
            if not result or not result.vote_member_count:
                return ""
            share = f"{result.vote_share:.2f}".replace(".", ",")
            return f"{result.vote_agree_count}/{result.vote_member_count} ({share}%)"

        individuals, collectives = [], []
        for line, result in subjects:
            if line.subject_type == "individual":
                individuals.append(
                    {
                        "number": len(individuals) + 1,
                        "name": line.employee_id.name or "",
                        "position": line.employee_id.job_title or "",
                        "unit": line.unit_id.name or "",
                        "title": line.title_id.name or "",
                        "votes": votes(result),
                    }
                )
            else:
                collectives.append(
                    {
                        "number": len(collectives) + 1,
                        "name": line.unit_id.name or "",
                        "title": line.title_id.name or "",
                        "votes": votes(result),
                    }
                )
        titles = self.env["tdkt.title"].browse()
        counts = Counter()
        for line, _result in subjects:
            titles |= line.title_id
            counts[line.title_id, line.subject_type] += 1
        title_rows = [
            {
                "number": index,
                "title": title.name,
                "collectives": counts[title, "collective"],
                "individuals": counts[title, "individual"],
            }
            for index, title in enumerate(
                titles.sorted(lambda t: (t.sequence, t.id)), 1
            )
        ]
        kinds = set(titles.mapped("kind"))
        if kinds == {"commendation"}:
            grant = "tặng " + ", ".join(titles.mapped("name"))
        elif kinds == {"title"} or not kinds:
            grant = f"công nhận danh hiệu thi đua năm {year}"
        else:
            grant = f"công nhận danh hiệu thi đua và khen thưởng năm {year}"
        sessions = self.env["tdkt.council.session"].browse()
        for _line, result in subjects:
            sessions |= result.vote_session_id
        if sessions:
            review = "Căn cứ kết quả họp xét của {council} ngày {dates}.".format(
                council=", ".join(dict.fromkeys(sessions.council_id.mapped("name"))),
                dates=", ".join(
                    session.date.strftime("%d/%m/%Y")
                    for session in sessions.sorted("date")
                ),
            )
        else:
            review = "Căn cứ kết quả xét của Hội đồng Thi đua - Khen thưởng."
        voted = [
            result for _line, result in subjects if result and result.vote_member_count
        ]
        if voted:
            lowest = min(result.vote_share for result in voted)
            thresholds = sorted({result.vote_threshold for result in voted})
            result_text = (
                "Kết quả: Hội đồng biểu quyết bằng phiếu kín, {count} trường hợp được đề nghị đều đạt "
                "từ {lowest}% tổng số thành viên Hội đồng đồng ý trở lên (tỷ lệ quy định: {threshold}%)."
            ).format(
                count=len(voted),
                lowest=f"{lowest:.2f}".replace(".", ","),
                threshold=", ".join(
                    f"{value:g}".replace(".", ",") for value in thresholds
                ),
            )
        else:
            result_text = ""
        summary = summary or grant
        return {
            "org": org,
            "doc": self._prepare_doc(
                number,
                org["place"],
                day,
                company.tdkt_proposal_signer_position,
                company.tdkt_proposal_signer_id,
                "- Như trên;\n- Lưu: VT, TĐKT.",
            ),
            "proposal": {
                "body": body,
                "addressee": addressee or "",
                "summary": summary[:1].lower() + summary[1:],
                "year": year,
                "legal_bases": _lines(legal_basis),
                "review": review,
                "grant": grant,
                "individual_count": len(individuals),
                "collective_count": len(collectives),
                "titles": title_rows,
                "result": result_text,
                "date_text": date_words(day),
                "individuals": individuals,
                "collectives": collectives,
            },
        }

    @api.model
    def _prepare_achievement_context(self, line):
        """The achievement report of a registration line: the person or the unit, the
        achievements the unit wrote on the line, and the award history."""
        org = self._prepare_org(line.company_id)
        unit = line.unit_id
        individual = line.subject_type == "individual"
        if individual:
            employee = line.employee_id
            residence = ", ".join(
                part
                for part in (
                    employee.private_street,
                    employee.private_city,
                    employee.private_state_id.name,
                )
                if part
            )
            profile = [
                ("Họ và tên", employee.name),
                (
                    "Sinh ngày, tháng, năm",
                    employee.birthday and employee.birthday.strftime("%d/%m/%Y"),
                ),
                ("Giới tính", GENDERS.get(employee.gender)),
                ("Quê quán", employee.place_of_birth),
                ("Trú quán", residence),
                ("Đơn vị công tác", employee.department_id.name or unit.name),
                ("Chức vụ (Đảng, chính quyền, đoàn thể)", employee.job_title),
                (
                    "Trình độ chuyên môn, nghiệp vụ",
                    " ".join(
                        part
                        for part in (
                            CERTIFICATES.get(employee.certificate),
                            employee.study_field,
                        )
                        if part
                    ),
                ),
                ("Học hàm, học vị, danh hiệu, giải thưởng", ""),
            ]
            awards_domain = [
                ("subject_type", "=", "individual"),
                ("employee_id", "=", employee.id),
            ]
            parent_head = unit.manager_id
            confirm_title = "Thủ trưởng đơn vị xác nhận, đề nghị"
            signer_title, signer = "Người báo cáo thành tích", employee
        else:
            members = self.env["hr.employee"].search_count(
                [("department_id", "child_of", unit.id)]
            )
            profile = [
                ("Tên tập thể", unit.name),
                ("Đơn vị cấp trên", unit.parent_id.name or org["issuing_body"]),
                ("Thủ trưởng đơn vị", unit.manager_id.name),
                ("Tổng số cán bộ, công chức, viên chức, người lao động", str(members)),
            ]
            awards_domain = [
                ("subject_type", "=", "collective"),
                ("unit_id", "=", unit.id),
            ]
            parent_head = unit.parent_id.manager_id
            confirm_title = "Thủ trưởng đơn vị cấp trên trực tiếp xác nhận, đề nghị"
            signer_title, signer = "Thủ trưởng đơn vị", unit.manager_id
        awards = (
            self.env["tdkt.award"]
            .search(awards_domain + [("company_id", "=", line.company_id.id)])
            .sorted(lambda award: (award.year, award.title_sequence, award.id))
        )

        def history(kind):
            return [
                {
                    "year": award.year,
                    "name": award.title_id.name or "",
                    "decision": ", ".join(
                        part
                        for part in (
                            f"Quyết định số {award.decision_number}",
                            award.decision_date
                            and award.decision_date.strftime("ngày %d/%m/%Y"),
                            award.decision_authority
                            and f"của {award.decision_authority}",
                        )
                        if part
                    ),
                }
                for award in awards
                if award.title_kind == kind
            ]

        title = line.title_id
        proposed = (
            f"công nhận danh hiệu {title.name}"
            if title.kind == "title"
            else f"tặng {title.name}"
        )
        return {
            "org": org,
            "doc": self._prepare_doc("", org["place"], False, signer_title, signer, ""),
            "achievement": {
                "unit": unit.name or "",
                "proposed": proposed,
                "year": line.year,
                "section_one": "SƠ LƯỢC LÝ LỊCH"
                if individual
                else "ĐẶC ĐIỂM, TÌNH HÌNH",
                "profile": [
                    {"label": label, "value": value or ""} for label, value in profile
                ],
                "achievements": rich_paragraphs(line.achievements),
                "titles": history("title"),
                "forms": history("commendation"),
                "confirm_title": confirm_title,
                "confirm_name": parent_head.name or "",
            },
        }

    # ------------------------------------------------------------
    # THE PROPOSAL DOSSIER
    # ------------------------------------------------------------

    @api.model
    def _get_dossier_lines(self, proposal):
        """The nominees in the order of the dossier: persons, then collectives, by unit."""
        return proposal.line_ids.sorted(
            lambda line: (
                line.subject_type != "individual",
                line.unit_id.name or "",
                line.subject_name or "",
                line.id,
            )
        )

    @api.model
    def _prepare_dossier_proposal_context(self, proposal):
        """The tờ trình of a proposal dossier to the higher body: its nominees, and the
        council's votes on the registered titles they come from."""
        values = self._prepare_proposal_values(
            proposal.company_id,
            [
                (line, line.registration_line_id)
                for line in self._get_dossier_lines(proposal)
            ],
            year=proposal.year,
            addressee=proposal.recipient,
            legal_basis=proposal.legal_basis,
            number=proposal.name,
            day=proposal.date_sent,
            summary="",
        )
        # The department proposes to the province: its own name, not its Office's.
        values["proposal"]["body"] = values["org"]["issuing_body"]
        values["doc"].update(self._get_dossier_signer(proposal))
        return values

    @api.model
    def _get_dossier_signer(self, proposal):
        """Who signs the dossier's papers: its own signer, else the settings' one."""
        company = proposal.company_id
        signer = proposal.signer_id or company.tdkt_proposal_signer_id
        return {
            "signer_title": proposal.signer_position
            or company.tdkt_proposal_signer_position
            or "",
            "signer_name": signer.name or "",
        }

    @api.model
    def _prepare_dossier_list(self, proposal, title, detail_header, rows):
        org = self._prepare_org(proposal.company_id)
        summary = f"Năm {proposal.year}"
        if proposal.name:
            summary = (
                f"(Kèm theo Tờ trình số {proposal.name} của {org['issuing_body']})"
            )
        return {
            "org": org,
            "doc": self._prepare_doc(
                proposal.name,
                org["place"],
                proposal.date_sent,
                "",
                self.env["hr.employee"],
                "",
            )
            | self._get_dossier_signer(proposal),
            "dossier": {
                "title": title,
                "summary": summary,
                "detail_header": detail_header,
                "rows": [
                    {"number": number, **row} for number, row in enumerate(rows, 1)
                ],
                "empty": "Không có.",
            },
        }

    @api.model
    def _get_nominee_unit(self, line):
        """The unit column of a nominee: the person's unit, or the collective's parent."""
        if line.subject_type == "individual":
            return line.unit_id.name or ""
        return line.unit_id.parent_id.name or ""

    @api.model
    def _prepare_dossier_nominees_context(self, proposal):
        """The list of the nominees (danh sách đề nghị): the title proposed for each, and
        the council's result or the reason the Office proposes it."""
        rows = []
        for line in self._get_dossier_lines(proposal):
            result = line.registration_line_id
            if result and result.vote_member_count:
                share = f"{result.vote_share:.2f}".replace(".", ",")
                note = (
                    f"{result.vote_agree_count}/{result.vote_member_count} ({share}%)"
                )
            else:
                note = (line.reason or "").strip()
            rows.append(
                {
                    "name": line.subject_name or "",
                    "unit": self._get_nominee_unit(line),
                    "detail": line.title_id.name or "",
                    "note": note,
                }
            )
        return self._prepare_dossier_list(
            proposal,
            f"Danh sách đề nghị khen thưởng năm {proposal.year}",
            "Danh hiệu, hình thức đề nghị",
            rows,
        )

    @api.model
    def _prepare_dossier_achievement_context(self, line):
        """The achievement report of a nominee of a dossier, as of a registration line."""
        return self._prepare_achievement_context(line)

    @api.model
    def _prepare_dossier_certifications_context(self, proposal):
        """The certifications the nominees' titles need (danh sách chứng nhận): the
        initiatives recognized and the ratings of excellent completion of duties the
        addon records, and the papers the Office uploaded for them."""
        rows = []
        for line in self._get_dossier_lines(proposal):
            proofs = line._get_proofs()
            name, unit = line.subject_name or "", self._get_nominee_unit(line)
            for proof_kind in ("initiative", "rating"):
                for record in proofs.get(proof_kind) or []:
                    if record._name == "tdkt.proposal.document":
                        detail, note = record.name, "Bản chụp kèm theo hồ sơ"
                    elif record._name == "tdkt.initiative":
                        detail = f"Sáng kiến “{record.name}”"
                        note = ", ".join(
                            part
                            for part in (
                                record.recognition_decision
                                and f"Quyết định công nhận số {record.recognition_decision}",
                                record.date_recognition
                                and record.date_recognition.strftime("ngày %d/%m/%Y"),
                            )
                            if part
                        )
                    else:
                        detail = f"Hoàn thành xuất sắc nhiệm vụ năm {record.year}"
                        note = "Kết quả đánh giá, xếp loại"
                    rows.append(
                        {"name": name, "unit": unit, "detail": detail, "note": note}
                    )
        return self._prepare_dossier_list(
            proposal,
            "Danh sách sáng kiến và kết quả xếp loại kèm theo hồ sơ",
            "Sáng kiến, kết quả xếp loại",
            rows,
        )

    @api.model
    def _prepare_dossier_discipline_context(self, proposal):
        """The company's disciplinary measures of the year (danh sách kỷ luật), of its
        people and of its units, as the assessments record them."""
        domain = [
            ("company_id", "=", proposal.company_id.id),
            ("year", "=", proposal.year),
            ("discipline", "!=", False),
        ]
        people = self.env["tdkt.assessment"].search(domain)
        units = self.env["tdkt.unit.assessment"].search(domain)
        measures = dict(
            self.env["tdkt.assessment"]
            ._fields["discipline"]
            ._description_selection(self.env)
        )
        rows = [
            {
                "name": assessment.employee_id.name or "",
                "unit": assessment.department_id.name or "",
                "detail": measures.get(assessment.discipline, ""),
                "note": assessment.discipline_reference or "",
            }
            for assessment in people.sorted(
                lambda a: (a.department_id.name or "", a.employee_id.name or "")
            )
        ] + [
            {
                "name": assessment.unit_id.name or "",
                "unit": assessment.unit_id.parent_id.name or "",
                "detail": measures.get(assessment.discipline, ""),
                "note": assessment.discipline_reference or "",
            }
            for assessment in units.sorted(lambda a: a.unit_id.name or "")
        ]
        return self._prepare_dossier_list(
            proposal,
            f"Danh sách cá nhân, tập thể bị kỷ luật năm {proposal.year}",
            "Hình thức kỷ luật",
            rows,
        )

    @api.model
    def _get_dossier_files(self, proposal, minutes_format=None):
        """The files of the dossier (``lib.dossier.DossierFile``), each rendered as the
        user could print it alone: the Word files the higher body may correct, the
        council's minutes in PDF (Word when LibreOffice is missing), the uploaded papers
        as they are."""
        files = [
            DossierFile(
                "proposal",
                proposal.name or "",
                "docx",
                self.render("dossier_proposal", proposal, "docx")[0],
            ),
            DossierFile(
                "nominees",
                "",
                "docx",
                self.render("dossier_nominees", proposal, "docx")[0],
            ),
        ]
        for line in self._get_dossier_lines(proposal):
            files.append(
                DossierFile(
                    "achievement",
                    line.subject_name or "",
                    "docx",
                    self.render("dossier_achievement", line, "docx")[0],
                )
            )
        minutes_format = minutes_format or ("pdf" if find_converter() else "docx")
        sessions = proposal.line_ids.registration_line_id.vote_session_id.filtered(
            lambda session: session.state == "closed"
        )
        for session in sessions.sorted(lambda session: (session.date, session.id)):
            files.append(
                DossierFile(
                    "minutes",
                    session.minutes_number or "",
                    minutes_format,
                    self.render("council_minutes", session, minutes_format)[0],
                )
            )
        files += [
            DossierFile(
                "certifications",
                "",
                "docx",
                self.render("dossier_certifications", proposal, "docx")[0],
            ),
            DossierFile(
                "discipline",
                "",
                "docx",
                self.render("dossier_discipline", proposal, "docx")[0],
            ),
        ]
        for document in proposal.document_ids.sorted(
            lambda doc: (doc.sequence, doc.id)
        ):
            detail = document.name
            if document.line_id:
                detail = f"{detail} {document.line_id.subject_name or ''}"
            files.append(
                DossierFile(
                    "attachment",
                    detail,
                    document._get_extension(),
                    document._get_content(),
                )
            )
        return files

    @api.model
    def _render_dossier(self, proposal):
        """The whole dossier as one ZIP: (content, file name, mimetype).

        Whoever may read the dossier (``_check_printable``: its Office, and the body it is
        sent to) reads it whole, as its Office made it: its parts (the council's minutes,
        the unit's discipline list…) are rendered as the superuser, from the sending
        company's data."""
        content, _names = build_dossier_zip(
            self.sudo()._get_dossier_files(proposal.sudo())
        )
        name = slug(f"Ho so de nghi {proposal.name or proposal.year}")
        return content, f"{name}.zip", DOSSIER_FORMATS["zip"]

    @api.model
    def _prepare_report_half_year_context(self, plan):
        return self._prepare_report_context(plan, "half_year")

    @api.model
    def _prepare_report_year_context(self, plan):
        return self._prepare_report_context(plan, "year")

    @api.model
    def _prepare_report_context(self, plan, period):
        """The 6-month or year-end report of the plan's year: the company's movements,
        the plan's tasks, awards, dossiers to higher bodies, initiatives and decisions of
        the period, read in one search each and counted by lib.year_report."""
        org = self._prepare_org(plan.company_id)
        first, last = reporting_period(plan.year, period)
        return {
            "org": org,
            "doc": self._prepare_doc(
                "",
                plan.place_issue or org["place"],
                False,
                plan.signer_position,
                plan.signer_id,
                "- Hội đồng Thi đua - Khen thưởng cấp trên;\n- Lưu: VT, TĐKT.",
            ),
            "report": report_values(
                plan.year,
                period,
                plan_number=plan.number,
                plan_date_text=date_words(plan.date_issue),
                **self._get_report_records(plan, first, last),
            ),
        }

    @api.model
    def _get_report_records(self, plan, first, last):
        """The records of the reports of ``plan``'s company from ``first`` to ``last``,
        as the plain values lib.year_report counts."""
        company = plan.company_id
        year = plan.year
        in_company = [("company_id", "=", company.id)]

        def between(field, undated_year=False):
            """``field`` in the period; or, with ``undated_year``, no date and the
            reporting year (what was entered from paper)."""
            domain = [(field, ">=", first), (field, "<=", last)]
            if undated_year:
                domain = [
                    "|",
                    "&",
                    *domain,
                    "&",
                    (field, "=", False),
                    ("year", "=", year),
                ]
            return domain

        movements = [
            {
                "name": movement.name,
                "method": movement.method,
                "decision_number": movement.decision_number,
                "decision_date": movement.decision_date,
                "date_start": movement.date_start,
            }
            # a draft movement is not launched yet
            for movement in self.env["tdkt.movement"].search_fetch(
                in_company + [("state", "in", ("launched", "closed"))],
                ["name", "method", "decision_number", "decision_date", "date_start"],
            )
        ]
        tasks = [
            {"quarter": task.quarter, "state": task.state, "date_done": task.date_done}
            for task in plan.task_ids
        ]
        awards = self.env["tdkt.award"].search_fetch(
            in_company + between("decision_date", undated_year=True),
            ["title_id", "subject_type", "award_kind", "decision_date", "year"],
        )
        authorities = {}
        for award_year in set(awards.mapped("year")):
            titles = awards.filtered(lambda a, y=award_year: a.year == y).title_id
            for title, level in titles._get_authority_levels(award_year).items():
                authorities[title, award_year] = level
        proposed = self.env["tdkt.proposal.line"].search_fetch(
            [
                ("proposal_id.company_id", "=", company.id),
                ("proposal_id.date_sent", ">=", first),
                ("proposal_id.date_sent", "<=", last),
            ],
            ["proposal_id", "title_id", "subject_type"],
        )
        initiatives = self.env["tdkt.initiative"].search_fetch(
            in_company
            + [("state", "=", "recognized")]
            + between("date_recognition", undated_year=True),
            ["scope", "date_recognition", "year"],
        )
        decisions = self.env["tdkt.decision"].search_fetch(
            in_company + [("state", "=", "signed")] + between("date_decision"),
            ["name", "date_decision", "summary", "line_ids"],
        )
        return {
            "movements": movements,
            "tasks": tasks,
            "awards": [
                {
                    "title": award.title_id.name,
                    "title_sequence": award.title_id.sequence,
                    "subject_type": award.subject_type,
                    "authority": authorities[award.title_id, award.year],
                    "award_kind": award.award_kind,
                    "decision_date": award.decision_date,
                    "year": award.year,
                }
                for award in awards
            ],
            "proposed": [
                {
                    "title": line.title_id.name,
                    "title_sequence": line.title_id.sequence,
                    "subject_type": line.subject_type,
                    "authority": line.proposal_id.authority_level,
                    "date_sent": line.proposal_id.date_sent,
                }
                for line in proposed
            ],
            "initiatives": [
                {
                    "scope": initiative.scope,
                    "date_recognition": initiative.date_recognition,
                    "year": initiative.year,
                }
                for initiative in initiatives
            ],
            "decisions": [
                {
                    "number": decision.name,
                    "date": decision.date_decision,
                    "summary": (decision.summary or "")[:1].lower()
                    + (decision.summary or "")[1:],
                    "collectives": len(
                        decision.line_ids.filtered(
                            lambda line: line.subject_type == "collective"
                        )
                    ),
                    "individuals": len(
                        decision.line_ids.filtered(
                            lambda line: line.subject_type == "individual"
                        )
                    ),
                }
                for decision in decisions
            ],
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
        Office's, as the turnout is (``_check_council_minutes_printable``)."""
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
            line = item._get_nominee()
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
                    "unit": item.sudo().unit_id.name or "",
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
