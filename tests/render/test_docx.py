"""Word documents: every kind of section written, then read back with python-docx."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections import Counter
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image

from office import SOFFICE, pdf_text, to_pdf
from qingyang_inspect.findings.model import Photo
from qingyang_inspect.i18n import set_language
from qingyang_inspect.render import RenderContext, render
from qingyang_inspect.views.base import (
    Chart,
    Column,
    Document,
    Field,
    Fields,
    Group,
    Signatures,
    Styled,
    Table,
    Text,
)

DAY = dt.date(2026, 6, 15)


def photo(evidence: Path, name: str, colour: str, *, stored: bool = True) -> Photo:
    relpath = f"{name[:2]}/{name}.jpg"
    if stored:
        (evidence / relpath).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (1600, 1200), colour).save(evidence / relpath)
    return Photo(sha256=name * 4, original_name=f"{name}.jpg", stage="before", relpath=relpath)


def sample(evidence: Path) -> Document:
    shown = photo(evidence, "ab12", "orange")
    gone = photo(evidence, "cd34", "blue", stored=False)
    rows = [
        ("草堂街道", 12, Decimal("91.67"), (shown,), None),
        ("府南街道", 3, Decimal("33.33"), (gone,), "worst"),
    ]
    table: Table[tuple[object, ...]] = Table(
        key="ranking",
        title="整改排名",
        columns=(
            Column("street", "街道"),
            Column("found", "发现问题", "int"),
            Column("rate", "整改率", "percent"),
            Column("photo", "照片", "photos"),
        ),
        source=lambda: rows,
        cells=lambda r: (r[0], r[1], Styled(r[2], "good") if r[1] > 5 else r[2], r[3]),
        style=lambda r: r[4],  # type: ignore[arg-type, return-value]
    )
    empty: Table[object] = Table(
        key="overdue",
        title="逾期问题",
        columns=(Column("id", "问题编号", "id"),),
        source=lambda: [],
        cells=lambda r: (r,),
        empty="本周无逾期问题。",
    )
    typical = Fields(
        key="typical",
        title="（一）草堂小学",
        fields=(
            Field("site", "点位", "QY-C-03 草堂小学"),
            Field("note", "问题", "校门口有烟蒂\x1b[31m"),
            Field("photos", "照片", (shown, gone), kind="photos"),
        ),
    )
    return Document(
        key="sample",
        title="督查通报",
        sections=(
            Text("number", "第 3 期", role="subtitle"),
            Text("status", "只在终端显示", status=True),
            Text("h1", "一、总体情况", role="heading"),
            Text("summary", "本周共发现问题 15 个，整改率 80.00%。"),
            table,
            empty,
            Group(key="typical", title="二、典型问题", sections=(typical,)),
            Chart(key="c", title="趋势", table="ranking", categories="street", values="rate"),
            Signatures(key="sign", labels=("制表人", "审核人")),
        ),
    )


def test_every_section_reads_back(tmp_path: Path) -> None:
    set_language("zh")
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    path = tmp_path / "out.docx"
    done = render(
        sample(evidence), "docx", output=path, context=RenderContext(evidence=evidence, day=DAY)
    )
    assert done.path == path and done.rows == 2

    word = docx.Document(str(path))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in word.paragraphs if p.text]
    assert paragraphs[:4] == [
        ("Document Title", "督查通报"),
        ("Number Line", "第 3 期"),
        ("Heading 1", "一、总体情况"),
        ("Normal", "本周共发现问题 15 个，整改率 80.00%。"),
    ]
    texts = [text for _, text in paragraphs]
    assert "只在终端显示" not in texts
    assert ("Heading 1", "整改排名") in paragraphs
    assert ("Normal", "本周无逾期问题。") in paragraphs  # an empty table says so
    assert ("Heading 1", "二、典型问题") in paragraphs
    assert ("Heading 2", "（一）草堂小学") in paragraphs
    assert "问题：校门口有烟蒂␛[31m" in texts  # a terminal escape, shown and not obeyed
    assert "照片缺失：cd34.jpg" in texts
    assert texts[-1] == "制表人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿"

    [ranking] = word.tables
    cells = [[c.text for c in row.cells] for row in ranking.rows]
    assert cells == [
        ["街道", "发现问题", "整改率", "照片"],
        ["草堂街道", "12", "91.67%", ""],
        ["府南街道", "3", "33.33%", "照片缺失：cd34.jpg"],
    ]
    worst = ranking.rows[2].cells[0].paragraphs[0].runs[0]
    assert worst.font.color.rgb == docx.shared.RGBColor(0xC0, 0x00, 0x00)
    assert ranking.rows[0].cells[0].paragraphs[0].runs[0].bold
    # One picture in the table, one under the typical problem; the missing one named.
    assert len(word.inline_shapes) == 2
    assert word.core_properties.title == "督查通报"
    assert word.core_properties.created == dt.datetime(2026, 6, 15, tzinfo=dt.UTC)
    section = word.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_it(tmp_path: Path) -> None:
    set_language("zh")
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    path = tmp_path / "sample.docx"
    render(sample(evidence), "docx", output=path, context=RenderContext(evidence=evidence))
    text = pdf_text(to_pdf(path, tmp_path))
    if text is not None:
        flat = text.replace(" ", "")  # pdftotext spaces Chinese text as it pleases
        for expected in ("督查通报", "第3期", "整改排名", "草堂街道", "照片缺失：cd34.jpg"):
            assert expected in flat


def test_styles_name_the_official_fonts(tmp_path: Path) -> None:
    """Each style names its Chinese font (仿宋 body, 黑体 headings, 宋体 title) and Times
    New Roman, with no theme font left to win over them (Word and LibreOffice would use
    the theme's Calibri Light and its East Asian font instead)."""
    set_language("zh")
    path = tmp_path / "fonts.docx"
    render(sample(tmp_path), "docx", output=path, context=RenderContext(evidence=tmp_path))
    styles = docx.Document(str(path)).styles
    expected = {
        "Normal": "仿宋",
        "Document Title": "宋体",
        "Number Line": "仿宋",
        "Heading 1": "黑体",
        "Heading 2": "仿宋",
    }
    for name, east_asian in expected.items():
        fonts = styles[name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts is not None, name
        assert fonts.get(qn("w:eastAsia")) == east_asian, name
        assert fonts.get(qn("w:ascii")) == "Times New Roman", name
        themes = [a for a in fonts.attrib if "Theme" in a or "theme" in a]
        assert themes == [], (name, themes)


def _wide_table(
    labels: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[float | None, ...]
) -> Document:
    columns = tuple(
        Column(f"c{n}", label, "id" if n == 0 else "text", width=width)
        for n, (label, width) in enumerate(zip(labels, widths, strict=True))
    )
    table: Table[tuple[str, ...]] = Table(
        key="t", title="", columns=columns, source=lambda: rows, cells=lambda r: r
    )
    return Document(key="d", title="", sections=(table,))


def _column_widths(document: Document, path: Path) -> list[float]:
    render(document, "docx", output=path, context=RenderContext())
    [grid] = docx.Document(str(path)).tables
    return [round(column.width.cm, 2) for column in grid.columns]


def test_columns_widen_for_a_whole_word_or_id(tmp_path: Path) -> None:
    """Asked for 5 and 4 characters (1.85 and 1.48 cm): the bold "Rectification" (about
    3.1 cm with the margins), the id whole (about 3.0 cm) and "overdue" need more; the
    Chinese site name may break between characters and keeps its width."""
    labels = ("Problem number", "Rectification rate", "Site", "Days overdue")
    rows = [("REGQ5GJ7NZ", "83.33%", "府南街道", "62")]
    widths = _column_widths(_wide_table(labels, rows, (5, 4, 4, 4)), tmp_path / "a.docx")
    assert widths[0] >= 2.9
    assert widths[1] >= 3.0
    assert widths[2] == pytest.approx(1.48, abs=0.01)
    assert widths[3] >= 1.7


def test_a_table_wider_than_the_page_gives_back_from_the_roomy_columns(tmp_path: Path) -> None:
    labels = ("Problem number", "Rectification rate", "Problem and place", "Days overdue")
    rows = [("REGQ5GJ7NZ", "83.33%", "消防通道堆放杂物，通道宽度不足", "62")]
    # The description takes what the others leave of the page's 15.6 cm.
    widths = _column_widths(_wide_table(labels, rows, (5, 4, None, 4)), tmp_path / "b.docx")
    assert sum(widths) == pytest.approx(15.6, abs=0.02)
    assert widths[0] >= 2.9 and widths[1] >= 3.0 and widths[3] >= 1.7
    assert widths[2] == pytest.approx(15.6 - widths[0] - widths[1] - widths[3], abs=0.02)


def test_a_long_word_in_a_note_does_not_squeeze_the_other_columns(tmp_path: Path) -> None:
    """The bulletin's overdue table: one note holding a long run of hyphenated words (or a
    link) once took the page for its description and left 点位 and 责任单位 one character
    wide, every name standing as a column of single characters on every page. The word
    breaks inside its own column instead; the others keep the widths asked for."""
    labels = ("问题编号", "点位", "问题描述", "责任单位", "整改时限")
    long_word = "Responsibility-unclear-between-departments"
    rows = [
        (
            "G1B67E8D9A",
            "宽窄巷子",
            f"消防通道堆放杂物，{long_word}",
            "宽窄巷子历史文化街区管理办公室",
            "2026-06-09",
        ),
        (
            "FQSHM4G945",
            "青羊区人民政府政务服务中心",
            "机动车占用人行道停放",
            "青羊区政务服务中心",
            "2026-06-09",
        ),
    ]
    widths = _column_widths(_wide_table(labels, rows, (9, 6, None, 6, 7)), tmp_path / "n.docx")
    assert sum(widths) == pytest.approx(15.6, abs=0.02)
    assert widths[1] == pytest.approx(6 * 0.37, abs=0.01)
    assert widths[3] == pytest.approx(6 * 0.37, abs=0.01)
    assert widths[2] >= 3.2


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_breaks_english_headers_between_words_only(tmp_path: Path) -> None:
    set_language("en")
    try:
        labels = ("Rank", "Street", "Found", "Closed", "Overdue", "Rectification rate",
                  "On-time rate", "List", "Days overdue")  # fmt: skip
        rows = [("1", "府南街道", "6", "5", "1", "83.33%", "66.67%", "red list", "62")]
        path = tmp_path / "ranking.docx"
        hints = (3.5, 9, 4.5, 4.5, 4.5, 6, 6, 4, 4)  # the bulletin's ranking, and a column more
        render(_wide_table(labels, rows, hints), "docx", output=path, context=RenderContext())
        text = pdf_text(to_pdf(path, tmp_path))
    finally:
        set_language("zh")
    if text is not None:
        words = set(text.split())
        for label in labels:
            for word in label.split():
                assert word in words, (word, text)


def _typical_problems(evidence: Path, count: int) -> Document:
    """A bulletin's typical problems: a title, four lines and a photo each."""
    entries = tuple(
        Fields(
            key=f"typical_{n}",
            title=f"（{n}）点位{n}",
            fields=(
                Field("problem", "问题描述", "北侧围墙外人行道上共享单车乱停放约30辆，" * 3),
                Field("number", "问题编号", f"P{n:09d}"),
                Field("unit", "责任单位", "草堂街道办事处"),
                Field("requirement", "测评标准", "无占用、堵塞、封闭消防（车）通道。"),
                Field(
                    "photos", "问题照片", (photo(evidence, f"{n:02d}ab", "green"),), kind="photos"
                ),
            ),
        )
        for n in range(1, count + 1)
    )
    return Document(
        key="d", title="督查通报", sections=(Group("typical", "五、典型问题", entries),)
    )


def _render_typical(folder: Path, count: int) -> Path:
    """``count`` typical problems with their photos, written to a .docx in ``folder``."""
    path, evidence = folder / "typical.docx", folder / "evidence"
    context = RenderContext(evidence=evidence)
    render(_typical_problems(evidence, count), "docx", output=path, context=context)
    return path


def test_a_typical_problem_keeps_its_lines_and_photo_together(tmp_path: Path) -> None:
    paragraphs = docx.Document(str(_render_typical(tmp_path, 2))).paragraphs
    start = next(n for n, p in enumerate(paragraphs) if p.text == "（1）点位1")
    end = next(n for n, p in enumerate(paragraphs) if p.text == "（2）点位2")
    entry = paragraphs[start:end]
    assert len(entry) == 6  # the title, four lines, the photo
    assert [bool(p.paragraph_format.keep_with_next) for p in entry] == [True] * 5 + [False]


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_each_typical_photo_with_its_problem(tmp_path: Path) -> None:
    """Every printed page holds as many photos as problem titles: a photo never starts a
    page away from the lines that say what it shows."""
    pdf = to_pdf(_render_typical(tmp_path, 8), tmp_path)
    texts = pdf_text(pdf)
    if texts is not None:
        pages = texts.split("\f")[:-1]
        assert len(pages) >= 3
        listed = subprocess.run(
            ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]  # two header lines, then one line per image: page first
        photos = Counter(int(line.split()[0]) for line in listed)
        for number, text in enumerate(pages, 1):
            titles = len(re.findall(r"（\d）点位\d", "".join(text.split())))
            assert photos[number] == titles, (number, text)


def _long_table(rows: int) -> Document:
    """A table running over pages; each row's description ends in its own mark (止N）)."""
    labels = ("问题编号", "问题描述", "整改时限")
    data = [
        (
            f"P{n:09d}",
            f"消防通道堆放杂物（纸箱、废旧家具），通道宽度不足，存在安全隐患（止{n}）",
            "2026-06-09",
        )
        for n in range(rows)
    ]
    return _wide_table(labels, data, (6, None, 6))


def test_table_rows_stay_whole_and_the_header_repeats(tmp_path: Path) -> None:
    path = tmp_path / "long.docx"
    render(_long_table(5), "docx", output=path, context=RenderContext())
    [table] = docx.Document(str(path)).element.body.findall(qn("w:tbl"))
    rows = table.findall(qn("w:tr"))
    assert len(rows) == 6
    for n, row in enumerate(rows):
        properties = row.find(qn("w:trPr"))
        assert properties is not None and row.index(properties) == 0  # before the cells
        assert properties.find(qn("w:cantSplit")) is not None
        assert (properties.find(qn("w:tblHeader")) is not None) == (n == 0)


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_the_header_on_every_page_of_a_long_table(tmp_path: Path) -> None:
    path = tmp_path / "long.docx"
    render(_long_table(60), "docx", output=path, context=RenderContext())
    text = pdf_text(to_pdf(path, tmp_path))
    if text is not None:
        pages = [page for page in text.split("\f") if page.strip()]
        assert len(pages) >= 3
        for page in pages:
            assert "问题编号" in page.replace(" ", "")
        # Every row printed whole: its number and the end of its description on one page.
        flat = ["".join(page.split()) for page in pages]
        for n in range(60):
            [page] = [p for p in flat if f"P{n:09d}" in p]
            assert f"止{n}）" in page, n
