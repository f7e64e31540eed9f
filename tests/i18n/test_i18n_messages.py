"""The message catalog: every message in Chinese and English, with the same placeholders."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest

from message_areas import AREA_DOCS, area_of
from qingyang_inspect.i18n import MESSAGES, messages, parse_lang, set_language, t, translate

SRC = Path(__file__).resolve().parents[2] / "src" / "qingyang_inspect"


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a message is formatted with."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def problems(table: dict[str, tuple[str, str]]) -> list[str]:
    """What is wrong with a message table (empty when every entry is complete)."""
    found = []
    for key, value in table.items():
        if not (isinstance(value, tuple) and len(value) == 2):
            found.append(f"{key}: not a (zh, en) pair")
            continue
        zh, en = value
        if not (isinstance(zh, str) and zh.strip()):
            found.append(f"{key}: no Chinese text")
        if not (isinstance(en, str) and en.strip()):
            found.append(f"{key}: no English text")
        if isinstance(zh, str) and isinstance(en, str) and placeholders(zh) != placeholders(en):
            found.append(f"{key}: placeholders differ {placeholders(zh)} != {placeholders(en)}")
    return found


def test_every_message_has_both_languages_and_the_same_placeholders() -> None:
    assert problems(MESSAGES) == []


@pytest.mark.parametrize(
    "table",
    [
        {"x.missing_en": ("中文", "")},
        {"x.missing_zh": ("  ", "English")},
        {"x.one_language": ("只有中文",)},  # type: ignore[dict-item]
        {"x.placeholders": ("{id} 不存在", "{name} does not exist")},
        {"x.extra_placeholder": ("缺少字段", "field {field} is missing")},
    ],
    ids=lambda table: next(iter(table)),
)
def test_the_check_catches_an_incomplete_message(table: dict[str, tuple[str, str]]) -> None:
    assert problems(table) != []


def test_the_catalog_is_the_union_of_the_area_tables() -> None:
    """Every module of ``i18n/messages`` is merged into the catalog, no key twice."""
    tables = [
        importlib.import_module(f"{messages.__name__}.{module.name}").MESSAGES
        for module in pkgutil.iter_modules(messages.__path__)
    ]
    assert len(tables) >= 6
    assert sum(len(table) for table in tables) == len(MESSAGES)
    for table in tables:
        assert problems(table) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_message_renders(lang: str) -> None:
    for key, pair in MESSAGES.items():
        params = {name: f"<{name}>" for name in placeholders(pair[0])}
        text = translate(lang, key, **params)  # type: ignore[arg-type]
        assert text.strip(), key
        for value in params.values():
            assert value in text, key


def test_every_literal_key_in_the_code_exists() -> None:
    """``t("key")`` and the YAML problems' message keys name real messages."""
    pattern = re.compile(r"""\bt\(\s*["']([A-Za-z0-9_.]+)["']|["'](yaml\.[a-z_0-9]+)["']""")
    used = set()
    for path in SRC.rglob("*.py"):
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            used.add(match.group(1) or match.group(2))
    assert used, "the pattern found no keys"
    assert sorted(key for key in used if key not in MESSAGES) == []


def test_language_switch() -> None:
    set_language("en")
    assert t("label.error") == "Error"
    set_language("zh")
    assert t("label.error") == "错误"
    assert [parse_lang(v) for v in ("zh_CN.UTF-8", "en-US", "EN", "fr", "", None)] == [
        "zh",
        "en",
        "en",
        None,
        None,
        None,
    ]


def _code_constants() -> set[str]:
    """Every string literal in the code outside the message tables."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        if path.parent.name == "messages":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_message_is_used_by_its_literal_key() -> None:
    """A key no code names is dead text; one only built from fragments cannot be grepped."""
    constants = _code_constants()
    assert sorted(key for key in MESSAGES if key not in constants) == []


#: The first part of every key (``schema`` of ``schema.missing``).
KEY_AREAS = {key.split(".")[0] for key in MESSAGES}


def _starts_a_key(text: ast.JoinedStr) -> bool:
    """An f-string that begins like a message key: ``f"schema.{kind}"``."""
    head = text.values[0] if text.values else None
    if not (isinstance(head, ast.Constant) and isinstance(head.value, str)):
        return False
    return re.fullmatch(r"[a-z_]+\.[a-z_.]*", head.value) is not None and (
        head.value.split(".")[0] in KEY_AREAS
    )


def _computed_keys(source: str) -> list[int]:
    """Lines where ``t(...)`` or ``translate(lang, ...)`` gets a key built from pieces."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr) and _starts_a_key(node):
            lines.append(node.lineno)  # a key kept in a variable first: key = f"area.{x}"
            continue
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        position = {"t": 0, "translate": 1}.get(node.func.id)
        if position is None or len(node.args) <= position:
            continue
        if isinstance(node.args[position], (ast.JoinedStr, ast.BinOp, ast.Call)):
            lines.append(node.lineno)
    return lines


def test_no_key_is_built_from_fragments() -> None:
    found = {
        str(path.relative_to(SRC)): lines
        for path in SRC.rglob("*.py")
        if (lines := _computed_keys(path.read_text(encoding="utf-8")))
    }
    assert found == {}


@pytest.mark.parametrize(
    "source",
    [
        't(f"schema.{kind}")',
        't("lifecycle." + action)',
        'translate("en", "x.{}".format(k))',
        'key = f"schema.{kind}"',
    ],
)
def test_the_fragment_check_catches_a_built_key(source: str) -> None:
    assert set(_computed_keys(source)) == {1}


def _users() -> dict[str, set[str]]:
    """Each key, and the areas (tests/message_areas.py) whose code names it."""
    used: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("i18n/messages/"):
            continue
        area = area_of(rel)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if node.value in MESSAGES:
                    used.setdefault(node.value, set()).add(area)
    return used


def test_every_message_lives_in_the_table_of_the_area_that_uses_it() -> None:
    """One area's key in its table; a key two areas name in ``shared``."""
    tables = {
        module.name: importlib.import_module(f"{messages.__name__}.{module.name}").MESSAGES
        for module in pkgutil.iter_modules(messages.__path__)
    }
    assert set(tables) <= set(AREA_DOCS)
    users = _users()
    misplaced = []
    for name, table in tables.items():
        for key in table:
            areas = users.get(key, set())
            home = next(iter(areas)) if len(areas) == 1 else "shared"
            if home != name:
                misplaced.append(f"{key}: in {name}.py, used by {sorted(areas)}: move to {home}.py")
    assert misplaced == []
