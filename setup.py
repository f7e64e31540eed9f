"""Build hook: the wheel carries the bundled Qingyang data as ``qingyang_inspect/bundled/``.

The data is kept once, at the repository root (``standards/``, ``sites/``,
``schema/``), where the repository is itself a workspace over it. Mapping those
folders into the package with ``package-dir`` would make an editable install
use an import hook that costs every Python start-up in the venv ~15 ms; copying
them at build time keeps the editable install a plain path entry.
Everything else is configured in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
BUNDLED = {"standards": "*.yaml", "sites": "*.yaml", "schema": "*.json"}


class BuildPy(build_py):  # type: ignore[misc]
    """``build_py`` plus a copy of the bundled folders into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the repository's folders
            return
        for name, pattern in BUNDLED.items():
            target = Path(self.build_lib) / "qingyang_inspect" / "bundled" / name
            target.mkdir(parents=True, exist_ok=True)
            for source in sorted((ROOT / name).glob(pattern)):
                shutil.copy2(source, target / source.name)


setup(cmdclass={"build_py": BuildPy})
