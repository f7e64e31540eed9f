"""Commands' parameters as plain data, and the words users read and type for them.

A :class:`Param` is what the CLI needs to know about one option or argument to
print its help, accept its values in either language and explain a mistake.
It is described from the typer definition (``framework.describe``), and for
the hot commands also written out in ``cli/hot.py`` so they can be parsed
without importing typer (``cli/fast.py``). Standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, NamedTuple

from qingyang_inspect.findings.words import RESULT_LABEL_KEYS, parse_result
from qingyang_inspect.i18n import LANGS, parse_lang, t, translate
from qingyang_inspect.views.labels import (
    LEVEL_KEYS,
    METHOD_KEYS,
    ROUND_KIND_KEYS,
    STATUS_KEYS,
)

Kind = Literal["option", "argument"]
#: What a value is: ``flag`` takes none; ``choice`` one of :attr:`Param.choices`.
Value = Literal["flag", "text", "int", "float", "path", "file", "folder", "choice"]
LANG_OPTION = "--lang"


class Param(NamedTuple):
    """One option or argument of a command.

    (A named tuple, not a dataclass: it is defined on every start-up, ``inspect
    record`` included, and a named tuple costs a tenth of the time to define.)
    """

    name: str
    kind: Kind
    opts: tuple[str, ...]
    value: Value = "text"
    choices: tuple[str, ...] = ()
    multiple: bool = False
    required: bool = False
    default: object = None
    minimum: float | None = None
    envvar: str | None = None
    help: str = ""
    hidden: bool = False

    @property
    def takes_value(self) -> bool:
        """Whether the option reads the next word (or ``=value``) as its value."""
        return self.value != "flag"

    @property
    def long(self) -> str:
        """The long option (``--site``), or the name for an argument."""
        return next((o for o in self.opts if o.startswith("--")), self.opts[0] if self.opts else "")


# -- metavars: what a value is, as a word ----------------------------------------

#: Option → message key of its metavar. Written out so grep finds every key.
OPTION_METAVARS: Mapping[str, str] = {
    "--site": "metavar.site",
    "--item": "metavar.item",
    "--round": "metavar.round",
    "--result": "metavar.result",
    "--count": "metavar.count",
    "--max-photos": "metavar.count",
    "--note": "metavar.text",
    "--reason": "metavar.text",
    "--location": "metavar.place",
    "--photo": "metavar.file",
    "--inspector": "metavar.person",
    "--by": "metavar.person",
    "--at": "metavar.time",
    "--due": "metavar.date",
    "--date": "metavar.date",
    "--as-of": "metavar.date",
    "--kind": "metavar.kind",
    "--format": "metavar.format",
    "--output": "metavar.path",
    "--workspace": "metavar.folder",
    "--standards": "metavar.folder",
    "--sites": "metavar.folder",
    "--unit": "metavar.unit",
    "--street": "metavar.street",
    "--status": "metavar.status",
    "--level": "metavar.level",
    "--site-type": "metavar.site_type",
    "--category": "metavar.category",
    "--district": "metavar.district",
    "--name": "metavar.name",
    "--language": "metavar.lang",
    "--lang": "metavar.lang",
}
#: Argument (parameter name) → message key of its metavar.
ARGUMENT_METAVARS: Mapping[str, str] = {
    "directory": "metavar.folder",
    "finding_id": "metavar.finding",
    "name": "metavar.round",
    "paths": "metavar.path",
    "item_id": "metavar.item",
    "site_id": "metavar.site",
}
#: What kind of value → message key of its metavar, when neither table names it.
VALUE_METAVARS: Mapping[str, str] = {
    "text": "metavar.text",
    "int": "metavar.count",
    "float": "metavar.number",
    "path": "metavar.path",
    "file": "metavar.file",
    "folder": "metavar.folder",
    "choice": "metavar.choice",
}


def metavar(param: Param) -> str:
    """The word shown for ``param``'s value: 点位, 日期, 文件… (SITE, DATE, FILE…)."""
    if param.kind == "argument":
        key = ARGUMENT_METAVARS.get(param.name) or VALUE_METAVARS[param.value]
    else:
        key = OPTION_METAVARS.get(param.long) or VALUE_METAVARS.get(param.value, "metavar.text")
        if param.value == "choice" and key == "metavar.person":
            # rectify's --by names a person; report progress's --by picks a grouping
            key = VALUE_METAVARS["choice"]
    return t(key)


# -- values: codes and the labels users may type instead ------------------------

#: Option → the codes it takes and their labels' message keys (the README shows them).
RESULT_OPTION = "--result"
VALUE_LABELS: Mapping[str, Mapping[str, str]] = {
    RESULT_OPTION: RESULT_LABEL_KEYS,
    "--status": STATUS_KEYS,
    "--kind": ROUND_KIND_KEYS,
    "--level": LEVEL_KEYS,
    "--method": METHOD_KEYS,
}


def codes(param: Param) -> tuple[str, ...]:
    """The codes ``param`` accepts (its choices, or the codes of its labels)."""
    return param.choices or tuple(VALUE_LABELS.get(param.long, {}))


def normalize_value(param: Param, value: str) -> str:
    """A label typed for a code (``督导``, ``不符合``, ``Supervision``) as its code.

    Codes and anything unknown pass unchanged, for the command to accept or
    refuse; labels are matched in both languages, ignoring case and spaces. A
    result takes every word the field writes for it (``合格``), as the walk does.
    """
    if param.long == RESULT_OPTION:
        return parse_result(value) or value
    labels = VALUE_LABELS.get(param.long)
    if labels is None or value in labels:
        return value
    wanted = _fold(value)
    for code, key in labels.items():
        if any(_fold(translate(lang, key)) == wanted for lang in LANGS) or _fold(code) == wanted:
            return code
    return value


def _fold(text: str) -> str:
    return "".join(text.split()).casefold()


def choices_text(param: Param) -> str:
    """``pass（符合）、fail（不符合）…`` — the codes with their labels, for help and errors."""
    labels = VALUE_LABELS.get(param.long, {})
    shown = []
    for code in codes(param):
        label = t(labels[code]) if code in labels else code
        same = _fold(label) == _fold(code)
        shown.append(code if same else t("cli.choice_with_label", code=code, label=label))
    return t("cli.list_separator").join(shown)


# -- --lang anywhere --------------------------------------------------------------


def lang_in(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang`` in ``args`` (anywhere on the line), if any."""
    return option_in(args, (LANG_OPTION,))


def option_in(args: Sequence[str], names: Sequence[str]) -> str | None:
    """The value of the last of the options ``names`` in ``args``, read before parsing."""
    found = None
    items = list(args)
    for n, arg in enumerate(items):
        if arg == "--":
            break
        if arg in names and n + 1 < len(items):
            found = items[n + 1]
        elif arg.startswith("--") and arg.partition("=")[0] in names:
            found = arg.partition("=")[2]
    return found


def positionals(params: Sequence[Param], args: Sequence[str]) -> list[str]:
    """The words of ``args`` that are neither options nor their values: the arguments."""
    by_opt = {opt: p for p in params if p.kind == "option" for opt in p.opts}
    found: list[str] = []
    items = iter(args)
    for arg in items:
        if arg == "--":
            found += items
        elif not arg.startswith("-") or arg == "-":
            found.append(arg)
        elif arg == LANG_OPTION or (arg in by_opt and by_opt[arg].takes_value):
            next(items, None)
    return found


def prepare_args(params: Sequence[Param], args: Sequence[str]) -> list[str]:
    """``args`` with labels turned into codes and ``--lang X`` taken out.

    ``--lang`` is read before anything is parsed (help texts depend on it), so
    it may stand after a command too; its value is checked there
    (:func:`lang_in`). A word that is the value of the option before it is
    never taken for an option.
    """
    return _prepared(params, args)[0]


def repeated(params: Sequence[Param], args: Sequence[str]) -> tuple[str, list[str]] | None:
    """The first option taking one value that ``args`` give different values, and those values.

    A parser would keep the last one silently: ``--site A --site B`` would
    record at B only, ``--count 2 --count 3`` three occurrences. The same value
    twice, or a label and its code (不符合, fail), says one thing.
    """
    for option, values in _prepared(params, args)[1].items():
        if len({code for _typed, code in values}) > 1:
            return option, [typed for typed, _code in values]
    return None


def _prepared(
    params: Sequence[Param], args: Sequence[str]
) -> tuple[list[str], dict[str, list[tuple[str, str]]]]:
    """:func:`prepare_args`'s words, and the values (as typed, as codes) given to each
    option that takes one value, by its long name, in the order given."""
    by_opt = {opt: p for p in params if p.kind == "option" for opt in p.opts}
    out: list[str] = []
    given: dict[str, list[tuple[str, str]]] = {}
    items = list(args)
    n = 0
    while n < len(items):
        arg = items[n]
        n += 1
        if arg == "--":
            out += items[n - 1 :]
            break
        if arg == LANG_OPTION and LANG_OPTION not in by_opt:
            n += 1
            continue
        if arg.startswith(LANG_OPTION + "=") and LANG_OPTION not in by_opt:
            continue
        name, eq, attached = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        param = by_opt.get(name)
        if param is None or not param.takes_value:
            out.append(arg)
            continue
        if eq:
            code = normalize_value(param, attached)
            out.append(f"{name}={code}")
        else:
            out.append(arg)
            if n >= len(items):
                continue
            attached = items[n]
            code = normalize_value(param, attached)
            out.append(code)
            n += 1
        if not param.multiple:
            given.setdefault(param.long, []).append((attached, code))
    return out, given


def check_lang(value: str | None) -> str | None:
    """``None`` when ``value`` names a supported language (or is absent), else the error."""
    if value is None or parse_lang(value) is not None:
        return None
    return t("opt.lang_bad", value=value)
