"""Safe YAML reading that keeps every node's position.

PyYAML's loaders forget where a value came from and silently keep the last of
two equal keys. Here a file is *composed* into nodes (with the C parser when
present) and the nodes are turned into plain Python values by a small walker
that

* rejects duplicate keys and any tag outside YAML's safe core schema,
* refuses, before building anything, files whose aliases would expand to more
  than :data:`MAX_NODES` values (alias bombs, "billion laughs") or that contain
  themselves, and caps the nesting depth, so a hostile file cannot exhaust the stack,
* keeps a scalar PyYAML cannot construct (``2026-02-30``) as its text, so the
  schema reports it at its place instead of the whole file failing,
* keeps the node tree, so :func:`locate` can map a path such as
  ``("items", 12, "points")`` back to a ``line:column`` for error messages.

Errors are raised as :class:`YamlProblem` with a message key of the catalog and
a 1-based position. PyYAML's syntax errors are mapped to messages that say how
to fix the common ones (a tab, an unclosed quote or bracket, ``: `` inside a
value), placed at the node that causes them rather than where the parser gave up.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from qingyang_inspect.files import MAX_YAML_BYTES, FileProblem, read_limited
from qingyang_inspect.text import control_char

try:  # the C parser is several times faster; PyYAML wheels normally ship it
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

#: Files above this size are refused outright: real standards are a few hundred KB.
MAX_FILE_BYTES = MAX_YAML_BYTES
#: Values produced per file, aliases counted each time they are expanded.
MAX_NODES = 500_000
#: Nesting depth of mappings and lists; real files stay below 10.
MAX_DEPTH = 64

_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
_BINARY = "tag:yaml.org,2002:binary"
_CORE_TAG_PREFIX = "tag:yaml.org,2002:"
_SAFE_SCALARS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "binary")
)
#: PyYAML's own constructor of each safe scalar tag, called without ``construct_object``.
_CONSTRUCTORS: dict[str, Any] = {tag: _BaseLoader.yaml_constructors[tag] for tag in _SAFE_SCALARS}


#: PyYAML's resolver (untyped in its stubs).
_base_resolve: Any = _BaseLoader.resolve


class _Loader(_BaseLoader):
    """PyYAML's safe loader, resolving the tag of each distinct plain scalar once.

    The parser asks the (Python) resolver for the tag of every untagged node:
    for a plain scalar it tries the regular expressions of YAML 1.1's implicit
    types (``1``, ``yes``, ``2026-01-01``…), else it is text. Keys and values
    repeat throughout a file (``id``, ``points``, ``deduction``…), and the
    answer depends on the text alone, so it is remembered per text. The
    resolver's path hooks, called on entering and leaving every node, serve
    only path resolvers (PyYAML's rarely used ``add_path_resolver``), so they
    do nothing here; with a path resolver registered, :func:`_new_loader`
    uses PyYAML's loader unchanged. Together a sixth of the parse.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._tags: dict[str, str] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode:
            if not implicit[0]:  # quoted, ``|`` or ``>`` text, or the tag ``!``: text
                return self.DEFAULT_SCALAR_TAG
            tag = self._tags.get(value)
            if tag is None:
                tag = self._tags[value] = _base_resolve(self, kind, value, implicit)
            return tag
        if kind is yaml.MappingNode:
            return self.DEFAULT_MAPPING_TAG
        if kind is yaml.SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        return _base_resolve(self, kind, value, implicit)

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def _new_loader(text: str) -> Any:
    """A loader for ``text``: :class:`_Loader` unless a path resolver is registered."""
    return (_Loader if not _Loader.yaml_path_resolvers else _BaseLoader)(text)


@dataclass
class YamlProblem(Exception):
    """A file that cannot be turned into data; ``line`` and ``column`` are 1-based."""

    code: str
    message_key: str
    line: int | None = None
    column: int | None = None
    params: Mapping[str, object] = field(default_factory=dict)
    #: Where in the document, when known (e.g. ``("items", 0, "points")``).
    path: tuple[str | int, ...] = ()


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: its plain data and the node tree it came from."""

    data: Any
    root: yaml.Node


def read_document(path: Path) -> YamlDocument:
    """Read ``path`` as one YAML document; raise :class:`YamlProblem` when it cannot be.

    A UTF-8 byte-order mark is accepted; any other non-UTF-8 byte is an error
    placed at its line and column (in characters), saying when the file looks
    like GBK or UTF-16, the encodings Windows tools most often save in. A path
    that is not a regular file (a FIFO, a device, a broken link) raises
    :class:`~qingyang_inspect.files.FileProblem`; nothing past the size limit is read.
    """
    try:
        raw = read_limited(path, MAX_FILE_BYTES)
    except FileProblem as problem:
        if problem.problem != "too_large":
            raise
        size = problem.size or MAX_FILE_BYTES + 1
        raise YamlProblem(
            "too-large",
            "yaml.too_large",
            params={"size_mb": f"{size / 1048576:.1f}", "limit_mb": MAX_FILE_BYTES // 1048576},
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _encoding_problem(raw, exc.start) from None
    return parse_text(text)


def _encoding_problem(raw: bytes, offset: int) -> YamlProblem:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return YamlProblem("encoding", "yaml.utf16", 1, 1)
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    # Everything before ``offset`` is valid UTF-8, so the column can be counted in characters.
    column = len(raw[line_start:offset].decode("utf-8")) + 1
    key = "yaml.not_utf8"
    try:
        raw.decode("gb18030")
        key = "yaml.not_utf8_gbk"
    except UnicodeDecodeError:
        pass
    return YamlProblem("encoding", key, line, column, {"byte": f"0x{raw[offset]:02X}"})


def parse_text(text: str) -> YamlDocument:
    """Parse one YAML document from ``text`` (see :func:`read_document`)."""
    loader = _new_loader(text)
    # Building many small objects triggers the cyclic GC over and over although
    # nothing here is cyclic garbage; pausing it roughly halves large loads.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise _syntax_problem(exc, text) from None
        except yaml.reader.ReaderError as exc:
            raise _reader_problem(exc, text) from None
        except yaml.YAMLError as exc:  # pragma: no cover - every parser error carries a mark
            raise YamlProblem("yaml-syntax", "yaml.syntax", params={"problem": str(exc)}) from None
        except RecursionError:  # pragma: no cover - only the pure-Python composer recurses
            raise YamlProblem("too-deep", "yaml.too_deep", params={"limit": MAX_DEPTH}) from None
        if root is None:
            raise YamlProblem("empty-file", "yaml.empty", 1, 1)
        data = _build(loader, root, shared="&" in text)
        if data is None:  # ``---`` or ``~`` alone: nothing in it either
            raise YamlProblem("empty-file", "yaml.empty", 1, 1)
        if "\\" in text or "!" in text:  # only an escape or a tag can make a control character
            _refuse_escaped_controls(root)
        return YamlDocument(data, root)
    finally:
        loader.dispose()
        if gc_was_enabled:
            gc.enable()


def _refuse_escaped_controls(root: yaml.Node) -> None:
    """Refuse a control character written as an escape (``"\\e[31m"``, ``"\\x00"``).

    The reader refuses control characters typed into the file; a double-quoted
    scalar can still spell one out (and ``!!binary`` encode one, which the
    models would take as text), and names and requirements end up on
    terminals and in workbooks. Tab and newline are text.
    """
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            code = None
            if node.style == '"':
                code = control_char(node.value)
            elif node.tag == _BINARY:
                code = control_char(_binary_text(node.value))
            if code is not None:
                raise YamlProblem(
                    "bad-character", "yaml.control_escape", *_pos(node), {"code": code}
                )
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in reversed(node.value) for part in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))


def _binary_text(value: str) -> str:
    """What a ``!!binary`` value becomes as text (``""`` if it is no base64 at all)."""
    import base64
    import binascii

    try:
        return base64.b64decode(value).decode("utf-8", "replace")
    except (binascii.Error, ValueError):
        return ""  # PyYAML's constructor reports it


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """A friendly, well-placed problem for PyYAML's error ``exc`` on ``text``.

    For an unclosed quote or bracket, or a key without its colon, the parser
    notices only on a later line; the opening quote, bracket or key is the
    node to fix, so the problem is placed there and names the later line.
    """
    problem = exc.problem or ""
    context = exc.context or ""
    problem_at = _mark_pos(exc.problem_mark or exc.context_mark)
    context_at = _mark_pos(exc.context_mark) if exc.context_mark else problem_at
    tab = _tab_near(text, exc.problem_mark)
    if tab is not None:
        return YamlProblem("tab-indent", "yaml.tab", *tab)
    seen = {"seen_line": problem_at[0]}
    if problem == "but found another document":
        return YamlProblem("many-documents", "yaml.many_documents", *problem_at)
    if problem == "found undefined alias":
        name = _word_at(text, problem_at, r"\*([^\s,\[\]{}]+)")
        return YamlProblem("undefined-alias", "yaml.undefined_alias", *problem_at, {"name": name})
    if context == "while scanning a quoted scalar" and "end of stream" in problem:
        return YamlProblem("unclosed-quote", "yaml.unclosed_quote", *context_at, seen)
    if context in ("while parsing a flow sequence", "while parsing a flow mapping"):
        bracket = "[" if "sequence" in context else "{"
        closing = "]" if bracket == "[" else "}"
        params = {**seen, "open": bracket, "close": closing}
        return YamlProblem("unclosed-bracket", "yaml.unclosed_bracket", *context_at, params)
    if problem == "could not find expected ':'":
        return YamlProblem("missing-colon", "yaml.missing_colon", *context_at, seen)
    if problem == "mapping values are not allowed in this context":
        return YamlProblem("colon-in-value", "yaml.colon_in_value", *problem_at)
    if problem in ("did not find expected key", "did not find expected '-' indicator"):
        return YamlProblem("bad-indent", "yaml.bad_indent", *problem_at)
    if problem == "found character that cannot start any token":
        char = _word_at(text, problem_at, r"(.)")
        return YamlProblem("bad-character", "yaml.bad_start", *problem_at, {"char": char})
    if problem == "exceeded maximum nesting depth":
        return YamlProblem("too-deep", "yaml.too_deep", *problem_at, {"limit": MAX_DEPTH})
    detail = f"{problem} ({context})" if problem and context else problem or context
    return YamlProblem("yaml-syntax", "yaml.syntax", *problem_at, {"problem": detail})


def _reader_problem(exc: yaml.reader.ReaderError, text: str) -> YamlProblem:
    """A character YAML forbids (a control character pasted from a word processor)."""
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[0])
    index = text.find(chr(code))
    params = {"code": f"U+{code:04X}"}
    if index < 0:  # pragma: no cover - the reader reports a character of the text
        return YamlProblem("bad-character", "yaml.control_char", params=params)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return YamlProblem("bad-character", "yaml.control_char", line, column, params)


def _mark_pos(mark: yaml.Mark | None) -> tuple[int | None, int | None]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (None, None)


def _tab_near(text: str, mark: yaml.Mark | None) -> tuple[int, int] | None:
    """Position of a tab in the indentation of the line at ``mark``, if there is one."""
    if mark is None:
        return None
    lines = text.split("\n")
    if mark.line >= len(lines):
        return None
    line = lines[mark.line]
    indent = len(line) - len(line.lstrip(" \t"))
    if "\t" in line[:indent]:
        return mark.line + 1, line.index("\t") + 1
    if 0 <= mark.column < len(line) and line[mark.column] == "\t":
        return mark.line + 1, mark.column + 1
    return None


def _word_at(text: str, pos: tuple[int | None, int | None], pattern: str) -> str:
    """The text matching ``pattern`` at 1-based ``pos`` (for naming what is wrong)."""
    line, column = pos
    if line is None or column is None:
        return ""
    lines = text.split("\n")
    if line > len(lines):
        return ""
    match = re.compile(pattern).match(lines[line - 1], column - 1)
    return match.group(1) if match else ""


def _build(loader: Any, root: yaml.Node, *, shared: bool) -> Any:
    """The plain value of ``root``, refusing alias bombs first when there can be any.

    Without an ``&`` in the text there is no anchor, so no alias: every node
    is built exactly once and the tree is no larger than what the parser
    already made. :func:`_check_expansion` is then skipped (it costs a third
    of the load), and the builder counts the nodes instead. When the count
    passes :data:`MAX_NODES`, or building fails, the check runs after all, so
    the file gets the very problem (and the same one first) that running the
    check beforehand would have given.
    """
    if shared:
        _check_expansion(root)
        return _Builder(loader, shared=True).build(root)
    builder = _Builder(loader, shared=False)
    try:
        data = builder.build(root)
    except YamlProblem:
        _check_expansion(root)
        raise
    if builder.count > MAX_NODES:
        _check_expansion(root)
    return data


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_expansion(root: yaml.Node) -> None:
    """Refuse alias bombs and anchors that contain themselves, before building anything.

    An alias is the very node its anchor names, so the composed tree is a graph
    of distinct nodes. Counting what each node expands to, once per distinct
    node, costs time in proportion to the file however large the expansion.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # the nodes whose children are being counted
    todo: list[tuple[yaml.Node, bool]] = [(root, False)]
    while todo:
        node, counted = todo.pop()
        if counted:
            open_nodes.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if id(node) in sizes:
            continue
        if id(node) in open_nodes:
            raise YamlProblem("recursive-alias", "yaml.recursive_alias", *_pos(node))
        open_nodes.add(id(node))
        todo.append((node, True))
        todo.extend((child, False) for child in _children(node))
    if sizes[id(root)] <= MAX_NODES:
        return
    # Blame the smallest node that expands too far: the one whose aliases multiply.
    node, path = root, []
    while True:
        step = _too_large_child(node, sizes)
        if step is None:
            break
        node, part = step
        path.append(part)
    raise YamlProblem(
        "too-many-nodes",
        "yaml.too_many_nodes",
        *_pos(node),
        params={"limit": MAX_NODES},
        path=tuple(path),
    )


def _too_large_child(node: yaml.Node, sizes: dict[int, int]) -> tuple[yaml.Node, str | int] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if sizes[id(value_node)] > MAX_NODES:
                return value_node, str(key_node.value)
    elif isinstance(node, yaml.SequenceNode):
        for n, child in enumerate(node.value):
            if sizes[id(child)] > MAX_NODES:
                return child, n
    return None


class _Builder:
    """Turns composed nodes into plain values under the rules in the module doc.

    ``shared`` says the document has anchors, so a node can be reached more
    than once (through its aliases): scalars other than text and null then go
    through PyYAML's ``construct_object``, which remembers each node's value
    (and each failure) exactly as a plain load does. Without anchors every
    node is built once, and each scalar goes straight to PyYAML's constructor
    for its tag; :attr:`count` is then the number of nodes of the document.
    """

    def __init__(self, loader: Any, *, shared: bool) -> None:
        self._loader = loader
        self._shared = shared
        #: Path of the node being built, for messages (``items[0].points``).
        self._path: list[str | int] = []
        #: Nodes met so far, the root included (exact when not ``shared``).
        self.count = 1

    def build(self, node: yaml.Node) -> Any:
        if len(self._path) >= MAX_DEPTH:
            raise YamlProblem("too-deep", "yaml.too_deep", *_pos(node), {"limit": MAX_DEPTH})
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self._unsafe(node)
            children = node.value
            self.count += len(children)
            # Text is most of a file: take it here rather than through build().
            plain = len(self._path) + 1 < MAX_DEPTH
            result: list[Any] = []
            path = self._path
            for n, child in enumerate(children):
                if plain and child.tag == _STR and isinstance(child, yaml.ScalarNode):
                    result.append(child.value)
                    continue
                path.append(n)
                result.append(self.build(child))
                path.pop()
            return result
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        tag = node.tag
        # Text and null cannot fail and need no constructor: PyYAML's give the
        # node's own text and ``None`` for any node with these tags.
        if tag == _STR:
            return node.value
        if tag == _NULL:
            return None
        if tag not in _SAFE_SCALARS:
            raise self._unsafe(node)
        try:
            if self._shared:
                return self._loader.construct_object(node, deep=True)
            return _CONSTRUCTORS[tag](self._loader, node)
        except yaml.MarkedYAMLError as exc:  # e.g. ``!!binary`` that is not base64
            raise YamlProblem(
                "bad-value",
                "yaml.bad_value",
                *_pos(node),
                params={"problem": exc.problem or ""},
                path=tuple(self._path),
            ) from None
        except Exception:  # PyYAML's constructors fail in many ways
            # ``2026-02-30`` matches YAML's timestamp pattern but is no date, and
            # ``!!int ""`` or ``!!bool maybe`` make PyYAML raise IndexError or KeyError:
            # keep the text, so the schema reports it at its place with the rest of the file.
            return node.value

    def _mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        if node.tag != _MAP:
            raise self._unsafe(node)
        pairs = node.value
        self.count += 2 * len(pairs)
        # Text is most of a file: take it here rather than through build().
        plain = len(self._path) + 1 < MAX_DEPTH
        path = self._path
        result: dict[Any, Any] = {}
        first_seen: dict[Any, yaml.Node] = {}
        merged: dict[Any, Any] = {}
        for key_node, value_node in pairs:
            if key_node.tag == _MERGE:
                merged.update(self._merge_source(value_node))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(
                    "complex-key", "yaml.complex_key", *_pos(key_node), path=tuple(path)
                )
            key = key_node.value if key_node.tag == _STR else self._scalar(key_node)
            if key in first_seen:
                raise YamlProblem(
                    "duplicate-key",
                    "yaml.duplicate_key",
                    *_pos(key_node),
                    params={"key": key, "first_line": first_seen[key].start_mark.line + 1},
                    path=(*path, str(key)),
                )
            first_seen[key] = key_node
            if plain and value_node.tag == _STR and isinstance(value_node, yaml.ScalarNode):
                result[key] = value_node.value
                continue
            path.append(str(key))
            result[key] = self.build(value_node)
            path.pop()
        if merged:
            return {**merged, **result}
        return result

    def _merge_source(self, node: yaml.Node) -> dict[Any, Any]:
        sources = node.value if isinstance(node, yaml.SequenceNode) else [node]
        if isinstance(node, yaml.SequenceNode):
            self.count += len(sources)
        merged: dict[Any, Any] = {}
        for source in reversed(sources):
            if not isinstance(source, yaml.MappingNode):
                raise YamlProblem(
                    "bad-merge", "yaml.bad_merge", *_pos(source), path=tuple(self._path)
                )
            merged.update(self._mapping(source))
        return merged

    def _unsafe(self, node: yaml.Node) -> YamlProblem:
        tag = str(node.tag)
        shown = (
            "!!" + tag.removeprefix(_CORE_TAG_PREFIX) if tag.startswith(_CORE_TAG_PREFIX) else tag
        )
        return YamlProblem(
            "unsafe-tag",
            "yaml.unsafe_tag",
            *_pos(node),
            params={"tag": shown},
            path=tuple(self._path),
        )


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


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


def scalar_at(root: yaml.Node, loc: Sequence[str | int]) -> yaml.ScalarNode | None:
    """The scalar node exactly at ``loc``, or ``None`` (to quote what the user wrote)."""
    node: yaml.Node | None = root
    for part in loc:
        if node is None:
            return None
        node, _ = _child(node, part)
    return node if isinstance(node, yaml.ScalarNode) else None


def format_path(loc: Sequence[str | int]) -> str:
    """``("items", 12, "points")`` → ``items[12].points``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
