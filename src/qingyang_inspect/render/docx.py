"""Word documents (``--format docx``): a document as offices send it — title, number line,
headings, paragraphs, tables, photos — through python-docx's public API.

The page follows the usual layout of official documents (GB/T 9704: A4, margins
3.7 / 3.5 / 2.8 / 2.6 cm, body in 仿宋 三号 with a two-character first-line
indent, headings in 黑体, the title in 宋体 二号 bold and centred). Word, WPS and
LibreOffice open the result; fonts a machine lacks are substituted by it.

Sections map to Word as follows: :class:`Text` by its role (title line, heading,
paragraph; status lines are left out), :class:`Table` to a bordered table with a
bold header row (photos as small pictures in their cells), :class:`Fields` to
``label：value`` lines with photos as pictures under them, :class:`Group` and
:class:`Pages` to a heading and their sections, :class:`Signatures` to a line to
sign. Charts belong to workbooks and are left out. Users' text goes through
:func:`~qingyang_inspect.render.safe.safe_text`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table as WordTable

from qingyang_inspect.findings.model import Photo
from qingyang_inspect.i18n import t
from qingyang_inspect.render import RenderContext, Rendered
from qingyang_inspect.render.safe import safe_text
from qingyang_inspect.render.values import cell_text
from qingyang_inspect.text import is_wide
from qingyang_inspect.thumbnails import Unusable, render_thumbnail
from qingyang_inspect.views.base import (
    Chart,
    Document,
    Fields,
    Group,
    Pages,
    PhotoSet,
    Section,
    Signatures,
    Styled,
    Table,
    Text,
)

#: Fonts of official documents, present on Chinese Windows and in WPS.
BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
TITLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"
#: 三号 = 16 pt (body, headings), 二号 = 22 pt (title), 小四 = 12 pt (tables).
BODY_PT = 16
TITLE_PT = 22
TABLE_PT = 10.5
TITLE_STYLE = "Document Title"
SUBTITLE_STYLE = "Number Line"
#: Longest side, in pixels, of a photo embedded in the document (sharp at 8 cm).
PHOTO_PX = 1000
PHOTO_WIDTH = Cm(8)
CELL_PHOTO_WIDTH = Cm(2.6)
#: Row styles a table shows in red (overdue problems, the bottom of a ranking).
RED_STYLES = frozenset({"overdue", "worst", "result.fail"})
RED = RGBColor(0xC0, 0x00, 0x00)


def render(document: Document, target: Any, context: RenderContext) -> Rendered:
    """Write ``document`` as a .docx file to the path ``target``."""
    path: Path = target
    word = new_document()
    _page_setup(word)
    _styles(word)
    props = word.core_properties
    props.title = safe_text(document.title, "docx")
    props.author = ""
    props.comments = ""
    if context.day is not None:
        moment = dt.datetime.combine(context.day, dt.time(), tzinfo=dt.UTC)
        props.created = moment
        props.modified = moment
        props.last_printed = moment
    writer = _Writer(word, context)
    if document.title:
        writer.paragraph(document.title, TITLE_STYLE)
    for section in document.iter_sections():
        writer.section(section)
    word.save(str(path))
    if writer.unusable:
        writer.done.notes.append(t("report.photos_unusable", count=len(writer.unusable)))
    return writer.done


def _page_setup(word: WordDocument) -> None:
    for part in word.sections:
        part.page_width, part.page_height = Cm(21), Cm(29.7)
        part.top_margin, part.bottom_margin = Cm(3.7), Cm(3.5)
        part.left_margin, part.right_margin = Cm(2.8), Cm(2.6)


def _font(style: ParagraphStyle | Any, east_asian: str, size: float, *, bold: bool = False) -> None:
    """Set a style's fonts: ``east_asian`` for Chinese, Times New Roman for Latin text."""
    font = style.font
    font.name = LATIN_FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    # python-docx names no East Asian font: set it on the style's run properties
    # (``w:style/w:rPr/w:rFonts`` of the proxied element, public), and drop theme
    # fonts that would win over it. Setting ``font.name`` made the element.
    fonts = font.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    if fonts is None:  # pragma: no cover - python-docx writes it for font.name
        raise RuntimeError("python-docx wrote no w:rFonts for the style's font name")
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:eastAsia"), east_asian)


def _styles(word: WordDocument) -> None:
    styles = word.styles
    normal = styles["Normal"]
    _font(normal, BODY_FONT, BODY_PT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing = Pt(28)  # 每行 28 磅: a common setting for 三号 body text
    fmt.first_line_indent = Pt(BODY_PT * 2)
    # Own styles for the title lines: the template's Title has a coloured rule under it.
    title = styles.add_style(TITLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = normal
    _font(title, TITLE_FONT, TITLE_PT, bold=True)
    tfmt = title.paragraph_format
    tfmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tfmt.first_line_indent = Pt(0)
    tfmt.space_before, tfmt.space_after = Pt(12), Pt(12)
    tfmt.line_spacing = Pt(36)
    subtitle = styles.add_style(SUBTITLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    subtitle.base_style = normal
    _font(subtitle, BODY_FONT, BODY_PT)
    sfmt = subtitle.paragraph_format
    sfmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sfmt.first_line_indent = Pt(0)
    sfmt.space_after = Pt(12)
    heading = styles["Heading 1"]
    _font(heading, HEADING_FONT, BODY_PT)
    hfmt = heading.paragraph_format
    hfmt.first_line_indent = Pt(BODY_PT * 2)
    hfmt.space_before, hfmt.space_after = Pt(6), Pt(0)
    hfmt.keep_with_next = True
    heading2 = styles["Heading 2"]
    _font(heading2, BODY_FONT, BODY_PT, bold=True)
    h2 = heading2.paragraph_format
    h2.first_line_indent = Pt(BODY_PT * 2)
    h2.space_before, h2.space_after = Pt(0), Pt(0)
    h2.keep_with_next = True


class _Writer:
    """Adds sections to a Word document, counting table rows."""

    def __init__(self, word: WordDocument, context: RenderContext) -> None:
        self.word = word
        self.context = context
        self.done = Rendered()
        #: Photos that could not be shown (named where they belong), by SHA-256.
        self.unusable: set[str] = set()

    def paragraph(self, text: str, style: str = "Normal") -> None:
        self.word.add_paragraph(safe_text(text, "docx"), style=style)

    def section(self, section: Section, depth: int = 0) -> None:
        if isinstance(section, Text):
            if section.status:
                return
            style = {"heading": "Heading 1", "subtitle": SUBTITLE_STYLE}.get(section.role, "Normal")
            self.paragraph(section.text, style)
        elif isinstance(section, Table):
            self.table(section, depth)
        elif isinstance(section, Fields):
            self.fields(section, depth)
        elif isinstance(section, Group):
            if section.title:
                self.paragraph(section.title, "Heading 1" if depth == 0 else "Heading 2")
            for inner in section.sections:
                self.section(inner, depth + 1)
        elif isinstance(section, Pages):
            for element in section.source():
                page = section.page(element)
                if page.title:
                    self.paragraph(page.title, "Heading 2")
                for inner in page.sections:
                    self.section(inner, depth + 1)
        elif isinstance(section, Signatures):
            blank = "＿" * 6
            self.paragraph("　　".join(f"{label}：{blank}" for label in section.labels))
        elif isinstance(section, Chart):
            return  # a workbook's; the tables carry the same numbers

    def table(self, table: Table[Any], depth: int) -> None:
        if table.title:
            self.paragraph(table.title, "Heading 2" if depth else "Heading 1")
        columns = table.columns
        elements = list(table.source())
        if not elements:
            if table.empty is not None:
                self.paragraph(table.empty)
            return
        grid = self.word.add_table(rows=1, cols=len(columns))
        grid.style = self.word.styles["Table Grid"]
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        # Per column, the width (cm) its longest unbreakable text needs: a header's word, an
        # id, number or date whole (Word breaks a word that does not fit mid-word).
        needs = [_unbroken_cm(column.label, words=True, bold=True) for column in columns]
        for cell, column in zip(grid.rows[0].cells, columns, strict=True):
            self._cell_text(cell, column.label, bold=True, center=True)
        for element in elements:
            cells = grid.add_row().cells
            style = table.style(element) if table.style is not None else None
            for n, (cell, column, value) in enumerate(
                zip(cells, columns, table.cells(element), strict=True)
            ):
                red = style in RED_STYLES or (
                    isinstance(value, Styled) and value.style in RED_STYLES
                )
                if column.kind == "photos":
                    if isinstance(value, PhotoSet):
                        value = value.photos
                    self._cell_photos(cell, value if isinstance(value, tuple) else ())
                else:
                    text = cell_text(value, column.kind)
                    self._cell_text(cell, text, red=red, center=column.kind != "text")
                    needs[n] = max(needs[n], _cell_need_cm(text, column.kind))
            self.done.rows += 1
        _widths(grid, [c.width for c in columns], needs)
        _keep_rows_whole(self.word)
        self.word.add_paragraph("", style="Normal")

    def fields(self, fields: Fields, depth: int) -> None:
        """``label：value`` lines, photos under them, kept on one page with their title:
        a typical problem's photo printed at the top of the next page, under another
        problem's title, read as that problem's."""
        before = len(self.word.paragraphs)
        if fields.title:
            self.paragraph(fields.title, "Heading 2" if depth else "Heading 1")
        self._field_lines(fields)
        for para in self.word.paragraphs[before:-1]:
            para.paragraph_format.keep_with_next = True

    def _field_lines(self, fields: Fields) -> None:
        for f in fields.fields:
            if f.kind == "photos":
                photos = f.value if isinstance(f.value, tuple) else ()
                for photo in photos:
                    self.photo(photo)
                if not photos:
                    self.paragraph(t("report.field", label=f.label, value="—"))
                continue
            text = cell_text(f.value, f.kind)
            self.paragraph(t("report.field", label=f.label, value=text))

    def photo(self, photo: Photo) -> None:
        """The photo, centred, or a line naming it and why it is not shown."""
        data = self._image(photo, PHOTO_PX)
        if isinstance(data, str):
            self.paragraph(data)
            return
        para = self.word.add_paragraph(style="Normal")
        para.paragraph_format.first_line_indent = Pt(0)
        para.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.line_spacing = 1.0
        para.add_run().add_picture(io.BytesIO(data), width=PHOTO_WIDTH)

    def _image(self, photo: Photo, size: int) -> bytes | str:
        """The photo scaled to ``size``, or the line saying why it cannot be shown."""
        evidence = self.context.evidence
        if evidence is None:
            return t("report.photo_missing", name=photo.original_name)
        try:
            return render_thumbnail(evidence / photo.relpath, size)
        except Unusable as why:
            self.unusable.add(photo.sha256)
            if why.missing:
                return t("report.photo_missing", name=photo.original_name)
            return t("report.photo_unusable", name=photo.original_name, reason=why.reason)

    def _cell_text(
        self, cell: Any, text: str, *, bold: bool = False, red: bool = False, center: bool = False
    ) -> None:
        para = cell.paragraphs[0]
        fmt = para.paragraph_format
        fmt.first_line_indent = Pt(0)
        fmt.line_spacing = 1.0
        if center:
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(safe_text(text, "docx"))
        run.font.size = Pt(TABLE_PT)
        run.bold = bold or None
        if red:
            run.font.color.rgb = RED

    def _cell_photos(self, cell: Any, photos: Sequence[Photo]) -> None:
        para = cell.paragraphs[0]
        para.paragraph_format.first_line_indent = Pt(0)
        para.paragraph_format.line_spacing = 1.0
        for photo in photos[:1]:
            data = self._image(photo, PHOTO_PX // 2)
            if isinstance(data, str):
                run = para.add_run(safe_text(data, "docx"))
                run.font.size = Pt(TABLE_PT)
            else:
                para.add_run().add_picture(io.BytesIO(data), width=CELL_PHOTO_WIDTH)


def _keep_rows_whole(word: WordDocument) -> None:
    """Mark the table just added: its first row is its header, printed again at the top of
    every page the table runs onto (``w:tblHeader``), and no row breaks across a page
    (``w:cantSplit``), so a problem is read on one page.

    python-docx has no property for either: the rows are reached through the
    document's body element (public) and marked there, as Word itself stores it.
    """
    table = word.element.body.findall(qn("w:tbl"))[-1]
    for n, row in enumerate(table.iterfind(qn("w:tr"))):
        properties = row.find(qn("w:trPr"))
        if properties is None:
            properties = row.makeelement(qn("w:trPr"), {})
            # A row's properties come before its cells (after w:tblPrEx, which it lacks).
            row.insert(0, properties)
        properties.append(properties.makeelement(qn("w:cantSplit"), {}))
        if n == 0:
            properties.append(properties.makeelement(qn("w:tblHeader"), {}))


def _widths(grid: WordTable, hints: Iterable[float | None], needs: Sequence[float]) -> None:
    """Column widths from the view's hints (characters), the rest sharing what is left.

    A column narrower than its longest unbreakable text (``needs``, in cm) is
    widened, and the width is taken from the columns with room to spare, in
    proportion to their room: English labels are longer than Chinese ones.
    """
    total = _TEXT_WIDTH_CM
    given = [h * _CHAR_CM if h else None for h in hints]
    fixed = sum(w for w in given if w is not None)
    free = [n for n, w in enumerate(given) if w is None]
    share = (total - fixed) / len(free) if free and total > fixed else 1.5
    widths = [w if w is not None else share for w in given]
    wanted = [max(w, need) for w, need in zip(widths, needs, strict=True)]
    excess = sum(wanted) - max(total, sum(widths))
    room = [max(0.0, w - need) for w, need in zip(wanted, needs, strict=True)]
    if excess > 0 and sum(room) > 0:
        scale = min(1.0, excess / sum(room))
        wanted = [w - r * scale for w, r in zip(wanted, room, strict=True)]
    # The grid's widths too: LibreOffice and WPS lay a table out by its grid, Word by its cells.
    grid.autofit = False
    for column, width in zip(grid.columns, wanted, strict=True):
        column.width = Cm(width)
    for row in grid.rows:
        for cell, width in zip(row.cells, wanted, strict=True):
            cell.width = Cm(width)


#: The page's text width (A4 less the margins) and a Chinese character's width in a table.
_TEXT_WIDTH_CM = 21 - 2.8 - 2.6
_CHAR_CM = 0.37
#: Column kinds whose text may break between words (the rest: ids, numbers, dates, whole).
_WORDY_KINDS = frozenset({"text", "status"})
#: The widest a word in a cell may ask its column to be: 15 lower-case letters at 10.5 pt
#: ("responsibility", "rectification" whole).
_LONGEST_WORD_CM = 3.2


def _cell_need_cm(text: str, kind: str) -> float:
    """The width (cm) a cell's text asks of its column: an id, number or date whole; in
    words (users' notes, names), the longest word up to :data:`_LONGEST_WORD_CM` — a
    longer one (a link, a run of hyphenated words) breaks inside, as it would in any
    column, rather than squeezing the table's other columns to a character each.
    """
    if kind not in _WORDY_KINDS:
        return _unbroken_cm(text, words=False)
    return min(_unbroken_cm(text, words=True), _LONGEST_WORD_CM)


def _unbroken_cm(text: str, *, words: bool, bold: bool = False) -> float:
    """The width (cm) a table cell needs so that ``text`` breaks only between words and
    between Chinese characters (``words``), or not at all, with the cell's margins.

    Widths in ems of the table's size: a Chinese character a full em; Latin
    letters and digits by :func:`_latin_em` (Times New Roman's widths, rounded up).
    """
    scale = 1.08 if bold else 1.0
    if not words:
        widest = sum(1.0 if is_wide(char) else _latin_em(char) * scale for char in text)
    else:
        widest = 0.0
        for word in text.split():
            run = 0.0
            for char in word:
                if is_wide(char):
                    widest, run = max(widest, run, 1.0), 0.0
                else:
                    run += _latin_em(char) * scale
            widest = max(widest, run)
    return widest * TABLE_PT / 72 * 2.54 + _CELL_MARGINS_CM if widest else 0.0


def _latin_em(char: str) -> float:
    """A Latin character's width in ems, rounded up from Times New Roman's (capitals
    0.61-0.89, lower case 0.28-0.72, digits 0.5)."""
    if char.isupper():
        return 0.75
    if char.isdigit() or char.islower():
        return 0.5
    return 0.4


#: Word's default cell margins, left and right (0.19 cm each).
_CELL_MARGINS_CM = 0.38
