"""``inspect findings list|show|amend|void``: the findings, their history, corrections."""

from __future__ import annotations

from typing import Annotated

import typer

from qingyang_inspect.cli.common import TextJson, echo, handle_errors
from qingyang_inspect.cli.options import (
    add_group,
    at_option,
    format_option,
    id_argument,
    inspector_option,
    option,
)
from qingyang_inspect.cli.storeopts import TableJsonCsv, parse_day, reading_as_of, store_step
from qingyang_inspect.i18n import t


def register(app: typer.Typer) -> None:
    """Add the ``findings`` command group to ``app``."""
    add_group(
        app,
        "findings",
        t("findings.help"),
        {
            "list": (t("findings.list_help"), list_command),
            "show": (t("findings.show_help"), show_command),
            "amend": (t("findings.amend_help"), amend_command),
            "void": (t("findings.void_help"), void_command),
        },
    )


@handle_errors
def list_command(
    ctx: typer.Context,
    round_name: Annotated[str | None, option("--round", key="findings.opt_round")] = None,
    site: Annotated[str | None, option("--site", key="findings.opt_site")] = None,
    unit: Annotated[str | None, option("--unit", key="findings.opt_unit")] = None,
    street: Annotated[str | None, option("--street", key="findings.opt_street")] = None,
    item: Annotated[str | None, option("--item", key="findings.opt_item")] = None,
    status: Annotated[str | None, option("--status", key="findings.opt_status")] = None,
    result: Annotated[str | None, option("--result", key="findings.opt_result")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help=t("findings.opt_overdue"))] = False,
    as_of: Annotated[str | None, option("--as-of", key="findings.opt_as_of")] = None,
    voided: Annotated[bool, typer.Option("--voided", help=t("findings.opt_voided"))] = False,
    output_format: Annotated[
        TableJsonCsv, format_option("findings.opt_format")
    ] = TableJsonCsv.table,
) -> None:
    """List findings, filtered; table, JSON (every field) or CSV (UTF-8 with BOM)."""
    from qingyang_inspect.findings.recording import check_result
    from qingyang_inspect.findings.select import FindingFilter, select_findings
    from qingyang_inspect.render import render
    from qingyang_inspect.store import Store
    from qingyang_inspect.views.findings import findings_list

    workspace, catalog, day, until = reading_as_of(ctx, as_of)
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
    with Store.open_for_reading(workspace, as_of=until) as store:
        select_findings(store, catalog, query)  # refuses unknown filter values now
        document = findings_list(catalog, lambda: select_findings(store, catalog, query), as_of=day)
        render(document, output_format.value)


@handle_errors
def show_command(
    ctx: typer.Context,
    finding_id: Annotated[str, id_argument()],
    as_of: Annotated[str | None, option("--as-of", key="findings.opt_as_of")] = None,
    output_format: Annotated[TextJson, format_option("opt.format")] = TextJson.table,
) -> None:
    """Show a finding (voided ones too) and its full history."""
    from qingyang_inspect.render import render
    from qingyang_inspect.store import Store
    from qingyang_inspect.views.findings import finding_detail

    workspace, catalog, day, until = reading_as_of(ctx, as_of)
    with Store.open_for_reading(workspace, as_of=until) as store:
        finding = store.finding(store.resolve_id(finding_id))
        events = store.events(finding.id)
    render(finding_detail(catalog, finding, events, as_of=day), output_format.value)


@handle_errors
def amend_command(
    ctx: typer.Context,
    finding_id: Annotated[str, id_argument()],
    reason: Annotated[str | None, option("--reason", key="findings.opt_reason")] = None,
    note: Annotated[str | None, option("--note", key="findings.opt_amend_note")] = None,
    location: Annotated[str | None, option("--location", key="findings.opt_amend_location")] = None,
    count: Annotated[int | None, option("--count", key="findings.opt_amend_count")] = None,
    due: Annotated[str | None, option("--due", key="findings.opt_amend_due")] = None,
    result: Annotated[str | None, option("--result", key="findings.opt_amend_result")] = None,
    at: Annotated[str | None, at_option()] = None,
    inspector_option: Annotated[str | None, inspector_option()] = None,
) -> None:
    """Correct a finding; the change is an event with the old and new values and the reason."""
    from qingyang_inspect.findings.lifecycle import amend, require_reason

    require_reason(reason)
    finding = store_step(
        ctx,
        inspector_option,
        at,
        amend,
        finding_id,
        with_catalog=True,
        reason=reason,
        note=note,
        location=location,
        count=count,
        due=parse_day(due, "--due"),
        result=result,
    )
    echo(t("findings.amended", id=finding.number), err=True)


@handle_errors
def void_command(
    ctx: typer.Context,
    finding_id: Annotated[str, id_argument()],
    reason: Annotated[str | None, option("--reason", key="findings.opt_void_reason")] = None,
    at: Annotated[str | None, at_option()] = None,
    inspector_option: Annotated[str | None, inspector_option()] = None,
) -> None:
    """Void a finding: it leaves lists and scores but stays in its history."""
    from qingyang_inspect.findings.lifecycle import require_reason, void

    require_reason(reason)
    finding = store_step(ctx, inspector_option, at, void, finding_id, reason=reason)
    echo(t("findings.voided", id=finding.number), err=True)
