"""Labels a person reads in place of codes: statuses, results, methods, levels, names.

Everything goes through the message catalog, so ``--lang en`` switches every
report at once. Names that come from the YAML (site types, categories, item
requirements) use their English gloss in English when the file has one.
"""

from __future__ import annotations

import datetime as dt

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Item
from qingyang_inspect.i18n import get_language, t
from qingyang_inspect.scoring import SiteScore


def status_label(status: str | None) -> str:
    """待整改 / 已整改待复查 / 已销号 (empty for none)."""
    return t(f"report.status.{status}") if status else ""


def result_label(result: str) -> str:
    """符合 / 不符合 / 不适用 / 未检查."""
    return t(f"report.result.{result}")


def method_label(method: str) -> str:
    """看现场 / 查资料 / 访谈 / 模拟验证."""
    return t(f"report.method.{method}")


def level_label(level: str) -> str:
    """市级 / 区级 / 其他."""
    return t(f"report.level.{level}")


def yes_no(value: bool) -> str:
    """是 / 否."""
    return t("report.yes") if value else t("report.no")


def site_type_label(catalog: Catalog, key: str) -> str:
    """The site type's name (English gloss in English when there is one)."""
    site_type = catalog.site_types.get(key)
    if site_type is None:
        return key
    if get_language() == "en" and site_type.name_en:
        return site_type.name_en
    return site_type.name


def category_label(catalog: Catalog, key: str) -> str:
    """The category's name (English gloss in English when there is one)."""
    category = catalog.categories.get(key)
    if category is None:
        return key
    if get_language() == "en" and category.name_en:
        return category.name_en
    return category.name


def requirement_label(item: Item) -> str:
    """The item's requirement (English gloss in English when there is one)."""
    if get_language() == "en" and item.requirement_en:
        return item.requirement_en
    return item.requirement


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
