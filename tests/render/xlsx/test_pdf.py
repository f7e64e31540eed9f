"""Both reports of a realistic campaign, printed as a unit would: LibreOffice to PDF.

The campaign (:mod:`report_campaign`) is the bundled Qingyang workspace with a real
store: a June supervision round at 11 sites (66 problems, long notes, places,
real JPEG photos before and after), a July re-inspection, an August acceptance
round at 4 sites. The checks are what a supervisor looks at before signing:
the ledger's text prints at 9 points or more and its photos 3.5 cm wide or
more, no page holds only a footer or signature block, the acceptance report of
a 4-site round is 5 sheets, page counts stay within a stated bound.

Fonts: the workbooks name Excel's fonts; LibreOffice measures columns with the
fonts it has, so a machine without Carlito (metric twin of Calibri:
``apt-get install fonts-crosextra-carlito``) prints everything smaller than
Excel would, and the size checks are skipped there.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from office import SOFFICE, to_pdf
from pdf_tools import PDFTOTEXT, only_footer, page_contents, page_texts
from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.findings.model import Finding, Photo
from qingyang_inspect.render import RenderContext, render
from qingyang_inspect.store import Store
from qingyang_inspect.views.acceptance import acceptance_document, build_acceptance
from qingyang_inspect.views.ledger import LedgerFilter, build_ledger, ledger_document
from qingyang_inspect.views.source import ListSource
from qingyang_inspect.workspace import load_workspace
from report_campaign import ACCEPTANCE, AS_OF, Campaign, build_campaign

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None or PDFTOTEXT is None,
        reason="LibreOffice and poppler are not installed: "
        "apt-get install libreoffice-calc-nogui poppler-utils",
    ),
]

#: Lines of the footer blocks (totals, notes, signatures) of the two reports.
LEDGER_FOOTER = ("合计：", "说明：", "制表人", "审核人")
FORM_FOOTER = ("（已检查", "其中逾期", "验收人（签字）", "责任单位负责人（签字）")
#: A line of a table: the ledger's due date (立行立改 for a problem fixed on the spot), a
#: score sheet's item id.
LEDGER_ROW = r"\d{4}-\d{2}-\d{2}|立行立改"
ITEM_ROW = r"\b[A-Z]{2}-[A-Z0-9]{2}-\d{2}\b"


def _printable(texts: list[str]) -> list[int]:
    """The pages of the printable ledger's sheets (the data sheet has 测评内容)."""
    return [n for n, text in enumerate(texts) if "序号" in text and "测评内容" not in text]


def _metric_fonts() -> bool:
    """Whether LibreOffice here measures columns as Excel does (Calibri or Carlito)."""
    fc = shutil.which("fc-match")
    if fc is None:
        return False
    found = subprocess.run([fc, "Calibri"], capture_output=True, text=True, check=False).stdout
    return "Carlito" in found or "Calibri" in found


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Campaign:
    return build_campaign(tmp_path_factory.mktemp("campaign") / "ws", photo_size=(800, 600))


def _ledger(campaign: Campaign, folder: Path, **context: object) -> Path:
    workspace = campaign.workspace
    path = folder / "ledger.xlsx"
    with Store.open(workspace, readonly=True) as store:
        ledger = build_ledger(
            campaign.catalog, store.iter_findings, district="成都市青羊区", as_of=AS_OF,
            flt=LedgerFilter(),
        )  # fmt: skip
        ctx = RenderContext(evidence=workspace.evidence, day=AS_OF, **context)  # type: ignore[arg-type]
        render(ledger_document(ledger), "xlsx", output=path, context=ctx)
    return path


def test_the_ledger_prints_readable_and_whole(campaign: Campaign, tmp_path: Path) -> None:
    path = _ledger(campaign, tmp_path, photos_dir=tmp_path)
    sheets = openpyxl.load_workbook(path, read_only=True).sheetnames
    # the printable ledger, the data sheet, a printable sheet for each of the 11 units
    assert sheets[:2] == ["全部单位", "台账数据"] and len(sheets) == 2 + 11
    pdf = to_pdf(path, tmp_path)
    texts, contents = page_texts(pdf), page_contents(pdf)
    assert len(texts) == len(contents)
    printable = _printable(texts)
    assert "###" not in "".join(texts)
    for n, text in enumerate(texts):
        assert not only_footer(text, LEDGER_FOOTER, LEDGER_ROW), f"page {n + 1}:\n{text}"
    # the totals, by status and overdue, on every printable sheet; signatures after them
    counts = [int(m.group(1)) for t in texts for m in re.finditer(r"合计：问题\s*(\d+)\s*个", t)]
    assert max(counts) == campaign.problems, counts
    totals = [t for t in texts if re.search(rf"合计：问题\s*{campaign.problems}\s*个", t)]
    assert len(totals) == 1 and "制表人" in totals[0]
    assert sum("合计：问题" in t for t in texts) == 12  # the whole ledger and 11 units
    if not _metric_fonts():
        pytest.skip("no Calibri or Carlito: LibreOffice shrinks the sheets more than Excel")
    body = [size for n in printable for size in contents[n].font_sizes]
    assert min(body) >= 9.0, sorted(set(body))[:5]
    photos = [width for n in printable for width in contents[n].image_widths_cm]
    assert len(photos) >= 2 * 66 and min(photos) >= 3.5


def test_the_ledger_on_a3_prints_larger(campaign: Campaign, tmp_path: Path) -> None:
    if not _metric_fonts():
        pytest.skip("no Calibri or Carlito: LibreOffice shrinks the sheets more than Excel")
    pdf = to_pdf(_ledger(campaign, tmp_path, paper="a3"), tmp_path)
    texts, contents = page_texts(pdf), page_contents(pdf)
    printable = _printable(texts)
    assert min(size for n in printable for size in contents[n].font_sizes) >= 12.0
    assert min(w for n in printable for w in contents[n].image_widths_cm) >= 4.5
    for text in texts:
        assert not only_footer(text, LEDGER_FOOTER, LEDGER_ROW), text


def _acceptance(campaign: Campaign, folder: Path) -> Path:
    """The acceptance report of the campaign's 4-site round, in the current language."""
    path = folder / "acceptance.xlsx"
    with Store.open(campaign.workspace, readonly=True) as store:
        report = build_acceptance(
            campaign.catalog, store.iter_findings, store.round(ACCEPTANCE),
            district="成都市青羊区", as_of=AS_OF,
        )  # fmt: skip
        render(acceptance_document(report), "xlsx", output=path, context=RenderContext(day=AS_OF))
    return path


def test_a_four_site_acceptance_report(campaign: Campaign, tmp_path: Path) -> None:
    """5 sheets; every form on one page where it fits, else its totals and signatures
    with its last items; the summary's signatures with its tables; the charts."""
    path = _acceptance(campaign, tmp_path)
    assert len(openpyxl.load_workbook(path, read_only=True).sheetnames) == 5
    texts = page_texts(to_pdf(path, tmp_path))
    assert "###" not in "".join(texts)
    signed = [t for t in texts if "验收人（签字）" in t]
    assert len(signed) == 4
    # Every page of a form names its site (in the footer), the signed one above all: a
    # 34-item form runs over three pages, and its last has no header block.
    names = [campaign.catalog.sites[s].name for s in campaign.acceptance_sites]
    for text in texts:
        if "条目编号" in text:
            assert any(name in "".join(text.split()) for name in names), text
    for text in texts:
        assert not only_footer(text, FORM_FOOTER, ITEM_ROW), text
        assert not only_footer(text, ("制表人",), r"QY-[CD]-\d+|[\u4e00-\u9fff]+\s+\d+\s+\d+"), text
    # The summary's signatures have its last table with them, whole: heading, first and
    # last rows (the catalog's first and last categories).
    [summary_signed] = ["".join(t.split()) for t in texts if "制表人" in t]
    for words in ("按测评项目统计不符合", "公益宣传", "校园周边", "审核人"):
        assert words in summary_signed, words
    assert any("各点位得分率" in t for t in texts)
    assert any("不符合条目数（按测评项目）" in t for t in texts)
    for site in campaign.acceptance_sites:
        assert sum(site in t for t in texts) >= 1


def test_english_headers_print_whole_words(campaign: Campaign, tmp_path: Path) -> None:
    """English headers are longer than the Chinese ones the widths were chosen for: each
    column is as wide as its header's longest word, so none breaks mid-word ("Deduct ed")."""
    from qingyang_inspect.i18n import set_language
    from qingyang_inspect.views.scoresheet import site_columns

    set_language("en")
    try:
        path = _acceptance(campaign, tmp_path)
        labels = [c.label for c in site_columns()]
    finally:
        set_language("zh")
    words = {w for text in page_texts(to_pdf(path, tmp_path)) for w in text.split()}
    for label in labels:
        for word in label.split():
            assert word in words, (word, label)
    # The label columns' words too: a category and a method, once "Environmen t", "document s".
    assert {"Environment", "sanitation", "documents"} <= words


#: Printed A4 pages of the printable ledger of 1,000 problems with photos, at most (168
#: measured): a row with photos is about 85 points tall, a page holds about six.
PAGES_PER_1000 = 200


def test_a_thousand_problems_print_within_the_bound(tmp_path: Path) -> None:
    """1,000 problems at 100 sites of the bundled catalog, each with a photo before and
    after: the printable ledger of one unit stays within the stated page bound."""
    repo = Path(__file__).resolve().parents[3]
    catalog = load_workspace_catalog(load_workspace(repo), use_cache=False)
    evidence = tmp_path / "evidence"
    import random

    from report_campaign import make_photo

    rnd = random.Random(1)
    photos = []
    for stage in ("before", "after"):
        relpath = f"{stage[:2]}/{stage}.jpg"
        make_photo(evidence / relpath, rnd, stage, (800, 600))
        photos.append(Photo(stage * 8, f"{stage}.jpg", stage, relpath))  # type: ignore[arg-type]
    unit = "光华街道办事处"
    sites = [s for s in catalog.sites.values() if s.responsible_unit == unit] or list(
        catalog.sites.values()
    )[:1]
    findings = []
    start = dt.datetime(2026, 6, 1, 9, 0)
    for n in range(1000):
        site = sites[n % len(sites)]
        item = catalog.items_for_site(site.id)[n % 7]
        findings.append(
            Finding(
                id=f"P{n:05d}", round_name="督导", site_id=site.id, item_id=item.id,
                result="fail", occurrences=1, inspector="王督导",
                found_at=start + dt.timedelta(minutes=n),
                note="垃圾桶满溢，周边地面散落塑料袋和纸屑", location="东门入口处",
                status="rectified", due_date=dt.date(2026, 6, 8),
                rectification_note="已安排专人清理并增加每日巡查频次",
                rectified_at=start + dt.timedelta(days=2), photos=tuple(photos),
            )
        )  # fmt: skip
    ledger = build_ledger(
        catalog, ListSource(findings), district="成都市青羊区", as_of=AS_OF,
        flt=LedgerFilter(units=frozenset({sites[0].responsible_unit})),
    )  # fmt: skip
    path = tmp_path / "ledger.xlsx"
    render(
        ledger_document(ledger), "xlsx", output=path,
        context=RenderContext(evidence=evidence, day=AS_OF),
    )  # fmt: skip
    texts = page_texts(to_pdf(path, tmp_path))
    printable = [texts[n] for n in _printable(texts)]
    assert 120 <= len(printable) <= PAGES_PER_1000, len(printable)
    assert re.search(r"合计：问题\s*1000\s*个", printable[-1]) and "制表人" in printable[-1]
