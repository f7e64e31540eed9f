"""Wrapping messages and help for the terminal: where a line may break."""

from __future__ import annotations

import pytest

from qingyang_inspect.cli.layout import width, wrap

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
