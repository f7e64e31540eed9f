"""``inspect standards …`` and ``inspect sites …``: browse the catalog."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the ``standards`` and ``sites`` command groups to ``app``."""
