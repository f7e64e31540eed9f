"""``inspect report reminders``: a message per responsible unit across the 2026 Mid-Autumn
and National Day holidays, checked word for word; the SMS table read back; bad input.

The 2026 calendar (State Council announcement): Mid-Autumn Festival Friday 25 September
off; National Day 1–7 October off, Saturday 10 October a working day (调休).
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from qingyang_inspect.findings.ids import number_of
from qingyang_inspect.views.reminders import DEFAULT_DUE_WITHIN, MAX_LENGTH
from store_helpers import cli

SITES = """\
sites:
  - id: M1
    name: 测试农贸市场
    site_type: market
    level: city
    street: 草堂街道
    address: 测试路1号
    responsible_unit: 测试市场管理公司
    lead_department: 区市场监管局
    contact: {name: 李经理, phone: '13800000001'}
  - id: M2
    name: 第二农贸市场
    site_type: market
    level: district
    street: 府南街道
    address: 测试路2号
    responsible_unit: 测试市场管理公司
    lead_department: 区市场监管局
    contact: {name: 赵经理, phone: '13800000002'}
  - id: A1
    name: 测试小巷
    site_type: alley
    level: district
    street: 草堂街道
    address: 测试巷
    responsible_unit: 草堂街道办事处
    lead_department: 区综合执法局
    contact: {name: 周主任}
"""


def record(run_cli: Any, ws: Path, site: str, item: str, at: str, *extra: str) -> str:
    done = cli(run_cli, ws, "record", "--site", site, "--item", item, "--at", at, *extra)
    assert done.exit_code == 0, done.stderr
    return number_of(done.stdout.strip())


def step(run_cli: Any, ws: Path, *args: str) -> None:
    done = cli(run_cli, ws, *args)
    assert done.exit_code == 0, done.stderr


@pytest.fixture
def campaign(
    run_cli: Any, minimal_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, Any]:
    """Two units' problems around the 2026 holidays; their numbers by name."""
    ws = minimal_workspace
    monkeypatch.chdir(ws)  # files are named relative to the current folder
    (ws / "sites" / "sites.yaml").write_text(SITES, encoding="utf-8")
    step(run_cli, ws, "round", "open", "R1", "--kind", "supervision", "--date", "2026-09-21")
    fail = ("--result", "fail")
    n = {
        # 1 working day from Thursday 24 Sep: Friday is Mid-Autumn, due Monday 28 Sep.
        "litter": record(
            run_cli, ws, "M1", "CM-EN-01", "2026-09-24 10:00", *fail, "--note", "入口处积存垃圾"
        ),
        # 3 working days from Monday 28 Sep: 29, 30, then 8 Oct after National Day.
        "ads_m2": record(run_cli, ws, "M2", "CM-AD-01", "2026-09-28 10:00", *fail),
        # 3 working days from 30 Sep: 8, 9 Oct and Saturday 10 Oct (调休).
        "ads_m1": record(run_cli, ws, "M1", "CM-AD-01", "2026-09-30 09:00", *fail),
        # 5 working days from 30 Sep: 13 Oct, past the look-ahead.
        "floor": record(run_cli, ws, "M1", "NM-03-01", "2026-09-30 09:30", *fail, "--count", "2"),
        # Due today (30 Sep), rectified, awaiting its recheck.
        "litter_m2": record(
            run_cli, ws, "M2", "CM-EN-01", "2026-09-29 10:00", *fail, "--note", "摊位下有\n纸箱堆积"
        ),
        # Due 23 Sep, closed that day: no reminder.
        "exit": record(run_cli, ws, "A1", "CM-EN-01", "2026-09-22 09:00", *fail),
        # Due 23 Sep, open: overdue.
        "fire": record(
            run_cli, ws, "A1", "CM-SF-01", "2026-09-22 10:00", *fail, "--note", "消防通道堆放杂物"
        ),
        # 3 working days from Tuesday 29 Sep: 30 Sep, 8 and 9 Oct.
        "ads_a1": record(run_cli, ws, "A1", "CM-AD-01", "2026-09-29 11:00", *fail),
    }
    step(run_cli, ws, "rectify", n["litter_m2"], "--note", "已清理", "--at", "2026-09-30 15:00")
    step(run_cli, ws, "rectify", n["exit"], "--note", "已清扫", "--at", "2026-09-23 10:00")
    step(run_cli, ws, "recheck", n["exit"], "--pass", "--at", "2026-09-23 16:00")
    # After the first as-of date: closed on 9 Oct, and a problem found on 9 Oct.
    step(run_cli, ws, "rectify", n["litter"], "--note", "已清理", "--at", "2026-10-08 10:00")
    step(run_cli, ws, "recheck", n["litter"], "--pass", "--at", "2026-10-09 10:00")
    n["late"] = record(run_cli, ws, "M2", "NM-03-01", "2026-10-09 10:00", *fail)
    n["ws"] = ws
    return n


def reminders(run_cli: Any, ws: Path, *args: str) -> Any:
    return cli(run_cli, ws, "report", "reminders", *args)


def test_one_message_per_unit_across_the_holidays(run_cli: Any, campaign: dict[str, Any]) -> None:
    n = campaign
    done = reminders(run_cli, n["ws"], "--as-of", "2026-09-30", "--due-within", "3")
    assert done.exit_code == 0, done.stderr
    assert done.stdout == (
        "李经理您好：截至2026-09-30，测试市场管理公司有逾期问题1个、"
        "3个工作日内（10-10前）到期问题3个，请抓紧整改。\n"
        "【逾期】\n"
        f"1. {n['litter']} 测试农贸市场 入口处积存垃圾，09-28到期，已逾期2天\n"
        "【即将到期】\n"
        f"2. {n['litter_m2']} 第二农贸市场 摊位下有 纸箱堆积，09-30到期（已整改待复查）\n"
        f"3. {n['ads_m2']} 第二农贸市场 显著位置有社会主义核心价值观宣传，10-08到期\n"
        f"4. {n['ads_m1']} 测试农贸市场 显著位置有社会主义核心价值观宣传，10-10到期\n"
        "\n"
        "周主任您好：截至2026-09-30，草堂街道办事处有逾期问题1个、"
        "3个工作日内（10-10前）到期问题1个，请抓紧整改。\n"
        "【逾期】\n"
        f"1. {n['fire']} 测试小巷 消防通道堆放杂物，09-23到期，已逾期7天\n"
        "【即将到期】\n"
        f"2. {n['ads_a1']} 测试小巷 显著位置有社会主义核心价值观宣传，10-09到期\n"
    )
    assert done.stderr.splitlines() == [
        "截至 2026-09-30：2 个责任单位需提醒，逾期问题 2 个，3 个工作日内（2026-10-10 前）"
        "到期问题 4 个；每条不超过 300 字",
        "警告: 草堂街道办事处没有联系电话，短信表中该行电话为空；"
        "请在 sites/sites.yaml:20（点位 A1）的 contact 中填写 phone",
    ]


def test_english(run_cli: Any, campaign: dict[str, Any]) -> None:
    n = campaign
    done = reminders(run_cli, n["ws"], "--lang", "en", "--as-of", "2026-09-30", "-f", "text")
    assert done.exit_code == 0, done.stderr
    # English is longer: the first message lists two problems and counts the other two.
    assert done.stdout.split("\n\n") == [
        "Dear 李经理, as of 2026-09-30, 测试市场管理公司 has 1 problem(s) overdue, "
        "3 due by 10-10 (within 3 working days). Please rectify:\n"
        "[Overdue]\n"
        f"1. {n['litter']} 测试农贸市场: 入口处积存垃圾, due 09-28, 2 day(s) late\n"
        "[Due soon]\n"
        f"2. {n['litter_m2']} 第二农贸市场: 摊位下有 纸箱堆积, due 09-30 (awaiting recheck)\n"
        "2 more: see the rectification ledger.",
        "Dear 周主任, as of 2026-09-30, 草堂街道办事处 has 1 problem(s) overdue, "
        "1 due by 10-10 (within 3 working days). Please rectify:\n"
        "[Overdue]\n"
        f"1. {n['fire']} 测试小巷: 消防通道堆放杂物, due 09-23, 7 day(s) late\n"
        "[Due soon]\n"
        f"2. {n['ads_a1']} 测试小巷: Core socialist values publicity in a pr…, due 10-09\n",
    ]
    assert done.stderr.splitlines()[1] == (
        "Warning: 草堂街道办事处 has no contact phone, its row in the SMS table has none; "
        "add a phone to the contact of site A1 in sites/sites.yaml:20"
    )


def test_a_later_day_reads_the_store_as_of_then(run_cli: Any, campaign: dict[str, Any]) -> None:
    """9 October: the litter was closed that day, 8 October's problem is now overdue,
    9 October's is due today; the problem found that day is not due yet."""
    n = campaign
    done = reminders(run_cli, n["ws"], "--as-of", "2026-10-09", "--due-within", "0")
    assert done.exit_code == 0, done.stderr
    # Only the second market's problems are due now: the message goes to its contact.
    assert done.stdout == (
        "赵经理您好：截至2026-10-09，测试市场管理公司有逾期问题2个，请抓紧整改。\n"
        "【逾期】\n"
        f"1. {n['litter_m2']} 第二农贸市场 摊位下有 纸箱堆积，09-30到期，已逾期9天"
        "（已整改待复查）\n"
        f"2. {n['ads_m2']} 第二农贸市场 显著位置有社会主义核心价值观宣传，10-08到期，已逾期1天\n"
        "\n"
        "周主任您好：截至2026-10-09，草堂街道办事处有逾期问题1个、今日到期问题1个，请抓紧整改。\n"
        "【逾期】\n"
        f"1. {n['fire']} 测试小巷 消防通道堆放杂物，09-23到期，已逾期16天\n"
        "【即将到期】\n"
        f"2. {n['ads_a1']} 测试小巷 显著位置有社会主义核心价值观宣传，10-09到期\n"
    )
    # As of 21 September nothing was recorded yet: no message, and a line saying so.
    empty = reminders(run_cli, n["ws"], "--as-of", "2026-09-21")
    assert empty.exit_code == 0, empty.stderr
    assert empty.stdout == ""
    assert empty.stderr.splitlines() == [
        "截至 2026-09-21，没有逾期或 3 个工作日内（2026-09-24 前）到期的问题，无需提醒"
    ]


def test_the_sms_table_reads_back(run_cli: Any, campaign: dict[str, Any], tmp_path: Path) -> None:
    n = campaign
    target = tmp_path / "sms.csv"
    done = reminders(run_cli, n["ws"], "--as-of", "2026-09-30", "-f", "csv", "-o", str(target))
    assert done.exit_code == 0, done.stderr
    # The warning is given whatever the format: the CSV's row has no phone.
    assert "警告: 草堂街道办事处没有联系电话" in done.stderr
    assert done.stderr.splitlines()[-1] == f"已写入 {target}"
    text = reminders(run_cli, n["ws"], "--as-of", "2026-09-30", "-f", "text").stdout
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["电话", "姓名", "内容"]
    assert [r[:2] for r in rows[1:]] == [["13800000001", "李经理"], ["", "周主任"]]
    # The same messages as the text for the work group, line breaks and all.
    assert [r[2] for r in rows[1:]] == text.rstrip("\n").split("\n\n")
    assert all(len(r[2]) <= MAX_LENGTH for r in rows[1:])


def test_json_names_every_problem(run_cli: Any, campaign: dict[str, Any]) -> None:
    n = campaign
    done = reminders(run_cli, n["ws"], "--as-of", "2026-09-30", "-f", "json")
    data = json.loads(done.stdout)
    assert {k: data[k] for k in ("as_of", "due_within", "due_by", "max_length", "count")} == {
        "as_of": "2026-09-30",
        "due_within": 3,
        "due_by": "2026-10-10",
        "max_length": MAX_LENGTH,
        "count": 2,
    }
    first, second = data["reminders"]
    assert (first["responsible_unit"], first["phone"], first["contact_site_id"]) == (
        "测试市场管理公司",
        "13800000001",
        "M1",
    )
    assert [(p["problem_number"], p["due_date"], p["overdue"]) for p in first["problems"]] == [
        (n["litter"], "2026-09-28", True),
        (n["litter_m2"], "2026-09-30", False),
        (n["ads_m2"], "2026-10-08", False),
        (n["ads_m1"], "2026-10-10", False),
    ]
    assert (second["phone"], second["overdue"], second["due_soon"], second["listed"]) == (
        None,
        1,
        1,
        2,
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("--due-within", "-1"),
            [
                "错误: --due-within 应为 0 到 60 之间的工作日数，而不是 -1",
                "提示: 如 --due-within 3：提醒已逾期和 3 个工作日内到期的问题",
            ],
        ),
        (
            ("--as-of", "2026-09-31"),
            None,
        ),
    ],
)
def test_bad_input(
    run_cli: Any, minimal_workspace: Path, args: tuple[str, ...], expected: list[str] | None
) -> None:
    done = reminders(run_cli, minimal_workspace, *args)
    assert done.exit_code == 2
    assert done.stdout == ""
    if expected is not None:
        assert done.stderr.splitlines() == expected
    else:
        assert "--as-of" in done.stderr and "2026-09-31" in done.stderr
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("lang", "stated"), [("zh", "每条不超过 300 字"), ("en", "at most 300")])
def test_the_help_and_the_readme_state_the_limit(lang: str, stated: str) -> None:
    """In a real process: help texts are rendered once, in the language of the run."""
    assert str(MAX_LENGTH) in stated
    shown = subprocess.run(
        [sys.executable, "-m", "qingyang_inspect", "--lang", lang, "report", "reminders", "-h"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    # The help is wrapped to the terminal (Chinese between any two characters).
    assert "".join(stated.split()) in "".join(shown.stdout.split())
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"**A message is at most {MAX_LENGTH} characters**" in readme


def test_the_default_look_ahead_is_the_views() -> None:
    """The option's default is written out (the view is not imported to build the help)."""
    import inspect

    from qingyang_inspect.cli.report import reminders_command

    default = inspect.signature(reminders_command).parameters["due_within"].default
    assert default == DEFAULT_DUE_WITHIN
