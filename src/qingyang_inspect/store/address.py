"""Where a store lives: a SQLite file (the default) or a PostgreSQL server's URL.

Standard library only: the workspace reads ``store`` through here, and psycopg is
imported only when a server store is opened (:mod:`qingyang_inspect.store.pg`).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit, urlunsplit

#: URL schemes of a server store (libpq accepts both).
SCHEMES = ("postgresql", "postgres")
#: The environment variable naming the store, over ``inspect.toml``'s ``store``.
ENV_STORE = "INSPECT_STORE"


def is_server_url(text: str) -> bool:
    """Whether ``text`` names a server store (``postgresql://…``)."""
    scheme, separator, _ = text.partition("://")
    return bool(separator) and scheme.lower() in SCHEMES


def has_password(url: str) -> bool:
    """Whether the URL carries a password (in its user part or as ``?password=``)."""
    parts = urlsplit(url)
    return parts.password is not None or "password" in parse_qs(parts.query)


def display(url: str) -> str:
    """``url`` as messages show it: without a password, should one have been written in it."""
    parts = urlsplit(url)
    query = "&".join(
        f"{key}={value}"
        for key, values in parse_qs(parts.query).items()
        if key != "password"
        for value in values
    )
    if parts.password is None and query == parts.query:
        return url
    netloc = parts.netloc.rpartition("@")[2]
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
