"""``upright status [--json]``, ``upright break now``, ``upright snooze|pause MINUTES``.

They talk to the running Upright over its single-instance socket, so a
panel (waybar, polybar) or a script shows and drives the same tray the
person sees. Bad MINUTES are refused before anything is sent. Exit status:
0 done (``said`` is printed), 1 no Upright running, 2 bad input, 3 nothing
to do (``upright snooze`` with no reminder showing: nothing changed or was
recorded, and the reason is printed on standard error).
"""

from __future__ import annotations

import json
import sys

from desktop.cli.main import EXIT_BAD_INPUT, EXIT_OK
from desktop.core.control import Control, ControlOutcome, ControlRequest, parse_minutes

EXIT_NOT_RUNNING = 1
EXIT_NOTHING_TO_DO = 3
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
    if reply.get("outcome") == ControlOutcome.NOTHING_TO_DO:
        print(f"upright {args.command}: {reply['said']}", file=sys.stderr)
        return EXIT_NOTHING_TO_DO
    if getattr(args, "json", False):
        print(json.dumps(reply))
    else:
        print(reply["text"] if request.control is Control.STATUS else reply["said"])
    return EXIT_OK
