"""Which message table each part of the code takes its messages from (tests/i18n uses it).

A message lives in the table of the one area whose code names its key, or in ``shared``
when two areas or more name it. Add a new module or package here when it adds messages.
"""

from __future__ import annotations

#: Area of a source path (relative to ``src/qingyang_inspect``), most specific first.
AREAS: tuple[tuple[str, str], ...] = (
    # features that run through the layers: their command, rules, view and renderer
    ("checklist/", "checklist"),
    ("cli/checklist.py", "checklist"),
    ("cli/importing.py", "checklist"),
    ("views/checklist.py", "checklist"),
    ("render/xlsx/checklist.py", "checklist"),
    ("exchange/", "exchange"),
    ("cli/exchange.py", "exchange"),
    ("views/exchange.py", "exchange"),
    ("views/progress.py", "progress"),
    ("views/bulletin.py", "progress"),
    ("render/xlsx/progress.py", "progress"),
    ("views/reminders.py", "reminders"),
    # the layers
    ("cli/framework.py", "usage"),
    ("cli/layout.py", "usage"),
    ("cli/spec.py", "usage"),
    ("cli/fast.py", "usage"),
    ("cli/main.py", "usage"),
    ("cli/hot.py", "usage"),
    ("cli/", "cli"),
    ("walk.py", "cli"),
    ("catalog/", "catalog"),
    ("calendar.py", "calendar"),
    ("calendar_file.py", "calendar"),
    ("dates.py", "calendar"),
    ("files.py", "inputs"),
    ("text.py", "inputs"),
    ("evidence.py", "inputs"),
    ("thumbnails.py", "inputs"),
    ("workspace.py", "workspace"),
    ("workspace_init.py", "workspace"),
    ("errors.py", "workspace"),
    ("__init__.py", "workspace"),
    ("__main__.py", "workspace"),
    ("i18n/", "workspace"),
    ("findings/", "findings"),
    ("scoring.py", "findings"),
    ("store/", "store"),
    ("views/", "views"),
    ("render/", "render"),
)

#: Each table's docstring: what its messages are about.
AREA_DOCS: dict[str, str] = {
    "usage": "Messages of the command line's own words: usage, options, argument errors.",
    "cli": "Messages the commands print: confirmations, prompts, the interactive walk.",
    "catalog": "Messages about the standards and sites files: loading, schema, checks.",
    "calendar": "Messages about dates, working days and the holiday file.",
    "inputs": "Messages about what the tool reads: files, sizes, free text, photos.",
    "workspace": "Messages about the workspace: inspect.toml, init, the tool's own errors.",
    "findings": "Messages of the finding rules: recording, lifecycle, conflicts, scoring.",
    "store": "Messages of the store: opening, migrations, ids, reads as of a moment.",
    "views": "Labels and titles of everything the tool shows: columns, statuses, reports.",
    "render": "Messages of the renderers: terminal tables, CSV, JSON, workbooks, Word.",
    "checklist": "Messages of the offline checklist workbooks: export, the form, import.",
    "exchange": "Messages of findings bundles: export-findings and merge.",
    "progress": "Messages of the progress report and the weekly bulletin (督查通报).",
    "reminders": "Messages of the reminders to responsible units.",
    "shared": "Messages named by more than one area of the code.",
}


def area_of(path: str) -> str:
    """The area of ``path`` (relative to the package, with ``/``); KeyError when unmapped."""
    for prefix, area in AREAS:
        if path == prefix or (prefix.endswith("/") and path.startswith(prefix)):
            return area
    raise KeyError(f"{path}: no message area; add it to tests/message_areas.py")
