"""Entry point of the ``upright`` console script and ``python -m desktop``."""

from __future__ import annotations

import argparse
import os
import sys

from desktop import __version__

EXIT_OK = 0
EXIT_BAD_INPUT = 2  # bad arguments, files or data folder: the message says which
PERIODS = ("4w", "3m", "12m", "all")  # HistoryRange's values: the history's and the report's


def _folder(value: str) -> str:
    """A --data-dir value: an empty one is refused, not read as "the default folder"."""
    if not value.strip():
        raise argparse.ArgumentTypeError("it is empty; give the folder that holds (or will hold) the history")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="upright",
        description="Back-care routines, sit-break reminders and history. "
        "Without a command, opens the main window.",
    )
    parser.add_argument("--version", action="version", version=f"Upright {__version__}")
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="say more on the terminal (-vv: everything); the log file is in the per-user state folder",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=_folder,
        help="folder for the history database (default: the per-user data folder; "
        "the UPRIGHT_DATA_DIR environment variable also sets it)",
    )
    parser.add_argument(
        "--tray",
        action="store_true",
        help="start in the system tray only, counting sitting time and offering breaks",
    )
    parser.add_argument(
        "--exit-after-paint",
        action="store_true",
        help="open the main window, print how long its first paint took, then quit "
        "(for smoke tests and start-up benchmarks)",
    )
    # Every command also takes --data-dir after its name (``upright run ROUTINE --data-dir DIR``);
    # SUPPRESS leaves the value given before the command alone when it is not repeated after it.
    data_dir = argparse.ArgumentParser(add_help=False)
    data_dir.add_argument(
        "--data-dir",
        metavar="DIR",
        type=_folder,
        default=argparse.SUPPRESS,
        help="as before the command: the history's folder",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    catalog = commands.add_parser("catalog", parents=[data_dir], help="list the exercises and routines")
    catalog.add_argument("--json", action="store_true", help="print the catalog as JSON")
    history = commands.add_parser("history", parents=[data_dir], help="list recorded sessions and breaks")
    history.add_argument(
        "--json", action="store_true", help="print the history as JSON (everything, unless --period is given)"
    )
    history.add_argument(
        "--period",
        choices=PERIODS,
        default=None,
        help="4w, 3m or 12m: the last 4 weeks, 3 months or 12 months; all: everything "
        "(default: 4w for the table, all for --json)",
    )
    export = commands.add_parser("export", parents=[data_dir], help="write the history to files")
    export.add_argument(
        "--csv",
        required=True,
        metavar="DIR",
        help="write sessions.csv, sets.csv and breaks.csv into DIR (created if needed)",
    )
    report = commands.add_parser(
        "report", parents=[data_dir], help="write a PDF report of the history for a physiotherapist"
    )
    report.add_argument(
        "file", metavar="FILE", nargs="?", help="where to write it (default: upright-YYYY-MM-DD.pdf here)"
    )
    report.add_argument(
        "--name",
        metavar="NAME",
        help="the person's name to print on it (default: the name set in Preferences, "
        "else the account's full name)",
    )
    report.add_argument(
        "--period",
        choices=PERIODS,  # HistoryRange's values, written out: the entry point imports no model
        default="12m",
        help="4w, 3m or 12m: the last 4 weeks, 3 months or 12 months; all: everything (default: 12m)",
    )
    session = commands.add_parser(
        "run", parents=[data_dir], help="open the session view for a routine straight away"
    )
    session.add_argument(
        "routine",
        metavar="ROUTINE",
        help="a routine's id or name (see `upright routines`; any case, a unique part is enough) "
        "or a routine file",
    )
    session.add_argument(
        "--speed",
        type=float,
        default=1.0,
        metavar="X",
        help="run the session X times faster, to preview a routine (0.1 to 1000)",
    )
    session.add_argument(
        "--auto", action="store_true", help="answer every prompt with its default and quit at the end"
    )
    routines = commands.add_parser(
        "routines", parents=[data_dir], help="list every routine: the shipped ones and yours"
    )
    routines.add_argument("--json", action="store_true", help="print the routines as JSON")
    routine_commands = routines.add_subparsers(dest="routines_command", metavar="COMMAND")
    removing = routine_commands.add_parser(
        "delete", parents=[data_dir], help="remove one of your routines (shipped templates stay)"
    )
    removing.add_argument("id", metavar="ID", help="the routine's id (see `upright routines`)")
    importing = commands.add_parser(
        "import", parents=[data_dir], help="add a routine from a file (JSON or TOML)"
    )
    importing.add_argument("file", metavar="FILE", help="an Upright routine file")
    exporting = commands.add_parser(
        "export-routine", parents=[data_dir], help="write a routine to a JSON or TOML file"
    )
    exporting.add_argument("id", metavar="ID", help="the routine's id (see `upright routines`)")
    exporting.add_argument("file", metavar="FILE", help="where to write it (.json or .toml)")
    breaks = commands.add_parser("breaks", parents=[data_dir], help="try the sit-break reminder rules")
    break_commands = breaks.add_subparsers(dest="breaks_command", metavar="COMMAND", required=True)
    simulate = break_commands.add_parser(
        "simulate",
        parents=[data_dir],
        help="replay an idle/event trace (JSON Lines) and print each reminder decision as JSON",
    )
    simulate.add_argument(
        "trace", metavar="TRACE", help="a .jsonl file: one {mono, wall, idle_s | event} a line"
    )
    simulate.add_argument(
        "--settings", metavar="FILE", help="a JSON file with break settings to use instead of the defaults"
    )
    status = commands.add_parser(
        "status", parents=[data_dir], help="what the running Upright's break reminder is doing"
    )
    status.add_argument("--json", action="store_true", help="print it as JSON (for panels and scripts)")
    take = commands.add_parser("break", parents=[data_dir], help="start a desk break in the running Upright")
    take.add_argument("when", choices=["now"], help="now")
    for name, what, after in (
        (
            "snooze",
            "snooze the running Upright's reminder",
            "It says until about when. With no reminder showing there is nothing to snooze: "
            "it says so, changes and records nothing, and exits 3.",
        ),
        ("pause", "pause reminders", "It says until when, in local time."),
    ):
        control = commands.add_parser(
            name,
            parents=[data_dir],
            help=f"{what} for MINUTES",
            description=f"{what[0].upper()}{what[1:]} for MINUTES. {after}",
        )
        control.add_argument("minutes", metavar="MINUTES", help="a whole number of minutes, 1 to 1440")
    # No help text: the tray's own child process (desktop/storage/store_call.py), not for people.
    commands.add_parser("store-call")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; its output cannot fail on the locale, and a closed pipe ends it quietly."""
    from desktop.app.display import NoDisplay
    from desktop.cli.output import EXIT_PIPE_CLOSED, prepare_streams

    prepare_streams()
    try:
        code = _dispatch(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        return _quiet_after_closed_pipe(EXIT_PIPE_CLOSED)
    except NoDisplay as exc:
        print(exc, file=sys.stderr)  # one line, already saying it is Upright's
        return EXIT_BAD_INPUT
    return code


def _quiet_after_closed_pipe(code: int) -> int:
    """The reader went away (``| head``): say nothing more, and let nothing flush into the pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is not a file descriptor (a test's capture): nothing will be flushed to a pipe
    return code


def _dispatch(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    from desktop.log_setup import configure

    configure(args.verbose)
    if args.command == "catalog":
        from desktop.cli.catalog_cmd import run
    elif args.command == "history":
        from desktop.cli.history_cmd import run
    elif args.command == "export":
        from desktop.cli.export_cmd import run
    elif args.command == "report":
        from desktop.cli.report_cmd import run
    elif args.command in ("routines", "import", "export-routine"):
        from desktop.cli.routines_cmd import run
    elif args.command == "breaks":
        from desktop.cli.breaks_cmd import run
    elif args.command in ("status", "break", "snooze", "pause"):
        from desktop.cli.control_cmd import run
    elif args.command == "store-call":
        from desktop.storage.store_call import run
    elif args.command == "run":
        from desktop.app.run_command import run
    else:
        from desktop.app.gui import run
    return run(args)
