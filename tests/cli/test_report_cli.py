"""``inspect report`` end to end: the worked example recorded through the real CLI.

A copy of the minimal workspace gets the supervision round (with photos,
rectification, a passed and a rejected re-check) and the acceptance round of
``tests/worked_example.py`` through ``inspect round open``, ``record``,
``rectify``, ``recheck`` and ``findings void``; the reports are then written
in every format and compared with the hand-computed values.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from PIL import Image
from typer.testing import CliRunner, Result

from qingyang_inspect.i18n import set_language
from worked_example import EXPECTED, LEDGER_HEADERS_ZH, MINIMAL, RANKS

ROUND = "2026验收"
AS_OF = "2026-08-10"
ENV = {"INSPECT_INSPECTOR": "张检查", "COLUMNS": "200"}


def _run(ws: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    from qingyang_inspect.cli.app import app

    set_language("zh")
    result = CliRunner().invoke(
        app, ["--workspace", str(ws), *args], env={**ENV, **(env or {})}, catch_exceptions=False
    )
    return result


def _ok(ws: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = _run(ws, *args, env=env)
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    return result.stdout.strip()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal workspace with both rounds of the worked example recorded."""
    ws = tmp_path_factory.mktemp("reports") / "ws"
    shutil.copytree(MINIMAL, ws)
    before, after = ws / "before.jpg", ws / "after.jpg"
    Image.new("RGB", (640, 480), "red").save(before)
    Image.new("RGB", (640, 480), "green").save(after)

    _ok(ws, "round", "open", "2026督导第1轮", "--kind", "supervision", "--date", "2026-06-02")
    rec = ("record", "--at")
    f1 = _ok(
        ws,
        *rec,
        "2026-06-02 09:00",
        "--site",
        "M1",
        "--item",
        "CM-EN-01",
        "--result",
        "fail",
        "--count",
        "2",
        "--note",
        "垃圾桶满溢",
        "--photo",
        str(before),
    )
    f2 = _ok(
        ws,
        *rec,
        "2026-06-02 10:00",
        "--site",
        "M2",
        "--item",
        "CM-AD-01",
        "--result",
        "fail",
        "--note",
        "@公益广告褪色",
    )
    f3 = _ok(
        ws,
        *rec,
        "2026-06-03 09:00",
        "--site",
        "A1",
        "--item",
        "CM-SF-01",
        "--result",
        "fail",
        "--note",
        "+消防通道堆放杂物",
    )
    # Each step dated when it happened (the reports are read as of 2026-08-10).
    _ok(
        ws,
        "rectify",
        f1,
        "--at",
        "2026-06-04 15:00",
        "--note",
        "已清运并增加清运频次",
        "--photo",
        str(after),
    )
    _ok(ws, "recheck", f1, "--at", "2026-06-05 10:00", "--pass")
    _ok(ws, "rectify", f2, "--at", "2026-06-06 16:00", "--note", "已更换画面")
    _ok(ws, "rectify", f3, "--at", "2026-06-08 11:00", "--note", "已清理")
    _ok(ws, "recheck", f3, "--at", "2026-06-09 09:30", "--reject", "--note", "仍有杂物")
    _ok(ws, "round", "close", "2026督导第1轮")

    _ok(ws, "round", "open", ROUND, "--kind", "acceptance", "--date", "2026-08-03")
    at = "2026-08-03 10:00"
    for site, item in (("M1", "CM-AD-01"), ("M1", "NM-03-01"), ("M1", "NM-04-01")):
        _ok(ws, *rec, at, "--site", site, "--item", item, "--result", "pass")
    _ok(
        ws,
        *rec,
        at,
        "--site",
        "A1",
        "--item",
        "CM-AD-01",
        "--result",
        "pass",
        env={"INSPECT_INSPECTOR": "李复核"},
    )
    mistake = _ok(
        ws, *rec, at, "--site", "A1", "--item", "CM-AD-01", "--result", "fail", "--note", "误录"
    )
    _ok(ws, "findings", "void", mistake, "--at", "2026-08-03 10:05", "--reason", "误录")
    for site, item, count, note, extra in (
        ("M1", "CM-EN-01", "1", "入口处积存垃圾", ()),
        ("M1", "CM-EN-01", "1", "水产区地面垃圾", ("--on-spot",)),
        ("M2", "CM-EN-01", "7", "多处积存垃圾", ()),
        ("M2", "NM-03-01", "2", "排水沟堵塞积水", ()),
        ("A1", "CM-EN-01", "1", "=巷口堆放杂物", ()),
        ("A1", "CM-SF-01", "1", "消防通道被电动车堵塞", ()),
    ):
        _ok(
            ws,
            *rec,
            at,
            "--site",
            site,
            "--item",
            item,
            "--result",
            "fail",
            "--count",
            count,
            "--note",
            note,
            *extra,
        )
    _ok(
        ws,
        *rec,
        at,
        "--site",
        "M2",
        "--item",
        "NM-04-01",
        "--result",
        "na",
        "--note",
        "市场装修，暂无经营户",
    )
    return ws


def _acceptance_xlsx(ws: Path, out: Path, *extra: str) -> openpyxl.Workbook:
    _ok(ws, "report", "acceptance", "--round", ROUND, "--as-of", AS_OF, "-o", str(out), *extra)
    return openpyxl.load_workbook(out)


def test_acceptance_scores_agree_in_xlsx_table_and_json(workspace: Path, tmp_path: Path) -> None:
    wb = _acceptance_xlsx(workspace, tmp_path / "a.xlsx")
    summary = wb["验收汇总"]
    xlsx = {
        summary.cell(r, 1).value: [summary.cell(r, c).value for c in (7, 8, 9, 10, 14)]
        for r in range(4, 7)
    }
    data = json.loads(
        _ok(workspace, "report", "acceptance", "--round", ROUND, "--as-of", AS_OF, "-f", "json")
    )
    sites = {s["site_id"]: s for s in data["summary"]["sites"]}
    table = _ok(
        workspace, "report", "acceptance", "--round", ROUND, "--as-of", AS_OF, "-f", "table"
    )
    for site_id, (possible, earned, rate, _verdict, _incomplete, _cov) in EXPECTED.items():
        x_possible, x_earned, x_rate, x_verdict, x_rank = xlsx[site_id]
        j = sites[site_id]
        assert x_possible == j["possible"] == float(possible)
        assert x_earned == j["earned"] == float(earned)
        assert round(x_rate * 100, 2) == j["rate"] == float(rate)
        assert x_verdict == j["verdict_label"]
        assert x_rank == j["rank"] == RANKS[site_id]
        line = next(line for line in table.splitlines() if re.match(rf"\s*{site_id}\s", line))
        assert re.search(rf"{possible:.2f}.*{earned:.2f}.*{rate}%.*{x_verdict}", line), line


def test_acceptance_table_for_one_site(workspace: Path) -> None:
    out = _ok(
        workspace,
        "report",
        "acceptance",
        "--round",
        ROUND,
        "--site",
        "A1",
        "--as-of",
        AS_OF,
        "-f",
        "table",
    )
    assert "验收评分表：A1 测试小巷" in out and "不达标（一票否决）" in out
    # Site M1 is not shown (a random problem number such as 9M1FV4C77Z may hold "M1").
    assert re.search(r"(?<![0-9A-Z])M1(?![0-9A-Z])", out) is None


def test_ledger_in_every_format(workspace: Path, tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    photos = tmp_path / "照片"
    _ok(workspace, "report", "rectification", "--as-of", AS_OF, "-o", str(path),
        "--photos-dir", str(photos))  # fmt: skip
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [
        "全部单位", "台账数据", "测试市场管理公司", "第二市场管理公司", "草堂街道办事处",
    ]  # fmt: skip
    ws = wb["台账数据"]
    assert [c.value for c in ws[3]] == LEDGER_HEADERS_ZH
    assert ws.max_row == 12
    first = [c.value for c in ws[4]]
    # closed on 06-05, two days after its due date (06-03): closed late
    assert first[17:22] == ["逾期销号（2天）", "否", first[19], first[20], "通过"]
    assert first[19].startswith("已清运并增加清运频次（测试市场管理公司，")
    # the photos, copied out under the problem's number, named on the data sheet
    number = first[1]
    assert (first[12], first[20]) == (f"{number}-问题-1.jpg", f"{number}-整改后-1.jpg")
    assert sorted(p.name for p in photos.iterdir()) == sorted([first[12], first[20]])
    # the before and after photos side by side on the printable ledger, in their cells
    printed = wb["全部单位"]
    anchors = sorted((img.anchor._from.row, img.anchor._from.col) for img in printed._images)
    assert anchors == [(3, 4), (3, 5)]
    formula = next(ws.cell(r, 11) for r in range(4, 13) if ws.cell(r, 11).value == "=巷口堆放杂物")
    assert formula.data_type == "s"

    csv_text = _ok(workspace, "report", "rectification", "--as-of", AS_OF, "-f", "csv")
    assert csv_text.startswith("\ufeff序号,问题编号,轮次,发现日期")
    assert "'=巷口堆放杂物" in csv_text
    data = json.loads(
        _ok(
            workspace,
            "report",
            "rectification",
            "--as-of",
            AS_OF,
            "-f",
            "json",
            "--status",
            "open",
            "--round",
            ROUND,
        )
    )
    assert data["count"] == 5 and {r["status"] for r in data["rows"]} == {"open"}
    table = _run(
        workspace,
        "report",
        "rectification",
        "--as-of",
        AS_OF,
        "-f",
        "table",
        "--unit",
        "草堂街道办事处",
    )
    assert table.exit_code == 0, table.stderr
    assert "责任单位：草堂街道办事处" in table.stdout and "统计截至：2026年8月10日" in table.stdout
    assert "整改台账共 3 条问题" in table.stderr


def test_photos_dir_must_be_a_folder(workspace: Path) -> None:
    result = _run(
        workspace, "report", "rectification", "--photos-dir", str(workspace / "inspect.toml")
    )
    assert result.exit_code == 2 and "不是目录" in result.stderr


def test_a3_ledger(workspace: Path, tmp_path: Path) -> None:
    path = tmp_path / "a3.xlsx"
    _ok(workspace, "report", "rectification", "--as-of", AS_OF, "--paper", "a3", "-o", str(path))
    wb = openpyxl.load_workbook(path)
    printed, data = wb["全部单位"], wb["台账数据"]
    assert str(printed.page_setup.paperSize) == "8"  # A3
    # enlarged to fill the A3 page's width (not shrunk to fit it)
    assert printed.page_setup.scale > 100 and not printed.sheet_properties.pageSetUpPr.fitToPage
    assert str(data.page_setup.paperSize) == "9"  # the data sheet stays A4


def test_as_of_makes_reports_reproducible(workspace: Path, tmp_path: Path) -> None:
    for kind, extra in (("acceptance", ("--round", ROUND)), ("rectification", ())):
        one, two = tmp_path / f"{kind}1.xlsx", tmp_path / f"{kind}2.xlsx"
        _ok(workspace, "report", kind, *extra, "--as-of", AS_OF, "-o", str(one))
        _ok(workspace, "report", kind, *extra, "--as-of", AS_OF, "-o", str(two))
        assert one.read_bytes() == two.read_bytes(), kind
    earlier = tmp_path / "earlier.xlsx"
    _ok(workspace, "report", "rectification", "--as-of", "2026-06-04", "-o", str(earlier))
    ws = openpyxl.load_workbook(earlier)["台账数据"]
    # As it stood at the end of 06-04: the first problem rectified that afternoon but not yet
    # re-checked, a day past its due date (overdue then, closed late the next day); the
    # others not yet due, not yet rectified; nothing of the August round.
    rows = [[ws.cell(r, c).value for c in (3, 18, 19)] for r in range(4, ws.max_row + 1)]
    assert rows == [
        ["2026督导第1轮", "已整改待复查", "是"],
        ["2026督导第1轮", "待整改", "否"],
        ["2026督导第1轮", "待整改", "否"],
    ]
    assert ws.cell(4, 20).value == "已清运并增加清运频次（测试市场管理公司，2026-06-04）"
    assert ws.cell(5, 20).value is None


def test_default_name_and_refused_overwrite(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ("report", "acceptance", "--round", ROUND, "--as-of", AS_OF)
    result = _run(workspace, *args)
    assert result.exit_code == 0, result.stderr
    target = tmp_path / "验收报告-2026验收-2026-08-10.xlsx"
    assert target.is_file() and "已写入" in result.stderr
    target.write_bytes(b"keep me")
    result = _run(workspace, *args)
    assert result.exit_code == 2
    assert "已存在" in result.stderr and "--force" in result.stderr
    assert target.read_bytes() == b"keep me"
    assert _run(workspace, *args, "--force").exit_code == 0
    assert openpyxl.load_workbook(target).sheetnames[0] == "验收汇总"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []

    ledger = _run(
        workspace, "report", "rectification", "--round", "2026督导第1轮", "--as-of", AS_OF
    )
    assert ledger.exit_code == 0
    assert (tmp_path / "整改台账-2026督导第1轮-2026-08-10.xlsx").is_file()

    # a unit's ledger: its own name in the file name, every sheet labelled with the unit
    unit = _run(workspace, "report", "rectification", "--unit", "草堂街道办事处", "--as-of", AS_OF)
    assert unit.exit_code == 0, unit.stderr
    path = tmp_path / "整改台账-草堂街道办事处-全部-2026-08-10.xlsx"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["草堂街道办事处", "台账数据"]
    for sheet in wb.worksheets:
        assert sheet["A2"].value.startswith("轮次：全部　责任单位：草堂街道办事处")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("report", "acceptance", "--round", "没有这一轮"), "没有这一轮"),
        (("report", "acceptance", "--round", ROUND, "--as-of", "2026-13-01"), "--as-of"),
        (("report", "rectification", "--unit", "草堂街道办"), "草堂街道办事处"),
        (("report", "rectification", "--round", "2026验"), "2026验"),
        (("report", "acceptance", "--round", ROUND, "--site", "m1"), "M1"),
        (("report", "acceptance", "--round", ROUND, "-o", "/nonexistent/dir/a.xlsx"), "不存在"),
        (("report", "rectification", "-f", "csv", "--photos-dir", "照片"), "只用于 xlsx"),
        (("report", "rectification", "--paper", "a5"), "a5"),
        # before the round began: not an empty summary, as if no site were inspected
        (
            ("report", "acceptance", "--round", ROUND, "--as-of", "2026-08-02", "-f", "json"),
            f"轮次 {ROUND} 的日期是 2026-08-03，截至 2026-08-02 尚未开始",
        ),
    ],
)
def test_bad_input_exits_2_with_a_message(
    workspace: Path, args: tuple[str, ...], message: str
) -> None:
    result = _run(workspace, *args)
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_english(workspace: Path, tmp_path: Path) -> None:
    wb = _acceptance_xlsx(workspace, tmp_path / "en.xlsx", "--force")
    del wb
    path = tmp_path / "en2.xlsx"
    _ok(
        workspace,
        "--lang",
        "en",
        "report",
        "acceptance",
        "--round",
        ROUND,
        "--as-of",
        AS_OF,
        "-o",
        str(path),
    )
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Summary"
    assert wb["Summary"]["J6"].value == "incomplete"


def test_through_a_real_process(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "proc.xlsx"
    env = {**os.environ, "INSPECT_LANG": "zh"}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "qingyang_inspect",
            "--workspace",
            str(workspace),
            "report",
            "acceptance",
            "--round",
            ROUND,
            "--as-of",
            AS_OF,
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert openpyxl.load_workbook(out)["验收汇总"]["I4"].value == 0.925
    assert "\x1b[" not in proc.stderr  # no progress bar when stderr is not a terminal


def test_a_changed_standard_is_pointed_out(workspace: Path, tmp_path: Path) -> None:
    copy = tmp_path / "ws"
    shutil.copytree(workspace, copy)
    standard = copy / "standards" / "standard.yaml"
    standard.write_text(
        standard.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "1.1"'),
        encoding="utf-8",
    )
    result = _run(copy, "report", "acceptance", "--round", ROUND, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "标准 test-standard（version 1.0→1.1）" in result.stderr
    assert json.loads(result.stdout)["standard"]["version"] == "1.0"  # as pinned by the round


def test_a_closed_rounds_reports_stay_byte_identical_after_the_files_change(
    workspace: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "ws"
    shutil.copytree(workspace, copy)
    _ok(copy, "round", "close", ROUND)
    reports = {
        "acceptance.xlsx": ("report", "acceptance", "--round", ROUND, "--as-of", AS_OF),
        "acceptance.json": (
            "report",
            "acceptance",
            "--round",
            ROUND,
            "--as-of",
            AS_OF,
            "-f",
            "json",
        ),
        "ledger.xlsx": ("report", "rectification", "--round", ROUND, "--as-of", AS_OF),
        "ledger.csv": ("report", "rectification", "--round", ROUND, "--as-of", AS_OF, "-f", "csv"),
    }

    def write(folder: Path) -> dict[str, bytes]:
        folder.mkdir()
        for name, args in reports.items():
            if name.endswith(".xlsx"):
                _ok(copy, *args, "-o", str(folder / name))
            else:
                (folder / name).write_text(_ok(copy, *args), encoding="utf-8")
        return {name: (folder / name).read_bytes() for name in reports}

    before = write(tmp_path / "before")
    # Points of a scored item ×10 and a site renamed, the standard's version left as it was.
    standard = copy / "standards" / "standard.yaml"
    text = standard.read_text(encoding="utf-8")
    assert text.count("points: 6\n") == 1
    standard.write_text(text.replace("points: 6\n", "points: 60\n"), encoding="utf-8")
    sites = copy / "sites" / "sites.yaml"
    sites.write_text(
        sites.read_text(encoding="utf-8").replace("name: 测试农贸市场", "name: 测试农贸市场（新）"),
        encoding="utf-8",
    )
    after = write(tmp_path / "after")
    assert after == before
    assert json.loads(before["acceptance.json"])["summary"]["sites"]  # a real report

    listed = _run(copy, "round", "list")
    assert listed.exit_code == 0, listed.stderr
    line = next(line for line in listed.stdout.splitlines() if line.lstrip().startswith(ROUND))
    assert line.split()[-1] == "处" and line.split()[-2] == "2"  # two changes: named below
    assert (
        f"轮次“{ROUND}”开设后文件有改动（仍按开设时的内容评分）：条目 CM-EN-01（points 6→60）；"
        "点位 M1（name 测试农贸市场→测试农贸市场（新））"
    ) in listed.stdout
    rounds = json.loads(_ok(copy, "round", "list", "-f", "json"))
    changed = next(r for r in rounds if r["name"] == ROUND)["changed"]
    assert {"part": "item", "id": "CM-EN-01", "how": "changed", "fields": ["points"],
            "values": {"points": [6, 60]}} in changed  # fmt: skip
    # A report of the round says so; re-pinning adopts the files, with a reason, as an event.
    warned = _run(copy, *reports["acceptance.json"])
    assert "条目 CM-EN-01（points 6→60）" in warned.stderr
    _ok(copy, "round", "repin", ROUND, "--reason", "按通知更正分值")
    # As of 08-10 the round was scored by the content it opened with; from the re-pin on,
    # by the files.
    assert _ok(copy, *reports["acceptance.json"]).encode() == before["acceptance.json"]
    now = json.loads(_ok(copy, "report", "acceptance", "--round", ROUND, "-f", "json"))
    m1 = next(s for s in now["summary"]["sites"] if s["site_id"] == "M1")
    assert (m1["site_name"], m1["possible"]) == ("测试农贸市场（新）", 76.0)
    assert f"轮次“{ROUND}”开设后" not in _run(copy, "round", "list").stdout
