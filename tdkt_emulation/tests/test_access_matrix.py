from odoo.tests import TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

GROUPS = ("none", "user", "unit_manager", "officer", "manager")
# What each group may do on each model (r read, w write, c create, u unlink), in the order
# of GROUPS, as the design gives it; the record rules narrow it further (other tests).
MATRIX = {
    "tdkt.title": ("", "r", "r", "rwc", "rwcu"),
    "tdkt.plan": ("", "r", "r", "rwcu", "rwcu"),
    "tdkt.plan.task": ("", "rw", "rw", "rwcu", "rwcu"),
    "tdkt.registration": ("", "rwc", "rwc", "rwcu", "rwcu"),
    "tdkt.registration.line": ("", "rwcu", "rwcu", "rwcu", "rwcu"),
    "tdkt.assessment": ("", "rwcu", "rwcu", "rwcu", "rwcu"),
    "tdkt.unit.assessment": ("", "rwcu", "rwcu", "rwcu", "rwcu"),
    "tdkt.council": ("", "r", "r", "rwc", "rwcu"),
    "tdkt.council.member": ("", "r", "r", "rwcu", "rwcu"),
    "tdkt.council.session": ("", "r", "r", "rwcu", "rwcu"),
    "tdkt.council.session.item": ("", "r", "r", "rwcu", "rwcu"),
    "tdkt.ballot": ("", "", "", "r", "r"),
    "tdkt.initiative": ("", "rwcu", "rwcu", "rwcu", "rwcu"),
    "tdkt.initiative.author": ("", "rwcu", "rwcu", "rwcu", "rwcu"),
    "tdkt.initiative.criterion": ("", "r", "r", "rwc", "rwcu"),
    "tdkt.initiative.score": ("", "r", "r", "r", "r"),
    "tdkt.rule.set": ("", "r", "r", "r", "rwcu"),
    "tdkt.title.rule": ("", "r", "r", "r", "rwcu"),
    "tdkt.title.rule.alternative": ("", "r", "r", "r", "rwcu"),
    "tdkt.movement": ("", "r", "r", "rwc", "rwcu"),
    "tdkt.award": ("", "r", "r", "rwcu", "rwcu"),
    "tdkt.decision": ("", "r", "r", "rwcu", "rwcu"),
    "tdkt.decision.line": ("", "r", "r", "rwcu", "rwcu"),
    "tdkt.proposal": ("", "", "", "rwcu", "rwcu"),
    "tdkt.proposal.line": ("", "", "", "rwcu", "rwcu"),
    "tdkt.plan.task.analysis": ("", "", "", "r", "r"),
    "tdkt.registration.analysis": ("", "", "", "r", "r"),
    "tdkt.document.template": ("", "r", "r", "rwc", "rwcu"),
    "tdkt.base.salary": ("", "r", "r", "r", "rwcu"),
    "tdkt.reward.coefficient": ("", "r", "r", "r", "rwcu"),
    "tdkt.certificate.layout": ("", "r", "r", "rwc", "rwcu"),
    "tdkt.certificate.layout.field": ("", "r", "r", "rwcu", "rwcu"),
}
OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}


def new_group_users(env, prefix):
    """One new internal user per group of GROUPS ("none": no TĐKT group), by group; each
    logs in with its login as password."""
    return {
        group: mail_new_test_user(
            env,
            login=f"{prefix}_{group}",
            groups="base.group_user"
            if group == "none"
            else f"base.group_user,tdkt_emulation.group_tdkt_{group}",
        )
        for group in GROUPS
    }


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    """Every model of the addon × every group × read / write / create / unlink. A council
    member holds no group of their own: they are Users, and what they see of councils is
    the record rules' business (test_council_session)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = new_group_users(cls.env, "tdkt_matrix")

    def test_access_rights_of_every_model_and_group(self):
        for model, allowed in MATRIX.items():
            for group, rights in zip(GROUPS, allowed, strict=False):
                Model = self.env[model].with_user(self.users[group])
                for letter, operation in OPERATIONS.items():
                    with self.subTest(model=model, group=group, operation=operation):
                        self.assertEqual(
                            Model.browse().has_access(operation), letter in rights
                        )

    def test_the_matrix_covers_every_model_of_the_addon(self):
        models = {
            name
            for name, model in self.env.registry.items()
            if name.startswith("tdkt.") and not model._abstract and not model._transient
        }
        self.assertEqual(models, set(MATRIX))
