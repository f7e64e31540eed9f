"""``inspect record`` with options: the id on stdout, clear errors, nothing written on bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from qingyang_inspect.cli import rounds
from qingyang_inspect.findings.ids import ID_PATTERN
from qingyang_inspect.findings.model import ROUND_KINDS
from qingyang_inspect.store import Store
from qingyang_inspect.workspace import load_workspace
from store_helpers import cli


@pytest.fixture
def ws(run_cli: Any, minimal_workspace: Path) -> Path:
    """The minimal workspace with one open supervision round."""
    result = cli(run_cli, minimal_workspace, "round", "open", "R1", "--kind", "supervision")
    assert result.exit_code == 0, result.stderr
    return minimal_workspace


def count_findings(workspace: Path) -> int:
    with Store.open(load_workspace(workspace), readonly=True) as store:
        return sum(1 for _ in store.iter_findings(include_voided=True))


def test_stdout_is_only_the_id(run_cli: Any, ws: Path) -> None:
    result = cli(
        run_cli,
        ws,
        "record",
        "--site",
        "M1",
        "--item",
        "CM-EN-01",
        "--result",
        "fail",
        "--count",
        "2",
    )
    assert result.exit_code == 0, result.stderr
    finding_id = result.stdout.strip()
    assert result.stdout == finding_id + "\n" and ID_PATTERN.match(finding_id)
    assert "已记录：M1 测试农贸市场 · CM-EN-01 不符合 2 例，整改期限" in result.stderr
    assert "轮次：R1" in result.stderr
    with Store.open(load_workspace(ws), readonly=True) as store:
        finding = store.finding(finding_id)
    assert (finding.inspector, finding.occurrences, finding.status) == ("张三", 2, "open")


def test_english_confirmation(run_cli: Any, ws: Path) -> None:
    result = cli(
        run_cli,
        ws,
        "--lang",
        "en",
        "record",
        "--site",
        "M1",
        "--item",
        "CM-AD-01",
        "--result",
        "pass",
    )
    assert result.exit_code == 0, result.stderr
    assert "recorded: M1" in result.stderr and "pass" in result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--site", "M9", "--item", "CM-EN-01", "--result", "fail"], "未知点位 'M9'"),
        (["--site", "M1", "--item", "CM-EN-1", "--result", "fail"], "是否是 'CM-EN-01'"),
        (["--site", "A1", "--item", "NM-03-01", "--result", "fail"], "点位类型：背街小巷"),
        (["--site", "M1", "--item", "CM-EN-01", "--result", "fail", "--count", "0"], "至少为 1"),
        (
            ["--site", "M1", "--item", "CM-EN-01", "--result", "pass", "--count", "1"],
            "不能给出例数",
        ),
        (["--site", "M1", "--item", "CM-EN-01", "--result", "na"], "--note"),
        (
            ["--site", "M1", "--item", "CM-EN-01", "--result", "fail", "--at", "2099-01-01"],
            "晚于现在",
        ),
        (
            ["--site", "M1", "--item", "CM-EN-01", "--result", "fail", "--at", "2026-13-01"],
            "月份 13",
        ),
        (
            ["--site", "M1", "--item", "CM-EN-01", "--result", "fail", "--due", "2026-02-30"],
            "只有 28 天",
        ),
        (["--site", "M1", "--item", "CM-EN-01", "--result", "fail", "--round", "R2"], "未知轮次"),
        (
            ["--site", "M1", "--item", "CM-EN-01", "--result", "fail", "--photo", "/nope.jpg"],
            "不存在",
        ),
        (["--site", "M1", "--item", "CM-EN-01"], "--result"),
        (["--site", "M1", "--result", "pass"], "--item"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    run_cli: Any, ws: Path, args: list[str], words: str
) -> None:
    result = cli(run_cli, ws, "record", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("错误: ") and words in result.stderr
    assert "Traceback" not in result.stderr
    assert count_findings(ws) == 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--site", "M1", "--site", "M2"], "--site 给了不同的值（'M1'、'M2'），只能给一个"),
        (["--site", "M1", "--count", "2", "--count=3"], "--count 给了不同的值（'2'、'3'）"),
        (["--site", "M1", "--note", "a", "--note", "b"], "--note 给了不同的值（'a'、'b'）"),
    ],
)
def test_an_option_given_twice_with_different_values_is_refused(
    run_cli: Any, ws: Path, args: list[str], words: str
) -> None:
    """The parser would keep the last value: a finding at the second site only."""
    result = cli(run_cli, ws, "record", *args, "--item", "CM-EN-01", "--result", "fail")
    assert result.exit_code == 2 and result.stdout == ""
    assert words in result.stderr
    assert count_findings(ws) == 0


def test_an_option_given_twice_with_one_meaning_is_accepted(run_cli: Any, ws: Path) -> None:
    args = ["--site", "M1", "--site", "M1", "--item", "CM-EN-01", "--result", "不符合"]
    result = cli(run_cli, ws, "record", *args, "--result", "fail")
    assert result.exit_code == 0, result.stderr
    assert count_findings(ws) == 1


def test_the_fields_words_for_results_are_taken(run_cli: Any, ws: Path) -> None:
    """合格 / 不合格, as the walk takes them; findings list --result takes them too."""
    for item, word in (("CM-EN-01", "不合格"), ("CM-AD-01", "合格")):
        done = cli(run_cli, ws, "record", "--site", "M1", "--item", item, "--result", word)
        assert done.exit_code == 0, done.stderr
    with Store.open(load_workspace(ws), readonly=True) as store:
        results = {f.item_id: f.result for f in store.iter_findings()}
    assert results == {"CM-EN-01": "fail", "CM-AD-01": "pass"}
    listed = cli(run_cli, ws, "findings", "list", "--result", "不合格", "-f", "csv")
    assert listed.exit_code == 0, listed.stderr
    assert "CM-EN-01" in listed.stdout and "CM-AD-01" not in listed.stdout


def test_an_invalid_result_choice_is_a_usage_error(run_cli: Any, ws: Path) -> None:
    result = cli(run_cli, ws, "record", "--site", "M1", "--item", "CM-EN-01", "--result", "ok")
    assert result.exit_code == 2 and count_findings(ws) == 0


def test_no_inspector_no_finding(run_cli: Any, ws: Path) -> None:
    result = cli(
        run_cli,
        ws,
        "record",
        "--site",
        "M1",
        "--item",
        "CM-AD-01",
        "--result",
        "pass",
        inspector=None,
    )
    assert result.exit_code == 2 and "不能匿名" in result.stderr
    assert "INSPECT_INSPECTOR" in result.stderr
    assert count_findings(ws) == 0


def test_inspector_sources(run_cli: Any, ws: Path) -> None:
    config = ws / "inspect.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + 'inspector = "配置员"\n', encoding="utf-8"
    )
    args = ("record", "--site", "M1", "--item", "CM-AD-01", "--result", "pass")
    from_config = cli(run_cli, ws, *args, inspector=None).stdout.strip()
    from_env = cli(run_cli, ws, *args, inspector="环境员").stdout.strip()
    from_option = cli(
        run_cli, ws, *args, "--inspector", "选项员", inspector="环境员"
    ).stdout.strip()
    with Store.open(load_workspace(ws), readonly=True) as store:
        assert store.finding(from_config).inspector == "配置员"
        assert store.finding(from_env).inspector == "环境员"
        assert store.finding(from_option).inspector == "选项员"


def test_round_selection(run_cli: Any, ws: Path) -> None:
    assert cli(run_cli, ws, "round", "open", "R2", "--kind", "acceptance").exit_code == 0
    args = ("record", "--site", "M1", "--item", "CM-AD-01", "--result", "pass")
    several = cli(run_cli, ws, *args)
    assert several.exit_code == 2 and "R1, R2" in several.stderr and "--round" in several.stderr
    assert cli(run_cli, ws, *args, "--round", "R2").exit_code == 0


def test_photos_are_linked(run_cli: Any, ws: Path, tmp_path: Path) -> None:
    photo = tmp_path / "垃圾.jpg"
    Image.new("RGB", (32, 32), "brown").save(photo)
    result = cli(
        run_cli,
        ws,
        "record",
        "--site",
        "M1",
        "--item",
        "CM-EN-01",
        "--result",
        "fail",
        "--photo",
        str(photo),
    )
    assert result.exit_code == 0, result.stderr
    with Store.open(load_workspace(ws), readonly=True) as store:
        [stored] = store.finding(result.stdout.strip()).photos
        assert stored.original_name == "垃圾.jpg" and stored.stage == "before"
        assert (store.evidence_dir / stored.relpath).read_bytes() == photo.read_bytes()


def test_changed_files_warn_but_record(run_cli: Any, ws: Path) -> None:
    standard = ws / "standards" / "standard.yaml"
    standard.write_text(
        standard.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "1.1"'),
        encoding="utf-8",
    )
    result = cli(run_cli, ws, "record", "--site", "M1", "--item", "CM-AD-01", "--result", "pass")
    assert result.exit_code == 0
    assert "警告" in result.stderr and "标准 test-standard（version 1.0→1.1）" in result.stderr
    assert "inspect round repin" in result.stderr
    assert count_findings(ws) == 1


def test_only_site_starts_the_walk(run_cli: Any, ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qingyang_inspect.cli import walk

    calls: list[tuple[str, str | None, str | None]] = []

    def fake_walk(
        ctx: Any, site: str, round_name: str | None, inspector: str | None, **options: Any
    ) -> None:
        calls.append((site, round_name, inspector))

    monkeypatch.setattr(walk, "run_walk", fake_walk)
    result = cli(run_cli, ws, "record", "--site", "M1", "--round", "R1")
    assert result.exit_code == 0, result.stderr
    assert calls == [("M1", "R1", "张三")]


def test_cli_round_kinds_match_the_store() -> None:
    assert tuple(kind.value for kind in rounds.RoundKind) == ROUND_KINDS


def test_cli_choices_match_the_model() -> None:
    """The choices typer offers are the model's own lists, in the same order."""
    from typing import get_args

    from qingyang_inspect.catalog.models import Level
    from qingyang_inspect.cli import record, report
    from qingyang_inspect.findings.model import RESULTS, STATUSES

    assert tuple(c.value for c in record.ResultChoice) == RESULTS
    assert tuple(c.value for c in report.StatusChoice) == STATUSES
    assert tuple(c.value for c in report.LevelChoice) == get_args(Level)


HELP_KEYS = {
    ("init",): ("init.help", "init.standards"),
    ("record",): ("record.help", "record.opt_due"),
    ("rectify",): ("lifecycle.rectify_help", "lifecycle.opt_by"),
    ("recheck",): ("lifecycle.recheck_help", "lifecycle.opt_reject"),
    ("round", "open"): ("round.open_help", "round.date_opt"),
    ("round", "close"): ("round.close_help", "round.name_arg"),
    ("round", "list"): ("round.list_help", "opt.format"),
    ("findings", "list"): ("findings.list_help", "findings.opt_overdue"),
    ("findings", "show"): ("findings.show_help", "lifecycle.id_arg"),
    ("findings", "amend"): ("findings.amend_help", "findings.opt_reason"),
    ("findings", "void"): ("findings.void_help", "store.opt_inspector"),
}


def test_help_follows_the_language() -> None:
    """Help is rendered after ``--lang`` is read (a real process: the language is set at start)."""
    from qingyang_inspect.i18n import translate

    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from qingyang_inspect.cli.app import app\n"
        "for line in sys.stdin:\n"
        "    args = ['--lang', 'en', *line.split(), '--help']\n"
        "    print(CliRunner().invoke(app, args, env={'COLUMNS': '500'}).output)\n"
        "    print('=====')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "--lang", "en"],
        input="\n".join(" ".join(command) for command in HELP_KEYS) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    pages = done.stdout.split("=====")
    for page, keys in zip(pages, HELP_KEYS.values(), strict=False):
        for key in keys:
            assert translate("en", key)[:40] in " ".join(page.split()), (key, page)
            assert translate("zh", key)[:12] not in page, (key, page)
