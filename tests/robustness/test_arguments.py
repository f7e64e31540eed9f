"""Hostile arguments: every value bounded and typed before it reaches the store or a library.

Before the fixes: a count past SQLite's integer range ended in an
``OverflowError`` traceback, a count of 5,000 digits in a ``ValueError`` one on
the fast path; a note with an escape sequence was stored and later printed to
the terminal raw; ``--at 0001-01-01`` was stored and made a workbook Excel
cannot open; bytes that are not UTF-8 in an argument ended in a
``UnicodeEncodeError`` traceback from the store.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hostile import (
    RECORD,
    STORE,
    assert_clean,
    assert_refused,
    count_findings,
    environment,
    invoke,
    make_image,
    query,
    run_process,
    snapshot,
)

ESC = "\x1b]0;owned\x07\x1b[31mred\x1b[2J"

#: ``inspect record`` arguments (after the site, item and result) → words of the message.
RECORD_CASES: dict[str, tuple[tuple[str, ...], str]] = {
    "count-zero": (("--count", "0"), "--count"),
    "count-negative": (("--count", "-1"), "1"),
    "count-over-limit": (("--count", "10000"), "9999"),
    "count-past-sqlite": (("--count", "99999999999999999999"), "9999"),
    "count-5000-digits": (("--count", "9" * 5000), "5000 位"),
    "count-float": (("--count", "1e3"), "--count"),
    "count-empty": (("--count", ""), "--count"),
    "note-escape": (("--note", ESC), "U+001B"),
    "note-nul": (("--note", "门口\x00有垃圾"), "U+0000"),
    "note-bel": (("--note", "\x07"), "U+0007"),
    "note-del": (("--note", "垃圾\x7f"), "U+007F"),
    "note-csi": (("--note", "垃圾\x9b2J"), "U+009B"),
    "note-surrogate": (("--note", "垃圾\udcff"), "--note"),
    "note-high-surrogate": (("--note", "\ud800垃圾"), "\\ud800"),
    "note-too-long": (("--note", "长" * 2001), "2000"),
    "location-escape": (("--location", "\x1b[1;1H东门"), "U+001B"),
    "location-nul": (("--location", "东\x00门"), "U+0000"),
    "inspector-newline": (("--inspector", "王\n李"), "U+000A"),
    "inspector-escape": (("--inspector", "\x1b[8m王"), "U+001B"),
    "inspector-surrogate": (("--inspector", "\udcc0\udc80"), "--inspector"),
    "at-year-1": (("--at", "0001-01-01"), "1900-01-01"),
    "at-1899": (("--at", "1899-12-31 10:00"), "1900-01-01"),
    "at-2100": (("--at", "2100-01-01"), "2099-12-31"),
    "at-9999": (("--at", "9999-12-31 23:59"), "2099-12-31"),
    "at-month-13": (("--at", "2026-13-01"), "13"),
    "at-feb-30": (("--at", "2026-02-30"), "28"),
    "at-hour-25": (("--at", "2026-06-01 25:00"), "--at"),
    "at-offset-24h": (("--at", "2026-06-01T12:00+24:00"), "--at"),
    "at-escape": (("--at", "2026\x1b[2J"), "--at"),
    "due-2100": (("--due", "2100-01-01"), "2099-12-31"),
    "due-year-1": (("--due", "0001-01-01"), "1900-01-01"),
    "round-escape": (("--round", "R\x1b[2J"), "R"),
    "round-unknown-long": (("--round", "R" * 5000), "R"),
}


@pytest.mark.parametrize("case", RECORD_CASES)
def test_record_refuses_a_hostile_value(ws: Path, case: str) -> None:
    extra, words = RECORD_CASES[case]
    before = snapshot(ws)
    done = invoke(ws, *RECORD, *extra)
    assert_refused(done, words=words)
    assert snapshot(ws) == before


#: Other commands: arguments → words of the message.
OTHER_CASES: dict[str, tuple[tuple[str, ...], str]] = {
    "site-escape": (
        ("record", "--site", "\x1b[2J", "--item", "CM-EN-01", "--result", "pass"),
        "[2J",
    ),
    "site-nul": (
        ("record", "--site", "M1\x00", "--item", "CM-EN-01", "--result", "pass"),
        "U+0000",
    ),
    "item-escape": (("record", "--site", "M1", "--item", "\x1b]0;x\x07", "--result", "pass"), "]0"),
    "result-escape": (
        ("record", "--site", "M1", "--item", "CM-EN-01", "--result", ESC),
        "--result",
    ),
    "round-name-escape": (("round", "open", "R\x1b[2J", "--kind", "supervision"), "轮次名称"),
    "round-name-newline": (("round", "open", "R\n2", "--kind", "supervision"), "轮次名称"),
    "round-name-csi": (("round", "open", "R\x9b2J", "--kind", "supervision"), "轮次名称"),
    "round-name-surrogate": (("round", "open", "R\udcff", "--kind", "supervision"), "R"),
    "round-name-long": (("round", "open", "轮" * 101, "--kind", "supervision"), "100"),
    "round-kind-huge": (("round", "open", "R2", "--kind", "x" * 5000), "5000 个字符"),
    "round-date-9999": (
        ("round", "open", "R2", "--kind", "supervision", "--date", "9999-1-1"),
        "2099",
    ),
    "as-of-9999": (("report", "rectification", "--as-of", "9999-12-31", "-f", "csv"), "2099"),
    "as-of-year-1": (("report", "acceptance", "--round", "R1", "--as-of", "0001-01-01"), "1900"),
    "as-of-2100-xlsx": (("report", "rectification", "--as-of", "2100-01-01"), "2099"),
    "max-photos-negative": (("report", "rectification", "--max-photos", "-1"), "--max-photos"),
    "max-photos-5000-digits": (("report", "rectification", "--max-photos", "9" * 5000), "5000"),
    "show-escape": (("findings", "show", "\x1b[2J\x1b[H"), "[2J"),
    "show-nul": (("findings", "show", "01\x00"), "01"),
    "lang-escape": (("--lang", "\x1b[2J", "findings", "list"), "[2J"),
    "format-escape": (("findings", "list", "-f", "\x1b[2J"), "--format"),
}


@pytest.mark.parametrize("case", OTHER_CASES)
def test_a_command_refuses_a_hostile_value(ws: Path, case: str) -> None:
    args, words = OTHER_CASES[case]
    before = snapshot(ws)
    done = invoke(ws, *args)
    assert_refused(done, words=words)
    assert snapshot(ws) == before


def a_finding(ws: Path) -> str:
    return str(query(ws / STORE, "SELECT id FROM findings WHERE result = 'fail' LIMIT 1")[0][0])


LIFECYCLE_CASES: dict[str, tuple[tuple[str, ...], str]] = {
    "rectify-note-escape": (("rectify", "{id}", "--note", ESC), "U+001B"),
    "rectify-by-nul": (("rectify", "{id}", "--note", "已清理", "--by", "单位\x00"), "U+0000"),
    "rectify-inspector-del": (
        ("rectify", "{id}", "--note", "已清理", "--inspector", "王\x7f"),
        "U+007F",
    ),
    "amend-note-escape": (("findings", "amend", "{id}", "--note", ESC, "--reason", "改"), "U+001B"),
    "amend-count-huge": (
        ("findings", "amend", "{id}", "--count", "123456789012345678901234", "--reason", "改"),
        "9999",
    ),
    "amend-reason-escape": (
        ("findings", "amend", "{id}", "--count", "3", "--reason", ESC),
        "U+001B",
    ),
    "void-reason-csi": (("findings", "void", "{id}", "--reason", "\x9b31m"), "U+009B"),
}


@pytest.mark.parametrize("case", LIFECYCLE_CASES)
def test_a_lifecycle_step_refuses_a_hostile_value(ws: Path, case: str) -> None:
    template, words = LIFECYCLE_CASES[case]
    finding = a_finding(ws)
    before = snapshot(ws)
    done = invoke(ws, *(word.replace("{id}", finding) for word in template))
    assert_refused(done, words=words)
    assert snapshot(ws) == before


# -- accepted, stored exactly as given, shown safely ------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "第一行\n第二行\t（制表符）",
        '=HYPERLINK("http://x","点我")',
        "@SUM(A1:A9)",
        "\u202eTrojan\u202c 反向文字",
        "  前后空格会去掉  ",
    ],
    ids=["newline-tab", "formula", "at-formula", "bidi-override", "spaces"],
)
def test_text_that_is_allowed_is_stored_as_given_and_shown_safely(ws: Path, note: str) -> None:
    done = invoke(ws, *RECORD, "--note", note)
    assert done.code == 0, done.stderr
    finding = done.stdout.strip()
    [(stored,)] = query(ws / STORE, "SELECT note FROM findings WHERE id = ?", finding)
    assert stored == note.strip()
    shown = invoke(ws, "findings", "show", finding)
    assert shown.code == 0
    assert_clean(shown)
    assert "\u202e" not in shown.stdout  # shown as \u202e, never reordering the line
    csv = invoke(ws, "findings", "list", "-f", "csv")
    assert csv.code == 0
    for line in csv.stdout.splitlines():
        assert not line.split(",")[-1].startswith(("=", "@")), line


# -- bytes that are not text, in real processes -------------------------------------------------


@pytest.fixture
def undecodable_photo(tmp_path: Path) -> bytes:
    name = os.fsencode(tmp_path) + b"/\xff\xfe.jpg"
    make_image(Path(os.fsdecode(name)))
    return name


ARGV_CASES: dict[str, tuple[list[bytes], str]] = {
    "note": ([*(w.encode() for w in RECORD), b"--note", b"\xff\xfe"], "--note"),
    "note-equals": ([*(w.encode() for w in RECORD), b"--note=\xc3"], "--note"),
    "site": (
        [b"record", b"--site", b"\xe9", b"--item", b"CM-EN-01", b"--result", b"pass"],
        "--site",
    ),
    "inspector": ([*(w.encode() for w in RECORD), b"--inspector", b"\xb0\xa1"], "--inspector"),
    "round-name": ([b"round", b"open", b"\xcc\xec", b"--kind", b"supervision"], "\\xcc\\xec"),
    "finding-id": ([b"findings", b"show", b"\xff"], "\\xff"),
    "workspace": ([b"-w", b"/tmp/\xff", b"findings", b"list"], "-w"),
}


@pytest.mark.parametrize("case", ARGV_CASES)
def test_an_argument_that_is_not_text_is_named(ws: Path, case: str) -> None:
    args, words = ARGV_CASES[case]
    before = snapshot(ws)
    done = run_process(args, cwd=ws)
    assert_refused(done, words=[words, "字节"])
    assert snapshot(ws) == before


def test_a_photo_whose_name_is_not_text_is_named(ws: Path, undecodable_photo: bytes) -> None:
    before = snapshot(ws)
    args = [*(w.encode() for w in RECORD), b"--photo", undecodable_photo]
    done = run_process(args, cwd=ws)
    assert_refused(done, words=["--photo", "\\xff\\xfe"])
    assert snapshot(ws) == before


def test_a_photo_name_typed_in_the_walk_that_is_not_text_is_refused(
    ws: Path, undecodable_photo: bytes
) -> None:
    """The walk reads stdin: bytes that are not UTF-8 become a message, not a traceback."""
    answers = b"\n".join([b"fail", b"1", b"\xff\xfe note", b"", b"", b"n", b"q"]) + b"\n"
    done = run_process(
        [b"record", b"--site", b"M1", b"--round", b"R1"],
        cwd=ws,
        input=answers,
        env=environment(COLUMNS="100"),
    )
    assert done.code in (0, 2), done.stderr
    assert_clean(done)
    assert count_findings(ws / STORE) == 3


@pytest.mark.parametrize(
    ("name", "value"),
    [
        (b"INSPECT_INSPECTOR", b"\xff\xfe"),
        (b"INSPECT_WORKSPACE", b"/tmp/\xe9"),
        (b"INSPECT_LANG", b"\xff"),
    ],
    ids=["inspector", "workspace", "lang"],
)
def test_an_environment_variable_that_is_not_text_is_named(
    ws: Path, name: bytes, value: bytes
) -> None:
    env = {os.fsencode(k): os.fsencode(v) for k, v in environment().items()}
    env[name] = value
    before = snapshot(ws)
    done = run_process([*(w.encode() for w in RECORD)], cwd=ws, env=env)
    assert_refused(done, words=name.decode())
    assert snapshot(ws) == before


def test_nothing_is_written_by_any_refused_record(ws: Path) -> None:
    """The sum of the cases above, once more: three findings, as the workspace began."""
    for extra, _words in RECORD_CASES.values():
        invoke(ws, *RECORD, *extra)
    assert count_findings(ws / STORE) == 3
