"""The Excel files, reloaded with openpyxl: sheets, headers, values, formats, highlights, print."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from office import SOFFICE, pdf_text, to_pdf
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.findings.model import Finding
from qingyang_inspect.i18n import set_language
from qingyang_inspect.render import RenderContext, render
from qingyang_inspect.render.xlsx.book import STYLE_FILLS, sheet_name, text_width
from qingyang_inspect.views.acceptance import acceptance_document, build_acceptance
from qingyang_inspect.views.ledger import LedgerFilter, build_ledger, ledger_document
from qingyang_inspect.views.source import ListSource
from worked_example import AS_OF, LEDGER_HEADERS_ZH, ROUND, finding, rounds

OVERDUE_FILL = STYLE_FILLS["overdue"].lstrip("#")
VERDICT_FILLS = {
    code: STYLE_FILLS[f"verdict.{code}"].lstrip("#") for code in ("met", "basically_met", "not_met")
}

SUMMARY_HEADERS = [
    "点位编号", "点位名称", "点位类型", "级别", "街道", "责任单位", "应得分", "实得分", "得分率",
    "验收结论", "覆盖率", "未销号问题数", "逾期问题数", "排名",
]  # fmt: skip
SITE_HEADERS = [
    "序号", "条目编号", "测评项目", "测评内容", "测评方法", "标准分", "结果", "例数", "扣分",
    "得分", "问题编号", "备注",
]  # fmt: skip


def _ledger(
    catalog: Catalog, source: ListSource, path: Path, *, as_of: dt.date = AS_OF, **kw: Any
) -> Path:
    ledger = build_ledger(catalog, source, district="测试区", as_of=as_of, flt=LedgerFilter())
    context = RenderContext(fmt="xlsx", day=as_of, **kw)
    render(ledger_document(ledger), "xlsx", output=path, context=context)
    return path


def test_a_problem_fixed_on_the_spot_says_so(
    catalog: Catalog, findings: list[Finding], tmp_path: Path
) -> None:
    """Recording makes a problem fixed on the spot due the day it was found: its time
    limit reads 立行立改, not "0 个工作日" above the date."""
    spot = next(f for f in findings if f.on_spot)
    recorded = spot._replace(due_date=spot.found_at.date())
    path = _ledger(catalog, ListSource([recorded]), tmp_path / "spot.xlsx")
    ws = openpyxl.load_workbook(path)["全部单位"]
    assert _row(ws, 3)[8] == "整改时限及截止日期"
    assert _row(ws, 4)[8] == "立行立改"


def _acceptance(catalog: Catalog, source: ListSource, path: Path, as_of: dt.date = AS_OF) -> Path:
    report = build_acceptance(catalog, source, rounds()[ROUND], district="测试区", as_of=as_of)
    render(acceptance_document(report), "xlsx", output=path, context=RenderContext(day=as_of))
    return path


def _row(ws: Any, n: int) -> list[Any]:
    return [c.value for c in ws[n]]


def _fill(cell: Any) -> str:
    return str(cell.fill.fgColor.rgb)[-6:] if cell.fill.fill_type == "solid" else ""


PRINT_HEADERS = [
    "序号", "问题编号", "点位名称", "问题描述", "问题照片", "整改后照片", "责任单位",
    "责任人及联系电话", "整改时限及截止日期", "整改措施及完成情况", "状态", "备注",
]  # fmt: skip


def test_ledger_workbook(
    catalog: Catalog, source: ListSource, evidence: Path, tmp_path: Path
) -> None:
    path = _ledger(catalog, source, tmp_path / "ledger.xlsx", evidence=evidence)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [
        "全部单位", "台账数据", "测试市场管理公司", "第二市场管理公司", "草堂街道办事处",
    ]  # fmt: skip

    # -- the printable ledger ------------------------------------------------------------
    ws = wb["全部单位"]
    assert ws["A1"].value == "测试区文明城市创建整改台账"
    assert ws["A2"].value == "轮次：全部　责任单位：全部　状态：全部　统计截至：2026年8月10日"
    assert "A1:L1" in {str(r) for r in ws.merged_cells.ranges}
    assert _row(ws, 3) == PRINT_HEADERS
    rows = [_row(ws, r) for r in range(4, 13)]
    assert [r[0] for r in rows] == list(range(1, 10))
    number = rows[0][1]
    assert number.startswith("F") and rows[0][2:4] == ["测试农贸市场", "垃圾桶满溢"]
    assert rows[0][8:] == [
        "3 个工作日\n2026-06-05", "已清运并增加清运频次\n06-03整改\n06-04销号", "已销号",
        "2026督导第1轮\n06-02发现",
    ]  # fmt: skip
    assert rows[6][9:11] == ["退回：仍有杂物", "待整改\n逾期65天"]
    # overdue rows are filled red, the others not
    overdue = {r: "逾期" in (ws.cell(r, 11).value or "") for r in range(4, 13)}
    assert sum(overdue.values()) == 7
    for r, late in overdue.items():
        fills = {_fill(ws.cell(r, c)) for c in range(1, 13) if c not in (5, 6)}
        assert fills == ({OVERDUE_FILL} if late else {""}), r
    # 10.5-point text, wrapped, an A4 landscape page wide, the header on every page
    assert ws.cell(4, 4).font.sz == 10.5 and ws.cell(4, 4).alignment.wrap_text
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    assert ws.page_setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$3" and ws.freeze_panes == "A4"
    # the before photo: in its cell, as wide as the column, its row as tall as it
    assert len(ws._images) == 1
    image = ws._images[0]
    assert (image.anchor._from.row, image.anchor._from.col) == (3, 4)  # E4
    assert ws.row_dimensions[4].height >= 80
    # totals by status and overdue, the legend, the signature block
    footer = [ws.cell(r, 1).value or "" for r in range(13, ws.max_row + 1)]
    assert (
        "合计：问题 9 个，其中待整改 6 个、已整改待复查 1 个、已销号 2 个（立行立改 1 个）；"
        "逾期未销号 7 个（统计截至2026年8月10日）。"
    ) in footer
    # both closed problems by their due date, the seven overdue ones not
    assert "按期销号率：22.22%（已销号或已逾期的 9 个问题中，按期销号 2 个）。" in footer
    assert any(line.startswith("说明：红色底纹的行为逾期问题") for line in footer)
    signs = [c.value for c in ws[ws.max_row] if c.value]
    assert signs == ["制表人：______________", "审核人：______________", "日期：______________"]

    # -- the data sheet: every column, photos named ----------------------------------------
    data = wb["台账数据"]
    assert _row(data, 3) == LEDGER_HEADERS_ZH
    assert data.max_row == 3 + 9 and data.freeze_panes == "A4"
    assert data.auto_filter.ref == "A3:X12"
    first = _row(data, 4)
    assert first[:12] == [
        1, number, "2026督导第1轮", dt.datetime(2026, 6, 2), "M1", "测试农贸市场", "农贸市场",
        "草堂街道", "CM-EN-01", "环境干净整洁，无积存垃圾", "垃圾桶满溢", 2,
    ]  # fmt: skip
    assert first[12] == "ab/" + "ab" * 32 + ".jpg" and not data._images
    assert first[13:] == [
        "测试市场管理公司", "区市场监管局", 3, dt.datetime(2026, 6, 5), "已销号", "否",
        "已清运并增加清运频次（测试市场管理公司，2026-06-03）", None, "通过",
        dt.datetime(2026, 6, 4), None,
    ]  # fmt: skip
    assert data["D4"].number_format == "yyyy-mm-dd" and data["Q4"].number_format == "yyyy-mm-dd"
    # a note beginning with "=" is text, never a formula; "@" and "+" too
    notes = {data.cell(r, 11).value: data.cell(r, 11) for r in range(4, data.max_row + 1)}
    for text in ("=巷口堆放杂物", "@公益广告褪色", "+消防通道堆放杂物"):
        assert notes[text].data_type == "s"
        assert notes[text].quotePrefix
    assert not notes["垃圾桶满溢"].quotePrefix

    # -- a unit's sheet: its own numbering, its name, its photo -----------------------------
    unit = wb["草堂街道办事处"]
    assert [unit.cell(r, 1).value for r in range(4, 7)] == [1, 2, 3]
    assert unit["A2"].value.startswith("轮次：全部　责任单位：草堂街道办事处")
    assert unit.cell(7, 1).value is None
    assert len(wb["测试市场管理公司"]._images) == 1


def test_photos_are_copied_and_linked_by_problem_number(
    catalog: Catalog, source: ListSource, evidence: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    path = _ledger(catalog, source, tmp_path / "ledger.xlsx", evidence=evidence, photos_dir=folder)
    wb = openpyxl.load_workbook(path)
    number = wb["全部单位"]["B4"].value
    copy = folder / f"{number}-问题-1.jpg"
    assert [p.name for p in folder.iterdir()] == [copy.name]
    assert copy.read_bytes() == (evidence / "ab" / ("ab" * 32 + ".jpg")).read_bytes()
    assert wb["台账数据"]["M4"].value == copy.name
    with zipfile.ZipFile(path) as book:
        rels = book.read("xl/drawings/_rels/drawing1.xml.rels").decode()
    # clicking the photo opens the copy, beside the workbook
    assert f'Target="photos/{number}-问题-1.jpg"' in rels
    assert 'TargetMode="External"' in rels


def test_photos_past_the_limit_or_missing_are_named(
    catalog: Catalog, source: ListSource, evidence: Path, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(
        _ledger(catalog, source, tmp_path / "a.xlsx", evidence=evidence, max_photos=0)
    )
    assert not wb.worksheets[0]._images
    assert wb.worksheets[0]["E4"].value == "ab/" + "ab" * 32 + ".jpg"
    wb = openpyxl.load_workbook(
        _ledger(catalog, source, tmp_path / "b.xlsx", evidence=tmp_path / "nothing")
    )
    assert wb.worksheets[0]["E4"].value == "照片缺失：before.jpg"
    assert wb.worksheets[1]["M4"].value == "照片缺失：before.jpg"


def test_ledger_without_problems(catalog: Catalog, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_ledger(catalog, ListSource([]), tmp_path / "e.xlsx"))
    assert wb.sheetnames == ["全部单位", "台账数据"]
    for ws in wb.worksheets:
        assert ws["A4"].value == "（无符合条件的问题）"


def test_acceptance_workbook(catalog: Catalog, source: ListSource, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_acceptance(catalog, source, tmp_path / "acc.xlsx"))
    assert wb.sheetnames == ["验收汇总", "M1 测试农贸市场", "M2 第二农贸市场", "A1 测试小巷"]
    ws = wb["验收汇总"]
    assert ws["A1"].value == "测试区示范点位验收汇总表"
    assert ws["A2"].value == (
        "轮次：2026验收（2026年8月3日）　测评标准：测试用测评标准（版本 1.0）"
        "　统计截至：2026年8月10日"
    )
    assert _row(ws, 3)[:14] == SUMMARY_HEADERS
    assert _row(ws, 4)[:14] == [
        "M1", "测试农贸市场", "农贸市场", "市级", "草堂街道", "测试市场管理公司",
        22, 20, 0.925, "基本达标", 1, 1, 1, 1,
    ]  # fmt: skip
    # by rank: A1 (不达标, ranked 2) before M2 (未完成, unranked, grey)
    assert _row(ws, 5)[6:14] == [15, 9, 0.6, "不达标（一票否决）", 1, 3, 3, 2]
    assert _row(ws, 6)[6:14] == [16, 3.3, 0.2063, "未完成", 0.6667, 3, 3, None]
    assert ws["I4"].number_format == "0.00%" and ws["K4"].number_format == "0.00%"
    assert ws["G4"].number_format == "0.00"
    assert [_fill(ws.cell(r, 10)) for r in (4, 5, 6)] == [
        VERDICT_FILLS["basically_met"],
        VERDICT_FILLS["not_met"],
        STYLE_FILLS["verdict.incomplete"].lstrip("#"),
    ]
    assert ws.freeze_panes == "C4" and ws.auto_filter.ref == "A3:N6"
    # four sites fit on the first page: no header repeated over the charts' pages
    assert ws.print_title_rows is None and ws.page_setup.orientation == "landscape"

    column_a = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    street = column_a.index("按街道小计") + 1
    assert _row(ws, street + 1)[:9] == [
        "街道", "点位数", "应得分", "实得分", "平均得分率", "达标", "基本达标", "不达标", "未完成",
    ]  # fmt: skip
    assert _row(ws, street + 2)[:9] == ["府南街道", 1, 16, 3.3, None, 0, 0, 0, 1]
    assert _row(ws, street + 3)[:9] == ["草堂街道", 2, 37, 29, 0.7625, 0, 1, 1, 0]
    assert _row(ws, street + 4)[:9] == ["合计", 3, 53, 32.3, 0.7625, 0, 1, 1, 1]
    by_type = column_a.index("按点位类型小计") + 1
    assert [ws.cell(by_type + n, 1).value for n in (2, 3, 4)] == ["农贸市场", "背街小巷", "合计"]
    cats = column_a.index("按测评项目统计不符合") + 1
    # most failed items first
    assert [_row(ws, cats + n)[:3] for n in (1, 2, 3, 4)] == [
        ["测评项目", "不符合条目数", "例数合计"],
        ["环境卫生", 4, 12],
        ["安全消防", 1, 1],
        ["公益宣传", 0, 0],
    ]
    assert len(ws._charts) == 2
    # under each chart, on a page of its own, the threshold lines' values (most sites'
    # level: met 90 %, basically met 80 %), shown as nothing
    hidden = [
        (ws.cell(r, 1).value, ws.cell(r, 2).value)
        for r in range(cats + 5, ws.max_row + 1)
        if ws.cell(r, 1).number_format == ";;;"
    ]
    assert hidden == [(0.9, 0.8)] * 3

    site = wb["M1 测试农贸市场"]
    assert site["A1"].value == "测试区测试农贸市场验收评分表"
    assert (
        site["A2"].value == "点位：M1 测试农贸市场"
        and site["G2"].value == "点位类型：农贸市场（市级）"
    )
    assert site["A5"].value == "验收日期：2026年8月3日"
    assert site["G6"].value == "测评标准：测试用测评标准（版本 1.0）"
    assert site["A7"].value == "判定标准：达标 ≥ 95%，基本达标 ≥ 85%；一票否决项不符合即不达标"
    assert _row(site, 8) == SITE_HEADERS
    assert _row(site, 11)[:10] == [
        3,
        "CM-EN-01",
        "环境卫生",
        "环境干净整洁，无积存垃圾",
        "看现场",
        6,
        "不符合",
        2,
        2,
        4,
    ]
    assert site.freeze_panes == "A9" and site.print_title_rows == "$8:$8"
    # the totals' labels stand right-aligned just left of 得分 (column J)
    footer = {site.cell(r, 9).value: site.cell(r, 10) for r in range(13, site.max_row + 1)}
    assert footer["应得分"].value == 22 and footer["实得分"].value == 20
    assert footer["得分率"].value == 0.925 and footer["得分率"].number_format == "0.00%"
    assert footer["结论"].value == "基本达标"
    notes = [site.cell(r, 1).value or "" for r in range(13, site.max_row + 1)]
    assert "得分率按类别权重计算：公益宣传 40%；环境卫生 60%" in notes
    assert any(n.startswith("验收人（签字）") for n in notes)
    assert any(
        (site.cell(r, 7).value or "").startswith("责任单位负责人（签字）")
        for r in range(13, site.max_row + 1)
    )
    a1 = wb["A1 测试小巷"]
    footer = {a1.cell(r, 9).value: a1.cell(r, 10).value for r in range(12, a1.max_row + 1)}
    assert footer["结论"] == "不达标（一票否决）"


def test_charts_read_at_a_glance(catalog: Catalog, source: ListSource, tmp_path: Path) -> None:
    """Score rates in rank order, each bar in its verdict's colour with its value, the two
    threshold lines; failures by category with their counts, on whole steps."""
    path = _acceptance(catalog, source, tmp_path / "acc.xlsx")
    with zipfile.ZipFile(path) as book:
        rates = book.read("xl/charts/chart1.xml").decode()
        categories = book.read("xl/charts/chart2.xml").decode()
    assert "各点位得分率" in rates and "绿：达标" in rates
    # M1 基本达标 (amber), A1 不达标 (red), M2 未完成 (grey), in rank order
    bars = re.findall(r'<c:dPt>.*?<a:srgbClr val="([0-9A-F]{6})"/>.*?</c:dPt>', rates)
    assert bars == ["E3A21A", "C9302C", "A6A6A6"]
    assert '<c:barDir val="col"/>' in rates and '<c:showVal val="1"/>' in rates
    assert "<c:lineChart>" in rates and "达标线 90%" in rates and "基本达标线 80%" in rates
    assert "不符合条目数（按测评项目）" in categories and '<c:showVal val="1"/>' in categories
    assert '<c:majorUnit val="1"/>' in categories


def test_a_round_without_findings_says_so(catalog: Catalog, tmp_path: Path) -> None:
    """A round opened but not yet recorded in: the summary says there is nothing to score,
    under the empty site table, and draws no charts (no sites to rate, twelve zeros of
    failures), where it printed a bare header row and a page of a chart with no bars."""
    path = _acceptance(catalog, ListSource([]), tmp_path / "empty.xlsx")
    ws = openpyxl.load_workbook(path)["验收汇总"]
    assert _row(ws, 3)[0] == "点位编号"
    assert _row(ws, 4)[0] == "本轮次尚未记录任何点位的检查结果，没有可验收的点位。"
    with zipfile.ZipFile(path) as book:
        assert not [name for name in book.namelist() if name.startswith("xl/charts/")]


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_full_score_prints_whole(catalog: Catalog, tmp_path: Path) -> None:
    """A site that passes every item scores 100.00 %: the rate under 得分 prints whole, where
    it printed "###" (the column held 92.37 %, not 100.00 %)."""
    items = ("CM-AD-01", "CM-EN-01", "NM-03-01", "NM-04-01")
    source = ListSource([finding("M1", item, "pass") for item in items])
    path = _acceptance(catalog, source, tmp_path / "full.xlsx")
    text = pdf_text(to_pdf(path, tmp_path))
    if text is not None:
        [form] = [page for page in text.split("\f") if "验收人（签字）" in page]
        assert "###" not in form and "100.00%" in form, form


def test_same_date_same_bytes(catalog: Catalog, source: ListSource, tmp_path: Path) -> None:
    one = _acceptance(catalog, source, tmp_path / "1.xlsx").read_bytes()
    two = _acceptance(catalog, source, tmp_path / "2.xlsx").read_bytes()
    assert one == two
    later = tmp_path / "3.xlsx"
    _acceptance(catalog, source, later, as_of=dt.date(2026, 8, 11))
    props = openpyxl.load_workbook(later).properties
    assert props.created == props.modified == dt.datetime(2026, 8, 11)
    assert _ledger(catalog, source, tmp_path / "4.xlsx").read_bytes() == (
        _ledger(catalog, source, tmp_path / "5.xlsx").read_bytes()
    )


def test_english_workbook(catalog: Catalog, source: ListSource, tmp_path: Path) -> None:
    set_language("en")
    wb = openpyxl.load_workbook(_acceptance(catalog, source, tmp_path / "en.xlsx"))
    assert wb.sheetnames[0] == "Summary"
    ws = wb["Summary"]
    assert _row(ws, 3)[:4] == ["Site ID", "Site", "Site type", "Level"]
    assert _row(ws, 4)[2:4] == ["Farmers' market", "city"]
    assert ws["J4"].value == "basically met"
    assert ws["J5"].value == "not met (veto)" and ws["J6"].value == "incomplete"
    wb = openpyxl.load_workbook(_ledger(catalog, source, tmp_path / "en2.xlsx"))
    assert wb.sheetnames[:2] == ["All units", "Data"]
    assert wb.worksheets[0].cell(3, 9).value == "Days and due date"
    assert wb.worksheets[0].cell(4, 9).value == "3 working day(s)\n2026-06-05"
    assert wb.worksheets[1].cell(3, 16).value == "Days to fix"


@pytest.mark.parametrize(
    ("name", "taken", "expected"),
    [
        ("测试市场管理公司", (), "测试市场管理公司"),
        ("a/b:c*d?e[f]g\\h", (), "a_b_c_d_e_f_g_h"),
        ("x" * 40, (), "x" * 31),
        ("Unit", ("unit",), "Unit(2)"),
        ("x" * 40, ("x" * 31,), "x" * 28 + "(2)"),
        ("'quoted'", (), "quoted"),
        ("", (), "Sheet"),
        ("History", (), "History(2)"),
    ],
)
def test_sheet_names_are_valid_and_unique(name: str, taken: tuple[str, ...], expected: str) -> None:
    result = sheet_name(name, taken)
    assert result == expected
    assert len(result) <= 31


def test_cjk_counts_double() -> None:
    assert text_width("点位ab") == 6
    assert text_width("ab\n测评内容") == 8
