"""One line per row: ``text`` (``file:line:col: path: message``) and ``github`` annotations.

For tables whose rows are located problems (``inspect validate``): the columns
``location``, ``path``, ``message`` and ``severity`` (and ``file``, ``line``,
``column`` for GitHub's workflow commands) are looked up by key.
"""

from __future__ import annotations

from typing import Any, TextIO

from qingyang_inspect.i18n import t
from qingyang_inspect.render import RenderContext, Rendered
from qingyang_inspect.render.safe import safe_text
from qingyang_inspect.views.base import Document, Table, Text


def render(document: Document, target: Any, context: RenderContext) -> Rendered:
    """Write each row of each table as one line; status texts go to stderr."""
    import sys

    out: TextIO = target
    done = Rendered()
    for section in document.iter_sections():
        if isinstance(section, Text):
            if section.status:
                done.notes.append(section.text)
            else:
                out.write(safe_text(section.text, "terminal") + "\n")
            continue
        if not isinstance(section, Table) or not section.terminal:
            continue
        keys = [c.key for c in section.columns]
        for element in section.source():
            row = dict(zip(keys, section.cells(element), strict=True))
            out.write((_github(row) if context.fmt == "github" else _text(row)) + "\n")
            done.rows += 1
    out.flush()
    for note in done.notes:
        sys.stderr.write(safe_text(note, "terminal") + "\n")
    done.notes.clear()
    return done


def _text(row: dict[str, Any]) -> str:
    """``file:line:col: path: message`` (``(warning)`` appended for warnings)."""
    path, message = row.get("path") or "", str(row.get("message") or "")
    body = f"{path}: {message}" if path else message
    if row.get("severity_code") == "warning":
        body += f" ({t('validate.warning_tag')})"
    return safe_text(f"{row['location']}: {body}", "line")


def _github(row: dict[str, Any]) -> str:
    """A GitHub Actions workflow command: ``::error file=…,line=…,col=…::message``."""
    props = [f"file={row['file']}"]
    if row.get("line") is not None:
        props.append(f"line={row['line']}")
    if row.get("column") is not None:
        props.append(f"col={row['column']}")
    path, message = row.get("path") or "", str(row.get("message") or "")
    text = f"{path}: {message}" if path else message
    # Workflow commands end at a newline; %-encode as the runner expects.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    severity = row.get("severity_code") or "error"
    return safe_text(f"::{severity} {','.join(props)}::{text}", "terminal")
