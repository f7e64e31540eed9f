"""Safe YAML reading that keeps every node's position.

PyYAML's loaders forget where a value came from and silently keep the last of
two equal keys. Here a file is *composed* into nodes (with the C parser when
present) and the nodes are turned into plain Python values by a small walker
that

* rejects duplicate keys and any tag outside YAML's safe core schema,
* caps the number of values produced, so alias bombs (billion laughs) stop early,
* keeps the node tree, so :func:`locate` can map a path such as
  ``("items", 12, "points")`` back to a ``line:column`` for error messages.

Errors are raised as :class:`YamlProblem` with a message key of the catalog and
a 1-based position.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # the C parser is several times faster; PyYAML wheels normally ship it
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Files above this size are refused outright: real standards are a few hundred KB.
MAX_FILE_BYTES = 10 * 1024 * 1024
#: Values produced per file, aliases counted each time they are expanded.
MAX_NODES = 500_000

_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_SAFE_SCALARS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "binary")
)


@dataclass
class YamlProblem(Exception):
    """A file that cannot be turned into data; ``line`` and ``column`` are 1-based."""

    code: str
    message_key: str
    line: int | None = None
    column: int | None = None
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: its plain data and the node tree it came from."""

    data: Any
    root: yaml.Node


def read_document(path: Path) -> YamlDocument:
    """Read ``path`` as one YAML document; raise :class:`YamlProblem` when it cannot be.

    A UTF-8 byte-order mark is accepted; any other non-UTF-8 byte is an error
    placed at its line and column.
    """
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise YamlProblem(
            "too-large",
            "yaml.too_large",
            params={"size_mb": f"{size / 1048576:.1f}", "limit_mb": MAX_FILE_BYTES // 1048576},
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start
        line = raw.count(b"\n", 0, offset) + 1
        column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
        raise YamlProblem(
            "encoding", "yaml.not_utf8", line, column, {"byte": f"0x{raw[offset]:02X}"}
        ) from None
    return parse_text(text)


def parse_text(text: str) -> YamlDocument:
    """Parse one YAML document from ``text`` (see :func:`read_document`)."""
    loader = _Loader(text)
    # Building many small objects triggers the cyclic GC over and over although
    # nothing here is cyclic garbage; pausing it roughly halves large loads.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise _syntax_problem(exc) from None
        except yaml.YAMLError as exc:  # e.g. more than one document
            raise YamlProblem("yaml-syntax", "yaml.syntax", params={"problem": str(exc)}) from None
        except RecursionError:
            raise YamlProblem("too-deep", "yaml.too_deep") from None
        if root is None:
            raise YamlProblem("empty-file", "yaml.empty", 1, 1)
        try:
            data = _Builder(loader).build(root)
        except RecursionError:
            raise YamlProblem("too-deep", "yaml.too_deep") from None
        return YamlDocument(data, root)
    finally:
        loader.dispose()
        if gc_was_enabled:
            gc.enable()


def _syntax_problem(exc: yaml.MarkedYAMLError) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    if "'\\t'" in problem:
        return YamlProblem("tab-indent", "yaml.tab", line, column)
    return YamlProblem("yaml-syntax", "yaml.syntax", line, column, {"problem": problem})


class _Builder:
    """Turns composed nodes into plain values under the rules in the module doc."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader
        self._budget = MAX_NODES

    def build(self, node: yaml.Node) -> Any:
        self._budget -= 1
        if self._budget < 0:
            raise YamlProblem("too-many-nodes", "yaml.too_many_nodes", *_pos(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise _unsafe(node)
            return [self.build(child) for child in node.value]
        if node.tag not in _SAFE_SCALARS:
            raise _unsafe(node)
        try:
            return self._loader.construct_object(node, deep=True)
        except yaml.MarkedYAMLError as exc:  # e.g. an invalid timestamp
            raise _syntax_problem(exc) from None

    def _mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        if node.tag != _MAP:
            raise _unsafe(node)
        result: dict[Any, Any] = {}
        first_seen: dict[Any, yaml.Node] = {}
        merged: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged.update(self._merge_source(value_node))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem("complex-key", "yaml.complex_key", *_pos(key_node))
            key = self.build(key_node)
            if key in first_seen:
                raise YamlProblem(
                    "duplicate-key",
                    "yaml.duplicate_key",
                    *_pos(key_node),
                    params={"key": key, "first_line": first_seen[key].start_mark.line + 1},
                )
            first_seen[key] = key_node
            result[key] = self.build(value_node)
        if merged:
            return {**merged, **result}
        return result

    def _merge_source(self, node: yaml.Node) -> dict[Any, Any]:
        sources = node.value if isinstance(node, yaml.SequenceNode) else [node]
        merged: dict[Any, Any] = {}
        for source in reversed(sources):
            if not isinstance(source, yaml.MappingNode):
                raise YamlProblem("bad-merge", "yaml.bad_merge", *_pos(source))
            merged.update(self._mapping(source))
        return merged


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _unsafe(node: yaml.Node) -> YamlProblem:
    return YamlProblem("unsafe-tag", "yaml.unsafe_tag", *_pos(node), params={"tag": node.tag})


def locate(
    root: yaml.Node, loc: Sequence[str | int], *, key: bool = False
) -> tuple[tuple[int, int], tuple[str | int, ...]]:
    """Position of the node at ``loc``, and ``loc`` as the user reads it.

    pydantic puts markers into error locations that name no node in the file:
    the tag of a discriminated union (``scoring.deduction.per_occurrence``) and
    ``[key]`` for a bad mapping key. Those are dropped. The walk stops at the
    deepest node found, so a missing field is reported at the mapping that
    lacks it. With ``key=True`` (unknown fields, bad keys) the position is that
    of the last mapping *key* rather than its value.
    """
    node = root
    shown: list[str | int] = []
    at_key: yaml.Node | None = None
    reached = True
    for n, part in enumerate(loc):
        if part == "[key]":
            key = True
            continue
        if not reached:
            if not _is_union_tag(node, part):
                shown.append(part)
            continue
        child, key_node = _child(node, part)
        if child is None:
            if _is_union_tag(node, part) or (
                n + 1 < len(loc) and _child(node, loc[n + 1])[0] is not None
            ):
                continue
            reached = False
            shown.append(part)
            continue
        node, at_key = child, key_node
        shown.append(part)
    target = at_key if key and reached and at_key is not None else node
    return _pos(target), tuple(shown)


def _is_union_tag(node: yaml.Node, part: str | int) -> bool:
    """Whether ``part`` is the value of a field of ``node`` (a discriminator's tag)."""
    if not isinstance(node, yaml.MappingNode) or not isinstance(part, str):
        return False
    return any(
        isinstance(value, yaml.ScalarNode) and value.value == part for _, value in node.value
    )


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node | None]:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                return value_node, key_node
        return None, None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        if 0 <= part < len(node.value):
            return node.value[part], None
    return None, None


def format_path(loc: Sequence[str | int]) -> str:
    """``("items", 12, "points")`` → ``items[12].points``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
