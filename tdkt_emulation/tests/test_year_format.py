from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import TdktCommon

# Where a field shows a value as a widget would; search, pivot and graph views group by the
# raw year.
SHOWING_VIEWS = ("list", "form", "kanban")


@tagged("post_install", "-at_install")
class TestYearFormat(TdktCommon):
    """A year reads 2020, never 2.020 or 2,020 as a number would in a Vietnamese or English
    interface."""

    def _year_nodes(self, node, model, view_type):
        """Yield (model, view type, field node) for every year field shown under ``node``,
        following the x2many fields' inline views into their comodel."""
        for child in node.iterchildren(tag=etree.Element):
            if child.tag in SHOWING_VIEWS:
                view_type = child.tag
            if child.tag == "field":
                field = self.env[model]._fields.get(child.get("name"))
                if (
                    field
                    and field.type == "integer"
                    and (field.name == "year" or field.name.endswith("_year"))
                ):
                    yield model, view_type, child
                if field is not None and field.relational and len(child):
                    yield from self._year_nodes(child, field.comodel_name, view_type)
                continue
            yield from self._year_nodes(child, model, view_type)

    def test_every_view_shows_years_without_a_thousands_separator(self):
        views = self.env["ir.ui.view"].browse(
            self.env["ir.model.data"]
            .search([("module", "=", "tdkt_emulation"), ("model", "=", "ir.ui.view")])
            .mapped("res_id")
        )
        checked = []
        for view in views.filtered(lambda view: view.type in SHOWING_VIEWS):
            for model, view_type, node in self._year_nodes(
                etree.fromstring(view.arch_db), view.model, view.type
            ):
                options = safe_eval(
                    node.get("options") or "{}", {"false": False, "true": True}
                )
                checked.append((model, view.name))
                self.assertIs(
                    options.get("enable_formatting"),
                    False,
                    f"{view.name}: the {model} field {node.get('name')} shows the year as a number",
                )
                # A kanban card formats a field without a widget by itself, options aside.
                if view_type == "kanban":
                    self.assertTrue(
                        node.get("widget"),
                        f'{view.name}: the {model} year needs widget="integer"',
                    )
        models = {model for model, _view in checked}
        self.assertLessEqual(
            {
                "tdkt.plan",
                "tdkt.registration",
                "tdkt.registration.line",
                "tdkt.award",
                "tdkt.initiative",
                "tdkt.decision",
                "tdkt.council.session",
                "tdkt.commendation.report",
            },
            models,
        )

    def test_chatter_tracks_a_year_as_written(self):
        plan = (
            self.env["tdkt.plan"]
            .with_context(mail_notrack=False, tracking_disable=False)
            .create({"name": "Plan", "year": 2040})
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        plan.year = 2041
        self.env.flush_all()
        self.env.cr.precommit.run()
        trackings = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", "tdkt.plan"),
                    ("mail_message_id.res_id", "=", plan.id),
                ]
            )
        )
        [tracking] = trackings._tracking_value_format()
        self.assertEqual(tracking["fieldName"], "year")
        self.assertEqual(
            (tracking["oldValue"]["value"], tracking["newValue"]["value"]),
            ("2040", "2041"),
        )
        self.assertEqual(
            tracking["fieldType"], "char", "shown as written, not formatted as a number"
        )
