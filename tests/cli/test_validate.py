"""``inspect validate``: output formats, --strict, the bundled data, and what it imports."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from qingyang_inspect.catalog.loader import LoadResult, load_catalog
from qingyang_inspect.catalog.report import Issue, ValidationReport
from qingyang_inspect.i18n import set_language
from qingyang_inspect.render import RenderContext
from qingyang_inspect.render.lines import render as render_lines
from qingyang_inspect.views.validation import validation_report

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "tests" / "examples"
INVALID = EXAMPLES / "invalid"

RunCli = Callable[..., Result]

GITHUB_LINE = re.compile(r"^::(error|warning) file=[^,:]+(,line=\d+(,col=\d+)?)?::.+$")


def github_line(issue: Issue) -> str:
    """The GitHub annotation the validation report's document renders for ``issue``."""
    report = ValidationReport(files=[issue.file], issues=[issue])
    out = io.StringIO()
    document = validation_report(LoadResult(report=report, catalog=None))
    render_lines(document, out, RenderContext(fmt="github"))
    (line,) = out.getvalue().splitlines()
    return line


@pytest.mark.parametrize(
    "case",
    [
        INVALID / "many-errors",
        INVALID / "warnings-pass-without-strict",
        INVALID / "alias-bomb",
        EXAMPLES / "valid" / "minimal",
    ],
    ids=lambda p: p.name,
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_is_the_library_report(
    case: Path, lang: str, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(case)
    result = run_cli("--lang", lang, "validate", "--format", "json", "standards", "sites")
    set_language("en" if lang == "en" else "zh")
    report = load_catalog([Path("standards"), Path("sites")]).report
    assert json.loads(result.stdout) == report.to_json()
    assert result.exit_code == (0 if report.errors == 0 else 1)


def test_json_carries_every_field(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID / "negative-points")
    data = json.loads(run_cli("validate", "--format", "json", "standards", "sites").stdout)
    assert data == {
        "files": ["standards/standard.yaml", "sites/sites.yaml"],
        "issues": [
            {
                "file": "standards/standard.yaml",
                "line": 40,
                "column": 13,
                "path": "items[2].points",
                "code": "greater_than",
                "severity": "error",
                "message": "必须大于 0",
            }
        ],
        "errors": 1,
        "warnings": 0,
    }


def test_github_annotations(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID / "many-errors")
    text = run_cli("validate", "standards", "sites").stdout.splitlines()
    result = run_cli("validate", "--format", "github", "standards", "sites")
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    assert len(lines) == len(text) == 7
    assert all(GITHUB_LINE.match(line) for line in lines), lines
    assert lines[1] == (
        "::error file=sites/sites.yaml,line=4,col=16::"
        "sites[0].site_type: 未定义的点位类型 'markt'；是否是 'market'？"
    )


def test_github_warnings_and_positionless_issues(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(INVALID / "warnings-pass-without-strict")
    lines = run_cli("validate", "-f", "github", "standards", "sites").stdout.splitlines()
    assert lines and all(
        line.startswith("::warning file=standards/standard.yaml,") for line in lines
    )
    issue = Issue(file="a.yaml", code="too-large", message="100% 太大\n第二行\r")
    assert github_line(issue) == "::error file=a.yaml::100%25 太大%0A第二行%0D"


def test_strict_fails_on_warnings_only(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID / "warnings-pass-without-strict")
    relaxed = run_cli("validate", "standards", "sites")
    strict = run_cli("validate", "--strict", "standards", "sites")
    assert (relaxed.exit_code, strict.exit_code) == (0, 1)
    assert relaxed.stdout == strict.stdout != ""
    assert "0 个错误，3 个警告" in strict.stderr
    monkeypatch.chdir(EXAMPLES / "valid" / "minimal")
    assert run_cli("validate", "--strict").exit_code == 0


def test_defaults_to_the_workspace_folders(
    run_cli: RunCli, minimal_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sites = minimal_workspace / "sites" / "sites.yaml"
    sites.write_text(sites.read_text(encoding="utf-8").replace("level: city", "level: town"))
    monkeypatch.chdir(minimal_workspace / "standards")  # found by searching upward
    result = run_cli("validate")
    assert result.exit_code == 1
    # outside the current folder, files are named by their absolute path
    assert result.stdout.startswith(f"{minimal_workspace / 'sites' / 'sites.yaml'}:5:12: ")
    assert "sites[0].level: 'town' 无效" in result.stdout
    assert run_cli("--workspace", str(minimal_workspace), "validate").exit_code == 1


def test_outside_a_workspace_without_paths_is_a_usage_error(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("validate")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "inspect.toml" in result.stderr and "Traceback" not in result.stderr


def test_bundled_data_is_valid(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run_cli("validate", "--format", "json")
    report = json.loads(result.stdout)
    assert [i for i in report["issues"] if i["severity"] == "error"] == []
    assert result.exit_code == 0
    assert len(report["files"]) >= 2


def test_bundled_data_in_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "qingyang_inspect", "validate"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "校验通过" in result.stderr
