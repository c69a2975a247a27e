"""The minutes of a council's session (biên bản họp) and its vote count (biên bản kiểm
phiếu), printed from the session's Print menu: the administrative frame, who sat, the
counts and results, the recusals, and nothing that pairs a member with a choice."""

import re
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .document_common import norm, pdf_text, read_docx
from .test_council_absence import CouncilOfTen

NAMES = [
    "Nguyễn Văn Ân",
    "Trần Thị Bích Ngọc",
    "Lê Đức Thịnh",
    "Phạm Thu Hằng",
    "Hoàng Quốc Việt",
    "Vũ Thị Hồng",
    "Đặng Minh Đức",
    "Bùi Thị Ánh",
    "Đỗ Văn Sơn",
]
CHOICE_WORDS = re.compile(r"đồng ý|không biểu quyết|agree|abstain", re.IGNORECASE)


@tagged("post_install", "-at_install")
class TestSessionMinutes(CouncilOfTen):
    """Ten members: seven present, one absent who answered in writing, one absent, and the
    head of unit A, recused from her own CSTĐCS and from unit A's TTLĐTT, absent too."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "tdkt_superior_body": "UBND tỉnh Lạng Sơn",
                "tdkt_issuing_body": "Sở Nội vụ",
                "tdkt_document_place": "Lạng Sơn",
            }
        )
        cls.council.write(
            {
                "name": "Hội đồng Thi đua - Khen thưởng Sở Nội vụ",
                "decision_number": "12/QĐ-SNV",
                "date_decision": date(2030, 1, 5),
            }
        )
        members = cls.council_members
        for member, name in zip(members, NAMES, strict=False):
            member.employee_id.name = name
        members[1].role = "secretary"
        members[9].employee_id = cls.employee_head_a
        cls.council_session.write(
            {
                "date": date(2030, 12, 10),
                "time_start": 8.5,
                "minutes_number": "05/BB-HĐTĐKT",
            }
        )
        Officer = cls.council_session.with_user(cls.officer)
        Officer.attendee_ids = members[:7]
        Officer.action_start_voting()
        items = cls.items
        for user in cls.members[:7]:
            items[cls.line_cstdcs].with_user(user).action_vote("agree")
            items[cls.line_unit].with_user(user).action_vote("agree")
        for user, choice in zip(
            cls.members[:7], ["agree"] * 6 + ["disagree"], strict=False
        ):
            items[cls.line_ldtt].with_user(user).action_vote(choice)
        Officer._record_written_opinion(
            members[7],
            {
                items[cls.line_cstdcs]: "agree",
                items[cls.line_unit]: "agree",
                items[cls.line_ldtt]: "abstain",
            },
        )
        Officer.action_close()
        # The shipped templates, as this code builds them.
        cls.env["tdkt.document.template"].search(
            [("kind", "in", ("council_minutes", "ballot_count"))]
        ).action_restore_shipped()
        cls.Document = cls.env["tdkt.document"].with_user(cls.officer)

    def test_minutes_docx(self):
        content, filename, _mimetype = self.Document.render(
            "council_minutes", self.council_session, "docx"
        )
        self.assertEqual(filename, "Biên bản họp Hội đồng 05-BB-HĐTĐKT.docx")
        _document, paragraphs, tables = read_docx(content)
        left, right = tables[0][0]
        self.assertEqual(
            left.split("\n"), ["UBND TỈNH LẠNG SƠN", "SỞ NỘI VỤ", "Số: 05/BB-HĐTĐKT"]
        )
        self.assertEqual(
            right.split("\n"),
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Lạng Sơn, ngày 10 tháng 12 năm 2030",
            ],
        )
        self.assertEqual(paragraphs[0], "BIÊN BẢN")
        self.assertEqual(
            paragraphs[1],
            "Họp Hội đồng Thi đua - Khen thưởng Sở Nội vụ xét danh hiệu thi đua năm 2030",
        )
        self.assertIn("Thời gian: 08 giờ 30, ngày 10 tháng 12 năm 2030.", paragraphs)
        self.assertIn("Địa điểm: Hội trường tầng 3.", paragraphs)
        self.assertIn("Chủ trì: Nguyễn Văn Ân. Thư ký: Trần Thị Bích Ngọc.", paragraphs)
        self.assertIn(
            "Thành phần: Hội đồng Thi đua - Khen thưởng Sở Nội vụ (thành lập theo Quyết định "
            "số 12/QĐ-SNV ngày 05 tháng 01 năm 2030) gồm 10 thành viên; có mặt 7 thành viên, "
            "vắng mặt 3 thành viên, trong đó 1 thành viên gửi ý kiến bằng văn bản.",
            paragraphs,
        )
        members = tables[1]
        self.assertEqual(
            members[0],
            ["TT", "Họ và tên", "Chức vụ", "Chức danh trong Hội đồng", "Tham dự"],
        )
        attendance = {row[1]: (row[3], row[4]) for row in members[1:]}
        self.assertEqual(attendance["Nguyễn Văn Ân"], ("Chủ tịch", "Có mặt"))
        self.assertEqual(attendance["Trần Thị Bích Ngọc"], ("Thư ký", "Có mặt"))
        self.assertEqual(
            attendance["Bùi Thị Ánh"], ("Ủy viên", "Vắng mặt, có ý kiến bằng văn bản")
        )
        self.assertEqual(attendance["Đỗ Văn Sơn"], ("Ủy viên", "Vắng mặt"))
        self.assertEqual(attendance["Tdkt_Head_A"], ("Ủy viên", "Vắng mặt"))
        self.assertEqual(len(members), 11)
        titles = {
            line: line.with_context(
                lang=self.env["res.lang"]._get_tdkt_report_lang()
            ).title_id.name
            for line in (self.line_ldtt, self.line_cstdcs, self.line_unit)
        }
        results = tables[2]
        self.assertEqual(
            results[0],
            [
                "TT",
                "Cá nhân, tập thể",
                "Danh hiệu",
                "Đồng ý / tổng số",
                "Tỷ lệ",
                "Tỷ lệ yêu cầu",
                "Kết quả",
            ],
        )
        rows = {row[1]: row[2:] for row in results[1:]}
        self.assertEqual(
            rows["Tdkt_Head_A"],
            [titles[self.line_cstdcs], "8/10", "80,00%", "80,00%", "Đạt"],
        )
        self.assertEqual(
            rows["Tdkt_User_A"],
            [titles[self.line_ldtt], "6/10", "60,00%", "70,00%", "Không đạt"],
        )
        self.assertEqual(
            rows["Tập thể Unit A"][1:], ["8/10", "80,00%", "70,00%", "Đạt"]
        )
        self.assertIn("Không tham gia biểu quyết:", paragraphs)
        recusals = paragraphs
        self.assertIn(
            f"- Tdkt_Head_A ({titles[self.line_cstdcs]}): Tdkt_Head_A (là người được đề nghị "
            "hoặc thuộc tập thể được đề nghị).",
            recusals,
        )
        self.assertIn(
            f"- Tập thể Unit A ({titles[self.line_unit]}): Tdkt_Head_A (là người được đề nghị "
            "hoặc thuộc tập thể được đề nghị).",
            recusals,
        )
        self.assertIn(
            "Kết luận: 2 trường hợp đạt tỷ lệ phiếu đồng ý theo quy định. "
            "Biên bản được thông qua tại cuộc họp./.",
            paragraphs,
        )
        signatures = tables[-1][0]
        self.assertIn("Trần Thị Bích Ngọc", signatures[0])
        self.assertIn("CHỦ TỊCH HỘI ĐỒNG", signatures[1])
        self.assertIn("Nguyễn Văn Ân", signatures[1])
        self._assert_no_member_choice_link(paragraphs, tables)

    def test_ballot_count_docx_and_pdf(self):
        content, filename, _mimetype = self.Document.render(
            "ballot_count", self.council_session, "docx"
        )
        self.assertEqual(filename, "Biên bản kiểm phiếu 05-BB-HĐTĐKT.docx")
        _document, paragraphs, tables = read_docx(content)
        self.assertEqual(paragraphs[0], "BIÊN BẢN KIỂM PHIẾU")
        rows = {row[1]: row[3:] for row in tables[1][1:]}
        # valid, agree, disagree, abstain, share, result
        self.assertEqual(
            rows["Tdkt_User_A"], ["8", "6", "1", "1", "60,00%", "Không đạt"]
        )
        self.assertEqual(rows["Tdkt_Head_A"], ["8", "8", "0", "0", "80,00%", "Đạt"])
        self._assert_no_member_choice_link(paragraphs, tables)

        text = norm(
            pdf_text(
                self.Document.render("ballot_count", self.council_session, "pdf")[0]
            )
        )
        for expected in (
            "UBND TỈNH LẠNG SƠN",
            "SỞ NỘI VỤ",
            "Số: 05/BB-HĐTĐKT",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Lạng Sơn, ngày 10 tháng 12 năm 2030",
            "BIÊN BẢN KIỂM PHIẾU",
            "Nguyễn Văn Ân",
            "Trần Thị Bích Ngọc",
            "80,00%",
            "Không đạt",
            "gửi ý kiến bằng văn bản",
        ):
            self.assertIn(expected, text)

    def test_minutes_pdf(self):
        text = norm(
            pdf_text(
                self.Document.render("council_minutes", self.council_session, "pdf")[0]
            )
        )
        for expected in (
            "BIÊN BẢN",
            "Số: 05/BB-HĐTĐKT",
            "Lạng Sơn, ngày 10 tháng 12 năm 2030",
            "Vắng mặt, có ý kiến bằng văn bản",
            "Bùi Thị Ánh",
            "Đặng Minh Đức",
            "8/10",
            "80,00%",
            "60,00%",
            "Không đạt",
            "Tdkt_Head_A",
        ):
            self.assertIn(expected, text)

    def _assert_no_member_choice_link(self, paragraphs, tables):
        """No line or table row that names a member who voted also names a choice or a
        count of one."""
        voters = NAMES[:8]
        lines = paragraphs + [" | ".join(row) for table in tables for row in table]
        for line in lines:
            if any(name in line for name in voters):
                self.assertNotRegex(line, CHOICE_WORDS, line)
                self.assertNotRegex(line, r"\d+/\d+", line)

    def test_print_menu_and_who_may_print(self):
        bindings = (
            self.env["ir.actions.actions"]
            .with_user(self.officer)
            ._get_bindings("tdkt.council.session")
        )
        self.assertLessEqual(
            {
                "Session Minutes (PDF)",
                "Session Minutes (Word)",
                "Vote Count Minutes (PDF)",
                "Vote Count Minutes (Word)",
            },
            {action["name"] for action in bindings["report"]},
        )
        action = (
            self.env.ref(
                "tdkt_emulation.tdkt_council_session_print_council_minutes_docx"
            )
            .with_user(self.officer)
            .with_context(
                active_model="tdkt.council.session",
                active_ids=self.council_session.ids,
                active_id=self.council_session.id,
            )
            .run()
        )
        self.assertEqual(
            action["url"],
            f"/tdkt/document/council_minutes/{self.council_session.id}?format=docx",
        )
        # A member reads the session but the minutes, which tell the turnout, are the Office's.
        with self.assertRaises(AccessError):
            self.env["tdkt.document"].with_user(self.members[0]).render(
                "council_minutes", self.council_session, "docx"
            )

    def test_open_session_has_no_minutes_yet(self):
        session = self.council_session.copy({"name": "Next review"})
        with self.assertRaisesRegex(UserError, "closed"):
            self.Document.render("council_minutes", session, "docx")

    def test_minutes_number_is_set_after_closing_by_the_office(self):
        self.council_session.with_user(self.officer).minutes_number = "06/BB-HĐTĐKT"
        self.assertEqual(
            self.Document.render("ballot_count", self.council_session, "docx")[1],
            "Biên bản kiểm phiếu 06-BB-HĐTĐKT.docx",
        )
        with self.assertRaises(AccessError):
            self.council_session.with_user(self.members[0]).minutes_number = "X"
        # Nothing else of a closed session changes.
        with self.assertRaises(UserError):
            self.council_session.with_user(self.officer).write(
                {"minutes_number": "07/BB", "location": "Elsewhere"}
            )
