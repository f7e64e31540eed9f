"""Cross-file rules of the catalog, and its assembly once they hold.

Each rule reports at the node that breaks it, so a duplicate id points at the
second definition and names the first, and a dangling reference points at the
reference itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.loader import IssueSink, SourceFile
from qingyang_inspect.catalog.models import (
    Category,
    Graded,
    Item,
    Site,
    SitesFile,
    SiteType,
    StandardFile,
    StandardHeader,
    Thresholds,
)
from qingyang_inspect.i18n import t

T = TypeVar("T")
D = TypeVar("D", SiteType, Category, Item, Site)

#: Weights are percentages written by people; allow for decimal rounding only.
_WEIGHT_TOLERANCE = 1e-6


@dataclass(frozen=True)
class _Def(Generic[T]):
    """A definition together with where it was written."""

    value: T
    source: SourceFile
    loc: tuple[str | int, ...]

    def where(self) -> str:
        """``file:line`` of the definition, for "already defined at …" messages."""
        if self.source.doc is None:
            return self.source.display
        from qingyang_inspect.catalog.yamlfile import locate

        (line, _), _ = locate(self.source.doc.root, self.loc)
        return f"{self.source.display}:{line}"


def _standard_files(sources: Sequence[SourceFile]) -> Iterator[tuple[SourceFile, StandardFile]]:
    for source in sources:
        if isinstance(source.model, StandardFile):
            yield source, source.model


def _site_files(sources: Sequence[SourceFile]) -> Iterator[tuple[SourceFile, SitesFile]]:
    for source in sources:
        if isinstance(source.model, SitesFile):
            yield source, source.model


def _closest(name: str, candidates: Sequence[str]) -> str | None:
    import difflib  # only for catalogs with problems

    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


def _suggest(name: str, candidates: Sequence[str], section: str) -> str:
    """``; did you mean 'x'?``, or else where the missing definition belongs."""
    close = _closest(name, candidates)
    if close is not None:
        return t("check.suggest", candidate=close)
    return t("check.define_in", section=section)


def _unread_texts(sources: Sequence[SourceFile]) -> list[str] | None:
    """The text of every file that could not be loaded; ``None`` if one cannot be read at all.

    Such a file may define anything, so a reference is only judged when its id
    does not occur in any of these texts (ids are ASCII, so any decoding that
    keeps ASCII will do).
    """
    from qingyang_inspect.catalog.yamlfile import MAX_FILE_BYTES
    from qingyang_inspect.files import FileProblem, read_limited

    texts: list[str] = []
    for source in sources:
        if source.model is not None:
            continue
        try:
            raw = read_limited(source.path, MAX_FILE_BYTES)
        except FileProblem:
            return None
        codec = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8"
        texts.append(raw.decode(codec, errors="replace"))
    return texts


def _broken_refs(sources: Sequence[SourceFile], section: str, name: str) -> list[object]:
    """The ``name`` values of the entries of ``section`` that failed the schema."""
    return [entry.get(name) for source in sources for entry in source.broken.get(section, [])]


def _unique(defs: list[_Def[D]], what: str, sink: IssueSink) -> dict[str, _Def[D]]:
    seen: dict[str, _Def[D]] = {}
    for d in defs:
        first = seen.get(d.value.id)
        if first is not None:
            loc: tuple[str | int, ...] = d.loc
            sink.add(
                d.source,
                (*loc, "id"),
                "duplicate-id",
                t("check.duplicate_id", what=what, id=d.value.id, other=first.where()),
            )
        else:
            seen[d.value.id] = d
    return seen


def check_catalog(sources: Sequence[SourceFile], sink: IssueSink) -> None:
    """Run every cross-file rule over the files that passed the schema."""
    headers: list[_Def[StandardHeader]] = []
    site_types: list[_Def[SiteType]] = []
    categories: list[_Def[Category]] = []
    items: list[_Def[Item]] = []
    sites: list[_Def[Site]] = []
    for source, std in _standard_files(sources):
        if std.standard is not None:
            headers.append(_Def(std.standard, source, ("standard",)))
        site_types += [
            _Def(v, source, source.loc("site_types", n)) for n, v in enumerate(std.site_types)
        ]
        categories += [
            _Def(v, source, source.loc("categories", n)) for n, v in enumerate(std.categories)
        ]
        items += [_Def(v, source, source.loc("items", n)) for n, v in enumerate(std.items)]
    for source, site_file in _site_files(sources):
        sites += [_Def(v, source, source.loc("sites", n)) for n, v in enumerate(site_file.sites)]

    _check_headers(headers, sources, sink)
    type_defs = _unique(site_types, t_what("site_type"), sink)
    category_defs = _unique(categories, t_what("category"), sink)
    item_defs = _unique(items, t_what("item"), sink)
    site_defs = _unique(sites, t_what("site"), sink)

    type_ids = list(type_defs)
    category_ids = list(category_defs)
    unread = _unread_texts(sources)

    def judged(ref: str) -> bool:
        """Whether a missing ``ref`` is an error: no unreadable file may define it."""
        return unread is not None and not any(ref in text for text in unread)

    # Entries that failed the schema still count as defined.
    broken = {pair for source in sources for pair in source.broken_ids}
    known_types = set(type_defs) | {i for kind, i in broken if kind == "site_types"}
    known_categories = set(category_defs) | {i for kind, i in broken if kind == "categories"}
    # What a dangling reference probably meant: that type or category is not
    # also reported as unused, so one typo gives one message.
    meant_by_items: set[str] = set()
    meant_by_sites: set[str] = set()
    meant_categories: set[str] = set()
    for d in item_defs.values():
        item = d.value
        if item.category not in known_categories and judged(item.category):
            sink.add(
                d.source,
                (*d.loc, "category"),
                "unknown-category",
                t(
                    "check.unknown_category",
                    id=item.category,
                    suggest=_suggest(item.category, category_ids, "categories"),
                ),
            )
            meant_categories.add(_closest(item.category, category_ids) or "")
        for n, type_id in enumerate(item.site_types):
            if type_id not in known_types and judged(type_id):
                sink.add(
                    d.source,
                    (*d.loc, "site_types", n),
                    "unknown-site-type",
                    t(
                        "check.unknown_site_type",
                        id=type_id,
                        suggest=_suggest(type_id, type_ids, "site_types"),
                    ),
                )
                meant_by_items.add(_closest(type_id, type_ids) or "")
        _check_scoring(d, sink)
    for sd in site_defs.values():
        type_id = sd.value.site_type
        if type_id not in known_types and judged(type_id):
            sink.add(
                sd.source,
                (*sd.loc, "site_type"),
                "unknown-site-type",
                t(
                    "check.unknown_site_type",
                    id=type_id,
                    suggest=_suggest(type_id, type_ids, "site_types"),
                ),
            )
            meant_by_sites.add(_closest(type_id, type_ids) or "")

    # Duplicates and entries that failed the schema are still counted for what
    # they refer to: an item with a bad points value still serves its site types.
    sites_per_type = Counter(d.value.site_type for d in sites)
    sites_per_type.update(
        ref for ref in _broken_refs(sources, "sites", "site_type") if isinstance(ref, str)
    )
    broken_items = [
        (category if isinstance(category, str) else None, types if isinstance(types, list) else [])
        for category, types in zip(
            _broken_refs(sources, "items", "category"),
            _broken_refs(sources, "items", "site_types"),
            strict=True,
        )
    ]
    for type_id, td in type_defs.items():
        type_items = [i.value for i in items if type_id in i.value.site_types]
        broken_categories = {c for c, types in broken_items if c and type_id in types}
        has_items = type_items or broken_categories or type_id in meant_by_items
        if sites_per_type[type_id] and not has_items and judged(type_id):
            sink.add(
                td.source,
                (*td.loc, "id"),
                "type-without-items",
                t("check.type_without_items", id=type_id, sites=sites_per_type[type_id]),
            )
        has_sites = sites_per_type[type_id] or type_id in meant_by_sites
        if site_defs and not has_sites and judged(type_id):
            sink.add(
                td.source,
                (*td.loc, "id"),
                "type-without-sites",
                t("check.type_without_sites", id=type_id),
                severity="warning",
            )
        _check_weights(td, {i.category for i in type_items}, broken_categories, category_defs, sink)
    used_categories = {d.value.category for d in items} | meant_categories
    used_categories.update(c for c, _ in broken_items if c)
    for category_id, cd in category_defs.items():
        if category_id not in used_categories and judged(category_id):
            sink.add(
                cd.source,
                (*cd.loc, "id"),
                "category-without-items",
                t("check.site_type_unused_category", id=category_id),
                severity="warning",
            )


def t_what(kind: str) -> str:
    """The name of a kind of definition, for duplicate-id messages."""
    names = {
        "site_type": t("label.site_type"),
        "category": t("label.category"),
        "item": t("label.item"),
        "site": t("label.site"),
    }
    return names[kind]


def _check_headers(
    headers: list[_Def[StandardHeader]], sources: Sequence[SourceFile], sink: IssueSink
) -> None:
    standard_sources = [s for s, _ in _standard_files(sources)]
    if not headers:
        if any(("standard", "") in s.broken_ids or s.model is None for s in sources):
            return  # the header is there but broken, or may be in an unreadable file
        target = standard_sources[0] if standard_sources else sources[0]
        sink.add(target, (), "no-standard", t("check.no_standard"))
        return
    for extra in headers[1:]:
        sink.add(
            extra.source,
            extra.loc,
            "many-standards",
            t("check.many_standards", other=headers[0].where()),
            key=True,
        )
    for d in headers:
        verdicts = d.value.verdicts
        _check_thresholds(verdicts, d, (*d.loc, "verdicts"), sink)
        for level, thresholds in verdicts.levels.items():
            _check_thresholds(thresholds, d, (*d.loc, "verdicts", "levels", level), sink)


def _check_thresholds(
    thresholds: Thresholds, d: _Def[StandardHeader], loc: tuple[str | int, ...], sink: IssueSink
) -> None:
    if thresholds.met <= thresholds.basically_met:
        sink.add(
            d.source,
            (*loc, "met"),
            "thresholds-order",
            t(
                "check.thresholds_order",
                met=_num(thresholds.met),
                basically_met=_num(thresholds.basically_met),
            ),
        )


def _check_scoring(d: _Def[Item], sink: IssueSink) -> None:
    scoring = d.value.scoring
    if isinstance(scoring, Graded):
        previous: float | None = None
        for n, value in enumerate(scoring.coefficients):
            loc = (*d.loc, "scoring", "coefficients", n)
            if not 0 <= value <= 1:
                sink.add(d.source, loc, "graded-range", t("check.graded_range", value=_num(value)))
            elif previous is not None and value > previous:
                sink.add(
                    d.source,
                    loc,
                    "graded-increasing",
                    t("check.graded_increasing", prev=_num(previous), value=_num(value)),
                )
            previous = value
    elif scoring.mode == "deduction" and scoring.per_occurrence > d.value.points:
        sink.add(
            d.source,
            (*d.loc, "scoring", "per_occurrence"),
            "deduction-exceeds-points",
            t(
                "check.deduction_exceeds",
                per=_num(scoring.per_occurrence),
                points=_num(d.value.points),
            ),
            severity="warning",
        )


def _check_weights(
    d: _Def[SiteType],
    used: set[str],
    maybe_used: set[str],
    categories: dict[str, _Def[Category]],
    sink: IssueSink,
) -> None:
    """Weights sum to 100 and name exactly the categories of the type's items.

    ``maybe_used`` are categories of items that failed the schema: a weight on
    them is not reported as unused, nor their lack of a weight as missing.
    """
    weights = d.value.category_weights
    if not weights:
        return
    loc = (*d.loc, "category_weights")
    total = sum(weights.values())
    if abs(total - 100) > _WEIGHT_TOLERANCE:
        sink.add(d.source, loc, "weights-sum", t("check.weights_sum", total=_num(total)))
    names = list(categories)
    unknown = [category_id for category_id in weights if category_id not in categories]
    for category_id in weights:
        if category_id in unknown:
            sink.add(
                d.source,
                (*loc, category_id),
                "unknown-category",
                t(
                    "check.unknown_category",
                    id=category_id,
                    suggest=_suggest(category_id, names, "categories"),
                ),
                key=True,
            )
        elif category_id not in used and category_id not in maybe_used:
            sink.add(
                d.source,
                (*loc, category_id),
                "weight-unused",
                t("check.weight_unused", id=category_id),
                key=True,
            )
    if unknown:
        return  # a misspelt weight is the missing one: reporting both says it twice
    for category_id in sorted(used - weights.keys()):
        sink.add(d.source, loc, "weight-missing", t("check.weight_missing", id=category_id))


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def assemble(sources: Sequence[SourceFile]) -> Catalog:
    """Build the :class:`Catalog` from files that passed every check."""
    header: StandardHeader | None = None
    site_types: dict[str, SiteType] = {}
    categories: dict[str, Category] = {}
    items: dict[str, Item] = {}
    sites: dict[str, Site] = {}
    for _, std in _standard_files(sources):
        header = header or std.standard
        site_types.update((v.id, v) for v in std.site_types)
        categories.update((v.id, v) for v in std.categories)
        items.update((v.id, v) for v in std.items)
    for _, site_file in _site_files(sources):
        sites.update((v.id, v) for v in site_file.sites)
    if header is None:  # pragma: no cover - check_catalog reports it as an error
        raise ValueError("assemble() needs a standard header")
    return Catalog(header, site_types, categories, items, sites)
