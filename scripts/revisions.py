"""Another revision of this repository, checked out beside it for a script
that compares the code here with it (``compare_parse.py``,
``count_instructions.py``)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def checked_out(revision: str, scratch: Path) -> Iterator[Path]:
    """``revision`` checked out in a detached git worktree under ``scratch``,
    removed again when the block ends."""
    tree = scratch / "other"
    add = ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), revision]
    subprocess.run(add, check=True)
    try:
        yield tree
    finally:
        remove = ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)]
        subprocess.run(remove, check=False)
