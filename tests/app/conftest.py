"""Qt objects left by a test are collected at its end, not at a random later moment.

PySide wrappers freed by Python's garbage collector while Qt is dispatching
events for another test can touch half-destroyed objects; collecting at a
fixed point keeps each test's leftovers inside that test.
"""

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent


@pytest.fixture(autouse=True)
def collect_qt_leftovers(qapp):
    yield
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
