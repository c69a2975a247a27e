"""Take the README's screenshots from a running demo server (``./dev run``) in headless
Chromium, through the DevTools protocol: ``./dev screenshots``.

The exported XLSX is shown as a spreadsheet would show it: LibreOffice turns it into a
PDF, pdftoppm into a PNG.
"""

import base64
import json
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import websocket

OUT = Path(__file__).resolve().parent / "screenshots"
DEVTOOLS_PORT = 9333


class Browser:
    def __init__(self, base_url):
        self.base_url = base_url
        self.profile = tempfile.mkdtemp()
        self.process = subprocess.Popen(
            [
                "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--remote-debugging-port={DEVTOOLS_PORT}",
                f"--user-data-dir={self.profile}",
                "--window-size=1440,900",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{DEVTOOLS_PORT}/json"
                ) as response:
                    pages = [
                        tab for tab in json.load(response) if tab["type"] == "page"
                    ]
                break
            except OSError:
                time.sleep(0.2)
        self.socket = websocket.create_connection(pages[0]["webSocketDebuggerUrl"])
        self.sequence = 0

    def command(self, method, **params):
        self.sequence += 1
        self.socket.send(
            json.dumps({"id": self.sequence, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.sequence:
                return message.get("result", {})

    def evaluate(self, expression):
        return self.command(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )["result"].get("value")

    def open(self, path, wait=6):
        self.command("Page.navigate", url=self.base_url + path)
        time.sleep(wait)

    def login(self, login, password):
        self.command("Network.clearBrowserCookies")
        self.open("/web/login", wait=3)
        self.evaluate(
            f"document.querySelector('#login').value = {json.dumps(login)};"
            f"document.querySelector('#password').value = {json.dumps(password)};"
            "document.querySelector('form.oe_login_form').submit();"
        )
        time.sleep(4)

    def screenshot(self, name):
        data = self.command("Page.captureScreenshot", format="png")["data"]
        (OUT / name).write_bytes(base64.b64decode(data))
        print(f"wrote {OUT / name}")

    def close(self):
        self.process.kill()


def xlsx_screenshot(content, name):
    with tempfile.TemporaryDirectory() as folder:
        xlsx = Path(folder) / "registrations.xlsx"
        xlsx.write_bytes(content)
        subprocess.run(
            [
                "soffice",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                folder,
                str(xlsx),
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(xlsx.with_suffix(".pdf")),
                str(OUT / Path(name).stem),
            ],
            check=True,
        )
    print(f"wrote {OUT / name}")


def main(base_url, db):
    OUT.mkdir(exist_ok=True)
    browser = Browser(base_url)
    try:
        browser.login("vanphong", "tdkt")
        browser.open("/odoo/action-tdkt_emulation.tdkt_plan_action_dashboard")
        browser.screenshot("dashboard.png")
        browser.open("/odoo/action-tdkt_emulation.tdkt_plan_task_analysis_action")
        browser.screenshot("task-analysis.png")
        browser.open("/odoo/action-tdkt_emulation.tdkt_plan_task_action_current")
        browser.screenshot("task-kanban.png")
        browser.open("/odoo/action-tdkt_emulation.tdkt_plan_action")
        browser.evaluate("document.querySelector('.o_data_row .o_data_cell').click()")
        time.sleep(4)
        browser.screenshot("plan-form.png")
        browser.open("/odoo/action-tdkt_emulation.tdkt_registration_action")
        browser.evaluate(
            "[...document.querySelectorAll('.o_data_row')]"
            ".find(row => row.innerText.includes('Cải cách')).querySelector('.o_data_cell').click()"
        )
        time.sleep(4)
        browser.screenshot("registration-form.png")
    finally:
        browser.close()
    xlsx_screenshot(download_registrations(base_url, db), "registrations-xlsx.png")
    return 0


def download_registrations(base_url, db):
    """The registrations export of the demo plan, as the Office downloads it."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(CookieJar())
    )

    def rpc(path, params):
        body = json.dumps(
            {"jsonrpc": "2.0", "method": "call", "params": params}
        ).encode()
        request = urllib.request.Request(
            base_url + path, body, {"Content-Type": "application/json"}
        )
        with opener.open(request) as response:
            return json.load(response)["result"]

    rpc(
        "/web/session/authenticate", {"db": db, "login": "vanphong", "password": "tdkt"}
    )
    ids = rpc(
        "/web/dataset/call_kw",
        {
            "model": "tdkt.registration",
            "method": "search",
            "args": [[("plan_id.number", "=", "03/KH-SNV")]],
            "kwargs": {},
        },
    )
    with opener.open(
        f"{base_url}/tdkt/document/registrations?ids={','.join(map(str, ids))}"
    ) as response:
        return response.read()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
