"""Qt's own warnings reach Upright's log, not the person's terminal."""

from __future__ import annotations

import logging

from PySide6.QtCore import qWarning

from desktop.app.qt_app import make_application


def test_a_qt_warning_goes_to_the_log_and_not_to_stderr(qapp, caplog, capfd):
    make_application()
    capfd.readouterr()
    with caplog.at_level(logging.INFO, logger="upright.qt"):
        qWarning("PulseAudioService: pa_context_connect() failed")
    assert capfd.readouterr().err == ""
    assert [(r.name, r.levelno) for r in caplog.records] == [("upright.qt", logging.INFO)]
    assert "pa_context_connect() failed" in caplog.records[0].getMessage()
