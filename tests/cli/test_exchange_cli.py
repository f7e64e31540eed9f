"""``inspect export-findings`` and ``inspect merge`` from the command line, in both languages.

The tests taking ``backend`` run with the second laptop's store in a file, then on a
server (the team store).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, RunCli
from qingyang_inspect.findings.ids import number_of
from store_helpers import backend_url, cli, use_server


@pytest.fixture
def two(tmp_path: Path, run_cli: RunCli, request: pytest.FixtureRequest) -> tuple[Path, Path]:
    """Two laptops' workspaces sharing the round R (opened on the first, merged into the
    second); the second's store on a server when the test runs on the server ``backend``."""
    first, second = tmp_path / "甲", tmp_path / "乙"
    for root in (first, second):
        shutil.copytree(EXAMPLES / "valid" / "minimal", root)
    server = backend_url(request)
    if server is not None:
        use_server(second, server)
    assert cli(run_cli, first, "round", "open", "R", "--kind", "supervision").exit_code == 0
    assert cli(run_cli, first, "export-findings", "-o", str(tmp_path / "r.zip")).exit_code == 0
    assert cli(run_cli, second, "merge", str(tmp_path / "r.zip")).exit_code == 0
    return first, second


def record(run_cli: RunCli, root: Path, *args: str, inspector: str) -> str:
    """Record a finding; its number (问题编号)."""
    result = cli(run_cli, root, "record", "--round", "R", *args, inspector=inspector)
    assert result.exit_code == 0, result.stderr
    return number_of(result.stdout.strip())


def test_export_then_merge_then_merge_again(
    two: tuple[Path, Path], run_cli: RunCli, tmp_path: Path, backend: str
) -> None:
    first, second = two
    record(run_cli, first, "--site", "M1", "--item", "CM-EN-01", "--result", "fail",
           inspector="甲")  # fmt: skip
    bundle = tmp_path / "甲.zip"
    exported = cli(run_cli, first, "export-findings", "-o", str(bundle))
    assert exported.exit_code == 0
    assert exported.stdout.strip() == str(bundle)
    assert "检查记录 1 条" in exported.stderr

    merged = cli(run_cli, second, "merge", str(bundle))
    assert merged.exit_code == 0, merged.stderr
    assert "检查记录" in merged.stdout and "新增" in merged.stdout
    assert "已合并 1 个数据包：新增检查记录 1 条" in merged.stderr

    again = cli(run_cli, second, "--lang", "en", "merge", str(bundle))
    assert again.exit_code == 0
    assert "nothing new" in again.stderr and "Added" in again.stdout

    listed = cli(run_cli, second, "findings", "list", "-f", "json")
    assert [f["inspector"] for f in json.loads(listed.stdout)] == ["甲"]

    # An existing file is not replaced without --force.
    refused = cli(run_cli, first, "export-findings", "-o", str(bundle))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert cli(run_cli, first, "export-findings", "-o", str(bundle), "--force").exit_code == 0


def test_contradicting_answers_exit_1_naming_both_numbers(
    two: tuple[Path, Path], run_cli: RunCli, tmp_path: Path, backend: str
) -> None:
    first, second = two
    passed = record(run_cli, first, "--site", "M1", "--item", "CM-AD-01", "--result", "pass",
                    inspector="甲")  # fmt: skip
    na = record(run_cli, second, "--site", "M1", "--item", "CM-AD-01", "--result", "na",
                "--note", "不涉及", inspector="乙")  # fmt: skip
    cli(run_cli, second, "export-findings", "-o", str(tmp_path / "乙.zip"))
    merged = cli(run_cli, first, "merge", str(tmp_path / "乙.zip"), "-f", "json")
    assert merged.exit_code == 1
    problems = json.loads(merged.stdout)["problems"]
    assert [(p["problem"], sorted(p["numbers"])) for p in problems] == [
        ("conflict", sorted([passed, na]))
    ]
    table = cli(run_cli, second, "--lang", "en", "merge", str(tmp_path / "乙.zip"))
    assert table.exit_code == 0  # its own bundle: nothing new, nothing to settle
    words = cli(run_cli, first, "round", "list")
    assert passed in words.stdout and na in words.stdout  # still shown until one is voided
    voided = cli(run_cli, first, "findings", "void", na, "--reason", "核实有误")
    assert voided.exit_code == 0, voided.stderr
    assert na not in cli(run_cli, first, "round", "list").stdout


@pytest.mark.parametrize(
    ("lang", "words"), [("zh", "不是检查记录数据包"), ("en", "is not a findings bundle")]
)
def test_a_file_that_is_not_a_bundle_exits_2(
    two: tuple[Path, Path], run_cli: RunCli, tmp_path: Path, lang: str, words: str
) -> None:
    _first, second = two
    bad = tmp_path / "台账.csv"
    bad.write_text("序号\n1\n", encoding="utf-8")
    result = cli(run_cli, second, "--lang", lang, "merge", str(bad))
    assert result.exit_code == 2
    assert words in result.stderr and "Traceback" not in result.stderr


def test_bad_options_exit_2(two: tuple[Path, Path], run_cli: RunCli, tmp_path: Path) -> None:
    first, _second = two
    unknown = cli(run_cli, first, "export-findings", "--round", "R9", "-o", str(tmp_path / "x"))
    assert unknown.exit_code == 2 and "R9" in unknown.stderr
    bad_day = cli(run_cli, first, "export-findings", "--since", "昨天", "-o", str(tmp_path / "x"))
    assert bad_day.exit_code == 2 and "--since" in bad_day.stderr
    assert not (tmp_path / "x").exists()


def test_a_real_process_merges_and_refuses(two: tuple[Path, Path], tmp_path: Path) -> None:
    first, second = two
    env = {**os.environ, "INSPECT_INSPECTOR": "甲", "INSPECT_LANG": "zh"}

    def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "qingyang_inspect", "-w", str(root), *args],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip

    assert run(first, "record", "--site", "M2", "--item", "CM-EN-01", "--result", "fail",
               "--round", "R").returncode == 0  # fmt: skip
    bundle = tmp_path / "甲.zip"
    assert run(first, "export-findings", "-o", str(bundle)).returncode == 0
    cut = tmp_path / "cut.zip"
    cut.write_bytes(bundle.read_bytes()[:200])
    refused = run(second, "merge", str(cut))
    assert refused.returncode == 2
    assert "文件不完整" in refused.stderr and "Traceback" not in refused.stderr
    merged = run(second, "merge", str(bundle))
    assert merged.returncode == 0, merged.stderr
