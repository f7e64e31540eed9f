"""What a view is: a titled document of tables and fields, with labels applied, rows lazy.

Every output a person or a script reads is built by one pure function in
:mod:`qingyang_inspect.views` returning a :class:`Document`; renderers
(:mod:`qingyang_inspect.render`) turn it into a terminal table, JSON, CSV or a
workbook without knowing what it is about. The split of work:

* **Views** choose the columns, their order and kind, the language of every
  label, and what JSON carries (codes, for scripts). Nothing else applies labels.
* **Renderers** decide how a kind looks in their medium (a date in a cell, a
  number right-aligned), make free text safe for that medium, and stream.

Rows are never materialised here: a :class:`Table` holds a *source* (called
once per rendering, so a renderer may iterate it again) and two functions of
one source element — its display cells and its JSON record. Building a row is
left to the renderer that needs it, so JSON never pays for labels and a table
never pays for records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, Protocol, TypeAlias, TypeVar

T = TypeVar("T")
T_contra = TypeVar("T_contra", contravariant=True)

#: How a column's values look and align; renderers map each kind to their medium.
#:
#: ``text`` wraps; ``id`` is copied by people (never split or cut); ``int`` and
#: ``number`` are right-aligned quantities (``number`` holds a ``Decimal``);
#: ``percent`` a ``Decimal`` percentage (``92.50``); ``date`` a ``datetime.date``;
#: ``datetime`` an aware ``datetime``; ``status`` a label (split between its words only,
#: as in "rectified, awaiting re-check");
#: ``photos`` a :class:`PhotoSet`.
Kind = Literal["text", "id", "int", "number", "percent", "date", "datetime", "status", "photos"]

#: Kinds whose cells a terminal must never break across lines.
UNBREAKABLE: frozenset[str] = frozenset({"id", "int", "number", "percent", "date", "datetime"})


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its key (JSON and tests), its label (in the current language), its kind.

    ``priority`` orders columns for narrow terminals: 0 must be shown, larger
    numbers give way first; ``None`` keeps a column out of terminal tables
    altogether (files still carry it). ``export=False`` is the reverse: a
    terminal-only column (e.g. id and name joined) that files leave out.
    ``wrap=False`` keeps a text on one line although its kind is ``text``: a
    name people search for (``inspect sites list | grep 杜甫草堂``).
    """

    key: str
    label: str
    kind: Kind = "text"
    priority: int | None = 0
    export: bool = True
    #: Width hint for paged media (a workbook column), in characters; ``None``: by kind.
    width: float | None = None
    wrap: bool = True

    @property
    def unbreakable(self) -> bool:
        """Whether a terminal must show each cell of this column on one line."""
        return self.kind in UNBREAKABLE or not self.wrap

    @property
    def whole_words(self) -> bool:
        """Whether a terminal may break this column's cells only at their spaces (a status:
        English ones are phrases, Chinese ones stay whole between their spaces)."""
        return self.kind == "status" and self.wrap


@dataclass(frozen=True, slots=True)
class Styled:
    """A cell value with a semantic style (``verdict.met``, ``result.fail``, ``overdue``)."""

    value: object
    style: str

    def __str__(self) -> str:
        return str(self.value)


@dataclass(frozen=True, slots=True)
class PhotoSet:
    """A cell's photos (:class:`~qingyang_inspect.findings.model.Photo`), each with the file
    name its copy takes when the photos are handed out with a report (``--photos-dir``)."""

    photos: tuple[Any, ...]
    names: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.photos)


@dataclass(frozen=True)
class Table(Generic[T]):
    """A table: columns, and rows built lazily from the elements of ``source()``.

    ``cells(x)`` gives the display values of element ``x`` in column order
    (labels applied; values typed as the column's kind says). ``record(x)``
    gives its JSON object (codes, every field); without it the record is the
    exported columns' keys mapped to their cells. ``style(x)`` names a row's
    semantic style (``overdue``) or ``None``.
    """

    key: str
    title: str
    columns: tuple[Column, ...]
    source: Callable[[], Iterable[T]]
    cells: Callable[[T], Sequence[object]]
    record: Callable[[T], Mapping[str, Any]] | None = None
    style: Callable[[T], str | None] | None = None
    #: Shown instead of an empty table (on stderr); ``None`` prints the empty table.
    empty: str | None = None
    #: A line after the table, given the number of rows (e.g. ``共 3 条``), on stderr.
    footer: Callable[[int], str] | None = None
    #: JSON: also write the number of rows under this key after the rows.
    count_key: str | None = None
    #: ``False``: for files and scripts only (CSV, JSON); the terminal and the ``text``
    #: format leave it out, the document showing its content another way (paragraphs).
    terminal: bool = True

    def elements(self) -> Iterable[T]:
        """The source's elements, read afresh."""
        return self.source()

    def records(self) -> Iterator[Mapping[str, Any]]:
        """The JSON record of every element, streamed."""
        if self.record is not None:
            return map(self.record, self.source())
        keys = [(n, c.key) for n, c in enumerate(self.columns) if c.export]
        return (
            {key: _plain(cells[n]) for n, key in keys} for cells in map(self.cells, self.source())
        )


@dataclass(frozen=True, slots=True)
class Field:
    """One labelled value of a record view; ``data`` is its JSON value (default: ``value``)."""

    key: str
    label: str
    value: object
    data: Any = field(default=None)
    kind: Kind = "text"
    #: ``False``: shown to people only (JSON leaves it out).
    export: bool = True

    def json_value(self) -> Any:
        """What JSON carries for this field."""
        return _plain(self.value) if self.data is None else self.data


@dataclass(frozen=True)
class Fields:
    """A record shown as label–value lines (``findings show``, a site's header)."""

    key: str
    title: str | None
    fields: tuple[Field, ...]
    #: Extra JSON members not shown to people (e.g. a model dump's every field).
    extra: Mapping[str, Any] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        """The JSON object of the fields."""
        out = {f.key: f.json_value() for f in self.fields if f.export}
        out.update(self.extra)
        return out


#: How a paragraph reads on paper: body text, a heading (一、总体情况), or the line
#: under a document's title (a bulletin's number line, 第 3 期).
TextRole = Literal["body", "heading", "subtitle"]


@dataclass(frozen=True)
class Text:
    """A paragraph: a note under a table, a summary line (on stderr in a terminal)."""

    key: str | None
    text: str
    #: ``True``: a status line for people (stderr), not part of the document's body.
    status: bool = False
    role: TextRole = "body"


@dataclass(frozen=True)
class Group:
    """Sections that JSON nests under one key (e.g. an acceptance report's summary)."""

    key: str
    title: str | None
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Signatures:
    """A block to sign on paper (制表人 / 审核人 / 日期): labels, each followed by a line.

    Paged media only (a workbook, its PDF); JSON and terminals leave it out.
    """

    key: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Chart:
    """A chart of a table in the same group: ``values`` per ``categories`` (column keys),
    in the table's row order.

    Paged media only. ``lines`` are reference lines (label, value in the
    values' unit), e.g. the verdict thresholds; with ``color_by`` a bar takes
    the style of its row's cell in that column (a verdict's colour). A chart of
    more than ``per_page`` rows is printed as several, one a page.
    """

    key: str
    title: str
    table: str
    categories: str
    values: str
    kind: Literal["bar", "column"] = "bar"
    lines: tuple[tuple[str, float], ...] = ()
    color_by: str | None = None
    per_page: int | None = None
    #: A line under the title (what the colours mean).
    note: str | None = None


class Tally(Protocol[T_contra]):
    """Counts a table's elements as a renderer writes them; then the lines to show."""

    def add(self, element: T_contra, /) -> None:
        """Count one element."""

    def lines(self) -> list[str]:
        """What was counted, as lines under the table."""


@dataclass(frozen=True)
class Totals:
    """Lines under the table ``table`` of the same page (totals by status), counted while
    its rows are written: ``tally()`` gives a fresh counter. Paged media only."""

    key: str
    table: str
    tally: Callable[[], Tally[Any]]


@dataclass(frozen=True)
class Page:
    """One sheet of a paged document: a unit's ledger, a site's score sheet.

    ``layout`` names the arrangement a paged renderer gives it (its sections
    are found by key); ``name`` is the sheet's name.
    """

    layout: str
    name: str
    title: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Pages(Generic[T]):
    """A run of pages built lazily, one per element of ``source()`` (streamed).

    A workbook writes each page as its own sheet; JSON writes ``record`` of each
    element as a list under ``key`` (nothing without ``record``); a terminal
    prints the pages only when ``terminal`` is set.
    """

    key: str
    source: Callable[[], Iterable[T]]
    page: Callable[[T], Page]
    record: Callable[[T], Mapping[str, Any]] | None = None
    terminal: bool = False


Section: TypeAlias = "Table[Any] | Fields | Text | Group | Pages[Any] | Signatures | Chart | Totals"

#: JSON shapes: ``object`` is the meta plus one member per section; ``list`` the
#: records of the document's one table; ``record`` the object of its one Fields.
JsonShape = Literal["object", "list", "record"]


@dataclass(frozen=True)
class Document:
    """An output: a title, sections (possibly produced lazily), and what JSON puts first.

    ``sections`` may be a callable returning a generator: a later section (a
    summary) can then be computed while an earlier one (the per-site sheets)
    streams past, in one pass over the store.
    """

    key: str
    title: str
    sections: Sequence[Section] | Callable[[], Iterable[Section]]
    meta: Mapping[str, Any] = field(default_factory=dict)
    json_shape: JsonShape = "object"
    #: File name (without extension) a renderer writing a file uses by default.
    filename: str | None = None

    def iter_sections(self) -> Iterable[Section]:
        """The sections, produced afresh when they are lazy."""
        sections = self.sections
        return sections() if callable(sections) else sections

    def tables(self) -> Iterator[Table[Any]]:
        """The tables among the (top-level) sections."""
        for section in self.iter_sections():
            if isinstance(section, Table):
                yield section


def _plain(value: object) -> Any:
    """A display value as JSON can carry it (styled cells lose their style)."""
    if isinstance(value, Styled):
        return _plain(value.value)
    return value
