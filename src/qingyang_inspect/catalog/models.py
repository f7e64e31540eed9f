"""The catalog's models: the evaluation standard (测评标准), its items and the sites (点位).

Every model is frozen and forbids unknown fields, so a misspelt key in a YAML
file is an error instead of a silently ignored setting. The YAML layout is:

* a *standard file* (``standards/*.yaml``) holds any of ``standard`` (the header,
  exactly once across all files), ``site_types``, ``categories`` and ``items``;
* a *sites file* (``sites/*.yaml``) holds ``sites``.

Cross-file rules (ids unique, references resolve, weights sum to 100, …) live in
:mod:`qingyang_inspect.catalog.checks`; the models check what one value can.

The models are plain frozen dataclasses: ``inspect record`` reads the catalog
from its cache many times a day and must not import pydantic for it. pydantic
validates them when files are loaded (:mod:`qingyang_inspect.catalog.validation`)
and writes their JSON Schema; what it checks is written here, as :class:`Rule`
metadata on the fields, so each field is defined once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Annotated, Any, ClassVar, Literal

from qingyang_inspect.calendar import DayKind
from qingyang_inspect.dates import FIRST_DAY, LAST_DAY

# ``NM-01-02``, ``CM-AD-01``, ``XZ-01-03``: a prefix, then dash-separated parts.
ITEM_ID_PATTERN = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"
# Site ids, site type and category keys: letters, digits, ``_`` and ``-``.
KEY_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]*$"


@dataclass(frozen=True)
class Rule:
    """What pydantic checks for a value, as metadata of its field's type.

    Plain data: pydantic reads it through ``__get_pydantic_core_schema__``
    (its public protocol for custom metadata) only when a file is validated.
    """

    gt: float | None = None
    ge: float | None = None
    le: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    #: YAML's ``true`` would pass as 1 point; a boolean is never a number here.
    not_bool: bool = False
    description: str | None = None
    #: The field holding the tag of a union of models (``scoring: {mode: …}``).
    discriminator: str | None = None
    #: First and last day a date may be (every output format can hold them).
    earliest: dt.date | None = None
    latest: dt.date | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from qingyang_inspect.catalog.validation import rule_core_schema

        return rule_core_schema(self, source, handler)

    def __get_pydantic_json_schema__(self, schema: Any, handler: Callable[[Any], Any]) -> Any:
        found = handler(schema)
        return {**found, "description": self.description} if self.description else found


NonEmptyStr = Annotated[str, Rule(min_length=1)]
Key = Annotated[str, Rule(pattern=KEY_PATTERN, max_length=64)]
ItemId = Annotated[str, Rule(pattern=ITEM_ID_PATTERN, max_length=64)]
Number = Annotated[float, Rule(not_bool=True)]
Count = Annotated[int, Rule(not_bool=True)]
Day = Annotated[dt.date, Rule(earliest=FIRST_DAY, latest=LAST_DAY)]
RectificationDays = Annotated[int, Rule(ge=0, le=365, not_bool=True)]

Method = Literal["observe", "documents", "interview", "simulate"]
Level = Literal["city", "district", "other"]

#: 状态描述法: A / B / C / C# = 100 / 66 / 33 / 0 % at 0 / 1 / 2 / 3+ occurrences.
DEFAULT_GRADED_COEFFICIENTS: tuple[float, ...] = (1.0, 0.66, 0.33, 0.0)


def described(text: str) -> Rule:
    """A field's description in the JSON Schema (what editors show)."""
    return Rule(description=text)


class Model:
    """Base of every catalog model: frozen (as a dataclass), unknown fields are errors."""

    # pydantic's config for validating the dataclasses (a plain dict: ``ConfigDict``
    # is a TypedDict, so no pydantic import is needed to write it).
    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid",
        "str_strip_whitespace": True,
    }


@dataclass(frozen=True, kw_only=True)
class PassFail(Model):
    """Full points on pass, nothing on fail (符合 / 不符合)."""

    mode: Literal["pass_fail"] = "pass_fail"


@dataclass(frozen=True, kw_only=True)
class Deduction(Model):
    """Points minus ``per_occurrence`` for each occurrence, floored at 0 (扣完为止)."""

    mode: Literal["deduction"]
    per_occurrence: Annotated[Number, Rule(gt=0, description="扣分/例")]


@dataclass(frozen=True, kw_only=True)
class Graded(Model):
    """Points times a coefficient chosen by the occurrence count (状态描述法).

    ``coefficients[n]`` applies to ``n`` occurrences; the last one applies to
    every larger count. The default is A/B/C/C# = 1 / 0.66 / 0.33 / 0.
    """

    mode: Literal["graded"]
    coefficients: Annotated[tuple[Number, ...], Rule(min_length=2)] = DEFAULT_GRADED_COEFFICIENTS


Scoring = Annotated[PassFail | Deduction | Graded, Rule(discriminator="mode")]


@dataclass(frozen=True, kw_only=True)
class Thresholds(Model):
    """Score-rate cut-offs (得分率, percent) for 达标 and 基本达标."""

    met: Annotated[Number, Rule(ge=0, le=100, description="达标: score rate at or above this")]
    basically_met: Annotated[Number, Rule(ge=0, le=100, description="基本达标: at or above this")]


@dataclass(frozen=True, kw_only=True)
class Verdicts(Thresholds):
    """Default cut-offs plus optional per-level ones (e.g. stricter for city-level sites)."""

    levels: dict[Level, Thresholds] = field(default_factory=dict)

    def for_level(self, level: Level) -> Thresholds:
        """The cut-offs that apply to a site of ``level``."""
        return self.levels.get(level, Thresholds(met=self.met, basically_met=self.basically_met))


@dataclass(frozen=True, kw_only=True)
class StandardHeader(Model):
    """Identity and settings of the evaluation standard (测评标准)."""

    id: Key
    title: NonEmptyStr
    version: NonEmptyStr
    effective_date: Day
    issuer: Annotated[NonEmptyStr, described("发布单位")]
    source_note: Annotated[NonEmptyStr, described("来源说明")]
    default_rectification_days: Annotated[Count, Rule(ge=0, le=365)] = 5
    default_rectification_day_kind: Annotated[
        DayKind, described("整改时限按工作日（working）或自然日（calendar）计")
    ] = "working"
    verdicts: Verdicts


@dataclass(frozen=True, kw_only=True)
class SiteType(Model):
    """A kind of site (点位类型), e.g. 农贸市场."""

    id: Key
    name: NonEmptyStr
    name_en: NonEmptyStr | None = None
    #: Category weights in percent for sites of this type; empty = plain score rate.
    category_weights: dict[Key, Number] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class Category(Model):
    """A category of items (测评项目), e.g. 公益宣传."""

    id: Key
    name: NonEmptyStr
    name_en: NonEmptyStr | None = None


@dataclass(frozen=True, kw_only=True)
class Item(Model):
    """One item of the standard (测评内容) with how it is checked and scored."""

    id: ItemId
    category: Key
    site_types: Annotated[tuple[Key, ...], Rule(min_length=1)]
    requirement: Annotated[NonEmptyStr, described("测评内容（中文）")]
    requirement_en: NonEmptyStr | None = None
    method: Method = "observe"
    points: Annotated[Number, Rule(gt=0, le=1000, description="标准分")]
    scoring: Scoring = field(default_factory=PassFail)
    veto: Annotated[bool, described("一票否决")] = False
    rectification_days: Annotated[RectificationDays | None, described("整改时限")] = None
    rectification_day_kind: Annotated[
        DayKind | None, described("工作日（working）或自然日（calendar）；默认取标准头部的设置")
    ] = None
    counting_rule: NonEmptyStr | None = None
    notes: NonEmptyStr | None = None
    source: NonEmptyStr | None = None


@dataclass(frozen=True, kw_only=True)
class Coordinates(Model):
    """WGS-84 position of a site."""

    lat: Annotated[Number, Rule(ge=-90, le=90)]
    lon: Annotated[Number, Rule(ge=-180, le=180)]


@dataclass(frozen=True, kw_only=True)
class Contact(Model):
    """Who to call about a site."""

    name: NonEmptyStr
    phone: NonEmptyStr | None = None


@dataclass(frozen=True, kw_only=True)
class Site(Model):
    """A demonstration site (示范点位)."""

    id: Key
    name: NonEmptyStr
    site_type: Key
    level: Level
    street: Annotated[NonEmptyStr, described("街道")]
    address: NonEmptyStr
    coordinates: Coordinates | None = None
    responsible_unit: Annotated[NonEmptyStr, described("责任单位")]
    lead_department: Annotated[NonEmptyStr, described("牵头部门")]
    cooperating_departments: tuple[NonEmptyStr, ...] = ()
    contact: Contact | None = None
    tags: tuple[NonEmptyStr, ...] = ()
    planned_acceptance: Day | None = None


@dataclass(frozen=True, kw_only=True)
class StandardFile(Model):
    """The content of one ``standards/*.yaml`` file."""

    standard: StandardHeader | None = None
    site_types: tuple[SiteType, ...] = ()
    categories: tuple[Category, ...] = ()
    items: tuple[Item, ...] = ()


@dataclass(frozen=True, kw_only=True)
class SitesFile(Model):
    """The content of one ``sites/*.yaml`` file."""

    sites: tuple[Site, ...]


def to_record(model: Model) -> dict[str, Any]:
    """A model as a JSON-ready mapping (see :func:`to_json`)."""
    found: dict[str, Any] = to_json(model)
    return found


def to_json(value: Any) -> Any:
    """A model as JSON-ready data (dicts, lists, ISO dates), fields in their order.

    What ``--format json`` and the catalog cache write; the standard library
    suffices, so neither needs pydantic.
    """
    if isinstance(value, Model):
        return {f.name: to_json(getattr(value, f.name)) for f in fields(value)}  # type: ignore[arg-type]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
