"""``inspect store copy``: a file onto a server and back, the same reports at every step.

The campaign (findings in every state, events, a photo) is recorded into a SQLite
file, copied onto a server, then from the server into a new file: the findings
list, the rectification ledger and the acceptance report read the same from all
three. A target that already holds the same records is left unchanged; one that
holds others is refused, untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from campaign import INSPECTOR, ROUND, record_campaign
from qingyang_inspect.store import Store
from qingyang_inspect.store.address import ENV_STORE
from qingyang_inspect.store.copy import fingerprint
from qingyang_inspect.workspace import load_workspace


def _run(run_cli: Any, ws: Path, *args: str, store: str | None = None) -> Any:
    env = {"INSPECT_INSPECTOR": INSPECTOR, ENV_STORE: store or ""}
    return run_cli("-w", str(ws), *args, env=env)


def reports(run_cli: Any, ws: Path, store: str | None = None) -> list[str]:
    """What the store reads as: the findings (voided too), the ledger, the acceptance report."""
    found = []
    for args in (
        ("findings", "list", "--voided", "-f", "json"),
        ("report", "rectification", "-f", "csv", "--as-of", "2026-06-20"),
        ("report", "acceptance", "--round", ROUND, "-f", "json", "--as-of", "2026-06-20"),
    ):
        result = _run(run_cli, ws, *args, store=store)
        assert result.exit_code == 0, result.stderr
        found.append(result.stdout)
    return found


@pytest.mark.slow
def test_a_file_goes_onto_a_server_and_back_with_identical_reports(
    run_cli: Any, tmp_path: Path, pg_url: str
) -> None:
    ws = tmp_path / "ws"
    ids = record_campaign(ws)
    photo = tmp_path / "after.png"
    Image.new("RGB", (32, 24), "teal").save(photo)
    rectified = _run(run_cli, ws, "rectify", ids["open"], "--note", "已清理", "--photo", str(photo))
    assert rectified.exit_code == 0, rectified.stderr
    from_file = reports(run_cli, ws)

    copied = _run(run_cli, ws, "store", "copy", "--to", pg_url)
    assert copied.exit_code == 0, copied.stderr
    assert "6 条记录" in copied.stdout and "1 张照片" in copied.stdout
    assert "条数和哈希核对一致" in copied.stdout
    assert reports(run_cli, ws, pg_url) == from_file
    # The copy left the server's planner statistics of what it wrote (not an empty store's).
    with Store.open_url(pg_url, evidence_dir=tmp_path / "ev", readonly=True) as server:
        analyzed = server._conn.execute(
            "SELECT count(*) FROM pg_stat_user_tables "
            "WHERE relname IN ('findings', 'events') AND last_analyze IS NOT NULL"
        ).fetchone()
    assert analyzed == (2,)

    again = _run(run_cli, ws, "--lang", "en", "store", "copy", "--to", pg_url)
    assert again.exit_code == 0, again.stderr
    assert "already holds exactly the same records" in again.stdout

    back = tmp_path / "back" / "store.sqlite"
    home = _run(run_cli, ws, "store", "copy", "--to", str(back), store=pg_url)
    assert home.exit_code == 0, home.stderr
    assert (back.parent / "evidence").is_dir()
    assert reports(run_cli, ws, str(back)) == from_file
    with (
        Store.open(load_workspace(ws), readonly=True) as original,
        Store.open_path(back, readonly=True) as returned,
    ):
        assert fingerprint(returned) == fingerprint(original)
        assert returned.check() == []


def test_a_target_holding_other_records_is_refused_untouched(
    run_cli: Any, tmp_path: Path, pg_url: str
) -> None:
    ws = tmp_path / "ws"
    record_campaign(ws)
    assert _run(run_cli, ws, "store", "copy", "--to", pg_url).exit_code == 0
    more = _run(
        run_cli, ws, "record", "--site", "M1", "--item", "CM-AD-01", "--result", "pass", "--yes"
    )
    assert more.exit_code == 0, more.stderr
    with Store.open_url(pg_url, evidence_dir=tmp_path / "e", readonly=True) as server:
        before = fingerprint(server)
    for lang, words in (("zh", "不是空的"), ("en", "is not empty")):
        refused = _run(run_cli, ws, "--lang", lang, "store", "copy", "--to", pg_url)
        assert refused.exit_code == 2 and words in refused.stderr
        assert "Traceback" not in refused.stderr
    with Store.open_url(pg_url, evidence_dir=tmp_path / "e", readonly=True) as server:
        assert fingerprint(server) == before
