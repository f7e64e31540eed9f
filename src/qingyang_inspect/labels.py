"""Human labels for the tool's codes: what a person reads instead of ``pass_fail`` or ``city``.

Tables, ledgers and reports show these, never the internal codes.
"""

from __future__ import annotations

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Deduction, Graded, Item
from qingyang_inspect.i18n import get_language, t


def status_label(status: str | None) -> str:
    """待整改 / 已整改待复查 / 已销号 (empty for a finding that needs no rectification)."""
    return t(f"finding.status.{status}") if status else ""


def result_label(result: str) -> str:
    """符合 / 不符合 / 不适用, and 未检查 for an item nobody checked."""
    return t(f"finding.result.{result}")


def yes_no(value: bool) -> str:
    """是 / 否."""
    return t("label.yes") if value else t("label.no")


def named(name: str, name_en: str | None) -> str:
    """A name from the YAML files: its English gloss under ``--lang en`` when it has one."""
    return name_en if name_en and get_language() == "en" else name


def site_type_label(catalog: Catalog, key: str) -> str:
    """The site type's name (unknown keys are shown as they are)."""
    site_type = catalog.site_types.get(key)
    return named(site_type.name, site_type.name_en) if site_type else key


def category_label(catalog: Catalog, key: str) -> str:
    """The category's name (unknown keys are shown as they are)."""
    category = catalog.categories.get(key)
    return named(category.name, category.name_en) if category else key


def requirement_label(item: Item) -> str:
    """The item's requirement text (its English gloss under ``--lang en`` when it has one)."""
    return named(item.requirement, item.requirement_en)


def method_label(method: str) -> str:
    """看现场 / 查资料 / 访谈 / 模拟验证."""
    return t(f"method.{method}")


def level_label(level: str) -> str:
    """市级 / 区级 / 其他."""
    return t(f"level.{level}")


def number(value: float) -> str:
    """``4`` rather than ``4.0``; ``0.66`` as is."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def scoring_label(item: Item) -> str:
    """The item's scoring rule in words, e.g. ``扣分制：每例扣 1 分，扣完为止``."""
    scoring = item.scoring
    if isinstance(scoring, Deduction):
        return t("scoring.deduction", per=number(scoring.per_occurrence))
    if isinstance(scoring, Graded):
        return t("scoring.graded", coefficients=" / ".join(number(c) for c in scoring.coefficients))
    return t("scoring.pass_fail")
