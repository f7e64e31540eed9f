"""``inspect record --site SITE`` without ``--item``: walk the site's checklist with prompts.

Only prompting and rendering live here; which items to ask about and what an
answer means are decided in :mod:`qingyang_inspect.walk`, and each answer is
recorded at once through the store's record function (one transaction per
finding). Quitting, end of input or Ctrl-C therefore keep everything answered
so far; the walk ends with a summary and the command that resumes it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shlex
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

import typer

from qingyang_inspect.cli.common import EXIT_OK, ignore_interrupts, state
from qingyang_inspect.i18n import get_language, t

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from qingyang_inspect.catalog.catalog import Catalog
    from qingyang_inspect.catalog.models import Site
    from qingyang_inspect.findings.model import Finding, Result, Round
    from qingyang_inspect.store import Store
    from qingyang_inspect.walk import Answer, Plan, Step

T = TypeVar("T")

#: Words a POSIX shell takes as they are (``\w`` includes Chinese characters).
_SHELL_SAFE = re.compile(r"[\w@%+=:,./-]+")

#: Exit code after Ctrl-C, as shells report a SIGINT death (128 + 2).
EXIT_INTERRUPTED = 130


@dataclass
class WalkSession:
    """The store, round and inspector of one walk; records each answer in its own transaction.

    ``catalog`` is the workspace's (each record is checked against the round's
    pin); ``checklist`` is the catalog the round is scored by, which the walk
    asks about. ``at`` is the found time of every answer (``--at``), unless
    ``ask_time`` asks for one per answer.
    """

    store: Store
    catalog: Catalog
    round: Round
    site_id: str
    inspector: str
    checklist: Catalog | None = None
    at: dt.datetime | None = None
    ask_time: bool = False
    #: The inspector confirmed found times outside the round's window (``--yes`` or asked).
    confirmed: bool = False
    #: Warnings already shown, so a warning repeated by every record is shown once.
    shown: set[str] = field(default_factory=set)

    def recorded(self) -> dict[str, list[Result]]:
        """Results already recorded for the site in the round, by item id (voided left out)."""
        found: dict[str, list[Result]] = {}
        for finding in self.store.iter_findings(round_name=self.round.name, site_id=self.site_id):
            found.setdefault(finding.item_id, []).append(finding.result)
        return found

    def record(
        self, item_id: str, answer: Answer, at: dt.datetime | None = None
    ) -> tuple[Finding, list[str]]:
        """Record ``answer`` for ``item_id`` (found ``at``, else the walk's time, else now);
        the new finding and warnings not yet shown."""
        from qingyang_inspect.cli.storeopts import clock
        from qingyang_inspect.findings.recording import RecordRequest, record_finding

        request = RecordRequest(
            site_id=self.site_id,
            item_id=item_id,
            result=answer.result,
            inspector=self.inspector,
            count=answer.count,
            note=answer.note,
            location=answer.location,
            photos=answer.photos,
            on_spot=answer.on_spot,
            round_name=self.round.name,
            at=at if at is not None else self.at,
            confirmed=self.confirmed,
        )
        done = record_finding(self.store, self.catalog, request, now=clock())
        fresh = [w for w in done.warnings if w not in self.shown]
        self.shown.update(fresh)
        return done.finding, fresh


class _EndOfInput(Exception):
    """Standard input ended (Ctrl-D, or the end of piped answers): treated as quit."""


class _QuitMidway(_EndOfInput):
    """``q`` typed within an answer: quit, leaving the half-answered item unrecorded."""


@dataclass
class _Tally:
    """What this walk recorded, for the summary."""

    results: Counter[str] = field(default_factory=Counter)
    items: set[str] = field(default_factory=set)
    skipped: int = 0


def run_walk(
    ctx: typer.Context,
    site_id: str,
    round_name: str | None,
    inspector: str | None,
    *,
    revisit: bool | None = None,
    at: str | None = None,
    ask_time: bool = False,
    confirmed: bool = False,
) -> None:
    """Walk ``site_id``'s checklist interactively, recording each answer as it is given.

    ``revisit`` chooses whether items already recorded in the round are asked
    again; ``None`` asks the inspector when there are any. ``at`` (``--at``)
    dates every answer; ``ask_time`` asks a time for each answer. Ends with
    :class:`typer.Exit`: 0 after the last item or quit, 130 after Ctrl-C.
    """
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.cli.storeopts import clock, parse_moment, warn_changes
    from qingyang_inspect.findings.pins import round_catalog
    from qingyang_inspect.findings.recording import (
        check_found_at,
        choose_round,
        resolve_inspector,
    )
    from qingyang_inspect.store import Store

    workspace = state(ctx).load_workspace()
    catalog = load_workspace_catalog(workspace)
    who = resolve_inspector(inspector, workspace)
    now = clock()
    moment = parse_moment(at, "--at", now)
    if moment is not None:
        check_found_at(moment, now)  # before the first question, not at every answer
    with Store.open(workspace) as store:
        round_ = choose_round(store, round_name)
        pinned = round_catalog(store, round_, catalog)
        site = pinned.catalog.site(site_id)
        session = WalkSession(
            store,
            catalog,
            round_,
            site.id,
            who,
            checklist=pinned.catalog,
            at=moment,
            ask_time=ask_time,
            confirmed=confirmed,
        )
        warning = warn_changes(round_, pinned)
        if warning:
            session.shown.add(warning)
        code = _run(ctx, session, site, revisit)
    raise typer.Exit(code)


def _run(ctx: typer.Context, session: WalkSession, site: Site, revisit: bool | None) -> int:
    """The walk proper; its exit code. Every way out prints the summary first."""
    from qingyang_inspect.cli.common import console as make_console
    from qingyang_inspect.errors import InspectError
    from qingyang_inspect.walk import plan_walk

    out = make_console()
    # Let the terminal wrap: a resume command or a photo path broken by rich
    # could not be copied and pasted back.
    out.soft_wrap = True
    out.print(
        _text(
            "walk.header",
            "bold",
            site=site.name,
            site_id=site.id,
            round=session.round.name,
            inspector=session.inspector,
        )
    )
    tally = _Tally()
    resume = _resume_command(ctx, site.id, session)
    recorded = session.recorded()
    checklist = session.checklist or session.catalog
    plan = plan_walk(checklist, site.id, recorded)
    try:
        already = len(plan.recorded_before)
        out.print(t("walk.checklist", total=plan.total, done=already, todo=len(plan.steps)))
        if already and revisit is None:
            answer = _ask(
                out, t("walk.ask_revisit", done=already), _yes_no_quit(), "walk.yes_no_bad"
            )
            if answer == "quit":  # 随时输入 q 退出: this question too
                raise _EndOfInput
            revisit = answer is True
        if revisit:
            plan = plan_walk(checklist, site.id, recorded, revisit=True)
        if not plan.steps:
            out.print(t("walk.nothing_left", total=plan.total))
            return EXIT_OK
        _walk(out, plan, site, session, tally)
    except KeyboardInterrupt:
        ignore_interrupts()  # pressed again while the summary prints: the summary still ends
        out.print()
        out.print(_text("walk.interrupted", "yellow"))
        _summary(out, plan, tally, resume)
        return EXIT_INTERRUPTED
    except _QuitMidway:
        out.print(_text("walk.quit_midway", "yellow"))
    except _EndOfInput:
        out.print()
    except InspectError:
        # The store refused (read-only, locked too long…): keep what was
        # recorded, say how to resume once the cause is fixed.
        _summary(out, plan, tally, resume)
        raise
    _summary(out, plan, tally, resume)
    return EXIT_OK


def _walk(out: Console, plan: Plan, site: Site, session: WalkSession, tally: _Tally) -> None:
    """Ask about each step in turn; return when done or when the inspector quits."""
    from qingyang_inspect.cli.storeopts import warn
    from qingyang_inspect.errors import RecordError
    from qingyang_inspect.findings.recording import OutsideWindow
    from qingyang_inspect.walk import parse_choice

    for step in plan.steps:
        _show_step(out, step)
        while True:
            choice = _ask(out, t("walk.ask_choice"), parse_choice, "walk.choice_bad")
            if choice == "quit":
                return
            if choice == "skip":
                tally.skipped += 1
                break
            answer = _ask_answer(out, choice)
            at = _ask_time(out, session) if session.ask_time else None
            try:
                with _interrupts_deferred():
                    finding, warnings = session.record(step.item.id, answer, at)
            except OutsideWindow as exc:
                out.print(_text("walk.refused", "yellow", message=exc.message))
                if _ask(out, t("record.outside_window_ask"), _yes_no(False), "walk.yes_no_bad"):
                    session.confirmed = True
                    with _interrupts_deferred():
                        finding, warnings = session.record(step.item.id, answer, at)
                else:
                    continue
            except RecordError as exc:
                # The answer was refused (a note too long, a photo changed
                # meanwhile…): nothing was written; say why and ask again.
                out.print(_text("walk.refused", "red", message=exc.message))
                if exc.hint:
                    out.print(_text("walk.refused_hint", "dim", hint=exc.hint))
                continue
            for warning in warnings:
                warn(warning)
            tally.results[answer.result] += 1
            tally.items.add(step.item.id)
            out.print(_recorded_line(finding))
            break
    out.print()
    out.print(_text("walk.end", "bold", site=site.name))


def _ask_time(out: Console, session: WalkSession) -> dt.datetime | None:
    """The found time of one answer: typed, or empty for the walk's (or now)."""
    from qingyang_inspect.cli.storeopts import clock, parse_moment
    from qingyang_inspect.errors import InspectError
    from qingyang_inspect.findings.recording import check_found_at

    while True:
        typed = _read(out, t("walk.ask_time"), midway=True).strip()
        if not typed:
            return session.at
        try:
            now = clock()
            moment = parse_moment(typed, t("walk.time_word"), now)
            if moment is not None:
                check_found_at(moment, now)
            return moment
        except InspectError as exc:
            out.print(_text("walk.refused", "red", message=exc.message))


def _recorded_line(finding: Finding) -> Text:
    """``已记录：不符合 2 例，整改期限 2026-06-13（01M8…）``."""
    from qingyang_inspect.views.labels import result_label

    what = result_label(finding.result)
    if finding.result == "fail":
        if finding.on_spot:
            what = t("walk.what_on_spot", result=what, count=finding.occurrences)
        else:
            due = finding.due_date.isoformat() if finding.due_date else "—"
            what = t("walk.what_fail", result=what, count=finding.occurrences, due=due)
    return _text("walk.recorded", "green", what=what, id=finding.number or finding.id)


def _ask_answer(out: Console, choice: str) -> Answer:
    """The rest of an answer: count, note, location, photos, on-spot (fail) or reason (n.a.)."""
    from qingyang_inspect.walk import Answer, optional_text, parse_count

    if choice == "pass":
        return Answer.passed()
    if choice == "na":
        reason = _ask(out, t("walk.ask_reason"), optional_text, "walk.reason_required", midway=True)
        return Answer.not_applicable(reason)
    count = _ask(out, t("walk.ask_count"), parse_count, "walk.count_bad", midway=True)
    note = optional_text(_read(out, t("walk.ask_note"), midway=True))
    location = optional_text(_read(out, t("walk.ask_location"), midway=True))
    photos = _ask_photos(out)
    on_spot = _ask(out, t("walk.ask_on_spot"), _yes_no(False), "walk.yes_no_bad", midway=True)
    return Answer.failed(count, note=note, location=location, photos=photos, on_spot=on_spot)


def _ask_photos(out: Console) -> list[Path]:
    """Photo paths, checked at once; a bad photo shows why and asks again."""
    from qingyang_inspect.errors import RecordError
    from qingyang_inspect.evidence import check_photos
    from qingyang_inspect.walk import split_photo_paths

    while True:
        typed = _read(out, t("walk.ask_photos"), midway=True)
        try:
            paths = split_photo_paths(typed)
        except ValueError:
            out.print(_text("walk.photos_bad_quote", "red", text=typed))
            continue
        if not paths:
            return []
        try:
            check_photos(paths, stage="before")
        except RecordError as exc:
            out.print(_text("walk.photo_bad", "red", message=exc.message))
            if exc.hint:
                out.print(_text("walk.photo_hint", "dim", hint=exc.hint))
            continue
        out.print(t("walk.photos_ok", count=len(paths)))
        return paths


def _show_step(out: Console, step: Step) -> None:
    """The item card: progress and category, id, requirement, method, points, rules."""
    from rich.text import Text

    from qingyang_inspect.render.safe import safe_text
    from qingyang_inspect.views.labels import method_label, number, result_label, scoring_label

    category = step.category
    category_name = (
        (category.name_en or category.name)
        if category and get_language() == "en"
        else (category.name if category else step.item.category)
    )
    item = step.item
    out.print()
    out.rule(_text("walk.progress", "", n=step.position, m=step.total, category=category_name))
    head = Text()
    head.append(item.id, style="bold cyan")
    if item.veto:
        head.append("  ")
        head.append(t("walk.veto"), style="bold red")
    if step.recorded:
        head.append("  ")
        results = "、".join(result_label(r) for r in step.recorded)
        head.append(t("walk.already", results=results), style="yellow")
    out.print(head)
    out.print(Text(safe_text(item.requirement, "terminal"), style="bold"))
    if get_language() == "en" and item.requirement_en:
        out.print(Text(safe_text(item.requirement_en, "terminal"), style="italic"))
    out.print(
        _text(
            "walk.method_points",
            "",
            method=method_label(item.method),
            points=number(item.points),
            scoring=scoring_label(item),
        )
    )
    if item.counting_rule:
        out.print(_text("walk.counting_rule", "", rule=item.counting_rule))


def _summary(out: Console, plan: Plan | None, tally: _Tally, resume: str) -> None:
    """Recorded n (by result), skipped, remaining m, and how to resume."""
    recorded = sum(tally.results.values())
    remaining = plan.remaining(tally.items) if plan is not None else None
    out.print(
        _text(
            "walk.summary",
            "bold",
            recorded=recorded,
            passed=tally.results["pass"],
            failed=tally.results["fail"],
            na=tally.results["na"],
            skipped=tally.skipped,
            remaining="?" if remaining is None else remaining,
        )
    )
    if remaining:
        out.print(_text("walk.resume", "", command=resume))


def _resume_command(ctx: typer.Context, site_id: str, session: WalkSession) -> str:
    """The command line that continues this walk where it stopped: the same round,
    inspector and time (a walk of a paper form goes on at the form's time)."""
    from qingyang_inspect.findings.recording import show_moment

    words = ["inspect"]
    workspace = state(ctx).workspace
    if workspace is not None:
        words += ["-w", str(workspace)]
    words += ["record", "--site", site_id, "--round", session.round.name]
    if session.inspector:
        words += ["--inspector", session.inspector]
    if session.at is not None:
        words += ["--at", show_moment(session.at)]
    if session.ask_time:
        words.append("--ask-time")
    return " ".join(_quote(word) for word in words)


def _quote(word: str) -> str:
    """Quote for a shell only when needed: Chinese round names stay readable."""
    return word if _SHELL_SAFE.fullmatch(word) else shlex.quote(word)


def _read(out: Console, prompt: str, *, midway: bool = False) -> str:
    """One line typed by the inspector; :class:`_EndOfInput` when input has ended.

    ``midway``: a question within an answer (count, note, photos…), where ``q``
    quits as the walk's header promises (:class:`_QuitMidway`), not taken for a
    note or a path.
    """
    from rich.text import Text

    from qingyang_inspect.walk import parse_choice

    try:
        typed = out.input(Text(f"{prompt}: ", style="bold"))
    except EOFError:
        raise _EndOfInput from None
    if midway and parse_choice(typed) == "quit":
        raise _QuitMidway
    return typed


def _ask(
    out: Console,
    prompt: str,
    parse: Callable[[str], T | None],
    bad_key: str,
    *,
    midway: bool = False,
) -> T:
    """Ask until ``parse`` accepts the answer; a refused answer shows ``bad_key``."""
    while True:
        typed = _read(out, prompt, midway=midway)
        value = parse(typed)
        if value is not None:
            return value
        out.print(_text(bad_key, "red", text=typed.strip()))


def _yes_no(default: bool) -> Callable[[str], bool | None]:
    from qingyang_inspect.walk import parse_yes_no

    return lambda typed: parse_yes_no(typed, default)


def _yes_no_quit() -> Callable[[str], bool | Literal["quit"] | None]:
    """Yes (是), no (否, the default) or quit (q, 退出)."""
    from qingyang_inspect.walk import parse_choice, parse_yes_no

    return lambda typed: "quit" if parse_choice(typed) == "quit" else parse_yes_no(typed, False)


def _text(key: str, style: str, /, **params: object) -> Text:
    """Message ``key`` as rich Text: styled, never parsed as markup (notes may hold ``[``),
    and its control characters shown rather than obeyed (names and typed text are quoted)."""
    from rich.text import Text

    from qingyang_inspect.render.safe import safe_text

    return Text(safe_text(t(key, **params), "terminal"), style=style)


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C while a finding is written, then deliver it.

    The store's transaction already makes a write all-or-nothing; holding the
    interrupt also keeps the summary honest: a finding that was committed is
    always counted as recorded.
    """
    import signal
    import threading

    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        # Signals can only be handled on the main thread; and if Ctrl-C is
        # ignored or handled by someone else, leave it to them.
        yield
        return
    pending: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: pending.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pending:
        raise KeyboardInterrupt
