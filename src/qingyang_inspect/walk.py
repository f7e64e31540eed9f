"""The interactive walk's decisions, free of prompting: what to ask, what an answer means.

``inspect record --site SITE`` walks the site's checklist item by item. The CLI
(:mod:`qingyang_inspect.cli.walk`) prompts and renders; this module decides
which items are still to be walked, what the inspector's typed answers mean
(``y``/``符合``, ``n``/``不符合``, full-width letters from a Chinese input method
…), and what makes an answer complete (a failure has at least one occurrence,
not-applicable has a reason). Everything here is pure and clock-free.
"""

from __future__ import annotations

import shlex
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Category, Item
from qingyang_inspect.findings.model import Result
from qingyang_inspect.findings.words import parse_result

Choice = Literal["pass", "fail", "na", "skip", "quit"]

#: What an inspector may type at the "符合 / 不符合 / 不适用 / 跳过 / 退出" prompt
#: besides the result words every command takes (:mod:`qingyang_inspect.findings.words`):
#: one-key answers, yes and no, skip and quit; after NFKC normalisation and lower-casing.
CHOICE_WORDS: Mapping[str, Choice] = {
    **dict.fromkeys(("y", "yes", "p", "ok", "是"), "pass"),
    **dict.fromkeys(("n", "no", "f", "x", "否"), "fail"),
    **dict.fromkeys(("a",), "na"),
    **dict.fromkeys(("s", "skip", "跳过", "略过", "下一项"), "skip"),
    **dict.fromkeys(("q", "quit", "exit", "退出", "结束"), "quit"),
}

_YES = frozenset(("y", "yes", "是", "是的", "对", "有", "1", "true"))
_NO = frozenset(("n", "no", "否", "不", "不是", "没有", "无", "0", "false"))
#: Separators of a photo list besides whitespace: ASCII and Chinese commas, 、 and semicolons.
_PHOTO_SEPARATORS = ",，、;；"


def normalize(text: str) -> str:
    """Fold full-width forms (``ｙ``, ``Ｎ／Ａ``, ``３``) and case; trim spaces and ``。！``."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    return folded.rstrip("。!！ ")


def parse_choice(text: str) -> Choice | None:
    """The choice ``text`` names, or ``None`` if it names none (ask again)."""
    word = normalize(text)
    return CHOICE_WORDS.get(word) or parse_result(word)


def parse_count(text: str, default: int = 1) -> int | None:
    """Occurrences (例数) typed by the inspector: a whole number ≥ 1; empty means ``default``.

    A unit after the number (``3例``, ``2处``) is allowed.
    """
    word = normalize(text).removesuffix("例").removesuffix("处").strip()
    if not word:
        return default
    if not word.isascii() or not word.isdigit():
        return None
    count = int(word)
    return count if count >= 1 else None


def parse_yes_no(text: str, default: bool) -> bool | None:
    """Yes or no (是 / 否); empty means ``default``; ``None`` if neither."""
    word = normalize(text)
    if not word:
        return default
    if word in _YES:
        return True
    if word in _NO:
        return False
    return None


def optional_text(text: str) -> str | None:
    """A free-text answer (note, location); blank means none."""
    stripped = text.strip()
    return stripped or None


def split_photo_paths(text: str) -> list[Path]:
    """Photo paths separated by spaces, commas (``,``/``，``/``、``) or semicolons.

    Quotes and backslash escapes work as in a shell, so paths with spaces can be
    typed or dragged into the terminal; ``~`` is the home folder. Raises
    :class:`ValueError` on an unclosed quote.
    """
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace += _PHOTO_SEPARATORS
    lexer.whitespace_split = True
    lexer.commenters = ""
    return [Path(token).expanduser() for token in lexer]


@dataclass(frozen=True)
class Answer:
    """A complete answer for one item, ready to be recorded as a finding."""

    result: Result
    #: 例数: only for failures (at least 1); ``None`` for pass and n/a.
    count: int | None = None
    note: str | None = None
    location: str | None = None
    photos: tuple[Path, ...] = ()
    on_spot: bool = False

    def __post_init__(self) -> None:
        if self.result == "fail":
            if self.count is None or self.count < 1:
                raise ValueError("a failure needs at least one occurrence")
        elif self.count is not None or self.photos or self.on_spot or self.location:
            raise ValueError("only a failure has a count, photos, a location or on-spot fixing")
        if self.result == "na" and not (self.note and self.note.strip()):
            raise ValueError("not applicable needs a reason")

    @classmethod
    def passed(cls) -> Answer:
        """符合."""
        return cls(result="pass")

    @classmethod
    def failed(
        cls,
        count: int,
        *,
        note: str | None = None,
        location: str | None = None,
        photos: Sequence[Path] = (),
        on_spot: bool = False,
    ) -> Answer:
        """不符合, with its occurrences and what was seen."""
        return cls(
            result="fail",
            count=count,
            note=note,
            location=location,
            photos=tuple(photos),
            on_spot=on_spot,
        )

    @classmethod
    def not_applicable(cls, reason: str) -> Answer:
        """不适用, with the reason (required)."""
        return cls(result="na", note=reason.strip())


@dataclass(frozen=True)
class Step:
    """One item to ask about, with its place in the site's checklist."""

    #: 1-based position in the whole checklist (not among the remaining items).
    position: int
    total: int
    item: Item
    category: Category | None
    #: Results already recorded for this item in this round (oldest first).
    recorded: tuple[Result, ...] = ()


@dataclass(frozen=True)
class Plan:
    """The walk of one site in one round: the checklist and which items to ask about."""

    site_id: str
    checklist: tuple[Item, ...]
    steps: tuple[Step, ...]
    #: Ids of checklist items that already had a finding when the walk began.
    recorded_before: frozenset[str] = field(default_factory=frozenset)

    @property
    def total(self) -> int:
        """Items on the site's checklist."""
        return len(self.checklist)

    def remaining(self, recorded_now: Collection[str]) -> int:
        """Checklist items with no finding yet, counting those recorded during the walk."""
        done = self.recorded_before | set(recorded_now)
        return sum(1 for item in self.checklist if item.id not in done)


def plan_walk(
    catalog: Catalog,
    site_id: str,
    recorded: Mapping[str, Sequence[Result]],
    *,
    revisit: bool = False,
) -> Plan:
    """The walk of ``site_id``: its applicable items in checklist order.

    ``recorded`` maps item ids to the results already recorded for this site in
    this round (voided findings left out). Those items are skipped unless
    ``revisit``; either way each step carries what was recorded, to show it.
    """
    checklist = catalog.items_for_site(site_id)
    total = len(checklist)
    steps = tuple(
        Step(
            position=n,
            total=total,
            item=item,
            category=catalog.categories.get(item.category),
            recorded=tuple(recorded.get(item.id, ())),
        )
        for n, item in enumerate(checklist, start=1)
        if revisit or not recorded.get(item.id)
    )
    before = frozenset(item.id for item in checklist if recorded.get(item.id))
    return Plan(site_id=site_id, checklist=checklist, steps=steps, recorded_before=before)
