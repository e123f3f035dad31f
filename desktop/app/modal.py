"""Awaitable dialogs: ``open()`` plus a future, never a nested ``exec()`` loop.

A nested loop inside a qasync coroutine would re-enter the event loop; this
keeps one loop and lets the coroutine simply wait for the answer.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog


def _resolve(future: asyncio.Future[int], result: int) -> None:
    if not future.done():
        future.set_result(result)


async def answer(dialog: QDialog) -> bool:
    """Show ``dialog`` window-modal and return whether it was accepted."""
    future = asyncio.get_running_loop().create_future()
    dialog.finished.connect(lambda result: _resolve(future, result))
    dialog.open()
    try:
        return await future == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


async def error(parent: QWidget | None, title: str, message: str) -> None:
    """Something went wrong: what, and what to do."""
    await _tell(QMessageBox.Icon.Critical, parent, title, message)


async def inform(parent: QWidget | None, title: str, message: str) -> None:
    """Nothing went wrong, but what was asked for cannot be done now (nothing to report yet)."""
    await _tell(QMessageBox.Icon.Information, parent, title, message)


async def _tell(icon: QMessageBox.Icon, parent: QWidget | None, title: str, message: str) -> None:
    from desktop.ui.plain import plain_message_box

    await answer(plain_message_box(icon, title, message, QMessageBox.StandardButton.Ok, parent))


async def choice(box: QMessageBox):
    """Show a message box with custom buttons; return the role of the one pressed."""
    await answer(box)
    return box.buttonRole(box.clickedButton()) if box.clickedButton() else QMessageBox.ButtonRole.RejectRole


async def choose_path(
    parent: QWidget | None, title: str, *, mode: str, name: str = "", filters: str = ""
) -> Path | None:
    """Ask for a folder (``mode="folder"``), a file to open (``"open"``) or a place to save (``"save"``)."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, str(Path.home()), filters)
    if mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    elif mode == "open":
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(Path(name).suffix.lstrip("."))
        dialog.selectFile(name)
        # Picking another type ("SVG drawings (*.svg)") makes a bare name end in that type.
        dialog.filterSelected.connect(lambda chosen: _follow_filter(dialog, chosen))
    files: list[str] = []
    dialog.fileSelected.connect(files.append)
    if not await answer(dialog) or not files:
        return None
    return Path(files[-1])


def _follow_filter(dialog: QFileDialog, chosen: str) -> None:
    import re

    match = re.search(r"\*\.(\w+)", chosen)
    if match:
        dialog.setDefaultSuffix(match.group(1))
