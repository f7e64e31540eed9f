"""The ``inspect`` console script: the fast path for the hot commands, else the typer app.

Standard library only until typer is needed: ``inspect record`` with its
options and ``inspect validate`` run without importing typer (``cli/fast.py``);
everything else — and anything on the fast path that is not plain — goes to
the typer app.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Entry point of the ``inspect`` console script and ``python -m qingyang_inspect``."""
    from qingyang_inspect.cli.common import (
        configure_streams,
        fail,
        startup_language,
        undecodable_input,
    )
    from qingyang_inspect.i18n import set_language

    argv = sys.argv[1:]
    lang, explicit = startup_language(argv)
    set_language(lang)
    configure_streams()
    problem = undecodable_input(argv)
    if problem is not None:
        fail(*problem)
    from qingyang_inspect.cli import fast

    code = fast.run(argv, lang_explicit=explicit)
    if code is not None:
        sys.exit(code)
    from qingyang_inspect.cli.app import app

    app()
