"""``inspect findings list|show|amend|void`` and ``inspect round …`` through the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.findings.select import FindingFilter, select_findings
from qingyang_inspect.store import Store
from qingyang_inspect.views.findings import finding_record
from qingyang_inspect.workspace import load_workspace
from store_helpers import cli


@pytest.fixture
def ws(run_cli: Any, minimal_workspace: Path) -> Path:
    """A round with four findings, one rectified and one voided."""
    ws = minimal_workspace

    def run(*args: str) -> str:
        result = cli(run_cli, ws, *args)
        assert result.exit_code == 0, result.stderr
        return str(result.stdout.strip())

    run("round", "open", "R1", "--kind", "supervision", "--date", "2026-06-01")
    dirty = run(
        "record",
        "--site",
        "M1",
        "--item",
        "CM-EN-01",
        "--result",
        "fail",
        "--at",
        "2026-06-02 09:00",
        "--note",
        "=1+1",
    )
    run(
        "record",
        "--site",
        "M1",
        "--item",
        "CM-AD-01",
        "--result",
        "pass",
        "--at",
        "2026-06-02 09:10",
    )
    floor = run(
        "record",
        "--site",
        "M2",
        "--item",
        "NM-03-01",
        "--result",
        "fail",
        "--count",
        "2",
        "--at",
        "2026-06-03 09:00",
    )
    gone = run(
        "record",
        "--site",
        "A1",
        "--item",
        "CM-EN-01",
        "--result",
        "fail",
        "--at",
        "2026-06-03 10:00",
    )
    run("rectify", floor, "--note", "已冲洗", "--at", "2026-06-05 10:00")
    run("findings", "void", gone, "--reason", "重复记录", "--at", "2026-06-03 11:00")
    (ws / "ids.json").write_text(json.dumps({"dirty": dirty, "floor": floor, "gone": gone}))
    return ws


def ids(ws: Path) -> dict[str, str]:
    loaded: dict[str, str] = json.loads((ws / "ids.json").read_text())
    return loaded


def listed(run_cli: Any, ws: Path, *args: str) -> list[str]:
    result = cli(run_cli, ws, "findings", "list", "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    return [f["id"] for f in json.loads(result.stdout)]


def test_list_json_is_the_librarys_records(run_cli: Any, ws: Path) -> None:
    result = cli(run_cli, ws, "findings", "list", "-f", "json", "--as-of", "2026-06-20")
    workspace = load_workspace(ws)
    catalog = load_workspace_catalog(workspace)
    import datetime as dt

    with Store.open(workspace, readonly=True) as store:
        expected = [
            finding_record(f, catalog, dt.date(2026, 6, 20))
            for f in select_findings(store, catalog, FindingFilter(as_of=dt.date(2026, 6, 20)))
        ]
    from qingyang_inspect.render.values import json_default

    assert json.loads(result.stdout) == json.loads(json.dumps(expected, default=json_default))
    assert len(expected) == 3 and all(r["overdue"] for r in expected if r["result"] == "fail")


def test_list_filters(run_cli: Any, ws: Path) -> None:
    f = ids(ws)
    assert len(listed(run_cli, ws)) == 3
    assert f["gone"] in listed(run_cli, ws, "--voided")
    assert listed(run_cli, ws, "--site", "M2") == [f["floor"]]
    assert listed(run_cli, ws, "--unit", "第二市场管理公司") == [f["floor"]]
    assert len(listed(run_cli, ws, "--street", "草堂街道")) == 2
    assert listed(run_cli, ws, "--item", "CM-EN-01") == [f["dirty"]]
    assert listed(run_cli, ws, "--status", "rectified") == [f["floor"]]
    assert listed(run_cli, ws, "--status", "open") == [f["dirty"]]
    assert listed(run_cli, ws, "--result", "fail") == [f["dirty"], f["floor"]]
    assert listed(run_cli, ws, "--overdue", "--as-of", "2026-06-02") == []
    assert listed(run_cli, ws, "--overdue", "--as-of", "2026-06-04") == [f["dirty"]]
    # floor: 5 working days from Wednesday 2026-06-03 → Wednesday 2026-06-10.
    assert listed(run_cli, ws, "--overdue", "--as-of", "2026-06-10") == [f["dirty"]]
    assert listed(run_cli, ws, "--overdue", "--as-of", "2026-06-11") == [f["dirty"], f["floor"]]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--round", "R9"], "未知轮次"),
        (["--status", "done"], "状态 'done' 无效"),
        (["--status", "逾期"], "提示: 逾期不是一种状态，而是按截止日期算出的：用 --overdue"),
        (["--unit", "第二市场"], "第二市场管理公司"),
        (["--as-of", "2026-6-31"], "只有 30 天"),
        (["--result", "bad"], "无效"),
    ],
)
def test_list_errors(run_cli: Any, ws: Path, args: list[str], words: str) -> None:
    result = cli(run_cli, ws, "findings", "list", *args)
    assert result.exit_code == 2 and words in result.stderr and "Traceback" not in result.stderr


def test_list_table(run_cli: Any, ws: Path) -> None:
    result = cli(run_cli, ws, "findings", "list", "--as-of", "2026-06-05")
    assert result.exit_code == 0
    assert ids(ws)["dirty"][-10:] in result.stdout and "待整改（逾期）" in result.stdout
    assert "已整改待复查" in result.stdout and "共 3 条记录" in result.stderr
    # As of the day before, the rectification had not happened yet.
    before = cli(run_cli, ws, "findings", "list", "--as-of", "2026-06-04")
    assert "已整改待复查" not in before.stdout and "共 3 条记录" in before.stderr
    empty = cli(run_cli, ws, "findings", "list", "--site", "M1", "--status", "closed")
    assert empty.stdout == "" and "没有符合条件的记录" in empty.stderr


def test_list_csv_has_a_bom_labels_and_safe_cells(run_cli: Any, ws: Path) -> None:
    result = cli(run_cli, ws, "findings", "list", "-f", "csv", "--result", "fail")
    assert result.exit_code == 0
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["记录标识"] for r in rows] == [ids(ws)["dirty"], ids(ws)["floor"]]
    assert [r["问题编号"] for r in rows] == [ids(ws)["dirty"][-10:], ids(ws)["floor"][-10:]]
    assert rows[0]["结果"] == "不符合" and rows[0]["状态"] == "待整改"
    assert rows[0]["说明"] == "'=1+1"  # never a formula in a spreadsheet
    assert rows[1]["例数"] == "2" and rows[1]["整改说明"] == "已冲洗"


def test_show_includes_voided_findings_and_their_history(run_cli: Any, ws: Path) -> None:
    gone = ids(ws)["gone"]
    result = cli(run_cli, ws, "findings", "show", gone, "-f", "json")
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    assert shown["finding"]["voided"] is True
    assert [(e["kind"], e["reason"]) for e in shown["events"]] == [
        ("recorded", None),
        ("voided", "重复记录"),
    ]
    table = cli(run_cli, ws, "findings", "show", gone).stdout
    assert "已作废" in table and "重复记录" in table
    missing = cli(run_cli, ws, "findings", "show", "01ZZZZZZZZZZ")
    assert missing.exit_code == 2 and "找不到" in missing.stderr


def test_show_as_of_before_the_finding_was_found_says_when_it_was(run_cli: Any, ws: Path) -> None:
    number = ids(ws)["floor"][-10:]
    before = cli(run_cli, ws, "findings", "show", number, "--as-of", "2026-06-02")
    assert before.exit_code == 2, before.output
    assert before.stderr == (
        f"错误: 问题 {number} 发现于 2026-06-03 09:00，截至 2026-06-02 尚未发现\n"
        "提示: --as-of 给出 2026-06-03 或之后的日期，或去掉 --as-of\n"
    )
    english = cli(run_cli, ws, "--lang", "en", "findings", "show", number, "--as-of", "2026-06-02")
    assert "was found on 2026-06-03 09:00: as of 2026-06-02 it was not found yet" in english.stderr
    assert cli(run_cli, ws, "findings", "show", number, "--as-of", "2026-06-03").exit_code == 0


def test_closing_a_round_with_problems_not_closed_says_their_work_goes_on(
    run_cli: Any, ws: Path
) -> None:
    closed = cli(run_cli, ws, "round", "close", "R1")
    assert closed.exit_code == 0, closed.stderr
    assert closed.stderr == (
        "已关闭轮次 R1\n"
        "该轮次还有 2 个问题未销号（待整改 1 个，已整改待复查 1 个）；"
        "关闭轮次后仍照常整改、复查，并列入整改台账\n"
    )  # the voided one is no problem
    floor = ids(ws)["floor"]
    assert cli(run_cli, ws, "recheck", floor, "--pass").exit_code == 0


@pytest.mark.parametrize("command", [["amend", "--count", "3"], ["void"]], ids=" ".join)
def test_a_missing_reason_says_how_to_give_one(run_cli: Any, ws: Path, command: list[str]) -> None:
    verb, *rest = command
    result = cli(run_cli, ws, "findings", verb, ids(ws)["dirty"], *rest)
    assert result.exit_code == 2
    assert result.stderr.startswith('错误: 必须用 --reason 说明原因\n提示: 例如 --reason "')


def test_amend_through_the_cli(run_cli: Any, ws: Path) -> None:
    dirty = ids(ws)["dirty"]
    no_reason = cli(run_cli, ws, "findings", "amend", dirty, "--count", "3")
    assert no_reason.exit_code == 2 and "--reason" in no_reason.stderr
    done = cli(
        run_cli,
        ws,
        "findings",
        "amend",
        dirty,
        "--count",
        "3",
        "--due",
        "2026-06-08",
        "--reason",
        "复核",
    )
    assert done.exit_code == 0, done.stderr
    shown = json.loads(cli(run_cli, ws, "findings", "show", dirty, "-f", "json").stdout)
    assert shown["finding"]["occurrences"] == 3 and shown["finding"]["due_date"] == "2026-06-08"
    last = shown["events"][-1]
    assert last["kind"] == "amended" and last["reason"] == "复核" and last["actor"] == "张三"
    assert last["data"] == {"occurrences": [1, 3], "due_date": ["2026-06-03", "2026-06-08"]}
    table = cli(run_cli, ws, "findings", "show", dirty).stdout
    assert "例数：1 → 3" in table
    nothing = cli(run_cli, ws, "findings", "amend", dirty, "--count", "3", "--reason", "x")
    assert nothing.exit_code == 2 and "没有任何变化" in nothing.stderr


def test_recheck_needs_exactly_one_verdict(run_cli: Any, ws: Path) -> None:
    floor = ids(ws)["floor"]
    for args in ([], ["--pass", "--reject"]):
        result = cli(run_cli, ws, "recheck", floor, *args)
        assert result.exit_code == 2 and "--pass" in result.stderr


def test_rounds_list_and_errors(run_cli: Any, ws: Path) -> None:
    table = cli(run_cli, ws, "round", "list")
    assert "R1" in table.stdout and "督导" in table.stdout and "进行中" in table.stdout
    again = cli(run_cli, ws, "round", "open", "R1", "--kind", "acceptance")
    assert again.exit_code == 2 and "已存在" in again.stderr
    unknown = cli(run_cli, ws, "round", "close", "r1")
    assert unknown.exit_code == 2 and "'R1'" in unknown.stderr
    bad_kind = cli(run_cli, ws, "round", "open", "R2", "--kind", "party")
    assert bad_kind.exit_code == 2
    bad_date = cli(
        run_cli, ws, "round", "open", "R2", "--kind", "acceptance", "--date", "2026-13-01"
    )
    assert bad_date.exit_code == 2 and "月份 13" in bad_date.stderr
    assert cli(run_cli, ws, "round", "close", "R1").exit_code == 0
    closed = json.loads(cli(run_cli, ws, "round", "list", "-f", "json").stdout)
    assert closed[0]["status"] == "closed" and closed[0]["findings"] == 4


def test_reading_commands_never_create_a_store(run_cli: Any, minimal_workspace: Path) -> None:
    for args in (("round", "list"), ("findings", "list"), ("findings", "list", "-f", "json")):
        result = cli(run_cli, minimal_workspace, *args)
        assert result.exit_code == 0, result.stderr
    assert not (minimal_workspace / ".inspect" / "store.sqlite").exists()
