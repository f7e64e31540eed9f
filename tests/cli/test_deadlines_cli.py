"""Working-day deadlines through the CLI: how ``findings show`` explains a due date,
``validate`` checking the holiday file, a bad holiday file refusing a record."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from store_helpers import cli

HOLIDAYS = Path(__file__).resolve().parents[1] / "examples" / "holidays"


def record_before_national_day(run_cli: Any, ws: Path) -> str:
    opened = cli(
        run_cli, ws, "round", "open", "R1", "--kind", "supervision", "--date", "2026-09-28"
    )
    assert opened.exit_code == 0, opened.stderr
    recorded = cli(
        run_cli,
        ws,
        *("record", "--site", "M1", "--item", "CM-AD-01", "--result", "fail"),
        *("--at", "2026-09-30 10:00"),
    )
    assert recorded.exit_code == 0, recorded.stderr
    return str(recorded.stdout.strip())


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "zh",
            "期限计算  2026-09-30 起 3 个工作日 → 2026-10-10：跳过 2026-10-01 至 2026-10-07 "
            "国庆节；2026-10-10（周六）调休上班",
        ),
        (
            "en",
            "due date basis    2026-09-30 + 3 working day(s) → 2026-10-10: skipped "
            "2026-10-01 to 2026-10-07, National Day; 2026-10-10 (Saturday) is a working day "
            "(adjusted weekend)",
        ),
    ],
)
def test_findings_show_explains_the_due_date(
    run_cli: Any, minimal_workspace: Path, lang: str, expected: str
) -> None:
    finding = record_before_national_day(run_cli, minimal_workspace)
    shown = cli(run_cli, minimal_workspace, "--lang", lang, "findings", "show", finding)
    assert shown.exit_code == 0, shown.stderr
    assert expected in [line.rstrip() for line in shown.stdout.splitlines()]


def test_json_carries_the_computation(run_cli: Any, minimal_workspace: Path) -> None:
    finding = record_before_national_day(run_cli, minimal_workspace)
    shown = cli(run_cli, minimal_workspace, "findings", "show", finding, "-f", "json")
    assert json.loads(shown.stdout)["finding"]["due_basis"] == {
        "start": "2026-09-30",
        "days": 3,
        "kind": "working",
        "computed": "2026-10-10",
        "matches": True,
        "skipped": [{"first": "2026-10-01", "last": "2026-10-07", "reason": "National Day"}],
        "adjusted": ["2026-10-10"],
        "estimated_years": [],
    }


def test_a_due_date_given_by_hand_is_told_apart(run_cli: Any, minimal_workspace: Path) -> None:
    finding = record_before_national_day(run_cli, minimal_workspace)
    amended = cli(
        run_cli,
        minimal_workspace,
        *("findings", "amend", finding, "--due", "2026-10-09", "--reason", "节后第二天复查"),
    )
    assert amended.exit_code == 0, amended.stderr
    shown = cli(run_cli, minimal_workspace, "findings", "show", finding)
    assert (
        "期限计算  截止日期由录入时指定，或按当时的标准与日历计算；按现行标准与日历应为 2026-10-10"
        in shown.stdout
    )


def test_validate_checks_the_holiday_file(
    run_cli: Any, minimal_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(minimal_workspace)  # files are shown relative to the current folder
    case = HOLIDAYS / "several-problems"
    shutil.copy(case / "holidays.yaml", minimal_workspace / "holidays.yaml")
    result = run_cli("validate", env={"INSPECT_WORKSPACE": str(minimal_workspace)})
    assert result.exit_code == 1
    # The same lines as the error a command needing a due date stops with.
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()[1:-1]
    assert result.stdout.splitlines() == expected
    shutil.copy(HOLIDAYS / "valid-2027" / "holidays.yaml", minimal_workspace / "holidays.yaml")
    assert run_cli("validate", env={"INSPECT_WORKSPACE": str(minimal_workspace)}).exit_code == 0


def test_a_bad_holiday_file_refuses_the_record(run_cli: Any, minimal_workspace: Path) -> None:
    shutil.copy(HOLIDAYS / "bad-date" / "holidays.yaml", minimal_workspace / "holidays.yaml")
    assert (
        cli(run_cli, minimal_workspace, "round", "open", "R1", "--kind", "supervision").exit_code
        == 0
    )
    result = cli(
        run_cli,
        minimal_workspace,
        "record",
        "--site",
        "M1",
        "--item",
        "CM-AD-01",
        "--result",
        "fail",
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "错误: 节假日文件有 1 处错误：",
        "  holidays.yaml:5:12: holidays[1].date: “2027-02-30”不是有效日期；"
        "请写成 YYYY-MM-DD，如 2027-10-01",
        "提示: 请改正 holidays.yaml 后重试；格式见 README 的“工作日与节假日”一节",
    ]
    listed = cli(run_cli, minimal_workspace, "findings", "list", "-f", "json")
    assert listed.stdout.strip() == "[]"
