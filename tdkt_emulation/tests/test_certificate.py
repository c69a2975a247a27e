import re
import subprocess
import tempfile
from datetime import date
from html import unescape

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .document_common import norm, pdf_text

MM = 72 / 25.4  # PDF points per millimetre
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def _run(command, content):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        return subprocess.run(
            [*command, handle.name, "-"]
            if command[0] == "pdftotext"
            else [*command, handle.name],
            capture_output=True,
            check=True,
        ).stdout.decode()


def pdf_info(content):
    """pdfinfo's fields: Pages, Page size..."""
    return dict(
        line.split(":", 1)
        for line in _run(["pdfinfo"], content).splitlines()
        if ":" in line
    )


def pdf_fonts(content):
    return _run(["pdffonts"], content)


def pdf_words(content):
    """The words of each page with their boxes in mm from the page's top left corner:
    [[(text, x_min, y_min, x_max, y_max), ...], ...]."""
    html = _run(["pdftotext", "-bbox", "-enc", "UTF-8"], content)
    pages = []
    for page in html.split("<page ")[1:]:
        pages.append(
            [
                (unescape(m[5]), *(float(m[i]) / MM for i in range(1, 5)))
                for m in WORD.finditer(page)
            ]
        )
    return pages


class CertificateCase(HttpCase):
    """Renders through Odoo's own QWeb PDF engine with the real wkhtmltopdf, which loads the
    report's styles from this test's server (report.url)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("report.url", cls.base_url())
        cls.company = cls.env.company
        cls.company.write(
            {"tdkt_issuing_body": "Sở Nội vụ", "tdkt_document_place": "Lạng Sơn"}
        )
        cls.Report = cls.env["ir.actions.report"].with_context(
            force_report_rendering=True
        )

    def render(self, xmlid, records):
        content, report_type = self.Report._render_qweb_pdf(xmlid, records.ids)
        self.assertEqual(report_type, "pdf")
        return content

    def word(self, page, text):
        found = [word for word in page if word[0] == text]
        self.assertTrue(found, f"{text!r} not on the page: {[w[0] for w in page]}")
        return found[0]


@tagged("post_install", "-at_install")
class TestDecisionCertificates(CertificateCase):
    """The certificates of the demo decision: one page per subject, in the list's order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.decision = ref(
            "tdkt_emulation.decision_2020_recognition", raise_if_not_found=False
        )
        if not cls.decision:
            return
        cls.decision.write(
            {
                "name": "05/QĐ-SNV",
                "date_decision": date(2021, 1, 8),
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "subject_type": "collective",
                            "unit_id": ref("tdkt_emulation.dep_office").id,
                            "title_id": ref("tdkt_emulation.title_ttldtt").id,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "subject_type": "individual",
                            "employee_id": ref("tdkt_emulation.employee_officer").id,
                            "title_id": ref("tdkt_emulation.title_ldtt").id,
                            "sequence": 2,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "subject_type": "individual",
                            "employee_id": ref(
                                "tdkt_emulation.employee_office_head"
                            ).id,
                            "title_id": ref("tdkt_emulation.title_cstdcs").id,
                            "sequence": 1,
                        },
                    ),
                ],
            }
        )
        cls.decision.action_sign()

    def setUp(self):
        super().setUp()
        if not self.decision:
            self.skipTest("installed without demo data")

    def test_one_page_per_subject_in_list_order(self):
        content = self.render(
            "tdkt_emulation.action_report_certificate_decision", self.decision
        )
        info = pdf_info(content)
        self.assertEqual(int(info["Pages"]), 3)
        # A4 landscape: 841.89 x 595.28 pts.
        width, height = re.findall(r"[\d.]+", info["Page size"])[:2]
        self.assertAlmostEqual(float(width), 841.89, delta=1)
        self.assertAlmostEqual(float(height), 595.28, delta=1)
        pages = [norm(page) for page in pdf_text(content).split("\f") if page.strip()]
        self.assertEqual(len(pages), 3)
        for page in pages:
            for line in (
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "GIÁM ĐỐC SỞ NỘI VỤ",
                "TẶNG DANH HIỆU",
                "Quyết định số 05/QĐ-SNV ngày 08/01/2021",
                "Lạng Sơn, ngày 08 tháng 01 năm 2021",
                "Nguyễn Quốc Khánh",
                "Đã có thành tích xuất sắc trong phong trào thi đua năm 2020",
            ):
                self.assertIn(line, page)
        # Individuals first, by their sequence in the list; then the collective.
        self.assertIn("Phạm Văn Hùng", pages[0])
        self.assertIn("CHIẾN SĨ THI ĐUA CƠ SỞ", pages[0])
        self.assertIn("Chánh Văn phòng, Văn phòng Sở", pages[0])
        self.assertIn("Số sổ vàng: 1", pages[0])
        self.assertIn("Hoàng Thị Lan", pages[1])
        self.assertIn("LAO ĐỘNG TIÊN TIẾN", pages[1])
        self.assertIn("Số sổ vàng: 2", pages[1])
        self.assertIn("TẬP THỂ LAO ĐỘNG TIÊN TIẾN", pages[2])
        self.assertIn("Văn phòng Sở", pages[2])
        self.assertIn("Số sổ vàng: 3", pages[2])
        # The order of the lines of Art 104 on a page.
        order = [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "GIÁM ĐỐC SỞ NỘI VỤ",
            "TẶNG DANH HIỆU",
            "CHIẾN SĨ THI ĐUA CƠ SỞ",
            "Phạm Văn Hùng",
        ]
        positions = [pages[0].index(line) for line in order]
        self.assertEqual(positions, sorted(positions))

    def test_printing_writes_no_layout(self):
        Layout = self.env["tdkt.certificate.layout"]
        Layout.search([]).unlink()
        content = self.render(
            "tdkt_emulation.action_report_certificate_decision", self.decision
        )
        self.assertIn("Phạm Văn Hùng", pdf_text(content))
        self.assertFalse(Layout.search([]))
        # The Office's new layout starts from the shipped positions.
        layout = Layout.create({"kind": "title"})
        self.assertEqual(len(layout.field_ids), 13)
        self.assertEqual(
            layout.field_ids.filtered(lambda f: f.field_key == "recipient").y_mm, 102.0
        )

    def test_font_is_times_metric_serif(self):
        content = self.render(
            "tdkt_emulation.action_report_certificate_decision", self.decision
        )
        fonts = pdf_fonts(content)
        # Tinos: Times New Roman's metrics, every Vietnamese letter in the same font.
        self.assertIn("Tinos-Bold", fonts)
        self.assertIn("Tinos-Italic", fonts)
        self.assertIn("Tinos-BoldItalic", fonts)
        self.assertNotIn("DejaVu", fonts)

    def test_single_award(self):
        award = self.decision.award_ids.filtered(
            lambda a: a.employee_id == self.env.ref("tdkt_emulation.employee_officer")
        )
        content = self.render("tdkt_emulation.action_report_certificate_award", award)
        self.assertEqual(int(pdf_info(content)["Pages"]), 1)
        text = norm(pdf_text(content))
        self.assertIn("Hoàng Thị Lan", text)
        self.assertIn("Số sổ vàng: 2", text)

    def test_batch_of_decisions(self):
        other = self.env["tdkt.decision"].create(
            {
                "name": "07/QĐ-SNV",
                "date_decision": date(2021, 1, 9),
                "year": 2020,
                "authority": "Giám đốc Sở Nội vụ",
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "subject_type": "individual",
                            "employee_id": self.env.ref(
                                "tdkt_emulation.employee_unit_head"
                            ).id,
                            "title_id": self.env.ref("tdkt_emulation.title_ldtt").id,
                        },
                    )
                ],
            }
        )
        other.action_sign()
        content = self.render(
            "tdkt_emulation.action_report_certificate_decision", self.decision | other
        )
        pages = [norm(page) for page in pdf_text(content).split("\f") if page.strip()]
        self.assertEqual(int(pdf_info(content)["Pages"]), 4)
        self.assertEqual(len(pages), 4)
        self.assertIn("05/QĐ-SNV", pages[2])
        self.assertIn("07/QĐ-SNV", pages[3])
        self.assertIn("Số sổ vàng: 1", pages[3])

    def test_draft_decision_is_refused(self):
        draft = self.decision.copy({"name": "06/QĐ-SNV"})
        with self.assertRaisesRegex(UserError, "not signed"):
            self.Report._render_qweb_pdf(
                "tdkt_emulation.action_report_certificate_decision", draft.ids
            )

    def test_print_menu_of_the_decision_and_the_award(self):
        report = self.env.ref("tdkt_emulation.action_report_certificate_decision")
        self.assertEqual(report.report_type, "qweb-pdf")
        self.assertEqual(report.paperformat_id.orientation, "Landscape")
        officer = self.env.ref("tdkt_emulation.user_officer")
        user = self.env.ref("tdkt_emulation.user_unit_user")
        Actions = self.env["ir.actions.actions"]
        for model, name in (
            ("tdkt.decision", "Certificates (PDF)"),
            ("tdkt.award", "Certificate (PDF)"),
        ):
            names = {
                action["name"]
                for action in Actions.with_user(officer).get_bindings(model)["report"]
            }
            self.assertIn(name, names)
            names = {
                action["name"]
                for action in Actions.with_user(user)
                .get_bindings(model)
                .get("report", [])
            }
            self.assertNotIn(name, names)


@tagged("post_install", "-at_install")
class TestCertificateLayout(CertificateCase):
    """The fields' positions in mm, the two print modes, the test page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        employee = cls.env["hr.employee"].create(
            {
                "name": "Đặng Thị Ánh Tuyết",
                "gender": "female",
                "job_title": "Kế toán viên",
            }
        )
        cls.decision = cls.env["tdkt.decision"].create(
            {
                "name": "12/QĐ-SNV",
                "date_decision": date(2031, 3, 5),
                "year": 2030,
                "kind": "commendation",
                "authority": "Giám đốc Sở Nội vụ",
                "signer_position": "Giám đốc",
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "subject_type": "individual",
                            "employee_id": employee.id,
                            "title_id": cls.env.ref(
                                "tdkt_emulation.title_certificate_director"
                            ).id,
                            "note": "Đã có thành tích xuất sắc trong công tác năm 2030",
                        },
                    )
                ],
            }
        )
        cls.decision.action_sign()
        Layout = cls.env["tdkt.certificate.layout"]
        cls.layout = Layout.search(
            [("kind", "=", "commendation"), ("company_id", "=", cls.company.id)]
        ) or Layout.create({"kind": "commendation", "company_id": cls.company.id})

    def position(self, key):
        return self.layout.field_ids.filtered(lambda line: line.field_key == key)

    def test_giay_khen(self):
        content = self.render(
            "tdkt_emulation.action_report_certificate_decision", self.decision
        )
        text = norm(pdf_text(content))
        self.assertIn("TẶNG GIẤY KHEN", text)
        self.assertIn("Bà Đặng Thị Ánh Tuyết", text)
        self.assertIn("Kế toán viên", text)
        self.assertIn("Lạng Sơn, ngày 05 tháng 3 năm 2031", text)

    def test_offsets_move_the_text_by_the_millimetres_set(self):
        recipient = self.position("recipient")
        decision_ref = self.position("decision_ref")
        before = pdf_words(
            self.render(
                "tdkt_emulation.action_report_certificate_decision", self.decision
            )
        )[0]
        tuyet = self.word(before, "Tuyết")
        number = self.word(before, "12/QĐ-SNV")
        # The left-aligned decision line starts at its box's x, in paper millimetres.
        self.assertAlmostEqual(
            self.word(before, "Quyết")[1], decision_ref.x_mm, delta=0.5
        )
        recipient.write({"x_mm": recipient.x_mm + 20, "y_mm": recipient.y_mm + 15})
        decision_ref.write(
            {"x_mm": decision_ref.x_mm + 7.5, "y_mm": decision_ref.y_mm - 12}
        )
        after = pdf_words(
            self.render(
                "tdkt_emulation.action_report_certificate_decision", self.decision
            )
        )[0]
        moved = self.word(after, "Tuyết")
        self.assertAlmostEqual(moved[1] - tuyet[1], 20, delta=0.5)
        self.assertAlmostEqual(moved[2] - tuyet[2], 15, delta=0.5)
        moved_number = self.word(after, "12/QĐ-SNV")
        self.assertAlmostEqual(moved_number[1] - number[1], 7.5, delta=0.5)
        self.assertAlmostEqual(moved_number[2] - number[2], -12, delta=0.5)
        # The words of the fields left in place did not move.
        self.assertAlmostEqual(
            self.word(after, "GIẤY")[1], self.word(before, "GIẤY")[1], delta=0.1
        )

    def test_preprinted_mode_prints_the_variable_fields_only(self):
        self.layout.print_mode = "preprinted"
        text = norm(
            pdf_text(
                self.render(
                    "tdkt_emulation.action_report_certificate_decision", self.decision
                )
            )
        )
        self.assertNotIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text)
        self.assertNotIn("Độc lập", text)
        self.assertIn("Bà Đặng Thị Ánh Tuyết", text)
        self.assertIn("GIẤY KHEN", text)
        self.position("title").is_preprinted = True
        text = norm(
            pdf_text(
                self.render(
                    "tdkt_emulation.action_report_certificate_decision", self.decision
                )
            )
        )
        self.assertNotIn("GIẤY KHEN", text)
        self.layout.print_mode = "blank"
        text = norm(
            pdf_text(
                self.render(
                    "tdkt_emulation.action_report_certificate_decision", self.decision
                )
            )
        )
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text)
        self.assertIn("GIẤY KHEN", text)

    def test_positions_off_the_sheet_are_refused(self):
        recipient = self.position("recipient")
        for values, message in (
            ({"x_mm": 297.0}, "from 0 to 297"),
            ({"x_mm": -1.0}, "from 0 to 297"),
            ({"y_mm": 210.5}, "from 0 to 210"),
            ({"x_mm": 100.0, "width_mm": 237.0}, "past the sheet"),
            ({"width_mm": 0.0}, "more than 0"),
            ({"font_size": 100.0}, "from 6 to 72"),
        ):
            with self.subTest(values=values):
                with (
                    self.assertRaisesRegex(ValidationError, message),
                    self.env.cr.savepoint(),
                ):
                    recipient.write(values)
                    self.env.flush_all()
                self.env.invalidate_all()
                # Nothing was lost: the position is the shipped one.
                self.assertEqual(
                    (
                        recipient.x_mm,
                        recipient.y_mm,
                        recipient.width_mm,
                        recipient.font_size,
                    ),
                    (30.0, 102.0, 237.0, 20.0),
                )

    def test_refused_in_vietnamese(self):
        recipient = self.position("recipient").with_context(lang="vi_VN")
        with self.assertRaises(ValidationError) as caught:
            recipient.write({"y_mm": 250.0})
        self.assertIn("250", str(caught.exception))
        self.assertNotIn("distance from the top", str(caught.exception))

    def test_users_read_layouts_the_office_changes_them(self):
        user = self.env["res.users"].create(
            {
                "name": "Cán bộ",
                "login": "tdkt_cert_user",
                "groups_id": [
                    (6, 0, [self.env.ref("tdkt_emulation.group_tdkt_user").id])
                ],
            }
        )
        officer = self.env["res.users"].create(
            {
                "name": "Văn phòng",
                "login": "tdkt_cert_officer",
                "groups_id": [
                    (6, 0, [self.env.ref("tdkt_emulation.group_tdkt_officer").id])
                ],
            }
        )
        recipient = self.position("recipient")
        self.assertEqual(recipient.with_user(user).x_mm, 30.0)
        with self.assertRaises(AccessError):
            recipient.with_user(user).write({"x_mm": 40.0})
        with self.assertRaises(AccessError):
            self.layout.with_user(user).print_mode = "preprinted"
        recipient.with_user(officer).write({"x_mm": 40.0})
        self.layout.with_user(officer).print_mode = "preprinted"
        self.assertEqual(recipient.x_mm, 40.0)

    def test_test_page(self):
        action = self.layout.action_print_test_page()
        self.assertEqual(
            action["report_name"], "tdkt_emulation.report_certificate_test_page"
        )
        self.layout.print_mode = "preprinted"
        content = self.render(
            "tdkt_emulation.action_report_certificate_test_page", self.layout
        )
        self.assertEqual(int(pdf_info(content)["Pages"]), 1)
        page = pdf_words(content)[0]
        # The grid is numbered every 10 mm, each number at its line.
        label = self.word(page, "150")
        self.assertAlmostEqual(label[1], 150.5, delta=0.5)
        # Every field is there with its position, the pre-printed ones too.
        text = norm(pdf_text(content))
        self.assertIn("(30.0, 102.0 mm)", text)
        self.assertIn("(30.0, 46.0 mm)", text)
