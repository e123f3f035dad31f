"""Upright: a desktop back-care routine timer.

The package is layered so the architecture reads from the tree:
``core`` (pure rules, no Qt), ``content`` (validated data files),
``storage`` (SQLite history), ``platform`` (OS adapters), ``ui`` (widgets
only), ``app`` (wiring on the qasync loop) and ``cli`` (the commands).
"""

__version__ = "0.1.0"
