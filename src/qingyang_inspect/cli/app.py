"""The ``inspect`` command: a typer app with one module per command group."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qingyang_inspect import __version__
from qingyang_inspect.cli import (
    browse,
    findings,
    init,
    lifecycle,
    record,
    report,
    rounds,
    schema,
    validate,
)
from qingyang_inspect.cli.common import State, early_language
from qingyang_inspect.i18n import parse_lang, set_language, t

set_language(early_language())

app = typer.Typer(
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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"qingyang-inspect {__version__}")
        raise typer.Exit()


@app.callback()
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


validate.register(app)
browse.register(app)
schema.register(app)
init.register(app)
rounds.register(app)
record.register(app)
lifecycle.register(app)
findings.register(app)
report.register(app)


def main() -> None:
    """Entry point of the ``inspect`` console script and ``python -m qingyang_inspect``."""
    app()
