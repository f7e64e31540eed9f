"""End to end through the CLI: supervision round, rectification, rejection, closing, acceptance.

Each step is checked three ways: the command's output, the store read back
through the library, and the history ``findings show`` prints.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from qingyang_inspect.findings.model import Finding
from qingyang_inspect.store import Store
from qingyang_inspect.workspace import load_workspace
from store_helpers import cli

SUPERVISION = "2026-06 督导"
ACCEPTANCE = "2026-08 验收"


def stored(workspace: Path, finding_id: str) -> Finding:
    with Store.open(load_workspace(workspace), readonly=True) as store:
        return store.finding(finding_id)


def history(run_cli: Any, workspace: Path, finding_id: str) -> list[dict[str, Any]]:
    result = cli(run_cli, workspace, "findings", "show", finding_id, "--format", "json")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["finding"]["id"] == finding_id
    events: list[dict[str, Any]] = shown["events"]
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    return events


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def test_supervision_rectification_rejection_closing_acceptance(
    run_cli: Any, minimal_workspace: Path
) -> None:
    ws = minimal_workspace

    def run(*args: str) -> Any:
        return cli(run_cli, ws, *args)

    # -- a supervision round -------------------------------------------------------
    opened = ok(run("round", "open", SUPERVISION, "--kind", "supervision", "--date", "2026-06-01"))
    assert opened.stdout.strip() == SUPERVISION
    assert "test-standard 1.0" in opened.stderr

    dirty = ok(
        run(
            "record",
            "--site",
            "M1",
            "--item",
            "CM-EN-01",
            "--result",
            "fail",
            "--count",
            "2",
            "--note",
            "垃圾堆积",
            "--location",
            "东门",
            "--at",
            "2026-06-02 10:00",
        )
    ).stdout.strip()
    ok(
        run(
            "record",
            "--site",
            "M1",
            "--item",
            "CM-AD-01",
            "--result",
            "pass",
            "--at",
            "2026-06-02 10:05",
        )
    )
    ok(
        run(
            "record",
            "--site",
            "M1",
            "--item",
            "NM-04-01",
            "--result",
            "na",
            "--note",
            "无经营户",
            "--at",
            "2026-06-02 10:10",
        )
    )
    fixed = ok(
        run(
            "record",
            "--site",
            "A1",
            "--item",
            "CM-SF-01",
            "--result",
            "fail",
            "--on-spot",
            "--at",
            "2026-06-02 11:00",
        )
    ).stdout.strip()

    finding = stored(ws, dirty)
    assert (finding.status, finding.occurrences, finding.round_name) == ("open", 2, SUPERVISION)
    assert finding.due_date is not None and finding.due_date.isoformat() == "2026-06-03"
    assert [e["kind"] for e in history(run_cli, ws, dirty)] == ["recorded"]
    assert stored(ws, fixed).status == "closed"

    listed = json.loads(ok(run("findings", "list", "--round", SUPERVISION, "-f", "json")).stdout)
    assert [f["site_id"] + "/" + f["item_id"] for f in listed] == [
        "M1/CM-EN-01",
        "M1/CM-AD-01",
        "M1/NM-04-01",
        "A1/CM-SF-01",
    ]
    overdue = run("findings", "list", "--overdue", "--as-of", "2026-06-10", "-f", "json")
    assert [f["id"] for f in json.loads(ok(overdue).stdout)] == [dirty]

    # -- rectified, then rejected on re-check ---------------------------------------
    out = ok(run("rectify", dirty, "--note", "已清理垃圾", "--at", "2026-06-03 09:00"))
    assert "测试市场管理公司" in out.stderr
    assert stored(ws, dirty).status == "rectified"
    assert [e["kind"] for e in history(run_cli, ws, dirty)] == ["recorded", "rectified"]

    out = ok(
        run("recheck", dirty, "--reject", "--note", "墙角仍有垃圾", "--at", "2026-06-03 15:00")
    )
    assert "退回" in out.stderr
    finding = stored(ws, dirty)
    assert (finding.status, finding.recheck_result) == ("open", "reject")
    events = history(run_cli, ws, dirty)
    assert events[-1]["kind"] == "rechecked"
    assert events[-1]["data"] == {
        "outcome": "reject",
        "note": "墙角仍有垃圾",
        "status": ["rectified", "open"],
    }

    # -- rectified again, closed ----------------------------------------------------------
    ok(
        run(
            "rectify",
            dirty[:16],
            "--note",
            "彻底清理并加装垃圾桶",
            "--by",
            "市场保洁组",
            "--at",
            "2026-06-04 10:00",
        )
    )
    ok(run("recheck", dirty, "--pass", "--at", "2026-06-05 09:00"))
    finding = stored(ws, dirty)
    assert finding.status == "closed" and finding.closed_at is not None
    assert finding.rectified_by == "市场保洁组"
    kinds = [e["kind"] for e in history(run_cli, ws, dirty)]
    assert kinds == ["recorded", "rectified", "rechecked", "rectified", "rechecked"]
    shown = ok(run("findings", "show", dirty)).stdout
    # Due 2026-06-03, closed on the 5th: closed two days late.
    for words in (
        "逾期销号（2天）",
        "复查未通过，退回整改",
        "复查通过，销号",
        "市场保洁组",
        "墙角仍有垃圾",
    ):
        assert words in shown
    assert ok(run("findings", "list", "--overdue", "--as-of", "2026-06-10")).stdout == ""

    # A closed finding cannot be rectified again: the error names its status.
    refused = run("rectify", dirty, "--note", "again")
    assert refused.exit_code == 2 and "已销号" in refused.stderr
    assert "Traceback" not in refused.stderr

    # -- the round closes; an acceptance round follows -------------------------------------
    ok(run("round", "close", SUPERVISION))
    late = run("record", "--site", "M2", "--item", "CM-AD-01", "--result", "pass")
    assert late.exit_code == 2 and "没有进行中的检查轮次" in late.stderr
    named = run(
        "record", "--site", "M2", "--item", "CM-AD-01", "--result", "pass", "--round", SUPERVISION
    )
    assert named.exit_code == 2 and "已关闭" in named.stderr

    ok(run("round", "open", ACCEPTANCE, "--kind", "acceptance", "--date", "2026-08-05"))
    accepted = ok(
        run(
            "record",
            "--site",
            "M1",
            "--item",
            "CM-EN-01",
            "--result",
            "pass",
            "--at",
            "2026-08-05 10:00",
        )
    ).stdout.strip()
    assert stored(ws, accepted).round_name == ACCEPTANCE
    rounds = json.loads(ok(run("round", "list", "-f", "json")).stdout)
    assert [(r["name"], r["kind"], r["status"], r["findings"]) for r in rounds] == [
        (SUPERVISION, "supervision", "closed", 4),
        (ACCEPTANCE, "acceptance", "open", 1),
    ]
    in_acceptance = json.loads(
        ok(run("findings", "list", "--round", ACCEPTANCE, "-f", "json")).stdout
    )
    assert [f["id"] for f in in_acceptance] == [accepted]
    # The supervision round's history is untouched by the new round.
    assert len(history(run_cli, ws, dirty)) == 5
    with Store.open(load_workspace(ws), readonly=True) as store:
        assert store.check() == []
