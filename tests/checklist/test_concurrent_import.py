"""Two desks importing at once into one store (a team store on a server, or one file).

Each desk checks the workbooks against the store, then records. When another import
(or ``inspect record``) changed a site's findings in between, what a desk checked no
longer holds: its import is refused in words, nothing written, and run again it
records what is still new, or says there is nothing new.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checklist_helpers import Row, bundled_workspace, days_ago, fill
from conftest import RunCli
from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.checklist.importing import apply_import, plan_import, scratch_folder
from qingyang_inspect.cli.storeopts import clock
from qingyang_inspect.errors import RecordError
from qingyang_inspect.i18n import set_language
from qingyang_inspect.store import Store
from qingyang_inspect.workspace import load_workspace

INSPECTOR = "王督导"


def _cli(run_cli: RunCli, ws: Path, *args: str) -> object:
    return run_cli("-w", str(ws), *args, env={"INSPECT_INSPECTOR": INSPECTOR, "COLUMNS": "200"})


def test_an_import_checked_before_another_desk_recorded_is_refused_and_runs_again(
    run_cli: RunCli, tmp_path: Path, store_env: str
) -> None:
    ws = bundled_workspace(tmp_path / "office")
    day = days_ago(1)
    _cli(run_cli, ws, "round", "open", "督导", "--kind", "supervision",
         "--date", (day - dt.timedelta(days=1)).isoformat())  # fmt: skip
    out = tmp_path / "out"
    _cli(run_cli, ws, "checklist", "export", "--round", "督导", "--site", "QY-C-03", "-o", str(out))
    book = out / "督导-QY-C-03.xlsx"
    fill(book, INSPECTOR, day.isoformat(),
         [Row("CM-AD-06", "符合"), Row("XX-01-01", "不符合", count=1, note="烟蒂")])  # fmt: skip
    workspace = load_workspace(ws)
    catalog = load_workspace_catalog(workspace)
    now = clock()  # as the command reads it: the rows' times are in this machine's zone

    # Both desks check the same workbook; the first records it.
    with (
        Store.open(workspace) as desk_a,
        Store.open(workspace) as desk_b,
        scratch_folder() as scratch_a,
        scratch_folder() as scratch_b,
    ):
        plan_a = plan_import(desk_a, catalog, [book], now=now, scratch=scratch_a)
        plan_b = plan_import(desk_b, catalog, [book], now=now, scratch=scratch_b)
        assert len(plan_a.planned) == len(plan_b.planned) == 2
        apply_import(desk_a, plan_a, now=now)
        for lang, words in (
            ("zh", "记录库中 QY-C-03 的检查记录已有变动"),
            ("en", "changed since"),
        ):
            set_language(lang)
            with pytest.raises(RecordError) as refused:
                apply_import(desk_b, plan_b, now=now)
            assert words in refused.value.message
            assert "督导" in refused.value.message and "inspect import" in (
                refused.value.hint or ""
            )
    set_language("zh")
    listed = _cli(run_cli, ws, "findings", "list", "-f", "json")
    assert listed.stdout.count('"item_id"') == 2  # type: ignore[attr-defined]
    again = _cli(run_cli, ws, "import", str(book))
    assert again.exit_code == 0
    assert "没有新内容：2 行答案此前已导入" in again.stderr  # type: ignore[attr-defined]
