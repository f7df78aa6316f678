"""Importing the repo's scripts and examples (not packages) from tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load_script(relative: str, name: str) -> ModuleType:
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    # Registered first: dataclasses look their module up in sys.modules while it loads.
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
