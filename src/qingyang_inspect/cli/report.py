"""``inspect report rectification|acceptance``: the ledger and the acceptance report.

Only typer at module level: the store, openpyxl and rich are imported by the
commands that use them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from qingyang_inspect.cli.common import console, handle_errors, state
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    import datetime as dt

    from qingyang_inspect.catalog.catalog import Catalog
    from qingyang_inspect.findings.model import Status
    from qingyang_inspect.workspace import Workspace

report_app = typer.Typer(help=t("report.help"), no_args_is_help=True)


class LedgerFormat(StrEnum):
    """Output formats of the ledger."""

    xlsx = "xlsx"
    table = "table"
    csv = "csv"
    json = "json"


class AcceptanceFormat(StrEnum):
    """Output formats of the acceptance report."""

    xlsx = "xlsx"
    table = "table"
    json = "json"


class StatusChoice(StrEnum):
    """Work statuses a ledger can be limited to."""

    open = "open"
    rectified = "rectified"
    closed = "closed"


def register(app: typer.Typer) -> None:
    """Add the ``report`` command group to ``app``."""
    app.add_typer(report_app, name="report")


def _opt(*names: str, help_key: str) -> Any:
    return typer.Option(*names, help=t(help_key), show_default=False)


AsOfOption = Annotated[str | None, _opt("--as-of", help_key="report.opt.as_of")]
OutputOption = Annotated[Path | None, _opt("--output", "-o", help_key="report.opt.output")]
ForceOption = Annotated[bool, typer.Option("--force", help=t("report.opt.force"))]


@report_app.command("rectification", help=t("report.rectification.help"))
@handle_errors
def rectification_command(
    ctx: typer.Context,
    unit: Annotated[list[str] | None, _opt("--unit", help_key="report.opt.unit")] = None,
    street: Annotated[list[str] | None, _opt("--street", help_key="report.opt.street")] = None,
    round_name: Annotated[str | None, _opt("--round", help_key="report.opt.round_all")] = None,
    status: Annotated[
        list[StatusChoice] | None, _opt("--status", help_key="report.opt.status")
    ] = None,
    as_of: AsOfOption = None,
    output: OutputOption = None,
    output_format: Annotated[
        LedgerFormat, typer.Option("--format", "-f", help=t("report.opt.format"))
    ] = LedgerFormat.xlsx,
    force: ForceOption = False,
    max_photos: Annotated[
        int, typer.Option("--max-photos", min=0, help=t("report.opt.photos"))
    ] = 2000,
) -> None:
    """Write the rectification ledger (整改台账)."""
    from qingyang_inspect.reports.rectification import LedgerFilter, build_ledger
    from qingyang_inspect.store import Store

    workspace, catalog, day = _setup(ctx, as_of)
    flt = LedgerFilter(
        round_name=round_name,
        units=frozenset(unit or ()),
        streets=frozenset(street or ()),
        statuses=frozenset(_status(s.value) for s in status or ()),
    )
    target = _target(output, output_format.value, "ledger", round_name, day, force)
    with Store.open(workspace, readonly=True) as store:
        if round_name is not None:
            store.round(round_name)
        ledger = build_ledger(
            catalog, store.iter_findings, district=workspace.district, as_of=day, flt=flt
        )
        if output_format is LedgerFormat.table:
            from qingyang_inspect.reports.terminal import ledger_table

            console().print(ledger_table(ledger.rows(), as_of=day.isoformat()))
            return
        with _progress(None) as progress:
            if output_format is LedgerFormat.xlsx:
                from qingyang_inspect.reports.xlsx import write_ledger

                assert target is not None
                _write_file(
                    target,
                    force,
                    lambda path: write_ledger(
                        ledger,
                        path,
                        evidence=workspace.evidence,
                        max_photos=max_photos,
                        progress=progress,
                    ),
                )
                return
            from qingyang_inspect.reports.text import write_ledger_csv, write_ledger_json

            writer = write_ledger_csv if output_format is LedgerFormat.csv else write_ledger_json
            _write_text(target, force, lambda out: writer(ledger, out, progress=progress))


@report_app.command("acceptance", help=t("report.acceptance.help"))
@handle_errors
def acceptance_command(
    ctx: typer.Context,
    round_name: Annotated[str, typer.Option("--round", help=t("report.opt.round"))],
    site: Annotated[list[str] | None, _opt("--site", help_key="report.opt.site")] = None,
    as_of: AsOfOption = None,
    output: OutputOption = None,
    output_format: Annotated[
        AcceptanceFormat, typer.Option("--format", "-f", help=t("report.opt.format"))
    ] = AcceptanceFormat.xlsx,
    force: ForceOption = False,
) -> None:
    """Write the acceptance report (验收报告)."""
    from qingyang_inspect.reports.acceptance import build_acceptance
    from qingyang_inspect.store import Store

    workspace, catalog, day = _setup(ctx, as_of)
    target = _target(output, output_format.value, "acceptance", round_name, day, force)
    with Store.open(workspace, readonly=True) as store:
        round_ = store.round(round_name)
        current = (catalog.standard.id, catalog.standard.version)
        if (round_.standard_id, round_.standard_version) != current:
            typer.echo(
                t(
                    "report.standard_changed",
                    round=round_.name,
                    pinned=f"{round_.standard_id} {round_.standard_version}",
                    current=" ".join(current),
                ),
                err=True,
            )
        report = build_acceptance(
            catalog,
            store.iter_findings,
            round_,
            district=workspace.district,
            as_of=day,
            site_ids=site or (),
        )
        if output_format is AcceptanceFormat.table:
            from qingyang_inspect.reports.acceptance import SummaryBuilder
            from qingyang_inspect.reports.terminal import site_table, summary_table

            builder = SummaryBuilder(catalog)
            out = console()
            for sheet in report.sheets():
                builder.add(sheet)
                if site:
                    out.print(site_table(sheet))
                    out.print()
            out.print(summary_table(builder.build(), round_name=round_.name, as_of=day.isoformat()))
            return
        with _progress(len(report.site_ids)) as progress:
            if output_format is AcceptanceFormat.xlsx:
                from qingyang_inspect.reports.xlsx import write_acceptance

                assert target is not None
                _write_file(
                    target, force, lambda path: write_acceptance(report, path, progress=progress)
                )
                return
            from qingyang_inspect.reports.text import write_acceptance_json

            _write_text(
                target, force, lambda out: write_acceptance_json(report, out, progress=progress)
            )


# -- helpers -------------------------------------------------------------------------


def _status(value: str) -> Status:
    from qingyang_inspect.findings.model import STATUSES

    return next(s for s in STATUSES if s == value)


def _setup(ctx: typer.Context, as_of: str | None) -> tuple[Workspace, Catalog, dt.date]:
    import datetime as dt

    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.dates import parse_date

    workspace = state(ctx).load_workspace()
    # The one place the reports read the clock: everything below takes the date.
    day = parse_date(as_of, option="--as-of") if as_of else dt.date.today()
    return workspace, load_workspace_catalog(workspace), day


def _target(
    output: Path | None, fmt: str, kind: str, round_name: str | None, day: dt.date, force: bool
) -> Path | None:
    """The output file: ``-o``, else for xlsx a default name in the current folder.

    Checked before any work is done, so a refused overwrite costs nothing.
    """
    from qingyang_inspect.render.output import check_target, safe_filename

    if output is None and fmt != "xlsx":
        return None  # csv / json to stdout, table to the terminal
    if output is None:
        name = t(
            f"report.file_{kind}",
            round=safe_filename(round_name or t("report.all")),
            as_of=day.isoformat(),
        )
        output = Path.cwd() / name
    check_target(output, force=force)
    return output


def _write_file(target: Path, force: bool, write: Callable[[Path], object]) -> None:
    from qingyang_inspect.render.output import atomic_path

    with atomic_path(target, force=force) as tmp:
        write(tmp)
    typer.echo(t("report.written", path=target), err=True)


def _write_text(target: Path | None, force: bool, write: Callable[[TextIO], object]) -> None:
    import io

    from qingyang_inspect.render.output import atomic_path

    if target is None:
        stdout: TextIO = sys.stdout
        buffer = getattr(stdout, "buffer", None)
        if buffer is None:  # pragma: no cover - stdout without bytes
            write(stdout)
            return
        stdout.flush()
        text = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
        try:
            write(text)
            text.flush()
        finally:
            text.detach()
        return
    with atomic_path(target, force=force) as tmp:
        with tmp.open("w", encoding="utf-8", newline="") as out:
            write(out)
    typer.echo(t("report.written", path=target), err=True)


@contextmanager
def _progress(total: int | None) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr, shown only on a terminal and after half a second."""
    if not sys.stderr.isatty():
        yield None
        return
    import time

    from rich.progress import Progress

    started = time.monotonic()
    bar: list[Any] = []  # [Progress, task id] once shown
    done = [0]

    def advance(n: int) -> None:
        done[0] += n
        if not bar and time.monotonic() - started > 0.5:
            progress = Progress(console=console(stderr=True), transient=True)
            progress.start()
            bar.extend([progress, progress.add_task(t("report.progress"), total=total)])
        if bar:
            bar[0].update(bar[1], completed=done[0])

    try:
        yield advance
    finally:
        if bar:
            bar[0].stop()
