"""typer, speaking the user's language: help, usage and every parse error from the catalog.

typer (and the click it vendors) prints ``Usage:``, ``Options:`` and its errors
in English and lays help out by counting characters. Rather than patch it, the
app uses typer's public extension points: its command and group classes
(``cls=``) are subclassed here to

* print help and usage from :mod:`qingyang_inspect.cli.layout` (display-width
  wrapping, metavars as words, headings from the catalog);
* take ``--lang`` anywhere and turn labels into codes (``--kind 督导``) before
  parsing (:func:`qingyang_inspect.cli.spec.prepare_args`);
* raise their own errors (unknown command, extra arguments) in the catalog's
  words, while :func:`show_error` words typer's own errors from their public
  attributes (the option, the parameter, the possibilities).

What each parameter is comes from the command's typer definition itself: the
annotations of its callback (:func:`describe`). Commands report their own
mistakes as :class:`~qingyang_inspect.errors.InspectError` (``fail``), never as
typer's ``BadParameter``, whose message is reworded here from its parameter.
"""

from __future__ import annotations

import enum
import inspect
import sys
import typing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from difflib import get_close_matches
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import ArgumentInfo, OptionInfo, ParameterInfo

from qingyang_inspect.cli import layout
from qingyang_inspect.cli.common import EXIT_CLOSED_PIPE, echo, print_error
from qingyang_inspect.cli.spec import (
    Param,
    Value,
    choices_text,
    codes,
    metavar,
    positionals,
    prepare_args,
    repeated,
)
from qingyang_inspect.errors import InspectError
from qingyang_inspect.i18n import t

#: click's base error class, reached through typer's public ``BadParameter``.
ClickException: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)
HELP_NAMES = ("-h", "--help")
#: ``ctx.meta`` key of the words given to the command being parsed.
WORDS = "qingyang_inspect.words"


# -- what the parameters are, from the typer definition -------------------------


def describe(command: Any) -> tuple[Param, ...]:
    """The parameters of a click command built by typer, help option last."""
    hints = _hints(command.callback)
    found = [_param(p, hints.get(p.name or "")) for p in command.params]
    if command.add_help_option:
        found.append(Param("help", "option", HELP_NAMES, "flag", help=t("cli.help_option")))
    return tuple(found)


def refresh_help(command: Any) -> None:
    """Render ``command``'s option help again from its definition, in the current language.

    typer renders help texts when it builds a command; the root group is built
    before its ``main`` reads ``--lang`` from the command line.
    """
    hints = _hints(command.callback)
    for param in command.params:
        _, info = _split(hints.get(param.name or ""))
        if info is not None and info.help:
            param.help = info.help
    command.__dict__.pop("_spec", None)


def _hints(callback: Callable[..., Any] | None) -> dict[str, Any]:
    if callback is None:
        return {}
    return typing.get_type_hints(inspect.unwrap(callback), include_extras=True)


def _param(param: Any, hint: Any) -> Param:
    base, info = _split(hint)
    multiple = bool(getattr(param, "multiple", False)) or param.nargs == -1
    value, choices = _value(base, info, flag=bool(getattr(param, "is_flag", False)))
    envvar = param.envvar if isinstance(param.envvar, str) else None
    return Param(
        name=param.name or "",
        kind="argument" if param.param_type_name == "argument" else "option",
        opts=tuple(param.opts) if param.param_type_name == "option" else (),
        value=value,
        choices=choices,
        multiple=multiple,
        required=bool(param.required),
        default=param.default if not callable(param.default) else None,
        minimum=getattr(info, "min", None),
        envvar=envvar,
        help=getattr(param, "help", None) or "",
        hidden=bool(getattr(param, "hidden", False)),
    )


def _split(hint: Any) -> tuple[Any, ParameterInfo | None]:
    """``Annotated[list[Path] | None, Option(...)]`` → ``(Path, the OptionInfo)``."""
    info = None
    if typing.get_origin(hint) is typing.Annotated:
        hint, *extras = typing.get_args(hint)
        info = next((e for e in extras if isinstance(e, OptionInfo | ArgumentInfo)), None)
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if args and typing.get_origin(hint) is not list and len(args) == 1:
        hint = args[0]  # X | None
    if typing.get_origin(hint) is list:
        hint = typing.get_args(hint)[0]
    return hint, info


def _value(base: Any, info: ParameterInfo | None, *, flag: bool) -> tuple[Value, tuple[str, ...]]:
    if flag or base is bool:
        return "flag", ()
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return "choice", tuple(str(m.value) for m in base)
    if base is int:
        return "int", ()
    if base is float:
        return "float", ()
    if base is Path:
        file_ok, dir_ok = getattr(info, "file_okay", True), getattr(info, "dir_okay", True)
        return ("file" if not dir_ok else "folder" if not file_ok else "path"), ()
    return "text", ()


# -- the classes typer builds the commands with --------------------------------


class _Presented:
    """Help, usage and argument preparation shared by commands and groups."""

    help: str | None
    params: list[Any]
    add_help_option: bool
    callback: Callable[..., Any] | None

    def spec(self) -> tuple[Param, ...]:
        """This command's parameters (described once)."""
        cached: tuple[Param, ...] | None = self.__dict__.get("_spec")
        if cached is None:
            cached = self.__dict__["_spec"] = describe(self)
        return cached

    def subcommands(self, ctx: Any) -> list[tuple[str, str]]:
        """``(name, help)`` of the sub-commands (none for a command)."""
        return []

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write(
            layout.usage(ctx.command_path, self.spec(), group=bool(self.subcommands(ctx))) + "\n"
        )

    def format_help(self, ctx: Any, formatter: Any) -> None:
        page = layout.CommandHelp(
            ctx.command_path, self.help or "", self.spec(), self.subcommands(ctx)
        )
        formatter.write(layout.help_page(page) + "\n")


class InspectCommand(_Presented, TyperCommand):
    """A command: help and errors in the catalog's words, labels accepted for codes."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Extra words are collected, then refused in the catalog's words.
        ctx.allow_extra_args = True
        twice = repeated(self.spec(), args)
        if twice is not None and not ctx.resilient_parsing:
            option, values = twice
            shown = t("cli.list_separator").join(f"'{v}'" for v in values)
            ctx.fail(t("cli.option_repeated", option=option, values=shown))
        ctx.meta[WORDS] = list(args)  # to quote a refused argument back (typed_argument)
        with worded(ctx, self.spec()):
            rest = super().parse_args(ctx, prepare_args(self.spec(), args))
        if ctx.args and not ctx.resilient_parsing:
            ctx.fail(t("cli.extra_args", args=" ".join(ctx.args)))
        return rest


class InspectGroup(_Presented, TyperGroup):
    """A command group: as :class:`InspectCommand`, and unknown commands in the catalog's words."""

    def subcommands(self, ctx: Any) -> list[tuple[str, str]]:
        found = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                found.append((name, command.help or ""))
        return found

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        with worded(ctx, self.spec()):
            return super().parse_args(ctx, prepare_args(self.spec(), args))

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        name = args[0]
        command = self.get_command(ctx, name)
        if command is None and not ctx.resilient_parsing:
            if name.startswith("-"):
                self.parse_args(ctx, args)  # an option after the command group: click's error
            close = get_close_matches(name, self.list_commands(ctx), n=3)
            message = t("cli.no_such_command", name=name)
            if close:
                message += t("cli.did_you_mean", names=t("cli.list_separator").join(close))
            ctx.fail(message)
        return (name if command is not None else None), command, args[1:]


@contextmanager
def worded(ctx: Any, spec: Sequence[Param]) -> Iterator[None]:
    """Turn the parser's misuse of an option (raised without a context) into ours."""
    try:
        yield
    except ClickException as exc:
        if type(exc).__name__ != "BadOptionUsage":
            raise
        ctx.fail(option_misuse(spec, str(getattr(exc, "option_name", ""))))


def option_misuse(spec: Sequence[Param], name: str) -> str:
    """``选项 --site 需要一个值`` or ``选项 --on-spot 不带值``."""
    param = next((p for p in spec if name in p.opts), None)
    if param is not None and not param.takes_value:
        return t("cli.option_takes_no_value", option=name)
    return t("cli.option_needs_value", option=name)


def adopt(app: typer.Typer) -> typer.Typer:
    """Give every command and group registered on ``app`` the classes above.

    A command that asked for a class of its own (not typer's default) keeps it.
    """
    for command in app.registered_commands:
        if command.cls in (None, TyperCommand):
            command.cls = InspectCommand
    for group in app.registered_groups:
        group.cls = InspectGroup
        if group.typer_instance is not None:
            adopt(group.typer_instance)
    return app


# -- errors ------------------------------------------------------------------------


def show_error(exc: Exception, args: Sequence[str]) -> int:
    """Print a typer/click error in the catalog's words (usage, 错误, 提示); its exit code."""
    ctx = getattr(exc, "ctx", None)
    kind = type(exc).__name__
    if kind == "NoArgsIsHelpError" and ctx is not None:
        typer.echo(ctx.get_help(), err=True)
        return int(getattr(exc, "exit_code", 2))
    message = _message(exc, kind, list(args))
    if ctx is not None:
        echo(ctx.get_usage(), err=True)
    echo(layout.labelled(t("label.error"), message), err=True)  # quotes what was typed
    if ctx is not None:
        hint = t("cli.try_help", command=f"{ctx.command_path} --help")
        echo(layout.labelled(t("label.hint"), hint), err=True)
    return int(getattr(exc, "exit_code", 1))


def _message(exc: Exception, kind: str, args: list[str]) -> str:
    ctx = getattr(exc, "ctx", None)
    command = getattr(ctx, "command", None)
    spec: tuple[Param, ...] = command.spec() if isinstance(command, _Presented) else ()
    if kind == "NoSuchOption":
        name = str(getattr(exc, "option_name", ""))
        message = t("cli.no_such_option", option=name)
        possible = sorted(getattr(exc, "possibilities", None) or ())
        if possible:
            message += t("cli.did_you_mean", names=t("cli.list_separator").join(possible))
        return message
    if kind == "BadOptionUsage":
        return option_misuse(spec, str(getattr(exc, "option_name", "")))
    param = _find(spec, getattr(exc, "param", None))
    if kind == "MissingParameter" and param is not None:
        if param.kind == "argument":
            return t("cli.missing_argument", name=metavar(param))
        return t("cli.missing_option", option=param.long)
    if kind in ("BadParameter", "MissingParameter") and param is not None:
        if param.kind == "argument":
            return bad_value(param, typed_argument(ctx, spec, param))
        return bad_value(param, _given(param, args))
    if kind == "UsageError":
        return str(getattr(exc, "message", exc))
    return t("cli.invalid_usage", detail=str(getattr(exc, "message", exc)))


def _find(spec: Sequence[Param], param: Any) -> Param | None:
    name = getattr(param, "name", None)
    return next((p for p in spec if p.name == name), None) if name else None


def _given(param: Param, args: list[str]) -> str | None:
    """The value typed for ``param`` (its last occurrence), to quote it back."""
    found = None
    for n, arg in enumerate(args):
        for opt in param.opts:
            if arg == opt and n + 1 < len(args):
                found = args[n + 1]
            elif arg.startswith(opt + "="):
                found = arg.split("=", 1)[1]
    return found


def typed_argument(ctx: Any, spec: Sequence[Param], param: Param) -> str | None:
    """The word typed for the argument ``param``, to quote it back.

    The arguments take the command's positional words in order. Of an argument
    taking several words the parser does not say which one it refused: ``None``.
    """
    words = positionals(spec, ctx.meta.get(WORDS, ()))
    index = [p for p in spec if p.kind == "argument"].index(param)
    return words[index] if not param.multiple and index < len(words) else None


def bad_value(param: Param, value: str | None) -> str:
    """``--count 的值 'x' 无效：应为整数`` — what was wrong and what is expected."""
    where = param.long if param.kind == "option" else metavar(param)
    expected = expectation(param)
    if value is None:
        return t("cli.bad_value_unquoted", option=where, expected=expected)
    digits = value.strip().lstrip("+-")
    if param.value == "int" and digits.isdigit() and len(digits) > sys.get_int_max_str_digits():
        return t("cli.int_too_long", option=where, digits=len(digits))
    if len(value) > _SHOWN and param.value not in ("path", "file", "folder"):
        value = t("cli.value_cut", start=value[:_SHOWN], length=len(value))
    return t("cli.bad_value", option=where, value=value, expected=expected)


#: Longest value quoted back in full in an error message (a path is always whole).
_SHOWN = 60


def expectation(param: Param) -> str:
    """What a valid value of ``param`` is, in words."""
    if codes(param):
        return t("cli.expected_choice", choices=choices_text(param))
    if param.value == "int":
        if param.minimum is not None:
            return t("cli.expected_int_from", minimum=int(param.minimum))
        return t("cli.expected_int")
    if param.value == "float":
        return t("cli.expected_number")
    # A folder or file option refuses only the other kind (nothing requires existence).
    if param.value == "folder":
        return t("cli.expected_folder")
    if param.value == "file":
        return t("cli.expected_file")
    if param.value == "path":
        return t("cli.expected_path")
    return t("cli.expected_text")


def guarded(call: Callable[[], Any], args: Sequence[str]) -> int:
    """Run ``call`` (a click ``main`` in non-standalone mode), wording its errors; the exit code."""
    from qingyang_inspect.render.output import discard_stdout, stdout_writes

    try:
        with stdout_writes():  # help and usage printed by click itself
            result = call()
    except ClickException as exc:
        return show_error(exc, args)
    except typer.Abort:
        echo(t("cli.aborted"), err=True)
        return 1
    except BrokenPipeError:
        discard_stdout()
        return EXIT_CLOSED_PIPE
    except InspectError as exc:  # stdout could not be written
        print_error(exc.message, exc.hint)
        return exc.exit_code
    return result if isinstance(result, int) else 0
