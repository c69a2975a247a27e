"""Read replica check of tdkt_emulation, run by ``./dev replica-check`` (and ``./dev test``).

Not a pytest file (pytest collects ``test_*.py`` only). ``./dev`` sets the scene: the test
cluster (the primary) streams to a replica of its own on loopback (``pg_basebackup -R``),
both log every statement of the check's database (the primary through ``ALTER DATABASE
... SET log_statement``, the replica through its own setting, into its own log), and an
Odoo server runs with ``--db_replica_host/--db_replica_port`` on a database with the
addon and its demo data. This script, plain Python, then checks over HTTP:

- the replica is a hot standby that streams from the primary;
- the XLSX exports (registrations, eligibility, commendation statistics, the award import
  template) and the dashboard's data (its kanban's ``web_search_read``, the analysis it
  opens) are read by the replica: their statements on the addon's tables are in the
  replica's log and not in the primary's;
- the Word documents and every write are served by the primary;
- replay paused on the replica, a line changed through the web client's RPC is on the
  primary and not yet on the replica: the export (and the web client's ``read``) show the
  old value, ``/jsonrpc`` (always the primary) the new one; replay resumed, the export
  shows the new value once the replica has caught up;
- Odoo never fell back from the replica (no "retrying with a read/write cursor", no
  "Failed to open a readonly cursor") and logged no ERROR.

Every wait is on a state, with a timeout. Prints one line per check (``replica-check: ok``
or ``replica-check: FAIL``) and exits with status 1 when one fails.
"""

import argparse
import io
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import CookieJar
from pathlib import Path

import openpyxl

MARK = "replica-check"
TIMEOUT = 90
# A statement on one of the addon's tables, as the ORM writes them (quoted identifiers).
ADDON_TABLE = re.compile(r'"tdkt_[a-z_]+"')
LOG_ENTRY_START = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", re.M)
FALLBACKS = ("retrying with a read/write cursor", "Failed to open a readonly cursor")
OFFICE = ("vanphong", "tdkt")
ADMIN = ("admin", "admin")

failures = []


def check(ok, label, detail=""):
    print(
        f"{MARK}: {'ok  ' if ok else 'FAIL'} {label}{'' if ok or not detail else ': ' + detail}",
        flush=True,
    )
    if not ok:
        failures.append(label)
    return ok


def wait_for(predicate, what, timeout=TIMEOUT):
    """Poll ``predicate`` until it is true; raise TimeoutError naming ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if predicate():
                return
        except (OSError, subprocess.CalledProcessError, RuntimeError):
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not reached in {timeout} s")
        time.sleep(0.2)


class Cluster:
    """A PostgreSQL server on loopback, read with psql, and its log file."""

    def __init__(self, name, psql, port, log):
        self.name, self.psql, self.port, self.log = name, psql, port, Path(log)

    def value(self, sql, db="postgres"):
        return subprocess.run(
            [
                self.psql,
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "odoo",
                "-d",
                db,
                "-XAtqc",
                sql,
            ],
            capture_output=True,
            check=True,
            text=True,
        ).stdout.strip()

    def offset(self):
        return self.log.stat().st_size

    def addon_statements(self, offset):
        """The statements on the addon's tables logged since ``offset``."""
        with self.log.open("rb") as log:
            log.seek(offset)
            text = log.read().decode(errors="replace")
        starts = [match.start() for match in LOG_ENTRY_START.finditer(text)]
        entries = [
            text[start:end]
            for start, end in zip(starts, [*starts[1:], len(text)], strict=False)
        ]
        return [
            entry.split("statement: ", 1)[1]
            for entry in entries
            if "statement: " in entry and ADDON_TABLE.search(entry)
        ]


class Client:
    """A session of the web client on the Odoo server."""

    def __init__(self, url, db, login, password):
        self.url, self.db = url.rstrip("/"), db
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar())
        )
        self.uid = self.json(
            "/web/session/authenticate",
            {"db": db, "login": login, "password": password},
        )["uid"]
        self.password = password

    def json(self, path, params):
        body = json.dumps(
            {"jsonrpc": "2.0", "method": "call", "params": params}
        ).encode()
        request = urllib.request.Request(
            self.url + path, body, {"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=120) as response:
            payload = json.load(response)
        if "error" in payload:
            raise RuntimeError(payload["error"]["data"]["message"])
        return payload.get("result")

    def call(self, model, method, *args, **kwargs):
        """The web client's RPC (read-only methods on the replica)."""
        return self.json(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def jsonrpc(self, model, method, *args):
        """The external RPC, /jsonrpc (always the primary)."""
        return self.json(
            "/jsonrpc",
            {
                "service": "object",
                "method": "execute_kw",
                "args": [self.db, self.uid, self.password, model, method, list(args)],
            },
        )

    def get(self, path, **query):
        url = f"{self.url}{path}?{urllib.parse.urlencode(query)}"
        with self.opener.open(url, timeout=120) as response:
            return response.read()


def xlsx_text(content):
    """Every cell value of an XLSX file, as text."""
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    return "\n".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


class Check:
    def __init__(self, args):
        self.args = args
        self.primary = Cluster(
            "primary", args.psql, args.primary_port, args.primary_log
        )
        self.replica = Cluster(
            "replica", args.psql, args.replica_port, args.replica_log
        )
        self.odoo_log = Path(args.odoo_log)

    def sync(self):
        """Wait until the replica has replayed everything the primary has written."""
        lsn = self.primary.value("SELECT pg_current_wal_lsn()")
        wait_for(
            lambda: self.replica.value(f"SELECT pg_last_wal_replay_lsn() >= '{lsn}'")
            == "t",
            f"the replica replays up to {lsn}",
        )

    def served_by(self, expected, label, run, sync=True):
        """Run ``run`` and check that its statements on the addon's tables went to the
        ``expected`` server only, and that Odoo did not fall back from the replica."""
        if sync:
            self.sync()
        offsets = (
            self.primary.offset(),
            self.replica.offset(),
            self.odoo_log.stat().st_size,
        )
        result = run()
        on = {
            "primary": self.primary.addon_statements(offsets[0]),
            "replica": self.replica.addon_statements(offsets[1]),
        }
        other = "replica" if expected == "primary" else "primary"
        with self.odoo_log.open("rb") as log:
            log.seek(offsets[2])
            odoo_text = log.read().decode(errors="replace")
        fallback = [text for text in FALLBACKS if text in odoo_text]
        check(
            on[expected] and not on[other] and not fallback,
            f"{label}: served by the {expected} ({len(on[expected])} statements on the "
            f"addon's tables there, {len(on[other])} on the {other})",
            f"Odoo fell back: {fallback}"
            if fallback
            else f"first on the {other}: {on[other][:1]}",
        )
        return result

    def run(self):
        args = self.args
        wait_for(
            lambda: self.replica.value("SELECT pg_is_in_recovery()") == "t"
            and self.replica.value("SELECT status FROM pg_stat_wal_receiver")
            == "streaming",
            "the replica streams from the primary",
        )
        check(
            self.primary.value(
                "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'"
            )
            != "0",
            "the replica is a hot standby streaming from the primary",
        )

        def healthy():
            with urllib.request.urlopen(args.url + "/web/health", timeout=5) as answer:
                return answer.status == 200

        wait_for(healthy, "the Odoo server answers", timeout=180)
        office = Client(args.url, args.db, *OFFICE)
        admin = Client(args.url, args.db, *ADMIN)
        check(bool(office.uid and admin.uid), "the Office user and admin log in")
        form_ids = office.call("tdkt.registration", "search", [], order="id")
        line_ids = office.call(
            "tdkt.registration.line", "search", [("registration_id", "in", form_ids)]
        )
        year = max(
            int(award["decision_date"][:4])
            for award in office.call("tdkt.award", "search_read", [], ["decision_date"])
            if award["decision_date"]
        )

        # The XLSX exports and statistics.
        ids = ",".join(map(str, form_ids))
        registrations = self.served_by(
            "replica",
            f"registrations export of {len(form_ids)} forms",
            lambda: office.get(f"/tdkt/document/registrations/{ids}", format="xlsx"),
        )
        check(bool(xlsx_text(registrations)), "the registrations export reads back")
        content = self.served_by(
            "replica",
            f"eligibility export of {len(line_ids)} lines",
            lambda: office.get(
                f"/tdkt/document/eligibility/{','.join(map(str, line_ids))}",
                format="xlsx",
            ),
        )
        check(bool(xlsx_text(content)), "the eligibility export reads back")
        content = self.served_by(
            "replica",
            f"commendation statistics of {year}",
            lambda: office.get(
                "/tdkt/document/award_statistics", year=year, period="annual"
            ),
        )
        check(bool(xlsx_text(content)), "the commendation statistics read back")
        self.served_by(
            "replica",
            "award import template",
            lambda: office.get("/tdkt/document/award_import_template"),
        )

        # The dashboard's data, as the web client loads it.
        def dashboard():
            plans = office.call(
                "tdkt.plan",
                "web_search_read",
                [("state", "!=", "draft")],
                {
                    name: {}
                    for name in (
                        "number",
                        "name",
                        "state",
                        "task_done_count",
                        "task_due_count",
                        "task_overdue_count",
                        "registration_expected_count",
                        "registration_submitted_count",
                        "registration_received_count",
                        "proposal_count",
                        "proposal_summary",
                        "initiative_count",
                        "initiative_recognized_count",
                    )
                },
            )["records"]
            groups = office.call(
                "tdkt.registration.analysis",
                "web_read_group",
                [("plan_id", "in", [plan["id"] for plan in plans])],
                ["unit_id"],
                ["unit_id"],
            )["groups"]
            return plans, groups

        plans, groups = self.served_by("replica", "dashboard data", dashboard)
        check(
            bool(plans) and bool(groups) and "registration_expected_count" in plans[0],
            f"the dashboard shows {len(plans)} plan(s), {len(groups)} unit(s) in its analysis",
        )

        # A Word document is printed by the primary.
        content = self.served_by(
            "primary",
            "Word document of a plan",
            lambda: office.get(f"/tdkt/document/plan/{plans[0]['id']}", format="docx"),
        )
        check(content[:2] == b"PK", "the plan's Word document reads back")

        # Writes go to the primary; the replica shows them once it has replayed them.
        line = admin.call(
            "tdkt.registration.line",
            "search_read",
            [("registration_id.state", "=", "draft")],
            ["note"],
            limit=1,
        )[0]
        marker = f"replica-check {uuid.uuid4().hex[:12]}"
        self.sync()
        self.replica.value("SELECT pg_wal_replay_pause()")
        try:
            wait_for(
                lambda: self.replica.value("SELECT pg_get_wal_replay_pause_state()")
                == "paused",
                "replay paused on the replica",
            )
            self.served_by(
                "primary",
                "a line's note written through the web client",
                lambda: admin.call(
                    "tdkt.registration.line", "write", [line["id"]], {"note": marker}
                ),
                sync=False,
            )
            query = f"SELECT note FROM tdkt_registration_line WHERE id = {line['id']}"
            check(
                self.primary.value(query, args.db) == marker
                and self.replica.value(query, args.db) != marker,
                "the note is on the primary, not yet on the paused replica",
            )
            text = xlsx_text(
                self.served_by(
                    "replica",
                    "registrations export, replay paused",
                    lambda: office.get(
                        f"/tdkt/document/registrations/{ids}", format="xlsx"
                    ),
                    sync=False,
                )
            )
            check(
                marker not in text,
                "the export, read by the paused replica, shows the old note",
            )
            read = admin.call("tdkt.registration.line", "read", [line["id"]], ["note"])
            external = admin.jsonrpc(
                "tdkt.registration.line", "read", [line["id"]], ["note"]
            )
            check(
                read[0]["note"] != marker and external[0]["note"] == marker,
                "the web client's read is the replica's, /jsonrpc's the primary's",
                f"read {read[0]['note']!r}, /jsonrpc {external[0]['note']!r}",
            )
        finally:
            self.replica.value("SELECT pg_wal_replay_resume()")
        text = xlsx_text(
            self.served_by(
                "replica",
                "registrations export, replay resumed",
                lambda: office.get(
                    f"/tdkt/document/registrations/{ids}", format="xlsx"
                ),
            )
        )
        check(marker in text, "once replayed, the export shows the new note")

        log = self.odoo_log.read_text(errors="replace")
        errors = re.findall(r"^\S+ \S+ \d+ (?:ERROR|CRITICAL) .*$", log, re.M)
        check(not errors, "no ERROR in the server's log", "; ".join(errors[:3]))
        check(
            not any(text in log for text in FALLBACKS),
            "Odoo never fell back from the replica to the primary",
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--odoo-log", required=True)
    parser.add_argument("--psql", required=True)
    parser.add_argument("--primary-port", type=int, required=True)
    parser.add_argument("--primary-log", required=True)
    parser.add_argument("--replica-port", type=int, required=True)
    parser.add_argument("--replica-log", required=True)
    check_run = Check(parser.parse_args())
    try:
        check_run.run()
    except (
        TimeoutError,
        RuntimeError,
        OSError,
        subprocess.CalledProcessError,
    ) as error:
        detail = getattr(error, "stderr", "") or error
        check(False, "the check ran to its end", str(detail).strip())
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
