"""Fuzzing ``record``'s arguments and the YAML documents: a clear message or success, never a
traceback, never a partial write.

Both fuzzers are structure-aware: ``record`` gets a well-formed command line
whose values are drawn from hostile sets (control characters, lone
surrogates, huge numbers, dates far out, long texts, special files as
photos); the YAML fuzzer starts from the valid documents of the minimal
workspace and mutates them — a value replaced, a key dropped or renamed, an
entry duplicated, bytes inserted, the file cut short.

CI runs a bounded number of examples (``INSPECT_FUZZ_EXAMPLES``, default 40
per fuzzer); the README says how long a local run was and what it found.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile import (
    MINIMAL,
    STORE,
    Outcome,
    assert_clean,
    invoke,
    make_image,
    query,
    rows,
    snapshot,
    used_workspace,
)

EXAMPLES = int(os.environ.get("INSPECT_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- values ---------------------------------------------------------------------------------------

#: Any code point, lone surrogates and control characters included.
ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=())
SAMPLES = [
    "\x1b[2J\x1b[H",
    "\x1b]0;owned\x07",
    "\x9b31m",
    '=HYPERLINK("http://x")',
    "@SUM(A1)",
    "\u202eevil\u202c",
    "\udcff\udcfe",
    "\x00",
    "第一行\n第二行",
    "\t",
    " ",
    "",
    "草堂小学",
]
TEXT = st.one_of(
    st.sampled_from(SAMPLES),
    st.text(ANY_CHAR, max_size=40),
    st.text(st.sampled_from("长a \n\x1b"), min_size=1990, max_size=2010),
)
DAYS = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
MOMENTS = st.one_of(
    DAYS.map(str),
    st.datetimes(min_value=dt.datetime(1, 1, 1)).map(lambda d: d.strftime("%Y-%m-%d %H:%M")),
    st.sampled_from(["1899-12-31", "1900-01-01", "2099-12-31", "2100-01-01", "2026-02-30"]),
    TEXT,
)
NUMBERS = st.one_of(
    st.integers(-5, 12_000).map(str),
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["9" * 5000, "1e3", "0x10", "", " 3", "²", "١٢"]),
    TEXT,
)


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Photo paths for ``--photo``: a good one and hostile ones."""
    folder = tmp_path_factory.mktemp("photos")
    good = make_image(folder / "good.jpg")
    cut = folder / "cut.jpg"
    cut.write_bytes(good.read_bytes()[:100])
    os.mkfifo(folder / "fifo.jpg")
    (folder / "dir.jpg").mkdir()
    (folder / "loop.jpg").symlink_to("loop.jpg")
    return [str(good), str(cut), str(folder / "fifo.jpg"), str(folder / "dir.jpg"),
            str(folder / "loop.jpg"), "/dev/zero", str(folder / "missing.jpg")]  # fmt: skip


@pytest.fixture(scope="module")
def record_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return used_workspace(tmp_path_factory.mktemp("fuzz-record") / "ws")


@st.composite
def record_lines(draw: st.DrawFn, photos: list[str]) -> list[str]:
    """A well-formed ``record`` command line with hostile values (``--opt=value``)."""
    words = [
        "record",
        "--site=" + draw(st.sampled_from(["M1", "M2", "A1", "测试小巷"]) | TEXT),
        "--item=" + draw(st.sampled_from(["CM-EN-01", "CM-AD-01", "NM-03-01"]) | TEXT),
        "--result=" + draw(st.sampled_from(["pass", "fail", "na", "不符合"]) | TEXT),
    ]
    options = {
        "--count": NUMBERS,
        "--note": TEXT,
        "--location": TEXT,
        "--inspector": TEXT,
        "--at": MOMENTS,
        "--due": MOMENTS,
        "--round": st.sampled_from(["R1"]) | TEXT,
        "--photo": st.sampled_from(photos),
    }
    chosen = draw(st.lists(st.sampled_from(sorted(options)), unique=True, max_size=5))
    words.extend(f"{name}={draw(options[name])}" for name in chosen)
    if draw(st.booleans()):
        words.append("--on-spot")
    return words


def findings(ws: Path) -> dict[object, tuple[object, ...]]:
    found = query(ws / STORE, "SELECT id, note, location, inspector, occurrences FROM findings")
    return {row[0]: row[1:] for row in found}


def check_outcome(done: Outcome) -> None:
    """A clear message or success: nothing else."""
    assert done.code in (0, 2), (done.code, done.stderr[-2000:])
    assert_clean(done)
    if done.code == 2:
        assert "错误:" in done.stderr, done.stderr


def test_fuzz_record_arguments(record_ws: Path, photos: list[str]) -> None:
    @FUZZ
    @given(line=record_lines(photos))
    def run(line: list[str]) -> None:
        before_rows = rows(record_ws / STORE)
        before = findings(record_ws)
        evidence = snapshot(record_ws / ".inspect" / "evidence")
        done = invoke(record_ws, *line)
        check_outcome(done)
        after = findings(record_ws)
        if done.code == 2:  # nothing written: not a row, not a photo
            assert rows(record_ws / STORE) == before_rows
            assert snapshot(record_ws / ".inspect" / "evidence") == evidence
            return
        new = set(after) - set(before)
        assert new == {done.stdout.strip()}, done.stdout
        given_note = next((w.split("=", 1)[1] for w in line if w.startswith("--note=")), None)
        note = after[done.stdout.strip()][0]
        assert note == (given_note.strip() or None if given_note is not None else None)

    run()


# -- YAML documents -------------------------------------------------------------------------------

DOCUMENTS = {
    "standards/standard.yaml": yaml.safe_load(
        (MINIMAL / "standards" / "standard.yaml").read_text(encoding="utf-8")
    ),
    "sites/sites.yaml": yaml.safe_load(
        (MINIMAL / "sites" / "sites.yaml").read_text(encoding="utf-8")
    ),
}

SCALARS = st.one_of(
    TEXT,
    st.integers(-(10**400), 10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    DAYS,
    st.datetimes(min_value=dt.datetime(1, 1, 1)),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``node``."""
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            found += paths(value, (*prefix, n))
    return found


def at(node: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        node = node[part]
    return node


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """One of the documents, mutated: its name and its bytes."""
    name = draw(st.sampled_from(sorted(DOCUMENTS)))
    data = yaml.safe_load(yaml.safe_dump(DOCUMENTS[name]))  # a deep copy
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths(data)))
        parent, last = at(data, path[:-1]), path[-1]
        action = draw(st.sampled_from(["replace", "replace", "drop", "rename", "duplicate"]))
        if action == "replace":
            parent[last] = draw(VALUES)
        elif action == "drop":
            del parent[last]
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(st.text(ANY_CHAR, min_size=1, max_size=10))] = parent.pop(last)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(yaml.safe_load(yaml.safe_dump(parent[last])))
        if not paths(data):
            break
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    kind = draw(st.sampled_from(["as-is", "as-is", "bytes", "cut"]))
    if kind == "bytes":
        spot = draw(st.integers(0, len(text)))
        text = text[:spot] + draw(st.binary(min_size=1, max_size=8)) + text[spot:]
    elif kind == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    return name, text


@pytest.fixture(scope="module")
def yaml_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return used_workspace(tmp_path_factory.mktemp("fuzz-yaml") / "ws")


def test_fuzz_yaml_documents(yaml_ws: Path) -> None:
    originals = {name: (yaml_ws / name).read_bytes() for name in DOCUMENTS}

    @FUZZ
    @given(document=mutated())
    def run(document: tuple[str, bytes]) -> None:
        name, text = document
        for original, data in originals.items():
            (yaml_ws / original).write_bytes(data)
        (yaml_ws / name).write_bytes(text)
        shutil.rmtree(yaml_ws / ".inspect" / "cache", ignore_errors=True)
        done = invoke(yaml_ws, "validate")
        assert done.code in (0, 1), (done.code, done.stderr[-2000:])
        assert_clean(done)
        for line in done.stdout.splitlines():  # every problem names its file (and place)
            assert line.startswith(" ") or any(
                line.startswith(str(yaml_ws / doc)) for doc in DOCUMENTS
            ), line
        before = rows(yaml_ws / STORE)
        recorded = invoke(yaml_ws, "record", "--site", "M1", "--item", "CM-EN-01", "--result",
                          "fail")  # fmt: skip
        check_outcome(recorded)
        if recorded.code != 0:
            assert rows(yaml_ws / STORE) == before
        if done.code == 1:  # a catalog with errors never records anything
            assert recorded.code == 2

    try:
        run()
    finally:
        for original, data in originals.items():
            (yaml_ws / original).write_bytes(data)
