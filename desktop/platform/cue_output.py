"""What the sound cues and the voice share: a switch the person holds, and a way to give up once.

Both are optional outputs of a session. The person turns each on or off (M and V),
and each can turn out not to work on this machine (no output device, no engine);
then it goes quiet for good and says why once, for the app to show and remember.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal


class CueOutput(QObject):
    """An output the person can switch off and that may be unavailable; never raises."""

    unavailable = Signal(str)  # the plain-language reason, once
    enabled_changed = Signal(bool)  # the person's choice, for the settings to remember

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._enabled = True
        self._reason: str | None = None

    @property
    def enabled(self) -> bool:
        return self._enabled

    @property
    def available(self) -> bool:
        """False once this output is known not to work on this machine."""
        return self._reason is None

    def set_enabled(self, enabled: bool) -> None:
        if enabled != self._enabled:
            self._enabled = enabled
            self.enabled_changed.emit(enabled)

    def _give_up(self, reason: str, *, from_loop: bool = False) -> None:
        """Go quiet for good and say why, the first time only.

        ``from_loop`` defers the signal to the event loop, for a reason found while the
        object is still being made: a slot connected right after construction hears it.
        """
        if self._reason is None:
            self._reason = reason
            if from_loop:
                QTimer.singleShot(0, self, partial(self.unavailable.emit, reason))
            else:
                self.unavailable.emit(reason)
