"""Where a store lives: URLs of server stores, shown without their passwords."""

from __future__ import annotations

import pytest

from qingyang_inspect.store.address import display, has_password, is_server_url, well_formed


@pytest.mark.parametrize(
    ("text", "server"),
    [
        ("postgresql://inspect@db/inspect", True),
        ("postgres://db/inspect", True),
        ("PostgreSQL://db/inspect", True),
        (".inspect/store.sqlite", False),
        ("C:/stores/store.sqlite", False),
        ("mysql://db/inspect", False),
        ("postgresql:/db", False),
    ],
)
def test_server_urls_are_told_from_files(text: str, server: bool) -> None:
    assert is_server_url(text) is server


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://u@db/inspect", "postgresql://u@db/inspect"),
        ("postgresql://u:secret@db:5433/inspect", "postgresql://u@db:5433/inspect"),
        ("postgresql://u@db/inspect?password=secret&sslmode=require",
         "postgresql://u@db/inspect?sslmode=require"),
        ("postgresql://u:secret@[bad/inspect", "postgresql://u@[bad/inspect"),
    ],
)  # fmt: skip
def test_passwords_are_never_shown(url: str, shown: str) -> None:
    assert display(url) == shown
    assert has_password(url) == ("secret" in url)
    assert "secret" not in display(url)


def test_a_malformed_url_is_told() -> None:
    assert well_formed("postgresql://u@db:5432/inspect")
    assert not well_formed("postgresql://u@[bad/inspect")
    assert not well_formed("postgresql://u@db:port/inspect")
