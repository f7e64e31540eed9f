"""``inspect record --site SITE`` (no ``--item``): the interactive walk, with piped answers.

The walk through a real terminal, with Ctrl-C, is in ``test_walk_terminal.py``.
Site A1 (背街小巷) of the minimal workspace has three items, in checklist order:
CM-AD-01 (公益宣传), CM-EN-01 (环境卫生, deduction, counting rule), CM-SF-01
(安全消防, veto).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import Result

from qingyang_inspect.calendar import WorkCalendar, working_days_between
from qingyang_inspect.findings.model import Finding
from qingyang_inspect.store import Store
from qingyang_inspect.workspace import load_workspace

INSPECTOR = {"INSPECT_INSPECTOR": "张三"}

Walk = Callable[..., Result]


@pytest.fixture
def ws(run_cli: Callable[..., Result], minimal_workspace: Path) -> Path:
    """The minimal workspace with an open supervision round 督导1."""
    opened = run_cli(
        "-w", str(minimal_workspace), "round", "open", "督导1", "--kind", "supervision",
        env=INSPECTOR,
    )  # fmt: skip
    assert opened.exit_code == 0, opened.output
    return minimal_workspace


@pytest.fixture
def walk(run_cli: Callable[..., Result], ws: Path) -> Walk:
    """Run the walk of a site with ``answers`` piped in, one per line."""

    def run(*answers: str, site: str = "A1", args: tuple[str, ...] = ()) -> Result:
        typed = "".join(f"{answer}\n" for answer in answers)
        return run_cli(*args, "-w", str(ws), "record", "--site", site, input=typed, env=INSPECTOR)

    return run


def findings(ws: Path, site: str = "A1") -> list[Finding]:
    with Store.open(load_workspace(ws), readonly=True) as store:
        return list(store.iter_findings(site_id=site))


def photo(path: Path, color: tuple[int, int, int] = (180, 40, 40)) -> Path:
    Image.new("RGB", (40, 30), color).save(path, "JPEG")
    return path


def test_a_whole_walk_records_each_answer(walk: Walk, ws: Path, tmp_path: Path) -> None:
    good = photo(tmp_path / "垃圾.jpg")
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a photo", encoding="utf-8")

    result = walk(
        "y",  # CM-AD-01 符合
        "n", "3", "巷口垃圾堆积", "巷口东侧",  # CM-EN-01 不符合 3 例 ...
        str(bad), str(good),  # a bad photo is refused and asked again
        "y",  # 立行立改
        "a", "", "本巷无消防通道",  # CM-SF-01 不适用: the reason is required
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    out = result.stdout
    for progress in ("第 1/3 项 · 公益宣传", "第 2/3 项 · 环境卫生", "第 3/3 项 · 安全消防"):
        assert progress in out
    assert "CM-SF-01  一票否决" in out
    assert "计数规则：每1平方米以内垃圾计1例" in out
    assert "测评方法：看现场 · 标准分 6 · 扣分制：每例扣 1 分，扣完为止" in out
    assert f"照片有误：问题照片 {bad} 不是可识别的图片" in out
    assert "不适用必须说明原因" in out
    assert "本次记录 3 项（符合 1，不符合 1，不适用 1），跳过 0 项；尚余 0 项未记录。" in out
    assert "继续检查" not in out

    by_item = {f.item_id: f for f in findings(ws)}
    assert list(by_item) == ["CM-AD-01", "CM-EN-01", "CM-SF-01"]
    passed, failed, na = by_item.values()
    assert (passed.result, passed.occurrences, passed.inspector) == ("pass", 0, "张三")
    assert (failed.result, failed.occurrences, failed.on_spot) == ("fail", 3, True)
    assert (failed.note, failed.location) == ("巷口垃圾堆积", "巷口东侧")
    assert [(p.original_name, p.stage) for p in failed.photos] == [("垃圾.jpg", "before")]
    stored = ws / ".inspect" / "evidence" / failed.photos[0].relpath
    assert stored.read_bytes() == good.read_bytes()
    assert (na.result, na.note) == ("na", "本巷无消防通道")
    assert {f.round_name for f in by_item.values()} == {"督导1"}


def test_fail_with_defaults_gets_the_items_due_date(walk: Walk, ws: Path) -> None:
    result = walk("s", "不符合", "", "", "", "", "")

    assert result.exit_code == 0, result.output
    [failed] = findings(ws)
    assert (failed.item_id, failed.occurrences, failed.on_spot) == ("CM-EN-01", 1, False)
    assert (failed.note, failed.location, failed.photos) == (None, None, ())
    # CM-EN-01 has 1 rectification day, a working day: the next one after today.
    assert failed.due_date is not None
    calendar = WorkCalendar()
    found = failed.found_at.date()
    assert calendar.is_working_day(failed.due_date)
    assert working_days_between(calendar, found, failed.due_date) == 1
    assert f"已记录：不符合 1 例，整改期限 {failed.due_date.isoformat()}（{failed.number}）" in (
        result.stdout
    )


def test_unknown_answers_are_asked_again(walk: Walk, ws: Path) -> None:
    result = walk("maybe", "Ｙ", "x", "0", "两", "2", "", "", "", "是", "q")

    assert result.exit_code == 0, result.output
    assert "无法识别「maybe」" in result.stdout
    assert "「0」不是有效的例数" in result.stdout
    assert "「两」不是有效的例数" in result.stdout
    first, second = findings(ws)
    assert first.result == "pass"
    assert (second.result, second.occurrences, second.on_spot) == ("fail", 2, True)


def test_quit_keeps_what_was_recorded_and_resume_skips_it(walk: Walk, ws: Path) -> None:
    first = walk("y", "q")

    assert first.exit_code == 0, first.output
    assert (
        "本次记录 1 项（符合 1，不符合 0，不适用 0），跳过 0 项；尚余 2 项未记录。" in first.stdout
    )
    assert f"继续检查请执行：inspect -w {ws} record --site A1 --round 督导1 --inspector 张三" in (
        first.stdout
    )
    assert [f.item_id for f in findings(ws)] == ["CM-AD-01"]

    resumed = walk("n", "y", "a", "不涉及")  # do not revisit; then CM-EN-01, CM-SF-01

    assert resumed.exit_code == 0, resumed.output
    assert "本轮已记录 1 项，待检查 2 项" in resumed.stdout
    assert "第 1/3 项" not in resumed.stdout
    assert "第 2/3 项 · 环境卫生" in resumed.stdout
    assert [f.item_id for f in findings(ws)] == ["CM-AD-01", "CM-EN-01", "CM-SF-01"]

    again = walk("n")

    assert again.exit_code == 0, again.output
    assert "已记录的 3 项默认跳过；是否重新查看？" in again.stdout
    assert "本轮该点位适用的 3 项均已记录" in again.stdout
    assert len(findings(ws)) == 3


def test_revisit_shows_what_was_recorded(walk: Walk, ws: Path) -> None:
    walk("n", "", "", "", "", "", "q")

    result = walk("y", "s", "y", "q")  # revisit; skip CM-AD-01; CM-EN-01 now passes

    assert result.exit_code == 0, result.output
    assert "第 1/3 项 · 公益宣传" in result.stdout
    assert "CM-AD-01  本轮已记录：不符合" in result.stdout
    assert [(f.item_id, f.result) for f in findings(ws)] == [
        ("CM-AD-01", "fail"),
        ("CM-EN-01", "pass"),
    ]


def test_voided_findings_count_as_not_recorded(
    run_cli: Callable[..., Result], walk: Walk, ws: Path
) -> None:
    walk("y", "q")
    [recorded] = findings(ws)
    voided = run_cli(
        "-w", str(ws), "findings", "void", recorded.id, "--reason", "录错点位", env=INSPECTOR
    )  # fmt: skip
    assert voided.exit_code == 0, voided.output

    result = walk("q")

    assert "本轮已记录 0 项，待检查 3 项" in result.stdout
    assert "第 1/3 项 · 公益宣传" in result.stdout


def test_end_of_input_mid_answer_records_nothing_half_done(walk: Walk, ws: Path) -> None:
    result = walk("y", "n", "2", "半截")  # input ends while asking for the location

    assert result.exit_code == 0, result.output
    assert [f.item_id for f in findings(ws)] == ["CM-AD-01"]
    assert "本次记录 1 项" in result.stdout
    assert "尚余 2 项未记录" in result.stdout


@pytest.mark.parametrize(
    "answers",
    [
        ("n", "q"),  # at the count
        ("n", "2", "q"),  # at the note: not a note "q"
        ("n", "2", "垃圾", "退出"),  # at the location
        ("n", "2", "垃圾", "", "q"),  # at the photos: not a photo named "q"
        ("n", "2", "垃圾", "", "", "q"),  # at 立行立改
        ("a", "q"),  # at the reason of 不适用
    ],
    ids=["count", "note", "location", "photos", "on-spot", "reason"],
)
def test_q_within_an_answer_quits_as_promised(
    walk: Walk, ws: Path, answers: tuple[str, ...]
) -> None:
    """The header says 随时输入 q 退出: q quits at every question, and the half-answered
    item is not recorded (before, q was recorded as a note, a location or a reason)."""
    result = walk("y", *answers, "y", "y")

    assert result.exit_code == 0, result.output
    assert "已退出；正在回答的这一项未记录，此前的记录均已保存。" in result.stdout
    assert "尚余 2 项未记录" in result.stdout
    assert [f.item_id for f in findings(ws)] == ["CM-AD-01"]


def test_a_refused_answer_is_asked_again(walk: Walk, ws: Path) -> None:
    result = walk("a", "太长" * 1001, "y", "q")

    assert result.exit_code == 0, result.output
    assert "未记录：" in result.stdout
    assert "请重新回答本项" in result.stdout
    assert [(f.item_id, f.result) for f in findings(ws)] == [("CM-AD-01", "pass")]


def test_english_shows_the_gloss(walk: Walk, ws: Path) -> None:
    result = walk("q", args=("--lang", "en"))

    assert result.exit_code == 0, result.output
    assert "item 1 of 3 · Public-service ads" in result.stdout
    assert "显著位置有社会主义核心价值观宣传" in result.stdout
    assert "Core socialist values publicity in a prominent place" in result.stdout
    assert "pass y / fail n / n.a. a / skip s / quit q" in result.stdout
    assert "recorded 0 (pass 0, fail 0, n.a. 0), skipped 0; 3 remaining." in result.stdout


def test_chinese_does_not_show_the_english_gloss(walk: Walk) -> None:
    result = walk("q")
    assert "Core socialist values" not in result.stdout


def test_unknown_site_fails_before_any_prompt(walk: Walk) -> None:
    result = walk("y", site="a1")
    assert result.exit_code == 2
    assert "A1" in result.stderr
    assert "第 1/" not in result.stdout


def test_no_open_round_fails_before_any_prompt(
    run_cli: Callable[..., Result], minimal_workspace: Path
) -> None:
    result = run_cli(
        "-w", str(minimal_workspace), "record", "--site", "A1", input="y\n", env=INSPECTOR
    )  # fmt: skip
    assert result.exit_code == 2
    assert "轮次" in result.stderr
    assert "第 1/" not in result.stdout
    assert "Traceback" not in result.output


def test_no_inspector_fails_before_any_prompt(run_cli: Callable[..., Result], ws: Path) -> None:
    result = run_cli("-w", str(ws), "record", "--site", "A1", input="y\n")
    assert result.exit_code == 2
    assert "第 1/" not in result.stdout
    assert findings(ws) == []


def test_ctrl_c_during_a_write_is_delivered_after_it() -> None:
    """A committed finding is always counted: SIGINT waits until the write is done."""
    import os
    import signal

    from qingyang_inspect.cli.walk import _interrupts_deferred

    steps: list[str] = []
    # As in a command run from a shell (pytest-xdist workers ignore SIGINT).
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            with _interrupts_deferred():
                os.kill(os.getpid(), signal.SIGINT)
                steps.append("write finished")
            steps.append("never reached")
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)
    assert steps == ["write finished"]


# -- dated walks (entering paper forms later) ---------------------------------------------


@pytest.fixture
def june(run_cli: Callable[..., Result], minimal_workspace: Path) -> Walk:
    """A walk of A1 in round 六月督导, opened 2026-06-01 (its window: to 2026-07-02)."""
    opened = run_cli(
        "-w", str(minimal_workspace), "round", "open", "六月督导", "--kind", "supervision",
        "--date", "2026-06-01", env=INSPECTOR,
    )  # fmt: skip
    assert opened.exit_code == 0, opened.output

    def run(*answers: str, args: tuple[str, ...] = ()) -> Result:
        typed = "".join(f"{answer}\n" for answer in answers)
        command = ("-w", str(minimal_workspace), "record", "--site", "A1", *args)
        return run_cli(*command, input=typed, env=INSPECTOR)

    return run


def test_one_time_dates_the_whole_walk(june: Walk, minimal_workspace: Path) -> None:
    result = june(
        "y", "n", "2", "巷口垃圾", "", "", "", "a", "无消防通道", args=("--at", "2026-06-02 10:00")
    )
    assert result.exit_code == 0, result.output
    recorded = findings(minimal_workspace)
    assert [f.result for f in recorded] == ["pass", "fail", "na"]
    assert {f.found_at.strftime("%Y-%m-%d %H:%M") for f in recorded} == {"2026-06-02 10:00"}
    assert recorded[1].due_date is not None and recorded[1].due_date.isoformat() == "2026-06-03"
    assert all(f.recorded_at is not None and f.recorded_at > f.found_at for f in recorded)


def test_a_dated_walk_resumes_at_its_time_and_q_quits_at_the_first_question(
    june: Walk, minimal_workspace: Path
) -> None:
    first = june("y", "q", args=("--at", "2026-06-02 10:00"))
    assert first.exit_code == 0, first.output
    resume = (
        f"继续检查请执行：inspect -w {minimal_workspace} record --site A1 --round 六月督导 "
        "--inspector 张三 --at '2026-06-02 10:00'"
    )
    assert resume in first.stdout
    # 随时输入 q 退出: also at "revisit the items already recorded?"
    again = june("q", args=("--at", "2026-06-02 10:00"))
    assert again.exit_code == 0, again.output
    assert "第 2/3 项" not in again.stdout
    assert resume in again.stdout
    assert len(findings(minimal_workspace)) == 1
    timed = june("q", args=("--ask-time",))
    assert "--inspector 张三 --ask-time\n" in timed.stdout


def test_ask_time_dates_each_answer_and_holds_times_outside_the_round(
    june: Walk, minimal_workspace: Path
) -> None:
    result = june(
        "y", "2026-06-02 10:00",  # CM-AD-01 符合, found then
        "n", "1", "", "", "", "",  # CM-EN-01 不符合 …
        "2099-01-01",  # … a time in the future: asked again
        "2026-07-20 09:00",  # … after the round's window: asked to confirm
        "y",  # … confirmed
        "s",  # CM-SF-01 skipped
        args=("--ask-time",),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "未记录：发现时间 2099-01-01 00:00 晚于现在" in result.stdout
    assert (
        "未记录：发现时间 2026-07-20 09:00 不在轮次“六月督导”的时间范围内"
        "（2026-06-01 至 2026-07-02）" in result.stdout
    )
    assert "仍然记录到该轮次吗？" in result.stdout
    passed, failed = findings(minimal_workspace)
    assert passed.found_at.strftime("%Y-%m-%d %H:%M") == "2026-06-02 10:00"
    assert failed.found_at.strftime("%Y-%m-%d %H:%M") == "2026-07-20 09:00"


def test_a_walk_dated_in_the_future_fails_before_any_prompt(
    june: Walk, minimal_workspace: Path
) -> None:
    result = june("y", args=("--at", "2099-06-02 10:00"))
    assert result.exit_code == 2
    assert "发现时间 2099-06-02 10:00 晚于现在" in result.stderr
    assert "第 1/" not in result.stdout
    assert findings(minimal_workspace) == []
