"""What the tray-only process keeps in memory: not the window, not every module's source text.

``benchmarks/tray_idle.py`` measures the resident memory; these check the two
changes that cut it, so they are not undone by accident.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap


def run(code: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_the_tray_alone_does_not_import_the_main_window():
    imported = run("""
        import sys
        import desktop.app.gui, desktop.app.shell, desktop.app.tray_controller
        print(sorted(m for m in ("desktop.app.main_controller", "desktop.ui.main_window",
                                 "desktop.ui.exercises_page", "desktop.app.session_controller",
                                 "PySide6.QtMultimedia", "PySide6.QtTextToSpeech", "PySide6.QtCharts")
                     if m in sys.modules))
    """)
    assert imported == "[]"


def test_pyside_no_longer_keeps_the_source_of_every_module_imported_after_it():
    kept, features = run("""
        import linecache, sys
        from desktop.app import qt_app
        import PySide6.QtCore  # installs PySide6's import hook
        qt_app.read_sources_uncached()
        from desktop.ui.tray_menu import TrayMenu  # the hook looks at the module an import statement returns
        from desktop.core.breaks import BreakPolicy
        from email.mime.text import MIMEText
        feature = sys.modules["PySide6.support.feature"].pyside_feature_dict
        print(sorted(name for name in linecache.cache
                     if "tray_menu" in name or "breaks" in name or "mime" in name))
        print(feature.get("desktop.ui.tray_menu"), feature.get("desktop.core.breaks"),
              feature.get("email.mime.text"))
    """).splitlines()
    assert kept == "[]"
    # The hook still learns which modules use PySide6 (0) and which do not (-1).
    assert features == "0 -1 -1"
