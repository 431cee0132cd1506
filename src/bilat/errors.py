"""Errors that carry their message where they are raised (#2)."""


class BilatError(Exception):
    """Base class: a problem bilat can explain in one line."""


class BadInput(BilatError):
    """An input that cannot be read as a document: the message says why, the caller names the file."""


class SchemaError(BilatError):
    """A database file that is not a bilat database, or from a newer bilat."""


class StoreError(BilatError):
    """The database file cannot be read or written (locked, damaged, out of space): the message says which."""
