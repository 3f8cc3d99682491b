"""The national template's list (many projects, one row per indicator) as a
grid layout; the reading is shared with the form in :mod:`audit.readers.national`."""

from audit.readers.national import read_list as read
from audit.readers.national import recognise_list as recognise

__all__ = ["read", "recognise"]
