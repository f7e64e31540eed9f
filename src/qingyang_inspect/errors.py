"""The one exception family of the tool.

Every error a user can cause is an :class:`InspectError`: it carries a message
already rendered in the user's language and an optional hint saying how to fix
it. The CLI catches exactly this family, prints ``错误: …`` / ``error: …`` and
exits with :attr:`InspectError.exit_code`; anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations


class InspectError(Exception):
    """A user or environment error the tool can explain; exits with code 2."""

    exit_code: int = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class CatalogError(InspectError):
    """Standards or sites could not be read at all (missing path, no YAML files)."""


class WorkspaceError(InspectError):
    """No workspace, a bad workspace config, or a store that cannot be opened."""


class StoreError(InspectError):
    """The store refused an operation (read-only, newer schema, locked too long)."""


class RecordError(InspectError):
    """A finding or lifecycle step was refused because its input is wrong."""


class ReportError(InspectError):
    """A report could not be produced or written."""
