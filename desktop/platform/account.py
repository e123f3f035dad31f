"""Who is logged in, as a report would name them.

A report for a physiotherapist should carry the person's name, not a login
such as "root". The account's full name (the GECOS field's first comma
part, as ``finger`` and desktop greeters show it) is the best guess the
system has; the login name is the last resort.
"""

from __future__ import annotations

import os


def account_person_name() -> str:
    """The account's full name, else its login name."""
    try:
        import pwd

        full = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
    except (ImportError, KeyError):  # Windows, or an account the system does not list
        full = ""
    if full:
        return full
    import getpass  # only here: it brings termios, which the first paint does not need

    return getpass.getuser()
