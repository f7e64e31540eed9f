"""The catalog's models: the evaluation standard (测评标准), its items and the sites (点位).

Every model is frozen and forbids unknown fields, so a misspelt key in a YAML
file is an error instead of a silently ignored setting. The YAML layout is:

* a *standard file* (``standards/*.yaml``) holds any of ``standard`` (the header,
  exactly once across all files), ``site_types``, ``categories`` and ``items``;
* a *sites file* (``sites/*.yaml``) holds ``sites``.

Cross-file rules (ids unique, references resolve, weights sum to 100, …) live in
:mod:`qingyang_inspect.catalog.checks`; the models check what one value can.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

# ``NM-01-02``, ``CM-AD-01``, ``XZ-01-03``: a prefix, then dash-separated parts.
ITEM_ID_PATTERN = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"
# Site ids, site type and category keys: letters, digits, ``_`` and ``-``.
KEY_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]*$"

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Key = Annotated[str, StringConstraints(pattern=KEY_PATTERN, max_length=64)]
ItemId = Annotated[str, StringConstraints(pattern=ITEM_ID_PATTERN, max_length=64)]


def _not_bool(value: object) -> object:
    """YAML's ``true`` would pass as 1 point; a boolean is never a number here."""
    if isinstance(value, bool):
        raise PydanticCustomError("float_type", "Input should be a valid number")
    return value


Number = Annotated[float, BeforeValidator(_not_bool)]
Count = Annotated[int, BeforeValidator(_not_bool)]
# Constraints before the validator, or pydantic cannot express them in the JSON Schema.
RectificationDays = Annotated[int, Field(ge=0, le=365), BeforeValidator(_not_bool)]

Method = Literal["observe", "documents", "interview", "simulate"]
Level = Literal["city", "district", "other"]

#: 状态描述法: A / B / C / C# = 100 / 66 / 33 / 0 % at 0 / 1 / 2 / 3+ occurrences.
DEFAULT_GRADED_COEFFICIENTS: tuple[float, ...] = (1.0, 0.66, 0.33, 0.0)


class Model(BaseModel):
    """Base of every catalog model: frozen, unknown fields are errors."""

    # Validators are built on first validation, not at import: `record` reads the
    # catalog from its cache without validating, and must not pay for building them.
    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True
    )


class PassFail(Model):
    """Full points on pass, nothing on fail (符合 / 不符合)."""

    mode: Literal["pass_fail"] = "pass_fail"


class Deduction(Model):
    """Points minus ``per_occurrence`` for each occurrence, floored at 0 (扣完为止)."""

    mode: Literal["deduction"]
    per_occurrence: Number = Field(gt=0, description="扣分/例")


class Graded(Model):
    """Points times a coefficient chosen by the occurrence count (状态描述法).

    ``coefficients[n]`` applies to ``n`` occurrences; the last one applies to
    every larger count. The default is A/B/C/C# = 1 / 0.66 / 0.33 / 0.
    """

    mode: Literal["graded"]
    coefficients: tuple[Number, ...] = Field(default=DEFAULT_GRADED_COEFFICIENTS, min_length=2)


Scoring = Annotated[PassFail | Deduction | Graded, Field(discriminator="mode")]


class Thresholds(Model):
    """Score-rate cut-offs (得分率, percent) for 达标 and 基本达标."""

    met: Number = Field(ge=0, le=100, description="达标: score rate at or above this")
    basically_met: Number = Field(ge=0, le=100, description="基本达标: at or above this")


class Verdicts(Thresholds):
    """Default cut-offs plus optional per-level ones (e.g. stricter for city-level sites)."""

    levels: dict[Level, Thresholds] = Field(default_factory=dict)

    def for_level(self, level: Level) -> Thresholds:
        """The cut-offs that apply to a site of ``level``."""
        return self.levels.get(level, Thresholds(met=self.met, basically_met=self.basically_met))


class StandardHeader(Model):
    """Identity and settings of the evaluation standard (测评标准)."""

    id: Key
    title: NonEmptyStr
    version: NonEmptyStr
    effective_date: dt.date
    issuer: NonEmptyStr = Field(description="发布单位")
    source_note: NonEmptyStr = Field(description="来源说明")
    default_rectification_days: Count = Field(default=5, ge=0, le=365)
    verdicts: Verdicts


class SiteType(Model):
    """A kind of site (点位类型), e.g. 农贸市场."""

    id: Key
    name: NonEmptyStr
    name_en: NonEmptyStr | None = None
    #: Category weights in percent for sites of this type; empty = plain score rate.
    category_weights: dict[Key, Number] = Field(default_factory=dict)


class Category(Model):
    """A category of items (测评项目), e.g. 公益宣传."""

    id: Key
    name: NonEmptyStr
    name_en: NonEmptyStr | None = None


class Item(Model):
    """One item of the standard (测评内容) with how it is checked and scored."""

    id: ItemId
    category: Key
    site_types: tuple[Key, ...] = Field(min_length=1)
    requirement: NonEmptyStr = Field(description="测评内容（中文）")
    requirement_en: NonEmptyStr | None = None
    method: Method = "observe"
    points: Number = Field(gt=0, le=1000, description="标准分")
    scoring: Scoring = Field(default_factory=PassFail)
    veto: bool = Field(default=False, description="一票否决")
    rectification_days: RectificationDays | None = Field(default=None, description="整改时限")
    counting_rule: NonEmptyStr | None = None
    notes: NonEmptyStr | None = None
    source: NonEmptyStr | None = None


class Coordinates(Model):
    """WGS-84 position of a site."""

    lat: Number = Field(ge=-90, le=90)
    lon: Number = Field(ge=-180, le=180)


class Contact(Model):
    """Who to call about a site."""

    name: NonEmptyStr
    phone: NonEmptyStr | None = None


class Site(Model):
    """A demonstration site (示范点位)."""

    id: Key
    name: NonEmptyStr
    site_type: Key
    level: Level
    street: NonEmptyStr = Field(description="街道")
    address: NonEmptyStr
    coordinates: Coordinates | None = None
    responsible_unit: NonEmptyStr = Field(description="责任单位")
    lead_department: NonEmptyStr = Field(description="牵头部门")
    cooperating_departments: tuple[NonEmptyStr, ...] = ()
    contact: Contact | None = None
    tags: tuple[NonEmptyStr, ...] = ()
    planned_acceptance: dt.date | None = None


class StandardFile(Model):
    """The content of one ``standards/*.yaml`` file."""

    standard: StandardHeader | None = None
    site_types: tuple[SiteType, ...] = ()
    categories: tuple[Category, ...] = ()
    items: tuple[Item, ...] = ()


class SitesFile(Model):
    """The content of one ``sites/*.yaml`` file."""

    sites: tuple[Site, ...]
