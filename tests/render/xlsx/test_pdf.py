"""Each report converts to PDF with LibreOffice headless, and reads right there.

This is what a unit that receives the file does: open it and print it. The
test fails on a conversion error; where poppler's ``pdftotext`` is present it
also checks the pages hold the key text and no ``###`` (a number too wide for
its column).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.render import RenderContext, render
from qingyang_inspect.views.acceptance import acceptance_document, build_acceptance
from qingyang_inspect.views.ledger import LedgerFilter, build_ledger, ledger_document
from qingyang_inspect.views.source import ListSource
from worked_example import AS_OF, ROUND, rounds

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None,
        reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
    ),
]


def _to_pdf(xlsx: Path, tmp_path: Path) -> Path:
    assert SOFFICE is not None
    profile = tmp_path / "lo-profile"
    proc = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(xlsx),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    pdf = tmp_path / "pdf" / (xlsx.stem + ".pdf")
    assert proc.returncode == 0, proc.stderr
    assert pdf.is_file(), (proc.stdout, proc.stderr)
    assert pdf.read_bytes().startswith(b"%PDF")
    return pdf


def _text(pdf: Path) -> str | None:
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    return subprocess.run(
        [tool, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


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

    ledger_text = _text(_to_pdf(ledger_path, tmp_path))
    acceptance_text = _text(_to_pdf(acceptance_path, tmp_path))
    if ledger_text is None or acceptance_text is None:
        return
    for text in (ledger_text, acceptance_text):
        assert "###" not in text
    assert "整改台账" in ledger_text and "已整改待复查" in ledger_text
    assert "2026-08-10" in ledger_text
    for expected in ("验收汇总表", "92.50%", "20.63%", "基本达标", "验收评分表", "验收人（签字）"):
        assert expected in acceptance_text, expected
