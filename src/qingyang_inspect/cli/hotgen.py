"""Write ``cli/hot.py``: the hot commands' parameters, described from their typer definitions.

Run ``python -m qingyang_inspect.cli.hotgen`` after changing an option of a
command in :data:`qingyang_inspect.cli.fast.BODIES` (or of the app's global
options); ``tests/cli/test_fast.py`` fails while the file is stale.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from qingyang_inspect.cli.spec import Param

TARGET = Path(__file__).with_name("hot.py")
HEADER = '''"""The hot commands' parameters, for the fast path (``cli/fast.py``).

Generated from the typer definitions by ``python -m qingyang_inspect.cli.hotgen``;
do not edit. ``tests/cli/test_fast.py`` fails when a definition changed.
"""

from qingyang_inspect.cli.spec import Param
'''


def plain(param: Param) -> Param:
    """``param`` without what depends on the language (help) or only matters to help.

    A choice's default is written as its value (``"text"``), which the fast path passes on.
    """
    default = param.default.value if isinstance(param.default, Enum) else param.default
    return param._replace(help="", hidden=False, default=default)


def described() -> tuple[tuple[Param, ...], dict[str, tuple[Param, ...]]]:
    """The global options and each hot command's parameters, from the typer app."""
    import typer

    from qingyang_inspect.cli.app import app
    from qingyang_inspect.cli.fast import BODIES
    from qingyang_inspect.cli.framework import describe

    root = typer.main.get_command(app)
    keep = [p for p in describe(root) if p.name != "help"]
    commands = {
        name: tuple(plain(p) for p in describe(root.commands[name]) if p.name != "help")  # type: ignore[attr-defined]
        for name in BODIES
    }
    return tuple(plain(p) for p in keep), commands


def written(param: Param) -> str:
    """``Param(...)`` with the fields that differ from their defaults."""
    fields = [f"{param.name!r}", f"{param.kind!r}", f"{param.opts!r}"]
    for name in param._fields[3:]:
        value = getattr(param, name)
        if value != Param._field_defaults[name]:
            fields.append(f"{name}={value!r}")
    return f"Param({', '.join(fields)})"


def source() -> str:
    """The text of ``hot.py``."""
    global_params, commands = described()
    lines = [HEADER, "GLOBAL: tuple[Param, ...] = ("]
    lines += [f"    {written(param)}," for param in global_params]
    lines += [")", "COMMANDS: dict[str, tuple[Param, ...]] = {"]
    for name, params in commands.items():
        lines.append(f"    {name!r}: (")
        lines += [f"        {written(param)}," for param in params]
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    TARGET.write_text(source(), encoding="utf-8")
    print(TARGET)
