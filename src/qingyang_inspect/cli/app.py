"""The ``inspect`` command: a typer app whose commands are loaded from one registry.

:data:`COMMANDS` names every top-level command, the module that defines it and
what it may import. The root group loads a command's module only when that
command is invoked (click's lazy-group pattern), so ``inspect record`` never
builds the other commands, and ``inspect --help`` lists them from the registry
without importing any. The language is chosen before anything is built
(``--lang`` anywhere on the line, else ``INSPECT_LANG``): help texts are
rendered when a command is defined.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer

from qingyang_inspect import __version__
from qingyang_inspect.cli.common import (
    EXIT_USAGE,
    State,
    print_error,
    startup_language,
    state,
    undecodable_input,
)
from qingyang_inspect.cli.framework import InspectGroup, adopt, guarded, refresh_help
from qingyang_inspect.cli.spec import check_lang, lang_in
from qingyang_inspect.i18n import set_language, t

# typer builds a pydantic TypeAdapter per option, and pydantic then scans every
# installed package's entry points for plugins (~10 ms a run). The tool uses none.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


@dataclass(frozen=True)
class Entry:
    """A top-level command in the registry: where it is defined and what it may import.

    ``help`` is the message key of the command's help (the module's ``register``
    uses the same key); ``inspect --help`` lists it without importing the module.
    ``may_load`` is the start-up rule, checked in real processes by
    ``tests/cli/test_imports.py``: building the CLI and ``--help`` import only
    typer and the standard library; a command, when it runs, may import these
    heavy libraries (top-level package names) and no other.
    """

    module: str
    help: str
    may_load: frozenset[str] = frozenset()


def _entry(module: str, help_key: str, *may_load: str) -> Entry:
    return Entry(module, help_key, frozenset(may_load))


# typer 0.29 builds a pydantic TypeAdapter per option of the invoked command, so
# every command that parses options loads pydantic; the catalog models need it too.
_TYPER = "pydantic"
# A store on a server (``postgresql://``) needs its driver: loaded only then.
_SERVER = "psycopg"
# Working days (due dates, overdue within N working days) come from the holiday calendar.
_CALENDAR = "chinese_calendar"

#: The command registry: each top-level command, the module of ``qingyang_inspect.cli``
#: whose ``register(app)`` adds it, its help and the libraries it may load; ``--help``
#: lists the commands in this order.
COMMANDS: dict[str, Entry] = {
    "validate": _entry("validate", "validate.help", _TYPER, "yaml"),
    "schema": _entry("schema", "schema.help", _TYPER),
    "init": _entry("init", "init.help", _TYPER, "yaml", "sqlite3", _SERVER),
    # With --item, the fast path (cli/fast.py): SQLite only, Pillow with --photo;
    # typer, pydantic and rich for the interactive walk; chinese_calendar for a due date.
    "record": _entry("record", "record.help", _TYPER, "sqlite3", _SERVER, "rich", "PIL", _CALENDAR),
    "rectify": _entry("lifecycle", "lifecycle.rectify_help", _TYPER, "sqlite3", _SERVER, "PIL"),
    "recheck": _entry("lifecycle", "lifecycle.recheck_help", _TYPER, "sqlite3", _SERVER),
    "standards": _entry("browse", "standards.help", _TYPER, "rich"),
    "sites": _entry("browse", "sites.help", _TYPER, "rich"),
    "round": _entry("rounds", "round.help", _TYPER, "sqlite3", _SERVER, "rich"),
    "findings": _entry("findings", "findings.help", _TYPER, "sqlite3", _SERVER, "rich", _CALENDAR),
    "export-findings": _entry("exchange", "export.help", _TYPER, "sqlite3", _SERVER),
    "merge": _entry("exchange", "merge.help", _TYPER, "sqlite3", _SERVER, "rich"),
    "report": _entry(
        "report",
        "report.help",
        _TYPER,
        *("sqlite3", _SERVER, "rich", "xlsxwriter", "PIL", _CALENDAR),
        # python-docx (with lxml) only for the bulletin, a Word document.
        *("docx", "lxml"),
    ),
    # rich: the workbook layer breaks lines by display width with rich.cells.
    "checklist": _entry(
        "checklist", "checklist.help", _TYPER, "sqlite3", _SERVER, "xlsxwriter", "rich"
    ),
    # openpyxl parses with lxml when it is installed.
    "import": _entry(
        "importing",
        "import.help",
        _TYPER,
        *("sqlite3", _SERVER, "openpyxl", "lxml", "PIL", "rich", _CALENDAR),
    ),
    "store": _entry("storecmd", "storecmd.help", _TYPER, "sqlite3", _SERVER),
}


def load_command(name: str) -> Any:
    """The click command ``name`` as typer builds it from its module's ``register``."""
    holder = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False)
    holder.callback()(_no_options)
    module = importlib.import_module(f"qingyang_inspect.cli.{COMMANDS[name].module}")
    module.register(holder)
    return typer.main.get_command(adopt(holder)).commands[name]  # type: ignore[attr-defined]


def _no_options() -> None:
    """(The holder group of :func:`load_command` is never invoked.)"""


class LazyCommands(MutableMapping[str, Any]):
    """The registry's commands, each built on first access."""

    def __init__(self) -> None:
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            self._built[name] = load_command(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        raise KeyError(name)  # the registry is fixed

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


#: The variable through which a shell asks ``inspect`` for completions (typer's protocol).
COMPLETE_VAR = "_INSPECT_COMPLETE"


class RootGroup(InspectGroup):
    """``inspect``: commands from the registry, the language chosen first, errors worded."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands()

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def subcommands(self, ctx: Any) -> list[tuple[str, str]]:
        return [(name, t(entry.help)) for name, entry in COMMANDS.items()]

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        args = sys.argv[1:] if args is None else list(args)
        if COMPLETE_VAR in os.environ:  # the shell asks for completions (README, "Completion")
            from typer.completion import get_completion_inspect_parameters

            # typer registers its bash/zsh/fish/PowerShell classes when it describes its
            # completion options; the app has none (add_completion=False), so ask here.
            get_completion_inspect_parameters()
        lang, explicit = startup_language(args)
        set_language(lang)
        self.help = t("app.help")
        refresh_help(self)
        problem = check_lang(lang_in(args))
        undecodable = undecodable_input(args)
        if problem is not None:
            print_error(problem)
            code = EXIT_USAGE
        elif undecodable is not None:
            print_error(*undecodable)
            code = EXIT_USAGE
        else:
            extra.setdefault("obj", State(lang_explicit=explicit))
            complete_var = complete_var or COMPLETE_VAR
            run = partial(super().main, args, prog_name or "inspect", complete_var, False, **extra)
            code = guarded(run, args)
        if standalone_mode:
            sys.exit(code)
        return code


def _version(value: bool) -> None:
    if value:
        typer.echo(f"qingyang-inspect {__version__}")
        raise typer.Exit()


def main_callback(
    ctx: typer.Context,
    lang: Annotated[
        str | None,
        typer.Option("--lang", envvar="INSPECT_LANG", help=t("opt.lang"), show_default=False),
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
    """Global options: language (read before parsing, see ``RootGroup.main``) and workspace."""
    state(ctx).workspace = workspace
    if ctx.invoked_subcommand is None:
        ctx.fail(t("cli.missing_command"))


def build_app() -> typer.Typer:
    """The ``inspect`` app (commands are loaded from :data:`COMMANDS` when invoked)."""
    built = typer.Typer(
        cls=RootGroup,
        name="inspect",
        help=t("app.help"),
        no_args_is_help=True,
        invoke_without_command=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(main_callback)
    return built


#: The app, for tests and documentation (``typer.main.get_command(app)``).
app = build_app()
