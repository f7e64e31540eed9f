"""The fast path of the hot commands: the same definition, the same result, typer for the rest."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from qingyang_inspect.cli import fast, hot
from qingyang_inspect.cli.hotgen import described
from qingyang_inspect.i18n import set_language
from qingyang_inspect.store import Store
from qingyang_inspect.workspace import load_workspace
from store_helpers import cli


def test_the_generated_parameters_match_the_typer_definitions() -> None:
    """Run ``python -m qingyang_inspect.cli.hotgen`` (then ruff format) when this fails."""
    global_params, commands = described()
    assert hot.GLOBAL == global_params
    assert hot.COMMANDS == commands
    assert commands.keys() == fast.BODIES.keys()


@pytest.fixture
def ws(run_cli: Any, minimal_workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The minimal workspace with an open round, as the current folder."""
    opened = cli(run_cli, minimal_workspace, "round", "open", "R1", "--kind", "督导")
    assert opened.exit_code == 0, opened.stderr
    monkeypatch.chdir(minimal_workspace)
    monkeypatch.setenv("INSPECT_INSPECTOR", "张三")
    return minimal_workspace


def findings(workspace: Path) -> list[tuple[Any, ...]]:
    with Store.open(load_workspace(workspace), readonly=True) as store:
        return [
            (f.site_id, f.item_id, f.result, f.occurrences, f.note, f.location, f.inspector)
            for f in store.iter_findings(include_voided=True)
        ]


ARGS = [
    "record",
    *("--site", "M1", "--item", "CM-EN-01", "--result", "不符合", "--count", "2"),
    *("--note", "门口有烟蒂", "--location=东门", "--lang", "zh"),
]


def test_a_plain_record_takes_the_fast_path_and_matches_typer(
    ws: Path, run_cli: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    assert fast.run(ARGS, lang_explicit=True) == 0
    out = capsys.readouterr()
    assert out.out.strip() and "已记录：M1 测试农贸市场 · CM-EN-01 不符合 2 例" in out.err
    through_typer = run_cli(*ARGS)
    assert through_typer.exit_code == 0, through_typer.stderr
    first, second = findings(ws)
    assert first == second == ("M1", "CM-EN-01", "fail", 2, "门口有烟蒂", "东门", "张三")


def test_the_fast_path_takes_the_fields_result_words(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["record", "--site", "M1", "--item", "CM-AD-01", "--result", "合格"]
    assert fast.run(args, lang_explicit=False) == 0
    assert "CM-AD-01 符合" in capsys.readouterr().err
    assert [f[2] for f in findings(ws)] == ["pass"]


def test_errors_of_the_body_are_the_same_on_the_fast_path(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["record", "--site", "M1", "--item", "NOPE-01", "--result", "pass"]
    assert fast.run(args, lang_explicit=False) == 2
    assert capsys.readouterr().err.startswith("错误: ")
    assert findings(ws) == []


@pytest.mark.parametrize(
    "args",
    [
        ["record", "--help"],
        ["record", "-h"],
        ["--version"],
        ["record", "--site", "M1"],  # no --item: the interactive walk
        ["record", "--item", "CM-EN-01", "--result", "pass"],  # no --site
        ["record", "--site", "M1", "--item", "CM-EN-01", "--result", "maybe"],
        ["record", "--site", "M1", "--item", "CM-EN-01", "--result", "fail", "--count", "two"],
        ["record", "--site", "M1", "--site", "M2", "--item", "CM-EN-01", "--result", "pass"],
        ["record", "--site", "M1", "--item", "CM-EN-01", "--result", "pass", "--bogus"],
        ["record", "--site", "M1", "--item", "CM-EN-01", "--result", "pass", "extra"],
        ["record", "--site", "M1", "--item", "CM-EN-01", "--result", "pass", "--on-spot=1"],
        ["record", "--site", "M1", "--item", "CM-EN-01", "--result", "pass", "--lang", "fr"],
        ["record", "--site", "M1", "--item", "CM-EN-01", "--result"],
        ["findings", "list"],
        [],
    ],
    ids=" ".join,
)
def test_anything_not_plain_is_left_to_typer(args: list[str], ws: Path) -> None:
    assert fast.run(args, lang_explicit=False) is None
    assert findings(ws) == []


def loaded(args: list[str], cwd: Path, env: dict[str, str], modules: set[str]) -> str:
    """Run ``inspect args`` in a fresh interpreter: which ``modules`` it loaded, its exit code."""
    probe = (
        "import sys\n"
        "from qingyang_inspect.cli.main import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    code = exit.code\n"
        f"print(sorted(set(sys.modules) & {modules!r}), code, file=sys.__stderr__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stderr.strip().splitlines()[-1]


def test_the_fast_path_imports_neither_typer_nor_pydantic(ws: Path) -> None:
    """A real process (the console script's module): ``record`` with options, cache warm."""
    env = {**os.environ, "INSPECT_INSPECTOR": "张三"}
    args = ["record", "--site", "M1", "--item", "CM-AD-01", "--result", "pass"]
    heavy = {"typer", "pydantic", "pydantic_core", "yaml", "rich"}
    loaded(args, ws, env, heavy)  # the first run may build the catalog cache (validating the YAML)
    assert loaded(args, ws, env, heavy) == "[] 0"


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
@pytest.mark.parametrize("case", ["valid/minimal", "invalid/many-errors"])
@pytest.mark.parametrize("named", [False, True], ids=["workspace", "named paths"])
def test_validate_takes_the_fast_path_and_matches_typer(
    case: str,
    fmt: str,
    named: bool,
    tmp_path: Path,
    run_cli: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "ws"
    shutil.copytree(EXAMPLES / case, folder)
    shutil.copyfile(EXAMPLES / "valid" / "minimal" / "inspect.toml", folder / "inspect.toml")
    monkeypatch.chdir(folder)
    paths = ["standards", "--lang", "en", "sites"] if named else ["--lang", "en"]
    args = ["--workspace", str(folder), "validate", "--format", fmt, *paths]
    set_language("en")  # as ``main`` does before the fast path
    code = fast.run(args, lang_explicit=True)
    fast_out = capsys.readouterr()
    through_typer = run_cli(*args)
    assert code == through_typer.exit_code == (0 if case.startswith("valid") else 1)
    assert (fast_out.out, fast_out.err) == (through_typer.stdout, through_typer.stderr)
    assert fast_out.out or fast_out.err


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--help"],
        ["validate", "--format", "xml"],
        ["validate", "--strict=yes"],
        ["validate", "sites", "--bogus"],
        ["validate", "", "sites"],
        ["validate", "--", "-sites"],
    ],
    ids=" ".join,
)
def test_validate_that_is_not_plain_is_left_to_typer(args: list[str]) -> None:
    assert fast.run(args, lang_explicit=False) is None


def test_validate_imports_neither_typer_nor_pydantics_schema_builder() -> None:
    """A real process: pydantic-core validates from the kept schemas (``core_schemas.py``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_")}
    heavy = {"typer", "pydantic.main", "pydantic.type_adapter", "pydantic_core", "yaml"}
    found = loaded(["validate"], EXAMPLES / "valid" / "minimal", env, heavy)
    assert found == "['pydantic_core', 'yaml'] 0"
