"""JSON: the view's own records (codes, every field), streamed one record at a time.

The shape follows the document (:attr:`Document.json_shape`): an object of the
document's meta and one member per section, a bare list (a listing), or a
bare object (one record). A table's records are written as they come, one per
line (compact, by orjson), so a listing of a million findings never sits in memory.
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TextIO

import orjson

from qingyang_inspect.render import RenderContext, Rendered
from qingyang_inspect.render.values import json_default
from qingyang_inspect.views.base import (
    Chart,
    Document,
    Fields,
    Group,
    Pages,
    Section,
    Signatures,
    Table,
    Text,
    Totals,
)

_encode = json.JSONEncoder(ensure_ascii=False, default=json_default).encode
_pretty = json.JSONEncoder(ensure_ascii=False, default=json_default, indent=2).encode


def render(document: Document, target: Any, context: RenderContext) -> Rendered:
    """Write ``document`` as JSON to the text stream ``target``."""
    out: TextIO = target
    done = Rendered()
    if document.json_shape == "list":
        table = next(document.tables())
        done.rows = _write_table(out, table, "", context)
        out.write("\n")
        return done
    if document.json_shape == "record":
        fields = next(s for s in document.iter_sections() if isinstance(s, Fields))
        out.write(_pretty(fields.record()) + "\n")
        return done
    out.write("{")
    first = True
    for key, value in document.meta.items():
        out.write(("" if first else ",") + f"\n  {_encode(key)}: " + _indent(_pretty(value), "  "))
        first = False
    for section in document.iter_sections():
        first = _write_member(out, section, "  ", first, done, context)
    out.write("\n}\n")
    return done


def _write_member(
    out: TextIO, section: Section, indent: str, first: bool, done: Rendered, context: RenderContext
) -> bool:
    """Write ``section`` as a member of the enclosing object; return whether nothing was yet."""
    if isinstance(section, Chart | Signatures | Totals):
        return first  # paper only
    if isinstance(section, Pages):
        record = section.record
        if record is None:
            return first
        out.write(("" if first else ",") + f"\n{indent}{_encode(section.key)}: ")
        done.rows += _write_records(out, map(record, section.source()), indent, context)
        return False
    if isinstance(section, Text):
        if section.key is None or section.status:
            return first
        value = _encode(section.text)
    elif isinstance(section, Fields):
        value = _indent(_pretty(section.record()), indent)
    elif isinstance(section, Group):
        out.write(("" if first else ",") + f"\n{indent}{_encode(section.key)}: {{")
        inner = True
        for child in section.sections:
            inner = _write_member(out, child, indent + "  ", inner, done, context)
        out.write(f"\n{indent}}}")
        return False
    else:
        out.write(("" if first else ",") + f"\n{indent}{_encode(section.key)}: ")
        rows = _write_table(out, section, indent, context)
        done.rows += rows
        if section.count_key is not None:
            out.write(f",\n{indent}{_encode(section.count_key)}: {rows}")
        return False
    out.write(("" if first else ",") + f"\n{indent}{_encode(section.key)}: {value}")
    return False


def _write_table(out: TextIO, table: Table[Any], indent: str, context: RenderContext) -> int:
    """The table's records as a JSON array, one record per line; returns their number."""
    return _write_records(out, table.records(), indent, context)


def _write_records(
    out: TextIO, records: Iterable[Mapping[str, Any]], indent: str, context: RenderContext
) -> int:
    """``records`` as a JSON array, one compact record per line; returns their number.

    Records are encoded by orjson (dates and times as ISO text, like the rest
    of the document). Where ``out`` is UTF-8 text over a byte stream (standard
    output, a file), orjson's bytes go straight to that stream: decoding each
    line only for the text layer to encode it again cost a sixth of a
    million-finding listing. Otherwise lines are written a thousand at a time.
    """
    count = 0
    out.write("[")
    progress = context.progress
    dumps = orjson.dumps
    write_bytes = _byte_writer(out)
    if write_bytes is not None:
        out.flush()  # what the text layer holds ("[", a key) goes first
        separator = ("\n" + indent + "  ").encode()
        between = (",\n" + indent + "  ").encode()
        for record in records:
            if type(record) is not dict:
                record = dict(record)
            write_bytes(separator)
            write_bytes(dumps(record, default=json_default, option=_OPTIONS))
            separator = between
            count += 1
            if progress is not None and count % 1000 == 0:
                progress(1000)
    else:
        text_separator = "\n" + indent + "  "
        lines: list[str] = []
        for record in records:
            if type(record) is not dict:
                record = dict(record)
            lines.append(
                text_separator + dumps(record, default=json_default, option=_OPTIONS).decode()
            )
            text_separator = ",\n" + indent + "  "
            count += 1
            if count % 1000 == 0:
                out.write("".join(lines))
                lines.clear()
                if progress is not None:
                    progress(1000)
        out.write("".join(lines))
    out.write(f"\n{indent}]" if count else "]")
    return count


def _byte_writer(out: TextIO) -> Callable[[bytes], object] | None:
    """The ``write`` of the byte stream under ``out``, where writing UTF-8 bytes to it gives
    the same bytes as writing the text to ``out``; else ``None``.

    That holds for a UTF-8 text stream (no BOM) where a newline stays a newline;
    a stream on a platform whose line separator is not ``\\n`` may translate it.
    """
    buffer = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None)
    if buffer is None or not isinstance(encoding, str) or os.linesep != "\n":
        return None
    try:
        if codecs.lookup(encoding).name != "utf-8":
            return None
    except LookupError:
        return None
    write: Callable[[bytes], object] = buffer.write
    return write


#: Dataclasses (photos, styled cells) go through ``json_default`` as everywhere else.
_OPTIONS = orjson.OPT_PASSTHROUGH_DATACLASS


def _indent(text: str, indent: str) -> str:
    return text.replace("\n", "\n" + indent)
