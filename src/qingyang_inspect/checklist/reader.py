"""A filled checklist workbook read back: its contract, the sheet's answers, or every problem.

Cells are read with openpyxl in read-only mode (each sheet streamed once).
Pictures inserted into a photo cell are read from the file's drawing parts
(ECMA-376: sheet → drawing → picture, each a relationship) with the standard
library: openpyxl offers inserted pictures only through private attributes
of a normal load, which the project does not use. Nothing here touches the
store: :mod:`.importing` decides what the answers mean for the round.

Every problem names its place as ``file!sheet!cell``, the way a person finds
it in the spreadsheet: ``督导-QY-C-03.xlsx!QY-C-03!C14``.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from qingyang_inspect.checklist.form import (
    COL,
    COLUMNS,
    FORMAT,
    META_KEYS,
    META_SHEET,
    Contract,
    cell_name,
    cell_position,
    parse_word,
    yes_no_words,
)
from qingyang_inspect.errors import RecordError
from qingyang_inspect.findings.model import Result
from qingyang_inspect.findings.words import parse_result
from qingyang_inspect.i18n import t

#: What a 照片文件名 cell may separate several names with.
PHOTO_SEPARATORS = re.compile(r"[,，、;；\n]+")
#: Largest picture read out of a workbook (a phone photo is a few MB).
MAX_PICTURE_BYTES = 50 * 1024 * 1024
#: Largest workbook part parsed for pictures (drawings and relationships are small).
MAX_PART_BYTES = 10 * 1024 * 1024
#: The first bytes of an OLE2 file: an Excel 97-2003 workbook, or an encrypted .xlsx.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_NS = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}


@dataclass(frozen=True)
class Problem:
    """Something wrong in a workbook: where (``file!sheet!cell``) and what, with a hint."""

    place: str
    message: str
    hint: str | None = None

    def line(self) -> str:
        """``place: message``."""
        return f"{self.place}: {self.message}"


@dataclass(frozen=True)
class Picture:
    """A picture inserted into a cell: its bytes and the name it is stored under."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Answer:
    """One answered item row, as the sheet says it (not yet checked against the round)."""

    #: ``file!sheet!C14``: the row's 结果 cell.
    place: str
    #: The sheet's row (0-based).
    row: int
    item_id: str
    result: Result
    count: int | None
    note: str | None
    location: str | None
    #: Photo files named in the 照片文件名 cell, found beside the workbook.
    photo_files: tuple[Path, ...]
    #: Pictures inserted into the row's photo cell.
    pictures: tuple[Picture, ...]
    on_spot: bool
    #: 检查时间: a time of day, or a whole moment (naive); ``None`` when empty.
    time: dt.time | dt.datetime | None


@dataclass
class Filled:
    """A workbook read back: its contract, who and when from its header, its answers."""

    path: Path
    contract: Contract | None = None
    inspector: str | None = None
    day: dt.date | None = None
    answers: list[Answer] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Item rows left empty.
    unanswered: int = 0

    def place(self, cell: str | None = None) -> str:
        """``file!sheet!cell`` (``file`` alone before the contract is known)."""
        if self.contract is None:
            return self.path.name
        if cell is None:
            return f"{self.path.name}!{self.contract.sheet}"
        return f"{self.path.name}!{self.contract.sheet}!{cell}"

    def problem(self, cell: str | None, message: str, hint: str | None = None) -> None:
        """Note a problem at ``cell`` (the file or sheet when ``None``)."""
        self.problems.append(Problem(self.place(cell), message, hint))


def workbook_files(paths: list[Path]) -> list[Path]:
    """The workbooks ``paths`` name: files as given, folders' ``*.xlsx`` (not recursive,
    skipping ``~$`` lock files), in name order.

    Raises :class:`RecordError` (a usage error, as ``validate`` does for its
    paths) for a path that is neither, or a folder without a workbook: the
    command was given the wrong path, and nothing has been read yet.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() == ".xlsx" and not p.name.startswith("~$") and p.is_file()
            )
            if not inside:
                wrong = Problem(str(path), t("import.empty_folder"), t("import.empty_folder_hint"))
                raise RecordError(wrong.line(), wrong.hint)
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            wrong = Problem(str(path), t("import.no_such_file"), t("import.no_such_file_hint"))
            raise RecordError(wrong.line(), wrong.hint)
    return list(dict.fromkeys(found))


def read_checklist(path: Path, *, photos_dir: Path | None = None) -> Filled:
    """Read the filled checklist at ``path``; every problem goes into the result."""
    filled = Filled(path)
    if not _readable_kind(filled):
        return filled
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        filled.problem(None, t("import.corrupt", reason=_reason(exc)), t("import.corrupt_hint"))
        return filled
    try:
        if META_SHEET not in book.sheetnames:
            filled.problem(None, t("import.not_checklist"), t("import.not_checklist_hint"))
            return filled
        contract = _contract(filled, book[META_SHEET])
        if contract is None:
            return filled
        filled.contract = contract
        if contract.sheet not in book.sheetnames:
            filled.problem(None, t("import.sheet_missing", sheet=contract.sheet))
            return filled
        rows = _rows(book[contract.sheet], contract)
    except Exception as exc:
        filled.problem(None, t("import.corrupt", reason=_reason(exc)), t("import.corrupt_hint"))
        return filled
    finally:
        book.close()
    pictures = _pictures(filled, contract.sheet)
    _header(filled, contract, rows)
    folders = [d for d in (photos_dir, path.parent, path.parent / path.stem) if d is not None]
    for row, item_id in contract.rows:
        _answer(filled, rows.get(row, ()), row, item_id, pictures.take(row), folders)
    for (row, col), _pics in sorted(pictures.items_elsewhere()):
        filled.problem(
            cell_name(row, col) if row >= 0 else None,
            t("import.picture_elsewhere"),
            t("import.picture_elsewhere_hint", column=t("checklist.col.photo")),
        )
    return filled


def _readable_kind(filled: Filled) -> bool:
    """Refuse what cannot be a checklist before parsing it: .xls, .csv, encrypted files."""
    suffix = filled.path.suffix.lower()
    if suffix in (".xls", ".et", ".ods", ".numbers"):
        filled.problem(None, t("import.old_format", suffix=suffix), t("import.old_format_hint"))
        return False
    if suffix in (".csv", ".txt", ".tsv"):
        filled.problem(None, t("import.csv"), t("import.csv_hint"))
        return False
    if suffix == ".zip":
        filled.problem(None, t("import.zip"), t("import.zip_hint"))
        return False
    try:
        with filled.path.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        from qingyang_inspect.files import os_reason

        filled.problem(None, t("import.unreadable", reason=os_reason(exc)))
        return False
    if head == OLE2_MAGIC:
        filled.problem(None, t("import.encrypted"), t("import.encrypted_hint"))
        return False
    if not head.startswith(b"PK"):
        filled.problem(None, t("import.not_xlsx"), t("import.not_checklist_hint"))
        return False
    return True


def _reason(exc: BaseException) -> str:
    """Why a workbook could not be read, in the message's language (the reading library's
    own words are English: they would mix languages in a Chinese message)."""
    if isinstance(exc, zipfile.BadZipFile):
        return t("import.corrupt_cut")
    if isinstance(exc, KeyError):
        return t("import.corrupt_parts")
    return t("import.corrupt_content")


def _contract(filled: Filled, sheet: Any) -> Contract | None:
    """The hidden sheet's contract, if it is whole and sealed."""
    values: dict[str, str] = {}
    items: list[tuple[int, str]] = []
    for key, value, *_rest in sheet.iter_rows(max_col=2, values_only=True):
        key_text, value_text = str(key or ""), str(value if value is not None else "")
        if key_text in META_KEYS:
            values[key_text] = value_text
        elif key_text.isdigit():
            items.append((int(key_text) - 1, value_text))
    if values.get("format") != FORMAT:
        filled.problem(None, t("import.not_checklist"), t("import.not_checklist_hint"))
        return None
    try:
        contract = Contract(
            round_name=values["round"],
            snapshot=values["snapshot"],
            site_id=values["site"],
            sheet=values["sheet"],
            inspector_cell=values["inspector_cell"],
            date_cell=values["date_cell"],
            rows=tuple(items),
        )
    except KeyError:
        contract = None
    if contract is None or contract.digest() != values.get("digest"):
        filled.problem(None, t("import.contract_broken"), t("import.contract_broken_hint"))
        return None
    return contract


def _rows(sheet: Any, contract: Contract) -> dict[int, tuple[Any, ...]]:
    """The cells of the rows the contract names (header cells and item rows), by row."""
    wanted = {row for row, _item in contract.rows}
    wanted |= {cell_position(contract.inspector_cell)[0], cell_position(contract.date_cell)[0]}
    every = sheet.iter_rows(
        min_row=1, max_row=max(wanted) + 1, max_col=len(COLUMNS), values_only=True
    )
    return {n: values for n, values in enumerate(every) if n in wanted}


def _cell(rows: dict[int, tuple[Any, ...]], name: str) -> Any:
    row, col = cell_position(name)
    values = rows.get(row, ())
    return values[col] if col < len(values) else None


def _header(filled: Filled, contract: Contract, rows: dict[int, tuple[Any, ...]]) -> None:
    """检查人 and 检查日期 from the top of the sheet."""
    who = _cell(rows, contract.inspector_cell)
    if who is not None and str(who).strip():
        filled.inspector = str(who).strip()
    day = _cell(rows, contract.date_cell)
    if isinstance(day, dt.datetime):
        filled.day = day.date()
    elif isinstance(day, dt.date):
        filled.day = day
    elif day is not None and str(day).strip():
        parsed = _date_text(str(day))
        if parsed is None:
            filled.problem(
                contract.date_cell,
                t("import.bad_date", label=t("checklist.head.date"), value=str(day)),
                t("import.bad_date_hint"),
            )
        filled.day = parsed


_CN_DATE = re.compile(r"^\s*(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?\s*$")


def _date_text(text: str) -> dt.date | None:
    match = _CN_DATE.match(text)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


_TIME_TEXT = re.compile(
    r"^\s*(?:(\d{4}\D\d{1,2}\D\d{1,2}\D?)\s+)?(\d{1,2})\s*[:：]\s*(\d{1,2})\s*$"
)


def _time_value(value: Any) -> dt.time | dt.datetime | str | None:
    """A 检查时间 cell as a time, a moment, ``None`` (empty) or the text it cannot read."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.time):
        return value
    if isinstance(value, float | int) and 0 <= value < 1:  # a fraction of a day
        minutes = round(float(value) * 24 * 60)
        return dt.time(minutes // 60 % 24, minutes % 60)
    match = _TIME_TEXT.match(str(value))
    if match is not None:
        hour, minute = int(match[2]), int(match[3])
        if hour < 24 and minute < 60:
            clock = dt.time(hour, minute)
            day = _date_text(match[1].rstrip("日 ")) if match[1] else None
            if match[1] and day is None:
                return str(value)
            return dt.datetime.combine(day, clock) if day is not None else clock
    return str(value)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _answer(
    filled: Filled,
    values: tuple[Any, ...],
    row: int,
    item_id: str,
    pictures: tuple[Picture, ...],
    folders: list[Path],
) -> None:
    """Read one item row into an answer (or problems); an untouched row is counted."""

    def value(key: str) -> Any:
        col = COL[key]
        return values[col] if col < len(values) else None

    def here(key: str) -> str:
        return cell_name(row, COL[key])

    shown_id = _text(value("item"))
    if shown_id != item_id:
        filled.problem(
            here("item"),
            t("import.item_changed", found=shown_id or "", item=item_id),
            t("import.item_changed_hint"),
        )
        return
    filled_keys = [k for k in COLUMNS[2:] if _text(value(k)) is not None]
    if not filled_keys and not pictures:
        filled.unanswered += 1
        return
    raw_result = _text(value("result"))
    words = "/".join(
        t(key) for key in ("finding.result.pass", "finding.result.fail", "finding.result.na")
    )
    if raw_result is None:
        filled.problem(
            here("result"),
            t("import.result_missing", label=t("checklist.col.result")),
            t("import.result_missing_hint", words=words),
        )
        return
    result = parse_result(raw_result)
    if result is None:
        filled.problem(
            here("result"),
            t("import.bad_result", label=t("checklist.col.result"), value=raw_result, words=words),
            t("import.bad_result_hint"),
        )
        return
    before = len(filled.problems)
    count = _count(filled, value("count"), here("count"))
    on_spot_text = _text(value("on_spot"))
    on_spot = False
    if on_spot_text is not None:
        meant = parse_word(on_spot_text, yes_no_words())
        if meant is None:
            filled.problem(
                here("on_spot"),
                t(
                    "import.bad_yes_no",
                    label=t("checklist.col.on_spot"),
                    value=on_spot_text,
                    yes=t("label.yes"),
                    no=t("label.no"),
                ),
            )
        on_spot = bool(meant)
    time = _time_value(value("time"))
    if isinstance(time, str):
        filled.problem(
            here("time"),
            t("import.bad_time", label=t("checklist.col.time"), value=time),
            t("import.bad_time_hint"),
        )
    photo_files = _photo_files(filled, _text(value("photo")), here("photo"), folders)
    if len(filled.problems) > before:
        return
    assert not isinstance(time, str) and result in ("pass", "fail", "na")
    filled.answers.append(
        Answer(
            place=filled.place(here("result")),
            row=row,
            item_id=item_id,
            result=result,
            count=count,
            note=_text(value("note")),
            location=_text(value("location")),
            photo_files=photo_files,
            pictures=pictures,
            on_spot=on_spot,
            time=time,
        )
    )


def _count(filled: Filled, value: Any, cell: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = str(value).strip().removesuffix("例").strip()
        number = int(text) if text.isdigit() else None
    if number is None:
        filled.problem(
            cell,
            t("import.bad_count", label=t("checklist.col.count"), value=str(value)),
            t("checklist.count_prompt"),
        )
    return number


def _photo_files(
    filled: Filled, text: str | None, cell: str, folders: list[Path]
) -> tuple[Path, ...]:
    """The files named in a 照片文件名 cell, each found in the first folder holding it."""
    if text is None:
        return ()
    found: list[Path] = []
    for name in (n.strip() for n in PHOTO_SEPARATORS.split(text)):
        if not name:
            continue
        if Path(name).name != name or name in (".", ".."):
            filled.problem(cell, t("import.photo_path", name=name), t("import.photo_path_hint"))
            continue
        where = next((d / name for d in folders if (d / name).is_file()), None)
        if where is None:
            filled.problem(
                cell,
                t(
                    "import.photo_missing",
                    name=name,
                    folders=t("finding.list_sep").join(str(d) for d in folders),
                ),
                t("import.photo_missing_hint"),
            )
            continue
        found.append(where)
    return tuple(found)


# -- pictures inserted into cells ------------------------------------------------------


class _Anchored(dict[tuple[int, int], list[Picture]]):
    """Pictures by the cell their top-left corner sits in: :meth:`take` takes a row's photo
    cell's pictures; what is left afterwards sits elsewhere."""

    def take(self, row: int) -> tuple[Picture, ...]:
        """The pictures in the photo cell of ``row`` (removed from the rest)."""
        return tuple(self.pop((row, COL["photo"]), ()))

    def items_elsewhere(self) -> list[tuple[tuple[int, int], list[Picture]]]:
        """The pictures not taken: in no item's photo cell."""
        return list(self.items())


def _pictures(filled: Filled, sheet_name: str) -> _Anchored:
    """Every picture of the sheet ``sheet_name``, by its top-left cell."""
    anchored = _Anchored()
    try:
        with zipfile.ZipFile(filled.path) as archive:
            for row, col, name, data in _sheet_pictures(archive, sheet_name):
                anchored.setdefault((row, col), []).append(
                    Picture(f"{sheet_name}-{cell_name(row, col)}-{name}", data)
                )
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError) as exc:
        filled.problem(None, t("import.corrupt", reason=_reason(exc)), t("import.corrupt_hint"))
    return anchored


def _part(archive: zipfile.ZipFile, name: str, limit: int = MAX_PART_BYTES) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > limit:
        raise ValueError(t("import.part_too_large", part=name))
    return archive.read(info)


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id → (type, target part's name)."""
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    if rels_name not in set(archive.namelist()):
        return {}
    found: dict[str, tuple[str, str]] = {}
    for rel in ElementTree.fromstring(_part(archive, rels_name)).findall("rel:Relationship", _NS):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        if target.startswith("/"):
            resolved = target.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(folder, target))
        found[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], resolved)
    return found


def _sheet_pictures(
    archive: zipfile.ZipFile, sheet_name: str
) -> Iterator[tuple[int, int, str, bytes]]:
    """``(row, col, file name, bytes)`` of each picture anchored in the sheet ``sheet_name``."""
    workbook = "xl/workbook.xml"
    relations = _relations(archive, workbook)
    sheets = ElementTree.fromstring(_part(archive, workbook)).find("main:sheets", _NS)
    part = None
    for sheet in sheets if sheets is not None else ():
        if sheet.get("name") == sheet_name:
            rid = sheet.get(f"{{{_NS['r']}}}id", "")
            part = relations.get(rid, ("", ""))[1]
    if not part:
        return
    for kind, drawing in _relations(archive, part).values():
        if kind != "drawing":
            continue
        media = _relations(archive, drawing)
        names = set(archive.namelist())
        root = ElementTree.fromstring(_part(archive, drawing))
        for anchor in root:
            start = anchor.find("xdr:from", _NS)
            if start is None:  # an absolute anchor: in no cell
                row = col = -1
            else:
                row = int(start.findtext("xdr:row", "0", _NS))
                col = int(start.findtext("xdr:col", "0", _NS))
            for blip in anchor.iter(f"{{{_NS['a']}}}blip"):
                rid = blip.get(f"{{{_NS['r']}}}embed", "")
                kind_, target = media.get(rid, ("", ""))
                if kind_ == "image" and target in names:
                    yield (
                        row,
                        col,
                        posixpath.basename(target),
                        _part(archive, target, MAX_PICTURE_BYTES),
                    )
