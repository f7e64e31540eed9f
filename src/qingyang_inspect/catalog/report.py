"""The validation report: every problem of every file, with where it is."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, computed_field

Severity = Literal["error", "warning"]


class Issue(BaseModel):
    """One problem, located as ``file:line:column`` and by its path in the document."""

    model_config = ConfigDict(frozen=True)

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


class ValidationReport(BaseModel):
    """What ``inspect validate`` found: the files read and all issues, sorted by place."""

    files: list[str]
    issues: list[Issue]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def errors(self) -> int:
        """Number of error-level issues."""
        return sum(issue.severity == "error" for issue in self.issues)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def warnings(self) -> int:
        """Number of warning-level issues."""
        return sum(issue.severity == "warning" for issue in self.issues)

    def ok(self, *, strict: bool = False) -> bool:
        """No errors (and, when ``strict``, no warnings)."""
        return self.errors == 0 and (not strict or self.warnings == 0)
