"""The benchmark generator writes valid workspaces, and the benchmark runner still runs."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from qingyang_inspect.catalog.loader import load_catalog

REPO = Path(__file__).resolve().parents[2]


def _load_generator() -> ModuleType:
    name = "bench_generate"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


generate = _load_generator()
TINY = generate.Size(items=40, sites=16, site_types=4, common_items=8)


def test_generated_workspace_validates_without_warnings(tmp_path: Path, run_cli) -> None:
    spec = generate.generate_workspace(tmp_path / "ws", TINY)
    result = load_catalog([tmp_path / "ws" / "standards", tmp_path / "ws" / "sites"])
    assert [i.message for i in result.report.issues] == []
    catalog = result.catalog
    assert catalog is not None
    assert len(catalog.items) == TINY.items
    assert len(catalog.sites) == TINY.sites
    assert len(catalog.site_types) == TINY.site_types
    assert {i.scoring.mode for i in catalog.items.values()} == {"pass_fail", "deduction", "graded"}
    assert any(st.category_weights for st in catalog.site_types.values())
    for site_id in spec.site_ids:
        ids = [i.id for i in catalog.items_for_site(site_id)]
        assert sorted(ids) == sorted(spec.items_for_site(site_id))
    cli = run_cli("--workspace", str(tmp_path / "ws"), "validate", "--strict")
    assert cli.exit_code == 0, cli.stderr


def test_item_ids_and_text_look_real(tmp_path: Path) -> None:
    generate.generate_workspace(tmp_path, TINY)
    text = (tmp_path / "standards" / "items-common.yaml").read_text(encoding="utf-8")
    assert "id: G00-01-01" in text
    assert "&id" not in text  # no YAML anchors: written out as a person would
    sites = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "sites").glob("*.yaml"))
    assert "街道" in sites and "responsible_unit:" in sites


def test_per_site_size_gives_that_many_items_per_site() -> None:
    size = generate.Size.per_site(100, sites=30, site_types=10)
    assert size.common_items + (size.items - size.common_items) // size.site_types == 100


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    def files(root: Path, seed: int) -> dict[str, bytes]:
        generate.generate_workspace(root, TINY, seed=seed)
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}

    assert files(tmp_path / "a", 7) == files(tmp_path / "b", 7)
    assert files(tmp_path / "a", 7) != files(tmp_path / "c", 8)


def test_findings_cover_every_round_site_and_item_with_a_share_of_failures(
    tmp_path: Path,
) -> None:
    spec = generate.generate_workspace(tmp_path, TINY)
    rows = list(generate.generate_findings(spec, rounds=3, fail_share=0.3))
    per_site = {s: len(spec.items_for_site(s)) for s in spec.site_ids}
    assert len(rows) == 3 * sum(per_site.values())
    assert len({r.round_name for r in rows}) == 3
    results = Counter(r.result for r in rows)
    assert results["fail"] > 0 and results["pass"] > 0 and results["na"] > 0
    fails = [r for r in rows if r.result == "fail"]
    assert all(r.occurrences >= 1 and r.note and r.due_date for r in fails)
    assert any(r.rectified for r in fails) and any(r.rechecked for r in fails)
    assert all(r.occurrences == 0 for r in rows if r.result != "fail")
    assert rows == list(generate.generate_findings(spec, rounds=3, fail_share=0.3))


@pytest.mark.slow
def test_smoke_run_exits_0_and_writes_every_row(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--smoke", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads((tmp_path / "smoke.json").read_text(encoding="utf-8"))
    assert result["smoke"] is True
    assert result["rows"], "no benchmark ran"
    assert all(row["status"] in ("ok", "skipped") for row in result["rows"])
    assert "| what | median |" in done.stdout
