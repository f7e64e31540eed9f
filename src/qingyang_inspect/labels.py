"""Human labels for the tool's codes: what a person reads instead of ``pass_fail`` or ``city``.

Tables, ledgers and reports show these, never the internal codes.
"""

from __future__ import annotations

from qingyang_inspect.catalog.models import Deduction, Graded, Item
from qingyang_inspect.i18n import t


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
