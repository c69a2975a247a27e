from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import TdktCommon

SETTINGS = (
    "tdkt_task_reminder_days",
    "tdkt_registration_reminder_days",
    "tdkt_default_title_id",
    "tdkt_initiative_pass_percent",
    "tdkt_session_quorum_percent",
    "tdkt_recusal_base",
    "tdkt_superior_body",
    "tdkt_issuing_body",
    "tdkt_document_place",
    "tdkt_authority_level",
    "tdkt_proposal_body",
    "tdkt_proposal_signer_id",
    "tdkt_proposal_signer_position",
    "tdkt_proposal_deadline_day",
    "tdkt_proposal_deadline_month",
    "tdkt_thematic_proposal_days",
    "tdkt_proposal_reminder_days",
)


@tagged("post_install", "-at_install")
class TestSettings(TdktCommon):
    """The leadership (Manager) sets the addon's settings from its own menu without being
    an Odoo administrator; nobody else does, and the Manager gets no other settings."""

    def _open_settings(self, user):
        """The record the addon's Settings menu opens for ``user``, as a form."""
        menu = self.env.ref("tdkt_emulation.tdkt_settings_menu")
        self.assertIn(
            menu.id,
            self.env["ir.ui.menu"].with_user(user)._visible_menu_ids(),
            "the menu is shown",
        )
        return Form(self.env[menu.action.res_model].with_user(user))

    def test_manager_sets_the_addons_settings(self):
        form = self._open_settings(self.manager)
        self.assertEqual(form.tdkt_task_reminder_days, "7,1")
        self.assertEqual(form.tdkt_initiative_pass_percent, 50.0)
        form.tdkt_task_reminder_days = "10,3"
        form.tdkt_registration_reminder_days = "5"
        form.tdkt_default_title_id = self.title_ldtt
        form.tdkt_initiative_pass_percent = 60.0
        form.tdkt_superior_body = "UBND TỈNH CAO BẰNG"
        form.tdkt_issuing_body = "Sở Nội vụ"
        form.tdkt_document_place = "Cao Bằng"
        form.save().execute()
        self.assertRecordValues(
            self.company,
            [
                {
                    "tdkt_task_reminder_days": "10,3",
                    "tdkt_registration_reminder_days": "5",
                    "tdkt_default_title_id": self.title_ldtt.id,
                    "tdkt_initiative_pass_percent": 60.0,
                    "tdkt_superior_body": "UBND TỈNH CAO BẰNG",
                    "tdkt_issuing_body": "Sở Nội vụ",
                    "tdkt_document_place": "Cao Bằng",
                }
            ],
        )
        # Opened again, the settings show what was saved.
        self.assertEqual(
            self._open_settings(self.manager).tdkt_task_reminder_days, "10,3"
        )

    def test_bad_value_is_refused_and_nothing_is_saved(self):
        form = self._open_settings(self.manager)
        form.tdkt_task_reminder_days = "10,3"
        form.tdkt_registration_reminder_days = "7,soon"
        settings = form.save()
        with self.assertRaises(ValidationError) as caught:
            settings.execute()
        self.assertIn(
            "Registration Reminder Days must list whole numbers", str(caught.exception)
        )
        settings.tdkt_registration_reminder_days = "7"
        settings.tdkt_initiative_pass_percent = 150
        with self.assertRaises(ValidationError) as caught:
            settings.execute()
        self.assertIn("pass mark is a percentage from 0 to 100", str(caught.exception))
        self.company.invalidate_recordset()
        self.assertEqual(self.company.tdkt_task_reminder_days, "7,1")

    def test_only_the_manager_sets_them(self):
        menu = self.env.ref("tdkt_emulation.tdkt_settings_menu")
        model = menu.action.res_model
        for user in (self.user_a, self.head_a, self.officer, self.outsider):
            with self.subTest(user=user.login):
                self.assertNotIn(
                    menu.id, self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                )
                with self.assertRaises(AccessError):
                    self.env[model].with_user(user).create(
                        {"tdkt_task_reminder_days": "3"}
                    )
        self.assertEqual(self.company.tdkt_task_reminder_days, "7,1")

    def test_manager_gets_no_other_settings(self):
        # Odoo's own settings stay the administrators'.
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.manager).create({})
        settings = self.env[
            self.env.ref("tdkt_emulation.tdkt_settings_menu").action.res_model
        ]
        own = {name for name, field in settings._fields.items() if not field.automatic}
        self.assertEqual(own - {"company_id"}, set(SETTINGS))
