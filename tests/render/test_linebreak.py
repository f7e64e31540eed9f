"""Breaking Chinese and English into lines: widths in display columns, 避头尾, words whole."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from qingyang_inspect.render.linebreak import wrap, wrap_at_spaces


def test_chinese_breaks_between_characters_but_never_before_closing_punctuation() -> None:
    text = "公益广告无错别字、无表述不规范、无褪色污损，未被小广告覆盖，非临时张贴。"
    lines = wrap(text, 14)
    assert lines == [
        "公益广告无错别",
        "字、无表述不规",
        "范、无褪色污",  # "损，" goes down together: a line never starts with "，"
        "损，未被小广告",
        "覆盖，非临时张",
        "贴。",
    ]
    assert all(cell_len(line) <= 14 for line in lines)


def test_english_breaks_between_words_and_opening_punctuation_goes_down() -> None:
    assert wrap("Core socialist values publicity in a prominent place", 20) == [
        "Core socialist",
        "values publicity in",
        "a prominent place",
    ]
    assert wrap("整改要求（三日内完成）", 10) == ["整改要求", "（三日内完", "成）"]


def test_fitting_lines_are_kept_exactly_and_long_words_are_cut() -> None:
    assert wrap("a  b\n测试", 10) == ["a  b", "测试"]
    assert wrap("https://example.org/very/long", 10) == ["https://ex", "ample.org/", "very/long"]


TEXT = st.text(alphabet=st.sampled_from([*"abc XYZ测试草堂街道，。、（）“”-/", "\n"]), max_size=60)


@given(TEXT, st.integers(2, 30))
def test_every_line_fits_and_nothing_is_lost(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_wrap_at_spaces_keeps_each_piece_whole() -> None:
    assert wrap_at_spaces("rectified, awaiting re-check", 10) == [
        "rectified,",
        "awaiting",
        "re-check",
    ]
    assert wrap_at_spaces("closed 6 day(s) late", 10) == ["closed 6", "day(s)", "late"]
    assert wrap_at_spaces("逾期销号（6天）", 4) == ["逾期销号（6天）"]  # wider: a line of its own
    assert wrap_at_spaces("", 8) == [""]
