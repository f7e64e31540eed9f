"""What every command shares: global state, error handling, output helpers.

Only typer is imported at module level: ``inspect record`` runs many times a
day, so rich, pydantic and the store are imported inside the commands that use
them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, ParamSpec, TypeVar

import typer

from qingyang_inspect.i18n import Lang, get_language, parse_lang, set_language, t

if TYPE_CHECKING:
    from rich.console import Console

    from qingyang_inspect.workspace import Workspace

P = ParamSpec("P")
R = TypeVar("R")

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
#: The reader of stdout went away (``inspect … | head -1``): 128 + SIGPIPE, as a shell reports it.
EXIT_CLOSED_PIPE = 141


class TextJson(StrEnum):
    """Output formats of the browsing commands."""

    table = "table"
    json = "json"


def early_language(argv: list[str] | None = None) -> Lang:
    """The language asked for by ``--lang`` or ``INSPECT_LANG``, before typer parses.

    Help texts are built when the app is defined, so the language must be
    known before the command line is parsed.
    """
    args = sys.argv[1:] if argv is None else argv
    for n, arg in enumerate(args):
        if arg == "--lang" and n + 1 < len(args):
            return parse_lang(args[n + 1]) or "zh"
        if arg.startswith("--lang="):
            return parse_lang(arg.split("=", 1)[1]) or "zh"
    return parse_lang(os.environ.get("INSPECT_LANG")) or "zh"


@dataclass
class State:
    """Options of the top-level callback, shared with every command."""

    workspace: Path | None = None
    lang_explicit: bool = False
    _workspace: Workspace | None = None

    def load_workspace(self) -> Workspace:
        """The workspace for this run (found once), applying its language if none was set."""
        if self._workspace is None:
            from qingyang_inspect.workspace import resolve_workspace

            self._workspace = resolve_workspace(self.workspace)
            if not self.lang_explicit:
                set_language(self._workspace.language)
        return self._workspace


def state(ctx: typer.Context) -> State:
    """The :class:`State` of this invocation (a fresh one when called outside the app)."""
    obj = ctx.find_root().obj
    if not isinstance(obj, State):
        obj = State()
        ctx.find_root().obj = obj
    return obj


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn :class:`InspectError` into a message on stderr and its exit code.

    A closed pipe on stdout ends the command quietly with :data:`EXIT_CLOSED_PIPE`.
    """

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from qingyang_inspect.errors import InspectError

        try:
            return func(*args, **kwargs)
        except InspectError as exc:
            fail(exc.message, exc.hint, exc.exit_code)
        except KeyboardInterrupt:
            typer.echo("", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            from qingyang_inspect.render.output import discard_stdout

            discard_stdout()
            raise typer.Exit(EXIT_CLOSED_PIPE) from None

    return wrapper


def fail(message: str, hint: str | None = None, code: int = EXIT_USAGE) -> NoReturn:
    """Print ``错误: message`` (and a hint) to stderr and exit with ``code``."""
    typer.echo(f"{t('label.error')}: {message}", err=True)
    if hint:
        typer.echo(f"{t('label.hint')}: {hint}", err=True)
    raise typer.Exit(code)


def console(*, stderr: bool = False) -> Console:
    """The terminal renderer's rich console (``COLUMNS``, no markup surprises, closed pipes)."""
    from qingyang_inspect.render.table import console as make

    return make(stderr=stderr)


def lang_now() -> Lang:
    """The language in force (re-exported for command modules)."""
    return get_language()
