"""Make the addon's plain-Python package reachable without running its ``__init__``
(which imports Odoo): ``tdkt_emulation`` is registered as an empty namespace whose
path is the addon folder, so ``import tdkt_emulation.lib.dates`` loads just that module.
"""

import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDON = ROOT / "tdkt_emulation"

if "tdkt_emulation" not in sys.modules:
    package = types.ModuleType("tdkt_emulation")
    package.__path__ = [str(ADDON)]
    sys.modules["tdkt_emulation"] = package
