{
    "name": "Emulation and Commendation (Thi đua - Khen thưởng)",
    "summary": "Yearly emulation plans, title registrations, councils and commendation "
    "decisions of a Vietnamese public body",
    "version": "18.0.1.0.0",
    "development_status": "Alpha",
    "category": "Human Resources",
    "website": "https://github.com/tdkt-emulation/tdkt_emulation",
    "author": "tdkt_emulation developers",
    "maintainers": ["tdkt-emulation"],
    "license": "LGPL-3",
    "application": True,
    "depends": ["hr", "mail"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/tdkt_emulation_groups.xml",
        "security/ir.model.access.csv",
        "security/tdkt_emulation_rules.xml",
        "data/tdkt_title_data.xml",
        "views/tdkt_title_views.xml",
        "views/tdkt_plan_task_views.xml",
        "views/tdkt_plan_views.xml",
        "views/tdkt_emulation_menus.xml",
    ],
    "demo": [
        "demo/hr_demo.xml",
        "demo/tdkt_plan_demo.xml",
    ],
}
