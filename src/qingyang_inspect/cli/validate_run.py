"""``inspect validate``: check standards and sites, report every problem (no typer here).

The typer command (``cli/validate.py``) and the fast path (``cli/fast.py``)
both call :func:`validate_files`: CI runs ``inspect validate`` on every push
and people after every edit, and typer (with the pydantic it imports) is not
needed to parse its three parameters. Standard library only at module level.
"""

from __future__ import annotations

from pathlib import Path

from qingyang_inspect.cli.common import EXIT_PROBLEMS, State


def validate_files(
    state: State, *, paths: list[Path] | None, output_format: str, strict: bool
) -> None:
    """Validate ``paths`` (default: the workspace's standards and sites) and render the report.

    Ends with :data:`EXIT_PROBLEMS` when there are errors (or, when ``strict``, warnings).
    """
    from qingyang_inspect.catalog.loader import load_catalog
    from qingyang_inspect.render import render
    from qingyang_inspect.views.validation import validation_report

    if paths:
        result = load_catalog(paths)
    else:
        workspace = state.load_workspace()
        result = load_catalog([workspace.standards, workspace.sites])
        # (Present in any form: a FIFO or a broken link by that name is reported, not skipped.)
        if workspace.holidays is not None and (
            workspace.holidays.exists() or workspace.holidays.is_symlink()
        ):
            from qingyang_inspect.calendar_file import add_holiday_issues

            add_holiday_issues(result.report, workspace.holidays)
    render(validation_report(result), output_format)
    if not result.report.ok(strict=strict):
        raise SystemExit(EXIT_PROBLEMS)
