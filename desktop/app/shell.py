"""The running app: the main window (made on demand), the tray, one store.

``upright`` opens the window and keeps the tray; ``upright --tray`` starts
with the tray only and makes the window the first time it is asked for.
Closing the window quits unless the tray is keeping watch.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtGui import QPixmapCache

from desktop.app.media import Media
from desktop.app.single_instance import Instance
from desktop.app.store_worker import StoreWorker
from desktop.ui.appearance import Appearance

if TYPE_CHECKING:
    from desktop.app.main_controller import MainController
    from desktop.app.tray_controller import TrayController


class Shell:
    def __init__(self, app, catalog, data_dir, *, tray_only: bool, instance: Instance | None = None):
        self.app, self.catalog, self.tray_only = app, catalog, tray_only
        self.data_dir = data_dir
        self.worker = StoreWorker(data_dir)  # the window's store; opened when the window is made
        self.appearance = Appearance(app)
        self.media = Media()
        self.main: MainController | None = None
        self.tray: TrayController | None = None
        self.finished: asyncio.Future = asyncio.get_running_loop().create_future()
        self.instance = instance  # None when this run does not answer later starts (--exit-after-paint)
        if instance is not None:
            instance.request.connect(self._on_request)
        self._pixmap_cache_kb = QPixmapCache.cacheLimit()
        if tray_only:
            # Qt's pixmap cache empties itself on a timer that wakes the process every 10-30 s
            # for about a minute after each icon drawn; a tray repaints too rarely to gain from it.
            QPixmapCache.setCacheLimit(0)

    def show_window(self) -> MainController:
        if self.main is None:
            QPixmapCache.setCacheLimit(self._pixmap_cache_kb)  # the window's styles and pages do gain
            # Imported here: the window, its pages and the session view (about 3 MB) are
            # not needed by a tray-only run until someone opens the window.
            from desktop.app.main_controller import MainController

            self.main = MainController(
                self.catalog,
                self.worker,
                self.appearance,
                self.media,
                preferences=self._preferences,
                quit_app=self.quit,
            )
            self.main.window.closing.connect(self._window_closed)
            if self.tray is not None:  # made after start-up (from the tray): open its store now
                self.main.spawn(self.main.open_store())
        window = self.main.window
        window.showNormal()
        window.raise_()
        window.activateWindow()
        return self.main

    async def _preferences(self) -> None:
        """One Preferences dialog for the window and the tray: the tray's policy hears of every change."""
        if self.tray is not None:
            await self.tray.edit_settings()
        else:
            assert self.main is not None
            await self.main.edit_preferences()

    def _on_request(self, request: str) -> None:
        if request == "open" or self.tray is None or not self.tray.visible:
            self.show_window()

    def _window_closed(self) -> None:
        if self.tray is None or not self.tray.visible:
            self.quit()

    async def start(self) -> None:
        """Open the window's store (reporting problems there), then start the tray.

        The tray never opens the store in this process: its reads and writes run in a
        short-lived child (``TrayStore``), so a tray-only run never loads SQLAlchemy.
        """
        opened = await self.main.open_store() if self.main else True
        from desktop.app.tray_controller import TrayController
        from desktop.app.tray_store import TrayStore

        self.tray = TrayController(
            self.catalog,
            TrayStore(self.data_dir) if opened else None,
            self.appearance,
            self.media,
            open_window=self.show_window,
            quit_app=self.quit,
        )
        await self.tray.start()
        if self.instance is not None:
            self.instance.control = self.tray.control
        if self.tray_only and not self.tray.visible:
            self.show_window()  # no tray on this desktop: the window is how reminders reach the person

    def quit(self) -> None:
        if not self.finished.done():
            self.finished.set_result(None)

    def record_now(self) -> None:
        """The display has gone (``DisplayWatch``): a reminder still waiting, a desk break on
        screen and a session under way are recorded at once, without the loop."""
        from desktop.app.display_lost import STORE_WAIT_S
        from desktop.app.session_launch import record_running_session_now

        if self.tray is not None:
            self.tray.record_now()
        record_running_session_now(STORE_WAIT_S)

    async def close(self) -> None:
        if self.tray is not None:
            self.tray.finish()  # a reminder still waiting, a break on screen: recorded
            await self.tray.retire()  # its notification comes down; answers given are written first
            self.tray.close()
        if self.main is not None:
            await self.main.close()
            self.main.window.deleteLater()
        self.worker.close()
        if self.instance is not None:
            self.instance.close()
