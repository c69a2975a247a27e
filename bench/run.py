"""Benchmarks of tdkt_emulation against a running Odoo (see ``./dev bench``).

Each figure is measured through HTTP as the web client asks for it, on the dataset of
``generate.py``: wall time (best of a few runs), SQL queries (from the server's request
log), and the server's peak resident memory during the request (sampled every 5 ms).
Figures and ratios are printed, one line each, and written to bench/results.json.
"""

import argparse
import base64
import functools
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from datetime import date, timedelta
from http.cookiejar import CookieJar
from pathlib import Path

LOG_LINE = re.compile(
    r'"(?:GET|POST) (?P<path>\S+) HTTP/[\d.]+" \d+ - (?P<queries>\d+) [\d.]+ [\d.]+'
)


def _children(pid):
    """The processes started by ``pid`` and theirs (LibreOffice starts its own)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found += [child, *_children(child)]
    return found


def pdf_pages(content):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        info = subprocess.run(
            ["pdfinfo", handle.name], capture_output=True, check=True, text=True
        ).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


class Server:
    def __init__(self, url, db, login, password, pid, logfile):
        self.url = url.rstrip("/")
        self.pid = pid
        self.logfile = Path(logfile)
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar())
        )
        self.uid = self.json(
            "/web/session/authenticate",
            {"db": db, "login": login, "password": password},
        )["uid"]

    def json(self, path, params):
        body = json.dumps(
            {"jsonrpc": "2.0", "method": "call", "params": params}
        ).encode()
        request = urllib.request.Request(
            self.url + path, body, {"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=1800) as response:
            payload = json.load(response)
        if "error" in payload:
            raise RuntimeError(payload["error"]["data"]["message"])
        # A method that returns None answers without a result.
        return payload.get("result")

    def call(self, model, method, *args, **kwargs):
        return self.json(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def get(self, path, **query):
        url = f"{self.url}{path}?{urllib.parse.urlencode(query)}"
        with self.opener.open(url, timeout=1800) as response:
            return response.read()

    # Whether the resident memory counts the server's child processes too (wkhtmltopdf,
    # LibreOffice), for the benchmarks of printed documents.
    with_children = False

    def _rss_mb(self):
        pids = [self.pid]
        if self.with_children:
            pids += _children(self.pid)
        total = 0
        for pid in pids:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            match = re.search(r"VmRSS:\s+(\d+) kB", status)
            total += int(match.group(1)) if match else 0
        return total / 1024

    def _peak_rss_during(self, run):
        """Run ``run`` while sampling the server's resident memory every 5 ms."""
        samples, done = [], threading.Event()

        def sample():
            while not done.is_set():
                samples.append(self._rss_mb())
                time.sleep(0.005)

        sampler = threading.Thread(target=sample)
        sampler.start()
        try:
            result = run()
        finally:
            done.set()
            sampler.join()
        return result, max(samples, default=self._rss_mb())

    def _cpu_seconds(self):
        """The server's CPU time so far (user and system): on a machine shared with other
        work, it tells what the wall time owes to waiting for a core."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def _log_size(self):
        return self.logfile.stat().st_size

    def _queries_since(self, offset, path_prefixes):
        """Sum the SQL queries of the requests logged after ``offset`` whose path starts with
        one of ``path_prefixes`` (the server logs a request once it has answered it)."""
        time.sleep(0.3)
        with self.logfile.open("rb") as log:
            log.seek(offset)
            text = log.read().decode(errors="replace")
        return sum(
            int(m["queries"])
            for m in LOG_LINE.finditer(text)
            if m["path"].startswith(tuple(path_prefixes))
        )

    def measure(self, label, path_prefix, run, repeat=3, setup=None):
        """Run ``run`` ``repeat`` times, each after ``setup`` (not measured) when given; keep the
        best time, the largest memory growth, and the queries of the last run's requests whose
        path starts with one of ``path_prefix``."""
        best, size, growth, rss, queries = float("inf"), 0, 0.0, 0.0, 0
        cpu = float("inf")
        for _ in range(repeat):
            if setup:
                setup()
            rss = self._rss_mb()
            offset = self._log_size()
            start, cpu_start = time.perf_counter(), self._cpu_seconds()
            size, peak = self._peak_rss_during(run)
            best = min(best, time.perf_counter() - start)
            cpu = min(cpu, self._cpu_seconds() - cpu_start)
            growth = max(growth, peak - rss)
            queries = self._queries_since(offset, path_prefix)
        figure = {
            "label": label,
            "seconds": round(best, 3),
            "server_cpu_seconds": round(cpu, 3),
            "load_average": round(os.getloadavg()[0], 2),
            "queries": queries,
            "peak_memory_mb": round(growth, 1),
            "server_rss_mb": round(rss, 1),
            "size": size,
        }
        print(
            f"{label}: {figure['seconds']:.3f} s ({figure['server_cpu_seconds']:.3f} s of the "
            f"server's CPU, load {figure['load_average']}), {figure['queries']} queries, "
            f"+{figure['peak_memory_mb']} MB peak over {figure['server_rss_mb']} MB, size {size}"
        )
        return figure


def bench_registration_export(server):
    """Our registrations export against Odoo's own Export → XLSX of the same rows and columns."""
    plans = server.call(
        "tdkt.plan", "search_read", [("number", "=", "01/KH-BENCH")], ["id"]
    )
    plan_id = plans[0]["id"]
    form_ids = server.call("tdkt.registration", "search", [("plan_id", "=", plan_id)])
    line_count = server.call(
        "tdkt.registration.line", "search_count", [("plan_id", "=", plan_id)]
    )
    ours = server.measure(
        f"registrations export, ours ({line_count} lines, {len(form_ids)} units)",
        ["/tdkt/document/registrations"],
        lambda: len(
            server.get("/tdkt/document/registrations", ids=",".join(map(str, form_ids)))
        ),
    )
    small = server.measure(
        "registrations export, ours (the first 5 units)",
        ["/tdkt/document/registrations"],
        lambda: len(
            server.get(
                "/tdkt/document/registrations",
                ids=",".join(map(str, form_ids[:5])),
            )
        ),
    )
    print(
        f"registrations export: queries for 5 units {small['queries']}, for all {ours['queries']} "
        "(target: the same)"
    )
    columns = [
        ("unit_id", "Unit"),
        ("subject_type", "Subject"),
        ("subject_name", "Name"),
        ("job_title", "Position"),
        ("title_id", "Title"),
        ("note", "Note"),
    ]
    data = json.dumps(
        {
            "model": "tdkt.registration.line",
            "fields": [{"name": name, "label": label} for name, label in columns],
            "ids": False,
            "domain": [["plan_id", "=", plan_id]],
            "import_compat": False,
            "context": {},
        }
    )
    odoo = server.measure(
        f"registrations export, Odoo's Export → XLSX ({line_count} lines)",
        ["/web/export/xlsx"],
        lambda: len(server.get("/web/export/xlsx", data=data)),
    )
    ratio = ours["seconds"] / odoo["seconds"]
    memory_ratio = (
        ours["peak_memory_mb"] / odoo["peak_memory_mb"]
        if odoo["peak_memory_mb"]
        else None
    )
    memory = f"{memory_ratio:.2f}" if memory_ratio is not None else "n/a"
    print(
        f"registrations export: time ratio ours/Odoo {ratio:.2f} (target ≤ 0.50), "
        f"queries {ours['queries']} vs {odoo['queries']}, peak memory ratio {memory}"
    )
    return {
        "ours": ours,
        "ours_5_units": small,
        "odoo": odoo,
        "time_ratio": round(ratio, 3),
        "memory_ratio": memory_ratio and round(memory_ratio, 3),
        "lines": line_count,
    }


KANBAN_FIELDS = [
    "sequence",
    "name",
    "plan_id",
    "lead_unit_id",
    "date_deadline",
    "is_overdue",
    "state",
    "color",
    "activity_ids",
    "user_ids",
]


def bench_task_kanban(server):
    """The task kanban's data load, grouped by quarter, as the web client asks for it:
    one web_read_group, then one web_search_read per column."""
    figures = {}
    for number in ("02/KH-BENCH-40", "03/KH-BENCH-400"):
        plan_id = server.call("tdkt.plan", "search", [("number", "=", number)])[0]
        domain = [("plan_id", "=", plan_id)]
        specification = {name: {} for name in KANBAN_FIELDS}
        specification.update(
            {
                "plan_id": {"fields": {"display_name": {}}},
                "lead_unit_id": {"fields": {"display_name": {}}},
                "user_ids": {"fields": {"display_name": {}}},
            }
        )

        def load(domain=domain, specification=specification):
            groups = server.call(
                "tdkt.plan.task",
                "web_read_group",
                domain,
                ["quarter"],
                ["quarter"],
                lazy=True,
            )["groups"]
            count = 0
            for group in groups:
                count += server.call(
                    "tdkt.plan.task",
                    "web_search_read",
                    group["__domain"],
                    specification,
                    limit=40,
                )["length"]
            return count

        figures[number] = server.measure(
            f"task kanban by quarter ({number})",
            ["/web/dataset/call_kw/tdkt.plan.task/web_"],
            load,
        )
    small, large = figures.values()
    print(
        f"task kanban: queries for 40 tasks {small['queries']}, for 400 {large['queries']} "
        f"(target: the same); time ratio 400/40 {large['seconds'] / small['seconds']:.2f}"
    )
    return figures


# The year whose lines the eligibility benchmark checks (--eligibility-year); every line when None.
ELIGIBILITY_YEAR = None


def bench_eligibility(server):
    """Checking the eligibility of 5,000 registration lines, and of every line of the dataset
    (or of the year --eligibility-year), against 500 of them: the time, and queries that do
    not grow with the number of lines. The province's 50,000: ``--province``."""
    domain = [("year", "=", ELIGIBILITY_YEAR)] if ELIGIBILITY_YEAR else []
    line_ids = server.call("tdkt.registration.line", "search", domain, order="id")
    unit_count = len(
        server.call(
            "tdkt.registration.line", "read_group", domain, ["unit_id"], ["unit_id"]
        )
    )
    figures = {}
    for count in sorted({500, min(5000, len(line_ids)), len(line_ids)}):
        ids = line_ids[:count]
        figures[count] = server.measure(
            f"eligibility of {count} registration lines",
            ["/web/dataset/call_kw/tdkt.registration.line/action_check_eligibility"],
            lambda ids=ids: server.call(
                "tdkt.registration.line", "action_check_eligibility", ids
            ),
        )
    small, *_middle, large = figures.values()
    five = figures[min(5000, len(line_ids))]
    print(
        f"eligibility: {five['seconds']:.3f} s ({five['server_cpu_seconds']:.3f} s CPU) for "
        f"{min(5000, len(line_ids))} lines (target < 2 s); "
        f"{large['seconds']:.3f} s ({large['server_cpu_seconds']:.3f} s CPU) for {len(line_ids)} "
        f"lines over {unit_count} units "
        f"(target for 50,000 over 500 units: < 10 s); queries "
        + ", ".join(
            f"{figure['queries']} for {count}" for count, figure in figures.items()
        )
        + f" (target: the same); time ratio {large['seconds'] / small['seconds']:.2f}"
    )
    return {
        **{str(count): figure for count, figure in figures.items()},
        "units": unit_count,
    }


# The daily crons (data/ir_cron_data.xml) and what a run of each is measured over: the large
# set, then the reference of the same run.
CRONS = (
    (
        "ir_cron_task_deadline_reminders",
        "plan task reminders and overdue tasks",
        "tasks",
        ("06/KH-BENCH-CRON-400", "05/KH-BENCH-CRON-40"),
    ),
    (
        "ir_cron_registration_reminders",
        "registration deadline reminders",
        "units",
        ("01/KH-BENCH", "04/KH-BENCH-5"),
    ),
    (
        "ir_cron_missing_registrations",
        "units that missed the registration deadline",
        "units",
        ("01/KH-BENCH", "04/KH-BENCH-5"),
    ),
)
MAX_BATCH_PER_CRON_JOB = 10  # odoo.addons.base.models.ir_cron


class CronBench:
    """Arranges the dates of the cron plans around today (the server's date: it runs on this
    machine) so that every record of the plan measured is due, and none of the other's."""

    def __init__(self, server):
        self.server = server
        self.today = date.today()
        self.plans = {
            number: server.call(
                "tdkt.plan",
                "search_read",
                [("number", "=", number)],
                [
                    "id",
                    "year",
                    "date_registration_deadline",
                    "task_ids",
                    "registration_ids",
                ],
            )[0]
            for _xmlid, _name, _unit, numbers in CRONS
            for number in numbers
        }

    def write(self, model, ids, vals):
        if ids:
            self.server.call(
                model, "write", ids, vals, context={"tracking_disable": True}
            )

    def clear_activities(self, model, ids):
        activity_ids = self.server.call(
            "mail.activity",
            "search",
            [("res_model", "=", model), ("res_id", "in", ids)],
        )
        if activity_ids:
            self.server.call("mail.activity", "unlink", activity_ids)

    def arrange_tasks(self, number):
        """Every other task due in 0 to 7 days (a reminder), the others overdue by 1 to 28 days;
        all within the plan's year, as its tasks must be."""
        plan, today = self.plans[number], self.today
        if plan["year"] != today.year:
            raise SystemExit(
                f"plan {number} is of {plan['year']}, not of this year: regenerate the bench data"
            )
        first, last = date(today.year, 1, 1), date(today.year, 12, 31)
        deadlines, plan["reminded"], plan["overdue"] = {}, [], []
        for n, task_id in enumerate(sorted(plan["task_ids"])):
            deadline = max(today - timedelta(days=1 + (n // 2) % 28), first)
            if n % 2 == 0 or deadline >= today:
                deadline = min(today + timedelta(days=(n // 2) % 8), last)
                plan["reminded"].append(task_id)
            else:
                plan["overdue"].append(task_id)
            deadlines.setdefault(deadline, []).append(task_id)
        for deadline, task_ids in deadlines.items():
            self.write(
                "tdkt.plan.task", task_ids, {"date_deadline": deadline.isoformat()}
            )

    def due_tasks(self, number, other):
        """Reset the reminders of plan ``number`` to due, and those of ``other`` to done."""
        plan = self.plans[number]
        self.clear_activities("tdkt.plan.task", plan["task_ids"])
        self.write(
            "tdkt.plan.task",
            plan["reminded"],
            {"date_next_reminder": self.today.isoformat()},
        )
        self.write("tdkt.plan.task", plan["overdue"], {"is_overdue_notified": False})
        self.write(
            "tdkt.plan.task",
            self.plans[other]["task_ids"],
            {"date_next_reminder": False, "is_overdue_notified": True},
        )

    def due_registrations(self, number, other, missed):
        """The registration deadline of plan ``number`` in 3 days (or missed yesterday), its
        forms' reminders or its missing-forms notice due; ``other``'s deadline long past."""
        plan = self.plans[number]
        deadline = (
            self.today - timedelta(days=1) if missed else self.today + timedelta(days=3)
        )
        self.write(
            "tdkt.plan",
            [self.plans[other]["id"]],
            {
                "date_registration_deadline": (
                    self.today - timedelta(days=60)
                ).isoformat(),
                "is_missing_registrations_notified": True,
            },
        )
        self.write(
            "tdkt.plan",
            [plan["id"]],
            {
                "date_registration_deadline": deadline.isoformat(),
                "is_missing_registrations_notified": False,
            },
        )
        self.clear_activities("tdkt.plan", [plan["id"]])
        self.clear_activities("tdkt.registration", plan["registration_ids"])
        self.write(
            "tdkt.registration",
            plan["registration_ids"],
            {"date_next_reminder": self.today.isoformat()},
        )

    def restore(self):
        """Put the registration plans back as generate.py made them (the task plans are the crons' own)."""
        for number in ("01/KH-BENCH", "04/KH-BENCH-5"):
            plan = self.plans[number]
            self.clear_activities("tdkt.plan", [plan["id"]])
            self.clear_activities("tdkt.registration", plan["registration_ids"])
            self.write(
                "tdkt.plan",
                [plan["id"]],
                {
                    "date_registration_deadline": plan["date_registration_deadline"],
                    "is_missing_registrations_notified": False,
                },
            )

    def run_job(self, cron_id):
        """Run the cron's job as the scheduler does (ir.cron._run_job): its server action, one
        batch per call, until the job reports nothing remaining. Returns the batches run."""
        for batch in range(1, MAX_BATCH_PER_CRON_JOB + 1):
            self.server.call("ir.cron", "method_direct_trigger", [cron_id])
            progress = self.server.call(
                "ir.cron.progress",
                "search_read",
                [("cron_id", "=", cron_id)],
                ["remaining"],
                order="id desc",
                limit=1,
            )
            if not progress or not progress[0]["remaining"]:
                return batch
        return MAX_BATCH_PER_CRON_JOB


def bench_crons(server):
    """The daily crons as the scheduler runs them, over the 400-task plan and the 50 units
    against 40 tasks and 5 units in the same run; every record due, the same work each repeat."""
    bench = CronBench(server)
    cron_ids = {
        row["name"]: row["res_id"]
        for row in server.call(
            "ir.model.data",
            "search_read",
            [("module", "=", "tdkt_emulation"), ("model", "=", "ir.cron")],
            ["name", "res_id"],
        )
    }
    for number in ("06/KH-BENCH-CRON-400", "05/KH-BENCH-CRON-40"):
        bench.arrange_tasks(number)
    results = {}
    try:
        for xmlid, name, unit, (large, small) in CRONS:
            figures = []
            for number, other in ((small, large), (large, small)):
                if xmlid == "ir_cron_task_deadline_reminders":
                    count = len(bench.plans[number]["task_ids"])
                    setup = functools.partial(bench.due_tasks, number, other)
                else:
                    count = len(bench.plans[number]["registration_ids"])
                    missed = xmlid == "ir_cron_missing_registrations"
                    setup = functools.partial(
                        bench.due_registrations, number, other, missed
                    )
                figure = server.measure(
                    f"cron {name} ({count} {unit}, {number}; size: batches)",
                    ["/web/dataset/call_kw/ir.cron/method_direct_trigger"],
                    functools.partial(bench.run_job, cron_ids[xmlid]),
                    setup=setup,
                )
                figures.append((count, figure))
            # A list, not a dict by count: with a small dataset both sides may hold as many records.
            (small_count, small_figure), (large_count, large_figure) = figures
            ratios = {
                "time_ratio": round(
                    large_figure["seconds"] / small_figure["seconds"], 3
                ),
                "query_ratio": round(
                    large_figure["queries"] / small_figure["queries"], 3
                ),
            }
            print(
                f"cron {name}: queries for {small_count} {unit} {small_figure['queries']} in "
                f"{small_figure['size']} batch(es), for {large_count} {large_figure['queries']} in "
                f"{large_figure['size']} (target: grow by batches, not by records: ratio {ratios['query_ratio']:.2f} "
                f"for {large_count / small_count:.0f}× the {unit}); time ratio {ratios['time_ratio']:.2f}, "
                f"peak memory +{small_figure['peak_memory_mb']} MB vs +{large_figure['peak_memory_mb']} MB"
            )
            results[xmlid.removeprefix("ir_cron_")] = {
                small: small_figure,
                large: large_figure,
                **ratios,
            }
    finally:
        bench.restore()
    return results


CERTIFICATE_DECISION = "500/QĐ-BENCH"


def _certificate_decision(server, size=500):
    """A signed decision of ``size`` subjects (the bench's units as collectives, people for
    the rest), made once."""
    found = server.call(
        "tdkt.decision", "search", [("name", "=", CERTIFICATE_DECISION)]
    )
    if found:
        return found[0]
    titles = {
        row["name"]: row["res_id"]
        for row in server.call(
            "ir.model.data",
            "search_read",
            [
                ("module", "=", "tdkt_emulation"),
                ("name", "in", ["title_cstdcs", "title_ttldtt"]),
            ],
            ["name", "res_id"],
        )
    }
    unit_ids = server.call("hr.department", "search", [], limit=50, order="id")
    employee_ids = server.call(
        "hr.employee", "search", [], limit=size - len(unit_ids), order="id"
    )
    lines = [
        (
            0,
            0,
            {
                "subject_type": "individual",
                "employee_id": employee_id,
                "title_id": titles["title_cstdcs"],
                "sequence": n,
            },
        )
        for n, employee_id in enumerate(employee_ids)
    ] + [
        (
            0,
            0,
            {
                "subject_type": "collective",
                "unit_id": unit_id,
                "title_id": titles["title_ttldtt"],
            },
        )
        for unit_id in unit_ids
    ]
    decision_id = server.call(
        "tdkt.decision",
        "create",
        {
            "name": CERTIFICATE_DECISION,
            "date_decision": "2031-01-08",
            "year": 2030,
            "authority": "Giám đốc Sở Nội vụ",
            "signer_position": "Giám đốc",
            "line_ids": lines,
        },
        context={"tracking_disable": True},
    )
    server.call(
        "tdkt.decision",
        "action_sign",
        [decision_id],
        context={"tracking_disable": True},
    )
    return decision_id


def bench_certificates(server):
    """A decision of 500 subjects as Word and as PDF (LibreOffice), and its 500 certificates as
    one PDF (wkhtmltopdf), against Odoo's own PDF report of 500 records in the same run (hr's
    employee badges): time per page and peak memory of the server and its child processes."""
    decision_id = _certificate_decision(server)
    # wkhtmltopdf loads the report's styles from this server.
    server.call("ir.config_parameter", "set_param", "report.url", server.url)
    employee_ids = server.call("hr.employee", "search", [], limit=500, order="id")
    pages = {}

    def fetch(key, path, **query):
        content = server.get(path, **query)
        if key.endswith("pdf"):
            pages[key] = pdf_pages(content)
        return len(content)

    server.with_children = True
    try:
        word = server.measure(
            "decision of 500 subjects, Word",
            ["/tdkt/document/"],
            lambda: fetch(
                "word", f"/tdkt/document/decision/{decision_id}", format="docx"
            ),
            repeat=2,
        )
        decision_pdf = server.measure(
            "decision of 500 subjects, PDF (LibreOffice)",
            ["/tdkt/document/"],
            lambda: fetch(
                "decision_pdf", f"/tdkt/document/decision/{decision_id}", format="pdf"
            ),
            repeat=2,
        )
        ours = server.measure(
            "certificates of 500 subjects, one PDF (wkhtmltopdf)",
            ["/report/pdf/"],
            lambda: fetch(
                "certificates_pdf",
                f"/report/pdf/tdkt_emulation.report_certificate_decision/{decision_id}",
            ),
            repeat=2,
        )
        odoo = server.measure(
            f"Odoo's employee badges of {len(employee_ids)} employees, one PDF",
            ["/report/pdf/"],
            lambda: fetch(
                "badges_pdf",
                "/report/pdf/hr.print_employee_badge/"
                + ",".join(map(str, employee_ids)),
            ),
            repeat=2,
        )
    finally:
        server.with_children = False
    our_page = ours["seconds"] / pages["certificates_pdf"]
    odoo_page = odoo["seconds"] / pages["badges_pdf"]
    ratio = our_page / odoo_page
    record_ratio = ours["seconds"] / odoo["seconds"]
    memory_ratio = (
        ours["peak_memory_mb"] / odoo["peak_memory_mb"]
        if odoo["peak_memory_mb"]
        else None
    )
    memory = f"{memory_ratio:.2f}" if memory_ratio is not None else "n/a"
    print(
        f"certificates: {pages['certificates_pdf']} pages in {ours['seconds']:.2f} s "
        f"({our_page * 1000:.0f} ms a page), Odoo's badges {pages['badges_pdf']} pages in "
        f"{odoo['seconds']:.2f} s ({odoo_page * 1000:.0f} ms a page): time ratio per page "
        f"{ratio:.2f} (target ≤ 1.0), per record {record_ratio:.2f}; peak memory "
        f"+{ours['peak_memory_mb']} MB vs +{odoo['peak_memory_mb']} MB (ratio {memory}); "
        f"decision {pages['decision_pdf']} pages: Word {word['seconds']:.2f} s, "
        f"PDF {decision_pdf['seconds']:.2f} s"
    )
    return {
        "decision_word": word,
        "decision_pdf": decision_pdf,
        "certificates_pdf": ours,
        "odoo_badges_pdf": odoo,
        "pages": pages,
        "time_ratio_per_page": round(ratio, 3),
        "time_ratio_per_record": round(record_ratio, 3),
        "memory_ratio": memory_ratio and round(memory_ratio, 3),
    }


def bench_plan_import(server):
    """Import from Word of a printed plan of 200 tasks: the wizard reads the file, shows
    its preview and creates the plan and its tasks (issue #19: under 5 s)."""
    units = server.call("hr.department", "search", [], limit=5)
    plan_id = server.call(
        "tdkt.plan",
        "create",
        {
            "name": "Kế hoạch thi đua năm 2031",
            "number": "BENCH/KH-IMPORT",
            "year": 2031,
        },
    )
    server.call(
        "tdkt.plan.task",
        "create",
        [
            {
                "plan_id": plan_id,
                "quarter": str(index * 4 // 200 + 1),
                "name": f"Việc số {index + 1}: tổ chức, đôn đốc, báo cáo kết quả.",
                "lead_unit_id": units[index % len(units)],
                "participant_unit_ids": [[6, 0, units[:2]]],
            }
            for index in range(200)
        ],
    )
    content = server.get(f"/tdkt/document/plan/{plan_id}", format="docx")
    server.call("tdkt.plan", "unlink", [plan_id])
    data = base64.b64encode(content).decode()
    created = []

    def cleanup():
        if created:
            server.call("tdkt.plan", "unlink", created)
            created.clear()

    def run():
        wizard = server.call(
            "tdkt.plan.import", "create", {"file": data, "file_name": "plan.docx"}
        )
        server.call("tdkt.plan.import", "action_read", [wizard])
        created.append(
            server.call("tdkt.plan.import", "action_create_plan", [wizard])["res_id"]
        )
        return len(content)

    figure = server.measure(
        "plan import, 200 tasks (read, preview, create)",
        ("/web/dataset/call_kw/tdkt.plan.import",),
        run,
        setup=cleanup,
    )
    cleanup()
    return figure


# The province's database (bench/province.py): its year, the Office users reading 2 and 20
# departments, and the dashboard's fields as its kanban reads them.
PROVINCE_YEAR = 2031
DASHBOARD_FIELDS = [
    "number",
    "name",
    "state",
    "registration_expected_count",
    "task_done_count",
    "task_due_count",
    "task_overdue_count",
    "registration_submitted_count",
    "registration_received_count",
    "proposal_count",
    "proposal_summary",
    "initiative_count",
    "initiative_recognized_count",
]


def province_eligibility(server):
    """Check Eligibility over 5,000 and 50,000 of the province's registration lines (one
    call each, as the list's button over a selection): the time and the queries."""
    line_ids = server.call(
        "tdkt.registration.line",
        "search",
        [("year", "=", PROVINCE_YEAR)],
        order="id",
        limit=50000,
    )
    figures = {}
    for count in (5000, len(line_ids)):
        ids = line_ids[:count]
        figures[str(count)] = server.measure(
            f"province: eligibility of {count} registration lines",
            ["/web/dataset/call_kw/tdkt.registration.line/action_check_eligibility"],
            lambda ids=ids: server.call(
                "tdkt.registration.line", "action_check_eligibility", ids
            ),
            repeat=2,
        )
    small, large = figures.values()
    print(
        f"province eligibility: {small['queries']} queries for 5,000 lines, {large['queries']} "
        f"for {len(line_ids)} (target: the same); {large['seconds']:.1f} s for {len(line_ids)} "
        "(target < 10 s)"
    )
    return figures


def province_export(servers):
    """The registrations export of every line of the province (200,000 on 500 forms) against
    Odoo's own Export → XLSX of the same rows and columns, and ours for one department's
    25 forms (its queries: the same, whatever the number of lines)."""
    server = servers["primary"]
    form_ids = server.call(
        "tdkt.registration", "search", [("year", "=", PROVINCE_YEAR)], order="id"
    )
    line_count = server.call(
        "tdkt.registration.line", "search_count", [("year", "=", PROVINCE_YEAR)]
    )
    figures = {}
    # One department's forms first: the server's caches warm, then every form.
    for name, each in servers.items():
        figures[f"ours_one_department_{name}"] = each.measure(
            f"province: registrations export, ours (one department's 25 forms, {name})",
            ["/tdkt/document/registrations"],
            lambda each=each: len(
                each.get(
                    "/tdkt/document/registrations",
                    ids=",".join(map(str, form_ids[:25])),
                )
            ),
        )
        figures[f"ours_{name}"] = each.measure(
            f"province: registrations export, ours ({line_count} lines, {len(form_ids)} forms, "
            f"{name})",
            ["/tdkt/document/registrations"],
            lambda each=each: len(
                each.get(
                    "/tdkt/document/registrations",
                    ids=",".join(map(str, form_ids)),
                )
            ),
            repeat=2,
        )
    columns = [
        ("unit_id", "Unit"),
        ("subject_type", "Subject"),
        ("subject_name", "Name"),
        ("job_title", "Position"),
        ("title_id", "Title"),
        ("note", "Note"),
    ]
    data = json.dumps(
        {
            "model": "tdkt.registration.line",
            "fields": [{"name": name, "label": label} for name, label in columns],
            "ids": False,
            "domain": [["year", "=", PROVINCE_YEAR]],
            "import_compat": False,
            "context": {},
        }
    )
    figures["odoo"] = server.measure(
        f"province: registrations export, Odoo's Export → XLSX ({line_count} lines)",
        ["/web/export/xlsx"],
        lambda: len(server.get("/web/export/xlsx", data=data)),
        repeat=1,
    )
    ratio = figures["ours_primary"]["seconds"] / figures["odoo"]["seconds"]
    figures["time_ratio"] = round(ratio, 3)
    figures["lines"] = line_count
    print(
        f"province export: time ratio ours/Odoo {ratio:.2f} (target ≤ 0.50); queries "
        f"{figures['ours_one_department_primary']['queries']} for 25 forms, "
        f"{figures['ours_primary']['queries']} for {len(form_ids)} (target: the same), "
        f"Odoo's {figures['odoo']['queries']}"
    )
    return figures


def province_dashboard(servers, db):
    """The province Office's dashboard (the plans' kanban with every figure) and the
    commendation statistics of the year, for a reader of 2 departments and one of 20: the
    queries must not grow with the departments."""
    figures = {}
    for name, each in servers.items():
        for count in (2, 20):
            reader = Server(
                each.url, db, f"bench_province_{count}", "bench", each.pid, each.logfile
            )
            companies = reader.call("res.users", "read", [reader.uid], ["company_ids"])[
                0
            ]["company_ids"]
            context = {"allowed_company_ids": companies}
            specification = {field: {} for field in DASHBOARD_FIELDS}
            figures[f"dashboard_{count}_{name}"] = reader.measure(
                f"province: dashboard of {count} departments ({name})",
                ["/web/dataset/call_kw/tdkt.plan/web_search_read"],
                lambda reader=reader, context=context, spec=specification: reader.call(
                    "tdkt.plan",
                    "web_search_read",
                    [("state", "!=", "draft")],
                    spec,
                    context=context,
                )["length"],
            )
            figures[f"statistics_{count}_{name}"] = reader.measure(
                f"province: commendation statistics of {count} departments ({name})",
                ["/tdkt/document/award_statistics"],
                lambda reader=reader: len(
                    reader.get(
                        "/tdkt/document/award_statistics",
                        year=PROVINCE_YEAR,
                        period="annual",
                    )
                ),
            )
    for name in servers:
        print(
            f"province dashboard ({name}): queries "
            f"{figures[f'dashboard_2_{name}']['queries']} for 2 departments, "
            f"{figures[f'dashboard_20_{name}']['queries']} for 20; statistics "
            f"{figures[f'statistics_2_{name}']['queries']} and "
            f"{figures[f'statistics_20_{name}']['queries']} (target: the same)"
        )
    return figures


def bench_province(args):
    """Every figure of the province's database, the read-only ones on a server without
    and a server with a read replica (--replica-url)."""
    servers = {
        "primary": Server(args.url, args.db, "admin", "admin", args.pid, args.log)
    }
    if args.replica_url:
        servers["replica"] = Server(
            args.replica_url,
            args.db,
            "admin",
            "admin",
            args.replica_pid,
            args.replica_log,
        )
    results = {"load_average_start": os.getloadavg()}
    if not args.only or "dashboard" in args.only:
        results["dashboard"] = province_dashboard(servers, args.db)
    if not args.only or "registration_export" in args.only:
        results["registration_export"] = province_export(servers)
    if not args.only or "eligibility" in args.only:
        results["eligibility"] = province_eligibility(servers["primary"])
    results["load_average_end"] = os.getloadavg()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument(
        "--pid", type=int, required=True, help="the Odoo server's process id"
    )
    parser.add_argument("--log", required=True, help="the Odoo server's log file")
    parser.add_argument(
        "--output", default=str(Path(__file__).with_name("results.json"))
    )
    parser.add_argument(
        "--only",
        choices=sorted({*BENCHES, "dashboard"}),
        action="append",
        help="run this benchmark only (repeatable); the others' figures in --output are kept",
    )
    parser.add_argument(
        "--eligibility-year",
        type=int,
        help="check the lines of this year only",
    )
    parser.add_argument(
        "--province",
        action="store_true",
        help="the benchmarks of bench/province.py's database (with --only: dashboard, "
        "registration_export, eligibility); results under the key province",
    )
    parser.add_argument("--replica-url", help="a second server reading a read replica")
    parser.add_argument("--replica-pid", type=int)
    parser.add_argument("--replica-log")
    args = parser.parse_args()
    if args.province:
        output = Path(args.output)
        results = json.loads(output.read_text()) if output.exists() else {}
        results["province"] = bench_province(args)
        output.write_text(json.dumps(results, indent=2, ensure_ascii=False))
        print(f"results written to {args.output}")
        return 0
    global ELIGIBILITY_YEAR  # noqa: PLW0603 - set once, from the command line
    ELIGIBILITY_YEAR = args.eligibility_year
    server = Server(args.url, args.db, "admin", "admin", args.pid, args.log)
    output = Path(args.output)
    results = json.loads(output.read_text()) if args.only and output.exists() else {}
    results.update(
        {
            key: bench(server)
            for key, bench in BENCHES.items()
            if not args.only or key in args.only
        }
    )
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"results written to {args.output}")


BENCHES = {
    "registration_export": bench_registration_export,
    "task_kanban": bench_task_kanban,
    "eligibility": bench_eligibility,
    "cron": bench_crons,
    "certificates": bench_certificates,
    "plan_import": bench_plan_import,
}


if __name__ == "__main__":
    sys.exit(main())
