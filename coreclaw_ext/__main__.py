"""``python -m coreclaw_ext``: the ``coreclaw-py`` command line (see ``coreclaw_ext.cli``)."""

import sys

from .cli import main

sys.exit(main())
