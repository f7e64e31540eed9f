"""Under ``--lang en`` no listing or show command prints Chinese where English exists.

Chinese may remain only where nothing English exists to show instead: the
values of YAML fields that have no ``<field>_en`` gloss (site names, streets,
units, the standard's title, an item's counting rule…), glossed fields whose
gloss is left empty, and what users typed (round names, inspectors, notes).
The test derives that list from the files' models and the texts it records,
removes those strings from the output, and fails on any CJK character left —
a category printed as 公益宣传 although it has ``name_en: Public-service ads``,
a label missing from the message catalog, Chinese punctuation between English
words.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.core
import typer.main
from typer.testing import CliRunner, Result

from campaign import ROUND, TYPED, record_campaign
from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Model
from qingyang_inspect.workspace import load_workspace

REPO = Path(__file__).resolve().parents[2]

#: Han ideographs, CJK punctuation and full-width forms (，；：（）…).
CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)


def untranslated(catalog: Catalog) -> set[str]:
    """Text of the files that has no English counterpart (may be shown in Chinese)."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, Model):
            fields = [f.name for f in dataclasses.fields(value)]  # type: ignore[arg-type]
            for name in fields:
                if name.endswith("_en"):
                    continue
                if f"{name}_en" in fields and getattr(value, f"{name}_en"):
                    continue  # glossed: English must be shown instead
                walk(getattr(value, name))
        elif isinstance(value, str):
            found.add(value)
        elif isinstance(value, tuple | list):
            for element in value:
                walk(element)
        elif isinstance(value, dict):
            for element in value.values():
                walk(element)

    walk(catalog.standard)
    for mapping in (catalog.site_types, catalog.categories, catalog.items, catalog.sites):
        for model in mapping.values():
            walk(model)
    return found


def chinese_left(text: str, allowed: set[str]) -> list[str]:
    """Lines of ``text`` with CJK characters once every allowed string is taken out."""
    for value in sorted(allowed, key=len, reverse=True):
        text = text.replace(value, "")
    # A name or note cut short with an ellipsis (a reminder's line) is still that text.
    for value in sorted(allowed, key=len, reverse=True):
        for end in range(len(value) - 1, 0, -1):
            text = text.replace(value[:end] + "…", "")
    return [line.strip() for line in text.splitlines() if CJK.search(line)]


def test_the_check_finds_a_chinese_category_and_spares_site_names() -> None:
    allowed = {"测试农贸市场"}
    assert chinese_left("M1   测试农贸市场   Environment", allowed) == []
    assert chinese_left("CM-EN-01   环境卫生   6", allowed) == ["CM-EN-01   环境卫生   6"]
    assert chinese_left("met ≥ 90%，basically met", allowed) == ["met ≥ 90%，basically met"]


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The campaign's workspace and the ids of its findings."""
    ws = tmp_path_factory.mktemp("english") / "ws"
    return ws, record_campaign(ws)


def typer_app() -> Any:
    from qingyang_inspect.cli.app import app

    return app


#: Every listing and show command, with the arguments that reach each of its outputs;
#: ``*items``, ``*sites`` and ``*findings`` run a show command for every id of the kind;
#: ``@name`` is a file of that name beside the workspace.
COMMANDS: dict[str, list[tuple[str, ...]]] = {
    "standards list": [(), ("-t", "market", "-c", "environment")],
    "standards show": [(), ("*items",)],
    "sites list": [(), ("--level", "city")],
    "sites show": [("*sites",)],
    "round list": [()],
    "findings list": [(), ("--voided", "--as-of", "2026-08-01")],
    "findings show": [("*findings",)],
    "report rectification": [("-f", "table", "--as-of", "2026-08-01")],
    "report acceptance": [
        ("-f", "table", "--round", ROUND, "--as-of", "2026-08-01"),
        ("-f", "table", "--round", ROUND, "--site", "M1"),
    ],
    "report reminders": [
        ("--as-of", "2026-06-05"),
        ("--as-of", "2026-06-02", "--due-within", "0", "-f", "table"),
    ],
    "report progress": [
        ("--since", "2026-06-01", "--until", "2026-08-01"),
        ("--by", "site-type", "--round", ROUND),
        ("--by", "site", "--until", "2026-06-01"),
    ],
    "report bulletin": [
        ("--since", "2026-06-01", "--until", "2026-08-01", "-o", "@bulletin.docx", "--force"),
    ],
    "validate": [()],
}


def listing_commands() -> set[str]:
    """Every ``list`` and ``show`` command of the app, and every report."""
    root = typer.main.get_command(typer_app())
    assert isinstance(root, typer.core.TyperGroup)
    found = set()
    for name, command in root.commands.items():
        if isinstance(command, typer.core.TyperGroup):
            for sub in command.commands:
                if sub in ("list", "show") or name == "report":
                    found.add(f"{name} {sub}")
    return found


def test_every_listing_command_is_checked() -> None:
    missing = listing_commands() - set(COMMANDS)
    assert not missing, f"add these commands to COMMANDS: {sorted(missing)}"


def invocations(
    command: str, args: tuple[str, ...], catalog: Catalog, ids: dict[str, str]
) -> Iterator[list[str]]:
    expand = {
        "*items": list(catalog.items),
        "*sites": list(catalog.sites),
        "*findings": list(ids.values()),
    }
    if args and args[0] in expand:
        for value in expand[args[0]]:
            yield [*command.split(), value, *args[1:]]
    else:
        yield [*command.split(), *args]


def english_run(runner: CliRunner, ws: Path, argv: list[str]) -> Result:
    # Wide enough that no cell is folded across lines (a folded name would not be found).
    return runner.invoke(
        typer_app(), ["--lang", "en", "-w", str(ws), *argv], env={"COLUMNS": "1000"}
    )


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_english_output_shows_english_wherever_it_exists(
    command: str, english: tuple[Path, dict[str, str]]
) -> None:
    ws, ids = english
    catalog = load_workspace_catalog(load_workspace(ws))
    # the workspace's district is data, like site names (it titles the report forms)
    allowed = untranslated(catalog) | set(TYPED) | {load_workspace(ws).district}
    runner = CliRunner()
    for args in COMMANDS[command]:
        for given in invocations(command, args, catalog, ids):
            argv = [str(ws.parent / a[1:]) if a.startswith("@") else a for a in given]
            result = english_run(runner, ws, argv)
            assert result.exit_code == 0, (argv, result.output)
            assert (result.stdout + result.stderr).strip(), argv
            left = chinese_left(result.stdout + result.stderr, allowed)
            assert left == [], (argv, left)


@pytest.mark.parametrize(
    "argv",
    [
        ["standards", "list"],
        ["standards", "show"],
        ["sites", "list"],
        ["sites", "show", "QY-C-03"],
        ["sites", "show", "QY-D-001"],
        ["standards", "show", "XX-02-02"],
        ["standards", "show", "NM-01-02"],
    ],
    ids=" ".join,
)
def test_bundled_catalog_in_english(argv: list[str]) -> None:
    catalog = load_workspace_catalog(load_workspace(REPO))
    result = english_run(CliRunner(), REPO, argv)
    assert result.exit_code == 0, result.output
    assert chinese_left(result.stdout + result.stderr, untranslated(catalog)) == []


def test_bundled_items_all_in_english() -> None:
    """Every item of the bundled standard, shown in English."""
    catalog = load_workspace_catalog(load_workspace(REPO))
    allowed = untranslated(catalog)
    runner = CliRunner()
    for item in catalog.items:
        result = english_run(runner, REPO, ["standards", "show", item])
        assert result.exit_code == 0, result.output
        assert chinese_left(result.stdout, allowed) == [], item
