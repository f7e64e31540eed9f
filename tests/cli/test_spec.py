"""Reading a command line before the parser: which words are the arguments."""

from __future__ import annotations

import pytest

from qingyang_inspect.cli import hot
from qingyang_inspect.cli.spec import positionals

VALIDATE = hot.COMMANDS["validate"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["a.yaml", "-f", "json", "b"], ["a.yaml", "b"]),
        (["--format=json", "--strict", "a"], ["a"]),
        (["--lang", "en", "a"], ["a"]),
        (["-f", "json", "--", "-odd", "--strict"], ["-odd", "--strict"]),
        (["-", "a"], ["-", "a"]),
    ],
)
def test_the_arguments_are_the_words_that_are_no_option_nor_its_value(
    args: list[str], words: list[str]
) -> None:
    assert positionals(VALIDATE, args) == words
