"""The one exception family of the tool.

Every error a user can cause is an :class:`InspectError`: it carries a message
already rendered in the user's language and an optional hint saying how to fix
it. The CLI catches exactly this family, prints ``错误: …`` / ``error: …`` and
exits with :attr:`InspectError.exit_code`; anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


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


class HolidayProblem(NamedTuple):
    """One bad entry of the holiday file: where (1-based), its path in the file, what."""

    line: int
    column: int
    path: str
    message: str


class CalendarError(InspectError):
    """The workspace's holiday file cannot be read or has bad entries (all in ``problems``)."""

    def __init__(
        self, message: str, hint: str | None = None, problems: Iterable[HolidayProblem] = ()
    ) -> None:
        super().__init__(message, hint)
        self.problems = tuple(problems)


def suggestion(name: str, candidates: Iterable[str], *, cutoff: float = 0.5) -> str:
    """``；是否是 'X'？`` for the closest of ``candidates`` (same letters in another case first).

    Every "unknown …" message appends this, so a typo is answered with the fix.
    """
    import difflib

    from qingyang_inspect.i18n import t

    pool = list(dict.fromkeys(candidates))
    by_upper = {c.upper(): c for c in pool}
    if name.upper() in by_upper and by_upper[name.upper()] != name:
        return t("check.suggest", candidate=by_upper[name.upper()])
    close = difflib.get_close_matches(name, pool, n=3, cutoff=cutoff)
    return t("check.suggest", candidate="', '".join(close)) if close else ""
