"""Safe YAML reading: positions, paths, hostile input and PyYAML's error messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from qingyang_inspect.catalog import yamlfile
from qingyang_inspect.catalog.yamlfile import (
    YamlProblem,
    format_path,
    locate,
    parse_text,
    read_document,
    scalar_at,
)

DOC = """\
standard:
  id: demo
items:
  - id: NM-01-01
    points: 6
    scoring:
      mode: deduction
      per_occurrence: 1
  - id: NM-01-02
    scoring: {mode: graded, coefficients: [1, 0.5, 0]}
"""


def problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        parse_text(text)
    return caught.value


# -- format_path and locate -----------------------------------------------------


@pytest.mark.parametrize(
    ("loc", "shown"),
    [
        ((), ""),
        (("items",), "items"),
        (("items", 12, "points"), "items[12].points"),
        (("sites", 0, "tags", 2), "sites[0].tags[2]"),
        (("standard", "verdicts", "levels", "city", "met"), "standard.verdicts.levels.city.met"),
        ((3,), "[3]"),
    ],
)
def test_format_path(loc: tuple[str | int, ...], shown: str) -> None:
    assert format_path(loc) == shown


def root() -> yaml.Node:
    return parse_text(DOC).root


def test_locate_points_at_the_value() -> None:
    assert locate(root(), ("items", 0, "points")) == ((5, 13), ("items", 0, "points"))
    assert locate(root(), ("items", 1, "scoring", "coefficients", 2)) == (
        (10, 52),
        ("items", 1, "scoring", "coefficients", 2),
    )


def test_locate_with_key_points_at_the_key() -> None:
    assert locate(root(), ("items", 0, "points"), key=True)[0] == (5, 5)


def test_locate_drops_the_tag_of_a_discriminated_union() -> None:
    # pydantic: ('items', 0, 'scoring', 'deduction', 'per_occurrence')
    position, shown = locate(root(), ("items", 0, "scoring", "deduction", "per_occurrence"))
    assert position == (8, 23)
    assert shown == ("items", 0, "scoring", "per_occurrence")


def test_locate_a_missing_field_stops_at_the_mapping_that_lacks_it() -> None:
    position, shown = locate(root(), ("items", 1, "points"))
    assert position == (9, 5)  # the start of items[1]
    assert shown == ("items", 1, "points")


def test_locate_drops_the_key_marker_and_points_at_the_key() -> None:
    position, shown = locate(root(), ("items", 0, "scoring", "[key]"))
    assert shown == ("items", 0, "scoring")
    assert position == (6, 5)


def test_locate_an_index_past_the_end_stops_at_the_list() -> None:
    position, shown = locate(root(), ("items", 7, "id"))
    assert position == (4, 3)  # the "-" of the list's first entry
    assert shown == ("items", 7, "id")


def test_scalar_at() -> None:
    node = scalar_at(root(), ("items", 1, "scoring", "mode"))
    assert node is not None and node.value == "graded"
    assert scalar_at(root(), ("items", 1, "scoring")) is None  # a mapping
    assert scalar_at(root(), ("items", 5, "id")) is None


# -- values -----------------------------------------------------------------------


def test_plain_values_and_merge_keys() -> None:
    doc = parse_text(
        "base: &b {unit: 草堂街道办事处, days: 3}\n"
        "site:\n  <<: *b\n  days: 5\n  on_duty: on\n  since: 2026-03-01\n  code: '007'\n"
    )
    assert doc.data["site"] == {
        "unit": "草堂街道办事处",
        "days": 5,
        "on_duty": True,  # YAML 1.1, as PyYAML reads it; the schema says what it expects
        "since": dt.date(2026, 3, 1),
        "code": "007",
    }


def test_a_date_that_does_not_exist_stays_text_for_the_schema_to_report() -> None:
    assert parse_text("effective_date: 2026-02-30\n").data == {"effective_date": "2026-02-30"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('a: !!int ""', ""),  # IndexError inside PyYAML
        ('a: !!int "-"', "-"),
        ("a: !!float abc", "abc"),  # ValueError
        ("a: !!bool maybe", "maybe"),  # KeyError
        ("a: !!timestamp soon", "soon"),  # AttributeError
        ("a: !!timestamp 2026-01-01T25:00:00", "2026-01-01T25:00:00"),
    ],
)
def test_a_value_its_tag_cannot_read_stays_text(text: str, value: str) -> None:
    assert parse_text(text).data == {"a": value}


def test_duplicate_key_names_the_first_and_its_path() -> None:
    found = problem("items:\n  - id: A-1\n    points: 4\n    points: 5\n")
    assert (found.code, found.line, found.column) == ("duplicate-key", 4, 5)
    assert found.params == {"key": "points", "first_line": 3}
    assert found.path == ("items", 0, "points")


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object/apply:os.system ['true']\n", "!!python/object/apply:os.system"),
        ("a: !!python/name:os.system\n", "!!python/name:os.system"),
        ("a: !!set {x, y}\n", "!!set"),
        ("a: !local 1\n", "!local"),
        ("a: !!omap [x: 1]\n", "!!omap"),
    ],
)
def test_unsafe_tags_are_refused_and_shown_as_written(text: str, tag: str) -> None:
    found = problem(text)
    assert found.code == "unsafe-tag"
    assert found.params == {"tag": tag}
    assert (found.line, found.column, found.path) == (1, 4, ("a",))


def test_complex_keys_are_refused() -> None:
    assert problem("? [a, b]\n: 1\n").code == "complex-key"


def test_merge_of_a_scalar_is_refused() -> None:
    assert problem("a: &x 1\nb:\n  <<: *x\n").code == "bad-merge"


def test_an_alias_bomb_is_refused_at_the_node_whose_aliases_multiply() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    found = problem("\n".join([*lines, "sites: *a9"]))
    assert found.code == "too-many-nodes"
    # a5 is the first value that expands past MAX_NODES (9**6 > 500 000).
    assert (found.line, found.column, found.path) == (6, 5, ("a5",))


def test_the_expansion_limit_counts_aliases(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
    assert parse_text(text).data["b"] == [[1, 2, 3]] * 3
    # a: 4 values, b: 1 + 3 x 4 = 13, the whole document 20.
    monkeypatch.setattr(yamlfile, "MAX_NODES", 12)
    found = problem(text)
    assert (found.code, found.path) == ("too-many-nodes", ("b",))


@pytest.mark.parametrize("anchor", ["", "&x "], ids=["plain", "anchored"])
def test_the_node_limit_holds_with_and_without_anchors(
    monkeypatch: pytest.MonkeyPatch, anchor: str
) -> None:
    # Without an anchor the expansion check is skipped and the builder counts:
    # the limit must fall on the very same node count either way.
    text = f"a: {anchor}[1, 2, 3]\n"  # the mapping, its key, the list and 3 values
    monkeypatch.setattr(yamlfile, "MAX_NODES", 6)
    assert parse_text(text).data == {"a": [1, 2, 3]}
    monkeypatch.setattr(yamlfile, "MAX_NODES", 5)
    found = problem(text)
    assert (found.code, found.line, found.column, found.path) == ("too-many-nodes", 1, 1, ())


def test_a_large_file_without_anchors_is_refused_at_the_same_node(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yamlfile, "MAX_NODES", 5)
    found = problem("a: [1, 2]\nb: [x, y, {c: d, e: [f, g]}]\n")
    # b holds 10 nodes, its mapping 7, the list in that 3: the mapping is to blame.
    assert (found.code, found.line, found.column, found.path) == (
        "too-many-nodes",
        2,
        11,
        ("b", 2),
    )


def test_the_node_limit_comes_before_other_problems_without_anchors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The expansion check used to run before building: its problem still wins.
    monkeypatch.setattr(yamlfile, "MAX_NODES", 8)
    text = "a: !!set {x}\nb: [1, 2, 3, 4, 5, 6, 7, 8, 9]\n"
    assert problem(text).code == "too-many-nodes"
    monkeypatch.setattr(yamlfile, "MAX_NODES", 100)
    assert problem(text).code == "unsafe-tag"


SCALARS = """\
text: 草堂小学
quoted: '007'
block: |
  第一行
number: 12
hex: 0x1F
octal: 017
sexagesimal: 1:30
float: 1.5
exp: 1e3
inf: -.inf
yes: yes
off: Off
none: ~
empty:
date: 2026-03-01
stamp: 2026-03-01 08:30:00
tagged_int: !!int "5"
tagged_str: !!str 5
tagged_float: !!float 2
binary: !!binary aGVsbG8=
nonspecific: ! 12
list: [1, two, 3.0, null, true, 2026-01-01]
"""


@pytest.mark.parametrize("anchor", ["", "anchor: &a 1\nalias: *a\n"], ids=["plain", "anchored"])
def test_scalars_are_what_pyyaml_makes_of_them(anchor: str) -> None:
    text = SCALARS + anchor
    data = parse_text(text).data
    expected = yaml.load(text, Loader=yaml.CSafeLoader)
    assert data == expected
    assert [type(v) for v in data.values()] == [type(v) for v in expected.values()]
    assert [type(v) for v in data["list"]] == [type(v) for v in expected["list"]]


def test_path_resolvers_are_still_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    # The faster resolver skips PyYAML's path hooks; with a path resolver registered
    # (here: the mapping under ``m`` is a set) PyYAML's own loader is used.
    class WithPath(yaml.CSafeLoader):
        pass

    WithPath.add_path_resolver("tag:yaml.org,2002:set", [(dict, "m")], dict)
    assert parse_text("m: {a: 1}\n").data == {"m": {"a": 1}}
    monkeypatch.setattr(yaml.CSafeLoader, "yaml_path_resolvers", WithPath.yaml_path_resolvers)
    found = problem("m: {a: 1}\n")
    assert (found.code, found.params) == ("unsafe-tag", {"tag": "!!set"})


def test_an_anchor_that_contains_itself_is_refused() -> None:
    found = problem("tags: &t [a, *t]\n")
    assert (found.code, found.line, found.column) == ("recursive-alias", 1, 7)


def test_deep_nesting_is_refused_at_its_place() -> None:
    text = "sites:\n" + "".join("  " * i + "- k:\n" for i in range(1, 100))
    found = problem(text)
    assert found.code == "too-deep"
    assert found.line is not None and found.line > 2


def test_flow_nesting_beyond_the_parser_limit_is_refused() -> None:
    found = problem("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert found.code == "too-deep"
    assert found.line == 1


# -- syntax errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        # the opening bracket / quote / key is the node to fix, not where the parser gave up
        ("a: [b, c\nd: e\n", "unclosed-bracket", 1, 4),
        ("a: {b: c\nd: e\n", "unclosed-bracket", 1, 4),
        ('a: "b\nc: d\n', "unclosed-quote", 1, 4),
        ("a: 1\nb\nc: 2\n", "missing-colon", 2, 1),
        ("a: b: c\n", "colon-in-value", 1, 5),
        ("a:\n  b: 1\n c: 2\n", "bad-indent", 3, 2),
        ("- a\nb: 1\n", "bad-indent", 2, 1),
        ("a:\n\tb: 1\n", "tab-indent", 2, 1),
        ("a:\n  b: 1\n\tc: 2\n", "tab-indent", 3, 1),
        ("a: *nope\n", "undefined-alias", 1, 4),
        ("a: 1\n---\nb: 2\n", "many-documents", 2, 1),
        ("a: @b\n", "bad-character", 1, 4),
        ("a: b\x0c\n", "bad-character", 1, 5),
        ("%FOO\n---\na: 1\n", "yaml-syntax", 1, 5),
    ],
)
def test_syntax_errors(text: str, code: str, line: int, column: int) -> None:
    found = problem(text)
    assert (found.code, found.line, found.column) == (code, line, column)


def test_syntax_error_names_the_line_where_it_was_noticed() -> None:
    found = problem("a: [b, c\nd: e\nf: g\n")
    assert found.params == {"seen_line": 2, "open": "[", "close": "]"}


def test_undefined_alias_and_bad_character_are_named() -> None:
    assert problem("a: *base_unit\n").params == {"name": "base_unit"}
    assert problem("a: `b`\n").params == {"char": "`"}
    assert problem("名称: 草堂\x07小学\n").params == {"code": "U+0007"}
    assert problem("名称: 草堂\x07小学\n").column == 7


def test_unknown_syntax_errors_keep_pyyaml_words_with_their_context() -> None:
    found = problem("%FOO\n---\na: 1\n")
    assert found.params == {"problem": "found unknown directive name (while scanning a directive)"}


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_empty_documents(text: str) -> None:
    found = problem(text)
    assert (found.code, found.line, found.column) == ("empty-file", 1, 1)


CHARS = st.text(alphabet=st.sampled_from(list("ab:- \n\t[]{}\"'&*!#|>%@`,?.0\x0c中")), max_size=60)
TOKENS = st.lists(
    st.sampled_from(
        [
            "!!int ",
            "!!float ",
            "!!bool ",
            "!!timestamp ",
            "!!binary ",
            "!!null ",
            "!!str ",
            "!!map ",
            "!!seq ",
            "!!python/tuple ",
            "!x ",
            '""',
            "''",
            "-",
            ": ",
            " ",
            "\n",
            "\n  ",
            "a",
            "1",
            "2026-02-30",
            "[",
            "]",
            "{",
            "}",
            ", ",
            "&x ",
            "*x",
            "<<: ",
            "? ",
            "|\n",
            ">\n",
            "#",
            "\t",
            "%YAML 1.1\n",
            "---\n",
            "...\n",
            "\ufeff",
            "\x85",
        ]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(CHARS, TOKENS))
def test_any_text_is_data_or_a_yaml_problem(text: str) -> None:
    """Whatever the text, reading it never raises anything but YamlProblem."""
    try:
        parse_text(text)
    except YamlProblem as found:
        assert found.message_key.startswith("yaml.")
        assert (found.line is None) == (found.column is None)


# -- files and encodings ----------------------------------------------------------------


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "file.yaml"
    path.write_bytes(data)
    return path


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffname: 草堂小学\n".encode())
    assert read_document(path).data == {"name": "草堂小学"}


def test_gbk_is_named_with_the_column_in_characters(tmp_path: Path) -> None:
    path = write(tmp_path, "名称: 草堂\n别名: ".encode() + "青羊".encode("gbk") + b"\n")
    with pytest.raises(YamlProblem) as caught:
        read_document(path)
    found = caught.value
    assert (found.message_key, found.line, found.column) == ("yaml.not_utf8_gbk", 2, 5)
    assert found.params == {"byte": "0xC7"}


def test_bytes_that_are_neither_utf8_nor_gbk(tmp_path: Path) -> None:
    with pytest.raises(YamlProblem) as caught:
        read_document(write(tmp_path, b"a: \xff\xff\n"))
    assert (caught.value.message_key, caught.value.line, caught.value.column) == (
        "yaml.not_utf8",
        1,
        4,
    )


def test_utf16_is_named(tmp_path: Path) -> None:
    with pytest.raises(YamlProblem) as caught:
        read_document(write(tmp_path, "a: 草堂\n".encode("utf-16")))
    assert caught.value.message_key == "yaml.utf16"


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlfile, "MAX_FILE_BYTES", 1024 * 1024)
    path = write(tmp_path, b"a: " + b"x" * (1024 * 1024) + b"\n")
    with pytest.raises(YamlProblem) as caught:
        read_document(path)
    assert caught.value.code == "too-large"
    assert caught.value.params == {"size_mb": "1.0", "limit_mb": 1}
    assert caught.value.line is None
