"""Issue 13 point 4: every bad input gets a clear message with its place, and nothing is written."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from checklist_helpers import Row, bundled_workspace, days_ago, fill, item_rows, set_cell
from conftest import RunCli

INSPECTOR = "王督导"


def _cli(run_cli: RunCli, ws: Path, *args: str) -> object:
    return run_cli("-w", str(ws), *args, env={"INSPECT_INSPECTOR": INSPECTOR, "COLUMNS": "200"})


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A workspace with an open round and one exported, filled checklist (kept pristine)."""
    from typer.testing import CliRunner

    from qingyang_inspect.cli.app import app

    root = tmp_path_factory.mktemp("office")
    ws = bundled_workspace(root / "ws")
    runner = CliRunner()
    env = {"INSPECT_INSPECTOR": INSPECTOR}
    date = (days_ago(1) - dt.timedelta(days=1)).isoformat()
    for args in (
        ["round", "open", "督导", "--kind", "supervision", "--date", date],
        ["checklist", "export", "--round", "督导", "--site", "QY-C-03", "-o", str(root / "out")],
    ):
        done = runner.invoke(app, ["-w", str(ws), *args], env=env)
        assert done.exit_code == 0, done.stderr
    book = root / "out" / "督导-QY-C-03.xlsx"
    fill(book, INSPECTOR, days_ago(1).isoformat(), [Row("CM-AD-06", "符合")])
    return ws, book


@pytest.fixture
def setup(office: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A fresh copy of the workspace and the filled workbook."""
    ws = tmp_path / "ws"
    shutil.copytree(office[0], ws)
    book = tmp_path / office[1].name
    shutil.copy(office[1], book)
    return ws, book


def _refused(run_cli: RunCli, ws: Path, *args: str) -> str:
    """Import, expect a refusal with nothing recorded; the error lines."""
    done = _cli(run_cli, ws, "import", *args)
    assert done.exit_code == 1, done.stderr  # type: ignore[attr-defined]
    assert "未记录任何内容" in done.stderr  # type: ignore[attr-defined]
    listed = _cli(run_cli, ws, "findings", "list", "-f", "json")
    assert json.loads(listed.stdout) == []  # type: ignore[attr-defined]
    return str(done.stderr)  # type: ignore[attr-defined]


def test_a_workbook_not_made_by_checklist_export(
    run_cli: RunCli, setup: tuple[Path, Path], tmp_path: Path
) -> None:
    ws, _book = setup
    plain = tmp_path / "自己做的表.xlsx"
    book = openpyxl.Workbook()
    book.active["C3"] = "符合"
    book.save(plain)
    assert "自己做的表.xlsx: 不是 inspect checklist export 生成的检查表" in _refused(
        run_cli, ws, str(plain)
    )


def test_a_changed_item_id(run_cli: RunCli, setup: tuple[Path, Path]) -> None:
    ws, book = setup
    row = item_rows(book)["XX-01-01"]
    set_cell(book, f"A{row}", "XX-01-09")
    errors = _refused(run_cli, ws, str(book))
    assert (
        f"督导-QY-C-03.xlsx!QY-C-03!A{row}: 条目编号被改为 'XX-01-09'，导出时为 XX-01-01" in errors
    )


def test_an_edited_hidden_sheet(run_cli: RunCli, setup: tuple[Path, Path]) -> None:
    ws, book = setup
    wb = openpyxl.load_workbook(book)
    meta = wb["_inspect"]
    site_row = next(r for r in range(1, 10) if meta.cell(r, 1).value == "site")
    meta.cell(site_row, 2).value = "QY-C-05"
    wb.save(book)
    assert "检查表的隐藏信息被改动过" in _refused(run_cli, ws, str(book))


def test_a_closed_round(run_cli: RunCli, setup: tuple[Path, Path]) -> None:
    ws, book = setup
    assert _cli(run_cli, ws, "round", "close", "督导").exit_code == 0  # type: ignore[attr-defined]
    assert "轮次“督导”已关闭" in _refused(run_cli, ws, str(book))
    exported = _cli(run_cli, ws, "checklist", "export", "--round", "督导")
    assert exported.exit_code == 2 and "已关闭" in exported.stderr  # type: ignore[attr-defined]


def test_a_workbook_from_other_content(
    run_cli: RunCli, setup: tuple[Path, Path], tmp_path: Path
) -> None:
    """Another workspace whose round has the same name but another standard's content."""
    _ws, book = setup
    other = bundled_workspace(tmp_path / "other")
    standard = other / "standards" / "standard.yaml"
    standard.write_text(
        standard.read_text(encoding="utf-8").replace("version: ", "version: 9", 1),
        encoding="utf-8",
    )
    date = (days_ago(1) - dt.timedelta(days=1)).isoformat()
    opened = _cli(run_cli, other, "round", "open", "督导", "--kind", "supervision", "--date", date)
    assert opened.exit_code == 0, opened.stderr  # type: ignore[attr-defined]
    errors = _refused(run_cli, other, str(book))
    assert "来自其他测评标准或其他工作区" in errors


def test_a_missing_photo_and_every_problem_at_once(
    run_cli: RunCli, setup: tuple[Path, Path]
) -> None:
    ws, book = setup
    rows = item_rows(book)
    fill(
        book,
        None,
        None,
        [
            Row("XX-01-01", "不符合", count=1, note="烟蒂", photo_name="不存在.jpg"),
            Row("XX-01-02", "不适用"),  # n/a without a reason
            Row("XX-01-03", "符合", count="两"),
        ],
    )
    errors = _refused(run_cli, ws, str(book))
    place = "督导-QY-C-03.xlsx!QY-C-03!"
    assert f"{place}G{rows['XX-01-01']}: 照片 '不存在.jpg' 不存在" in errors
    assert f"{place}C{rows['XX-01-02']}: " in errors
    assert f"{place}D{rows['XX-01-03']}: 例数 '两' 不是整数" in errors


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("旧格式.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "不支持 .xls 文件"),
        ("导出.csv", "编号,结果\nXX-01-01,符合\n".encode(), "CSV 文件不能导入"),
        # An encrypted .xlsx is an OLE2 container (as Excel and WPS write it).
        ("加密.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "工作簿设有打开密码"),
        ("空白.xlsx", b"", "不是 .xlsx 工作簿"),
    ],
)
def test_files_that_are_not_checklists(
    run_cli: RunCli,
    setup: tuple[Path, Path],
    tmp_path: Path,
    name: str,
    content: bytes,
    expected: str,
) -> None:
    ws, book = setup
    path = tmp_path / name
    path.write_bytes(content)
    # The good workbook beside it is not recorded either.
    errors = _refused(run_cli, ws, str(path), str(book))
    assert f"{name}: {expected}" in errors


def test_a_damaged_workbook(run_cli: RunCli, setup: tuple[Path, Path], tmp_path: Path) -> None:
    ws, book = setup
    broken = tmp_path / "损坏.xlsx"
    broken.write_bytes(book.read_bytes()[: book.stat().st_size // 2])
    errors = _refused(run_cli, ws, str(broken))
    # why, in Chinese: not the reading library's English ("File is not a zip file")
    why = "文件不完整或不是 zip 格式，可能在传输中被截断"
    assert f"损坏.xlsx: 工作簿已损坏，无法读取（{why}）" in errors
    assert "zip file" not in errors


def test_a_bundle_given_to_import_points_to_merge(
    run_cli: RunCli, setup: tuple[Path, Path], tmp_path: Path
) -> None:
    ws, _book = setup
    bundle = tmp_path / "王督导-0612.zip"
    exported = _cli(run_cli, ws, "export-findings", "-o", str(bundle))
    assert exported.exit_code == 0, exported.stderr  # type: ignore[attr-defined]
    errors = _refused(run_cli, ws, str(bundle))
    assert "王督导-0612.zip: 是 .zip 文件，不是检查表工作簿" in errors
    assert "数据包请用 inspect merge 合并" in errors
    assert "openpyxl" not in errors


@pytest.mark.parametrize("order", ["missing first", "missing last"])
def test_a_path_that_does_not_exist_is_a_usage_error_and_nothing_is_recorded(
    run_cli: RunCli, setup: tuple[Path, Path], tmp_path: Path, order: str
) -> None:
    """As ``validate`` does: the wrong path is refused (exit 2) before any workbook is read,
    even when the other paths name good workbooks."""
    ws, book = setup
    missing = str(tmp_path / "回收")
    paths = [missing, str(book)] if order == "missing first" else [str(book), missing]
    done = _cli(run_cli, ws, "import", *paths)
    assert done.exit_code == 2, done.stderr  # type: ignore[attr-defined]
    errors = str(done.stderr)  # type: ignore[attr-defined]
    assert "回收: 文件不存在" in errors
    assert "提示: 检查路径和文件名（含 .xlsx）；也可给出存放检查表的文件夹" in errors
    listed = _cli(run_cli, ws, "findings", "list", "-f", "json")
    assert json.loads(listed.stdout) == []  # type: ignore[attr-defined]


def test_a_folder_without_workbooks_is_a_usage_error(
    run_cli: RunCli, setup: tuple[Path, Path], tmp_path: Path
) -> None:
    ws, book = setup
    (tmp_path / "空").mkdir()
    done = _cli(run_cli, ws, "--lang", "en", "import", str(book), str(tmp_path / "空"))
    assert done.exit_code == 2, done.stderr  # type: ignore[attr-defined]
    assert "空: the folder holds no .xlsx file" in done.stderr  # type: ignore[attr-defined]
    listed = _cli(run_cli, ws, "findings", "list", "-f", "json")
    assert json.loads(listed.stdout) == []  # type: ignore[attr-defined]


def test_the_fields_words_for_results_are_taken(run_cli: RunCli, setup: tuple[Path, Path]) -> None:
    """合格 / 不合格 typed into 结果 (not from the drop-down) mean 符合 / 不符合, as in the walk."""
    ws, book = setup
    rows = [Row("CM-AD-06", "合格"), Row("XX-01-01", "不合格", count=1, note="烟蒂")]
    fill(book, None, None, rows)
    done = _cli(run_cli, ws, "import", str(book))
    assert done.exit_code == 0, done.stderr  # type: ignore[attr-defined]
    listed = _cli(run_cli, ws, "findings", "list", "-f", "json")
    found = json.loads(listed.stdout)  # type: ignore[attr-defined]
    assert {f["item_id"]: f["result"] for f in found} == {"CM-AD-06": "pass", "XX-01-01": "fail"}


def test_english(run_cli: RunCli, setup: tuple[Path, Path]) -> None:
    ws, book = setup
    fill(book, None, None, [Row("XX-01-02", "Passt")])
    done = _cli(run_cli, ws, "--lang", "en", "import", str(book))
    assert done.exit_code == 1
    assert "督导-QY-C-03.xlsx!QY-C-03!C" in done.stderr  # type: ignore[attr-defined]
    assert ": Result 'Passt' is not pass/fail/n/a" in done.stderr  # type: ignore[attr-defined]
    assert "nothing was recorded" in done.stderr  # type: ignore[attr-defined]
