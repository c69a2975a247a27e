from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestReaderLanguage(TdktCommon, HttpCase):
    """What a person reads is worded in their language, whatever language it was written
    in: the agenda items and ballots of a council, the legal articles of the eligibility
    reasons and the chatter's "created" message. The records are written by a Vietnamese
    officer and read by an English one, and the other way round."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer_vi = mail_new_test_user(
            cls.env,
            login="tdkt_officer_vi",
            groups="tdkt_emulation.group_tdkt_officer",
            name="Officer Vi",
            lang="vi_VN",
        )
        cls.readers = {"en_US": cls.officer, "vi_VN": cls.officer_vi}
        cls.title_names = {
            lang: cls.title_ldtt.with_context(lang=lang).name for lang in cls.readers
        }
        cls._approve_plan()

    def _as(self, records, lang):
        """``records`` as the reader of ``lang`` reads them."""
        user = self.readers[lang]
        return records.with_user(user).with_context(lang=user.lang)

    def _line(self, lang):
        """A line of unit A's form registering employee A for LĐTT, written in ``lang``."""
        return self._as(self.env["tdkt.registration.line"], lang).create(
            {
                "registration_id": self.form_a.id,
                "employee_id": self.employee_a.id,
                "title_id": self.title_ldtt.id,
            }
        )

    def test_agenda_items_and_ballots_are_named_in_the_readers_language(self):
        self._line("vi_VN")
        self.form_a.with_user(self.head_a).with_context(
            tdkt_submit_confirmed=True
        ).action_submit()
        self.form_a.with_user(self.officer).action_receive()
        council, members = self._create_council("emulation", 3)
        session = self._as(self.env["tdkt.council.session"], "vi_VN").create(
            {"name": "Review 2030", "council_id": council.id, "plan_id": self.plan.id}
        )
        session.action_add_agenda()
        item = session.item_ids
        self.assertNotEqual(*self.title_names.values())
        self.assertEqual(len(item), 1)
        for lang, title in self.title_names.items():
            with self.subTest(lang=lang):
                self.assertEqual(
                    self._as(item, lang).display_name,
                    f"{self.employee_a.name} - {title}",
                )
                self.assertEqual(
                    self._as(item, lang).name, f"{self.employee_a.name} - {title}"
                )
        # Searching by the title's name finds the item in the reader's language.
        Item = self.env["tdkt.council.session.item"]
        for lang, title in self.title_names.items():
            self.assertEqual(
                self._as(Item, lang).search(
                    [("session_id", "=", session.id), ("name", "ilike", title)]
                ),
                item,
            )
        self.assertFalse(
            self._as(Item, "en_US").search(
                [("session_id", "=", session.id), ("name", "ilike", "Nobody")]
            )
        )
        self.assertFalse(
            self._as(Item, "en_US").search(
                [
                    ("session_id", "=", session.id),
                    ("name", "not ilike", self.employee_a.name),
                ]
            )
        )

        session.action_start_voting()
        for user in members:
            item.with_user(user).action_vote("agree")
        session.action_close()
        for lang, title in self.title_names.items():
            with self.subTest(lang=lang):
                ballots = self._as(self.env["tdkt.ballot"], lang).search_read(
                    [("session_id", "=", session.id)], ["item_id"]
                )
                self.assertEqual(
                    {ballot["item_id"][1] for ballot in ballots},
                    {f"{self.employee_a.name} - {title}"},
                )

    def test_legal_articles_of_the_reasons_are_in_the_readers_language(self):
        line = self._line("vi_VN")
        rule = self.env.ref("tdkt_emulation.rule_c_ldtt")
        articles = {lang: rule.with_context(lang=lang).article for lang in self.readers}
        self.assertNotEqual(*articles.values())
        for lang, article in articles.items():
            with self.subTest(lang=lang):
                reasons = self._as(line, lang).eligibility_reasons
                self.assertIn(f"[{article}]", reasons)
                other = articles["vi_VN" if lang == "en_US" else "en_US"]
                self.assertNotIn(other, reasons)

    def test_chatter_created_message_in_the_readers_language(self):
        # Written with the chatter on (the suite's context logs no creation message).
        form = (
            self._as(self.env["tdkt.registration"], "vi_VN")
            .with_context(tracking_disable=False, mail_create_nolog=False)
            .create({"plan_id": self.plan.id, "unit_id": self.unit_a1.id})
        )
        expected = {
            "en_US": "Title Registration Form created",
            "vi_VN": f"{self.env['ir.model'].with_context(lang='vi_VN')._get('tdkt.registration').name} được tạo",
        }
        self.assertNotEqual(*expected.values())
        for lang, text in expected.items():
            with self.subTest(lang=lang):
                self.authenticate(self.readers[lang].login, self.readers[lang].login)
                result = self.make_jsonrpc_request(
                    "/mail/thread/messages",
                    {"thread_model": "tdkt.registration", "thread_id": form.id},
                )
                bodies = [message["body"] for message in result["data"]["mail.message"]]
                self.assertEqual(len(bodies), 1)
                self.assertIn(text, bodies[0])
