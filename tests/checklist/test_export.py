"""The exported checklist as Excel, WPS and LibreOffice see it: read back with openpyxl, and
printed through LibreOffice."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from checklist_helpers import bundled_workspace, days_ago, item_rows
from conftest import RunCli
from office import SOFFICE, to_pdf
from qingyang_inspect.checklist.form import FORMAT, META_SHEET

INSPECTOR = "王督导"


def _cli(run_cli: RunCli, ws: Path, *args: str) -> object:
    return run_cli("-w", str(ws), *args, env={"INSPECT_INSPECTOR": INSPECTOR, "COLUMNS": "200"})


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from qingyang_inspect.cli.app import app

    root = tmp_path_factory.mktemp("export")
    ws = bundled_workspace(root / "ws")
    runner = CliRunner()
    date = (days_ago(1) - dt.timedelta(days=1)).isoformat()
    for args in (
        ["round", "open", "督导", "--kind", "supervision", "--date", date],
        ["checklist", "export", "--round", "督导", "--street", "草堂街道", "-o", str(root / "out")],
    ):
        done = runner.invoke(app, ["-w", str(ws), *args], env={"INSPECT_INSPECTOR": INSPECTOR})
        assert done.exit_code == 0, done.stderr
    return root / "out"


def test_one_workbook_per_site_of_the_street(exported: Path) -> None:
    names = sorted(p.name for p in exported.glob("*.xlsx"))
    assert "督导-QY-C-03.xlsx" in names  # 草堂小学 is on 草堂街道
    assert all(name.startswith("督导-") for name in names)


def test_the_form_a_person_fills(exported: Path) -> None:
    book = openpyxl.load_workbook(exported / "督导-QY-C-03.xlsx")
    sheet = book.worksheets[0]
    assert sheet.title == "QY-C-03"
    assert book[META_SHEET].sheet_state == "veryHidden"
    assert book[META_SHEET]["B1"].value == FORMAT
    assert sheet.protection.sheet  # ids and texts locked
    rows = item_rows(exported / "督导-QY-C-03.xlsx")
    first = min(rows.values())
    frozen = int(str(sheet.freeze_panes).removeprefix("A"))  # the rows above stay in view
    header = [sheet.cell(frozen - 1, c).value for c in range(1, 10)]
    assert frozen <= first
    assert header == [
        "编号",
        "测评内容",
        "结果",
        "例数",
        "问题描述",
        "位置",
        "照片文件名",
        "立行立改",
        "检查时间",
    ]
    assert sheet[f"A{first}"].protection.locked
    assert not sheet[f"C{first}"].protection.locked
    assert sheet.column_dimensions["C"].width >= 10  # wide enough to tap on a phone
    lists = {
        str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"
    }
    assert '"符合,不符合,不适用"' in lists.values()
    assert '"是,否"' in lists.values()
    assert sheet.page_setup.orientation == "portrait"
    assert sheet.page_setup.paperSize == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    texts = [c.value for row in sheet.iter_rows(max_row=first) for c in row if c.value]
    assert "QY-C-03 成都市草堂小学" in texts
    assert "检查人" in texts and "检查日期" in texts


def test_english_labels(run_cli: RunCli, tmp_path: Path) -> None:
    ws = bundled_workspace(tmp_path / "ws")
    date = (days_ago(1) - dt.timedelta(days=1)).isoformat()
    _cli(run_cli, ws, "round", "open", "R", "--kind", "supervision", "--date", date)
    done = _cli(
        run_cli, ws, "--lang", "en", "checklist", "export", "--round", "R", "--site", "QY-C-03",
        "-o", str(tmp_path / "out"),
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr  # type: ignore[attr-defined]
    assert "wrote 1 checklist(s)" in done.stderr  # type: ignore[attr-defined]
    sheet = openpyxl.load_workbook(tmp_path / "out" / "R-QY-C-03.xlsx").worksheets[0]
    values = {c.value for row in sheet.iter_rows() for c in row}
    assert {"Result", "Inspector", "Date"} <= values
    # The label columns are wide enough for their longest English word (Chinese labels
    # need nothing more): printed, no label breaks mid-word ("Responsi / ble", "Coun / t").
    if SOFFICE is not None:
        from office import pdf_text

        text = pdf_text(to_pdf(tmp_path / "out" / "R-QY-C-03.xlsx", tmp_path))
        if text is not None:
            words = set(text.split())
            for word in ("Responsible", "Inspector", "Count", "Standard", "Location", "Fixed"):
                assert word in words, word


def test_label_columns_widen_for_english_words_only() -> None:
    from qingyang_inspect.checklist.form import COL
    from qingyang_inspect.render.xlsx.checklist import MIN_REQUIREMENT_WIDTH, label_widths

    widths = [9.0, 36.0, 10.0, 5.0]
    assert label_widths(widths, {0: ["责任单位", "检查人"], 3: ["例数"]}) == widths
    wider = label_widths(widths, {0: ["Responsible unit"], 3: ["Count"]})
    assert wider[0] >= 11 * 1.15 and wider[3] >= 5 * 1.15
    assert wider[2] == 10.0
    # The requirement column gives the width, down to its minimum.
    assert COL["requirement"] == 1
    assert wider[1] == max(MIN_REQUIREMENT_WIDTH, 36 - (wider[0] - 9) - (wider[3] - 5))


def test_an_existing_file_is_not_replaced_without_force(run_cli: RunCli, tmp_path: Path) -> None:
    ws = bundled_workspace(tmp_path / "ws")
    date = (days_ago(1) - dt.timedelta(days=1)).isoformat()
    _cli(run_cli, ws, "round", "open", "R", "--kind", "supervision", "--date", date)
    out = tmp_path / "out"
    args = ("checklist", "export", "--round", "R", "--site", "QY-C-03", "-o", str(out))
    assert _cli(run_cli, ws, *args).exit_code == 0  # type: ignore[attr-defined]
    again = _cli(run_cli, ws, *args)
    assert again.exit_code == 2  # type: ignore[attr-defined]
    assert _cli(run_cli, ws, *args, "--force").exit_code == 0  # type: ignore[attr-defined]


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_it_on_a4_portrait(exported: Path, tmp_path: Path) -> None:
    source = tmp_path / "督导-QY-C-03.xlsx"
    shutil.copy(exported / "督导-QY-C-03.xlsx", source)
    pdf = to_pdf(source, tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False)
    if info.returncode == 0:
        size = next(line for line in info.stdout.splitlines() if line.startswith("Page size"))
        width, height = (float(v) for v in size.split()[2:5:2])
        assert (round(width), round(height)) == (595, 842)  # A4 portrait, in points
        pages = int(next(x for x in info.stdout.splitlines() if x.startswith("Pages")).split()[1])
        assert 1 <= pages <= 4
    from office import pdf_text

    text = pdf_text(pdf)
    if text is not None:
        assert "成都市草堂小学" in text and "XX-01-01" in text and "检查人" in text
        # Every printed page names its site (in the footer): sheets filled in by hand
        # and carried back loose still say which site they are.
        pages = [page for page in text.split("\f") if page.strip()]
        assert len(pages) >= 2
        for page in pages:
            assert "成都市草堂小学" in page, page
