"""50,000 registration lines of 2031 over 500 units, added to the dataset of ``generate.py``
inside ``odoo shell`` (see the README's benchmarks), for the eligibility benchmark
(``bench/run.py --only eligibility --eligibility-year 2031``).

The people of ``generate.py`` (and their award history) are spread over 500 units, and
every unit registers: each person for every individual title, each unit for the
collective ones. The rows are written in SQL, as a fixture: the benchmark measures the
check of the lines, not their creation, and the check reads rows whatever wrote them.
"""
# pylint: disable=undefined-variable,print-used
# ``env`` is given by odoo shell.

import time

started = time.perf_counter()
YEAR = 2031
UNITS = 500
LINES = 50000

env = env(
    context=dict(
        env.context, tracking_disable=True, mail_create_nolog=True, mail_notrack=True
    )
)
units = env["hr.department"].search([("name", "like", "Phòng chuyên môn số")])
units |= env["hr.department"].create(
    [{"name": f"Phòng chuyên môn số {n:03d}"} for n in range(len(units) + 1, UNITS + 1)]
)
titles = env["tdkt.title"].search([])
individual = titles.filtered(lambda title: title.subject_type != "collective")
collective = titles.filtered(lambda title: title.subject_type != "individual")
people = env["hr.employee"].search([("name", "like", "Công chức")], order="id")
needed = -(-(LINES - UNITS * len(collective)) // len(individual))
for start in range(len(people), needed, 500):
    people |= env["hr.employee"].create(
        [
            {"name": f"Nguyễn Văn Công chức {n:05d}", "job_title": "Chuyên viên"}
            for n in range(start, min(start + 500, needed))
        ]
    )
people = people[:needed]
# Person n works in unit n % 500.
env.flush_all()
env.cr.execute(
    "UPDATE hr_employee SET department_id = moved.unit FROM unnest(%s, %s) AS moved(id, unit) "
    "WHERE hr_employee.id = moved.id",
    [people.ids, [units[n % UNITS].id for n in range(len(people))]],
)
env.invalidate_all()
plan = env["tdkt.plan"].create(
    {
        "name": f"Kế hoạch công tác thi đua, khen thưởng năm {YEAR} (500 đơn vị)",
        "number": "07/KH-BENCH-500",
        "year": YEAR,
        "registration_unit_ids": [(6, 0, units.ids)],
    }
)
plan.action_approve()
env.flush_all()
forms = {form.unit_id.id: form.id for form in plan.registration_ids}
company_id = plan.company_id.id
rows = []
for n, person in enumerate(people):
    for title in individual:
        rows.append(
            (
                forms[units[n % UNITS].id],
                units[n % UNITS].id,
                "individual",
                person.id,
                title.id,
                title.level,
                ("excellent", "good", "good", "complete")[(n + title.id) % 4],
            )
        )
for unit in units:
    for title in collective:
        rows.append(
            (forms[unit.id], unit.id, "collective", None, title.id, title.level, None)
        )
rows = rows[:LINES]
env.cr.execute(
    """
    INSERT INTO tdkt_registration_line (registration_id, unit_id, subject_type, employee_id,
        title_id, title_level, rating, plan_id, year, company_id, state, sequence,
        months_worked, create_uid, write_uid, create_date, write_date)
    SELECT row.registration_id, row.unit_id, row.subject_type, row.employee_id, row.title_id,
        row.title_level, row.rating, %s, %s, %s, 'draft', 10, 12, 1, 1, now(), now()
    FROM unnest(%s::int[], %s::int[], %s::varchar[], %s::int[], %s::int[], %s::varchar[],
        %s::varchar[]) AS row(registration_id, unit_id, subject_type, employee_id, title_id,
        title_level, rating)
    """,
    [plan.id, YEAR, company_id, *map(list, zip(*rows, strict=True))],
)
env.cr.commit()
print(
    f"added {len(rows)} registration lines of {YEAR} over {len(units)} units "
    f"({len(people)} people) in {time.perf_counter() - started:.1f} s"
)
