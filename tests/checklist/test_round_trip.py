"""Issue 13's end-to-end test: export, fill as a person would, import, fix, import, re-import.

The acceptance report from the imported answers equals the one made by
recording the same answers with ``inspect record`` in another workspace. The tests
taking ``backend`` run with the office's store in a file, then on a server (the team
store), the other workspace's staying a file.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from checklist_helpers import Row, bundled_workspace, days_ago, fill, photo, set_cell
from conftest import RunCli
from qingyang_inspect.store import Store
from qingyang_inspect.workspace import load_workspace
from store_helpers import backend_url, use_server

SITES = ("QY-C-01", "QY-C-03", "QY-C-05")
INSPECTOR = "王督导"


def _cli(run_cli: RunCli, ws: Path, *args: str) -> object:
    return run_cli("-w", str(ws), *args, env={"INSPECT_INSPECTOR": INSPECTOR, "COLUMNS": "200"})


@pytest.fixture
def field_day() -> dt.date:
    return days_ago(1)


def _answers(folder: Path, day: dt.date) -> dict[str, tuple[object, list[Row]]]:
    """What the inspectors write per site: a date as typed, and the rows they answer."""
    photo(folder / "门口烟蒂.png", "gray")
    picture = photo(folder.parent / "inserted.png", "blue", (80, 60))
    return {
        "QY-C-01": (
            dt.datetime.combine(day, dt.time()),  # a real date cell
            [
                Row("CM-AD-05", "符合", time="09:10"),
                Row(
                    "CM-AD-06",
                    "不符合",
                    count=3,
                    note="立柱有小广告",
                    location="东口",
                    time="09:20",
                ),
                Row("RD-01-01", "不适用", note="本街无此设施"),
            ],
        ),
        "QY-C-03": (
            f"{day.year}年{day.month}月{day.day}日",  # typed as Chinese text
            [
                Row("CM-AD-06", "符合", time=dt.time(10, 0)),
                Row(
                    "XX-01-01",
                    "不符合",
                    count="2",
                    note="校门口有烟蒂",
                    photo_name="门口烟蒂.png",
                    time="10:30",
                ),
                # The wrong drop-down value, fixed after the first import.
                Row("XX-01-02", "符含", time="10:40"),
                Row("XX-01-03", "不符合", note="标识破损", on_spot="是", picture=picture),
            ],
        ),
        "QY-C-05": (
            day.isoformat(),
            [
                Row("CM-AD-01", "Pass"),
                Row("CM-AD-02", " 不符合 ", count=1, note="宣传栏褪色", on_spot="否"),
            ],
        ),
    }


def _expected_records(day: dt.date, folder: Path) -> list[list[str]]:
    """The same answers as ``inspect record`` options."""
    at = day.isoformat()
    return [
        ["--site", "QY-C-01", "--item", "CM-AD-05", "--result", "pass", "--at", f"{at} 09:10"],
        [
            *("--site", "QY-C-01", "--item", "CM-AD-06", "--result", "fail", "--count", "3"),
            *("--note", "立柱有小广告", "--location", "东口", "--at", f"{at} 09:20"),
        ],
        [
            *("--site", "QY-C-01", "--item", "RD-01-01", "--result", "na"),
            *("--note", "本街无此设施", "--at", at),
        ],
        ["--site", "QY-C-03", "--item", "CM-AD-06", "--result", "pass", "--at", f"{at} 10:00"],
        [
            *("--site", "QY-C-03", "--item", "XX-01-01", "--result", "fail", "--count", "2"),
            *("--note", "校门口有烟蒂", "--photo", str(folder / "门口烟蒂.png")),
            *("--at", f"{at} 10:30"),
        ],
        ["--site", "QY-C-03", "--item", "XX-01-02", "--result", "pass", "--at", f"{at} 10:40"],
        [
            *("--site", "QY-C-03", "--item", "XX-01-03", "--result", "fail", "--count", "1"),
            *("--note", "标识破损", "--on-spot", "--photo", str(folder.parent / "inserted.png")),
            *("--at", at),
        ],
        ["--site", "QY-C-05", "--item", "CM-AD-01", "--result", "pass", "--at", at],
        [
            *("--site", "QY-C-05", "--item", "CM-AD-02", "--result", "fail", "--count", "1"),
            *("--note", "宣传栏褪色", "--at", at),
        ],
    ]


def _acceptance(run_cli: RunCli, ws: Path) -> dict[str, object]:
    done = _cli(run_cli, ws, "report", "acceptance", "--round", "督导", "-f", "json")
    assert done.exit_code == 0, done.stderr  # type: ignore[attr-defined]
    report: dict[str, object] = json.loads(done.stdout)  # type: ignore[attr-defined]
    return report


def office(root: Path, request: pytest.FixtureRequest) -> Path:
    """The office's workspace, its store on a server when the test runs on the server."""
    ws = bundled_workspace(root)
    server = backend_url(request)
    if server is not None:
        use_server(ws, server)
    return ws


def test_export_fill_import_fix_reimport_equals_record(
    run_cli: RunCli,
    tmp_path: Path,
    field_day: dt.date,
    request: pytest.FixtureRequest,
    backend: str,
) -> None:
    ws = office(tmp_path / "office", request)
    round_date = (field_day - dt.timedelta(days=2)).isoformat()
    opened = _cli(
        run_cli, ws, "round", "open", "督导", "--kind", "supervision", "--date", round_date
    )
    assert opened.exit_code == 0, opened.stderr  # type: ignore[attr-defined]
    out = tmp_path / "外出"
    args = [a for s in SITES for a in ("--site", s)]
    exported = _cli(run_cli, ws, "checklist", "export", "--round", "督导", *args, "-o", str(out))
    assert exported.exit_code == 0, exported.stderr  # type: ignore[attr-defined]
    files = sorted(out.glob("*.xlsx"))
    assert [f.name for f in files] == [f"督导-{s}.xlsx" for s in SITES]

    answers = _answers(out, field_day)
    for site, (day, rows) in answers.items():
        fill(out / f"督导-{site}.xlsx", INSPECTOR, day, rows)

    # The one wrong drop-down value is the one error, with its place; nothing is recorded.
    first = _cli(run_cli, ws, "import", str(out))
    assert first.exit_code == 1
    errors = [line for line in first.stderr.splitlines() if line.startswith("错误")]  # type: ignore[attr-defined]
    row = next(n for n, line in enumerate(errors) if "符含" in line)  # the wrong value's line
    assert len(errors) == 1, first.stderr  # type: ignore[attr-defined]
    assert errors[row].startswith("错误: 督导-QY-C-03.xlsx!QY-C-03!C")
    assert errors[row].endswith(": 结果 '符含' 不是 符合/不符合/不适用")
    listed = _cli(run_cli, ws, "findings", "list", "-f", "json")
    assert json.loads(listed.stdout) == []  # type: ignore[attr-defined]

    # Fixed: every answer is recorded.
    cell = errors[row].split("!")[2].split(":")[0]
    set_cell(out / "督导-QY-C-03.xlsx", cell, "符合")
    dry = _cli(run_cli, ws, "import", str(out), "--dry-run", "-f", "json")
    assert dry.exit_code == 0, dry.stderr  # type: ignore[attr-defined]
    assert len(json.loads(dry.stdout)) == 9  # type: ignore[attr-defined]
    assert json.loads(_cli(run_cli, ws, "findings", "list", "-f", "json").stdout) == []  # type: ignore[attr-defined]
    second = _cli(run_cli, ws, "import", str(out))
    assert second.exit_code == 0, second.stderr  # type: ignore[attr-defined]
    assert "已记录 9 条" in second.stderr  # type: ignore[attr-defined]

    # Again: nothing new, and it says so.
    third = _cli(run_cli, ws, "import", str(out))
    assert third.exit_code == 0
    assert "没有新内容：9 行答案此前已导入" in third.stderr  # type: ignore[attr-defined]
    assert len(json.loads(_cli(run_cli, ws, "findings", "list", "-f", "json").stdout)) == 9  # type: ignore[attr-defined]

    # The same answers recorded by hand in another workspace give the same report.
    other = bundled_workspace(tmp_path / "by-hand")
    assert (
        _cli(
            run_cli, other, "round", "open", "督导", "--kind", "supervision", "--date", round_date
        ).exit_code
        == 0
    )  # type: ignore[attr-defined]
    for options in _expected_records(field_day, out):
        done = _cli(run_cli, other, "record", *options)
        assert done.exit_code == 0, done.stderr  # type: ignore[attr-defined]
    # Finding ids are minted by each store; everything else is equal.
    imported, typed = (
        _without_ids(_acceptance(run_cli, ws)),
        _without_ids(_acceptance(run_cli, other)),
    )
    assert imported == typed, _diff(imported, typed)
    assert isinstance(imported, dict) and imported["summary"]  # a real report, not empty

    # The photos came along: a named file and the picture inserted into a cell.
    found = json.loads(_cli(run_cli, ws, "findings", "list", "-f", "json").stdout)  # type: ignore[attr-defined]
    photos = {f["item_id"]: [p["original_name"] for p in f["photos"]] for f in found}
    assert photos["XX-01-01"] == ["门口烟蒂.png"]
    assert len(photos["XX-01-03"]) == 1 and photos["XX-01-03"][0].startswith("QY-C-03-G")
    # Kept where every reader of the store finds them (on a server: the server).
    with Store.open(load_workspace(ws), readonly=True) as store:
        assert store.check() == []


def test_a_refilled_row_supersedes_the_earlier_answer(
    run_cli: RunCli,
    tmp_path: Path,
    field_day: dt.date,
    request: pytest.FixtureRequest,
    backend: str,
) -> None:
    ws = office(tmp_path / "office", request)
    round_date = (field_day - dt.timedelta(days=1)).isoformat()
    _cli(run_cli, ws, "round", "open", "督导", "--kind", "supervision", "--date", round_date)
    out = tmp_path / "out"
    _cli(run_cli, ws, "checklist", "export", "--round", "督导", "--site", "QY-C-03", "-o", str(out))
    book = out / "督导-QY-C-03.xlsx"
    fill(
        book,
        INSPECTOR,
        field_day.isoformat(),
        [Row("CM-AD-06", "符合"), Row("XX-01-01", "不符合", count=1, note="烟蒂")],
    )
    assert _cli(run_cli, ws, "import", str(book)).exit_code == 0  # type: ignore[attr-defined]
    before = json.loads(_cli(run_cli, ws, "findings", "list", "-f", "json").stdout)  # type: ignore[attr-defined]
    old = next(f for f in before if f["item_id"] == "XX-01-01")

    kept = tmp_path / "kept.xlsx"
    shutil.copy(book, kept)
    fill(book, None, None, [Row("XX-01-01", "不符合", count=3, note="烟蒂较多")])
    again = _cli(run_cli, ws, "import", str(book))
    assert again.exit_code == 0, again.stderr  # type: ignore[attr-defined]
    assert "已记录 1 条（取代 1 条先前导入的答案）；1 行此前已导入" in again.stderr  # type: ignore[attr-defined]
    after = json.loads(_cli(run_cli, ws, "findings", "list", "-f", "json").stdout)  # type: ignore[attr-defined]
    live = {f["item_id"]: f for f in after}
    assert live["XX-01-01"]["occurrences"] == 3 and len(after) == 2
    history = _cli(run_cli, ws, "findings", "show", old["number"], "-f", "json")
    assert "superseded_by" in history.stdout  # type: ignore[attr-defined]

    # The older file brought back: its answer replaces the newer one again (an event each way).
    back = _cli(run_cli, ws, "import", str(kept))
    assert back.exit_code == 0, back.stderr  # type: ignore[attr-defined]
    final = json.loads(_cli(run_cli, ws, "findings", "list", "-f", "json").stdout)  # type: ignore[attr-defined]
    assert {f["item_id"]: f["occurrences"] for f in final}["XX-01-01"] == 1
    assert len(final) == 2


def _diff(a: object, b: object, path: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in a.keys() | b.keys() for d in _diff(a.get(k), b.get(k), f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [
            d
            for n, (x, y) in enumerate(zip(a, b, strict=True))
            for d in _diff(x, y, f"{path}[{n}]")
        ]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


#: Report members naming findings by id or number, which each store mints.
ID_KEYS = frozenset({"finding_ids", "problem_numbers"})


def _without_ids(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k not in ID_KEYS}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value
