"""The validation report: every problem of every file, with where it is.

Plain dataclasses: ``inspect validate`` validates the files through
pydantic-core alone (:mod:`qingyang_inspect.catalog.validation`), so the
report does not import pydantic's model machinery for two records.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, kw_only=True)
class Issue:
    """One problem, located as ``file:line:column`` and by its path in the document."""

    file: str
    line: int | None = None
    column: int | None = None
    path: str = ""
    code: str
    severity: Severity = "error"
    message: str

    def location(self) -> str:
        """``file:line:col`` (or less, when the position is unknown)."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def to_json(self) -> dict[str, Any]:
        """The issue as JSON-ready data, fields in their order."""
        return asdict(self)


@dataclass
class ValidationReport:
    """What ``inspect validate`` found: the files read and all issues, sorted by place."""

    files: list[str]
    issues: list[Issue]

    @property
    def errors(self) -> int:
        """Number of error-level issues."""
        return sum(issue.severity == "error" for issue in self.issues)

    @property
    def warnings(self) -> int:
        """Number of warning-level issues."""
        return sum(issue.severity == "warning" for issue in self.issues)

    def ok(self, *, strict: bool = False) -> bool:
        """No errors (and, when ``strict``, no warnings)."""
        return self.errors == 0 and (not strict or self.warnings == 0)

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready data: ``files``, ``issues``, ``errors``, ``warnings``."""
        return {
            "files": list(self.files),
            "issues": [issue.to_json() for issue in self.issues],
            "errors": self.errors,
            "warnings": self.warnings,
        }
