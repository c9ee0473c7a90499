"""Errors of the note store; ``str(err)`` is the one line shown to the user."""


class StoreError(Exception):
    """The store cannot be used: damaged, newer schema, locked, or a write failed."""
