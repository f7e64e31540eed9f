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


#: The command group modules (in ``qingyang_inspect.cli``), in the order ``--help`` lists them.
MODULES: tuple[str, ...] = (
    "validate",
    "schema",
    "init",
    "record",
    "lifecycle",
    "browse",
    "rounds",
    "findings",
    "report",
)
#: Top-level command name → the module that registers it.
COMMANDS: dict[str, str] = {
    "validate": "validate",
    "schema": "schema",
    "init": "init",
    "record": "record",
    "rectify": "lifecycle",
    "recheck": "lifecycle",
    "standards": "browse",
    "sites": "browse",
    "round": "rounds",
    "findings": "findings",
    "report": "report",
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
    only = COMMANDS.get(command) if command is not None else None
    for name in (only,) if only is not None else MODULES:
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
