"""``python -m desktop`` behaves exactly like the ``upright`` command."""

import sys

from desktop.cli.main import main

sys.exit(main())
