"""Labels: every code a person can meet has a label in both languages, found by its written key."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from qingyang_inspect.findings.model import RESULTS, ROUND_KINDS, STATUSES
from qingyang_inspect.findings.replay import AMENDABLE
from qingyang_inspect.i18n import MESSAGES
from qingyang_inspect.views import labels

KEY_MAPS: dict[str, Mapping[str, str]] = {
    name: value
    for name, value in vars(labels).items()
    if name.endswith("_KEYS") and isinstance(value, Mapping)
}


@pytest.mark.parametrize("name", sorted(KEY_MAPS))
def test_every_label_key_exists(name: str) -> None:
    missing = [key for key in KEY_MAPS[name].values() if key not in MESSAGES]
    assert not missing


@pytest.mark.parametrize(
    ("mapping", "codes"),
    [
        ("RESULT_KEYS", RESULTS),
        ("STATUS_KEYS", STATUSES),
        ("ROUND_KIND_KEYS", ROUND_KINDS),
        ("EVENT_FIELD_KEYS", AMENDABLE),
        ("EVENT_KIND_KEYS", ("recorded", "amended", "rectified", "rechecked", "voided")),
    ],
)
def test_every_code_has_a_label(mapping: str, codes: tuple[str, ...]) -> None:
    assert set(codes) <= set(KEY_MAPS[mapping])


def test_unknown_codes_show_as_they_are() -> None:
    assert labels.result_label("maybe") == "maybe"
    assert labels.status_label(None) == ""
