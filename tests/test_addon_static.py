"""Static checks of the addon's files: they need no Odoo."""

import ast
import csv
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDON = ROOT / "tdkt_emulation"
MANIFEST = ast.literal_eval((ADDON / "__manifest__.py").read_text(encoding="utf-8"))
XML_FILES = sorted(ADDON.rglob("*.xml"))
PY_FILES = sorted(ADDON.rglob("*.py"))


def _model_definitions():
    """Yield (file, _name, is_abstract) for every class that defines a model."""
    for path in PY_FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {ast.unparse(base) for base in node.bases}
            attrs = {
                target.id: stmt.value
                for stmt in node.body
                if isinstance(stmt, ast.Assign)
                for target in stmt.targets
                if isinstance(target, ast.Name)
            }
            if "_name" in attrs and isinstance(attrs["_name"], ast.Constant):
                inherit = attrs.get("_inherit")
                parents = (
                    {element.value for element in inherit.elts}
                    if isinstance(inherit, ast.List)
                    else set()
                )
                # ``_name = "hr.employee"`` with ``_inherit = ["hr.employee", mixin]``
                # extends a model, it does not define one.
                if attrs["_name"].value in parents:
                    continue
                yield path, attrs["_name"].value, "models.AbstractModel" in bases


@pytest.mark.parametrize("path", XML_FILES, ids=lambda p: str(p.relative_to(ADDON)))
def test_xml_file_parses(path):
    ElementTree.parse(path)


@pytest.mark.parametrize("key", ["data", "demo"])
def test_every_file_the_manifest_names_exists(key):
    missing = [name for name in MANIFEST.get(key, []) if not (ADDON / name).is_file()]
    assert not missing, f"{key} files missing: {missing}"


def test_every_data_file_is_in_the_manifest():
    listed = set(MANIFEST["data"]) | set(MANIFEST.get("demo", []))
    for folder in ("data", "demo", "security", "views", "wizards", "report"):
        for path in (ADDON / folder).glob("*"):
            if path.suffix in (".xml", ".csv"):
                assert (
                    str(path.relative_to(ADDON)) in listed
                ), f"{path.name} is not loaded"


def test_every_model_has_access_rights():
    with (ADDON / "security" / "ir.model.access.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    covered = {row["model_id:id"] for row in rows}
    models = [
        (path, name) for path, name, abstract in _model_definitions() if not abstract
    ]
    assert models, "no model found"
    missing = [
        name
        for _path, name in models
        if "model_" + name.replace(".", "_") not in covered
    ]
    assert not missing, f"models without access rights: {missing}"
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "duplicate ACL ids"


def test_views_use_odoo_18_syntax():
    for path in XML_FILES:
        text = path.read_text(encoding="utf-8")
        for pattern in (
            r"<tree\b",
            r'\battrs="',
            r'\bstates="',
            r"<field name=\"numbercall\"",
            r"t-name=\"kanban-box\"",
        ):
            assert not re.search(pattern, text), f"{path.name}: old syntax {pattern}"


def test_manifest_follows_oca_keys():
    for key in (
        "name",
        "summary",
        "version",
        "license",
        "author",
        "website",
        "maintainers",
        "depends",
    ):
        assert MANIFEST.get(key), f"manifest key {key} missing"
    assert MANIFEST["version"].startswith("18.0.")
    assert "description" not in MANIFEST
    assert set(MANIFEST["depends"]) <= {"hr", "mail"}


def test_plain_python_modules_import_no_odoo():
    for path in (ADDON / "lib").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(name.split(".")[0] == "odoo" for name in names), path.name


def test_every_browser_tour_runs_as_a_tour_case():
    """A class that starts a tour derives from TdktTourCase, which readies the server for the
    browser's parallel first requests, and carries the tdkt_tour tag that --repeat-tours runs."""
    offenders = []
    for path in sorted((ADDON / "tests").glob("test_*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.ClassDef) or "start_tour" not in ast.unparse(
                node
            ):
                continue
            bases = {ast.unparse(base) for base in node.bases}
            tags = {
                ast.unparse(arg)
                for decorator in node.decorator_list
                if isinstance(decorator, ast.Call)
                for arg in decorator.args
            }
            if "TdktTourCase" not in bases or "'tdkt_tour'" not in tags:
                offenders.append(f"{path.name}: {node.name}")
    assert not offenders, offenders


def test_pylint_odoo_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "pylint", f"--rcfile={ROOT / '.pylintrc'}", str(ADDON)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
