#!/usr/bin/env python3
"""Client-side benchmarks of coreclaw_ext / coreclaw_api against raw httpx and peers, in one run.

    python benchmarks/run.py [--quick | --smoke] [--json out.json] [--only sync,async,...]

A fast HTTP/1.1 server (tests/fast_server.py) runs in its own process on loopback. Every
measurement interleaves the compared clients in short alternating chunks, rotating their order
each round, and reports the median and range of the per-round *paired* ratios (client /
reference): back-to-back runs on these machines differ by 10-50 %, so only numbers taken side
by side in one run are compared. Client CPU is ``time.process_time()`` (the server is another
process), wall is ``time.perf_counter()``. The code lives in benchmarks/harness/ (one module
per concern); see benchmarks/README.md for what each row means.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # benchmarks.harness and tests.fast_server live under the root
    sys.path.insert(0, str(ROOT))

from benchmarks.harness.main import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(description=__doc__.split("\n\n")[0] if __doc__ else None))
