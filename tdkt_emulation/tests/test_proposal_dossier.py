import base64
import io
import zipfile
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged

from ..lib.docx_render import find_converter
from .common import RpcMixin, TdktCommon
from .document_common import norm, pdf_text, read_docx


@tagged("post_install", "-at_install")
class TestProposalDossier(TdktCommon):
    """Unit A's Excellent Labour Collective passed by the council goes up to the province
    with a person of unit B the Office adds for the provincial Emulation Fighter, whose
    rule needs an initiative recognized at the provincial scope: the dossier's checklist,
    its documents in one ZIP, its return and its second sending, its deadline."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._pass_a_person_and_a_collective()
        cls.title_cstd_province = cls.env.ref("tdkt_emulation.title_cstd_province")
        cls.employee_b.name = "Nguyễn Văn Bình"
        cls.env["tdkt.unit.assessment"].create(
            {"unit_id": cls.unit_a.id, "year": 2030, "rating": "excellent"}
        )
        # A person of unit A disciplined in 2030: the unit's discipline list names him.
        cls.env["tdkt.assessment"].create(
            {
                "employee_id": cls.employee_head_a.id,
                "year": 2030,
                "rating": "complete",
                "discipline": "reprimand",
                "discipline_reference": "15/QĐ-SNV",
            }
        )

    def _proposal(self, **vals):
        proposal = (
            self.env["tdkt.proposal"]
            .with_user(self.officer)
            .create(
                {
                    "name": "30/TTr-SNV",
                    "year": 2030,
                    "recipient": "Hội đồng Thi đua - Khen thưởng tỉnh",
                    **vals,
                }
            )
        )
        return proposal

    def _dossier_with_two_nominees(self):
        proposal = self._proposal()
        proposal.action_create_from_results()
        proposal.line_ids.achievements = (
            "Tập thể hoàn thành xuất sắc nhiệm vụ năm 2030."
        )
        proposal.line_ids = [
            (
                0,
                0,
                {
                    "employee_id": self.employee_b.id,
                    "title_id": self.title_cstd_province.id,
                    "reason": "Ba năm liền Chiến sĩ thi đua cơ sở",
                    "achievements": "Chủ trì sáng kiến số hóa hồ sơ một cửa.",
                },
            )
        ]
        return proposal, proposal.line_ids.filtered("employee_id")

    def _upload(
        self, proposal, line, kind, name, content=b"%PDF-1.4 scan", filename="scan.pdf"
    ):
        return (
            self.env["tdkt.proposal.document"]
            .with_user(self.officer)
            .create(
                {
                    "proposal_id": proposal.id,
                    "line_id": line.id if line else False,
                    "kind": kind,
                    "name": name,
                    "file": base64.b64encode(content),
                    "filename": filename,
                }
            )
        )

    def test_a_missing_certification_refuses_the_dossier_with_its_checklist(self):
        proposal, person = self._dossier_with_two_nominees()
        self.assertIn("initiative", person._get_proof_rules())
        with self.assertRaises(UserError) as refused:
            proposal.action_send()
        message = str(refused.exception)
        self.assertIn(self.employee_b.name, message)
        self.assertIn("initiative", message)
        # The collective is complete: only the person is listed.
        self.assertNotIn("Unit A", message)
        self.assertEqual(proposal.state, "draft")
        # An initiative of the person recognized at the unit's scope does not count for a
        # provincial title; one recognized at the provincial scope does.
        initiative = self.env["tdkt.initiative"].create(
            {
                "name": "Số hóa hồ sơ một cửa",
                "unit_id": self.unit_b.id,
                "year": 2029,
                "solution": "Scan",
                "author_ids": [(0, 0, {"employee_id": self.employee_b.id})],
            }
        )
        initiative.write(
            {
                "state": "recognized",
                "scope": "grassroots",
                "recognition_decision": "12/QĐ-SNV",
            }
        )
        self.assertIn("initiative", "\n".join(person._get_missing()))
        initiative.scope = "provincial"
        self.assertFalse(person._get_missing())
        proposal.action_send()
        self.assertEqual(proposal.state, "sent")

    def test_an_uploaded_decision_completes_the_checklist(self):
        proposal, person = self._dossier_with_two_nominees()
        self.assertIn("initiative", person.missing)
        self._upload(
            proposal, person, "initiative", "Quyết định công nhận sáng kiến 45/QĐ-UBND"
        )
        self.assertFalse(person.missing)
        with self.assertRaises(ValidationError):
            self._upload(self._proposal(name="31/TTr-SNV"), person, "other", "x")

    def test_the_zip_reads_back(self):
        proposal, person = self._dossier_with_two_nominees()
        self._upload(
            proposal,
            person,
            "initiative",
            "Quyết định công nhận sáng kiến",
            content=b"%PDF-1.4 initiative",
        )
        proposal.write(
            {
                "signer_id": self.employee_head_a.id,
                "signer_position": "Giám đốc",
                "legal_basis": "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;",
            }
        )
        action = proposal.action_download_dossier()
        self.assertEqual(
            action["url"], f"/tdkt/document/dossier/{proposal.id}?format=zip"
        )
        content, filename, mimetype = (
            self.env["tdkt.document"]
            .with_user(self.officer)
            .render("dossier", proposal, "zip")
        )
        self.assertEqual(filename, "Ho-so-de-nghi-30-TTr-SNV.zip")
        self.assertEqual(mimetype, "application/zip")
        archive = zipfile.ZipFile(io.BytesIO(content))
        minutes_ext = "pdf" if find_converter() else "docx"
        self.assertEqual(
            archive.namelist(),
            [
                "01-To-trinh-30-TTr-SNV.docx",
                "02-Danh-sach-de-nghi.docx",
                "03-Bao-cao-thanh-tich-Nguyen-Van-Binh.docx",
                "04-Bao-cao-thanh-tich-Unit-A.docx",
                f"05-Bien-ban-hop-Hoi-dong.{minutes_ext}",
                "06-Danh-sach-chung-nhan.docx",
                "07-Danh-sach-ky-luat.docx",
                "08-Quyet-dinh-cong-nhan-sang-kien-Nguyen-Van-Binh.pdf",
            ],
        )
        _doc, paragraphs, tables = read_docx(archive.read(archive.namelist()[0]))
        cells = [cell for table in tables for row in table for cell in row]
        text = norm(" ".join(paragraphs + cells))
        self.assertIn("30/TTr-SNV", text)
        self.assertIn("Hội đồng Thi đua - Khen thưởng tỉnh", text)
        self.assertIn("Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;", text)
        self.assertIn("GIÁM ĐỐC", text)
        self.assertIn(self.employee_head_a.name, text)
        _doc, paragraphs, tables = read_docx(archive.read("02-Danh-sach-de-nghi.docx"))
        rows = [row for table in tables for row in table]
        self.assertIn(
            [
                "1",
                self.employee_b.name,
                "Unit B",
                "Chiến sĩ thi đua cấp tỉnh",
                "Ba năm liền Chiến sĩ thi đua cơ sở",
            ],
            rows,
        )
        self.assertIn("Unit A", [row[1] for row in rows])
        _doc, paragraphs, _tables = read_docx(archive.read(archive.namelist()[2]))
        self.assertIn(
            "Chủ trì sáng kiến số hóa hồ sơ một cửa.", norm(" ".join(paragraphs))
        )
        _doc, _paragraphs, tables = read_docx(
            archive.read("06-Danh-sach-chung-nhan.docx")
        )
        rows = [row for table in tables for row in table]
        self.assertIn(
            [
                "1",
                self.employee_b.name,
                "Unit B",
                "Quyết định công nhận sáng kiến",
                "Bản chụp kèm theo hồ sơ",
            ],
            rows,
        )
        _doc, _paragraphs, tables = read_docx(archive.read("07-Danh-sach-ky-luat.docx"))
        rows = [row for table in tables for row in table]
        self.assertIn(
            ["1", self.employee_head_a.name, "Unit A", "Khiển trách", "15/QĐ-SNV"], rows
        )
        minutes = archive.read(f"05-Bien-ban-hop-Hoi-dong.{minutes_ext}")
        if minutes_ext == "pdf":
            text = norm(pdf_text(minutes))
        else:
            text = norm(" ".join(read_docx(minutes)[1]))
        self.assertIn("BIÊN BẢN", text)
        self.assertIn("Tập thể lao động xuất sắc", text)
        self.assertEqual(archive.read(archive.namelist()[-1]), b"%PDF-1.4 initiative")

    def test_the_proposal_and_the_list_print_alone(self):
        proposal, _person = self._dossier_with_two_nominees()
        Document = self.env["tdkt.document"].with_user(self.officer)
        action = Document.action_print("dossier_nominees", proposal, "docx")
        self.assertEqual(
            action["url"],
            f"/tdkt/document/dossier_nominees/{proposal.id}?format=docx",
        )
        _content, filename, _mimetype = Document.render(
            "dossier_nominees", proposal, "docx"
        )
        self.assertEqual(filename, "Danh sách đề nghị 30-TTr-SNV.docx")
        if not find_converter():
            return
        content, filename, _mimetype = Document.render(
            "dossier_proposal", proposal, "pdf"
        )
        self.assertEqual(filename, "Tờ trình 30-TTr-SNV.pdf")
        text = norm(pdf_text(content))
        self.assertIn("TỜ TRÌNH", text)
        self.assertIn("Số: 30/TTr-SNV", text)
        self.assertIn("Chiến sĩ thi đua cấp tỉnh", text)

    def test_only_the_office_downloads_the_dossier(self):
        proposal, _person = self._dossier_with_two_nominees()
        with self.assertRaises(Exception) as refused:
            self.env["tdkt.document"].with_user(self.head_a).render(
                "dossier", proposal.with_user(self.head_a), "zip"
            )
        self.assertEqual(type(refused.exception).__name__, "AccessError")
        with self.assertRaises(UserError):
            self.env["tdkt.document"].with_user(self.officer).render(
                "dossier", proposal, "docx"
            )

    def test_a_returned_dossier_is_completed_and_sent_again(self):
        proposal, person = self._dossier_with_two_nominees()
        initiative_scan = self._upload(
            proposal, person, "initiative", "Quyết định công nhận sáng kiến"
        )
        proposal.action_send()
        # The province finds the scan illegible: the dossier comes back.
        self.env["tdkt.proposal.return"].with_user(self.officer).with_context(
            active_ids=proposal.ids
        ).create(
            {"reason": "Bản chụp quyết định công nhận sáng kiến không rõ"}
        ).action_confirm()
        self.assertEqual(proposal.state, "returned")
        initiative_scan.unlink()
        with self.assertRaises(UserError) as refused:
            proposal.action_send()
        self.assertIn(self.employee_b.name, str(refused.exception))
        self.assertEqual(proposal.state, "returned")
        self._upload(
            proposal,
            person,
            "initiative",
            "Quyết định công nhận sáng kiến (bản rõ)",
            filename="scan2.pdf",
        )
        proposal.action_send()
        self.assertEqual(proposal.state, "sent")
        # Nothing is uploaded or removed while the dossier is with the province.
        with self.assertRaises(UserError):
            self._upload(proposal, person, "other", "Late paper")
        with self.assertRaises(UserError):
            proposal.document_ids.with_user(self.officer).unlink()
        history = [
            norm(message.body)
            for message in proposal.message_ids.sorted("id")
            if message.body
        ]
        steps = [
            body
            for body in history
            if body.startswith(("Sent to", "Returned for completion", "Document"))
        ]
        self.assertEqual(
            steps,
            [
                "Document added to the dossier: Quyết định công nhận sáng kiến "
                "(Nguyễn Văn Bình)",
                "Sent to Hội đồng Thi đua - Khen thưởng tỉnh with 2 nominee(s).",
                "Returned for completion: Bản chụp quyết định công nhận sáng kiến "
                "không rõ",
                "Document removed from the dossier: Quyết định công nhận sáng kiến "
                "(Nguyễn Văn Bình)",
                "Document added to the dossier: Quyết định công nhận sáng kiến "
                "(bản rõ) (Nguyễn Văn Bình)",
                "Sent to Hội đồng Thi đua - Khen thưởng tỉnh with 2 nominee(s).",
            ],
        )


@tagged("post_install", "-at_install")
class TestProposalDeadline(TdktCommon):
    """Year-end dossiers are due by the company's day and month; thematic ones some days
    before their event. The Office is reminded of a dossier not yet sent; sending it
    removes the reminder."""

    def _activities(self, proposal):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "tdkt.proposal"),
                ("res_id", "=", proposal.id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("tdkt_emulation.mail_act_tdkt_proposal_reminder").id,
                ),
            ]
        )

    def test_deadlines_follow_the_settings(self):
        Proposal = self.env["tdkt.proposal"].with_user(self.officer)
        year_end = Proposal.create({"year": 2030})
        self.assertEqual(year_end.date_deadline, date(2030, 12, 10))
        thematic = Proposal.create(
            {
                "year": 2030,
                "proposal_kind": "thematic",
                "date_event": date(2030, 9, 2),
            }
        )
        self.assertEqual(thematic.date_deadline, date(2030, 8, 3))
        self.company.write(
            {
                "tdkt_proposal_deadline_day": 30,
                "tdkt_proposal_deadline_month": 11,
                "tdkt_thematic_proposal_days": 15,
            }
        )
        self.assertEqual(year_end.date_deadline, date(2030, 11, 30))
        self.assertEqual(thematic.date_deadline, date(2030, 8, 18))
        with self.assertRaises(ValidationError):
            self.company.tdkt_proposal_deadline_day = 31
        settings = (
            self.env["tdkt.config.settings"]
            .with_user(self.manager)
            .create(
                {"tdkt_proposal_deadline_day": 5, "tdkt_proposal_deadline_month": 12}
            )
        )
        settings.execute()
        self.assertEqual(year_end.date_deadline, date(2030, 12, 5))

    def test_the_office_is_reminded_until_the_dossier_is_sent(self):
        self._pass_a_person_and_a_collective()
        self.env["tdkt.unit.assessment"].create(
            {"unit_id": self.unit_a.id, "year": 2030, "rating": "excellent"}
        )
        Proposal = self.env["tdkt.proposal"]
        with freeze_time("2030-11-20"):
            proposal = Proposal.with_user(self.officer).create(
                {"name": "30/TTr-SNV", "year": 2030}
            )
            proposal.action_create_from_results()
            proposal.line_ids.achievements = "Hoàn thành xuất sắc nhiệm vụ."
            self.assertEqual(proposal.date_next_reminder, date(2030, 12, 3))
            Proposal._process_deadline_reminders()
            self.assertFalse(self._activities(proposal))
        with freeze_time("2030-12-03"):
            Proposal._process_deadline_reminders()
            activity = self._activities(proposal)
            self.assertEqual(activity.user_id, self.officer)
            self.assertEqual(activity.date_deadline, date(2030, 12, 10))
            self.assertIn("30/TTr-SNV", norm(activity.note))
            # Not twice for the same stage.
            Proposal._process_deadline_reminders()
            self.assertEqual(len(self._activities(proposal)), 1)
        with freeze_time("2030-12-09"):
            Proposal._process_deadline_reminders()
            self.assertEqual(len(self._activities(proposal)), 1)
            self.assertIn("1 day", norm(self._activities(proposal).note))
            proposal.with_user(self.officer).action_send()
            self.assertFalse(self._activities(proposal))
            Proposal._process_deadline_reminders()
            self.assertFalse(self._activities(proposal))

    def test_without_a_responsible_every_officer_is_reminded(self):
        with freeze_time("2030-12-09"):
            proposal = (
                self.env["tdkt.proposal"]
                .with_user(self.officer)
                .create({"year": 2030, "user_id": False})
            )
            self.env["tdkt.proposal"]._process_deadline_reminders()
            users = self._activities(proposal).user_id
            self.assertIn(self.officer, users)
            self.assertIn(self.manager, users)
            self.assertNotIn(self.head_a, users)


@tagged("post_install", "-at_install")
class TestProposalDossierRoute(RpcMixin, HttpCase, TdktCommon):
    """The dossier downloads through the addon's one document route: a ZIP for the
    Office, nothing for a unit's head; another format than zip is refused."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.proposal = (
            cls.env["tdkt.proposal"]
            .with_user(cls.officer)
            .create(
                {
                    "name": "31/TTr-SNV",
                    "year": 2030,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "employee_id": cls.employee_b.id,
                                "title_id": cls.env.ref(
                                    "tdkt_emulation.title_merit_province"
                                ).id,
                                "reason": "Thành tích đột xuất",
                                "achievements": "Cứu người trong lũ.",
                            },
                        )
                    ],
                }
            )
        )

    def test_the_office_downloads_the_zip(self):
        self.authenticate("tdkt_officer", "tdkt_officer")
        response = self.url_open(f"/tdkt/document/dossier/{self.proposal.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/zip")
        self.assertIn(
            "Ho-so-de-nghi-31-TTr-SNV.zip", response.headers["Content-Disposition"]
        )
        names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
        self.assertEqual(names[0], "01-To-trinh-31-TTr-SNV.docx")
        self.assertIn("03-Bao-cao-thanh-tich-Tdkt-User-B.docx", names)
        # No council passed the nominee: no minutes.
        self.assertFalse([name for name in names if "Bien-ban" in name])
        response = self.url_open(
            f"/tdkt/document/dossier/{self.proposal.id}?format=docx"
        )
        self.assertNotEqual(response.status_code, 200)

    def test_the_button_gives_the_zip(self):
        """The form's button, as the web client calls it, then the URL it answers."""
        self.authenticate("tdkt_officer", "tdkt_officer")
        action = self.assertAnswered(
            self._web(
                "/web/dataset/call_kw/tdkt.proposal/action_download_dossier",
                {
                    "model": "tdkt.proposal",
                    "method": "action_download_dossier",
                    "args": [self.proposal.ids],
                    "kwargs": {},
                },
            )
        )
        self.assertEqual(action["type"], "ir.actions.act_url")
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            zipfile.ZipFile(io.BytesIO(response.content)).namelist()[1],
            "02-Danh-sach-de-nghi.docx",
        )
        self.authenticate("tdkt_head_a", "tdkt_head_a")
        self.assertRefused(
            self._web(
                "/web/dataset/call_kw/tdkt.proposal/action_download_dossier",
                {
                    "model": "tdkt.proposal",
                    "method": "action_download_dossier",
                    "args": [self.proposal.ids],
                    "kwargs": {},
                },
            )
        )

    def test_a_unit_head_gets_nothing(self):
        self.authenticate("tdkt_head_a", "tdkt_head_a")
        with self.assertLogs("odoo.http", level="WARNING"):
            response = self.url_open(f"/tdkt/document/dossier/{self.proposal.id}")
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"PK", response.content[:2])


@tagged("post_install", "-at_install")
class TestProposalReturnedReminder(TdktCommon):
    """A dossier returned for completion before its deadline is the Office's again: it is
    reminded on the next reminder day, until it is sent again."""

    def test_a_returned_dossier_is_reminded_again(self):
        Proposal = self.env["tdkt.proposal"]
        activity_type = self.env.ref("tdkt_emulation.mail_act_tdkt_proposal_reminder")

        def reminders():
            return self.env["mail.activity"].search(
                [
                    ("res_model", "=", "tdkt.proposal"),
                    ("res_id", "=", proposal.id),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )

        with freeze_time("2030-12-03"):
            proposal = Proposal.with_user(self.officer).create(
                {
                    "name": "32/TTr-SNV",
                    "year": 2030,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "employee_id": self.employee_b.id,
                                "title_id": self.env.ref(
                                    "tdkt_emulation.title_merit_province"
                                ).id,
                                "reason": "Thành tích đột xuất",
                                "achievements": "Cứu người trong lũ.",
                            },
                        )
                    ],
                }
            )
            Proposal._process_deadline_reminders()
            self.assertTrue(reminders())
        with freeze_time("2030-12-05"):
            proposal.with_user(self.officer).action_send()
            self.assertFalse(reminders())
            self.env["tdkt.proposal.return"].with_user(self.officer).with_context(
                active_ids=proposal.ids
            ).create({"reason": "Thiếu bản chụp"}).action_confirm()
            Proposal._process_deadline_reminders()
            self.assertFalse(reminders())
        with freeze_time("2030-12-09"):
            Proposal._process_deadline_reminders()
            self.assertEqual(reminders().user_id, self.officer)
            proposal.with_user(self.officer).action_send()
            self.assertFalse(reminders())
