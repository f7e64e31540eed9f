"""Each report converts to PDF with LibreOffice headless, and reads right there.

This is what a unit that receives the file does: open it and print it. The
test fails on a conversion error; where poppler's ``pdftotext`` is present it
also checks the pages hold the key text and no ``###`` (a number too wide for
its column).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from office import SOFFICE, pdf_text, to_pdf
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.render import RenderContext, render
from qingyang_inspect.views.acceptance import acceptance_document, build_acceptance
from qingyang_inspect.views.ledger import LedgerFilter, build_ledger, ledger_document
from qingyang_inspect.views.source import ListSource
from worked_example import AS_OF, ROUND, rounds

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None,
        reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
    ),
]


def test_reports_convert_to_pdf(
    catalog: Catalog, source: ListSource, evidence: Path, tmp_path: Path
) -> None:
    ledger_path = tmp_path / "ledger.xlsx"
    ledger = build_ledger(catalog, source, district="测试区", as_of=AS_OF, flt=LedgerFilter())
    context = RenderContext(evidence=evidence, day=AS_OF)
    render(ledger_document(ledger), "xlsx", output=ledger_path, context=context)
    acceptance_path = tmp_path / "acceptance.xlsx"
    report = build_acceptance(catalog, source, rounds()[ROUND], district="测试区", as_of=AS_OF)
    render(acceptance_document(report), "xlsx", output=acceptance_path, context=context)

    ledger_text = pdf_text(to_pdf(ledger_path, tmp_path))
    acceptance_text = pdf_text(to_pdf(acceptance_path, tmp_path))
    if ledger_text is None or acceptance_text is None:
        return
    for text in (ledger_text, acceptance_text):
        assert "###" not in text
    assert "整改台账" in ledger_text and "已整改待复查" in ledger_text
    assert "2026-08-10" in ledger_text
    for expected in ("验收汇总表", "92.50%", "20.63%", "基本达标", "验收评分表", "验收人（签字）"):
        assert expected in acceptance_text, expected


def test_acceptance_forms_keep_totals_and_signatures_with_their_items(tmp_path: Path) -> None:
    """A 4-site round of the bundled workspace (full checklists, long notes) printed as a unit
    would: 5 sheets (the summary and one form per site), and no page holding only a form's
    totals and signatures."""
    import datetime as dt
    import random

    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.findings.model import Finding, Round
    from qingyang_inspect.workspace import load_workspace

    repo = Path(__file__).resolve().parents[3]
    catalog = load_workspace_catalog(load_workspace(repo), use_cache=False)
    rnd = random.Random(3)
    findings = []
    start = dt.datetime(2026, 8, 3, 9, 0)
    for n_site, site in enumerate(list(catalog.sites.values())[:4]):
        for item in catalog.items_for_site(site.id):
            fail = rnd.random() < 0.3
            findings.append(
                Finding(
                    id=f"F{len(findings):05d}",
                    round_name="验收",
                    site_id=site.id,
                    item_id=item.id,
                    result="fail" if fail else "pass",
                    occurrences=rnd.randint(1, 3) if fail else 0,
                    inspector="张检查",
                    found_at=start + dt.timedelta(days=n_site, minutes=len(findings)),
                    note="东侧入口处发现多处问题，现场已告知负责人限期整改" * 2 if fail else None,
                    status="open" if fail else None,
                    due_date=dt.date(2026, 8, 8) if fail else None,
                )
            )
    round_ = Round(
        "验收", "acceptance", dt.date(2026, 8, 3), catalog.standard.id,
        catalog.standard.version, "open", dt.datetime(2026, 8, 1),
    )  # fmt: skip
    report = build_acceptance(
        catalog, ListSource(findings), round_, district="成都市青羊区", as_of=dt.date(2026, 8, 10)
    )
    path = tmp_path / "acceptance.xlsx"
    render(acceptance_document(report), "xlsx", output=path, context=RenderContext(day=AS_OF))
    import openpyxl

    assert len(openpyxl.load_workbook(path, read_only=True).sheetnames) == 5
    text = pdf_text(to_pdf(path, tmp_path))
    if text is None:
        return
    pages = [page for page in text.split("\f") if page.strip()]
    signed = [page for page in pages if "验收人（签字）" in page]
    assert len(signed) == 4
    for page in signed:
        # the totals and signatures print with at least one item line of their form
        assert re.search(r"\b[A-Z]{2}-[A-Z0-9]{2}-\d{2}\b", page), page
        assert "实得分" in page
