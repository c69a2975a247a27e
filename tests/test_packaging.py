"""The addon as an integrator installs it: the wheel that whool builds from tdkt_emulation/.

Built without build isolation, with the build tools of requirements-dev.txt, so no network is
needed. whool packages the files under git control: a file not yet added to git is not in it.
"""

import ast
import email.parser
import fnmatch
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDON = ROOT / "tdkt_emulation"
MANIFEST = ast.literal_eval((ADDON / "__manifest__.py").read_text(encoding="utf-8"))
PREFIX = "odoo/addons/tdkt_emulation/"
# What the wheel leaves out (tdkt_emulation/build_backend/tdkt_whool.py says why).
LEFT_OUT = ("tests/", "static/tests/", "readme/", "build_backend/", "pyproject.toml")


def _run(*args, cwd=ROOT):
    result = subprocess.run(args, capture_output=True, text=True, cwd=cwd, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The wheel built by ``python -m build --wheel`` from the addon folder."""
    out = tmp_path_factory.mktemp("dist")
    _run(
        sys.executable,
        "-m",
        "build",
        "--wheel",
        "--no-isolation",
        "--outdir",
        str(out),
        str(ADDON),
    )
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def names(wheel):
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


@pytest.fixture(scope="module")
def addon_files(names):
    """The addon's files in the wheel, relative to the addon folder."""
    return {name[len(PREFIX) :] for name in names if name.startswith(PREFIX)}


@pytest.fixture(scope="module")
def metadata(wheel, names):
    with zipfile.ZipFile(wheel) as archive:
        (path,) = (name for name in names if name.endswith(".dist-info/METADATA"))
        return email.parser.HeaderParser().parsestr(archive.read(path).decode("utf-8"))


def _tracked_addon_files():
    listed = _run("git", "ls-files", cwd=ADDON).stdout.split()
    return {name for name in listed if not name.startswith(LEFT_OUT)}


def test_wheel_is_named_and_versioned_as_oca_addons_are(wheel, metadata):
    assert metadata["Name"] == "odoo-addon-tdkt_emulation"
    # whool: the manifest's version, plus the number of commits since it was set, if any.
    assert metadata["Version"].startswith(MANIFEST["version"]), metadata["Version"]
    assert wheel.name.startswith("odoo_addon_tdkt_emulation-" + MANIFEST["version"])
    assert wheel.name.endswith("-py3-none-any.whl")


def test_wheel_requires_odoo_18_and_the_external_dependencies(metadata):
    requires = metadata.get_all("Requires-Dist")
    assert "odoo==18.0.*" in requires
    for package in MANIFEST["external_dependencies"]["python"]:
        assert package in requires


def test_wheel_puts_the_addon_in_the_odoo_addons_namespace(names):
    top = {name.split("/", 1)[0] for name in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"odoo"}
    # No __init__.py for odoo/ nor odoo/addons/: namespaces that Odoo's own odoo/ extends.
    assert "odoo/__init__.py" not in names and "odoo/addons/__init__.py" not in names


def test_wheel_holds_every_file_odoo_loads(addon_files):
    for expected in (
        "__init__.py",
        "__manifest__.py",
        "README.rst",
        "i18n/vi.po",
        "i18n/tdkt_emulation.pot",
    ):
        assert expected in addon_files
    for expected in ("static/description/icon.png", "static/description/index.html"):
        assert expected in addon_files
    for key in ("data", "demo"):
        missing = [name for name in MANIFEST[key] if name not in addon_files]
        assert not missing, f"{key} files missing from the wheel: {missing}"
    for folder in (
        "data/",
        "demo/",
        "views/",
        "security/",
        "models/",
        "wizards/",
        "report/",
        "lib/",
    ):
        assert any(name.startswith(folder) for name in addon_files), folder
    for globs in MANIFEST["assets"].values():
        for pattern in globs:
            relative = pattern.removeprefix("tdkt_emulation/")
            if relative.startswith("static/tests/"):
                continue
            assert fnmatch.filter(
                addon_files, relative
            ), f"asset {pattern} missing from the wheel"


def test_wheel_holds_all_the_addon_and_no_test_or_dev_file(addon_files):
    assert addon_files == _tracked_addon_files()
    for name in addon_files:
        assert not name.startswith(LEFT_OUT), name
        assert "__pycache__" not in name and not name.endswith(".pyc"), name


def test_pip_installs_the_addon_folder_where_odoo_looks(tmp_path):
    """``pip install ./tdkt_emulation`` (here into a target folder, without the odoo
    requirement, which only an Odoo installed by pip satisfies) puts the addon in the
    ``odoo.addons`` namespace: importable as ``odoo.addons.tdkt_emulation`` from there."""
    target = tmp_path / "site"
    _run(
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "--target",
        str(target),
        str(ADDON),
    )
    installed = target / "odoo" / "addons" / "tdkt_emulation"
    assert (installed / "__manifest__.py").is_file()
    assert not (installed / "tests").exists()
    # A Python that sees only the target folder finds the addon in the namespace.
    code = (
        "import importlib.util, sys; sys.path.insert(0, sys.argv[1]); "
        "print(importlib.util.find_spec('odoo.addons.tdkt_emulation').origin)"
    )
    found = _run(sys.executable, "-I", "-S", "-c", code, str(target)).stdout.strip()
    assert Path(found) == installed / "__init__.py"
    dist_infos = list(target.glob("odoo_addon_tdkt_emulation-*.dist-info"))
    assert len(dist_infos) == 1


def test_manifest_lists_every_python_package_the_addon_imports():
    """Every import of the addon's code (its tests aside) is Python's own, Odoo's, one of
    Odoo's own requirements, or listed in the manifest's external_dependencies."""
    odoo_requirements = {
        line.split("==")[0].strip().lower()
        for line in (ROOT / "requirements-odoo.txt")
        .read_text(encoding="utf-8")
        .splitlines()
        if line.strip() and not line.startswith("#")
    }
    # Import names of Odoo's requirements that differ from the names of their packages.
    import_names = {
        "dateutil": "python-dateutil",
        "psycopg2": "psycopg2-binary",
        "PIL": "pillow",
        "docx": "python-docx",
    }
    external = {name.lower() for name in MANIFEST["external_dependencies"]["python"]}
    unlisted = set()
    for path in ADDON.rglob("*.py"):
        relative = path.relative_to(ADDON).as_posix()
        if relative.startswith(("tests/", "build_backend/")):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top == "odoo":
                    continue
                package = import_names.get(top, top).lower()
                if package not in external and package not in odoo_requirements:
                    unlisted.add(f"{relative}: {module}")
    assert not unlisted, sorted(unlisted)
    assert "xlsxwriter" in external
