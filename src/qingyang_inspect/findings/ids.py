"""Finding ids: ULIDs, unique across stores so that stores can later be merged.

A ULID is 48 bits of milliseconds since the epoch and 80 random bits, written
as 26 characters of Crockford's base32 (no I, L, O, U). Ids sort by the time
they were made, so a bulk import appends to the end of the findings table's
key order instead of scattering writes over it. The time part comes from the
caller's ``now``: the library never reads the clock. Within one millisecond
a process counts up from its last random part (ULID's monotonic mode), so a
bulk import made at one ``now`` still inserts in key order.
"""

from __future__ import annotations

import datetime as dt
import os
import re

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ID_LENGTH = 26
ID_PATTERN = re.compile(r"^[0-9A-HJKMNP-TV-Z]{26}$")
#: Shortest prefix accepted where a finding id is typed (as git accepts short hashes).
MIN_PREFIX = 6
_PREFIX_PATTERN = re.compile(r"^[0-9A-HJKMNP-TV-Z]{1,26}$")


_RANDOM_MAX = (1 << 80) - 1
_last: list[int] = [-1, 0]  # [millis, random part] of this process's previous id


def new_finding_id(now: dt.datetime) -> str:
    """A new ULID whose time part is ``now`` (aware) and whose rest is random."""
    millis = int(now.timestamp() * 1000) & ((1 << 48) - 1)
    if millis == _last[0] and _last[1] < _RANDOM_MAX:
        random_part = _last[1] + 1
    else:
        random_part = int.from_bytes(os.urandom(10), "big")
    _last[0], _last[1] = millis, random_part
    value = (millis << 80) | random_part
    chars = []
    for _ in range(ID_LENGTH):
        chars.append(CROCKFORD[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def normalize_prefix(text: str) -> str | None:
    """``text`` as an id prefix (upper case, Crockford's look-alikes mapped), or ``None``."""
    value = text.strip().upper().translate(str.maketrans("ILO", "110"))
    return value if _PREFIX_PATTERN.match(value) else None
