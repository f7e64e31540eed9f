"""Ids that stay the same in every store, so that stores can later be merged.

* A finding's **id** is a ULID (below); its **number** (问题编号) is the id's
  last ten characters, short enough to read aloud and write on paper.
* An event's or a pin's id is a hash of its content (:func:`content_id`): the
  same event entered into two stores has the same id, and a merge can tell.

Finding ids are ULIDs, unique across stores so that stores can later be merged.

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
import hashlib
import json
import os
import re

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ID_LENGTH = 26
ID_PATTERN = re.compile(r"^[0-9A-HJKMNP-TV-Z]{26}$")
#: Shortest prefix accepted where a finding id is typed (as git accepts short hashes).
MIN_PREFIX = 6
#: Characters of a finding's number: the id's random low 50 bits.
NUMBER_LENGTH = 10
_PREFIX_PATTERN = re.compile(r"^[0-9A-HJKMNP-TV-Z]{1,26}$")


_RANDOM_MAX = (1 << 80) - 1
_last: list[int] = [-1, 0]  # [millis, random part] of this process's previous id


def new_finding_id(now: dt.datetime) -> str:
    """A new ULID whose time part is ``now`` (aware) and whose rest is random."""
    millis = _millis(now)
    if millis == _last[0] and _last[1] < _RANDOM_MAX:
        random_part = _last[1] + 1
    else:
        random_part = int.from_bytes(os.urandom(10), "big")
    _last[0], _last[1] = millis, random_part
    return _ulid(millis, random_part)


def _millis(at: dt.datetime) -> int:
    """A ULID's time part: milliseconds since the epoch, in 48 bits."""
    return int(at.timestamp() * 1000) & ((1 << 48) - 1)


def _ulid(millis: int, random_part: int) -> str:
    """The ULID of a time part and an 80-bit random part, in Crockford's base32."""
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


def number_of(finding_id: str) -> str:
    """A finding's number (问题编号): the last ten characters of its id.

    They are the low 50 bits of the id's random part. Ids made in the same
    millisecond by one process count up in those bits (so their numbers differ),
    ids made apart draw them at random: two numbers of a million findings
    coincide with a chance of about one in two thousand, and the store refuses
    a number it already holds (a new finding then draws a new id).
    """
    return finding_id[-NUMBER_LENGTH:]


def normalize_number(text: str) -> str | None:
    """``text`` as a finding number (upper case, look-alikes mapped, spaces and dashes
    people write in between dropped), or ``None`` if it cannot be one."""
    value = normalize_prefix(text.replace("-", "").replace(" ", ""))
    return value if value is not None and len(value) == NUMBER_LENGTH else None


def content_id(*parts: object) -> str:
    """An id that is a hash of ``parts`` (32 hexadecimal digits): the same content has the
    same id in every store."""
    return hashlib.sha256(canonical_json(parts).encode()).hexdigest()[:32]


def event_id(
    finding_id: str,
    seq: int,
    kind: str,
    at: str,
    entered_at: str,
    actor: str,
    data: str,
    reason: str | None,
) -> str:
    """An event's id: the hash of what it is, its times as ISO text and its data as the
    store writes it (JSON with sorted keys)."""
    return content_id("event", finding_id, seq, kind, at, entered_at, actor, data, reason)


def canonical_json(data: object) -> str:
    """``data`` as the store writes it: JSON with sorted keys, no spaces, text as it is."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def derived_finding_id(at: dt.datetime, digest: bytes) -> str:
    """A ULID whose time part is ``at`` and whose random part is the first 80 bits of
    ``digest``: the same content gives the same id in every store (an answer imported
    from a checklist twice, or into two stores, is one finding)."""
    return _ulid(_millis(at), int.from_bytes(digest[:10], "big"))
