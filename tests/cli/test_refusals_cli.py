"""Every refusal of dated steps, round windows, conflicting results and re-pins, word for word.

Each case runs the real command in both languages against a store with a
known history, with the clock frozen at ``NOW``, and compares the whole of
stderr: the message, then the hint. A refused command exits 2 and changes
nothing (the store's findings and events are read back before and after).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qingyang_inspect.findings.model import Finding
from qingyang_inspect.store import Store
from qingyang_inspect.workspace import load_workspace
from store_helpers import CST, cli

NOW = dt.datetime(2026, 6, 10, 9, 0, tzinfo=CST)
ROUND = "R1"


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands read the clock as ``NOW`` (each module that imported ``clock`` too)."""
    import qingyang_inspect.cli.record_run as record_run
    import qingyang_inspect.cli.rounds as rounds_cli
    import qingyang_inspect.cli.storeopts as storeopts

    for module in (storeopts, record_run, rounds_cli):
        monkeypatch.setattr(module, "clock", lambda: NOW)


Run = Callable[..., Any]


@pytest.fixture
def run(run_cli: Any, minimal_workspace: Path, frozen: None) -> Run:
    def invoke(*args: str) -> Any:
        return cli(run_cli, minimal_workspace, *args)

    return invoke


def ok(result: Any) -> str:
    assert result.exit_code == 0, result.stderr
    return str(result.stdout.strip())


def state(workspace: Path) -> tuple[list[Finding], list[list[str]]]:
    """Every finding and the ids of every finding's events: what a refusal must not change."""
    with Store.open(load_workspace(workspace), readonly=True) as store:
        findings = list(store.iter_findings(include_voided=True))
        return findings, [[e.id for e in store.events(f.id)] for f in findings]


@pytest.fixture
def history(run: Run) -> dict[str, str]:
    """Round R1 (opened 06-01); a failure found 06-02 10:00 and rectified 06-03 09:00; an
    item passed, another not applicable. Returns the findings' numbers by name."""
    ok(run("round", "open", ROUND, "--kind", "supervision", "--date", "2026-06-01"))

    def record(item: str, result: str, at: str, *extra: str) -> str:
        ident = ok(
            run("record", "--site", "M1", "--item", item, "--result", result, "--at", at, *extra)
        )
        return ident[-10:]

    numbers = {
        "dirty": record("CM-EN-01", "fail", "2026-06-02 10:00", "--note", "垃圾"),
        "passed": record("CM-AD-01", "pass", "2026-06-02 10:10"),
        "na": record("NM-04-01", "na", "2026-06-02 10:20", "--note", "无经营户"),
    }
    ok(run("rectify", numbers["dirty"], "--at", "2026-06-03 09:00", "--note", "已清理"))
    return numbers


def refused(run: Run, workspace: Path, lang: str, *args: str) -> str:
    before = state(workspace)
    result = run("--lang", lang, *args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert state(workspace) == before
    return str(result.stderr)


# -- dated steps ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_step_in_the_future(
    run: Run, minimal_workspace: Path, history: dict[str, str], lang: str
) -> None:
    n = history["dirty"]
    stderr = refused(
        run, minimal_workspace, lang, "recheck", n, "--pass", "--at", "2026-06-10 09:30"
    )
    assert (
        stderr
        == {
            "zh": "错误: 时间 2026-06-10 09:30 晚于现在（2026-06-10 09:00）\n"
            "提示: --at 是这一步实际发生的时间，不能在将来\n",
            "en": "Error: 2026-06-10 09:30 is later than now (2026-06-10 09:00)\n"
            "Hint: --at is when the step happened; it cannot be in the future\n",
        }[lang]
    )
    stderr = refused(
        run, minimal_workspace, lang, "findings", "void", n, "--reason", "x", "--at", "2026-07-01"
    )
    assert stderr.startswith(
        {"zh": "错误: 时间 2026-07-01 00:00 晚于现在", "en": "Error: 2026-07-01"}[lang]
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_step_before_the_finding_was_found(
    run: Run, minimal_workspace: Path, history: dict[str, str], lang: str
) -> None:
    n = history["dirty"]
    args = (
        "findings",
        "amend",
        n,
        "--count",
        "3",
        "--reason",
        "复核照片",
        "--at",
        "2026-06-02 09:59",
    )
    assert (
        refused(run, minimal_workspace, lang, *args)
        == {
            "zh": f"错误: 时间 2026-06-02 09:59 早于问题 {n} 的发现时间（2026-06-02 10:00）\n"
            "提示: 按实际发生的先后登记：--at 不得早于发现时间和上一步\n",
            "en": f"Error: 2026-06-02 09:59 is before finding {n} was found (2026-06-02 10:00)\n"
            "Hint: enter the steps in the order they happened: --at no earlier than the finding "
            "was found or its previous step\n",
        }[lang]
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_step_before_the_previous_one(
    run: Run, minimal_workspace: Path, history: dict[str, str], lang: str
) -> None:
    n = history["dirty"]
    args = ("recheck", n, "--pass", "--at", "2026-06-02 18:00")
    assert (
        refused(run, minimal_workspace, lang, *args)
        == {
            "zh": f"错误: 时间 2026-06-02 18:00 早于问题 {n} 的上一步“整改”（2026-06-03 09:00）\n"
            "提示: 按实际发生的先后登记：--at 不得早于发现时间和上一步\n",
            "en": f"Error: 2026-06-02 18:00 is before the previous step of finding {n}: rectified "
            "at 2026-06-03 09:00\n"
            "Hint: enter the steps in the order they happened: --at no earlier than the finding "
            "was found or its previous step\n",
        }[lang]
    )


def test_dated_steps_keep_when_they_happened_and_when_they_were_entered(
    run: Run, minimal_workspace: Path, history: dict[str, str]
) -> None:
    n = history["dirty"]
    ok(run("recheck", n, "--pass", "--at", "2026-06-03 09:00"))  # the same minute is not earlier
    shown = json.loads(ok(run("findings", "show", n, "-f", "json")))
    steps = [(e["kind"], e["at"], e["entered_at"]) for e in shown["events"]]
    entered = NOW.isoformat()
    assert steps == [
        ("recorded", "2026-06-02T10:00:00+08:00", entered),
        ("rectified", "2026-06-03T09:00:00+08:00", entered),
        ("rechecked", "2026-06-03T09:00:00+08:00", entered),
    ]
    assert shown["finding"]["closed_at"] == "2026-06-03T09:00:00+08:00"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_closing_a_round_before_its_date_or_a_finding_in_it_or_in_the_future(
    run: Run, minimal_workspace: Path, history: dict[str, str], lang: str
) -> None:
    n = history["na"]  # the round's latest finding: 06-02 10:20
    expected = {
        "2026-06-10 09:30": {
            "zh": "错误: 时间 2026-06-10 09:30 晚于现在（2026-06-10 09:00）\n"
            "提示: --at 是这一步实际发生的时间，不能在将来\n",
            "en": "Error: 2026-06-10 09:30 is later than now (2026-06-10 09:00)\n"
            "Hint: --at is when the step happened; it cannot be in the future\n",
        },
        "2026-05-31 18:00": {
            "zh": f"错误: 关闭时间 2026-05-31 18:00 早于轮次“{ROUND}”的日期（2026-06-01）\n"
            "提示: --at 是轮次实际关闭的时间：不得早于轮次日期和其中最后一条记录的发现时间\n",
            "en": f"Error: 2026-05-31 18:00 is before the date of round '{ROUND}' (2026-06-01)\n"
            "Hint: --at is when the round was closed: no earlier than its date or the last "
            "finding recorded in it\n",
        },
        "2026-06-02 10:15": {
            "zh": f"错误: 关闭时间 2026-06-02 10:15 早于轮次“{ROUND}”中问题 {n} 的发现时间"
            "（2026-06-02 10:20）\n"
            "提示: --at 是轮次实际关闭的时间：不得早于轮次日期和其中最后一条记录的发现时间\n",
            "en": f"Error: 2026-06-02 10:15 is before finding {n} of round '{ROUND}' was found "
            "(2026-06-02 10:20)\n"
            "Hint: --at is when the round was closed: no earlier than its date or the last "
            "finding recorded in it\n",
        },
    }
    for at, message in expected.items():
        assert (
            refused(run, minimal_workspace, lang, "round", "close", ROUND, "--at", at)
            == (message[lang])
        )
    rounds = json.loads(ok(run("round", "list", "-f", "json")))
    assert [r["status"] for r in rounds] == ["open"]
    result = run("round", "close", ROUND, "--at", "2026-06-02 10:20")
    assert result.exit_code == 0, result.stderr
    (closed,) = json.loads(ok(run("round", "list", "-f", "json")))
    assert (closed["status"], closed["closed_at"]) == ("closed", "2026-06-02T10:20:00+08:00")


# -- the round's window -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_found_time_outside_the_round_needs_yes(
    run: Run, minimal_workspace: Path, history: dict[str, str], lang: str
) -> None:
    args = ("record", "--site", "A1", "--item", "CM-EN-01", "--result", "pass")
    stderr = refused(run, minimal_workspace, lang, *args, "--at", "2020-06-02 10:00")  # typo
    assert (
        stderr
        == {
            "zh": "错误: 发现时间 2020-06-02 10:00 不在轮次“R1”的时间范围内（2026-06-01 至 "
            "2026-07-02）\n"
            "提示: 确属该轮次请加 --yes 再记录；否则改正 --at 或 --round\n",
            "en": "Error: found time 2020-06-02 10:00 is outside round 'R1' (2026-06-01 to "
            "2026-07-02)\n"
            "Hint: if it does belong to this round, record it again with --yes; otherwise correct "
            "--at or --round\n",
        }[lang]
    )
    # a form from the week before the round opened, entered on purpose
    ident = ok(run("--lang", lang, *args, "--at", "2026-05-29 15:00", "--yes"))
    with Store.open(load_workspace(minimal_workspace), readonly=True) as store:
        assert store.finding(ident).found_at == dt.datetime(2026, 5, 29, 15, 0, tzinfo=CST)


# -- conflicting results ----------------------------------------------------------------


def _conflict_hint(lang: str, *numbers: str) -> str:
    supersedes = " ".join(f"--supersedes {n}" for n in numbers)
    return {
        "zh": f"提示: 如已有记录有误，加 {supersedes} 作废并记录这一条；如只需更正，用 inspect "
        f"findings amend {numbers[0]}\n",
        "en": f"Hint: if the earlier record is wrong, add {supersedes} to void it and record "
        f"this one; to correct it instead, use inspect findings amend {numbers[0]}\n",
    }[lang]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_pass_while_a_failure_is_recorded(
    run: Run, minimal_workspace: Path, history: dict[str, str], lang: str
) -> None:
    n = history["dirty"]
    args = (
        "record",
        "--site",
        "M1",
        "--item",
        "CM-EN-01",
        "--result",
        "pass",
        "--at",
        "2026-06-04",
    )
    assert refused(run, minimal_workspace, lang, *args) == {
        "zh": f"错误: M1 的 CM-EN-01 在本轮已有记录（不符合 {n}），不能再记为符合\n",
        "en": f"Error: CM-EN-01 at M1 is already recorded in this round (fail {n}); it cannot "
        "also pass\n",
    }[lang] + _conflict_hint(lang, n)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_not_applicable_after_a_pass_or_a_failure(
    run: Run, minimal_workspace: Path, history: dict[str, str], lang: str
) -> None:
    passed = history["passed"]
    # a second failure at another place adds up; then neither may become n/a
    later = ok(
        run(
            "record", "--site", "M1", "--item", "CM-AD-01", "--result", "fail",
            "--location", "西门", "--at", "2026-06-02 11:00",
        )
    )[-10:]  # fmt: skip
    args = ("record", "--site", "M1", "--item", "CM-AD-01", "--result", "na", "--note", "无")
    assert refused(run, minimal_workspace, lang, *args) == {
        "zh": f"错误: M1 的 CM-AD-01 在本轮已有检查结果（符合 {passed}、不符合 {later}），"
        "不能再记为不适用\n",
        "en": f"Error: CM-AD-01 at M1 was already checked in this round (pass {passed}, fail "
        f"{later}); it cannot also be not applicable\n",
    }[lang] + _conflict_hint(lang, passed, later)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_failure_after_not_applicable(
    run: Run, minimal_workspace: Path, history: dict[str, str], lang: str
) -> None:
    na = history["na"]
    args = ("record", "--site", "M1", "--item", "NM-04-01", "--result", "fail", "--note", "有")
    assert refused(run, minimal_workspace, lang, *args) == {
        "zh": f"错误: M1 的 NM-04-01 在本轮已记为不适用（不适用 {na}），不能再记为不符合\n",
        "en": f"Error: NM-04-01 at M1 is already not applicable in this round (n/a {na}); it "
        "cannot also fail\n",
    }[lang] + _conflict_hint(lang, na)


def test_supersedes_voids_the_earlier_finding_in_the_same_step(
    run: Run, minimal_workspace: Path, history: dict[str, str]
) -> None:
    na = history["na"]
    args = ("record", "--site", "M1", "--item", "NM-04-01", "--result", "fail", "--note", "有")
    new = ok(run(*args, "--at", "2026-06-02 10:30", "--supersedes", na))
    with Store.open(load_workspace(minimal_workspace), readonly=True) as store:
        old = store.finding(store.resolve_id(na))
        events = store.events(old.id)
        assert old.voided and store.finding(new).result == "fail"
    void = events[-1]
    assert (void.kind, void.reason) == ("voided", f"被 {new[-10:]} 取代")
    assert void.data == {"superseded_by": new[-10:]}
    assert void.at == dt.datetime(2026, 6, 2, 10, 30, tzinfo=CST) and void.entered_at == NOW


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_supersedes_names_a_finding_of_the_same_item(
    run: Run, minimal_workspace: Path, history: dict[str, str], lang: str
) -> None:
    passed = history["passed"]
    args = ("record", "--site", "M1", "--item", "NM-04-01", "--result", "fail", "--note", "有")
    assert (
        refused(run, minimal_workspace, lang, *args, "--supersedes", passed)
        == {
            "zh": f"错误: --supersedes {passed} 不是轮次“R1”中 M1 的 NM-04-01 的记录\n"
            "提示: 可取代的记录用 inspect findings list --round … --site … --item … 查看\n",
            "en": f"Error: --supersedes {passed} is not a finding of NM-04-01 at M1 in round 'R1'\n"
            "Hint: list the findings that can be replaced with inspect findings list --round … "
            "--site … --item …\n",
        }[lang]
    )


# -- re-pinning -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_repin_needs_a_reason_and_a_change(
    run: Run, minimal_workspace: Path, history: dict[str, str], lang: str
) -> None:
    assert (
        refused(run, minimal_workspace, lang, "round", "repin", ROUND)
        == {
            "zh": "错误: 重新固定评分依据需要 --reason 说明原因\n"
            '提示: 例如：--reason "按文明办通知更正 NM-01-02 分值"\n',
            "en": "Error: re-pinning needs --reason saying why\n"
            'Hint: for example: --reason "NM-01-02 points corrected by the office\'s notice"\n',
        }[lang]
    )
    assert (
        refused(run, minimal_workspace, lang, "round", "repin", ROUND, "--reason", "核对")
        == {
            "zh": "错误: 轮次“R1”已按当前文件固定，无需重新固定\n"
            "提示: inspect round list 列出各轮次与文件的差异\n",
            "en": "Error: round 'R1' is pinned to the current files already\n"
            "Hint: inspect round list shows how each round differs from the files\n",
        }[lang]
    )
