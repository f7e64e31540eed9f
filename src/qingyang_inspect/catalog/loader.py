"""Load standards and sites from YAML into a :class:`Catalog`, collecting every problem.

:func:`load_catalog` reads all files, validates each against its model, runs
the cross-file checks and returns a :class:`LoadResult`: the
:class:`ValidationReport` with *all* issues of *all* files (each at
``file:line:col`` and its path in the document), and the catalog when there
were no errors. Exceptions are kept for what stops the run altogether: a path
that does not exist, or a folder without YAML files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import math
import re
import types
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Final, Literal, Union, get_args, get_origin, get_type_hints

from pydantic_core import ValidationError

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import (
    ITEM_ID_PATTERN,
    KEY_PATTERN,
    Category,
    Model,
    Site,
    SitesFile,
    SiteType,
    StandardFile,
    StandardHeader,
)
from qingyang_inspect.catalog.models import Item as ItemModel
from qingyang_inspect.catalog.report import Issue, Severity, ValidationReport
from qingyang_inspect.catalog.validation import validate
from qingyang_inspect.catalog.yamlfile import (
    YamlDocument,
    YamlProblem,
    format_path,
    locate,
    read_document,
    scalar_at,
)
from qingyang_inspect.errors import CatalogError
from qingyang_inspect.files import FileProblem, display_name, listed
from qingyang_inspect.i18n import get_language, t

YAML_SUFFIXES = (".yaml", ".yml")
_STANDARD_KEYS = frozenset({"standard", "site_types", "categories", "items"})
_TOP_KEYS = ("standard", "site_types", "categories", "items", "sites")
_ELEMENT_MODELS: dict[str, type[SiteType] | type[Category] | type[ItemModel] | type[Site]] = {
    "site_types": SiteType,
    "categories": Category,
    "items": ItemModel,
    "sites": Site,
}


@dataclass
class SourceFile:
    """One YAML file: how it is shown to the user, its nodes and its validated model."""

    path: Path
    display: str
    doc: YamlDocument | None = None
    model: StandardFile | SitesFile | None = None
    #: The model holds only the entries that were valid on their own.
    partial: bool = False
    #: ``(section, id)`` of entries that failed the schema, e.g. ``("items", "NM-01-02")``.
    broken_ids: set[tuple[str, str]] = field(default_factory=set)
    #: For a partial model: position in the file of each kept entry, per section.
    kept_at: dict[str, list[int]] = field(default_factory=dict)
    #: Entries that failed the schema, as written, per section: the cross-file
    #: rules read their references so that one typo is not also reported as
    #: "site type without items" or "category without items".
    broken: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def loc(self, section: str, n: int) -> tuple[str, int]:
        """Path of entry ``n`` of ``section`` of the model, as written in the file."""
        positions = self.kept_at.get(section)
        return (section, positions[n] if positions is not None else n)


@dataclass
class IssueSink:
    """Collects issues, turning document paths into ``line:col`` through the node tree."""

    issues: list[Issue] = field(default_factory=list)

    def add(
        self,
        source: SourceFile,
        loc: Sequence[str | int],
        code: str,
        message: str,
        *,
        severity: Severity = "error",
        key: bool = False,
    ) -> None:
        """Record an issue at ``loc`` inside ``source``."""
        line: int | None = None
        column: int | None = None
        shown: Sequence[str | int] = loc
        if source.doc is not None:
            (line, column), shown = locate(source.doc.root, loc, key=key)
        self.add_at(source, line, column, code, message, path=format_path(shown), severity=severity)

    def add_at(
        self,
        source: SourceFile,
        line: int | None,
        column: int | None,
        code: str,
        message: str,
        *,
        path: str = "",
        severity: Severity = "error",
    ) -> None:
        """Record an issue at a known position (YAML syntax, encoding)."""
        self.issues.append(
            Issue(
                file=source.display,
                line=line,
                column=column,
                path=path,
                code=code,
                severity=severity,
                message=message,
            )
        )


@dataclass(frozen=True)
class LoadResult:
    """The outcome of loading: the report, and the catalog if there were no errors."""

    report: ValidationReport
    catalog: Catalog | None


def discover(paths: Iterable[Path]) -> list[Path]:
    """The YAML files named by ``paths`` (files, or folders searched recursively), sorted.

    Raises :class:`CatalogError` for a path that does not exist or a folder
    without YAML files: there is nothing to validate, so the run cannot go on.
    Whatever else has a YAML name — a broken link, a FIFO — is listed, and
    reading it reports what it is: a file is never skipped in silence.
    """
    found: list[Path] = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise CatalogError(t("path.missing", path=path), hint=t("path.missing_hint"))
        if path.is_dir():
            files = listed(path, YAML_SUFFIXES)
            if not files:
                raise CatalogError(t("path.no_yaml", path=path), hint=t("path.no_yaml_hint"))
            found.extend(files)
        else:
            found.append(path)
    unique: dict[Path, None] = {}
    for file in found:
        unique.setdefault(file, None)
    return list(unique)


def load_catalog(paths: Sequence[Path], *, base: Path | None = None) -> LoadResult:
    """Read, validate and cross-check the standards and sites under ``paths``."""
    # Imported here: ``record`` never runs the checks when the catalog comes
    # from the cache.
    from qingyang_inspect.catalog.checks import assemble, check_catalog

    # Every file's node tree stays alive to the end (issues are placed through
    # it), so the cyclic GC, triggered by allocations, walks an ever larger heap
    # and finds next to nothing to free: paused for the whole load (2,000 items,
    # 1,000 sites), the load takes half the time. Whatever cycles are made
    # here are collected once it is enabled again.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        sink = IssueSink()
        sources = [SourceFile(p, display_name(p, base)) for p in discover(paths)]
        for source in sources:
            _load_source(source, sink)
        check_catalog(sources, sink)
        report = ValidationReport(
            files=[s.display for s in sources],
            issues=sorted(sink.issues, key=_issue_order),
        )
        catalog = assemble(sources) if report.errors == 0 else None
        return LoadResult(report, catalog)
    finally:
        if gc_was_enabled:
            gc.enable()


def _issue_order(issue: Issue) -> tuple[str, int, int]:
    return (issue.file, issue.line or 0, issue.column or 0)


def _load_source(source: SourceFile, sink: IssueSink) -> None:
    try:
        source.doc = read_document(source.path)
    except YamlProblem as problem:
        sink.add_at(
            source,
            problem.line,
            problem.column,
            problem.code,
            t(problem.message_key, **problem.params),
            path=format_path(problem.path),
        )
        return
    except FileProblem as problem:
        code = "unreadable" if problem.problem == "unreadable" else "not-a-file"
        sink.add_at(source, None, None, code, t("file.unreadable", reason=problem))
        return
    data = source.doc.data
    model_cls: type[StandardFile] | type[SitesFile]
    if not isinstance(data, dict):
        sink.add(source, (), "not-a-mapping", t("file.not_mapping", found=_kind(data)))
        return
    if "sites" in data:
        if _STANDARD_KEYS & data.keys():
            sink.add(source, ("sites",), "mixed-file", t("file.mixed_kind"), key=True)
            return
        model_cls = SitesFile
    elif not (_STANDARD_KEYS & data.keys()):
        _add_unknown_kind(source, sink, data)
        return
    else:
        model_cls = StandardFile
    try:
        source.model = validate(model_cls, data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            _add_schema_error(source, sink, error, model_cls)
        _salvage(source, data, model_cls)


def _add_unknown_kind(source: SourceFile, sink: IssueSink, data: dict[Any, Any]) -> None:
    """A mapping with none of the known top-level keys: name them, and the closest."""
    import difflib  # only for files with problems

    keys = ", ".join(str(k) for k in data) or "{}"
    suggest = ""
    for key in data:
        close = difflib.get_close_matches(str(key), _TOP_KEYS, n=1, cutoff=0.6)
        if close:
            suggest = t("check.suggest", candidate=close[0])
            break
    first: tuple[str | int, ...] = (str(next(iter(data))),) if data else ()
    message = t("file.unknown_kind", keys=keys, suggest=suggest)
    sink.add(source, first, "unknown-file", message, key=True)


def _salvage(
    source: SourceFile, data: Any, model_cls: type[StandardFile] | type[SitesFile]
) -> None:
    """Keep the entries of a failed file that are valid on their own.

    The cross-file rules then still see them (a duplicate id in a file with a
    typo elsewhere is still reported), and the ids of the invalid entries are
    kept so that references to them are not reported as dangling as well.
    """
    if not isinstance(data, dict):
        return
    source.partial = True
    fields: dict[str, Any] = {}
    for name in _field_names(model_cls):
        raw = data.get(name)
        if name == "standard":
            if isinstance(raw, dict):
                try:
                    fields[name] = validate(StandardHeader, raw)
                except ValidationError:
                    source.broken_ids.add(("standard", ""))
            continue
        element = _ELEMENT_MODELS[name]
        kept = []
        positions = source.kept_at.setdefault(name, [])
        for n, entry in enumerate(raw if isinstance(raw, list) else []):
            try:
                kept.append(validate(element, entry))
                positions.append(n)
            except ValidationError:
                if isinstance(entry, dict):
                    source.broken.setdefault(name, []).append(entry)
                    if isinstance(entry.get("id"), str):
                        source.broken_ids.add((name, entry["id"]))
        fields[name] = tuple(kept)
    source.model = model_cls(**fields)


def _add_schema_error(
    source: SourceFile,
    sink: IssueSink,
    error: Any,
    model_cls: type[StandardFile] | type[SitesFile],
) -> None:
    """Report one pydantic error in words that say what is wrong and how to fix it."""
    kind = _KINDS.get(str(error["type"]), str(error["type"]))
    loc: tuple[str | int, ...] = tuple(error["loc"])
    ctx = {k: _plain(v) for k, v in (error.get("ctx") or {}).items()}
    raw = error.get("input")
    node = scalar_at(source.doc.root, loc) if source.doc is not None else None
    params: dict[str, object] = {
        **ctx,
        "input": node.value if node is not None else _shorten(raw),
        "found": _kind(raw),
    }
    key = SCHEMA_KEYS.get(kind, "schema.other")
    if kind == "missing":
        params["field"] = str(loc[-1]) if loc else ""
    elif kind == "extra_forbidden":
        import difflib  # only for files with problems

        name = str(loc[-1])
        allowed = _fields_at(model_cls, loc[:-1])
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        key = "schema.extra_forbidden_suggest" if close else "schema.extra_forbidden"
        params.update(field=name, candidate=close[0] if close else "", allowed=", ".join(allowed))
    elif kind.startswith("union_tag_"):
        discriminator = str(ctx.get("discriminator", "")).strip("'")
        params["discriminator"] = discriminator
        params["expected_tags"] = _choices(str(ctx.get("expected_tags", "")))
        if kind == "union_tag_invalid":
            loc = (*loc, discriminator)  # the bad value, not the mapping around it
    elif kind == "literal_error":
        params["expected"] = _choices(str(ctx.get("expected", "")))
    elif kind == "string_pattern_mismatch":
        if ctx.get("pattern") == ITEM_ID_PATTERN:
            key = "schema.item_id_pattern"
        elif ctx.get("pattern") == KEY_PATTERN:
            key = "schema.key_pattern"
    elif kind == "float_type" and isinstance(raw, int) and not isinstance(raw, bool):
        # A whole number with hundreds of digits: too large for a float, not "no number".
        key = "schema.number_too_large"
        params["digits"] = _digits(raw)
    elif kind == "string_type" and raw is None:
        key = "schema.null"
    elif kind == "string_type" and node is not None and not node.style:
        # YAML 1.1 reads unquoted ``1.0``, ``yes``, ``2026-01-01`` as non-text.
        key = "schema.string_unquoted"
    try:
        message = t(key, **params)
    except KeyError:  # pydantic left out a value the message names: its own words then
        message = t("schema.other", msg=error["msg"])
    sink.add(source, loc, kind, message, key=kind == "extra_forbidden")


def _digits(number: int) -> int:
    """How many decimal digits ``number`` has (estimated past Python's limit for ``str``:
    ``0x`` followed by thousands of digits is read without that limit)."""
    bits = abs(number).bit_length()
    if bits < 10_000:  # about 3,000 digits: ``str`` is allowed and quick
        return len(str(abs(number)))
    return int(bits * math.log10(2)) + 1


#: The message of each pydantic error type (as :data:`_KINDS` names it); any other
#: type is worded by ``schema.other`` with pydantic's own text.
SCHEMA_KEYS: Final[dict[str, str]] = {
    "missing": "schema.missing",
    "extra_forbidden": "schema.extra_forbidden",
    "greater_than": "schema.greater_than",
    "greater_than_equal": "schema.greater_than_equal",
    "less_than": "schema.less_than",
    "less_than_equal": "schema.less_than_equal",
    "string_too_short": "schema.string_too_short",
    "string_too_long": "schema.string_too_long",
    "string_pattern_mismatch": "schema.string_pattern_mismatch",
    "string_type": "schema.string_type",
    "int_type": "schema.int_type",
    "int_parsing": "schema.int_parsing",
    "int_from_float": "schema.int_from_float",
    "float_type": "schema.float_type",
    "float_parsing": "schema.float_parsing",
    "finite_number": "schema.finite_number",
    "bool_type": "schema.bool_type",
    "bool_parsing": "schema.bool_parsing",
    "date_type": "schema.date_type",
    "date_parsing": "schema.date_parsing",
    "date_from_datetime_parsing": "schema.date_from_datetime_parsing",
    "date_from_datetime_inexact": "schema.date_from_datetime_inexact",
    "literal_error": "schema.literal_error",
    "union_tag_invalid": "schema.union_tag_invalid",
    "union_tag_not_found": "schema.union_tag_not_found",
    "too_short": "schema.too_short",
    "too_long": "schema.too_long",
    "list_type": "schema.list_type",
    "tuple_type": "schema.tuple_type",
    "dict_type": "schema.dict_type",
    "model_type": "schema.model_type",
    "model_attributes_type": "schema.model_attributes_type",
}


#: pydantic's error types for dataclasses, as the types the messages are written for.
_KINDS = {
    "unexpected_keyword_argument": "extra_forbidden",
    "dataclass_type": "model_type",
    "dataclass_exact_type": "model_type",
}


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Model)


def _field_names(model_cls: type[Model]) -> list[str]:
    return [f.name for f in dataclasses.fields(model_cls)]  # type: ignore[arg-type]


def _fields_at(model_cls: type[Model], loc: Sequence[str | int]) -> list[str]:
    """Field names of the model that a pydantic error location ``loc`` lands in."""
    current: list[Any] = [model_cls]
    for part in loc:
        nxt: list[Any] = []
        for tp in _members(current):
            origin = get_origin(tp)
            if _is_model(tp):
                hint = get_type_hints(tp, include_extras=True).get(str(part))
                if hint is not None:
                    nxt.append(hint)
            elif origin in (tuple, list) and isinstance(part, int):
                nxt.append(get_args(tp)[0])
            elif origin is dict:
                nxt.append(get_args(tp)[1])
        # pydantic names the chosen member of a discriminated union by its tag
        # (``scoring.deduction.per_occurrence``): stay at this level for that part.
        current = nxt or [tp for tp in _members(current) if _has_tag(tp, part)]
    names: dict[str, None] = {}
    for tp in _members(current):
        if _is_model(tp):
            names.update(dict.fromkeys(_field_names(tp)))
    return list(names)


def _members(annotations: list[Any]) -> list[Any]:
    """``annotations`` with ``Annotated``, ``Optional`` and unions taken apart."""
    out: list[Any] = []
    for tp in annotations:
        origin = get_origin(tp)
        if origin is Annotated:
            out += _members([get_args(tp)[0]])
        elif origin in (Union, types.UnionType):
            out += _members([a for a in get_args(tp) if a is not type(None)])
        else:
            out.append(tp)
    return out


def _has_tag(tp: Any, part: str | int) -> bool:
    if not _is_model(tp):
        return False
    for hint in get_type_hints(tp).values():
        if get_origin(hint) is Literal and part in get_args(hint):
            return True
    return False


def _choices(text: str) -> str:
    """pydantic's ``'a', 'b' or 'c'`` as the current language lists alternatives."""
    options = re.findall(r"'([^']*)'", text)
    if not options:
        return text
    quoted = [f"'{o}'" for o in options]
    if get_language() == "zh":
        return "、".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1] if len(quoted) > 1 else quoted[0]


def _kind(value: Any) -> str:
    """What YAML made of a value, in words (``列表``, ``a number``…)."""
    if isinstance(value, dict):
        return t("kind.mapping")
    if isinstance(value, list | tuple):
        return t("kind.list")
    if isinstance(value, bool):
        return t("kind.bool")
    if isinstance(value, int | float):
        return t("kind.number")
    if isinstance(value, dt.date):
        return t("kind.date")
    if value is None:
        return t("kind.null")
    return t("kind.text")


def _shorten(value: Any, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(value: Any) -> Any:
    # pydantic reports ``gt=0.0`` for a float field; users wrote ``0``.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
