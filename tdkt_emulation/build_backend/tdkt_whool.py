"""whool, leaving the addon's tests and development files out of its wheel.

The PEP 517 backend of tdkt_emulation/pyproject.toml. whool packages every file under git
control; this wrapper lets whool build the wheel, then removes from it the entries under
EXCLUDED (and their lines in RECORD). Everything else is whool's own: the sdist, the metadata,
the editable install (which links the source folder, tests included).
"""

import os
import zipfile

from whool import buildapi as _whool
from whool.buildapi import (  # noqa: F401  (hooks of the backend, as whool has them)
    build_editable,
    build_sdist,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

ADDON_PREFIX = "odoo/addons/tdkt_emulation/"

# Folders of the addon that an installed Odoo never reads: the Python tests, the browser
# tours, the readme fragments (README.rst and static/description/index.html are made from
# them and stay), this backend.
EXCLUDED = ("tests/", "static/tests/", "readme/", "build_backend/")


def is_excluded(name):
    """True for a wheel entry that the wheel leaves out."""
    return name.startswith(ADDON_PREFIX) and name[len(ADDON_PREFIX) :].startswith(
        EXCLUDED
    )


def strip_wheel(path):
    """Rewrite the wheel at ``path`` without its excluded entries."""
    tmp = path + ".tmp"
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        record_name = next(
            name for name in source.namelist() if name.endswith(".dist-info/RECORD")
        )
        for info in source.infolist():
            if info.filename == record_name or is_excluded(info.filename):
                continue
            target.writestr(info, source.read(info))
        lines = [
            line
            for line in source.read(record_name).decode("utf-8").splitlines()
            if line and not is_excluded(line.split(",", 1)[0])
        ]
        target.writestr(record_name, "\n".join(lines) + "\n")
    os.replace(tmp, path)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    name = _whool.build_wheel(wheel_directory, config_settings, metadata_directory)
    strip_wheel(os.path.join(wheel_directory, name))
    return name
