"""Model values as column values and back, derived from the model's field types.

The store writes a finding's fields in the order of
:data:`~qingyang_inspect.findings.model.STORED_FIELDS` and converts each value
by the type the model declares for it: a date or a time is stored as ISO text,
a flag as 0 or 1, text and numbers as they are. Nothing here names a field, so
a new field of the model needs no change here; a field of a type this module
does not know is refused when the store is imported, not when a row is written.

Both directions are compiled once from the field list into one expression each
(as :func:`collections.namedtuple` compiles its class): a bulk import writes
100,000 rows and a list reads a million, and a loop over the columns in Python
would cost them a tenth and a quarter of their time. Only field names that are
identifiers and the conversions below ever reach the compiled text.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from collections.abc import Callable, Sequence
from typing import Any, Literal

from qingyang_inspect.findings.ids import canonical_json
from qingyang_inspect.findings.model import Photo
from qingyang_inspect.findings.replay import photo_data, photos_of

Convert = Callable[[Any], Any]

#: Timestamps whose text :func:`datetime_text` remembers before starting afresh.
_ISO_MEMO_SIZE = 20_000
_iso_memo: dict[dt.datetime, tuple[str, dt.tzinfo | None, int]] = {}


def datetime_text(value: dt.datetime) -> str:
    """``value.isoformat()``, each distinct timestamp formatted once in a while.

    Formatting an aware datetime costs about a microsecond; imports repeat
    timestamps (one ``recorded_at`` for a batch, many findings found in the same
    minute), and a look-up costs a tenth of that. Equal datetimes can still
    differ in text (another offset for the same instant, or ``fold``), so a
    remembered text is used only for the same ``tzinfo`` object and ``fold``.
    """
    hit = _iso_memo.get(value)
    if hit is not None and hit[1] is value.tzinfo and hit[2] == value.fold:
        return hit[0]
    text = value.isoformat()
    if len(_iso_memo) >= _ISO_MEMO_SIZE:
        _iso_memo.clear()
    _iso_memo[value] = (text, value.tzinfo, value.fold)
    return text


def photos_text(photos: tuple[Photo, ...]) -> str | None:
    """A finding's before-photos as JSON text (``NULL`` for none, as most findings have)."""
    if not photos:
        return None
    return canonical_json(photo_data(photos))


def photos_from(text: str | None) -> tuple[Photo, ...]:
    """The before-photos kept by :func:`photos_text`."""
    return photos_of(json.loads(text), "before") if text else ()


#: Per stored type: (name in the compiled code, to a column value, back to the model's).
#: Types without an entry are stored as they are.
_CONVERSIONS: dict[Any, tuple[str, Convert, Convert]] = {
    dt.datetime: ("datetime", datetime_text, dt.datetime.fromisoformat),
    dt.date: ("date", dt.date.isoformat, dt.date.fromisoformat),
    bool: ("flag", int, bool),
    tuple[Photo, ...]: ("photos", photos_text, photos_from),
}
_AS_IS: frozenset[type] = frozenset({str, int})


def stored_type(hint: Any) -> Any:
    """The type a value is stored as: ``X | None`` is ``X``, a ``Literal`` of text is text."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return stored_type(args[0])
    if origin is Literal and all(isinstance(a, str) for a in typing.get_args(hint)):
        return str
    if hint in _CONVERSIONS or hint in _AS_IS:
        return hint
    raise TypeError(f"the store cannot keep a field of type {hint!r}")


def optional(hint: Any) -> bool:
    """Whether a field of type ``hint`` may be ``None``."""
    return typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in (
        typing.get_args(hint)
    )


class Columns:
    """The columns of one model's rows: its fields in column order, converted by type.

    :attr:`row` gives an object's column values as a tuple (what ``executemany``
    binds); :attr:`values` gives the model values of a row's first columns as
    a list, in the same order.
    """

    def __init__(self, model: type, names: Sequence[str]) -> None:
        hints = typing.get_type_hints(model)
        self.names = tuple(names)
        for name in self.names:
            if not name.isidentifier():  # pragma: no cover - model fields are identifiers
                raise ValueError(f"not a field name: {name!r}")
        namespace: dict[str, Any] = {}
        writes: list[str] = []
        reads: list[str] = []
        for n, name in enumerate(self.names):
            kind = stored_type(hints[name])
            if kind not in _CONVERSIONS:
                writes.append(f"obj.{name}")
                reads.append(f"row[{n}]")
                continue
            label, to_column, from_column = _CONVERSIONS[kind]
            namespace[f"to_{label}"] = to_column
            namespace[f"from_{label}"] = from_column
            if optional(hints[name]):
                writes.append(f"(None if (v := obj.{name}) is None else to_{label}(v))")
                reads.append(f"(None if (v := row[{n}]) is None else from_{label}(v))")
            else:
                writes.append(f"to_{label}(obj.{name})")
                reads.append(f"from_{label}(row[{n}])")
        self.row: Callable[[Any], tuple[Any, ...]] = eval(
            f"lambda obj: ({', '.join(writes)},)", namespace
        )
        self.values: Callable[[Sequence[Any]], list[Any]] = eval(
            f"lambda row: [{', '.join(reads)}]", namespace
        )
