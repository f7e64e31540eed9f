"""Wrapping messages and help for the terminal: where a line may break."""

from __future__ import annotations

import pytest

from conftest import RunCli
from qingyang_inspect.cli.layout import labelled, width, wrap

SENTENCE = "处理时间 2026-06-03 09:00 早于发现时间 2026-06-04T10:30:05+08:00，请核对后重新输入"


@pytest.mark.parametrize("columns", range(12, 60))
def test_a_date_and_its_time_stay_on_one_line(columns: int) -> None:
    lines = wrap(SENTENCE, columns, cut=False)
    joined = "\n".join(lines)
    assert "2026-06-03 09:00" in joined
    assert "2026-06-04T10:30:05+08:00" in joined
    for line in lines:
        # Only a whole date-time (with the mark that must not start a line) is ever wider.
        assert width(line) <= columns or line.strip().rstrip("，") in (
            "2026-06-03 09:00",
            "2026-06-04T10:30:05+08:00",
        ), (columns, line)
        assert not line.startswith("，")


def test_other_spaces_still_break() -> None:
    assert wrap("2026-06-03 is the day and 09:00 the hour", 16) == [
        "2026-06-03 is",
        "the day and",
        "09:00 the hour",
    ]


def test_a_wrapped_message_never_puts_a_space_between_two_chinese_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lines after the first are wrapped from the text, not from its lines joined
    with spaces (which showed 不 能再记为符合 for 不能再记为符合)."""
    monkeypatch.setenv("COLUMNS", "80")
    numbers = "、".join(f"不符合 M9VX93EAM{n}" for n in range(6))
    message = f"QY-C-08 的 CM-AD-06 在本轮已有记录（{numbers}），不能再记为符合"
    shown = labelled("错误", message)
    lines = shown.splitlines()
    assert len(lines) == 3 and all(width(line) <= 80 for line in lines)
    assert lines[-1] == "  不能再记为符合"
    assert "不 能" not in shown


def test_two_closing_marks_in_a_row_never_start_a_line() -> None:
    text = "说明：得分率 = 实得分 ÷ 应得分 × 100%，只计已检查的条目（不适用、未检查的不计）；"
    text += "设有类别权重"
    lines = wrap(text, 80, cut=False)
    assert lines[1].startswith("计）；") and all(width(line) <= 80 for line in lines)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", "输出格式。可选：table、json、csv、xlsx。"),
        ("en", "output format. One of: table, json, csv, xlsx."),
    ],
)
def test_choices_follow_a_help_text_as_their_own_sentence(
    run_cli: RunCli, lang: str, expected: str
) -> None:
    result = run_cli("--lang", lang, "report", "progress", "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert expected in result.stdout


@pytest.mark.parametrize(
    ("lang", "grouping", "person"),
    [("zh", "--by 选项", "--by 姓名"), ("en", "--by CHOICE", "--by NAME")],
)
def test_a_choice_of_grouping_is_not_shown_as_a_persons_name(
    run_cli: RunCli, lang: str, grouping: str, person: str
) -> None:
    progress = run_cli("--lang", lang, "report", "progress", "--help", env={"COLUMNS": "200"})
    rectify = run_cli("--lang", lang, "rectify", "--help", env={"COLUMNS": "200"})
    assert grouping in progress.stdout
    assert person not in progress.stdout
    assert person in rectify.stdout
