"""A real speech-dispatcher for tests (pytest plugin: the ``speech_dispatcher`` fixture).

Qt's only speech backend on Linux talks to speech-dispatcher, so the voice is
tested against the real daemon, as installed by ``packaging/bootstrap.sh``:
its own config folder, socket and log in a temporary folder, espeak-ng as its
only output module, and its sound going to a PulseAudio server of the test's
own whose only sink is a null sink. So nothing is heard, no audio device is
needed, and Qt sees a sound output, as on a person's machine.

What the engine received is read from the daemon's own log at level 5:
``Queueing message |TEXT|`` as a message arrives, ``Command sent to output
module: |<speak>TEXT</speak>|`` as it is handed to espeak-ng, and ``Got
audio`` as espeak-ng hands back samples. Waiting is polling for a socket or a
log line with a bounded timeout (``tests.waiting.until``).

Programs that should use these daemons get ``env`` (``PULSE_SERVER`` and
``SPEECHD_ADDRESS``); run them as subprocesses, because Qt looks for sound
outputs and speech engines once per process.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.waiting import until

START_TIMEOUT_S = 20.0
# Where the espeak-ng output module is; a machine without it installed system-wide may point elsewhere.
MODULES = Path(os.environ.get("UPRIGHT_TEST_SPEECHD_MODULES", "/usr/lib/speech-dispatcher-modules"))
_QUEUED = re.compile(r"Queueing message \|(.*?)\| with priority", re.DOTALL)
_SENT = re.compile(r"Command sent to output module: \|<speak>(.*?)</speak>\|", re.DOTALL)

PULSE_CONFIG = """\
load-module module-native-protocol-unix auth-anonymous=1 socket={socket}
load-module module-null-sink sink_name=silent
set-default-sink silent
"""
SPEECHD_CONFIG = """\
CommunicationMethod "unix_socket"
SocketPath "{socket}"
LogLevel 5
LogDir "{logs}"
AudioOutputMethod "pulse"
AudioPulseServer "unix:{pulse}"
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
DefaultLanguage "en"
"""


@dataclass(frozen=True)
class SpeechDispatcher:
    """Running daemons; ``env`` points a program at them."""

    env: dict[str, str]
    log: Path

    def _log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def queued(self) -> list[str]:
        """Every text the daemon received, in order (a later one may cut an earlier one short)."""
        return [html.unescape(text) for text in _QUEUED.findall(self._log_text())]

    def sent(self) -> list[str]:
        """Every text handed to espeak-ng, in order."""
        return [html.unescape(text) for text in _SENT.findall(self._log_text())]

    def synthesised(self) -> int:
        """How many blocks of samples espeak-ng has produced."""
        return self._log_text().count("Got audio:")

    def wait_until(self, condition: Callable[[], bool], what: str, timeout_s: float = 20.0) -> None:
        """Poll the log until ``condition()``; fail naming ``what`` after ``timeout_s``."""
        until(condition, lambda: f"{what}; the daemon received {self.queued()}", timeout_s)


def _accepts(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX) as probe:
        try:
            probe.connect(str(path))
        except OSError:
            return False
    return True


def _start(command: list[str], env: dict[str, str], output: Path, sock: Path) -> subprocess.Popen:
    with output.open("wb") as out:
        daemon = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)

    def ready() -> bool:
        if daemon.poll() is not None:
            pytest.fail(f"{command[0]} exited ({daemon.returncode}): {output.read_text()[-2000:]}")
        return _accepts(sock)

    until(ready, lambda: f"{command[0]} made no socket: {output.read_text()[-2000:]}", START_TIMEOUT_S)
    return daemon


def _stop(daemon: subprocess.Popen) -> None:
    daemon.terminate()
    try:
        daemon.wait(timeout=10)
    except subprocess.TimeoutExpired:
        daemon.kill()
        daemon.wait()


@pytest.fixture
def speech_dispatcher() -> Iterator[SpeechDispatcher]:
    """PulseAudio with a null sink, then speech-dispatcher speaking through it with espeak-ng."""
    missing = [p for p in ("pulseaudio", "speech-dispatcher") if shutil.which(p) is None]
    if missing or not (MODULES / "sd_espeak-ng").exists():
        pytest.fail(
            f"missing {', '.join(missing) or 'the espeak-ng module of speech-dispatcher'}: "
            "`bash packaging/bootstrap.sh test` installs them"
        )
    # A short folder: a unix socket path must stay under ~100 bytes, and pytest's tmp_path may not.
    home = Path(tempfile.mkdtemp(prefix="speechd-"))
    pulse, speechd = home / "pulse.sock", home / "speechd.sock"
    config, logs = home / "conf", home / "logs"
    (config / "modules").mkdir(parents=True)
    logs.mkdir()
    (home / "pulse.pa").write_text(PULSE_CONFIG.format(socket=pulse))
    (config / "speechd.conf").write_text(SPEECHD_CONFIG.format(socket=speechd, logs=logs, pulse=pulse))
    (config / "modules" / "espeak-ng.conf").write_text("# espeak-ng's defaults\n")
    base = {"HOME": str(home), "XDG_RUNTIME_DIR": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    daemons: list[subprocess.Popen] = []
    try:
        daemons.append(
            _start(
                [
                    *("pulseaudio", "-n", "-F", str(home / "pulse.pa"), "--daemonize=no"),
                    *("--exit-idle-time=-1", "--disable-shm=yes", "--use-pid-file=no", "--system=no"),
                ],
                base,
                home / "pulseaudio.out",
                pulse,
            )
        )
        env = {**base, "PULSE_SERVER": f"unix:{pulse}"}
        daemons.append(
            _start(
                [
                    *("speech-dispatcher", "--run-single", "--timeout", "0", "--config-dir", str(config)),
                    *(
                        "--log-dir",
                        str(logs),
                        "--module-dir",
                        str(MODULES),
                        "--pid-file",
                        str(home / "sd.pid"),
                    ),
                ],
                env,
                home / "speechd.out",
                speechd,
            )
        )
        yield SpeechDispatcher(
            {"PULSE_SERVER": f"unix:{pulse}", "SPEECHD_ADDRESS": f"unix_socket:{speechd}"},
            logs / "speech-dispatcher.log",
        )
    finally:
        for daemon in reversed(daemons):
            _stop(daemon)
        shutil.rmtree(home, ignore_errors=True)
