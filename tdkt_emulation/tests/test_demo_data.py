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
        self.assertEqual(
            [(g["quarter"], g["quarter_count"]) for g in groups],
            [("1", 4), ("2", 3), ("3", 4), ("4", 6)],
        )
        self.assertEqual(sorted(plan.task_ids.mapped("sequence")), list(range(1, 18)))

    def test_demo_is_a_vietnamese_department(self):
        plan = self.env.ref("tdkt_emulation.plan_2020", raise_if_not_found=False)
        if not plan:
            self.skipTest("installed without demo data")
        company = self.env.ref("base.main_company")
        self.assertEqual(company.name, "Sở Nội vụ tỉnh Lạng Sơn")
        self.assertEqual(
            (
                company.street,
                company.street2,
                company.city,
                company.state_id.name,
                company.country_id.code,
            ),
            (
                "Số 2 đường Hoàng Văn Thụ",
                "Phường Chi Lăng",
                "Thành phố Lạng Sơn",
                "Lạng Sơn",
                "VN",
            ),
        )
        self.assertTrue(
            company.phone.startswith("+84 205 "),
            "a landline of Lạng Sơn (area code 205)",
        )
        people = self.env["hr.employee"].browse(
            self.env["ir.model.data"]
            .search([("module", "=", "tdkt_emulation"), ("model", "=", "hr.employee")])
            .mapped("res_id")
        )
        self.assertTrue(people)
        for person in people:
            self.assertRegex(
                person.work_phone or "", r"^\+84 205 \d{4} \d{3}$", person.name
            )
            self.assertRegex(
                person.mobile_phone or "", r"^\+84 9\d{2} \d{3} \d{3}$", person.name
            )
            # The work contact of a person with a user is the user's partner: its e-mail stays.
            self.assertEqual(
                person.user_id.email, f"{person.user_id.login}@example.com"
            )
        # Approved by the Director on the day it was issued.
        self.assertEqual(
            plan.approved_by_id, self.env.ref("tdkt_emulation.user_manager")
        )
        self.assertEqual(plan.approved_by_id.login, "giamdoc")
        self.assertEqual(str(plan.date_approved.date()), "2020-01-03")

    def test_the_registering_units_of_the_demo_are_the_seed_plans(self):
        plan = self.env.ref("tdkt_emulation.plan_2020", raise_if_not_found=False)
        if not plan:
            self.skipTest("installed without demo data")
        Department = self.env["hr.department"]
        registering = Department.search(
            [
                ("company_id", "in", (plan.company_id.id, False)),
                ("tdkt_registers", "=", True),
            ]
        )
        demo_units = Department.browse(
            self.env["ir.model.data"]
            .search(
                [("module", "=", "tdkt_emulation"), ("model", "=", "hr.department")]
            )
            .mapped("res_id")
        )
        self.assertEqual(registering & demo_units, plan.registration_unit_ids)
        for xmlid in (
            "tdkt_emulation.dep_council_emulation",
            "tdkt_emulation.dep_council_initiative",
            "hr.dep_administration",
            "hr.dep_rd",
        ):
            self.assertFalse(self.env.ref(xmlid).tdkt_registers, xmlid)

    def test_the_seeds_cluster_is_scored_and_ranked(self):
        covenant = self.env.ref(
            "tdkt_emulation.cluster_tmth_covenant_2020", raise_if_not_found=False
        )
        if not covenant:
            self.skipTest("installed without demo data")
        cluster = covenant.cluster_id
        self.assertEqual(cluster.name, "Cụm thi đua các cơ quan tham mưu tổng hợp")
        self.assertEqual(cluster.own_member_id.name, "Sở Nội vụ")
        self.assertEqual(
            cluster._get_head(covenant.date_signed).name, "Sở Kế hoạch và Đầu tư"
        )
        self.assertEqual(covenant.state, "ranked")
        self.assertEqual(
            [
                (line.rank, line.member_id.name, line.final_total)
                for line in covenant.line_ids.sorted("rank")
            ],
            [
                (1, "Sở Kế hoạch và Đầu tư", 94.0),
                (2, "Sở Nội vụ", 89.2),
                (3, "Văn phòng UBND tỉnh", 86.0),
                (4, "Sở Tài chính", 82.0),
                (5, "Sở Tư pháp", 59.0),
            ],
        )
        # its calendar sets the deadlines of the plan's three tasks of the cluster
        tasks = cluster.event_ids.task_id
        self.assertEqual(
            sorted(tasks.mapped("sequence")), [3, 11, 16], tasks.mapped("name")
        )
        self.assertEqual(tasks.cluster_id, cluster)

    def test_demo_movements_of_the_seed_plan(self):
        regular = self.env.ref(
            "tdkt_emulation.movement_2020_regular", raise_if_not_found=False
        )
        if not regular:
            self.skipTest("installed without demo data")
        self.assertEqual(regular.name, "Phát động phong trào thi đua năm 2020")
        self.assertEqual(regular.plan_id, self.env.ref("tdkt_emulation.plan_2020"))
        self.assertEqual((regular.method, regular.state), ("regular", "launched"))
        thematic = self.env.ref("tdkt_emulation.movement_2016_2020_thematic")
        self.assertEqual((thematic.method, thematic.state), ("thematic", "launched"))
        self.assertEqual(len(thematic.award_ids), 3)
        self.assertEqual(set(thematic.award_ids.mapped("award_kind")), {"thematic"})
        self.assertEqual(
            self.env.ref(
                "tdkt_emulation.award_2020_thematic_office_head"
            ).recipient_class,
            "leader_other",
        )
