from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    def test_seed_plan_has_17_tasks_in_four_quarters(self):
        plan = self.env.ref("tdkt_emulation.plan_2020", raise_if_not_found=False)
        if not plan:
            self.skipTest("installed without demo data")
        self.assertEqual(plan.number, "03/KH-SNV")
        self.assertEqual(plan.state, "approved")
        self.assertEqual(str(plan.date_registration_deadline), "2020-01-30")
        groups = self.env["tdkt.plan.task"].web_read_group(
            [("plan_id", "=", plan.id)], ["quarter"], ["quarter"]
        )["groups"]
        self.assertEqual([(g["quarter"], g["quarter_count"]) for g in groups], [("1", 4), ("2", 3), ("3", 4), ("4", 6)])
        self.assertEqual(sorted(plan.task_ids.mapped("sequence")), list(range(1, 18)))

    def test_the_registering_units_of_the_demo_are_the_seed_plans(self):
        plan = self.env.ref("tdkt_emulation.plan_2020", raise_if_not_found=False)
        if not plan:
            self.skipTest("installed without demo data")
        Department = self.env["hr.department"]
        registering = Department.search([("company_id", "in", (plan.company_id.id, False)), ("tdkt_registers", "=", True)])
        demo_units = Department.browse(
            self.env["ir.model.data"].search([("module", "=", "tdkt_emulation"), ("model", "=", "hr.department")]).mapped("res_id")
        )
        self.assertEqual(registering & demo_units, plan.registration_unit_ids)
        for xmlid in ("tdkt_emulation.dep_council_emulation", "tdkt_emulation.dep_council_initiative",
                      "hr.dep_administration", "hr.dep_rd"):
            self.assertFalse(self.env.ref(xmlid).tdkt_registers, xmlid)
