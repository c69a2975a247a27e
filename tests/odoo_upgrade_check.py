"""Upgrade and uninstall safety of tdkt_emulation, run inside ``odoo shell`` by ``./dev upgrade-check``.

Not a pytest file (pytest collects ``test_*.py`` only): it needs a database where the addon
is installed with its demo data, and runs in four steps, chosen by ``TDKT_CHECK_PHASE``:

``before``
    Adds what people would have made by hand (see *data that stays* below), with the
    addon's records that use it — a plan and task with chatter, a follower, an activity, an
    attachment, a saved filter, an export list, an activity plan whose step uses the
    addon's activity type — and changes some of the addon's own data (a demo unit renamed,
    a shipped criterion archived, a title renamed); then saves a snapshot to the JSON file
    ``TDKT_CHECK_SNAPSHOT``.
``upgraded``
    After ``odoo -u tdkt_emulation``: the snapshot is unchanged — the row count and the
    contents of every ``tdkt_*`` table, the employees, departments, users, partners and
    companies, the addon's settings on the company, the chatter of the addon's records, the
    addon's external ids (none re-created, none lost) and its crons, activity types, groups,
    menus, actions, rules. Before the upgrade the step also makes the database look
    installed by 18.0.1.0.0 (the first stage's broader unit rules, its version): the
    migration must bring the shipped record rules back.
``uninstall``
    Uninstalls the addon (``button_immediate_uninstall``) and commits.
``uninstalled``
    Nothing of the addon is left: no ``tdkt_*`` table, view or sequence, no record it owned
    (by its external ids) and no row of the technical tables naming a ``tdkt.*`` model, no
    ``tdkt_*`` column, no chatter, activity, follower, attachment, saved filter, export
    list or activity plan of a ``tdkt.*`` model, nor any other column that names a model
    naming one; and the data that stays is intact.

*Data that stays* is every employee, department, user, partner and company that the
addon's XML files did not create (their rows have no external id of ``tdkt_emulation``):
those of Odoo itself and those made by people, for which the ``before`` step makes a
department, an employee who heads it, their user (also in an addon group) and a partner
through the ORM. Uninstalling keeps these rows, with the same values in every column
except the ``tdkt_*`` ones the addon added and references to records the uninstall removed
(the demo units, people and users, which belong to the addon), cleared as their foreign
key says; a kept user keeps every group that is not the addon's.

Prints one line per check and exits with status 1 when one fails.
"""
# pylint: disable=undefined-variable,print-used
# ``env`` is given by odoo shell.

import json
import os
import sys
from datetime import date

from odoo import Command

MODULE = "tdkt_emulation"
PHASE = os.environ["TDKT_CHECK_PHASE"]
SNAPSHOT = os.environ["TDKT_CHECK_SNAPSHOT"]
# The tables of the data that stays, and the columns whose change says nothing.
KEPT_TABLES = {
    "hr_employee": "hr.employee",
    "hr_department": "hr.department",
    "res_users": "res.users",
    "res_partner": "res.partner",
    "res_company": "res.company",
}
VOLATILE_COLUMNS = {"write_date", "write_uid"}
MARK = "upgrade-check"
TASK_REMINDER = "tdkt_emulation.mail_act_tdkt_task_reminder"

cr = env.cr
failures = []


def check(ok, label, detail=""):
    """Print one line for a check; remember a failure."""
    print(
        f"{MARK}: {'ok  ' if ok else 'FAIL'} {label}{'' if ok or not detail else ': ' + detail}",
        flush=True,
    )
    if not ok:
        failures.append(label)


def rows(query, *params):
    """Run ``query`` (``%%`` for a literal ``%``; table names come from the catalog) and fetch all."""
    cr.execute(query, params)
    return cr.fetchall()


def scalar(query, *args):
    return rows(query, *args)[0][0]


def table_exists(table):
    return bool(
        scalar(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = %s",
            table,
        )
    )


def columns(table):
    return [
        name
        for (name,) in rows(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = %s "
            "ORDER BY ordinal_position",
            table,
        )
    ]


def tdkt_tables():
    return [
        name
        for (name,) in rows(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'tdkt\\_%%' ORDER BY 1"
        )
    ]


def table_digest(table):
    """Row count and md5 of every row's non-volatile columns, in a stable order."""
    keep = ", ".join(
        f'"{name}"' for name in columns(table) if name not in VOLATILE_COLUMNS
    )
    return list(
        rows(
            "SELECT count(*), md5(coalesce(string_agg(t.r, '|' ORDER BY t.r), '')) "
            f'FROM (SELECT jsonb_build_array({keep})::text AS r FROM "{table}") t'
        )[0]
    )


def owned_ids():
    """{model: [ids]} of the records the addon's external ids point at."""
    owned = {}
    for model, res_id in rows(
        "SELECT model, res_id FROM ir_model_data WHERE module = %s ORDER BY id", MODULE
    ):
        owned.setdefault(model, []).append(res_id)
    return owned


def people_rows():
    """{table: {"columns": [...], "rows": {id: [values]}}} of the employees, departments, users,
    partners and companies (all columns but the volatile ones and the addon's ``tdkt_*``)."""
    people = {}
    for table in KEPT_TABLES:
        names = [
            name
            for name in columns(table)
            if name not in VOLATILE_COLUMNS and not name.startswith("tdkt_")
        ]
        values = ", ".join(f'"{name}"' for name in names)
        found = rows(
            f'SELECT id, jsonb_build_array({values}) FROM "{table}" ORDER BY id'
        )
        people[table] = {
            "columns": names,
            "rows": {str(row_id): data for row_id, data in found},
        }
    return people


def foreign_keys(table):
    """{column: referenced table} of ``table``."""
    return dict(
        rows(
            "SELECT a.attname, c.confrelid::regclass::text FROM pg_constraint c "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
            "WHERE c.contype = 'f' AND c.conrelid = %s::regclass",
            table,
        )
    )


def snapshot():
    owned = owned_ids()
    return {
        "tdkt_tables": {table: table_digest(table) for table in tdkt_tables()},
        "people": people_rows(),
        "company_settings": rows(
            "SELECT id, tdkt_task_reminder_days, tdkt_registration_reminder_days, "
            "tdkt_initiative_pass_percent FROM res_company ORDER BY id"
        ),
        "owned": owned,
        "xmlids": sorted(
            f"{model} {name} {res_id} {noupdate}"
            for model, name, res_id, noupdate in rows(
                "SELECT model, name, res_id, noupdate FROM ir_model_data WHERE module = %s",
                MODULE,
            )
        ),
        "chatter": {
            table: dict(
                rows(
                    f"SELECT {column}, count(*) FROM {table} WHERE {column} LIKE 'tdkt.%%' GROUP BY 1"
                )
            )
            for table, column in (
                ("mail_message", "model"),
                ("mail_activity", "res_model"),
                ("mail_followers", "res_model"),
                ("ir_attachment", "res_model"),
            )
        },
        # Records without an external id that the addon's data would duplicate.
        "singles": {
            "crons": scalar(
                "SELECT count(*) FROM ir_cron c JOIN ir_act_server a ON a.id = c.ir_actions_server_id "
                "WHERE a.model_name LIKE 'tdkt.%%'"
            ),
            "activity types": scalar(
                "SELECT count(*) FROM mail_activity_type WHERE res_model LIKE 'tdkt.%%'"
            ),
            "groups": scalar(
                "SELECT count(*) FROM res_groups WHERE category_id IN (SELECT res_id FROM ir_model_data "
                "WHERE module = %s AND model = 'ir.module.category')",
                MODULE,
            ),
            "menus": scalar(
                "SELECT count(*) FROM ir_ui_menu WHERE action LIKE 'ir.actions.act_window,%%' AND "
                "split_part(action, ',', 2)::int IN (SELECT id FROM ir_act_window "
                "WHERE res_model LIKE 'tdkt.%%')"
            ),
            "window actions": scalar(
                "SELECT count(*) FROM ir_act_window WHERE res_model LIKE 'tdkt.%%'"
            ),
            "record rules": scalar(
                "SELECT count(*) FROM ir_rule r JOIN ir_model m ON m.id = r.model_id "
                "WHERE m.model LIKE 'tdkt.%%'"
            ),
            "access rights": scalar(
                "SELECT count(*) FROM ir_model_access a JOIN ir_model m ON m.id = a.model_id "
                "WHERE m.model LIKE 'tdkt.%%'"
            ),
            "sequences": scalar(
                "SELECT count(*) FROM ir_sequence WHERE code LIKE 'tdkt%%'"
            ),
            "config parameters": scalar(
                "SELECT count(*) FROM ir_config_parameter WHERE key LIKE 'tdkt%%'"
            ),
        },
        "rules": sorted(
            f"{name} {domain} {read}{write}{create}{unlink}"
            for name, domain, read, write, create, unlink in rows(
                "SELECT d.name, r.domain_force, r.perm_read, r.perm_write, r.perm_create, "
                "r.perm_unlink FROM ir_rule r JOIN ir_model_data d ON d.model = 'ir.rule' "
                "AND d.res_id = r.id WHERE d.module = %s",
                MODULE,
            )
        ),
    }


def downgrade_to_first_stage():
    """Makes the database look installed by 18.0.1.0.0, whose unit rules granted reading and
    changing at once and whose initiatives' write rule took no state: the upgrade's
    migration must bring the shipped rules back."""
    for name, column, value in (
        ("tdkt_registration_rule_user", "perm_write", True),
        ("tdkt_registration_rule_user", "perm_unlink", True),
        (
            "tdkt_initiative_rule_user_write",
            "domain_force",
            "[('is_in_my_unit', '=', True)]",
        ),
    ):
        cr.execute(
            f"UPDATE ir_rule SET {column} = %s WHERE id = (SELECT res_id FROM ir_model_data "  # noqa: S608
            "WHERE module = %s AND name = %s)",
            (value, MODULE, name),
        )
    cr.execute(
        "UPDATE ir_module_module SET latest_version = '18.0.1.0.0' WHERE name = %s",
        (MODULE,),
    )


# ------------------------------------------------------------
# before: what people make by hand, then the snapshot
# ------------------------------------------------------------


def make_data_that_stays():
    """A department, its head, the head's user (also in an addon group) and a partner, made
    through the ORM as people would; then records of the addon that point at them."""
    department = env["hr.department"].create(
        {"name": "Phòng do người dùng tạo (kiểm tra gỡ cài đặt)"}
    )
    user = env["res.users"].create(
        {
            "name": "Đinh Thị Giữ Lại",
            "login": "upgrade_check_user",
            "email": "giu.lai@example.com",
            "groups_id": [
                Command.set(
                    [
                        env.ref("base.group_user").id,
                        env.ref("tdkt_emulation.group_tdkt_user").id,
                    ]
                )
            ],
        }
    )
    employee = env["hr.employee"].create(
        {
            "name": "Đinh Thị Giữ Lại",
            "job_title": "Trưởng phòng",
            "department_id": department.id,
            "user_id": user.id,
        }
    )
    department.manager_id = employee
    partner = env["res.partner"].create(
        {"name": "Công ty Đối tác Giữ Lại", "email": "doitac@example.com"}
    )
    env.company.tdkt_task_reminder_days = "5,2"
    # The addon's records made by people: they go with the addon, with their chatter.
    plan = env["tdkt.plan"].create(
        {
            "name": "Kế hoạch do người dùng tạo",
            "number": "99/KH-KT",
            "year": 2031,
            "date_registration_deadline": date(2031, 1, 30),
            "user_id": user.id,
            "registration_unit_ids": [Command.set(department.ids)],
        }
    )
    task = env["tdkt.plan.task"].create(
        {
            "plan_id": plan.id,
            "name": "Nhiệm vụ do người dùng tạo",
            "lead_unit_id": department.id,
            "user_ids": [Command.set(user.ids)],
            "date_deadline": date(2031, 3, 1),
        }
    )
    plan.action_approve()
    plan.message_post(body="Ghi chú của người dùng", author_id=user.partner_id.id)
    plan.message_subscribe(partner_ids=partner.ids)
    task.activity_schedule(
        "mail.mail_activity_data_todo", user_id=user.id, summary="Việc cần làm"
    )
    env["ir.attachment"].create(
        {
            "name": "ho-so.txt",
            "raw": b"ho so",
            "res_model": "tdkt.plan",
            "res_id": plan.id,
        }
    )
    env["ir.filters"].create(
        {
            "name": "Nhiệm vụ của tôi",
            "model_id": "tdkt.plan.task",
            "user_id": user.id,
            "domain": "[('user_ids', 'in', uid)]",
        }
    )
    env["ir.exports"].create(
        {
            "name": "Danh sách đăng ký",
            "resource": "tdkt.registration.line",
            "export_fields": [Command.create({"name": "employee_id"})],
        }
    )
    env["mail.activity.plan"].create(
        {
            "name": "Nhắc việc nhiệm vụ",
            "res_model": "tdkt.plan.task",
            "template_ids": [
                Command.create(
                    {
                        "summary": "Nhắc hạn",
                        "responsible_type": "on_demand",
                        "activity_type_id": env.ref(TASK_REMINDER).id,
                    }
                )
            ],
        }
    )
    # People change what the addon's data and demo data made; an upgrade must not undo it.
    env.ref("tdkt_emulation.dep_union").name = "Công đoàn cơ sở Sở Nội vụ"
    env.ref("tdkt_emulation.criterion_novelty").write({"active": False})
    env.ref("tdkt_emulation.title_ldtt").with_context(
        lang="en_US"
    ).name = "Advanced Worker (renamed)"
    env.flush_all()


def compare(before, after):
    tables = sorted(set(before["tdkt_tables"]) | set(after["tdkt_tables"]))
    changed = [
        f"{t} {before['tdkt_tables'].get(t, ['-'])[0]}→{after['tdkt_tables'].get(t, ['-'])[0]}"
        for t in tables
        if before["tdkt_tables"].get(t, [None])[0]
        != after["tdkt_tables"].get(t, [None])[0]
    ]
    total = sum(count for count, _digest in after["tdkt_tables"].values())
    check(
        not changed,
        f"row counts of the {len(tables)} tdkt_* tables unchanged ({total} rows)",
        ", ".join(changed),
    )
    changed = [
        t for t in tables if before["tdkt_tables"].get(t) != after["tdkt_tables"].get(t)
    ]
    check(
        not changed,
        "contents of the tdkt_* tables unchanged (every column but write_date/uid)",
        ", ".join(changed),
    )
    for table in KEPT_TABLES:
        old, new = before["people"][table]["rows"], after["people"][table]["rows"]
        diff = [
            row_id
            for row_id in sorted(set(old) | set(new), key=int)
            if old.get(row_id) != new.get(row_id)
        ]
        check(
            not diff,
            f"{table}: its {len(old)} rows unchanged",
            f"ids {', '.join(diff)}",
        )
    check(
        before["company_settings"] == after["company_settings"],
        "the companies' settings of the addon unchanged",
        f"{before['company_settings']} → {after['company_settings']}",
    )
    lost = sorted(set(before["xmlids"]) - set(after["xmlids"]))
    new = sorted(set(after["xmlids"]) - set(before["xmlids"]))
    check(
        not lost and not new,
        f"the addon's {len(before['xmlids'])} external ids unchanged (none re-created)",
        f"lost {lost[:5]}, new {new[:5]}",
    )
    check(
        before["chatter"] == after["chatter"],
        "messages, activities, followers, attachments of tdkt.* unchanged",
        f"{before['chatter']} → {after['chatter']}",
    )
    for name, count in before["singles"].items():
        check(
            after["singles"][name] == count,
            f"{name}: {count}, none duplicated",
            f"now {after['singles'][name]}",
        )
    changed = sorted(set(before["rules"]) ^ set(after["rules"]))
    check(
        not changed,
        f"the {len(before['rules'])} record rules as shipped, those of 18.0.1.0.0 migrated",
        "; ".join(changed[:4]),
    )


def check_uninstalled(before):
    def none_left(label, query, *args):
        found = rows(query, *args)
        check(
            not found,
            f"no {label} left",
            f"{len(found)}: {', '.join(str(row[0]) for row in found[:8])}",
        )

    none_left(
        "tdkt_* table, view or sequence",
        "SELECT relname FROM pg_class WHERE relname LIKE 'tdkt\\_%%' "
        "AND relkind IN ('r', 'v', 'm', 'S', 'p', 'f')",
    )
    none_left(
        "tdkt_* column on any table",
        "SELECT table_name || '.' || column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND column_name LIKE 'tdkt\\_%%'",
    )
    none_left(
        "module state other than uninstalled",
        "SELECT state FROM ir_module_module WHERE name = %s AND state != 'uninstalled'",
        MODULE,
    )
    # Every record the addon owned by an external id, whatever its model; but those another
    # module owns too (the ir.model rows of hr.employee, res.company...) stay with it.
    left, shared = [], 0
    for model, ids in before["owned"].items():
        table = env[model]._table if model in env else model.replace(".", "_")
        if not table_exists(table):
            continue
        for (res_id,) in rows(f'SELECT id FROM "{table}" WHERE id = ANY(%s)', ids):
            if scalar(
                "SELECT count(*) FROM ir_model_data WHERE model = %s AND res_id = %s",
                model,
                res_id,
            ):
                shared += 1
            else:
                left.append(f"{model}({res_id})")
    count = sum(len(ids) for ids in before["owned"].values())
    check(
        not left,
        f"none of the {count} records of the addon's external ids left "
        f"(but {shared} another module owns too)",
        ", ".join(left[:10]),
    )
    for table, condition in (
        ("ir_model_data", f"module = '{MODULE}' OR model LIKE 'tdkt.%%'"),
        ("ir_model", "model LIKE 'tdkt.%%'"),
        (
            "ir_model_fields",
            "model LIKE 'tdkt.%%' OR relation LIKE 'tdkt.%%' OR name LIKE 'tdkt\\_%%'",
        ),
        (
            "ir_model_fields_selection",
            "field_id NOT IN (SELECT id FROM ir_model_fields)",
        ),
        ("ir_model_constraint", "name LIKE 'tdkt\\_%%'"),
        ("ir_model_relation", "name LIKE 'tdkt\\_%%'"),
        (
            "ir_ui_view",
            "model LIKE 'tdkt.%%' OR arch_db::text LIKE '%%tdkt\\_%%' OR key LIKE 'tdkt\\_%%'",
        ),
        (
            "ir_ui_menu",
            "web_icon LIKE 'tdkt\\_%%' OR (action LIKE 'ir.actions.%%,%%' AND "
            "split_part(action, ',', 2)::int NOT IN (SELECT id FROM ir_actions))",
        ),
        ("ir_act_window", "res_model LIKE 'tdkt.%%'"),
        ("ir_act_server", "model_name LIKE 'tdkt.%%' OR code LIKE '%%tdkt\\_%%'"),
        ("ir_cron", "cron_name::text LIKE '%%Emulation:%%'"),
        ("ir_rule", "domain_force LIKE '%%tdkt\\_%%' OR name LIKE '%%tdkt%%'"),
        ("ir_model_access", "name LIKE '%%tdkt%%'"),
        (
            "res_groups",
            "category_id IN (SELECT id FROM ir_module_category WHERE name::text LIKE '%%Emulation%%')",
        ),
        ("ir_module_category", "name::text LIKE '%%Emulation &%%'"),
        ("mail_activity_type", "res_model LIKE 'tdkt.%%'"),
        ("mail_message_subtype", "res_model LIKE 'tdkt.%%'"),
        ("ir_config_parameter", "key LIKE 'tdkt%%'"),
        ("ir_sequence", "code LIKE 'tdkt%%'"),
        ("mail_message", "model LIKE 'tdkt.%%'"),
        ("mail_activity", "res_model LIKE 'tdkt.%%'"),
        ("mail_followers", "res_model LIKE 'tdkt.%%'"),
        ("ir_attachment", "res_model LIKE 'tdkt.%%'"),
        ("ir_filters", "model_id LIKE 'tdkt.%%'"),
        ("ir_exports", "resource LIKE 'tdkt.%%'"),
        ("mail_activity_plan", "res_model LIKE 'tdkt.%%'"),
    ):
        none_left(
            f"{table} row of the addon",
            f"SELECT id FROM {table} WHERE {condition} ORDER BY id",
        )
    # Any other column that names a model, or points at a record as "model,id".
    swept = rows(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND data_type IN ('character varying', 'text') AND (column_name LIKE '%%model%%' "
        "OR column_name LIKE '%%resource%%' OR column_name LIKE '%%ref%%') ORDER BY 1, 2"
    )
    naming = [
        f"{table}.{column}"
        for table, column in swept
        if scalar(f'SELECT count(*) FROM "{table}" WHERE "{column}" LIKE %s', "tdkt.%")
    ]
    check(
        not naming,
        f"no row of the {len(swept)} columns that name a model names a tdkt.* one",
        ", ".join(naming),
    )

    # The data that stays: same rows, same values, but for what pointed at removed records.
    after = people_rows()
    for table, model in KEPT_TABLES.items():
        names = before["people"][table]["columns"]
        current = {
            row_id: dict(zip(after[table]["columns"], data, strict=False))
            for row_id, data in after[table]["rows"].items()
        }
        owned = {str(res_id) for res_id in before["owned"].get(model, [])}
        kept = {
            row_id: data
            for row_id, data in before["people"][table]["rows"].items()
            if row_id not in owned
        }
        fks = foreign_keys(table)
        problems, cleared = [], 0
        for row_id, data in kept.items():
            if row_id not in current:
                problems.append(f"id {row_id} deleted")
                continue
            for name, value in zip(names, data, strict=False):
                now = current[row_id].get(name, "<column dropped>")
                if now == value:
                    continue
                target = fks.get(name)
                if (
                    now is None
                    and target
                    and not scalar(
                        f'SELECT count(*) FROM "{target}" WHERE id = %s', value
                    )
                ):
                    cleared += 1  # pointed at a record the uninstall removed; cleared by its foreign key
                    continue
                problems.append(f"id {row_id} {name}: {value!r} → {now!r}")
        check(
            not problems,
            f"{table}: the {len(kept)} rows the addon did not make are intact "
            f"({cleared} references to removed records cleared)",
            "; ".join(problems[:8]),
        )
    made = before["made"]
    groups_now = {
        group_id
        for (group_id,) in rows(
            "SELECT gid FROM res_groups_users_rel WHERE uid = %s", made["user"]
        )
    }
    groups_kept = {
        group_id
        for group_id in made["user_groups"]
        if scalar("SELECT count(*) FROM res_groups WHERE id = %s", group_id)
    }
    check(
        groups_now == groups_kept,
        f"the user made by hand keeps its {len(groups_kept)} groups that are not the addon's",
        f"{sorted(groups_kept)} → {sorted(groups_now)}",
    )


# ------------------------------------------------------------
# from-18.0.1.1.0-before / -upgraded: the facts of the year move into the assessments
# ------------------------------------------------------------

FACTS = ("rating", "months_worked", "discipline", "discipline_reference")


def line_facts():
    """The facts of every registration line as the version before stored them, in the
    order the lines were made: [[line id, registration id, subject, year, company, facts]]."""
    env.flush_all()
    return [
        list(row)
        for row in rows(
            "SELECT id, registration_id, subject_type || ':' || "
            "CASE WHEN subject_type = 'individual' THEN employee_id ELSE unit_id END, "
            "year, company_id, rating, months_worked, discipline, discipline_reference "
            "FROM tdkt_registration_line ORDER BY id"
        )
    ]


def enter_disagreeing_facts():
    """Two titles of one person and year whose facts disagree, and a disciplined person,
    entered as people did with the version before, on a draft form of the demo data."""
    form = env["tdkt.registration"].search([("state", "=", "draft")], limit=1)
    people = env["hr.employee"].create(
        [
            {"name": f"Người kiểm tra nâng cấp {n}", "department_id": form.unit_id.id}
            for n in (1, 2)
        ]
    )
    Line = env["tdkt.registration.line"]
    title = env.ref("tdkt_emulation.title_ldtt")
    other = env.ref("tdkt_emulation.title_cstdcs")
    Line.create(
        [
            {
                "registration_id": form.id,
                "employee_id": people[0].id,
                "title_id": title.id,
                "rating": "good",
                "months_worked": 10,
            },
            {
                "registration_id": form.id,
                "employee_id": people[0].id,
                "title_id": other.id,
                "rating": "excellent",
                "months_worked": 10,
            },
            {
                "registration_id": form.id,
                "employee_id": people[1].id,
                "title_id": title.id,
                "rating": "complete",
                "months_worked": 7,
                "discipline": "reprimand",
                "discipline_reference": "01/QĐ-KL (upgrade-check)",
            },
        ]
    )
    return form


def expected_assessments(facts):
    """{subject year company: facts} as the migration keeps them: the first non-empty value
    of each fact among the subject's lines of the year; and the disagreements."""
    kept, disagreements = {}, 0
    for _line, _form, subject, year, company, *values in facts:
        first = kept.setdefault(f"{subject} {year} {company}", {})
        for name, value in zip(FACTS, values, strict=True):
            if value in (None, False, "") or (
                name == "months_worked" and subject.startswith("collective")
            ):
                continue
            if first.get(name) in (None, False, ""):
                first[name] = value
            elif first[name] != value:
                disagreements += 1
    return kept, disagreements


def check_assessments(saved):
    kept = saved["expected"]
    found = {}
    for employee_id, year, company_id, *values in rows(
        "SELECT employee_id, year, company_id, rating, months_worked, discipline, "
        "discipline_reference FROM tdkt_assessment"
    ):
        found[f"individual:{employee_id} {year} {company_id}"] = dict(
            zip(FACTS, values, strict=True)
        )
    for unit_id, year, company_id, *values in rows(
        "SELECT unit_id, year, company_id, rating, discipline, discipline_reference "
        "FROM tdkt_unit_assessment"
    ):
        found[f"collective:{unit_id} {year} {company_id}"] = dict(
            zip(("rating", "discipline", "discipline_reference"), values, strict=True)
        )
    lost = [
        f"{key} {name}={value!r} → {found.get(key, {}).get(name)!r}"
        for key, values in kept.items()
        for name, value in values.items()
        if found.get(key, {}).get(name) != value
    ]
    check(
        not lost,
        f"the facts of the {len(saved['lines'])} registration lines live on in "
        f"{len(found)} yearly assessments, the first non-empty value of each",
        "; ".join(lost[:6]),
    )
    Line = env["tdkt.registration.line"].with_context(active_test=False)
    shown = []
    for line_id, _form, subject, year, company, *_values in saved["lines"]:
        line = Line.browse(line_id)
        expected = kept.get(f"{subject} {year} {company}", {})
        for name in ("rating", "discipline"):
            if (line[name] or None) != expected.get(name):
                shown.append(f"line {line_id} {name} {line[name]!r}")
        if subject.startswith("individual") and line.months_worked != expected.get(
            "months_worked", 12
        ):
            shown.append(f"line {line_id} months {line.months_worked}")
    check(
        not shown,
        "each registration line shows its subject's assessment of the year",
        "; ".join(shown[:6]),
    )
    notes = scalar(
        "SELECT count(*) FROM mail_message WHERE model = 'tdkt.registration' "
        "AND body::text LIKE %s",
        "%Moving the facts of the year into the yearly assessments%",
    )
    check(
        notes == saved["disagreements"],
        f"{saved['disagreements']} facts that disagreed between the lines of a subject and "
        "year noted on their forms",
        f"{notes} notes",
    )
    check(
        not table_exists("tdkt_assessment_migration"),
        "the migration's working table is dropped",
    )
    stale = [
        line.id
        for line in Line.search([])
        if line.eligibility_status
        != env["tdkt.eligibility"]._check_lines(line)[line]["status"]
    ]
    check(
        not stale,
        "every line's stored eligibility is the engine's, reading the assessments",
        f"lines {stale[:8]}",
    )


def check_rules_and_language():
    """The shipped rules, untouched since installation, are the new ones; Vietnamese is
    installed for the documents."""
    ttldxs = env.ref("tdkt_emulation.rule_c_ttldxs")
    check(
        ttldxs.collective_min_rating == "excellent",
        "the shipped rules are loaded again: the Excellent Labour Collective of regime C "
        "needs the collective rated excellent",
        repr(ttldxs.collective_min_rating),
    )
    levels = {
        xml_id: env.ref(f"tdkt_emulation.{xml_id}").authority_level
        for xml_id in ("rule_c_ldtt", "rule_b_ldtt", "rule_c_ttldxs")
    }
    check(
        levels
        == {
            "rule_c_ldtt": "commune",
            "rule_b_ldtt": "agency",
            "rule_c_ttldxs": "province",
        },
        "each rule names who grants its title, per regime",
        repr(levels),
    )
    check(
        bool(env["res.lang"]._lang_get("vi_VN")),
        "Vietnamese is installed for the printed documents",
    )


def enter_dossier_and_awards():
    """A dossier sent to the higher body and awards of each former kind (merit, sudden),
    entered as people did with 18.0.1.2.0."""
    title = env.ref("tdkt_emulation.title_merit_province")
    person = env["hr.employee"].search([("department_id", "!=", False)], limit=1)
    proposal = env["tdkt.proposal"].create(
        {
            "name": "99/TTr-NANGCAP",
            "year": 2029,
            "line_ids": [
                Command.create(
                    {
                        "employee_id": person.id,
                        "title_id": title.id,
                        "reason": "upgrade-check",
                    }
                )
            ],
        }
    )
    # Sent as the version before sent it; its checklist is not what is checked here.
    cr.execute(
        "UPDATE tdkt_proposal SET state = 'sent', date_sent = %s WHERE id = %s",
        [date(2029, 12, 1), proposal.id],
    )
    awards = env["tdkt.award"].create(
        [
            {
                "employee_id": person.id,
                "title_id": env.ref("tdkt_emulation.title_ldtt").id,
                "year": year,
                "decision_number": f"{year}/QĐ-NANGCAP",
                "kind": kind,
            }
            for year, kind in ((2027, "merit"), (2028, "sudden"))
        ]
    )
    return {
        "proposal": proposal.id,
        "kinds": dict(
            rows("SELECT id::text, kind FROM tdkt_award WHERE kind IS NOT NULL")
        ),
        "sudden": awards[1].id,
    }


def check_dossier_and_awards(saved):
    kinds = dict(rows("SELECT id::text, award_kind FROM tdkt_award"))
    expected = {
        award: "regular" if kind == "merit" else kind
        for award, kind in saved["kinds"].items()
    }
    check(
        {award: kinds.get(award) for award in expected} == expected,
        f"the {len(expected)} awards keep their kind as a kind of award "
        "(merit: regular)",
    )
    check(
        kinds.get(str(saved["sudden"])) == "sudden",
        "a sudden award stays sudden",
    )
    check(
        not scalar(
            "SELECT count(*) FROM tdkt_award WHERE award_kind IS NULL "
            "OR recipient_class IS NULL"
        ),
        "every award has a kind of award and a class of recipient",
    )
    check(
        not scalar(
            "SELECT count(*) FROM tdkt_decision_line WHERE recipient_class IS NULL"
        ),
        "every decision line has a class of recipient",
    )
    # The dossier's company rules no longer restrict reading: the company it is sent to
    # (a province's office in the same database) reads it once sent.
    for xml_id in ("tdkt_proposal_rule_company", "tdkt_proposal_line_rule_company"):
        check(
            not env.ref(f"tdkt_emulation.{xml_id}").perm_read,
            f"{xml_id} governs changes only",
        )
    proposal = env["tdkt.proposal"].browse(saved["proposal"])
    province = env["res.company"].create(
        {"name": "Ban Thi đua - Khen thưởng tỉnh (upgrade-check)"}
    )
    proposal.recipient_company_id = province
    officer = env["res.users"].create(
        {
            "name": "Province officer (upgrade-check)",
            "login": "upgrade_check_province",
            "company_id": province.id,
            "company_ids": [Command.set(province.ids)],
            "groups_id": [
                Command.link(env.ref("tdkt_emulation.group_tdkt_officer").id)
            ],
        }
    )
    found = (
        env["tdkt.proposal"]
        .with_user(officer)
        .with_company(province)
        .search([("id", "=", proposal.id)])
    )
    check(
        found == proposal and found.line_ids.title_id.exists(),
        "the company a dossier of the version before is sent to reads it and its nominees",
    )


if PHASE == "from-18.0.1.1.0-before":
    enter_disagreeing_facts()
    facts = line_facts()
    expected, disagreements = expected_assessments(facts)
    env.cr.commit()
    with open(SNAPSHOT, "w", encoding="utf-8") as handle:
        json.dump(
            {"lines": facts, "expected": expected, "disagreements": disagreements},
            handle,
            ensure_ascii=False,
        )
    check(disagreements > 0, "lines whose facts disagree entered before the upgrade")
    print(f"{MARK}: the facts of {len(facts)} registration lines written to {SNAPSHOT}")
elif PHASE == "from-18.0.1.1.0-upgraded":
    with open(SNAPSHOT, encoding="utf-8") as handle:
        check_assessments(json.load(handle))
    check_rules_and_language()
elif PHASE == "from-18.0.1.2.0-before":
    saved = enter_dossier_and_awards()
    env.cr.commit()
    with open(SNAPSHOT, "w", encoding="utf-8") as handle:
        json.dump(saved, handle)
    check(
        len(saved["kinds"]) >= 2,
        "awards of each former kind entered before the upgrade",
    )
elif PHASE == "from-18.0.1.2.0-upgraded":
    with open(SNAPSHOT, encoding="utf-8") as handle:
        check_dossier_and_awards(json.load(handle))
    env.cr.rollback()
elif PHASE == "before":
    make_data_that_stays()
    made_user = env["res.users"].search([("login", "=", "upgrade_check_user")])
    saved = snapshot()
    saved["made"] = {"user": made_user.id, "user_groups": made_user.groups_id.ids}
    downgrade_to_first_stage()
    env.cr.commit()
    with open(SNAPSHOT, "w", encoding="utf-8") as handle:
        json.dump(saved, handle, ensure_ascii=False)
    print(
        f"{MARK}: snapshot of {len(saved['tdkt_tables'])} tdkt_* tables, {len(saved['xmlids'])} external ids and "
        f"{sum(len(people['rows']) for people in saved['people'].values())} rows of people and companies "
        f"written to {SNAPSHOT}"
    )
elif PHASE == "upgraded":
    with open(SNAPSHOT, encoding="utf-8") as handle:
        saved = json.load(handle)
    compare(saved, json.loads(json.dumps(snapshot())))
elif PHASE == "uninstall":
    env["ir.module.module"].search([("name", "=", MODULE)]).button_immediate_uninstall()
    env.cr.commit()
    print(f"{MARK}: {MODULE} uninstalled")
elif PHASE == "uninstalled":
    with open(SNAPSHOT, encoding="utf-8") as handle:
        check_uninstalled(json.load(handle))
else:
    # An upgrade from a version for which no check is written fails: write them.
    raise SystemExit(f"{MARK}: FAIL no checks are written for the step {PHASE}")

if failures:
    print(f"{MARK}: {len(failures)} check(s) failed in step {PHASE}", flush=True)
    sys.exit(1)
