"""``report bulletin``: the 督查通报 of the three rounds in ``tests/progress_campaign.py``, read
back with python-docx; every figure in it equals ``report progress``'s for the same period."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
from typer.testing import CliRunner, Result

from office import SOFFICE, pdf_text, to_pdf
from progress_campaign import SINCE, UNTIL, build
from qingyang_inspect.i18n import set_language

RANGE = ("--since", SINCE.isoformat(), "--until", UNTIL.isoformat())


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    return build(tmp_path_factory.mktemp("bulletin"))


def run(ws: Path, *args: str, lang: str = "zh") -> Result:
    from qingyang_inspect.cli.app import app

    set_language(lang)
    return CliRunner().invoke(
        app, ["--workspace", str(ws), "--lang", lang, "report", *args], catch_exceptions=False
    )


def bulletin(ws: Path, out: Path, *args: str, lang: str = "zh") -> Any:
    result = run(ws, "bulletin", *args, "-o", str(out), lang=lang)
    assert result.exit_code == 0, result.stderr
    return docx.Document(str(out))


def progress_json(ws: Path, *args: str) -> dict[str, Any]:
    result = run(ws, "progress", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def rows(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}%"


def test_the_figures_are_the_progress_reports(
    campaign: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    ws, numbers = campaign
    document = bulletin(ws, tmp_path / "通报.docx", *RANGE, "--issue", "12")
    data = progress_json(ws, *RANGE)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "测试区文明城市创建督查通报"
    # The date line and the sentences write dates as official documents do (GB/T 9704).
    assert texts[1] == "第 12 期　　测试区文明办　　2026年10月16日"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "一、总体情况",
        "二、整改红黑榜",
        "三、逾期未整改问题",
        "四、回头看：反复出现的问题",
        "五、典型问题",
        "六、下一步工作要求",
    ]
    # The summary's sentences, number by number, against the progress report's total.
    summary = next(p for p in texts if p.startswith("2026年9月1日至2026年10月16日，"))
    said = re.search(
        r"发现问题 (\d+) 个，已销号 (\d+) 个，其中按期销号 (\d+) 个、逾期销号 (\d+) 个；"
        r"已整改待复查 (\d+) 个；逾期未销号 (\d+) 个。整改率 ([\d.]+%)，按期销号率 ([\d.]+%)",
        summary,
    )
    assert said is not None, summary
    total = data["total"]
    assert said.groups() == (
        str(total["found"]),
        str(total["closed"]),
        str(total["closed_on_time"]),
        str(total["closed_late"]),
        str(total["rectified"]),
        str(total["overdue"]),
        rate(total["rectification_rate"]),
        rate(total["on_time_rate"]),
    )
    assert said.groups() == ("10", "6", "4", "2", "1", "2", "60.00%", "50.00%")  # by hand
    assert f"回头看发现反复问题 {total['recurring']} 个" in "".join(texts)

    ranking, overdue, recurring = document.tables
    # 红黑榜: best rate first; every group's figures are the progress report's.
    assert rows(ranking)[0] == [
        "名次", "街道", "发现问题", "已销号", "逾期未销号", "整改率", "按期销号率", "榜单",
    ]  # fmt: skip
    groups = {g["label"]: g for g in data["groups"]}
    for n, row in enumerate(rows(ranking)[1:], 1):
        g = groups[row[1]]
        assert row == [
            str(n), g["label"], str(g["found"]), str(g["closed"]), str(g["overdue"]),
            rate(g["rectification_rate"]), rate(g["on_time_rate"]), row[7],
        ]  # fmt: skip
    assert [(r[1], r[7]) for r in rows(ranking)[1:]] == [("草堂街道", "红榜"), ("府南街道", "黑榜")]
    # Overdue: a3 (42 days past 09-04) and b2 (28 days past 09-18), as many as the total says.
    assert [(r[0], r[4], r[5]) for r in rows(overdue)[1:]] == [
        (numbers["a3"], "2026-09-04", "42"),
        (numbers["b2"], "2026-09-18", "28"),
    ]
    assert len(rows(overdue)) - 1 == total["overdue"]
    # Recurring: both problem numbers, the same pairs as the progress report's.
    pairs = {(r[0], r[1]) for r in rows(recurring)[1:]}
    assert pairs == {
        (r["problem_number"], r["earlier_problem_number"]) for r in data["recurring"]["recurring"]
    }
    assert len(pairs) == 3
    # Typical problems: one per site, each with its photo, site, unit and requirement.
    heads = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert [h.split("）")[1] for h in heads] == ["测试小巷", "测试农贸市场", "第二农贸市场"]
    assert len(document.inline_shapes) == 3
    assert "测评标准：无占用、堵塞、封闭消防通道" in texts
    assert "责任单位：草堂街道办事处" in texts


def test_by_unit_in_english(campaign: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    ws, _numbers = campaign
    document = bulletin(ws, tmp_path / "bulletin.docx", *RANGE, "--rank", "unit", lang="en")
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "测试区 civilized-city supervision bulletin"
    assert any(
        t.startswith(
            "From 1 September 2026 to 16 October 2026 the supervision groups found 10 problems"
        )
        for t in texts
    )
    ranking = rows(document.tables[0])
    assert ranking[0][1] == "Responsible unit"
    data = progress_json(ws, *RANGE, "--by", "unit")
    assert sorted(r[1] for r in ranking[1:]) == sorted(g["label"] for g in data["groups"])


def test_an_empty_week_is_a_short_document(
    campaign: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    ws, _numbers = campaign
    document = bulletin(
        ws, tmp_path / "empty.docx", "--since", "2026-09-22", "--until", "2026-09-28"
    )
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[2] == "2026年9月22日至2026年9月28日，督导组未发现问题，本期无通报事项。"
    assert len(texts) == 3
    assert document.tables == []


def test_refusals(campaign: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    ws, _numbers = campaign
    out = tmp_path / "x.docx"
    backwards = run(
        ws, "bulletin", "--since", "2026-10-01", "--until", "2026-09-01", "-o", str(out)
    )
    assert backwards.exit_code == 2
    assert "截止日期 2026-09-01 早于起始日期 2026-10-01" in backwards.stderr
    assert not out.exists()
    missing = run(ws, "bulletin", "--since", "2026-09-01")
    assert missing.exit_code == 2  # both days are required


def test_a_missing_photo_keeps_its_entry(
    campaign: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    ws, _numbers = campaign
    copy = tmp_path / "ws"
    shutil.copytree(ws, copy)
    evidence = copy / ".inspect" / "evidence"
    photos = [p for p in evidence.rglob("*.jp*g") if p.is_file()]
    assert photos
    for photo in photos:
        photo.unlink()
    result = run(copy, "bulletin", *RANGE, "-o", str(tmp_path / "b.docx"))
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(tmp_path / "b.docx"))
    texts = [p.text for p in document.paragraphs]
    heads = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert len(heads) == 3  # every typical problem stays
    assert sum(t.startswith("照片缺失：") for t in texts) == 3
    assert len(document.inline_shapes) == 0


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_it(campaign: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    ws, _numbers = campaign
    out = tmp_path / "bulletin.docx"
    bulletin(ws, out, *RANGE, "--issue", "12")
    pdf = to_pdf(out, tmp_path)
    text = pdf_text(pdf)
    if text is not None:
        flat = re.sub(r"\s+", "", text)
        for words in ("测试区文明城市创建督查通报", "第12期", "二、整改红黑榜", "红榜", "黑榜",
                      "整改率60.00%", "五、典型问题"):  # fmt: skip
            assert words in flat
