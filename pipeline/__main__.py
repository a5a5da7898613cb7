"""`python -m pipeline`: the command line."""

import sys

from .console import main

sys.exit(main())
