"""Terminal tables at 80, 120 and 160 columns: nothing cut, nothing split, nothing too wide.

Every table output of the CLI (catalog, rounds, findings, the ledger and the
acceptance report) is run for real (``COLUMNS=W``) while a spy on
:func:`qingyang_inspect.render.render` keeps the document it printed and the
cells of its rows; the printed text is then checked against them:

* no line is wider than the terminal (display width: a CJK character is 2);
* no header is cut: every word in a header line is a whole word of a label;
* every column with priority 0 is shown (as a column or in stacked blocks),
  and every column the layout (:func:`plan`) keeps has its header printed;
* no cell of an id, number, date or status column — or of a column marked
  ``wrap=False``, such as a site's name — is split: each appears whole on a
  line.

:func:`plan` itself is checked over random tables (hypothesis).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from typer.testing import CliRunner

from campaign import ROUND, record_campaign
from qingyang_inspect.render.linebreak import longest_word
from qingyang_inspect.render.safe import safe_text
from qingyang_inspect.render.table import COMFORT_WIDTH, GAP, MIN_TEXT_WIDTH, plan
from qingyang_inspect.render.values import cell_text
from qingyang_inspect.views.base import Column, Document, Group, Pages, Section, Table

REPO = Path(__file__).resolve().parents[2]
WIDTHS = (80, 120, 160)


@dataclass
class Printed:
    """A table a command printed, with its rows' cells read while the store was open."""

    table: Table[Any]
    rows: list[list[str]]


@pytest.fixture(scope="module")
def campaign_ws(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    ws = tmp_path_factory.mktemp("tables") / "ws"
    return ws, record_campaign(ws)


def _tables(sections: Any) -> Iterator[Table[Any]]:
    for section in sections:
        if isinstance(section, Table):
            yield section
        elif isinstance(section, Group):
            yield from _tables(section.sections)
        elif isinstance(section, Pages) and section.terminal:
            for element in section.source():
                yield from _tables(section.page(element).sections)


def run_table(
    argv: list[str], width: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, list[Printed]]:
    """Run ``inspect ARGV`` at ``width`` columns; its stdout and the tables it printed."""
    import qingyang_inspect.render as registry
    from qingyang_inspect.cli.app import app

    printed: list[Printed] = []
    documents: list[Document] = []
    original = registry.render

    def spy(document: Document, fmt: str, **options: Any) -> Any:
        if fmt == "table":
            documents.append(document)
            sections: list[Section] = list(document.iter_sections())
            for table in _tables(sections):
                kinds = [c.kind for c in table.columns]
                rows = [
                    [
                        safe_text(cell_text(value, kind), "terminal")
                        for value, kind in zip(cells, kinds, strict=True)
                    ]
                    for cells in map(table.cells, table.source())
                ]
                printed.append(Printed(table, rows))
        return original(document, fmt, **options)

    monkeypatch.setattr(registry, "render", spy)
    result = CliRunner().invoke(app, argv, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    assert documents, f"{argv} printed nothing through render()"
    return result.stdout, printed


def header_blocks(lines: list[str]) -> list[list[str]]:
    """The header lines above each rule (────) of the output."""
    blocks = []
    for n, line in enumerate(lines):
        if line.strip() and set(line.strip()) == {"─"}:
            start = n
            while start > 0 and lines[start - 1].strip():
                start -= 1
            blocks.append(lines[start:n])
    return blocks


def check_output(stdout: str, printed: list[Printed], width: int) -> None:
    lines = stdout.splitlines()
    too_wide = [line for line in lines if cell_len(line) > width]
    assert not too_wide, too_wide
    label_words = {w for p in printed for c in p.table.columns for w in c.label.split()}
    title_words = {w for p in printed for w in p.table.title.split()}
    for block in header_blocks(lines):
        words = {w for line in block for w in line.split()}
        cut = words - label_words - title_words
        assert not cut, (cut, block)
    text_words = set(stdout.split())
    for p in printed:
        if not p.rows:
            continue
        shown = [(n, c) for n, c in enumerate(p.table.columns) if c.priority is not None]
        layout = plan([c for _, c in shown], [[row[n] for n, _ in shown] for row in p.rows], width)
        # stacked (None): every column, one record per block
        kept = [shown[k] for k in layout.columns] if layout is not None else shown
        assert {c.key for _, c in shown if c.priority == 0} <= {c.key for _, c in kept}
        for n, column in kept:
            assert all(w in text_words for w in column.label.split()), column.label
            if not column.unbreakable:
                continue
            for row in p.rows:
                value = row[n]
                if value and cell_len(value) <= width:
                    assert any(value in line for line in lines), (column.label, value)


CATALOG_COMMANDS = [
    ["standards", "list"],
    ["standards", "list", "-t", "school"],
    ["standards", "show"],
    ["standards", "show", "XX-02-02"],
    ["sites", "list"],
    ["sites", "show", "QY-C-01"],
    ["sites", "show", "QY-D-001"],
]
STORE_COMMANDS = [
    ["round", "list"],
    ["findings", "list"],
    ["findings", "list", "--voided", "--as-of", "2026-08-01"],
    ["findings", "show", "{open}"],
    ["findings", "show", "{rejected}"],
    ["report", "rectification", "-f", "table", "--as-of", "2026-08-01"],
    ["report", "acceptance", "-f", "table", "--round", ROUND, "--as-of", "2026-08-01"],
    ["report", "acceptance", "-f", "table", "--round", ROUND, "--site", "M1"],
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("argv", CATALOG_COMMANDS, ids=" ".join)
def test_catalog_tables(
    argv: list[str], lang: str, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdout, printed = run_table(["--lang", lang, "-w", str(REPO), *argv], width, monkeypatch)
    check_output(stdout, printed, width)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("argv", STORE_COMMANDS, ids=" ".join)
def test_store_tables(
    argv: list[str],
    lang: str,
    width: int,
    campaign_ws: tuple[Path, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws, ids = campaign_ws
    args = [a.format(**ids) for a in argv]
    stdout, printed = run_table(["--lang", lang, "-w", str(ws), *args], width, monkeypatch)
    check_output(stdout, printed, width)


def test_site_names_stay_on_one_line_at_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """``inspect sites list | grep 杜甫草堂`` finds the site."""
    stdout, printed = run_table(["-w", str(REPO), "sites", "list"], 80, monkeypatch)
    (listing,) = printed
    names = [row[1] for row in listing.rows]
    assert len(names) == 130
    lines = stdout.splitlines()
    for name in names:
        (line,) = [line for line in lines if name in line.split()]
        assert line.split()[0].startswith("QY-")


def test_a_narrow_terminal_stacks_the_records(
    campaign_ws: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, ids = campaign_ws
    stdout, printed = run_table(["-w", str(ws), "findings", "list"], 20, monkeypatch)
    check_output(stdout, printed, 20)
    # one block per finding, each starting with its number, blocks apart
    blocks = [b for b in stdout.split("\n\n") if b.strip()]
    assert len(blocks) == len(printed[0].rows) == 5
    assert all(block.split()[0] == "问题编号" for block in blocks)
    numbers = {i[-10:] for i in set(ids.values()) - {ids["voided"]}}
    assert {block.split()[1] for block in blocks} == numbers


# -- the layout itself, over random tables ------------------------------------------------

KINDS = ["text", "id", "int", "date", "status"]
WORDS = st.text(alphabet="abc测试草堂-·", min_size=1, max_size=12)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[Column], list[list[str]]]:
    count = draw(st.integers(1, 8))
    columns = [
        Column(
            f"c{n}",
            " ".join(draw(st.lists(WORDS, min_size=1, max_size=3))),
            draw(st.sampled_from(KINDS)),  # type: ignore[arg-type]
            priority=draw(st.integers(0, 4)),
            wrap=draw(st.booleans()),
        )
        for n in range(count)
    ]
    rows = draw(
        st.lists(
            st.lists(st.lists(WORDS, max_size=6).map(" ".join), min_size=count, max_size=count),
            max_size=5,
        )
    )
    return columns, rows


@given(tables(), st.integers(10, 200))
def test_plan_keeps_every_promise(table: tuple[list[Column], list[list[str]]], width: int) -> None:
    columns, rows = table
    layout = plan(columns, rows, width)
    if layout is None:
        # stacked only when even the must-show columns cannot be given their floor
        # (or, with none that must show, not even the first one to keep fits)
        floors = {
            n: _natural(c, rows, n) if c.unbreakable else _floor(c, rows, n)
            for n, c in enumerate(columns)
        }
        must = [floors[n] for n, c in enumerate(columns) if c.priority == 0]
        if must:
            assert sum(must) + GAP * (len(must) - 1) > width
        else:
            first = min(floors, key=lambda n: (columns[n].priority or 0, n))
            assert floors[first] > width
        return
    kept = [columns[n] for n in layout.columns]
    assert sum(layout.widths) + GAP * (len(kept) - 1) <= width
    assert all(w >= 1 for w in layout.widths)  # never a zero-width column
    assert {n for n, c in enumerate(columns) if c.priority == 0} <= set(layout.columns)
    # a column gives way only after every column with a larger priority number
    dropped = [c.priority or 0 for n, c in enumerate(columns) if n not in layout.columns]
    assert all((c.priority or 0) <= min(dropped, default=99) for c in kept)
    for n, w in zip(layout.columns, layout.widths, strict=True):
        column = columns[n]
        assert w >= max(cell_len(word) for word in column.label.split())  # header not cut
        if column.unbreakable:
            assert w >= _natural(column, rows, n)  # no cell split
        elif column.whole_words:
            assert w >= _floor(column, rows, n)  # split between its pieces only
        elif w < _asks(column, rows, n):
            # a text left narrower than it asks: nothing less important is shown
            assert all((c.priority or 0) <= (column.priority or 0) for c in kept)


def _natural(column: Column, rows: list[list[str]], n: int) -> int:
    words = max(cell_len(w) for w in column.label.split())
    return max([words, *(cell_len(row[n]) for row in rows)])


def _asks(column: Column, rows: list[list[str]], n: int) -> int:
    if column.whole_words:
        return _floor(column, rows, n)
    natural = _natural(column, rows, n)
    words = min(
        max([*(cell_len(w) for w in column.label.split()), *(longest_word(r[n]) for r in rows)]),
        natural,
    )
    asks = max(_floor(column, rows, n), min(words, COMFORT_WIDTH))
    if column.priority == 0 or natural > COMFORT_WIDTH:
        asks = max(asks, min(natural, COMFORT_WIDTH))
    return asks


def _floor(column: Column, rows: list[list[str]], n: int) -> int:
    words = max(cell_len(w) for w in column.label.split())
    if column.whole_words:  # a status: never split between its spaces
        return max([words, *(cell_len(piece) for row in rows for piece in row[n].split())])
    return max(words, min(_natural(column, rows, n), MIN_TEXT_WIDTH))


def test_plan_drops_by_priority_then_stacks() -> None:
    columns = [
        Column("id", "编号", "id", priority=0),
        Column("name", "名称", priority=0, wrap=False),
        Column("type", "类型", priority=1),
        Column("unit", "责任单位", priority=2),
    ]
    rows = [["QY-C-01", "青羊新城万达商圈·蓉城驿站党群服务中心", "商业大街", "光华街道办事处"]]
    wide = plan(columns, rows, 160)
    assert wide is not None and wide.columns == (0, 1, 2, 3)
    assert wide.widths == (7, 37, 8, 14)  # natural widths: CJK characters count 2
    mid = plan(columns, rows, 7 + 37 + 8 + 2 * GAP)
    assert mid is not None and mid.columns == (0, 1, 2)
    assert plan(columns, rows, 7 + 37 + GAP - 1) is None  # the name cannot be split: stack


def test_a_long_text_makes_less_important_columns_give_way() -> None:
    """An acceptance form at 80 columns: the requirement is read, the category gives way."""
    columns = [
        Column("seq", "序号", "int"),
        Column("item", "条目编号", "id"),
        Column("category", "类别", "status", priority=2),
        Column("requirement", "测评内容", priority=1),
        Column("points", "标准分", "number"),
        Column("result", "结果", "status"),
        Column("status", "状态", "status", priority=1),
    ]
    rows = [
        [
            "1",
            "CM-AD-06",
            "公益宣传",
            "公益广告无错别字、无表述不规范、无褪色污损，未被小广告覆盖",
            "3.00",
            "符合",
            "待整改（逾期）",
        ]
    ]
    layout = plan(columns, rows, 80)
    assert layout is not None
    shown = dict(zip((columns[n].key for n in layout.columns), layout.widths, strict=True))
    assert "category" not in shown and shown["requirement"] >= COMFORT_WIDTH
    # an equally important column stays, even if the text must then wrap narrower
    assert "status" in shown
    narrow = plan(columns, rows, 70)
    assert narrow is not None and {"requirement", "status"} <= {
        columns[n].key for n in narrow.columns
    }


def test_an_english_status_wraps_at_its_spaces_so_the_problem_keeps_its_column() -> None:
    """At 80 columns, "rectified, awaiting re-check" takes three short lines instead of a
    28-column column that pushed the problem text out (as the English ledger did)."""
    columns = [
        Column("seq", "No.", "int", priority=0),
        Column("number", "Problem no.", "id", priority=0),
        Column("site", "Site", priority=1),
        Column("item", "Item ID", "id", priority=0),
        Column("problem", "Problem", priority=1),
        Column("status", "Status", "status", priority=0),
    ]
    rows = [
        ["1", "GTY4P7BR8H", "青羊新城万达商圈·蓉城驿站党群服务中心", "RD-05-01",
         "垃圾桶满溢，周边地面散落塑料袋和纸屑，现场未见保洁人员", "rectified, awaiting re-check"],
        ["2", "K8JENVZ19T", "宽窄巷子", "RD-02-05", "消防通道堆放杂物", "closed 6 day(s) late"],
    ]  # fmt: skip
    layout = plan(columns, rows, 80)
    assert layout is not None
    assert layout.columns == (0, 1, 2, 3, 4, 5)
    widths = dict(zip(layout.columns, layout.widths, strict=True))
    assert widths[5] >= len("rectified,") and widths[5] < len("rectified, awaiting re-check")
    assert widths[4] >= COMFORT_WIDTH - 4  # the problem is readable


def test_a_less_important_column_gives_way_so_names_and_statuses_stay_whole() -> None:
    """``inspect --lang en findings list`` at 80 columns: the occurrences column (its header
    11 wide for a one-digit count) gives way, instead of the site and the status taking
    three lines each."""
    columns = [
        Column("number", "number", "id", priority=0),
        Column("site", "site", priority=1),
        Column("item", "item", "id", priority=0),
        Column("result", "result", "status", priority=0),
        Column("occurrences", "occurrences", "int", priority=2),
        Column("state", "status", "status", priority=1),
    ]
    rows = [
        ["SJ3HNQJ14C", "QY-C-03 成都市草堂小学", "XX-02-02", "fail", "2", "to rectify (overdue)"],
        ["FKEC7VAADE", "QY-C-08 抚琴农贸市场", "CM-AD-06", "fail", "1", "closed 1 day(s) late"],
    ]
    layout = plan(columns, rows, 80)
    assert layout is not None
    assert [columns[n].key for n in layout.columns] == [
        "number", "site", "item", "result", "state",
    ]  # fmt: skip
    assert list(layout.widths) == [10, 22, 8, 6, 20]  # every cell on one line
    # with room for it, the column stays
    wide = plan(columns, rows, 10 + 22 + 8 + 6 + 11 + 20 + 5 * GAP)
    assert wide is not None and len(wide.columns) == 6
