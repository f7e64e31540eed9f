"""What a person reads instead of a code — the one label module of the tool.

Every code (``fail``, ``open``, ``city``, ``observe``, ``acceptance``) has its
message key written out here, so a key can be found with grep and a test can
tell a key nobody uses. Names from the YAML (site types, categories, item
requirements) show their English gloss under ``--lang en`` when the file has one.

Only the message catalog and the result words are imported at module level: ``inspect record`` uses
these labels and must not load pydantic for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from qingyang_inspect.findings.words import RESULT_LABEL_KEYS
from qingyang_inspect.i18n import get_language, t

if TYPE_CHECKING:
    from qingyang_inspect.catalog.catalog import Catalog
    from qingyang_inspect.catalog.models import Item, Site
    from qingyang_inspect.findings.model import Event, Finding
    from qingyang_inspect.scoring import SiteScore

RESULT_KEYS: Mapping[str, str] = {
    # the three a person gives (one table with the words they may type for them)
    **RESULT_LABEL_KEYS,
    "unchecked": "finding.result.unchecked",
    "conflict": "finding.result.conflict",
}
STATUS_KEYS: Mapping[str, str] = {
    "open": "finding.status.open",
    "rectified": "finding.status.rectified",
    "closed": "finding.status.closed",
}
RECHECK_KEYS: Mapping[str, str] = {
    "pass": "finding.recheck.pass",
    "reject": "finding.recheck.reject",
}
PHOTO_STAGE_KEYS: Mapping[str, str] = {
    "before": "finding.photo.before",
    "after": "finding.photo.after",
}
ROUND_KIND_KEYS: Mapping[str, str] = {
    "self-check": "round.kind.self-check",
    "supervision": "round.kind.supervision",
    "unannounced": "round.kind.unannounced",
    "re-inspection": "round.kind.re-inspection",
    "acceptance": "round.kind.acceptance",
}
ROUND_STATUS_KEYS: Mapping[str, str] = {
    "open": "round.status.open",
    "closed": "round.status.closed",
}
EVENT_KIND_KEYS: Mapping[str, str] = {
    "recorded": "event.kind.recorded",
    "amended": "event.kind.amended",
    "rectified": "event.kind.rectified",
    "rechecked": "event.kind.rechecked",
    "voided": "event.kind.voided",
}
EVENT_FIELD_KEYS: Mapping[str, str] = {
    "result": "event.field.result",
    "occurrences": "event.field.occurrences",
    "note": "event.field.note",
    "location": "event.field.location",
    "due_date": "event.field.due_date",
    "status": "event.field.status",
}
EVENT_RECHECK_KEYS: Mapping[str, str] = {
    "pass": "event.rechecked.pass",
    "reject": "event.rechecked.reject",
}
METHOD_KEYS: Mapping[str, str] = {
    "observe": "method.observe",
    "documents": "method.documents",
    "interview": "method.interview",
    "simulate": "method.simulate",
}
LEVEL_KEYS: Mapping[str, str] = {
    "city": "level.city",
    "district": "level.district",
    "other": "level.other",
}
VERDICT_KEYS: Mapping[str, str] = {
    "met": "report.verdict.met",
    "basically_met": "report.verdict.basically_met",
    "not_met": "report.verdict.not_met",
}


class Labels:
    """Codes and their message keys; called with a code, gives its label."""

    __slots__ = ("keys",)

    def __init__(self, keys: Mapping[str, str]) -> None:
        self.keys = keys

    def __call__(self, code: str | None) -> str:
        """The label of ``code`` (an unknown code is shown as it is, empty for none)."""
        if code is None:
            return ""
        key = self.keys.get(code)
        return t(key) if key is not None else code


#: 符合 / 不符合 / 不适用, and 未检查 for an item nobody checked.
result_label = Labels(RESULT_KEYS)
#: 待整改 / 已整改待复查 / 已销号 (empty for a finding that needs no rectification).
status_label = Labels(STATUS_KEYS)
#: 复查通过 / 退回 (empty before any re-check).
recheck_label = Labels(RECHECK_KEYS)
#: 问题照片 / 整改后照片.
photo_stage_label = Labels(PHOTO_STAGE_KEYS)
#: 自查 / 督导 / 暗访 / 复查 / 验收.
round_kind_label = Labels(ROUND_KIND_KEYS)
#: 进行中 / 已关闭.
round_status_label = Labels(ROUND_STATUS_KEYS)
#: 记录 / 更正 / 整改 / 复查 / 作废.
event_kind_label = Labels(EVENT_KIND_KEYS)
#: 看现场 / 查资料 / 访谈 / 模拟验证.
method_label = Labels(METHOD_KEYS)
#: 市级 / 区级 / 其他.
level_label = Labels(LEVEL_KEYS)


def yes_no(value: bool) -> str:
    """是 / 否."""
    return t("label.yes") if value else t("label.no")


def yes_blank(value: bool) -> str:
    """是, or nothing (a column where only the exceptions matter)."""
    return t("label.yes") if value else ""


def named(name: str, name_en: str | None) -> str:
    """A name from the YAML files: its English gloss under ``--lang en`` when it has one."""
    return name_en if name_en and get_language() == "en" else name


def site_type_label(catalog: Catalog, key: str) -> str:
    """The site type's name (unknown keys are shown as they are)."""
    site_type = catalog.site_types.get(key)
    return named(site_type.name, site_type.name_en) if site_type else key


def site_type_level(catalog: Catalog, site: Site) -> str:
    """商业大街（市级）: a site's type with its level, as form headers show them."""
    return t(
        "report.paren", text=site_type_label(catalog, site.site_type), inner=level_label(site.level)
    )


def category_label(catalog: Catalog, key: str) -> str:
    """The category's name (unknown keys are shown as they are)."""
    category = catalog.categories.get(key)
    return named(category.name, category.name_en) if category else key


def requirement_label(item: Item) -> str:
    """The item's requirement text (its English gloss under ``--lang en`` when it has one)."""
    return named(item.requirement, item.requirement_en)


def number(value: float) -> str:
    """``4`` rather than ``4.0``; ``0.66`` as is."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def scoring_label(item: Item) -> str:
    """The item's scoring rule in words, e.g. ``扣分制：每例扣 1 分，扣完为止``."""
    scoring: Any = item.scoring
    if scoring.mode == "deduction":
        return t("scoring.deduction", per=number(scoring.per_occurrence))
    if scoring.mode == "graded":
        return t("scoring.graded", coefficients=" / ".join(number(c) for c in scoring.coefficients))
    return t("scoring.pass_fail")


def verdict_label(score: SiteScore) -> str:
    """达标 / 基本达标 / 不达标 (marked 一票否决), or 未完成 when items are unchecked."""
    from qingyang_inspect.scoring import outcome

    result = outcome(score)
    if result == "incomplete":
        return t("report.verdict.incomplete")
    text = Labels(VERDICT_KEYS)(result)
    if score.vetoes:
        text = t("report.verdict.veto", verdict=text)
    return text


def finding_status_text(finding: Finding, as_of: dt.date | None = None) -> str:
    """The status as a person reads it: 待整改, 已销号（立行立改）, 逾期销号（3天）, 逾期…"""
    if finding.voided:
        return t("finding.voided")
    late = finding.days_late()
    if late is not None:
        return t("finding.closed_late", days=late)
    text = status_label(finding.status) or t("finding.status.none")
    if finding.on_spot and finding.status == "closed":
        text += t("finding.on_spot_suffix")
    if as_of is not None and finding.overdue(as_of):
        text += t("finding.overdue_suffix")
    return text


def date_text(value: dt.date | dt.datetime | None) -> str:
    """ISO date (``2026-08-03``), empty for none."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat()


#: The months' names (their numbers in Chinese).
MONTH_KEYS: Mapping[int, str] = {
    1: "month.1", 2: "month.2", 3: "month.3", 4: "month.4", 5: "month.5", 6: "month.6",
    7: "month.7", 8: "month.8", 9: "month.9", 10: "month.10", 11: "month.11", 12: "month.12",
}  # fmt: skip


def written_date(value: dt.date) -> str:
    """A date as a sentence or a document's date line writes it: ``2026年8月10日``
    (``10 August 2026``)."""
    return t("date.written", year=value.year, month=t(MONTH_KEYS[value.month]), day=value.day)


def show_time(value: dt.datetime | None) -> str:
    """``2026-06-12 14:30`` in the time zone it was recorded in."""
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def describe_event(event: Event) -> str:
    """One line saying what ``event`` did, e.g. ``例数：2 → 3；整改期限：… → …``."""
    data = event.data
    parts: list[str] = []
    if event.kind == "amended":
        for key, pair in data.items():
            old, new = pair
            parts.append(
                t(
                    "event.change",
                    field=Labels(EVENT_FIELD_KEYS)(key),
                    old=_change_value(key, old),
                    new=_change_value(key, new),
                )
            )
    elif event.kind == "rectified":
        parts.append(t("event.rectified", note=data.get("note") or "", by=data.get("by") or "—"))
    elif event.kind == "rechecked":
        parts.append(Labels(EVENT_RECHECK_KEYS)(str(data.get("outcome", "pass"))))
        if data.get("note"):
            parts.append(str(data["note"]))
    photos = data.get("photos")
    if photos:
        parts.append(t("event.photos", count=len(photos)))
    return t("report.list_sep").join(parts) if parts else "—"


def _change_value(key: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if key == "status":
        return status_label(str(value))
    if key == "result":
        return result_label(str(value))
    return str(value)
