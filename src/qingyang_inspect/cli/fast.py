"""The hot commands without typer: ``inspect record`` and ``inspect validate``.

Inspectors run ``inspect record`` dozens of times a day, and most of its time
went to importing typer and pydantic and building an adapter per option, to
parse a dozen strings; ``inspect validate`` runs on every push and after every
edit, and would import them only to parse three parameters. Here the options
of the hot commands are parsed from :mod:`qingyang_inspect.cli.hot` — generated
from the very typer definitions (``python -m qingyang_inspect.cli.hotgen``; a
test fails when it is stale) — and the command's body runs directly.

Only a plain, valid command line takes this path. Anything else — ``--help``,
an unknown or repeated option, a value that does not convert, a missing
required option, the interactive walk — returns ``None`` and typer handles
it, so help, the walk and every error message stay typer's (in the catalog's
words). Standard library only.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from qingyang_inspect.cli.common import State, handle_errors
from qingyang_inspect.cli.spec import Param, check_lang, lang_in, prepare_args


class Body(NamedTuple):
    """What runs a hot command: ``module:function``, and what the fast path needs given."""

    target: str
    #: Options without which the command does something else (``record`` walks the site).
    requires: tuple[str, ...] = ()

    def function(self) -> Callable[..., None]:
        module, _, name = self.target.partition(":")
        found: Callable[..., None] = getattr(importlib.import_module(module), name)
        return found


#: The hot commands and their bodies (typer-free, same keyword arguments as the command).
BODIES: dict[str, Body] = {
    "record": Body("qingyang_inspect.cli.record_run:record_one", requires=("item",)),
    "validate": Body("qingyang_inspect.cli.validate_run:validate_files"),
}
_INT = re.compile(r"[+-]?[0-9]+")
_MAX_DIGITS = 100


def run(argv: Sequence[str], *, lang_explicit: bool) -> int | None:
    """Run ``argv`` on the fast path; its exit code, or ``None`` to leave it to typer.

    The language is already chosen (``lang_explicit``: by ``--lang`` or
    ``INSPECT_LANG``, so the workspace's does not apply).
    """
    from qingyang_inspect.cli import hot

    if check_lang(lang_in(argv)) is not None:
        return None  # typer words the error
    args = prepare_args(hot.GLOBAL, argv)
    parsed = parse(hot.GLOBAL, args, stop_at_command=True)
    if parsed is None or parsed.command not in BODIES or parsed.command not in hot.COMMANDS:
        return None
    if parsed.values.get("version"):
        return None
    body = BODIES[parsed.command]
    params = hot.COMMANDS[parsed.command]
    command = parse(params, prepare_args(params, parsed.rest))
    if command is None or any(command.values.get(n) is None for n in body.requires):
        return None
    state = State(workspace=parsed.values.get("workspace"), lang_explicit=lang_explicit)
    return invoke(body, state, command.values)


class Parsed(NamedTuple):
    """Values by parameter name; the command named and the words after it."""

    values: dict[str, Any]
    command: str | None = None
    rest: tuple[str, ...] = ()


def parse(
    params: Sequence[Param], args: Sequence[str], *, stop_at_command: bool = False
) -> Parsed | None:
    """Options of ``params`` from ``args`` (labels already codes); ``None`` if not plain."""
    by_opt = {opt: p for p in params if p.kind == "option" for opt in p.opts}
    # (``validate``'s files and folders; any other positional argument is typer's to judge)
    listed = next((p for p in params if p.kind == "argument" and p.multiple), None)
    values: dict[str, Any] = {}
    items = list(args)
    n = 0
    while n < len(items):
        arg = items[n]
        n += 1
        if not arg.startswith("-") or arg == "-":
            if stop_at_command:
                return _finish(params, values, arg, tuple(items[n:]))
            value = convert(listed, arg) if listed is not None else None
            if listed is None or value is None:
                return None
            values.setdefault(listed.name, []).append(value)
            continue
        name, eq, attached = arg.partition("=")
        param = by_opt.get(name if arg.startswith("--") else arg)
        if param is None:
            return None  # --help, -h, --, an unknown or combined option: typer's to say
        if not param.takes_value:
            if eq or param.name in values:
                return None
            values[param.name] = True
            continue
        if eq:
            raw = attached
        elif n < len(items):
            raw = items[n]
            n += 1
        else:
            return None
        value = convert(param, raw)
        if value is None:
            return None
        if param.multiple:
            values.setdefault(param.name, []).append(value)
        elif param.name in values:
            return None  # given twice: let typer decide
        else:
            values[param.name] = value
    if stop_at_command:
        return None  # no command
    return _finish(params, values, None, ())


def _finish(
    params: Sequence[Param], values: dict[str, Any], command: str | None, rest: tuple[str, ...]
) -> Parsed | None:
    for param in params:
        if param.name in values:
            continue
        from_env = os.environ.get(param.envvar) if param.envvar else None
        if from_env and param.value == "text" and not param.multiple:
            values[param.name] = from_env
        elif param.required:
            return None
        else:
            values[param.name] = False if param.value == "flag" else param.default
    return Parsed(values, command, rest)


def convert(param: Param, raw: str) -> Any:
    """``raw`` as the parameter's type, or ``None`` when typer should judge it."""
    if param.value == "int":
        if not _INT.fullmatch(raw) or len(raw) > _MAX_DIGITS:
            return None  # (past Python's limit for turning text into a number: typer's to say)
        number = int(raw)
        return None if param.minimum is not None and number < param.minimum else number
    if param.value == "choice":
        return raw if raw in param.choices else None
    if param.value in ("path", "file", "folder"):
        return Path(raw) if raw else None
    if param.value == "text":
        return raw
    return None  # float and anything new: typer's


def invoke(body: Body, state: State, values: dict[str, Any]) -> int:
    """Run the body as typer would (same state, same error handling); its exit code."""
    try:
        handle_errors(body.function())(state, **values)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    return 0
