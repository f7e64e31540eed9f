"""The words people write for a result (符合 / 不符合 / 不适用), wherever they give one.

One definition for every place a result is typed: ``record --result``,
``findings list --result``, ``findings amend --result`` (through
:func:`qingyang_inspect.cli.spec.normalize_value`), the 结果 column of a filled
checklist, and the interactive walk's prompt (which adds its one-key answers).
Besides the codes and the catalog's labels in both languages, the field writes
合格 / 不合格 for the same results on its printed checklists, ticks and crosses,
and 无此项 for an item the site does not have. Standard library and the catalog
only: the fast path of ``inspect record`` imports it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import cache

from qingyang_inspect.findings.model import RESULTS, Result
from qingyang_inspect.i18n import LANGS, translate

#: The message key of each result's label (written out, so grep finds them).
RESULT_LABEL_KEYS: Mapping[str, str] = {
    "pass": "finding.result.pass",
    "fail": "finding.result.fail",
    "na": "finding.result.na",
}

#: The field's other words for the results, besides the codes and labels.
FIELD_WORDS: Mapping[str, Result] = {
    **dict.fromkeys(("合格", "通过", "√", "✓"), "pass"),
    **dict.fromkeys(("不合格", "×", "✗"), "fail"),
    **dict.fromkeys(("无此项", "not applicable", "n.a.", "n.a"), "na"),
}


def fold(text: str) -> str:
    """``text`` as compared: full-width forms folded (``Ｎ／Ａ``), spaces dropped, case ignored."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


@cache
def result_words() -> Mapping[str, Result]:
    """Every word (folded) that names a result: codes, labels in both languages, field words."""
    words: dict[str, Result] = {}
    for result in RESULTS:
        words[fold(result)] = result
        for lang in LANGS:
            words[fold(translate(lang, RESULT_LABEL_KEYS[result]))] = result
    for word, result in FIELD_WORDS.items():
        words[fold(word)] = result
    return words


def parse_result(text: str) -> Result | None:
    """The result ``text`` names (``合格`` → ``pass``), or ``None``."""
    return result_words().get(fold(text))
