"""The bundled workspace at full size: 130 sites, every item of every checklist recorded.

Run time is measured by the benchmarks, not asserted here; this test proves the
report is complete at that size and that sheets stream (each site's findings
are read once, through its own stream).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import openpyxl
import pytest

from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.findings.model import Finding, Round
from qingyang_inspect.render import RenderContext, render
from qingyang_inspect.views.acceptance import AcceptanceRun, acceptance_document, build_acceptance
from qingyang_inspect.views.source import ListSource
from qingyang_inspect.workspace import load_workspace

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load_workspace_catalog(load_workspace(REPO), use_cache=False)


def _full_round(catalog: Catalog) -> list[Finding]:
    rnd = random.Random(7)
    findings = []
    start = dt.datetime(2026, 8, 3, 9, 0)
    for site in catalog.sites.values():
        for item in catalog.items_for_site(site.id):
            n = len(findings)
            draw = rnd.random()
            result = "fail" if draw < 0.15 else "na" if draw < 0.18 else "pass"
            findings.append(
                Finding(
                    id=f"F{n:06d}",
                    round_name="验收",
                    site_id=site.id,
                    item_id=item.id,
                    result=result,  # type: ignore[arg-type]
                    occurrences=rnd.randint(1, 4) if result == "fail" else 0,
                    inspector="张检查",
                    found_at=start + dt.timedelta(seconds=n),
                    note="现场说明" if result != "pass" else None,
                    status="open" if result == "fail" else None,
                    due_date=dt.date(2026, 8, 6) if result == "fail" else None,
                )
            )
    return findings


def test_acceptance_for_the_130_bundled_sites(bundled: Catalog, tmp_path: Path) -> None:
    findings = _full_round(bundled)
    calls: list[str | None] = []
    inner = ListSource(findings)

    def source(*, round_name: str | None = None, site_id: str | None = None) -> list[Finding]:
        calls.append(site_id)
        return list(inner(round_name=round_name, site_id=site_id))

    round_ = Round(
        "验收",
        "acceptance",
        dt.date(2026, 8, 3),
        bundled.standard.id,
        bundled.standard.version,
        "open",
        dt.datetime(2026, 8, 1),
    )
    report = build_acceptance(
        bundled, source, round_, district="成都市青羊区", as_of=dt.date(2026, 8, 10)
    )
    path = tmp_path / "acceptance.xlsx"
    run = AcceptanceRun(report)
    context = RenderContext(day=report.as_of)
    render(acceptance_document(report, run=run), "xlsx", output=path, context=context)
    summary = run.summary()

    assert len(bundled.sites) == 130
    assert calls == list(bundled.sites)  # one stream per site, in catalog order
    assert len(summary.rows) == 130 and all(r.rate is not None for r in summary.rows)
    # every checklist item recorded: every site complete, ranked; rows in rank order
    ranks = [r.rank for r in summary.rows]
    assert ranks[0] == 1 and None not in ranks and ranks == sorted(ranks)  # type: ignore[type-var]
    order = {"met": 0, "basically_met": 1, "not_met": 2}
    keys = [(order[r.verdict_code], -(r.exact_rate or 0)) for r in summary.rows]
    assert keys == sorted(keys)
    assert summary.total.sites == 130
    wb = openpyxl.load_workbook(path, read_only=True)
    assert len(wb.sheetnames) == 131
    assert len(set(wb.sheetnames)) == 131 and all(len(n) <= 31 for n in wb.sheetnames)
    ws = wb["验收汇总"]
    ids = [row[0] for row in ws.iter_rows(min_row=4, max_row=133, max_col=1, values_only=True)]
    assert ids == [r.site_id for r in summary.rows]
    items = sum(len(bundled.items_for_site(s)) for s in bundled.sites)
    assert items == len(findings)
