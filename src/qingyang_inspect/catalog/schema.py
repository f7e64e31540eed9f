"""JSON Schemas of the standard and site files, generated from the models.

Editors (e.g. VS Code's YAML extension via the ``# yaml-language-server: $schema=``
line at the top of each bundled file) use them for completion and inline
errors. ``inspect schema`` writes them; the repository keeps them committed
and a test fails when they differ from what the models generate.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from qingyang_inspect.catalog.models import SitesFile, StandardFile
from qingyang_inspect.catalog.validation import json_schema

SCHEMA_FILES: dict[str, type[StandardFile] | type[SitesFile]] = {
    "standard.schema.json": StandardFile,
    "sites.schema.json": SitesFile,
}


def schema_for(model: type[StandardFile] | type[SitesFile]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one file kind."""
    schema = json_schema(model)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def render_schemas() -> dict[str, str]:
    """File name → schema text, exactly as ``inspect schema`` writes it."""
    return {
        name: json.dumps(schema_for(model), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name, model in SCHEMA_FILES.items()
    }


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder`` (created if needed); return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
