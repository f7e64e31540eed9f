"""Where a site is written: the file and line of its ``id:`` in the site files.

The catalog keeps sites, not where they came from; a message asking people to
fix a site's entry (a missing contact phone) finds the line again here. Only
called when there is something to fix, so it reads the files then.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from qingyang_inspect.files import MAX_YAML_BYTES, FileProblem, display_name, read_limited


def site_location(files: Iterable[Path], site_id: str, *, shown: str) -> str:
    """``sites/district-11-supo.yaml:123``: the file and line where ``site_id`` is declared
    (block style, ``- id: QY-C-01``), or ``shown`` (the sites folder as people know it)
    when no file has such a line."""
    pattern = re.compile(
        r"^[ \t]*(?:-[ \t]+)?id:[ \t]*(['\"]?)" + re.escape(site_id) + r"\1[ \t]*(?:#.*)?$",
        re.MULTILINE,
    )
    for path in files:
        try:
            text = read_limited(path, MAX_YAML_BYTES).decode("utf-8", errors="replace")
        except FileProblem:
            continue
        found = pattern.search(text)
        if found is not None:
            return f"{display_name(path)}:{text.count(chr(10), 0, found.start()) + 1}"
    return shown
