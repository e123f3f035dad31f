"""The frozen app's entry point: exactly ``python -m desktop``."""

import sys

from desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
