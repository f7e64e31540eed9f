"""``inspect validate``: every problem of every file, with where it is.

One document for every format: the ``text`` and ``github`` renderers write one
line per issue (``file:line:col: path: message`` or a workflow command), JSON
is the library's own :class:`~qingyang_inspect.catalog.report.ValidationReport`
(``to_json``), so a script reads exactly what the loader found. The
summary lines are status texts: a terminal shows them on stderr.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from qingyang_inspect.i18n import t
from qingyang_inspect.views.base import Column, Document, Fields, Section, Table, Text

if TYPE_CHECKING:
    from qingyang_inspect.catalog.loader import LoadResult
    from qingyang_inspect.catalog.report import Issue

SEVERITY_KEYS = {"error": "label.error", "warning": "validate.warning_tag"}


def issue_columns() -> tuple[Column, ...]:
    """The columns of the issues table (the line renderers look them up by key)."""
    return (
        Column("location", t("validate.col.location"), "id"),
        Column("file", t("validate.col.file"), "id", priority=None),
        Column("line", t("validate.col.line"), "int", priority=None),
        Column("column", t("validate.col.column"), "int", priority=None),
        Column("path", t("validate.col.path"), "id", priority=1),
        Column("severity", t("validate.col.severity"), "status", priority=2),
        Column("severity_code", t("validate.col.severity"), "status", priority=None),
        Column("code", t("validate.col.code"), "id", priority=None),
        Column("message", t("validate.col.message")),
    )


def issue_cells(issue: Issue) -> tuple[object, ...]:
    """The cells of ``issue`` in :func:`issue_columns` order."""
    return (
        issue.location(),
        issue.file,
        issue.line,
        issue.column,
        issue.path,
        t(SEVERITY_KEYS[issue.severity]),
        issue.severity,
        issue.code,
        issue.message,
    )


def validation_report(result: LoadResult) -> Document:
    """The report of one ``inspect validate`` run (JSON: the report's ``to_json``)."""
    report = result.report

    def sections() -> Iterator[Section]:
        yield Fields(key="report", title=None, fields=(), extra=report.to_json())
        yield Table(
            key="issues",
            title="",
            columns=issue_columns(),
            source=lambda: report.issues,
            cells=issue_cells,
        )
        if report.errors == 0 and result.catalog is not None:
            ok = t(
                "validate.ok",
                files=len(report.files),
                items=len(result.catalog.items),
                sites=len(result.catalog.sites),
            )
            yield Text(key=None, text=ok, status=True)
        if report.issues:
            summary = t(
                "validate.summary",
                errors=report.errors,
                warnings=report.warnings,
                files=len(report.files),
            )
            yield Text(key=None, text=summary, status=True)

    return Document(key="validate", title="", sections=sections, json_shape="record")
