"""Labels a person reads in place of codes: statuses, results, methods, levels, names.

Everything goes through the message catalog, so ``--lang en`` switches every
report at once. Names that come from the YAML (site types, categories, item
requirements) use their English gloss in English when the file has one.
"""

from __future__ import annotations

import datetime as dt

from qingyang_inspect.i18n import t
from qingyang_inspect.labels import (
    category_label,
    level_label,
    method_label,
    requirement_label,
    result_label,
    site_type_label,
    status_label,
    yes_no,
)
from qingyang_inspect.scoring import SiteScore

# The shared labels, re-exported: report modules import their labels from here.
__all__ = [
    "category_label",
    "date_text",
    "level_label",
    "method_label",
    "requirement_label",
    "result_label",
    "site_type_label",
    "status_label",
    "verdict_label",
    "yes_no",
]


def verdict_label(score: SiteScore) -> str:
    """达标 / 基本达标 / 不达标, marked 一票否决 or 未完成 where that applies."""
    if score.verdict is None:
        text = t("report.verdict.none")
    else:
        text = t(f"report.verdict.{score.verdict}")
    if score.vetoes:
        text = t("report.verdict.veto", verdict=text)
    if score.incomplete:
        text = t("report.verdict.incomplete", verdict=text)
    return text


def date_text(value: dt.date | dt.datetime | None) -> str:
    """ISO date (``2026-08-03``), empty for none."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat()
