"""OCA's pre-commit checks for 18.0 that format code: ruff (lint and format) over the
repository, prettier with its XML plugin over the addon's XML, JS and SCSS.

./dev test installs ruff (requirements-dev.txt) and prettier (package-lock.json, into
.local/node); ./dev format applies the formatters.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDON = ROOT / "tdkt_emulation"
NODE_MODULES = ROOT / ".local" / "node" / "node_modules"
PRETTIER = NODE_MODULES / ".bin" / "prettier"
PRETTIER_SUFFIXES = {".xml", ".js", ".scss"}


def _run(*args, env=None):
    return subprocess.run(
        args, capture_output=True, text=True, cwd=ROOT, env=env, check=False
    )


def test_ruff_lint_is_clean():
    result = _run(
        sys.executable,
        "-m",
        "ruff",
        "check",
        "--no-fix",
        "--output-format=concise",
        ".",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean():
    result = _run(sys.executable, "-m", "ruff", "format", "--check", ".")
    assert result.returncode == 0, "run ./dev format:\n" + result.stdout + result.stderr


def test_prettier_is_clean():
    assert (
        PRETTIER.exists()
    ), f"{PRETTIER} is missing: ./dev test installs it (npm ci in .local/node)"
    files = sorted(
        str(path.relative_to(ROOT))
        for path in ADDON.rglob("*")
        if path.suffix in PRETTIER_SUFFIXES
    )
    assert any(name.endswith(".xml") for name in files)
    # prettier.config.cjs requires the XML plugin: NODE_PATH lets it find .local/node's.
    env = dict(os.environ, NODE_PATH=str(NODE_MODULES))
    result = _run(str(PRETTIER), "--check", "--log-level=warn", *files, env=env)
    assert result.returncode == 0, (
        "run ./dev format; prettier would change:\n" + result.stdout + result.stderr
    )
