"""``report progress`` over three supervision rounds in six weeks, every figure worked out by hand
from the table in ``tests/progress_campaign.py``; then the CLI in its formats and languages,
and its refusals."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner, Result

from progress_campaign import CST, R1, R2, R3, SINCE, UNTIL, build
from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.findings.pins import RoundCatalogs
from qingyang_inspect.i18n import set_language
from qingyang_inspect.render.xlsx.sheets import word_width
from qingyang_inspect.store import Store
from qingyang_inspect.views.progress import (
    Progress,
    Tally,
    build_progress,
    tally_cells,
    trend_rows,
)
from qingyang_inspect.workspace import load_workspace


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The minimal workspace with the three rounds recorded; the problems' numbers."""
    return build(tmp_path_factory.mktemp("progress"))


def progress_of(
    ws: Path, *, since: dt.date | None = SINCE, until: dt.date = UNTIL, **kw: Any
) -> Iterator[Progress]:
    workspace = load_workspace(ws)
    catalog = load_workspace_catalog(workspace, use_cache=False)
    moment = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), tzinfo=CST)
    with Store.open(workspace, readonly=True, as_of=moment) as store:
        yield build_progress(
            catalog,
            store.iter_findings,
            store.rounds(),
            district=workspace.district,
            since=since,
            until=until,
            catalog_for=RoundCatalogs(store, catalog),
            **kw,
        )


def counts(tally: Tally) -> tuple[Any, ...]:
    """found, rectified, closed, on time, late, overdue, 整改率, on-time rate, recurring."""
    return tally_cells(tally)


def test_six_weeks_by_street(campaign: tuple[Path, dict[str, str]]) -> None:
    ws, numbers = campaign
    for progress in progress_of(ws):
        # 10 problems (the pass is none); closed a1 a2 a4 b1 b3 c3, late a2 b3; b2 rectified;
        # overdue a3 (due 09-04) and b2 (due 09-18, not closed); c1 c2 are due on 10-16 itself.
        assert counts(progress.total) == (
            10, 1, 6, 4, 2, 2, Decimal("60.00"), Decimal("50.00"), 3,
        )  # fmt: skip
        by_street = {g.label: counts(g.total) for g in progress.groups}
        assert by_street == {
            # M1 + A1: a1 a2 a4 b1 b2 c1 c3; closed 5 (a2 late); b2 overdue; rate 5/7, 4/6.
            "草堂街道": (7, 1, 5, 4, 1, 1, Decimal("71.43"), Decimal("66.67"), 3),
            # M2: a3 b3 c2; b3 closed late; a3 overdue; 1/3, 0/2.
            "府南街道": (3, 0, 1, 0, 1, 1, Decimal("33.33"), Decimal("0.00"), 0),
        }
        assert [g.label for g in progress.groups] == ["草堂街道", "府南街道"]  # catalog order
        trend = [
            (r.round.name, r.tally.found, r.tally.closed, r.tally.overdue, r.tally.rate,
             r.found_change, r.rate_change)
            for r in trend_rows(progress)
        ]  # fmt: skip
        assert trend == [
            (R1, 4, 3, 1, Decimal("75.00"), None, None),
            (R2, 3, 2, 1, Decimal("66.67"), -1, Decimal("-8.33")),
            (R3, 3, 1, 0, Decimal("33.33"), 0, Decimal("-33.34")),
        ]
        per_round = {
            (g.label, name): (t.found, t.closed, t.rate) for g in progress.groups
            for name, t in g.rounds.items()
        }  # fmt: skip
        assert per_round == {
            ("草堂街道", R1): (3, 3, Decimal("100.00")),
            ("草堂街道", R2): (2, 1, Decimal("50.00")),
            ("草堂街道", R3): (2, 1, Decimal("50.00")),
            ("府南街道", R1): (1, 0, Decimal("0.00")),
            ("府南街道", R2): (1, 1, Decimal("100.00")),
            ("府南街道", R3): (1, 0, Decimal("0.00")),
        }
        # 回头看: b1 after a1, b2 after a4, c1 after a2; c2 is no recurrence (a3 never closed).
        pairs = {(r.later.number, r.earlier.number) for r in progress.recurrences}
        assert pairs == {
            (numbers["b1"], numbers["a1"]),
            (numbers["b2"], numbers["a4"]),
            (numbers["c1"], numbers["a2"]),
        }
        assert [f.number for f in progress.overdue] == [numbers["a3"], numbers["b2"]]


def test_by_unit_site_type_and_site(campaign: tuple[Path, dict[str, str]]) -> None:
    ws, _numbers = campaign
    expected = {
        "unit": {"测试市场管理公司": 4, "第二市场管理公司": 3, "草堂街道办事处": 3},
        "site-type": {"农贸市场": 7, "背街小巷": 3},
        "site": {"测试农贸市场": 4, "第二农贸市场": 3, "测试小巷": 3},
    }
    for by, found in expected.items():
        for progress in progress_of(ws, by=by):
            assert {g.label: g.total.found for g in progress.groups} == found


def test_as_of_an_earlier_day_and_chosen_rounds(campaign: tuple[Path, dict[str, str]]) -> None:
    ws, numbers = campaign
    # As of 09-10: only round 1, a2 closed late on 09-08, a3 overdue.
    for progress in progress_of(ws, until=dt.date(2026, 9, 10)):
        assert counts(progress.total) == (
            4, 0, 3, 2, 1, 1, Decimal("75.00"), Decimal("50.00"), 0,
        )  # fmt: skip
        assert [r.name for r in progress.rounds] == [R1]
    # Round 2 alone still finds its recurrences, whose earlier problems are in round 1.
    for progress in progress_of(ws, chosen=[R2]):
        assert progress.total.found == 3
        assert {r.earlier.number for r in progress.recurrences} == {numbers["a1"], numbers["a4"]}
    # A week with nothing found.
    for progress in progress_of(ws, since=dt.date(2026, 9, 22), until=dt.date(2026, 9, 28)):
        assert progress.empty
        assert progress.groups == ()


# -- the command -------------------------------------------------------------------


def run(ws: Path, *args: str, lang: str = "zh") -> Result:
    from qingyang_inspect.cli.app import app

    set_language(lang)
    return CliRunner().invoke(
        app,
        ["--workspace", str(ws), "--lang", lang, "report", *args],
        env={"COLUMNS": "80"},
        catch_exceptions=False,
    )


RANGE = ("--since", SINCE.isoformat(), "--until", UNTIL.isoformat())


def test_json_carries_the_hand_checked_figures(campaign: tuple[Path, dict[str, str]]) -> None:
    ws, numbers = campaign
    result = run(ws, "progress", *RANGE, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["report"] == "progress"
    assert data["rounds"] == [R1, R2, R3]
    assert data["total"]["found"] == 10
    assert data["total"]["rectification_rate"] == 60.0
    assert data["total"]["on_time_rate"] == 50.0
    assert [(g["label"], g["found"], g["overdue"]) for g in data["groups"]] == [
        ("草堂街道", 7, 1),
        ("府南街道", 3, 1),
    ]
    assert [(r["round"], r["found_change"], r["rate_change"]) for r in data["trend"]["rounds"]] == [
        (R1, None, None),
        (R2, -1, -8.33),
        (R3, 0, -33.34),
    ]
    assert len(data["trend"]["by_round"]) == 6
    recurring = data["recurring"]["recurring"]
    assert {(r["problem_number"], r["earlier_problem_number"]) for r in recurring} == {
        (numbers["b1"], numbers["a1"]),
        (numbers["b2"], numbers["a4"]),
        (numbers["c1"], numbers["a2"]),
    }


def test_table_csv_and_english(campaign: tuple[Path, dict[str, str]]) -> None:
    ws, numbers = campaign
    table = run(ws, "progress", *RANGE)
    assert table.exit_code == 0, table.stderr
    assert "草堂街道" in table.stdout and "71.43%" in table.stdout
    assert numbers["c1"] in table.stdout  # the recurring problems are listed
    assert max(len(line) for line in table.stdout.splitlines()) <= 80
    rows = list(csv.reader(io.StringIO(run(ws, "progress", *RANGE, "-f", "csv").stdout)))
    assert rows[0][:2] == ["\ufeff街道", "发现问题"]
    assert rows[1][:2] == ["草堂街道", "7"]
    english = run(ws, "progress", *RANGE, "--by", "unit", lang="en")
    assert english.exit_code == 0, english.stderr
    assert "Rectification rate" in english.stdout.replace("\n", " ") or "Rate" in english.stdout
    assert "Look back: recurring problems" in english.stdout


def test_workbook_has_the_trend_chart(
    campaign: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    ws, _numbers = campaign
    out = tmp_path / "progress.xlsx"
    result = run(ws, "progress", *RANGE, "-f", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(out)
    first = book.worksheets[0]
    values = [[c.value for c in row] for row in first.iter_rows()]
    assert any(row[:2] == ["草堂街道", 7] for row in values)
    trend = next(
        sheet for sheet in book.worksheets
        if any(R2 in [c.value for c in row] for row in sheet.iter_rows())
    )  # fmt: skip
    with zipfile.ZipFile(out) as archive:
        charts = [archive.read(n).decode() for n in archive.namelist() if "charts/chart" in n]
    assert len(charts) == 2
    assert all(f"<c:f>{trend.title}!$" in chart for chart in charts)  # they plot the trend sheet


def test_english_round_kinds_fit_their_column(
    campaign: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """The rounds' sheet in English: the kind column is as wide as its longest word needs
    (at 8 characters it printed "supervisi on", "re-inspectio n", "acceptan ce")."""
    ws, _numbers = campaign
    out = tmp_path / "progress-en.xlsx"
    assert run(ws, "progress", *RANGE, "-f", "xlsx", "-o", str(out), lang="en").exit_code == 0
    set_language("zh")
    cells = [c for sheet in openpyxl.load_workbook(out) for row in sheet for c in row]
    [header] = [c for c in cells if c.value == "Kind"]
    sheet, column = header.parent, header.column_letter
    kinds = [c.value for c in sheet[column][header.row :] if c.value]
    assert "supervision" in kinds
    width = sheet.column_dimensions[column].width
    assert all(width >= word_width(kind) for kind in kinds), (width, kinds)


def test_refusals_and_an_empty_week(campaign: tuple[Path, dict[str, str]]) -> None:
    ws, _numbers = campaign
    backwards = run(ws, "progress", "--since", "2026-09-10", "--until", "2026-09-01")
    assert backwards.exit_code == 2
    assert "截止日期 2026-09-01 早于起始日期 2026-09-10" in backwards.stderr
    english = run(ws, "progress", "--since", "2026-09-10", "--until", "2026-09-01", lang="en")
    assert "--until 2026-09-01 is before --since 2026-09-10" in english.stderr
    bad = run(ws, "progress", "--until", "2026-13-01")
    assert bad.exit_code == 2 and "--until" in bad.stderr
    unknown = run(ws, "progress", "--round", "第九轮")
    assert unknown.exit_code == 2 and "第九轮" in unknown.stderr
    empty = run(ws, "progress", "--since", "2026-09-22", "--until", "2026-09-28")
    assert empty.exit_code == 0
    assert "该时间段没有发现问题" in empty.stdout + empty.stderr


def test_an_empty_week_prints_no_empty_tables(campaign: tuple[Path, dict[str, str]]) -> None:
    ws, _numbers = campaign
    for lang, title, nones in (
        ("zh", "逐轮对比", ("没有发现问题的轮次，无可逐轮对比", "没有可按街道逐轮对比的问题")),
        ("en", "round by round", ("no round found problems", "round by round for each street")),
    ):
        empty = run(ws, "progress", "--since", "2026-09-22", "--until", "2026-09-28", lang=lang)
        assert empty.exit_code == 0
        # a table with nothing in it says so instead of printing its bare header
        assert title not in empty.stdout.lower() and title not in empty.stdout
        assert all(none in empty.stderr for none in nones), empty.stderr


def test_an_empty_week_says_so_on_every_workbook_sheet(
    campaign: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    ws, _numbers = campaign
    out = tmp_path / "empty.xlsx"
    result = run(
        ws,
        "progress",
        "--since",
        "2026-09-22",
        "--until",
        "2026-09-28",
        "-f",
        "xlsx",
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.stderr
    texts = {
        sheet.title: {c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
        for sheet in openpyxl.load_workbook(out)
    }
    said = set().union(*texts.values())
    for none in (
        "该时间段没有发现问题",
        "没有发现问题的轮次，无可逐轮对比",
        "没有可按街道逐轮对比的问题",
        "没有反复问题",
    ):
        assert none in said, (none, texts)
