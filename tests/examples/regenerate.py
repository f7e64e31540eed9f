"""Rewrite the expected output of the invalid examples by running ``inspect validate``.

Usage (from the repository root)::

    .venv/bin/python tests/examples/regenerate.py [CASE ...]

Each case folder under ``invalid/`` is run as ``tests/cli/test_validate_examples.py``
runs it: in the folder, with the arguments of ``args.txt`` (default
``standards sites``), in Chinese and with ``--lang en``. stdout goes to
``expected.txt`` / ``expected.en.txt``; for cases that end with exit code 2
(nothing to validate) the message is on stderr and goes to
``expected.stderr.txt`` / ``expected.stderr.en.txt``. A case with a
``generate.py`` is copied to a temporary folder and generated there first.

The expected files are the specification of the messages: read the diff
before committing it.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

from typer.testing import CliRunner

from qingyang_inspect.cli.app import app
from qingyang_inspect.i18n import set_language

INVALID = Path(__file__).resolve().parent / "invalid"


def case_args(case: Path) -> list[str]:
    """The ``validate`` arguments of ``case``."""
    args_file = case / "args.txt"
    if args_file.exists():
        return [line for line in args_file.read_text(encoding="utf-8").splitlines() if line]
    return ["standards", "sites"]


def run(folder: Path, args: list[str], lang: str) -> tuple[int, str, str]:
    """Run ``inspect [--lang en] validate ARGS`` in ``folder``."""
    set_language("zh")
    lang_args = ["--lang", "en"] if lang == "en" else []
    previous = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(app, [*lang_args, "validate", *args])
    finally:
        os.chdir(previous)
    return result.exit_code, result.stdout, result.stderr


def load_generator(case: Path) -> object:
    """The ``generate`` function of ``case/generate.py``."""
    spec = importlib.util.spec_from_file_location(f"generate_{case.name}", case / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


def regenerate(case: Path) -> None:
    """Write the expected files of ``case``."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = case
        if (case / "generate.py").exists():
            folder = Path(tmp) / case.name
            shutil.copytree(case, folder)
            load_generator(case)(folder)  # type: ignore[operator]
        for lang, suffix in (("zh", ""), ("en", ".en")):
            code, out, err = run(folder, case_args(case), lang)
            if "Traceback" in out + err:
                sys.exit(f"{case.name}: traceback\n{out}{err}")
            expected_code = (
                int((case / "exit_code.txt").read_text())
                if (case / "exit_code.txt").exists()
                else 1
            )
            if code != expected_code:
                sys.exit(f"{case.name}: exit code {code}, expected {expected_code}\n{out}{err}")
            (case / f"expected{suffix}.txt").write_text(out, encoding="utf-8")
            if code == 2:
                (case / f"expected.stderr{suffix}.txt").write_text(err, encoding="utf-8")


def main() -> None:
    """Regenerate the cases named on the command line, or all of them."""
    os.environ.pop("INSPECT_LANG", None)
    os.environ.pop("INSPECT_WORKSPACE", None)
    names = sys.argv[1:]
    cases = [INVALID / n for n in names] if names else sorted(INVALID.iterdir())
    for case in cases:
        regenerate(case)
        print(case.name)


if __name__ == "__main__":
    main()
