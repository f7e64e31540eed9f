"""The hot commands' parameters, for the fast path (``cli/fast.py``).

Generated from the typer definitions by ``python -m qingyang_inspect.cli.hotgen``;
do not edit. ``tests/cli/test_fast.py`` fails when a definition changed.
"""

from qingyang_inspect.cli.spec import Param

GLOBAL: tuple[Param, ...] = (
    Param("lang", "option", ("--lang",), envvar="INSPECT_LANG"),
    Param("workspace", "option", ("--workspace", "-w"), value="folder", envvar="INSPECT_WORKSPACE"),
    Param("version", "option", ("--version",), value="flag", default=False),
)
COMMANDS: dict[str, tuple[Param, ...]] = {
    "record": (
        Param("site", "option", ("--site",), required=True),
        Param("item", "option", ("--item",)),
        Param("result", "option", ("--result",), value="choice", choices=("pass", "fail", "na")),
        Param("count", "option", ("--count",), value="int"),
        Param("note", "option", ("--note",)),
        Param("location", "option", ("--location",)),
        Param("photo", "option", ("--photo",), value="file", multiple=True),
        Param("inspector_option", "option", ("--inspector",), envvar="INSPECT_INSPECTOR"),
        Param("at", "option", ("--at",)),
        Param("due", "option", ("--due",)),
        Param("on_spot", "option", ("--on-spot",), value="flag", default=False),
        Param("round_name", "option", ("--round",)),
        Param("supersedes", "option", ("--supersedes",), multiple=True),
        Param("yes", "option", ("--yes",), value="flag", default=False),
        Param("ask_time", "option", ("--ask-time",), value="flag", default=False),
    ),
    "validate": (
        Param("paths", "argument", (), value="path", multiple=True),
        Param(
            "output_format",
            "option",
            ("--format", "-f"),
            value="choice",
            choices=("text", "json", "github"),
            default="text",
        ),
        Param("strict", "option", ("--strict",), value="flag", default=False),
    ),
}
