"""What every command shares: global state, error handling, output helpers.

Standard library only: the fast path of ``inspect record`` (``cli/fast.py``)
runs commands' bodies without importing typer, so printing, failing and the
state of an invocation are plain Python here; rich, pydantic and the store are
imported inside the commands that use them.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, ParamSpec, TypeVar

from qingyang_inspect.i18n import Lang, get_language, parse_lang, set_language, t

if TYPE_CHECKING:
    import typer
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


def early_language(argv: Sequence[str]) -> Lang | None:
    """The language asked for by ``--lang`` (anywhere in ``argv``) or ``INSPECT_LANG``.

    Help texts are built when a command is defined, so the language must be
    known before the command line is parsed. ``None``: neither asks (see
    :func:`startup_language`).
    """
    from qingyang_inspect.cli.spec import lang_in

    return parse_lang(lang_in(argv)) or parse_lang(os.environ.get("INSPECT_LANG"))


def startup_language(argv: Sequence[str]) -> tuple[Lang, bool]:
    """The language of this run, and whether the command line or environment chose it.

    Else the workspace's ``language`` (found as commands find it, from ``-w``,
    ``INSPECT_WORKSPACE`` or the folders upward), so its help and usage errors
    are in the same language as everything after; else Chinese.
    """
    chosen = early_language(argv)
    if chosen is not None:
        return chosen, True
    from qingyang_inspect.cli.spec import option_in
    from qingyang_inspect.workspace import configured_language

    given = option_in(argv, ("--workspace", "-w"))
    return configured_language(Path(given) if given else None) or "zh", False


def configure_streams() -> None:
    """Output never fails on a console that cannot show a character (GBK, cp936…).

    Python writes to a redirected stream, or to a console under
    ``PYTHONIOENCODING``, in that encoding, and by default raises on a
    character it lacks; a name or note with such a character would end the
    command halfway. Unencodable characters become ``?`` instead. A closed
    stdout refuses the run before anything is done (a finding recorded but its
    id lost would invite recording it twice); a closed stderr is replaced by
    the null device.
    """
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # for the rest of the process
    if sys.stdout is None:
        fail(t("output.stdout_closed"), t("output.stdout_closed_hint"))
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")
    # Bytes typed in another encoding (the interactive walk) arrive as they do in
    # arguments, as lone surrogates, and are refused with a message, not a traceback.
    if isinstance(sys.stdin, io.TextIOWrapper) and sys.stdin.errors == "strict":
        sys.stdin.reconfigure(errors="surrogateescape")


def undecodable_input(argv: Sequence[str]) -> tuple[str, str] | None:
    """``(message, hint)`` for the first argument or ``INSPECT_*`` variable that is not text.

    Bytes that are not valid in the system's encoding (a note typed in GBK on a
    UTF-8 system, a photo whose file name came from an old camera) reach Python
    as lone surrogates, which can be neither stored nor shown. The message names
    the option or variable and shows the bytes. ``None`` when all is text.
    """
    from qingyang_inspect.text import undecodable

    encoding = sys.getfilesystemencoding()
    for n, arg in enumerate(argv):
        if not undecodable(arg) and "\x00" not in arg:  # (NUL: only from a program, not a shell)
            continue
        name, eq, value = arg.partition("=")
        if not (arg.startswith("--") and eq):
            name, value = (argv[n - 1] if n and argv[n - 1].startswith("-") else ""), arg
        if "\x00" in value:
            message = t("cli.nul_argument", option=name or _bytes_shown(value))
            return message, t("cli.nul_hint")
        if name:
            message = t("cli.undecodable_option", option=name, value=_bytes_shown(value))
        else:
            message = t("cli.undecodable_argument", value=_bytes_shown(value))
        return message, t("cli.undecodable_hint", encoding=encoding)
    for name, value in sorted(os.environ.items()):
        if name.startswith("INSPECT_") and undecodable(value):
            message = t("cli.undecodable_env", name=name, value=_bytes_shown(value))
            return message, t("cli.undecodable_hint", encoding=encoding)
    return None


def _bytes_shown(text: str) -> str:
    """``text`` with the bytes that are not text written as ``\\xff``."""
    encoding = sys.getfilesystemencoding()
    try:
        raw = text.encode(encoding, "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no byte makes (only a caller in Python passes one)
        return text.encode(encoding, "backslashreplace").decode(encoding)
    return raw.decode(encoding, "backslashreplace")


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
            ignore_interrupts()
            echo("", err=True)
            raise SystemExit(130) from None
        except BrokenPipeError:
            from qingyang_inspect.render.output import discard_stdout

            discard_stdout()
            raise SystemExit(EXIT_CLOSED_PIPE) from None

    return wrapper


def ignore_interrupts() -> None:
    """Ignore Ctrl-C from now on: the command is already ending because of one.

    A second Ctrl-C, pressed while the first one's message is printed, would
    otherwise interrupt that message (or Python's own shutdown) with a traceback.
    """
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def echo(text: str = "", *, err: bool = False) -> None:
    """A line on stdout (or stderr), flushed at once (scripts read ids as they come).

    Messages quote what users typed and names from their files: control
    characters are shown, never obeyed by the terminal (:func:`safe_text`).
    """
    from qingyang_inspect.render.safe import safe_text

    stream = sys.stderr if err else sys.stdout
    try:
        stream.write(safe_text(text, "terminal") + "\n")
        stream.flush()
    except BrokenPipeError:
        if not err:
            raise
    except OSError as exc:
        if not err:  # (a failing stderr leaves no one to tell)
            from qingyang_inspect.render.output import stdout_failed

            raise stdout_failed(exc) from None


def fail(message: str, hint: str | None = None, code: int = EXIT_USAGE) -> NoReturn:
    """Print ``错误: message`` (and ``提示: hint``) to stderr and exit with ``code``."""
    print_error(message, hint)
    raise SystemExit(code)


def print_error(message: str, hint: str | None = None) -> None:
    """Print ``错误: message`` (and ``提示: hint``) to stderr.

    The one place these words are printed; typer's own errors use the same
    labels (``framework.show_error``).
    """
    from qingyang_inspect.cli.layout import labelled

    echo(labelled(t("label.error"), message), err=True)
    if hint:
        echo(labelled(t("label.hint"), hint), err=True)


def console(*, stderr: bool = False) -> Console:
    """The terminal renderer's rich console (``COLUMNS``, no markup surprises, closed pipes)."""
    from qingyang_inspect.render.table import console as make

    return make(stderr=stderr)


def lang_now() -> Lang:
    """The language in force (re-exported for command modules)."""
    return get_language()
