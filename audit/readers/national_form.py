"""The national template's form (one project per form) as a grid layout;
the reading is shared with the list in :mod:`audit.readers.national`."""

from audit.readers.national import read_form as read
from audit.readers.national import recognise_form as recognise

__all__ = ["read", "recognise"]
