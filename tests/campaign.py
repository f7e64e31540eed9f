"""A small campaign recorded through the CLI, shared by the tests of what commands print.

A copy of the minimal workspace with one supervision round and findings in
every state: open (amended, with a long note and a location), rectified then
sent back, passed, not applicable, fixed on the spot, voided.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

MINIMAL = Path(__file__).resolve().parent / "examples" / "valid" / "minimal"

ROUND = "督导第一轮"
INSPECTOR = "王督导"
LONG_NOTE = (
    "校门口有烟蒂，东侧花坛内有塑料袋和纸屑，已当场告知保洁人员；"
    "下午复查时仍未清理，需责任单位落实每日两次巡查制度并留存台账记录。"
)
#: Every text the campaign types: users' words, shown as typed in either language.
TYPED = (
    ROUND,
    INSPECTOR,
    LONG_NOTE,
    "东门入口",
    "通道堵塞",
    "已清理",
    "仍有烟蒂",
    "复核照片后更正例数",
    "重复记录",
    "市场内无此设施",
)


def record_campaign(ws: Path) -> dict[str, str]:
    """Copy the minimal workspace to ``ws`` and record the campaign; the findings' ids."""
    from qingyang_inspect.cli.app import app

    shutil.copytree(MINIMAL, ws)
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, ["-w", str(ws), *args], env={"INSPECT_INSPECTOR": INSPECTOR})
        assert result.exit_code == 0, result.output
        return str(result.stdout.strip())

    run("round", "open", ROUND, "--kind", "supervision", "--date", "2026-06-01")
    at = ("--at", "2026-06-02 09:00")
    ids = {
        "open": run(
            "record", "--site", "M1", "--item", "CM-EN-01", "--result", "fail", "--count", "2",
            "--note", LONG_NOTE, "--location", "东门入口", *at,
        ),
        "rejected": run(
            "record", "--site", "A1", "--item", "CM-SF-01", "--result", "fail",
            "--note", "通道堵塞", *at,
        ),
        "passed": run("record", "--site", "M1", "--item", "CM-AD-01", "--result", "pass", *at),
        "na": run(
            "record", "--site", "M2", "--item", "NM-04-01", "--result", "na",
            "--note", "市场内无此设施", *at,
        ),
        "on_spot": run(
            "record", "--site", "M2", "--item", "CM-EN-01", "--result", "fail", "--on-spot", *at
        ),
        "voided": run(
            "record", "--site", "M2", "--item", "NM-03-01", "--result", "fail", *at
        ),
    }  # fmt: skip
    run("rectify", ids["rejected"], "--note", "已清理")
    run("recheck", ids["rejected"], "--reject", "--note", "仍有烟蒂")
    run("findings", "amend", ids["open"], "--count", "3", "--reason", "复核照片后更正例数")
    run("findings", "void", ids["voided"], "--reason", "重复记录")
    return ids
