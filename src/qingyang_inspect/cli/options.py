"""Options and arguments the commands declare alike, and their command groups.

Functions, not module-level aliases, so that a command calls them in its
(string) annotations, which typer evaluates after the language is chosen: an
alias renders its help text when its module is imported. The message key is
written out at every use, so grep finds it and each key stays in its area's
table. Imported by the typer commands only: the fast path of ``inspect record``
(``cli/fast.py``) never loads typer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer

from qingyang_inspect.cli.storeopts import ENV_INSPECTOR
from qingyang_inspect.i18n import t


def option(*names: str, key: str, **settings: Any) -> Any:
    """An option named ``names`` with the help of message ``key``, its default not shown."""
    return typer.Option(*names, help=t(key), show_default=False, **settings)


def argument(*, key: str, **settings: Any) -> Any:
    """An argument with the help of message ``key``, its default not shown."""
    return typer.Argument(help=t(key), show_default=False, **settings)


def format_option(key: str) -> Any:
    """``--format`` / ``-f`` with the help of message ``key`` (its default shown)."""
    return typer.Option("--format", "-f", help=t(key))


def inspector_option() -> Any:
    """``--inspector NAME`` (default: ``INSPECT_INSPECTOR``, then the workspace config)."""
    return option("--inspector", key="store.opt_inspector", envvar=ENV_INSPECTOR)


def at_option() -> Any:
    """``--at TIME``: when a step happened (default: now)."""
    return option("--at", key="lifecycle.opt_at")


def id_argument() -> Any:
    """The finding id argument of the lifecycle commands."""
    return argument(key="lifecycle.id_arg")


def add_group(
    app: typer.Typer,
    name: str,
    help_text: str,
    commands: dict[str, tuple[str, Callable[..., None]]],
) -> None:
    """Add the command group ``name`` to ``app``: each subcommand's help and function.

    Built when registered, not at import: help texts are rendered after the
    language is chosen.
    """
    group = typer.Typer(help=help_text, no_args_is_help=True)
    for command, (text, function) in commands.items():
        group.command(command, help=text)(function)
    app.add_typer(group, name=name)
