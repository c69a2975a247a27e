import base64
import io
import logging
import os
import time
from datetime import date
from unittest.mock import patch

import docx

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from ..lib.docx_render import convert_document, find_converter, html_runs
from .common import RpcMixin, TdktCommon
from .test_trust_ballot import server_log

_logger = logging.getLogger(__name__)


def _docx(blocks):
    """A .docx of paragraphs (str) and tables (lists of rows of cell texts; a cell
    holding "\\n" makes several paragraphs)."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=len(block[0]))
        for row, texts in zip(table.rows, block, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                lines = text.split("\n")
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


SMALL_PLAN = [
    "Số: 07/KH-TEST",
    "Hà Nội, ngày 05 tháng 01 năm 2030",
    "KẾ HOẠCH",
    "Thi đua, khen thưởng năm 2030",
    "Căn cứ Luật Thi đua, khen thưởng năm 2022;",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "Động viên mọi người.",
    "II. NỘI DUNG",
    [
        ["TT", "NỘI DUNG", "ĐƠN VỊ THỰC HIỆN"],
        ["QUÝ I", "QUÝ I", "QUÝ I"],
        [
            "1",
            "Phát động thi đua.",
            "- Unit B chủ trì.\n- Ban Tuyên giáo.\n- Đại biểu.",
        ],
        ["QUÝ III", "QUÝ III", "QUÝ III"],
        ["2", "Sơ kết, trước 15/08/2030.", "Phòng XYZ; unit a"],
    ],
    "IV. TỔ CHỨC THỰC HIỆN",
    "Các đơn vị đăng ký trước ngày 20/01/2030.",
]


@tagged("post_install", "-at_install")
class TestPlanImport(TdktCommon):
    """Import from Word: the preview, the choices for unmatched units, the plan created,
    and the round trip of a printed plan."""

    def _wizard(self, content, file_name="plan.docx", user=None):
        Wizard = self.env["tdkt.plan.import"].with_user(user or self.officer)
        return Wizard.create(
            {"file": base64.b64encode(content), "file_name": file_name}
        )

    def _counts(self):
        return [
            self.env[model].search_count([])
            for model in ("tdkt.plan", "tdkt.plan.task", "hr.department")
        ]

    # ------------------------------------------------------------
    # Preview and creation
    # ------------------------------------------------------------

    def test_preview_then_create_with_unit_choices(self):
        before = self._counts()
        wizard = self._wizard(_docx(SMALL_PLAN))
        wizard.action_read()
        # the preview writes nothing but the wizard
        self.assertEqual(self._counts(), before)
        self.assertEqual(wizard.state, "preview")
        self.assertEqual(
            (wizard.number, wizard.year, wizard.date_issue, wizard.place_issue),
            ("07/KH-TEST", 2030, date(2030, 1, 5), "Hà Nội"),
        )
        self.assertEqual(wizard.name, "Kế hoạch thi đua, khen thưởng năm 2030")
        self.assertEqual(wizard.date_registration_deadline, date(2030, 1, 20))
        self.assertEqual(
            [(t.sequence, t.quarter, t.date_deadline) for t in wizard.task_ids],
            [(1, "1", date(2030, 3, 31)), (2, "3", date(2030, 8, 15))],
        )
        first, second = wizard.task_ids
        self.assertEqual(first.lead_unit_id, self.unit_b)
        self.assertFalse(first.participant_unit_ids)
        self.assertEqual(first.unmatched_names, "Ban Tuyên giáo; Đại biểu")
        self.assertEqual(second.lead_unit_id, self.unit_a)  # "unit a": case ignored
        self.assertEqual(second.unmatched_names, "Phòng XYZ")
        self.assertEqual(
            wizard.unit_ids.mapped("name"), ["Ban Tuyên giáo", "Đại biểu", "Phòng XYZ"]
        )
        # the parts the file does not give are listed, in the reader's language
        self.assertEqual(
            wizard.with_context(lang="en_US").missing_text,
            "Requirements, Main Solutions, Signed By",
        )

        create, ignore, xyz = wizard.unit_ids
        create.action = "create"
        xyz.action = "map"
        with self.assertRaisesRegex(UserError, "Phòng XYZ"):
            wizard.action_create_plan()  # mapped to no department yet
        xyz.department_id = self.unit_a1
        self.assertEqual(ignore.action, "ignore")
        # the lead of the second task was "Phòng XYZ", written first
        self.assertEqual(second.lead_unit_id, self.unit_a1)

        # creating a department is the HR officers' right
        with self.assertRaisesRegex(UserError, "You may not create departments"):
            wizard.action_create_plan()
        self.officer.groups_id += self.env.ref("hr.group_hr_user")
        action = wizard.action_create_plan()
        plan = self.env["tdkt.plan"].browse(action["res_id"])
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.number, "07/KH-TEST")
        self.assertEqual(plan.date_registration_deadline, date(2030, 1, 20))
        self.assertEqual(
            [p[0][0] for p in html_runs(plan.legal_basis)],
            ["Căn cứ Luật Thi đua, khen thưởng năm 2022;"],
        )
        created = self.env["hr.department"].search([("name", "=", "Ban Tuyên giáo")])
        self.assertEqual(len(created), 1)
        task1, task2 = plan.task_ids
        self.assertEqual(
            (task1.quarter, task1.date_deadline, task1.lead_unit_id),
            ("1", date(2030, 3, 31), self.unit_b),
        )
        self.assertEqual(task1.participant_unit_ids, created)
        # the column as printed is kept: it names a unit that was ignored
        self.assertEqual(
            task1.units_note, "- Unit B chủ trì.\n- Ban Tuyên giáo.\n- Đại biểu."
        )
        self.assertEqual(
            (task2.quarter, task2.date_deadline, task2.lead_unit_id),
            ("3", date(2030, 8, 15), self.unit_a1),
        )
        self.assertEqual(task2.participant_unit_ids, self.unit_a)

    def test_quarter_changed_in_the_preview_moves_the_deadline(self):
        wizard = self._wizard(_docx(SMALL_PLAN))
        wizard.action_read()
        first, second = wizard.task_ids
        first.quarter = "2"
        second.quarter = "4"
        self.assertEqual(first.date_deadline, date(2030, 6, 30))
        # a deadline written in the file stays
        self.assertEqual(second.date_deadline, date(2030, 8, 15))

    def test_cancel_writes_nothing(self):
        before = self._counts()
        wizard = self._wizard(_docx(SMALL_PLAN))
        wizard.action_read()
        wizard.unit_ids[0].action = "create"
        wizard.action_back()
        self.assertEqual(wizard.state, "upload")
        self.assertFalse(wizard.task_ids)
        # Discard closes the dialog: the wizard is all that was written
        self.assertEqual(self._counts(), before)

    def test_the_button_twice_creates_one_plan(self):
        """A plan without a number (the duplicate check does not see it): the button
        clicked twice, or called twice over RPC, creates it once."""
        blocks = [block for block in SMALL_PLAN if block != "Số: 07/KH-TEST"]
        wizard = self._wizard(_docx(blocks))
        wizard.action_read()
        self.assertFalse(wizard.number)
        before = self.env["tdkt.plan"].search_count([])
        wizard.action_create_plan()
        with self.assertRaisesRegex(UserError, "This import already created"):
            wizard.action_create_plan()
        self.assertEqual(self.env["tdkt.plan"].search_count([]), before + 1)
        # Another import of an unnumbered plan of the same year is no duplicate number.
        again = self._wizard(_docx(blocks))
        again.action_read()
        again.action_create_plan()
        self.assertEqual(self.env["tdkt.plan"].search_count([]), before + 2)

    def test_the_same_plan_twice(self):
        wizard = self._wizard(_docx(SMALL_PLAN))
        wizard.action_read()
        wizard.action_create_plan()
        again = self._wizard(_docx(SMALL_PLAN))
        again.action_read()
        with self.assertRaisesRegex(
            UserError, "already has a plan 07/KH-TEST for 2030"
        ):
            again.action_create_plan()
        again.number = "07b/KH-TEST"
        again.action_create_plan()

    # ------------------------------------------------------------
    # Bad files
    # ------------------------------------------------------------

    def test_corrupt_file(self):
        content = _docx(SMALL_PLAN)[:2000]
        before = self._counts()
        for data, name in (
            (content, "plan.docx"),
            (b"PK\x03\x04", "plan.docx"),
            (b"\x89PNG\r\n\x1a\nxxxx", "photo.png"),
        ):
            wizard = self._wizard(data, name)
            with self.assertRaises(UserError) as error:
                wizard.action_read()
            self.assertIn(name, str(error.exception))
            self.assertEqual(wizard.state, "upload")
        self.assertEqual(self._counts(), before)
        with self.assertRaisesRegex(UserError, "Choose the Word file"):
            self.env["tdkt.plan.import"].with_user(self.officer).create(
                {}
            ).action_read()

    def test_a_docx_that_is_no_plan(self):
        content = _docx(
            [
                "Kính gửi: Văn phòng Sở",
                "Đề nghị báo cáo số liệu.",
                [["Họ tên", "Chức vụ"]],
            ]
        )
        wizard = self._wizard(content, "letter.docx")
        with self.assertRaisesRegex(UserError, "letter.docx holds no plan"):
            wizard.action_read()

    def test_doc_without_libreoffice(self):
        """Without LibreOffice on the server's PATH a .doc gets a clear message."""
        doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
        wizard = self._wizard(doc, "plan.doc")
        with patch.dict(os.environ, {"PATH": "/nonexistent"}):
            with self.assertRaisesRegex(UserError, "Only .docx files can be read"):
                wizard.action_read()
        self.assertEqual(wizard.state, "upload")

    def test_doc_and_odt(self):
        """.odt and .doc are converted by LibreOffice when installed, else told clearly."""
        if not find_converter():
            wizard = self._wizard(
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "plan.doc"
            )
            with self.assertRaisesRegex(UserError, "LibreOffice"):
                wizard.action_read()
            return
        odt = convert_document(_docx(SMALL_PLAN), "docx", "odt")
        wizard = self._wizard(odt, "plan.odt")
        wizard.action_read()
        self.assertEqual(wizard.number, "07/KH-TEST")
        self.assertEqual(
            [(t.sequence, t.quarter) for t in wizard.task_ids], [(1, "1"), (2, "3")]
        )

    def test_only_the_office_imports(self):
        with self.assertRaises(AccessError):
            self._wizard(_docx(SMALL_PLAN), user=self.head_a)

    # ------------------------------------------------------------
    # Size
    # ------------------------------------------------------------

    def test_two_hundred_tasks(self):
        rows = [["TT", "NỘI DUNG", "ĐƠN VỊ THỰC HIỆN"]]
        for index in range(200):
            if index % 50 == 0:
                label = f"QUÝ {'I' * (index // 50 + 1) if index < 150 else 'IV'}"
                rows.append([label] * 3)
            rows.append(
                [
                    str(index + 1),
                    f"Việc số {index + 1}.",
                    "- Unit A chủ trì.\n- Unit B.",
                ]
            )
        content = _docx(["KẾ HOẠCH", "Thi đua năm 2030", "II. NỘI DUNG", rows])
        wizard = self._wizard(content)
        start = time.perf_counter()
        # a loose budget: the queries do not grow with each task read
        with self.assertQueryCount(__system__=30):
            wizard.action_read()
        wizard.action_create_plan()
        _logger.info(
            "plan import: 200 tasks read and created in %.2f s",
            time.perf_counter() - start,
        )
        plan = self.env["tdkt.plan"].search(
            [("name", "=", "Kế hoạch thi đua năm 2030")]
        )
        self.assertEqual(len(plan.task_ids), 200)
        self.assertEqual(
            [
                plan.task_ids.filtered(lambda t, q=q: t.quarter == q).mapped(
                    "sequence"
                )[:1]
                for q in "1234"
            ],
            [[1], [51], [101], [151]],
        )
        self.assertEqual(set(plan.task_ids.lead_unit_id), {self.unit_a})


@tagged("post_install", "-at_install")
class TestPlanImportRoundTrip(TdktCommon):
    """A printed plan imported back gives the same plan: sections, tasks, quarters, units."""

    def _round_trip(self, plan, number=None):
        content = self.env["tdkt.document"].render("plan", plan, "docx")[0]
        wizard = (
            self.env["tdkt.plan.import"]
            .with_user(self.officer)
            .create({"file": base64.b64encode(content), "file_name": "printed.docx"})
        )
        wizard.action_read()
        if number:
            wizard.number = number
        action = wizard.action_create_plan()
        return wizard, self.env["tdkt.plan"].browse(action["res_id"])

    def _assert_same_plan(self, original, imported, other_leads=()):
        """``other_leads``: the numbers of the tasks whose lead is not the unit the printed
        column marks "chủ trì" or names first, which the import cannot know."""
        for name in (
            "name",
            "year",
            "date_issue",
            "place_issue",
            "signer_id",
            "signer_position",
            "recipients",
        ):
            self.assertEqual(imported[name], original[name], name)
        for name in (
            "legal_basis",
            "purpose",
            "requirement",
            "solution",
            "implementation",
        ):
            self.assertEqual(html_runs(imported[name]), html_runs(original[name]), name)

        def tasks(plan):
            return [
                (
                    task.quarter,
                    task.name,
                    None if number in other_leads else task.lead_unit_id,
                    set(task.lead_unit_id | task.participant_unit_ids),
                    task._get_printed_units(),
                )
                for number, task in enumerate(
                    plan.task_ids.sorted(lambda t: (t.quarter, t.sequence, t.id)), 1
                )
            ]

        self.assertEqual(tasks(imported), tasks(original))

    def test_round_trip_of_a_plan(self):
        plan = self.env["tdkt.plan"].create(
            {
                "name": "Kế hoạch thi đua, khen thưởng năm 2030",
                "number": "11/KH-RT",
                "year": 2030,
                "date_issue": date(2030, 1, 6),
                "place_issue": "Cao Bằng",
                "signer_id": self.employee_head_a.id,
                "signer_position": "Phó giám đốc",
                "date_registration_deadline": date(2030, 1, 25),
                "legal_basis": "<p>Căn cứ Luật Thi đua, khen thưởng;</p><p>Căn cứ Kế hoạch số 9/KH-UBND;</p>",
                "purpose": "<p>Động viên <b>mọi người</b>.</p>",
                "requirement": "<p>Thiết thực.</p>",
                "solution": "<p>1. Tuyên truyền <i>sâu rộng</i>.</p><p>2. Khen kịp thời.</p>",
                "implementation": "<p><b>1. Các phòng</b></p><p>Đăng ký trước 25/01/2030.</p>",
                "recipients": "- Như trên;\n- Lưu: VT.",
            }
        )
        Task = self.env["tdkt.plan.task"]
        Task.create(
            [
                {
                    "plan_id": plan.id,
                    "quarter": "1",
                    "name": "- Phát động.\n- Ký giao ước.",
                    "lead_unit_id": self.unit_b.id,
                    "participant_unit_ids": [(6, 0, (self.unit_a | self.unit_a1).ids)],
                },
                {
                    "plan_id": plan.id,
                    "quarter": "3",
                    "name": "Sơ kết.",
                    "lead_unit_id": self.unit_a.id,
                },
                {
                    "plan_id": plan.id,
                    "quarter": "4",
                    "name": "Tổng kết.",
                    "lead_unit_id": self.unit_a1.id,
                    "units_note": "- Unit A1 chủ trì.\n- Các đơn vị được mời.",
                },
            ]
        )
        wizard, imported = self._round_trip(plan, number="11b/KH-RT")
        self.assertFalse(wizard.missing_text)
        self.assertEqual(wizard.unit_ids.mapped("name"), ["Các đơn vị được mời"])
        self.assertEqual(imported.date_registration_deadline, date(2030, 1, 25))
        self._assert_same_plan(plan, imported)
        self.assertEqual(
            [set(task.participant_unit_ids) for task in imported.task_ids],
            [set(task.participant_unit_ids) for task in plan.task_ids],
        )

    def test_round_trip_of_the_seed_plan(self):
        """The demo plan 03/KH-SNV (the seed) printed and imported: its 17 tasks in their
        quarters, with their lead and participating units."""
        plan = self.env.ref("tdkt_emulation.plan_2020", raise_if_not_found=False)
        if not plan:
            self.skipTest("installed without demo data")
        # "Các đơn vị thuộc, trực thuộc Sở" are the units that register: the seed's
        registering = plan.registration_unit_ids
        self.env["hr.department"].search(
            [("id", "not in", registering.ids), ("tdkt_registers", "=", True)]
        ).tdkt_registers = False
        wizard, imported = self._round_trip(plan, number="03b/KH-SNV")
        self.assertEqual(
            sorted(wizard.unit_ids.mapped("name")),
            ["Các đơn vị thành viên", "Đại biểu được bầu dự"],
        )
        self.assertEqual(len(imported.task_ids), 17)
        self.assertEqual(imported.number, "03b/KH-SNV")
        self.assertEqual(imported.date_registration_deadline, date(2020, 1, 30))
        # Task 12's lead in the demo data is its second unit (Hội đồng sáng kiến Sở): its
        # column marks no "chủ trì", so the first unit written (Văn phòng Sở) leads.
        self._assert_same_plan(plan, imported, other_leads=(12,))
        task_12 = imported.task_ids.filtered(lambda t: t.sequence == 12)
        self.assertEqual(
            task_12.lead_unit_id, self.env.ref("tdkt_emulation.dep_office")
        )


@tagged("post_install", "-at_install")
class TestPlanImportOverRpc(RpcMixin, HttpCase, TdktCommon):
    """The preview's task lines as an external client could write them."""

    def test_units_written_by_hand_are_refused_without_a_traceback(self):
        wizard = self.assertAnswered(
            self._rpc(self.officer, "tdkt.plan.import", "create", {})
        )
        for data in ("garbage", "[[1, true, 3]]", '[["x"]]', "[[[1], true]]"):
            with self.subTest(data=data), server_log() as records:
                self.assertRefused(
                    self._rpc(
                        self.officer,
                        "tdkt.plan.import.task",
                        "create",
                        {"wizard_id": wizard, "name": "Task", "units_data": data},
                    ),
                    error_name="odoo.exceptions.ValidationError",
                )
                self.assertFalse(
                    [record for record in records if record.levelno >= logging.ERROR]
                )
