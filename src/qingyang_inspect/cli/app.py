"""The ``inspect`` command: a typer app with one module per command group.

typer turns every registered command's signature into click parameters on each
run. ``inspect record`` runs many times a day, so :func:`main` registers only
the command group being invoked (all of them for ``--help`` or an unknown
command); ``app`` (built on first access) has every command, for tests and
documentation.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Annotated

import typer

# typer builds a pydantic TypeAdapter per option, and pydantic then scans every
# installed package's entry points for plugins (~10 ms a run). The tool uses none.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import importlib

from qingyang_inspect import __version__
from qingyang_inspect.cli.common import State, early_language
from qingyang_inspect.i18n import parse_lang, set_language, t

set_language(early_language())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"qingyang-inspect {__version__}")
        raise typer.Exit()


def main_callback(
    ctx: typer.Context,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", envvar="INSPECT_LANG", help=t("opt.lang"), show_default=False, metavar="zh|en"
        ),
    ] = None,
    workspace: Annotated[
        Path | None,
        typer.Option(
            "--workspace",
            "-w",
            envvar="INSPECT_WORKSPACE",
            help=t("opt.workspace"),
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=t("opt.version"))
    ] = False,
) -> None:
    """Global options: language and workspace."""
    chosen = parse_lang(lang)
    if lang is not None and chosen is None:
        raise typer.BadParameter(t("opt.lang_bad", value=lang), param_hint="--lang")
    if chosen is not None:
        set_language(chosen)
    ctx.obj = State(workspace=workspace, lang_explicit=chosen is not None)


@dataclass(frozen=True)
class Entry:
    """A top-level command in the registry: where it is defined and what it may import.

    ``may_load`` is the start-up rule, checked in real processes by
    ``tests/cli/test_imports.py``: building the CLI and ``--help`` import only
    typer and the standard library; a command, when it runs, may import these
    heavy libraries (top-level package names) and no other.
    """

    module: str
    may_load: frozenset[str] = frozenset()


def _entry(module: str, *may_load: str) -> Entry:
    return Entry(module, frozenset(may_load))


# typer 0.29 builds a pydantic TypeAdapter per option of the invoked command, so
# every command that parses options loads pydantic; the catalog models need it too.
_TYPER = "pydantic"

#: The command registry: each top-level command, the module of ``qingyang_inspect.cli``
#: whose ``register(app)`` adds it, and the libraries it may load; ``--help`` lists
#: the commands in this order.
COMMANDS: dict[str, Entry] = {
    "validate": _entry("validate", _TYPER, "yaml"),
    "schema": _entry("schema", _TYPER),
    "init": _entry("init", _TYPER, "yaml", "sqlite3"),
    # rich only for the interactive walk, PIL only with --photo.
    "record": _entry("record", _TYPER, "sqlite3", "rich", "PIL"),
    "rectify": _entry("lifecycle", _TYPER, "sqlite3", "PIL"),
    "recheck": _entry("lifecycle", _TYPER, "sqlite3"),
    "standards": _entry("browse", _TYPER, "rich"),
    "sites": _entry("browse", _TYPER, "rich"),
    "round": _entry("rounds", _TYPER, "sqlite3", "rich"),
    "findings": _entry("findings", _TYPER, "sqlite3", "rich"),
    "report": _entry("report", _TYPER, "sqlite3", "rich", "openpyxl", "xlsxwriter", "PIL"),
}
_GLOBAL_OPTIONS_WITH_VALUE = frozenset({"--lang", "--workspace", "-w"})


def invoked_command(argv: list[str]) -> str | None:
    """The command named on the command line after the global options, if any."""
    args = iter(argv)
    for arg in args:
        if arg in _GLOBAL_OPTIONS_WITH_VALUE:
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def build_app(argv: list[str] | None = None) -> typer.Typer:
    """The app with the command group ``argv`` invokes, or with all of them."""
    built = typer.Typer(
        name="inspect",
        help=t("app.help"),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        # Plain click help: rich-formatted help imports rich and markdown-it on every
        # ``--help`` and usage error, doubling start-up (bench/README.md, "help").
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(main_callback)
    command = invoked_command(argv) if argv is not None else None
    entry = COMMANDS.get(command) if command is not None else None
    modules = [entry.module] if entry is not None else [e.module for e in COMMANDS.values()]
    for name in dict.fromkeys(modules):
        module: ModuleType = importlib.import_module(f"qingyang_inspect.cli.{name}")
        module.register(built)
    return built


_full_app: typer.Typer | None = None


def __getattr__(name: str) -> typer.Typer:
    """``app``: the app with every command (for tests and docs), built on first use."""
    global _full_app
    if name != "app":
        raise AttributeError(name)
    if _full_app is None:
        _full_app = build_app()
    return _full_app


def main() -> None:
    """Entry point of the ``inspect`` console script and ``python -m qingyang_inspect``."""
    build_app(sys.argv[1:])()
