"""The province-scale dataset of issue 17, inside ``odoo shell`` on a fresh database with
tdkt_emulation installed (``./dev bench --province``; see the README's benchmarks).

One Odoo for a province: the provincial office (the main company) and 20 department
companies of 25 units each (500 units), 50,000 employees, 10 years of award history
(2021-2030, about 480,000 awards), an approved plan of 2031 per department whose 25
forms hold 200,000 registration lines (every person for four titles), and 1,000
proposal dossiers (50 per department, five nominees each). Two Office users of the
province read 2 and 20 departments (``bench_province_2`` and ``bench_province_20``,
password ``bench``).

Companies, units, plans and users go through the ORM; the bulk rows are written in SQL
as a fixture (the benchmarks measure reading them, not their creation), with the stored
computed columns the ORM would have written. Sizes: TDKT_BENCH_DEPARTMENTS (20),
TDKT_BENCH_DEPARTMENT_UNITS (25), TDKT_BENCH_EMPLOYEES (50000),
TDKT_BENCH_HISTORY_YEARS (10), TDKT_BENCH_PROPOSALS (1000).
"""
# pylint: disable=undefined-variable,print-used
# ``env`` is given by odoo shell.

import os
import time
from datetime import date

started = time.perf_counter()
DEPARTMENTS = int(os.environ.get("TDKT_BENCH_DEPARTMENTS", 20))
DEPARTMENT_UNITS = int(os.environ.get("TDKT_BENCH_DEPARTMENT_UNITS", 25))
EMPLOYEES = int(os.environ.get("TDKT_BENCH_EMPLOYEES", 50000))
HISTORY_YEARS = int(os.environ.get("TDKT_BENCH_HISTORY_YEARS", 10))
PROPOSALS = int(os.environ.get("TDKT_BENCH_PROPOSALS", 1000))
YEAR = 2031
LINE_TITLES = (
    "title_ldtt",
    "title_cstdcs",
    "title_certificate_director",
    "title_merit_province",
)

env = env(
    context=dict(
        env.context, tracking_disable=True, mail_create_nolog=True, mail_notrack=True
    )
)
cr = env.cr
province = env.ref("base.main_company")
province.name = "Ban Thi đua - Khen thưởng tỉnh"
companies = env["res.company"].create(
    [{"name": f"Sở số {n:02d}"} for n in range(1, DEPARTMENTS + 1)]
)
# The administrator (not the shell's superuser) reads every department.
env.ref("base.user_admin").company_ids = [(4, company.id) for company in companies]
units = env["hr.department"]
for company in companies:
    units |= env["hr.department"].create(
        [
            {"name": f"Phòng số {n:02d} - {company.name}", "company_id": company.id}
            for n in range(1, DEPARTMENT_UNITS + 1)
        ]
    )
unit_ids = units.ids
unit_company = {unit.id: unit.company_id.id for unit in units}
env.flush_all()

# Person n works in unit n % 500, in its company.
cr.execute(
    """
    WITH numbered AS (
        SELECT n, (%(units)s::int[])[1 + n %% cardinality(%(units)s::int[])] AS unit
        FROM generate_series(0, %(count)s - 1) AS n
    ), placed AS (
        SELECT numbered.n, numbered.unit, department.company_id,
            company.resource_calendar_id
        FROM numbered
        JOIN hr_department department ON department.id = numbered.unit
        JOIN res_company company ON company.id = department.company_id
    ), resources AS (
        INSERT INTO resource_resource (name, resource_type, tz, time_efficiency, active,
            company_id, calendar_id, create_uid, write_uid, create_date, write_date)
        SELECT 'Nguyễn Văn Công chức ' || lpad(n::text, 5, '0'), 'user', 'Asia/Ho_Chi_Minh',
            100, true, company_id, resource_calendar_id, 1, 1, now(), now()
        FROM placed ORDER BY n
        RETURNING id, name, company_id, calendar_id
    )
    INSERT INTO hr_employee (resource_id, name, company_id, resource_calendar_id,
        department_id, job_title, employee_type, marital, distance_home_work_unit, active,
        tdkt_recipient_class, create_uid, write_uid, create_date, write_date)
    SELECT resources.id, resources.name, resources.company_id, resources.calendar_id,
        placed.unit, 'Chuyên viên', 'employee', 'single', 'kilometers', true, 'worker', 1, 1,
        now(), now()
    FROM resources
    JOIN placed ON 'Nguyễn Văn Công chức ' || lpad(placed.n::text, 5, '0') = resources.name
    """,
    {"units": unit_ids, "count": EMPLOYEES},
)
cr.execute(
    "SELECT id FROM hr_employee WHERE name LIKE 'Nguyễn Văn Công chức %%' ORDER BY name"
)
employee_ids = [row[0] for row in cr.fetchall()]

ldtt, cstdcs, ttldtt = (
    env.ref(f"tdkt_emulation.{xmlid}")
    for xmlid in ("title_ldtt", "title_cstdcs", "title_ttldtt")
)
# The award history: Advanced Worker most years (a gap now and then), Grassroots Emulation
# Fighter for one person in ten each year, a collective title for every unit.
cr.execute(
    """
    WITH people AS (
        SELECT row_number() OVER (ORDER BY employee.name) - 1 AS n, employee.id,
            employee.name, employee.department_id, employee.company_id
        FROM hr_employee employee WHERE employee.id = ANY(%(people)s)
    ), years AS (
        SELECT generate_series(%(first)s, %(last)s) AS year
    ), granted AS (
        SELECT people.*, years.year, title.id AS title_id, title.sequence, title.level,
            title.kind AS title_kind
        FROM people CROSS JOIN years
        JOIN tdkt_title title ON title.id = %(ldtt)s AND (people.n + years.year) %% 7 <> 0
            OR title.id = %(cstdcs)s AND people.n %% 10 = years.year %% 10
    )
    INSERT INTO tdkt_award (employee_id, unit_id, title_id, year, title_sequence, company_id,
        subject_type, subject_name, level, title_kind, award_kind, recipient_class,
        decision_number, decision_date, create_uid, write_uid, create_date, write_date)
    SELECT id, department_id, title_id, year, sequence, company_id, 'individual', name,
        level, title_kind, 'regular', 'worker', (year %% 100) || '/QĐ-BENCH', make_date(year + 1, 1, 15),
        1, 1, now(), now()
    FROM granted
    """,
    {
        "people": employee_ids,
        "first": YEAR - HISTORY_YEARS,
        "last": YEAR - 1,
        "ldtt": ldtt.id,
        "cstdcs": cstdcs.id,
    },
)
award_count = cr.rowcount
cr.execute(
    """
    INSERT INTO tdkt_award (unit_id, title_id, year, title_sequence, company_id, subject_type,
        subject_name, level, title_kind, award_kind, recipient_class, decision_number,
        decision_date, create_uid, write_uid, create_date, write_date)
    SELECT unit.id, title.id, year, title.sequence, unit.company_id, 'collective',
        unit.name->>'en_US', title.level, title.kind, 'regular', 'agency', (year %% 100) || '/QĐ-BENCH',
        make_date(year + 1, 1, 15), 1, 1, now(), now()
    FROM hr_department unit, tdkt_title title, generate_series(%s, %s) AS year
    WHERE unit.id = ANY(%s) AND title.id = %s
    """,
    [YEAR - HISTORY_YEARS, YEAR - 1, unit_ids, ttldtt.id],
)
award_count += cr.rowcount

# A plan of 2031 per department, approved: a form per unit.
plans = env["tdkt.plan"]
for company in companies:
    plans |= (
        env["tdkt.plan"]
        .with_company(company)
        .create(
            {
                "name": f"Kế hoạch công tác thi đua, khen thưởng năm {YEAR} - {company.name}",
                "number": f"01/KH-{company.id}",
                "year": YEAR,
                "company_id": company.id,
                "date_registration_deadline": date(YEAR, 1, 30),
                "registration_unit_ids": [
                    (6, 0, units.filtered(lambda u, c=company: u.company_id == c).ids)
                ],
            }
        )
    )
for plan in plans:
    plan.with_company(plan.company_id).action_approve()
env.flush_all()
forms = {form.unit_id.id: form for form in plans.registration_ids}
titles = [env.ref(f"tdkt_emulation.{xmlid}") for xmlid in LINE_TITLES]
cr.execute(
    """
    INSERT INTO tdkt_registration_line (registration_id, unit_id, subject_type, employee_id,
        subject_name, title_id, title_level, plan_id, year, company_id, state, sequence, note,
        create_uid, write_uid, create_date, write_date)
    SELECT form.id, employee.department_id, 'individual', employee.id, employee.name,
        title.id, title.level, form.plan_id, %s, form.company_id, 'draft', 10,
        CASE WHEN employee.id %% 97 = 0 THEN 'đăng ký bổ sung' END, 1, 1, now(), now()
    FROM hr_employee employee
    JOIN tdkt_registration form ON form.unit_id = employee.department_id AND form.plan_id = ANY(%s)
    CROSS JOIN tdkt_title title
    WHERE employee.id = ANY(%s) AND title.id = ANY(%s)
    ORDER BY employee.id, title.sequence
    """,
    [YEAR, plans.ids, employee_ids, [title.id for title in titles]],
)
line_count = cr.rowcount

# 1,000 proposal dossiers to the province, 50 per department, five nominees each.
states = ("draft", "sent", "returned", "decided")
cr.execute(
    """
    WITH dossiers AS (
        INSERT INTO tdkt_proposal (name, year, company_id, recipient, authority_level, state,
            proposal_kind, create_uid, write_uid, create_date, write_date)
        SELECT n || '/TTr-BENCH', %(year)s - 1 - n %% 3,
            (%(companies)s::int[])[1 + n %% cardinality(%(companies)s::int[])],
            'Hội đồng Thi đua - Khen thưởng tỉnh', 'province',
            (%(states)s::varchar[])[1 + n %% 4], 'year_end', 1, 1, now(), now()
        FROM generate_series(0, %(count)s - 1) AS n
        RETURNING id, company_id
    ), numbered AS (
        SELECT dossiers.*, row_number() OVER (ORDER BY id) AS n FROM dossiers
    )
    INSERT INTO tdkt_proposal_line (proposal_id, company_id, employee_id, unit_id, title_id,
        subject_type, subject_name, outcome, reason, award_kind, recipient_class, create_uid,
        write_uid, create_date, write_date)
    SELECT numbered.id, numbered.company_id, employee.id, employee.department_id,
        %(title)s, 'individual', employee.name, 'pending', 'Hoàn thành xuất sắc nhiệm vụ',
        'regular', 'worker',
        1, 1, now(), now()
    FROM numbered
    CROSS JOIN generate_series(0, 4) AS k
    JOIN hr_employee employee ON employee.id = (%(people)s::int[])[
        1 + ((numbered.n * 5 + k) * 37) %% cardinality(%(people)s::int[])]
    """,
    {
        "year": YEAR,
        "companies": companies.ids,
        "states": list(states),
        "count": PROPOSALS,
        "title": env.ref("tdkt_emulation.title_merit_province").id,
        "people": employee_ids,
    },
)

# The province's Office, reading 2 departments or all 20.
officer = env.ref("tdkt_emulation.group_tdkt_manager")
for count in (2, DEPARTMENTS):
    env["res.users"].create(
        {
            "name": f"Văn phòng tỉnh ({count} sở)",
            "login": f"bench_province_{count}",
            "password": "bench",
            "company_id": province.id,
            "company_ids": [(6, 0, [province.id, *companies[:count].ids])],
            "groups_id": [(6, 0, [officer.id, env.ref("base.group_user").id])],
        }
    )
cr.execute("ANALYZE")
env.cr.commit()
print(
    f"generated {DEPARTMENTS} departments of {DEPARTMENT_UNITS} units ({len(unit_ids)} units), "
    f"{len(employee_ids)} employees, {award_count} awards over {HISTORY_YEARS} years, "
    f"{line_count} registration lines of {YEAR}, {PROPOSALS} proposals in "
    f"{time.perf_counter() - started:.1f} s"
)
