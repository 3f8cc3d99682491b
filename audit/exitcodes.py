"""The process's exit statuses, and its one-line error messages.

Every command returns one of these: ``0`` when nothing reached the
threshold, ``1`` when findings did, ``2`` when the run itself failed (a file
or an option the tool cannot use), each failure said in one line on stderr.
"""

from __future__ import annotations

import sys

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 141
"""A reader of the output that went away (``| head``): 128 + SIGPIPE, the
status a shell gives a command killed by the signal."""


DEBUG_ENV = "INDICATOR_AUDIT_DEBUG"
"""Set (to anything but 0 or empty) to see the traceback of an internal error."""


class InternalError(Exception):
    """A bug in the tool (not in its input): the command line reports it as
    such, with a request to report it, and exits 2. ``plugin``: the module
    of a rule loaded through ``plugins:`` that failed, whose authors (not
    this tool's) the report is for."""

    def __init__(self, message: str, plugin: str | None = None) -> None:
        super().__init__(message)
        self.plugin = plugin

    def lines(self) -> tuple[str, str]:
        """What the command line says of it: what failed, then whose bug it
        is and how to report it."""
        whose = "indicator-audit" if self.plugin is None else f"the plugin {self.plugin}"
        return (
            f"internal error: {self}",
            f"this is a bug in {whose}, not in your input: please report it to its authors "
            f"with the command and the file that caused it ({DEBUG_ENV}=1 shows the traceback)",
        )


def debugging() -> bool:
    """Whether the user asked to see tracebacks (:data:`DEBUG_ENV`)."""
    import os

    return os.environ.get(DEBUG_ENV, "0") not in ("", "0")


def error(message: str) -> None:
    """One clear line on stderr."""
    print(f"indicator-audit: {message}", file=sys.stderr)
