"""``inspect report rectification|acceptance|reminders``: the ledger, the acceptance report,
the reminders to responsible units.

Wiring only: options → the view (:mod:`qingyang_inspect.views.ledger`,
:mod:`qingyang_inspect.views.acceptance`, :mod:`qingyang_inspect.views.reminders`) →
:func:`~qingyang_inspect.render.render`.
Only typer at module level: the store, xlsxwriter and rich are imported by the
commands that use them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from qingyang_inspect.cli.common import console, echo, handle_errors, state
from qingyang_inspect.cli.options import format_option, option
from qingyang_inspect.cli.storeopts import reading_as_of, warn_changes
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    import datetime as dt

    from qingyang_inspect.views.base import Document
    from qingyang_inspect.views.progress import Progress
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


class LevelChoice(StrEnum):
    """Site levels an acceptance report can be limited to."""

    city = "city"
    district = "district"
    other = "other"


class PaperChoice(StrEnum):
    """Paper a printable ledger is laid out for (landscape)."""

    a4 = "a4"
    a3 = "a3"


class StatusChoice(StrEnum):
    """Work statuses a ledger can be limited to."""

    open = "open"
    rectified = "rectified"
    closed = "closed"


def register(app: typer.Typer) -> None:
    """Add the ``report`` command group to ``app``."""
    app.add_typer(report_app, name="report")


AsOfOption = Annotated[str | None, option("--as-of", key="report.opt.as_of")]
OutputOption = Annotated[Path | None, option("--output", "-o", key="report.opt.output")]
ForceOption = Annotated[bool, typer.Option("--force", help=t("report.opt.force"))]


@report_app.command("rectification", help=t("report.rectification.help"))
@handle_errors
def rectification_command(
    ctx: typer.Context,
    unit: Annotated[list[str] | None, option("--unit", key="report.opt.unit")] = None,
    street: Annotated[list[str] | None, option("--street", key="report.opt.street")] = None,
    round_name: Annotated[str | None, option("--round", key="report.opt.round_all")] = None,
    status: Annotated[
        list[StatusChoice] | None, option("--status", key="report.opt.status")
    ] = None,
    as_of: AsOfOption = None,
    output: OutputOption = None,
    output_format: Annotated[LedgerFormat, format_option("report.opt.format")] = LedgerFormat.xlsx,
    force: ForceOption = False,
    max_photos: Annotated[
        int, typer.Option("--max-photos", min=0, help=t("report.opt.photos"))
    ] = 2000,
    paper: Annotated[
        PaperChoice, typer.Option("--paper", help=t("report.opt.paper"))
    ] = PaperChoice.a4,
    photos_dir: Annotated[Path | None, option("--photos-dir", key="report.opt.photos_dir")] = None,
) -> None:
    """Write the rectification ledger (整改台账)."""
    from qingyang_inspect.findings.model import STATUSES
    from qingyang_inspect.findings.pins import RoundCatalogs
    from qingyang_inspect.store import Store
    from qingyang_inspect.views.ledger import LedgerFilter, build_ledger, ledger_document

    workspace, catalog, day, until = reading_as_of(ctx, as_of)
    if photos_dir is not None:
        _photos_folder(photos_dir, output_format.value)
    flt = LedgerFilter(
        round_name=round_name,
        units=frozenset(unit or ()),
        streets=frozenset(street or ()),
        statuses=frozenset(s for s in STATUSES if s in {c.value for c in status or ()}),
    )
    with Store.open_for_reading(workspace, as_of=until) as store:
        store.fetch_evidence()  # a server store's photos, for the ledger's photo column
        catalogs = RoundCatalogs(store, catalog)
        if round_name is not None:
            # A round's ledger is made from what the round pinned, as its forms are.
            pinned = catalogs.pinned(store.round(round_name).name)
            warn_changes(store.round(round_name), pinned)
            catalog = pinned.catalog
        ledger = build_ledger(
            catalog,
            store.iter_findings,
            district=workspace.district,
            as_of=day,
            flt=flt,
            catalog_for=catalogs,
        )
        _render(
            ledger_document(ledger),
            output_format.value,
            output,
            force,
            evidence=workspace.evidence,
            max_photos=max_photos,
            day=day,
            paper=paper.value,
            photos_dir=photos_dir,
        )


@report_app.command("acceptance", help=t("report.acceptance.help"))
@handle_errors
def acceptance_command(
    ctx: typer.Context,
    round_name: Annotated[str, typer.Option("--round", help=t("report.opt.round"))],
    site: Annotated[list[str] | None, option("--site", key="report.opt.site")] = None,
    all_sites: Annotated[bool, typer.Option("--all-sites", help=t("report.opt.all_sites"))] = False,
    street: Annotated[list[str] | None, option("--street", key="report.opt.street")] = None,
    unit: Annotated[list[str] | None, option("--unit", key="report.opt.unit")] = None,
    level: Annotated[list[LevelChoice] | None, option("--level", key="report.opt.level")] = None,
    as_of: AsOfOption = None,
    output: OutputOption = None,
    output_format: Annotated[
        AcceptanceFormat, format_option("report.opt.format")
    ] = AcceptanceFormat.xlsx,
    force: ForceOption = False,
) -> None:
    """Write the acceptance report (验收报告)."""
    from qingyang_inspect.findings.pins import round_catalog
    from qingyang_inspect.store import Store
    from qingyang_inspect.views.acceptance import acceptance_document, build_acceptance

    workspace, catalog, day, until = reading_as_of(ctx, as_of)
    with Store.open_for_reading(workspace, as_of=until) as store:
        round_ = store.round(round_name)
        pinned = round_catalog(store, round_, catalog)
        warn_changes(round_, pinned)
        report = build_acceptance(
            pinned.catalog,
            store.iter_findings,
            round_,
            district=workspace.district,
            as_of=day,
            site_ids=site or (),
            all_sites=all_sites,
            streets=street or (),
            units=unit or (),
            levels=[v.value for v in level or ()],
        )
        _render(
            acceptance_document(report, show_sites=bool(site)),
            output_format.value,
            output,
            force,
            day=day,
            total=len(report.site_ids),
        )


class RemindersFormat(StrEnum):
    """Output formats of the reminders (text: as it is, to paste; table: fitted to the terminal)."""

    text = "text"
    table = "table"
    csv = "csv"
    json = "json"


@report_app.command("reminders", help=t("reminders.help"))
@handle_errors
def reminders_command(
    ctx: typer.Context,
    as_of: AsOfOption = None,
    due_within: Annotated[int, option("--due-within", key="reminders.opt.due_within")] = 3,
    output: OutputOption = None,
    output_format: Annotated[
        RemindersFormat, format_option("report.opt.format")
    ] = RemindersFormat.text,
    force: ForceOption = False,
) -> None:
    """Write the reminders to responsible units (整改提醒)."""
    from qingyang_inspect.catalog.cache import source_files
    from qingyang_inspect.catalog.locate import site_location
    from qingyang_inspect.render import target_path
    from qingyang_inspect.store import Store
    from qingyang_inspect.views.reminders import (
        build_reminders,
        check_due_within,
        reminder_notes,
        reminders_document,
    )

    check_due_within(due_within)  # before the workspace is read
    workspace, catalog, day, until = reading_as_of(ctx, as_of)
    with Store.open_for_reading(workspace, as_of=until) as store:
        reminders = build_reminders(
            catalog,
            store.iter_findings,
            district=workspace.district,
            as_of=day,
            due_within=due_within,
        )
    document = reminders_document(reminders)
    target_path(document, output_format.value, output, force=force)  # refused before any note
    for note in reminder_notes(
        reminders,
        site_file=lambda site: site_location(
            source_files(workspace), site, shown=str(workspace.sites)
        ),
    ):
        echo(note, err=True)
    _render(document, output_format.value, output, force, day=day)


class ProgressFormat(StrEnum):
    """Output formats of the progress report."""

    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class ByChoice(StrEnum):
    """What the progress report groups by."""

    street = "street"
    unit = "unit"
    site_type = "site-type"
    site = "site"


class RankChoice(StrEnum):
    """What the bulletin ranks."""

    street = "street"
    unit = "unit"


SinceOption = Annotated[str | None, option("--since", key="report.opt.since")]
UntilOption = Annotated[str | None, option("--until", key="report.opt.until")]
RoundsOption = Annotated[list[str] | None, option("--round", key="report.opt.rounds")]


@report_app.command("progress", help=t("report.progress.help"))
@handle_errors
def progress_command(
    ctx: typer.Context,
    since: SinceOption = None,
    until: UntilOption = None,
    round_name: RoundsOption = None,
    by: Annotated[ByChoice, typer.Option("--by", help=t("report.opt.by"))] = ByChoice.street,
    output: OutputOption = None,
    output_format: Annotated[
        ProgressFormat, format_option("report.opt.format")
    ] = ProgressFormat.table,
    force: ForceOption = False,
) -> None:
    """Write the progress report (整改进度)."""
    from qingyang_inspect.views.progress import progress_document

    with _progress_of(ctx, since, until, round_name, by.value) as (progress, _workspace, day):
        _render(progress_document(progress), output_format.value, output, force, day=day)


@report_app.command("bulletin", help=t("report.bulletin.help"))
@handle_errors
def bulletin_command(
    ctx: typer.Context,
    since: Annotated[str, typer.Option("--since", help=t("report.opt.since"))],
    until: Annotated[str, typer.Option("--until", help=t("report.opt.until"))],
    round_name: RoundsOption = None,
    rank: Annotated[
        RankChoice, typer.Option("--rank", help=t("report.opt.rank_by"))
    ] = RankChoice.street,
    issue: Annotated[str | None, option("--issue", key="report.opt.issue")] = None,
    typical: Annotated[
        int, typer.Option("--typical", min=0, max=50, help=t("report.opt.typical"))
    ] = 6,
    output: Annotated[Path | None, option("--output", "-o", key="report.opt.output_docx")] = None,
    force: ForceOption = False,
) -> None:
    """Write the supervision bulletin (督查通报) as a Word document."""
    from qingyang_inspect.views.bulletin import bulletin_document

    with _progress_of(ctx, since, until, round_name, rank.value, typical=typical) as (
        progress,
        workspace,
        day,
    ):
        _render(
            bulletin_document(progress, issue=issue),
            "docx",
            output,
            force,
            day=day,
            evidence=workspace.evidence,
        )


@contextmanager
def _progress_of(
    ctx: typer.Context,
    since: str | None,
    until: str | None,
    rounds: list[str] | None,
    by: str,
    *,
    typical: int = 0,
) -> Iterator[tuple[Progress, Workspace, dt.date]]:
    """The progress of ``since``…``until``, the workspace and the as-of day, while the store
    is open (the document names sites as each round knows them); the range is checked before
    the store is opened."""
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.cli.storeopts import as_of_moment, parse_day
    from qingyang_inspect.findings.pins import RoundCatalogs
    from qingyang_inspect.store import Store
    from qingyang_inspect.views.progress import GROUP_BYS, build_progress, check_range

    first = parse_day(since, "--since")
    day, moment = as_of_moment(until, "--until")
    check_range(first, day)
    workspace = state(ctx).load_workspace()
    catalog = load_workspace_catalog(workspace)
    group_by = next(g for g in GROUP_BYS if g == by)
    with Store.open_for_reading(workspace, as_of=moment) as store:
        if typical:
            store.fetch_evidence()  # a server store's photos, for the typical problems
        yield (
            build_progress(
                catalog,
                store.iter_findings,
                store.rounds(),
                district=workspace.district,
                since=first,
                until=day,
                by=group_by,
                chosen=rounds or (),
                catalog_for=RoundCatalogs(store, catalog),
                typical=typical,
            ),
            workspace,
            day,
        )


# -- helpers -------------------------------------------------------------------------


def _render(
    document: Document,
    fmt: str,
    output: Path | None,
    force: bool,
    *,
    day: dt.date,
    evidence: Path | None = None,
    max_photos: int = 2000,
    total: int | None = None,
    paper: str = "a4",
    photos_dir: Path | None = None,
) -> None:
    """Render ``document``; a file written is announced on stderr."""
    from qingyang_inspect.render import RenderContext, medium, render, target_path

    target_path(document, fmt, output, force=force)  # refuse a bad target before any work
    with _progress(total if medium(fmt) != "terminal" else None) as progress:
        context = RenderContext(
            fmt=fmt,
            evidence=evidence,
            max_photos=max_photos,
            progress=progress,
            day=day,
            paper=paper,
            photos_dir=photos_dir,
        )
        done = render(document, fmt, output=output, force=force, context=context)
    for note in done.notes:
        echo(note, err=True)
    if done.path is not None:
        echo(t("report.written", path=done.path), err=True)


def _photos_folder(folder: Path, fmt: str) -> None:
    """Check (and make) the folder ``--photos-dir`` names, before any work."""
    from qingyang_inspect.errors import ReportError

    if fmt != "xlsx":
        raise ReportError(t("report.photos_dir_xlsx"), hint=t("report.photos_dir_xlsx_hint"))
    if folder.exists() and not folder.is_dir():
        raise ReportError(t("report.photos_dir_file", path=folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from qingyang_inspect.files import os_reason

        raise ReportError(t("report.write_failed", path=folder, reason=os_reason(exc))) from None


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
