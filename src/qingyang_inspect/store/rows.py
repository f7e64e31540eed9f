"""Model values as column values and back, derived from the model's field types.

The store writes a finding's fields in the order of
:data:`~qingyang_inspect.findings.model.STORED_FIELDS` and converts each value
by the type the model declares for it: a date or a time is stored as ISO text,
a flag as 0 or 1, text and numbers as they are. Nothing here names a field, so
a new field of the model needs no change here; a field of a type this module
does not know is refused when the store is imported, not when a row is written.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any, Literal

Convert = Callable[[Any], Any]

#: How a value of each stored type becomes a column value (types stored as they are: none).
_TO_COLUMN: dict[type, Convert] = {
    dt.datetime: dt.datetime.isoformat,
    dt.date: dt.date.isoformat,
    bool: int,
}
#: And back.
_FROM_COLUMN: dict[type, Convert] = {
    dt.datetime: dt.datetime.fromisoformat,
    dt.date: dt.date.fromisoformat,
    bool: bool,
}
_AS_IS: frozenset[type] = frozenset({str, int})


def stored_type(hint: Any) -> type:
    """The type a value is stored as: ``X | None`` is ``X``, a ``Literal`` of text is text."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return stored_type(args[0])
    if origin is Literal and all(isinstance(a, str) for a in typing.get_args(hint)):
        return str
    if isinstance(hint, type) and (hint in _TO_COLUMN or hint in _AS_IS):
        return hint
    raise TypeError(f"the store cannot keep a field of type {hint!r}")


class Columns:
    """The columns of one model's rows: reads its fields, converts them by their types."""

    def __init__(self, model: type, names: Sequence[str]) -> None:
        hints = typing.get_type_hints(model)
        self.names = tuple(names)
        kinds = [stored_type(hints[name]) for name in self.names]
        self._get = attrgetter(*self.names)
        self._kinds = tuple(kinds)
        #: (position, conversion) of the columns read back into another type.
        self._from = tuple((n, _FROM_COLUMN[k]) for n, k in enumerate(kinds) if k in _FROM_COLUMN)
        self.row = self.writer()

    def writer(
        self, datetime_text: Convert = dt.datetime.isoformat
    ) -> Callable[[object], list[Any]]:
        """A function giving an object's column values in column order.

        ``datetime_text`` formats the times (a bulk import passes a memo of the
        texts it already made).
        """
        get = self._get
        conversions = tuple(
            (n, datetime_text if kind is dt.datetime else _TO_COLUMN[kind])
            for n, kind in enumerate(self._kinds)
            if kind in _TO_COLUMN
        )

        def row(obj: object) -> list[Any]:
            values = list(get(obj))
            for n, convert in conversions:
                value = values[n]
                if value is not None:
                    values[n] = convert(value)
            return values

        return row

    def values(self, row: Sequence[Any]) -> list[Any]:
        """The model values of the first ``len(names)`` columns of ``row``."""
        values = list(row[: len(self.names)])
        for n, convert in self._from:
            value = values[n]
            if value is not None:
                values[n] = convert(value)
        return values
