"""Typed cell values as text: the fast time format reads like strftime's."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from qingyang_inspect.render.values import cell_text, minutes_text

ZONES = st.sampled_from(
    [None, dt.UTC, dt.timezone(dt.timedelta(hours=8)), dt.timezone(dt.timedelta(hours=-5))]
)


@given(st.datetimes(min_value=dt.datetime(1000, 1, 1)), ZONES)
def test_minutes_text_is_strftimes(value: dt.datetime, zone: dt.tzinfo | None) -> None:
    moment = value.replace(tzinfo=zone)
    assert minutes_text(moment) == moment.strftime("%Y-%m-%d %H:%M")
    assert cell_text(moment, "datetime") == moment.strftime("%Y-%m-%d %H:%M")
