"""Province-scale dataset for the benchmarks, run inside ``odoo shell`` (see ``./dev bench``).

Sizes come from the environment: TDKT_BENCH_UNITS (50), TDKT_BENCH_EMPLOYEES (5000),
TDKT_BENCH_LINES (20000), TDKT_BENCH_HISTORY_YEARS (10), TDKT_BENCH_INITIATIVES (300).
The database is expected fresh, with tdkt_emulation installed.
"""
# pylint: disable=undefined-variable,print-used
# ``env`` is given by odoo shell.

import os
import time
from datetime import date

started = time.perf_counter()
UNITS = int(os.environ.get("TDKT_BENCH_UNITS", 50))
EMPLOYEES = int(os.environ.get("TDKT_BENCH_EMPLOYEES", 5000))
LINES = int(os.environ.get("TDKT_BENCH_LINES", 20000))
HISTORY_YEARS = int(os.environ.get("TDKT_BENCH_HISTORY_YEARS", 10))
INITIATIVES = int(os.environ.get("TDKT_BENCH_INITIATIVES", 300))
YEAR = 2030

env = env(
    context=dict(
        env.context, tracking_disable=True, mail_create_nolog=True, mail_notrack=True
    )
)
units = env["hr.department"].create(
    [{"name": f"Phòng chuyên môn số {n:02d}"} for n in range(1, UNITS + 1)]
)
# Each unit has a head with a user: whom the daily crons remind.
head_users = env["res.users"].create(
    [
        {
            "name": f"Trưởng phòng số {n:02d}",
            "login": f"bench_head_{n:02d}",
            "groups_id": [
                (6, 0, [env.ref("tdkt_emulation.group_tdkt_unit_manager").id])
            ],
        }
        for n in range(1, UNITS + 1)
    ]
)
heads = env["hr.employee"].create(
    [
        {
            "name": user.name,
            "job_title": "Trưởng phòng",
            "department_id": unit.id,
            "user_id": user.id,
        }
        for unit, user in zip(units, head_users, strict=False)
    ]
)
for unit, head in zip(units, heads, strict=False):
    unit.manager_id = head
employees = env["hr.employee"]
for start in range(0, EMPLOYEES, 500):
    employees |= env["hr.employee"].create(
        [
            {
                "name": f"Nguyễn Văn Công chức {n:05d}",
                "job_title": "Chuyên viên",
                "department_id": units[n % UNITS].id,
            }
            for n in range(start, min(start + 500, EMPLOYEES))
        ]
    )
# The award history of the years before: Advanced Worker most years (a gap now and then),
# Grassroots Emulation Fighter for one person in ten, a collective title for every unit.
ldtt, cstdcs, ttldtt = (
    env.ref(f"tdkt_emulation.{xmlid}")
    for xmlid in ("title_ldtt", "title_cstdcs", "title_ttldtt")
)
award_count = 0
for year in range(YEAR - HISTORY_YEARS, YEAR):
    vals_list = [
        {
            "employee_id": employee.id,
            "year": year,
            "title_id": title.id,
            "decision_number": f"{year % 100}/QĐ-BENCH",
            "decision_date": date(year + 1, 1, 15),
        }
        for n, employee in enumerate(employees)
        for title in ((ldtt, cstdcs) if n % 10 == year % 10 else (ldtt,))
        if (n + year) % 7
    ]
    vals_list += [
        {
            "subject_type": "collective",
            "unit_id": unit.id,
            "year": year,
            "title_id": ttldtt.id,
            "decision_number": f"{year % 100}/QĐ-BENCH",
        }
        for unit in units
    ]
    env["tdkt.award"].create(vals_list)
    award_count += len(vals_list)
initiatives = env["tdkt.initiative"].create(
    [
        {
            "name": f"Sáng kiến số {n}",
            "unit_id": employees[n * 13 % EMPLOYEES].department_id.id,
            "year": YEAR - n % 3,
            "solution": "Số hoá hồ sơ",
            "author_ids": [(0, 0, {"employee_id": employees[n * 13 % EMPLOYEES].id})],
        }
        for n in range(INITIATIVES)
    ]
)
initiatives.write(
    {
        "state": "recognized",
        "scope": "grassroots",
        "recognition_decision": "99/QĐ-BENCH",
    }
)
plan = env["tdkt.plan"].create(
    {
        "name": f"Kế hoạch công tác thi đua, khen thưởng năm {YEAR}",
        "number": "01/KH-BENCH",
        "year": YEAR,
        "date_registration_deadline": date(YEAR, 1, 30),
        "registration_unit_ids": [(6, 0, units.ids)],
    }
)
plan.action_approve()
forms = {form.unit_id.id: form for form in plan.registration_ids}
titles = [
    env.ref(f"tdkt_emulation.{xmlid}")
    for xmlid in (
        "title_ldtt",
        "title_cstdcs",
        "title_certificate_director",
        "title_merit_province",
    )
]
vals_list = []
for n in range(LINES):
    employee = employees[n % EMPLOYEES]
    vals_list.append(
        {
            "registration_id": forms[employee.department_id.id].id,
            "employee_id": employee.id,
            "title_id": titles[(n // EMPLOYEES) % len(titles)].id,
            "note": "=1+1 đăng ký" if n % 97 == 0 else "",
            "rating": ("excellent", "good", "good", "complete")[n % 4],
        }
    )
for start in range(0, LINES, 2000):
    env["tdkt.registration.line"].create(vals_list[start : start + 2000])
units_cycle = units.ids


def create_task_plan(number, size, name, year, with_deadlines):
    """An approved plan of ``size`` tasks led by the units in turn, each with two others taking part."""
    plan = env["tdkt.plan"].create({"name": name, "number": number, "year": year})
    env["tdkt.plan.task"].create(
        [
            {
                "plan_id": plan.id,
                "sequence": n + 1,
                "name": f"Nhiệm vụ số {n + 1}",
                "lead_unit_id": units_cycle[n % len(units_cycle)],
                "participant_unit_ids": [
                    (6, 0, units_cycle[(n + 1) % len(units_cycle) :][:2])
                ],
                **(
                    {"date_deadline": date(year, 1 + (n * 12) // size, 1 + n % 28)}
                    if with_deadlines
                    else {}
                ),
            }
            for n in range(size)
        ]
    )
    plan.action_approve()


for number, size in (("02/KH-BENCH-40", 40), ("03/KH-BENCH-400", 400)):
    create_task_plan(
        number, size, f"Kế hoạch {size} nhiệm vụ", YEAR, with_deadlines=True
    )
# The daily crons' own plans of 40 and 400 tasks, in this year, their deadlines set by run.py
# around the day it runs (the kanban's plans keep theirs).
for number, size in (("05/KH-BENCH-CRON-40", 40), ("06/KH-BENCH-CRON-400", 400)):
    create_task_plan(
        number,
        size,
        f"Kế hoạch {size} nhiệm vụ (nhắc hạn)",
        date.today().year,
        with_deadlines=False,
    )
# The reference of the registration crons: a plan whose forms are those of 5 units (01/KH-BENCH has 50).
env["tdkt.plan"].create(
    {
        "name": "Kế hoạch 5 đơn vị",
        "number": "04/KH-BENCH-5",
        "year": YEAR,
        "date_registration_deadline": date(YEAR, 1, 30),
        "registration_unit_ids": [(6, 0, units[:5].ids)],
    }
).action_approve()
env.cr.commit()
print(
    f"generated {UNITS} units, {EMPLOYEES} employees, {award_count} awards over {HISTORY_YEARS} years, "
    f"{INITIATIVES} initiatives, {LINES} registration lines, plans of 40 and 400 tasks (twice) and of 5 units "
    f"in {time.perf_counter() - started:.1f} s"
)
