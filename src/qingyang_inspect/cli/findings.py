"""``inspect findings list|show|amend|void``: the findings, their history, corrections."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from qingyang_inspect.cli.common import TextJson, handle_errors, print_json, state
from qingyang_inspect.cli.storeopts import (
    TableJsonCsv,
    clock,
    id_argument,
    inspector,
    inspector_option,
    parse_day,
)
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    from qingyang_inspect.catalog.catalog import Catalog
    from qingyang_inspect.store.records import Event, Finding


def register(app: typer.Typer) -> None:
    """Add the ``findings`` command group to ``app``.

    Built here, not at import: help texts must be rendered after the language is chosen.
    """
    group = typer.Typer(help=t("findings.help"), no_args_is_help=True)
    group.command("list", help=t("findings.list_help"))(list_command)
    group.command("show", help=t("findings.show_help"))(show_command)
    group.command("amend", help=t("findings.amend_help"))(amend_command)
    group.command("void", help=t("findings.void_help"))(void_command)
    app.add_typer(group, name="findings")


def _text(option: str, help_key: str) -> Any:
    return typer.Option(option, help=t(help_key), show_default=False)


@handle_errors
def list_command(
    ctx: typer.Context,
    round_name: Annotated[str | None, _text("--round", "findings.opt_round")] = None,
    site: Annotated[str | None, _text("--site", "findings.opt_site")] = None,
    unit: Annotated[str | None, _text("--unit", "findings.opt_unit")] = None,
    street: Annotated[str | None, _text("--street", "findings.opt_street")] = None,
    item: Annotated[str | None, _text("--item", "findings.opt_item")] = None,
    status: Annotated[str | None, _text("--status", "findings.opt_status")] = None,
    result: Annotated[str | None, _text("--result", "findings.opt_result")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help=t("findings.opt_overdue"))] = False,
    as_of: Annotated[str | None, _text("--as-of", "findings.opt_as_of")] = None,
    voided: Annotated[bool, typer.Option("--voided", help=t("findings.opt_voided"))] = False,
    output_format: Annotated[
        TableJsonCsv, typer.Option("--format", "-f", help=t("findings.opt_format"))
    ] = TableJsonCsv.table,
) -> None:
    """List findings, filtered; table, JSON (every field) or CSV (UTF-8 with BOM)."""
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.store import Store
    from qingyang_inspect.store.queries import FindingFilter, finding_record, select_findings
    from qingyang_inspect.store.recording import check_result

    workspace = state(ctx).load_workspace()
    day = parse_day(as_of, "--as-of") or clock().date()
    query = FindingFilter(
        as_of=day,
        round_name=round_name,
        site_id=site,
        unit=unit,
        street=street,
        item_id=item,
        status=status,
        result=check_result(result) if result is not None else None,
        overdue=overdue,
        include_voided=voided,
    )
    catalog = load_workspace_catalog(workspace)
    with Store.open(workspace, readonly=True) as store:
        findings = select_findings(store, catalog, query)
        if output_format is TableJsonCsv.json:
            print_json([finding_record(f, catalog, day) for f in findings])
        elif output_format is TableJsonCsv.csv:
            _write_csv(finding_record(f, catalog, day) for f in findings)
        else:
            _print_table(list(findings), catalog, day)


def _write_csv(records: Any) -> None:
    import csv
    import sys

    from qingyang_inspect.store.queries import csv_header, csv_row

    out = sys.stdout
    # Excel opens UTF-8 CSV correctly only with the byte-order mark.
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        import io

        text = io.TextIOWrapper(buffer, encoding="utf-8-sig", newline="", write_through=True)
        try:
            writer = csv.writer(text)
            writer.writerow(csv_header())
            for record in records:
                writer.writerow(csv_row(record))
        finally:
            text.detach()
        return
    writer = csv.writer(out, lineterminator="\r\n")  # pragma: no cover - no byte stream
    out.write("\ufeff")
    writer.writerow(csv_header())
    for record in records:
        writer.writerow(csv_row(record))


def _print_table(findings: list[Finding], catalog: Catalog, as_of: Any) -> None:
    if not findings:
        typer.echo(t("findings.none"), err=True)
        return
    from rich.table import Table

    from qingyang_inspect.cli.common import console
    from qingyang_inspect.store.labels import finding_status_text, result_label

    table = Table(show_edge=False, header_style="bold")
    # The id is what people copy into rectify / recheck: never cut it.
    table.add_column(t("findings.col.id"), no_wrap=True, min_width=26)
    for key in ("site", "item_id", "result", "occurrences", "status", "due_date"):
        table.add_column(t(f"findings.col.{key}"), overflow="fold")
    for f in findings:
        site = catalog.sites.get(f.site_id)
        table.add_row(
            f.id,
            f"{f.site_id} {site.name}" if site else f.site_id,
            f.item_id,
            result_label(f.result),
            str(f.occurrences) if f.result == "fail" else "",
            finding_status_text(f, as_of) if f.result == "fail" or f.voided else "",
            f.due_date.isoformat() if f.due_date else "",
        )
    console().print(table)
    typer.echo(t("findings.count", count=len(findings)), err=True)


@handle_errors
def show_command(
    ctx: typer.Context,
    finding_id: Annotated[str, id_argument()],
    as_of: Annotated[str | None, _text("--as-of", "findings.opt_as_of")] = None,
    output_format: Annotated[
        TextJson, typer.Option("--format", "-f", help=t("opt.format"))
    ] = TextJson.table,
) -> None:
    """Show a finding (voided ones too) and its full history."""
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.store import Store
    from qingyang_inspect.store.queries import event_record, finding_record

    workspace = state(ctx).load_workspace()
    day = parse_day(as_of, "--as-of") or clock().date()
    catalog = load_workspace_catalog(workspace)
    with Store.open(workspace, readonly=True) as store:
        finding = store.finding(store.resolve_id(finding_id))
        events = store.events(finding.id)
    if output_format is TextJson.json:
        print_json(
            {
                "finding": finding_record(finding, catalog, day),
                "events": [event_record(e) for e in events],
            }
        )
        return
    _print_finding(finding, events, catalog, day)


def _print_finding(finding: Finding, events: list[Event], catalog: Catalog, as_of: Any) -> None:
    from rich.table import Table

    from qingyang_inspect.cli.common import console
    from qingyang_inspect.store.labels import (
        describe_event,
        event_kind_label,
        finding_status_text,
        result_label,
        show_time,
    )

    site = catalog.sites.get(finding.site_id)
    item = catalog.items.get(finding.item_id)
    rows: list[tuple[str, str]] = [
        ("id", finding.id),
        ("round_name", finding.round_name),
        ("site", f"{finding.site_id} {site.name}" if site else finding.site_id),
        ("responsible_unit", site.responsible_unit if site else ""),
        ("item_id", f"{finding.item_id} {item.requirement}" if item else finding.item_id),
        ("result", result_label(finding.result)),
    ]
    if finding.result == "fail":
        rows.append(("occurrences", str(finding.occurrences)))
    rows += [
        ("note", finding.note or ""),
        ("location", finding.location or ""),
        ("inspector", finding.inspector),
        ("found_at", show_time(finding.found_at)),
    ]
    if finding.result == "fail" or finding.voided:
        rows += [
            ("due_date", finding.due_date.isoformat() if finding.due_date else ""),
            ("status", finding_status_text(finding, as_of)),
        ]
    if finding.rectification_note:
        rows.append(("rectification_note", finding.rectification_note))
    if finding.closed_at:
        rows.append(("closed_at", show_time(finding.closed_at)))
    for photo in finding.photos:
        rows.append(
            (
                "photos",
                f"{t(f'finding.photo.{photo.stage}')}: {photo.original_name} ({photo.relpath})",
            )
        )
    out = console()
    facts = Table(show_header=False, show_edge=False, box=None)
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")
    for key, value in rows:
        facts.add_row(t(f"findings.col.{key}"), value)
    out.print(facts)
    history = Table(title=t("findings.history"), show_edge=False, header_style="bold")
    for key in ("seq", "at", "kind", "actor", "what", "reason"):
        history.add_column(t(f"event.col.{key}"), overflow="fold")
    for event in events:
        history.add_row(
            str(event.seq),
            show_time(event.at),
            event_kind_label(event.kind),
            event.actor,
            describe_event(event),
            event.reason or "",
        )
    out.print(history)


@handle_errors
def amend_command(
    ctx: typer.Context,
    finding_id: Annotated[str, id_argument()],
    reason: Annotated[str | None, _text("--reason", "findings.opt_reason")] = None,
    note: Annotated[str | None, _text("--note", "findings.opt_amend_note")] = None,
    location: Annotated[str | None, _text("--location", "findings.opt_amend_location")] = None,
    count: Annotated[
        int | None, typer.Option("--count", help=t("findings.opt_amend_count"), show_default=False)
    ] = None,
    due: Annotated[str | None, _text("--due", "findings.opt_amend_due")] = None,
    result: Annotated[str | None, _text("--result", "findings.opt_amend_result")] = None,
    inspector_option: Annotated[str | None, inspector_option()] = None,
) -> None:
    """Correct a finding; the change is an event with the old and new values and the reason."""
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.store import Store
    from qingyang_inspect.store.lifecycle import amend, require_reason

    require_reason(reason)
    workspace = state(ctx).load_workspace()
    actor = inspector(inspector_option, workspace)
    catalog = load_workspace_catalog(workspace)
    with Store.open(workspace) as store:
        finding = amend(
            store,
            catalog,
            finding_id,
            reason=reason,
            note=note,
            location=location,
            count=count,
            due=parse_day(due, "--due"),
            result=result,
            actor=actor,
            now=clock(),
        )
    typer.echo(t("findings.amended", id=finding.id), err=True)


@handle_errors
def void_command(
    ctx: typer.Context,
    finding_id: Annotated[str, id_argument()],
    reason: Annotated[str | None, _text("--reason", "findings.opt_void_reason")] = None,
    inspector_option: Annotated[str | None, inspector_option()] = None,
) -> None:
    """Void a finding: it leaves lists and scores but stays in its history."""
    from qingyang_inspect.store import Store
    from qingyang_inspect.store.lifecycle import require_reason, void

    require_reason(reason)
    workspace = state(ctx).load_workspace()
    actor = inspector(inspector_option, workspace)
    with Store.open(workspace) as store:
        finding = void(store, finding_id, reason=reason, actor=actor, now=clock())
    typer.echo(t("findings.voided", id=finding.id), err=True)
