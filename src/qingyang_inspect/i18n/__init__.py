"""The message catalog: every user-facing string, in Chinese (default) and English.

Messages live in ``i18n/messages/*.py`` as ``{key: (zh, en)}`` tables, one per
area of the tool; :data:`MESSAGES` merges them into the one catalog that
:func:`t` reads. A test checks every key has both languages and that the two
texts take the same ``{placeholders}``.
"""

from __future__ import annotations

import os
from typing import Final, Literal

from qingyang_inspect.i18n.messages import (
    calendar,
    catalog,
    checklist,
    cli,
    exchange,
    findings,
    inputs,
    progress,
    reminders,
    render,
    shared,
    store,
    usage,
    views,
    workspace,
)

Lang = Literal["zh", "en"]
LANGS: Final[tuple[Lang, ...]] = ("zh", "en")


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for table in (
        usage.MESSAGES,
        cli.MESSAGES,
        catalog.MESSAGES,
        calendar.MESSAGES,
        inputs.MESSAGES,
        workspace.MESSAGES,
        findings.MESSAGES,
        store.MESSAGES,
        views.MESSAGES,
        render.MESSAGES,
        checklist.MESSAGES,
        exchange.MESSAGES,
        progress.MESSAGES,
        reminders.MESSAGES,
        shared.MESSAGES,
    ):
        overlap = merged.keys() & table.keys()
        if overlap:  # pragma: no cover - guarded by tests/i18n
            raise RuntimeError(f"duplicate message keys: {sorted(overlap)}")
        merged.update(table)
    return merged


MESSAGES: Final[dict[str, tuple[str, str]]] = _merge()

_current: Lang = "zh"


def parse_lang(value: str | None) -> Lang | None:
    """Map ``zh``, ``zh-CN``, ``zh_CN.UTF-8``, ``en``, ``en-US``… to a supported language."""
    if not value:
        return None
    head = value.strip().lower().replace("_", "-").split("-")[0].split(".")[0]
    if head == "zh":
        return "zh"
    if head == "en":
        return "en"
    return None


def set_language(lang: Lang) -> None:
    """Choose the language of every message rendered from now on."""
    global _current
    _current = lang


def get_language() -> Lang:
    """The language messages are rendered in."""
    return _current


def language_from_env() -> Lang:
    """``INSPECT_LANG`` if it names a supported language, else Chinese."""
    return parse_lang(os.environ.get("INSPECT_LANG")) or "zh"


def t(key: str, /, **params: object) -> str:
    """Render message ``key`` in the current language."""
    return translate(_current, key, **params)


def translate(lang: Lang, key: str, /, **params: object) -> str:
    """Render message ``key`` in ``lang``."""
    zh, en = MESSAGES[key]
    text = en if lang == "en" else zh
    return text.format(**params) if params else text
