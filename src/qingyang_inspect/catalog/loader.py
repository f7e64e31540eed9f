"""Load standards and sites from YAML into a :class:`Catalog`, collecting every problem.

:func:`load_catalog` reads all files, validates each against its model, runs
the cross-file checks and returns a :class:`LoadResult`: the
:class:`ValidationReport` with *all* issues of *all* files (each at
``file:line:col`` and its path in the document), and the catalog when there
were no errors. Exceptions are kept for what stops the run altogether: a path
that does not exist, or a folder without YAML files.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import (
    Category,
    Site,
    SitesFile,
    SiteType,
    StandardFile,
    StandardHeader,
)
from qingyang_inspect.catalog.models import Item as ItemModel
from qingyang_inspect.catalog.report import Issue, Severity, ValidationReport
from qingyang_inspect.catalog.yamlfile import (
    MAX_NODES,
    YamlDocument,
    YamlProblem,
    format_path,
    locate,
    read_document,
)
from qingyang_inspect.errors import CatalogError
from qingyang_inspect.i18n import MESSAGES, get_language, t

YAML_SUFFIXES = (".yaml", ".yml")
_STANDARD_KEYS = frozenset({"standard", "site_types", "categories", "items"})
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
        self.issues.append(
            Issue(
                file=source.display,
                line=line,
                column=column,
                path=format_path(shown),
                code=code,
                severity=severity,
                message=message,
            )
        )

    def add_at(
        self, source: SourceFile, line: int | None, column: int | None, code: str, message: str
    ) -> None:
        """Record an issue at a known position (YAML syntax, encoding)."""
        self.issues.append(
            Issue(file=source.display, line=line, column=column, code=code, message=message)
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
    """
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise CatalogError(t("path.missing", path=path), hint=t("path.missing_hint"))
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())
            if not files:
                raise CatalogError(t("path.no_yaml", path=path))
            found.extend(files)
        else:
            found.append(path)
    unique: dict[Path, None] = {}
    for file in found:
        unique.setdefault(file, None)
    return list(unique)


def display_name(path: Path, base: Path | None = None) -> str:
    """``path`` relative to ``base`` (default: the current folder) when inside it."""
    base = base or Path.cwd()
    try:
        rel = os.path.relpath(path.resolve(), base.resolve())
    except ValueError:  # pragma: no cover - another drive on Windows
        return path.as_posix()
    return Path(rel).as_posix() if not rel.startswith("..") else path.as_posix()


def load_catalog(paths: Sequence[Path], *, base: Path | None = None) -> LoadResult:
    """Read, validate and cross-check the standards and sites under ``paths``."""
    # Imported here: the checks pull in difflib, which ``record`` never needs
    # when the catalog comes from the cache.
    from qingyang_inspect.catalog.checks import assemble, check_catalog

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


def _issue_order(issue: Issue) -> tuple[str, int, int]:
    return (issue.file, issue.line or 0, issue.column or 0)


def _load_source(source: SourceFile, sink: IssueSink) -> None:
    try:
        source.doc = read_document(source.path)
    except YamlProblem as problem:
        params = dict(problem.params)
        if problem.code == "too-many-nodes":
            params["limit"] = MAX_NODES
        sink.add_at(
            source, problem.line, problem.column, problem.code, t(problem.message_key, **params)
        )
        return
    except OSError as exc:
        sink.add_at(
            source,
            None,
            None,
            "unreadable",
            t("path.unreadable", path=source.display, reason=exc.strerror or exc),
        )
        return
    data = source.doc.data
    model_cls: type[StandardFile] | type[SitesFile]
    if isinstance(data, dict) and "sites" in data:
        if _STANDARD_KEYS & data.keys():
            sink.add(source, ("sites",), "mixed-file", t("file.mixed_kind"), key=True)
            return
        model_cls = SitesFile
    elif isinstance(data, dict) and not (_STANDARD_KEYS & data.keys()):
        keys = ", ".join(str(k) for k in data) or "{}"
        sink.add(source, (), "unknown-file", t("file.unknown_kind", keys=keys))
        return
    else:
        model_cls = StandardFile
    try:
        source.model = model_cls.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            _add_schema_error(source, sink, error)
        _salvage(source, data, model_cls)


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
    for name in model_cls.model_fields:
        raw = data.get(name)
        if name == "standard":
            if isinstance(raw, dict):
                try:
                    fields[name] = StandardHeader.model_validate(raw)
                except ValidationError:
                    source.broken_ids.add(("standard", ""))
            continue
        element = _ELEMENT_MODELS[name]
        kept = []
        positions = source.kept_at.setdefault(name, [])
        for n, entry in enumerate(raw if isinstance(raw, list) else []):
            try:
                kept.append(element.model_validate(entry))
                positions.append(n)
            except ValidationError:
                if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                    source.broken_ids.add((name, entry["id"]))
        fields[name] = tuple(kept)
    source.model = model_cls.model_construct(**fields)


def _add_schema_error(source: SourceFile, sink: IssueSink, error: Any) -> None:
    kind = str(error["type"])
    key = f"schema.{kind}"
    ctx = {k: _plain(v) for k, v in (error.get("ctx") or {}).items()}
    if "expected" in ctx and get_language() == "zh":
        ctx["expected"] = str(ctx["expected"]).replace("' or '", "'、'").replace("', '", "'、'")
    if key in MESSAGES:
        try:
            message = t(key, **ctx)
        except (KeyError, IndexError):
            message = t("schema.other", msg=error["msg"])
    else:
        message = t("schema.other", msg=error["msg"])
    sink.add(source, error["loc"], kind, message, key=kind == "extra_forbidden")


def _plain(value: Any) -> Any:
    # pydantic reports ``gt=0.0`` for a float field; users wrote ``0``.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
