"""The result words: one definition for the options, the checklist's 结果 column and the walk."""

from __future__ import annotations

import pytest

from qingyang_inspect.cli import hot
from qingyang_inspect.cli.spec import normalize_value
from qingyang_inspect.findings.words import parse_result, result_words
from qingyang_inspect.walk import parse_choice

RESULT_PARAM = next(p for p in hot.COMMANDS["record"] if p.long == "--result")


@pytest.mark.parametrize(
    ("typed", "result"),
    [
        ("符合", "pass"),
        ("合格", "pass"),
        (" 合 格 ", "pass"),
        ("不合格", "fail"),
        ("不符合", "fail"),
        ("不适用", "na"),
        ("无此项", "na"),
        ("Pass", "pass"),
        ("ＦＡＩＬ", "fail"),  # full-width, as a Chinese input method types it
        ("N/A", "na"),
        ("not applicable", "na"),
    ],
)
def test_the_fields_words_name_results(typed: str, result: str) -> None:
    assert parse_result(typed) == result


@pytest.mark.parametrize("typed", ["", "合", "ok", "y", "n", "达标", "不达标"])
def test_other_words_name_no_result(typed: str) -> None:
    """One-key answers are the walk's own; a site's verdict is not an item's result."""
    assert parse_result(typed) is None


@pytest.mark.parametrize("word", sorted(result_words()))
def test_the_walk_and_the_options_take_every_result_word(word: str) -> None:
    result = result_words()[word]
    assert parse_choice(word) == result
    assert normalize_value(RESULT_PARAM, word) == result
