"""Where a store lives: a SQLite file (the default) or a PostgreSQL server's URL.

Standard library only: the workspace reads ``store`` through here, and psycopg is
imported only when a server store is opened (:mod:`qingyang_inspect.store.pg`).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit, urlunsplit

#: URL schemes of a server store (libpq accepts both).
SCHEMES = ("postgresql", "postgres")
#: The environment variable naming the store, over ``inspect.toml``'s ``store``.
ENV_STORE = "INSPECT_STORE"


def is_server_url(text: str) -> bool:
    """Whether ``text`` names a server store (``postgresql://…``)."""
    scheme, separator, _ = text.partition("://")
    return bool(separator) and scheme.lower() in SCHEMES


#: ``user:password@`` in a URL (for one too malformed to be parsed).
_USER_PASSWORD = re.compile(r"(//[^/:@]*):[^/@]*@")


def well_formed(url: str) -> bool:
    """Whether ``url`` parses as a URL (a bracket left open does not)."""
    try:
        urlsplit(url).port  # noqa: B018  (reading the port checks it)
    except ValueError:
        return False
    return True


def has_password(url: str) -> bool:
    """Whether the URL carries a password (in its user part or as ``?password=``)."""
    if not well_formed(url):
        return _USER_PASSWORD.search(url) is not None or "password=" in url
    parts = urlsplit(url)
    return parts.password is not None or "password" in parse_qs(parts.query)


def display(url: str) -> str:
    """``url`` as messages show it: without a password, should one have been written in it."""
    if not well_formed(url):
        return _USER_PASSWORD.sub(r"\1@", url)
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
