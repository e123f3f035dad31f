"""``upright status [--json]``, ``upright break now``, ``upright snooze|pause MINUTES``.

They talk to the running Upright over its single-instance socket, so a
panel (waybar, polybar) or a script shows and drives the same tray the
person sees. Bad MINUTES are refused before anything is sent.
"""

from __future__ import annotations

import json
import sys

from desktop.cli.main import EXIT_BAD_INPUT, EXIT_OK
from desktop.core.control import Control, ControlRequest, parse_minutes

EXIT_NOT_RUNNING = 1
NOT_RUNNING = "upright: Upright is not running, so there is nothing to ask (start it with `upright --tray`)"


def request_from(args) -> ControlRequest:
    control = Control(args.command)
    if control in (Control.SNOOZE, Control.PAUSE):
        return ControlRequest(control, parse_minutes(args.minutes))
    return ControlRequest(control)


def run(args) -> int:
    try:
        request = request_from(args)
    except ValueError as exc:
        print(f"upright {args.command}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    from desktop.app.single_instance import InstanceProblem, send_control
    from desktop.storage.location import resolve_data_dir

    try:
        reply = send_control(request, resolve_data_dir(args.data_dir))
    except InstanceProblem as exc:
        print(f"upright {args.command}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if reply is None:
        print(NOT_RUNNING, file=sys.stderr)
        return EXIT_NOT_RUNNING
    if "error" in reply:
        print(f"upright {args.command}: {reply['error']}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if getattr(args, "json", False):
        print(json.dumps(reply))
    else:
        print(reply["text"])
    return EXIT_OK
