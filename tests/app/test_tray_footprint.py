"""A waiting tray holds none of what only a window, a session or the history needs.

A real ``upright --tray`` on a private Xvfb with a tray host; once it answers
``upright status``, it is asked to stop (SIGTERM, as at logout) and reports
the modules it had loaded. Its memory is measured by benchmarks/tray_idle.py;
this keeps the reasons for it from coming back unnoticed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys

import pytest

from tests.platform.conftest import running_xvfb
from tests.waiting import until

pytestmark = pytest.mark.slow

REPORT = """
import json, signal, sys
report = sys.argv[1]
def dump(*_):
    with open(report, "w") as out:
        json.dump(sorted(name for name, module in sys.modules.items() if module is not None), out)
signal.signal(signal.SIGUSR1, dump)
sys.argv = ["upright", *sys.argv[2:]]
from desktop.cli.main import main
sys.exit(main())
"""
NOT_IN_A_WAITING_TRAY = (
    "sqlalchemy",  # the history: read and written by a short-lived child
    "alembic",
    "pydantic",  # the catalog comes from its cache
    "ssl",  # OpenSSL: no network here
    "desktop.app.session_controller",  # a session, its view and the figure: first use
    "desktop.ui.session_view",
    "desktop.ui.break_window",
    "desktop.ui.main_window",
    "desktop.ui.settings_dialog",
)


def test_a_waiting_tray_loads_no_store_session_window_or_openssl(tmp_path):
    if shutil.which("trayer") is None:
        pytest.fail("trayer is missing: `bash packaging/bootstrap.sh test` installs it")
    user = f"upright-test-{os.getpid()}-footprint"
    report = tmp_path / "modules.json"
    with running_xvfb() as display:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "LOGNAME": user,
            "USER": user,
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/no-bus",
        }
        host = subprocess.Popen(["trayer"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        data = str(tmp_path / "data")
        warm = "from desktop.content.catalog_cache import load_catalog_cached; load_catalog_cached()"
        # The catalog's cache is there, as on every start but the very first (which validates it).
        subprocess.run([sys.executable, "-c", warm], env=env, check=True)
        log = (tmp_path / "tray.log").open("w")
        tray = subprocess.Popen(
            [sys.executable, "-c", REPORT, str(report), "--data-dir", data, "--tray"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            status = [sys.executable, "-m", "desktop", "--data-dir", data, "status", "--json"]
            until(
                lambda: subprocess.run(status, env=env, capture_output=True).returncode == 0,
                "the tray to answer upright status",
            )
            tray.send_signal(signal.SIGUSR1)  # the modules it holds while it waits
            until(report.exists, "the tray's report of its modules")
            tray.send_signal(signal.SIGTERM)
            tray.wait(30)
        finally:
            if tray.poll() is None:
                tray.kill()
            host.terminate()
            host.wait(10)
    log.close()
    assert report.exists(), (tmp_path / "tray.log").read_text()[-2000:]
    loaded = set(json.loads(report.read_text()))
    assert "desktop.app.tray_controller" in loaded  # it is the tray that was measured
    assert {m for m in NOT_IN_A_WAITING_TRAY if m in loaded} == set()
    assert not any(m.startswith("sqlalchemy.") for m in loaded)
