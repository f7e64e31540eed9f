"""Breaking Chinese and English into lines: widths in display columns, 避头尾, words whole."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from qingyang_inspect.render.linebreak import wrap, wrap_at_spaces, wrap_paragraph


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


NOTE = (
    "说明：得分率 = 实得分 ÷ 应得分 × 100%，只计已检查的条目（不适用、未检查的不计）；设有类别权重"
)


def test_two_closing_marks_in_a_row_never_start_a_line() -> None:
    """Breaking before "；" carries "）" down, and "计" with it: no line starts with "）"."""
    lines = wrap(NOTE, 80)
    assert lines[1].startswith("计）；")
    assert all(cell_len(line) <= 80 for line in lines)


def test_a_paragraph_breaks_at_its_spaces_and_fills_its_lines() -> None:
    heading = "　".join(
        [
            "轮次：督导第二轮（2026-11-20）",
            "测评标准：青羊区文明城市创建示范点位测评标准（汇编）（版本 2026.1）",
            "统计截至：2026-11-28",
        ]
    )
    assert wrap_paragraph(heading, 80) == [
        "轮次：督导第二轮（2026-11-20）",
        "测评标准：青羊区文明城市创建示范点位测评标准（汇编）（版本 2026.1）",
        "统计截至：2026-11-28",
    ]  # each field whole, where wrap would split 汇编
    # a piece wider than a line continues where the line stands, not on a line of its own
    lines = wrap_paragraph(NOTE, 80)
    assert lines[0].startswith("说明：得分率 = 实得分 ÷ 应得分 × 100%，只计")
    assert cell_len(lines[0]) >= 70 and all(cell_len(line) <= 80 for line in lines)
    assert "".join(lines).replace(" ", "") == NOTE.replace(" ", "")
