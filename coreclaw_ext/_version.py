"""The one place that holds the package version (hatchling reads it for the wheel).

spec/openapi.yaml's ``info.version`` and ``coreclaw_api._spec_index.API_VERSION`` are derived
from it by ``scripts/release bump X.Y.Z`` (which rewrites that one spec line and regenerates);
never edit them by hand. The release gate and tests/test_tooling.py check that all three agree.
"""

__version__ = "0.1.0"
