"""Models written with ``yaml.safe_dump`` read back equal through the loader.

The strategies mirror the models and lean on the values YAML 1.1 reads as
something else when unquoted (``on``, ``no``, ``0123``, ``1:30``, dates, ``~``):
the dumper quotes them, and the loader's own node walker must then keep them
as text, exactly as PyYAML's resolver would.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qingyang_inspect.catalog.loader import load_catalog
from qingyang_inspect.catalog.models import (
    Category,
    Contact,
    Coordinates,
    Deduction,
    Graded,
    Item,
    PassFail,
    Site,
    SitesFile,
    SiteType,
    StandardFile,
    StandardHeader,
    Thresholds,
    Verdicts,
)
from qingyang_inspect.catalog.validation import adapter, validate
from qingyang_inspect.catalog.yamlfile import parse_text

# Text that YAML 1.1 resolves to a bool, number, date or null when unquoted, or that
# means something to YAML at the start of a value.
TRICKY = [
    "on", "off", "yes", "no", "y", "n", "ON", "No", "true", "False", "null", "Null", "~",
    "0123", "012", "0x1F", "0o17", "1_000", "1e3", "1:30", "190:20:30", ".inf", "-.inf",
    ".NaN", "2026-01-01", "2026-02-30", "2026-08-03 09:30", "1.0", "2026.10", "-", "? a",
    "<<", "=", "&a", "*a", "!tag", "%x", "@x", "`x", "# not a comment", "a: b", "[a]",
    "{a: b}", "'quoted'", '"double"', "a #b", "multi\nline", "tab\there", "028-80000101",
    "草堂小学", "青羊区·蓉城驿站", "100%", "NM-01-02",
]  # fmt: skip
KEY_TRICKY = ["on", "off", "yes", "no", "y", "n", "NO", "Yes", "true", "null", "Null", "e1"]

# PyYAML's emitter writes NEL (U+0085) inside a quoted scalar as a line break, which
# any YAML reader then folds to a space: a quirk of the dumper, not of the loader.
# Control characters (Cc) are refused in names and texts (tab and newline: see TRICKY).
characters = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85")
text = st.one_of(
    st.sampled_from(TRICKY),
    st.text(characters, min_size=1, max_size=12).map(str.strip).filter(bool),
)
optional_text = st.none() | text
keys = st.one_of(
    st.sampled_from(KEY_TRICKY), st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,8}", fullmatch=True)
)
item_ids = st.from_regex(r"[A-Z][A-Z0-9]{0,3}(-[A-Z0-9]{1,3}){1,3}", fullmatch=True)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
percent = st.floats(min_value=0, max_value=100, allow_nan=False)
positive = st.floats(min_value=0.001, max_value=1000, allow_nan=False, exclude_min=False)
days = st.integers(min_value=0, max_value=365)


@st.composite
def graded(draw: st.DrawFn) -> Graded:
    values = draw(st.lists(st.floats(0, 1, allow_nan=False), min_size=2, max_size=6))
    return Graded(mode="graded", coefficients=tuple(sorted(values, reverse=True)))


scorings = st.one_of(
    st.just(PassFail()),
    st.builds(Deduction, mode=st.just("deduction"), per_occurrence=positive),
    graded(),
    st.just(Graded(mode="graded")),
)


@st.composite
def thresholds(draw: st.DrawFn) -> Thresholds:
    low, high = sorted(draw(st.lists(percent, min_size=2, max_size=2, unique=True)))
    return Thresholds(met=high, basically_met=low)


@st.composite
def verdicts(draw: st.DrawFn) -> Verdicts:
    default = draw(thresholds())
    levels = draw(st.dictionaries(st.sampled_from(["city", "district", "other"]), thresholds()))
    return Verdicts(met=default.met, basically_met=default.basically_met, levels=levels)


headers = st.builds(
    StandardHeader,
    id=keys,
    title=text,
    version=text,
    effective_date=dates,
    issuer=text,
    source_note=text,
    default_rectification_days=days,
    verdicts=verdicts(),
)


def items(categories: st.SearchStrategy[str], types: st.SearchStrategy[str]) -> Any:
    return st.builds(
        Item,
        id=item_ids,
        category=categories,
        site_types=st.lists(types, min_size=1, max_size=3).map(tuple),
        requirement=text,
        requirement_en=optional_text,
        method=st.sampled_from(["observe", "documents", "interview", "simulate"]),
        points=positive,
        scoring=scorings,
        veto=st.booleans(),
        rectification_days=st.none() | days,
        counting_rule=optional_text,
        notes=optional_text,
        source=optional_text,
    )


def sites(types: st.SearchStrategy[str]) -> Any:
    return st.builds(
        Site,
        id=keys,
        name=text,
        site_type=types,
        level=st.sampled_from(["city", "district", "other"]),
        street=text,
        address=text,
        coordinates=st.none()
        | st.builds(
            Coordinates,
            lat=st.floats(-90, 90, allow_nan=False),
            lon=st.floats(-180, 180, allow_nan=False),
        ),
        responsible_unit=text,
        lead_department=text,
        cooperating_departments=st.lists(text, max_size=3).map(tuple),
        contact=st.none() | st.builds(Contact, name=text, phone=optional_text),
        tags=st.lists(text, max_size=3).map(tuple),
        planned_acceptance=st.none() | dates,
    )


site_types = st.builds(
    SiteType,
    id=keys,
    name=text,
    name_en=optional_text,
    category_weights=st.dictionaries(keys, percent, max_size=3),
)
category_models = st.builds(Category, id=keys, name=text, name_en=optional_text)
standard_files = st.builds(
    StandardFile,
    standard=st.none() | headers,
    site_types=st.lists(site_types, max_size=3).map(tuple),
    categories=st.lists(category_models, max_size=3).map(tuple),
    items=st.lists(items(keys, keys), max_size=3).map(tuple),
)


def plain(value: Any) -> Any:
    """A model dump as YAML can write it (tuples as lists), defaults left out like people do."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def to_yaml(model: Any) -> str:
    data = plain(adapter(type(model)).dump_python(model, mode="python", exclude_defaults=True))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


ROUNDTRIP = settings(max_examples=100, deadline=None)


@ROUNDTRIP
@given(items(keys, keys))
def test_item_roundtrip(item: Item) -> None:
    assert validate(Item, parse_text(to_yaml(item)).data) == item


@ROUNDTRIP
@given(sites(keys))
def test_site_roundtrip(site: Site) -> None:
    assert validate(Site, parse_text(to_yaml(site)).data) == site


@settings(max_examples=60, deadline=None)
@given(standard_files)
def test_standard_file_roundtrip(model: StandardFile) -> None:
    data = parse_text(to_yaml(model) or "{}").data
    assert validate(StandardFile, data) == model


@st.composite
def catalogs(draw: st.DrawFn) -> tuple[StandardFile, SitesFile]:
    """A standard and sites that pass every cross-file rule."""
    type_list = draw(st.lists(site_types, min_size=1, max_size=3, unique_by=lambda s: s.id))
    type_list = [dataclasses.replace(t, category_weights={}) for t in type_list]
    category_list = draw(
        st.lists(category_models, min_size=1, max_size=3, unique_by=lambda c: c.id)
    )
    type_ids = st.sampled_from([t.id for t in type_list])
    category_ids = st.sampled_from([c.id for c in category_list])
    item_list = draw(
        st.lists(items(category_ids, type_ids), min_size=1, max_size=5, unique_by=lambda i: i.id)
    )
    served = sorted({t for i in item_list for t in i.site_types})
    site_list = draw(
        st.lists(sites(st.sampled_from(served)), min_size=1, max_size=4, unique_by=lambda s: s.id)
    )
    standard = StandardFile(
        standard=draw(headers),
        site_types=tuple(type_list),
        categories=tuple(category_list),
        items=tuple(item_list),
    )
    return standard, SitesFile(sites=tuple(site_list))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_catalog_roundtrip_through_load_catalog(pair: tuple[StandardFile, SitesFile]) -> None:
    standard, site_file = pair
    folder = Path(tempfile.mkdtemp())
    try:
        (folder / "standards").mkdir()
        (folder / "sites").mkdir()
        (folder / "standards" / "standard.yaml").write_text(to_yaml(standard), encoding="utf-8")
        (folder / "sites" / "sites.yaml").write_text(to_yaml(site_file), encoding="utf-8")
        result = load_catalog([folder / "standards", folder / "sites"], base=folder)
    finally:
        shutil.rmtree(folder)
    assert result.report.errors == 0, result.report.issues
    catalog = result.catalog
    assert catalog is not None
    assert catalog.standard == standard.standard
    assert list(catalog.site_types.values()) == list(standard.site_types)
    assert list(catalog.categories.values()) == list(standard.categories)
    assert list(catalog.items.values()) == list(standard.items)
    assert list(catalog.sites.values()) == list(site_file.sites)
