"""Guards the PySide6 6.12.0 defect: void calls dropping a reference to None.

On the broken release each ``setToolTip`` decremented None's refcount and the
process aborted after ~5,000 calls; a sound release leaves the count steady.
"""

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_leak_none_references(qapp):
    label = QLabel()
    label.setToolTip("warm-up")  # first call may create cached wrappers
    before = sys.getrefcount(None)
    for n in range(1000):
        label.setToolTip(f"sat for {n} min")
    after = sys.getrefcount(None)
    assert after >= before - 10, f"None lost {before - after} references across 1000 calls"


def test_installed_pyside_is_not_the_broken_release():
    import PySide6

    assert PySide6.__version__ != "6.12.0"
