"""Every folder under tests/examples/ is a test of ``inspect validate``.

``invalid/<case>/`` holds a small workspace with one defect (or a few, where the
case says so) and the exact output expected from ``inspect validate`` run in that
folder: ``expected.txt`` (Chinese) and ``expected.en.txt`` (``--lang en``) are
stdout; a case that ends with exit code 2 also has ``expected.stderr.txt`` and
``expected.stderr.en.txt``. ``args.txt`` replaces the default arguments
``standards sites`` (one per line), ``exit_code.txt`` the default exit code 1,
and ``generate.py`` writes inputs too large to commit into a copy of the case.
A new bad input is a new folder: ``tests/examples/regenerate.py CASE`` writes
its expected files, which must then be read and checked by hand.

``valid/<case>/`` holds small complete workspaces: they validate with exit code
0 and nothing on stdout, by explicit paths and as a workspace.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from qingyang_inspect.i18n import set_language

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
INVALID = sorted(p for p in (EXAMPLES / "invalid").iterdir() if p.is_dir())
VALID = sorted(p for p in (EXAMPLES / "valid").iterdir() if p.is_dir())

RunCli = Callable[..., Result]


def case_args(case: Path) -> list[str]:
    args_file = case / "args.txt"
    if args_file.exists():
        return [line for line in args_file.read_text(encoding="utf-8").splitlines() if line]
    return ["standards", "sites"]


def expected_exit(case: Path) -> int:
    code_file = case / "exit_code.txt"
    return int(code_file.read_text().strip()) if code_file.exists() else 1


def prepare(case: Path, tmp_path: Path) -> Path:
    """The folder to run in: the case itself, or a generated copy of it."""
    generator = case / "generate.py"
    if not generator.exists():
        return case
    spec = importlib.util.spec_from_file_location(f"generate_{case.name}", generator)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = tmp_path / case.name
    shutil.copytree(case, folder)
    module.generate(folder)
    return folder


def test_there_are_enough_cases() -> None:
    assert len(INVALID) >= 30
    assert {"minimal", "utf8-bom", "anchors-and-merge-keys"} <= {p.name for p in VALID}


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_example(
    case: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(prepare(case, tmp_path))
    for lang, suffix in (("zh", ""), ("en", ".en")):
        set_language("zh")
        lang_args = ["--lang", "en"] if lang == "en" else []
        result = run_cli(*lang_args, "validate", *case_args(case))
        assert "Traceback" not in result.stdout + result.stderr
        assert result.exit_code == expected_exit(case), result.stdout + result.stderr
        expected = (case / f"expected{suffix}.txt").read_text(encoding="utf-8")
        assert result.stdout == expected
        if result.exit_code == 2:
            expected_err = (case / f"expected.stderr{suffix}.txt").read_text(encoding="utf-8")
            assert result.stderr == expected_err
        elif result.exit_code == 1 and "--strict" not in case_args(case):
            # problems found: every line is ``file[:line:col]: message``
            assert result.stdout.strip(), "a failing case must say why on stdout"


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_example_points_into_its_files(case: Path) -> None:
    """Every ``file:line:col`` of the expected output names a line of that file."""
    for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        file, _, rest = line.partition(":")
        number, _, _ = rest.partition(":")
        path = case / file
        if not number.isdigit() or not path.exists():
            continue
        lines = path.read_bytes().split(b"\n")
        assert 1 <= int(number) <= len(lines), line


@pytest.mark.parametrize("case", VALID, ids=[p.name for p in VALID])
def test_valid_example(case: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    for args in (["validate", "standards", "sites"], ["validate", "--strict"]):
        result = run_cli(*args)
        assert (result.exit_code, result.stdout) == (0, ""), result.stderr
        assert "校验通过" in result.stderr
