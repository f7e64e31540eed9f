"""The walk's pure decisions: typed answers, complete answers, which items remain."""

from __future__ import annotations

from pathlib import Path

import pytest

from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.walk import (
    Answer,
    parse_choice,
    parse_count,
    parse_yes_no,
    plan_walk,
    split_photo_paths,
)
from qingyang_inspect.workspace import load_workspace


@pytest.fixture
def catalog(minimal_workspace: Path) -> Catalog:
    return load_workspace_catalog(load_workspace(minimal_workspace), use_cache=False)


@pytest.mark.parametrize(
    ("typed", "choice"),
    [
        ("y", "pass"),
        ("Y", "pass"),
        ("符合", "pass"),
        ("  合格 ", "pass"),
        ("ｙ", "pass"),  # full-width, as a Chinese input method types it
        ("n", "fail"),
        ("不符合", "fail"),
        ("不符合。", "fail"),
        ("fail", "fail"),
        ("a", "na"),
        ("n/a", "na"),
        ("Ｎ／Ａ", "na"),
        ("N.A.", "na"),
        ("不适用", "na"),
        ("s", "skip"),
        ("跳过", "skip"),
        ("q", "quit"),
        ("退出", "quit"),
    ],
)
def test_choice_words(typed: str, choice: str) -> None:
    assert parse_choice(typed) == choice


@pytest.mark.parametrize("typed", ["", "  ", "maybe", "符", "yy", "2"])
def test_unknown_choices_ask_again(typed: str) -> None:
    assert parse_choice(typed) is None


@pytest.mark.parametrize(
    ("typed", "count"),
    [("", 1), ("1", 1), ("3", 3), (" 12 ", 12), ("３", 3), ("2例", 2), ("4 处", 4)],
)
def test_counts(typed: str, count: int) -> None:
    assert parse_count(typed) == count


@pytest.mark.parametrize("typed", ["0", "-1", "1.5", "two", "三", "1e3"])
def test_bad_counts(typed: str) -> None:
    assert parse_count(typed) is None


def test_count_default() -> None:
    assert parse_count("", default=2) == 2


@pytest.mark.parametrize(
    ("typed", "default", "expected"),
    [
        ("", False, False),
        ("", True, True),
        ("y", False, True),
        ("是", False, True),
        ("n", True, False),
        ("否", True, False),
        ("perhaps", False, None),
    ],
)
def test_yes_no(typed: str, default: bool, expected: bool | None) -> None:
    assert parse_yes_no(typed, default) is expected


def test_photo_paths_split_on_spaces_commas_and_quotes() -> None:
    typed = "a.jpg,b.jpg，c.jpg、d.jpg; 'with space.jpg' e\\ f.jpg  \"照片 1.png\""
    assert split_photo_paths(typed) == [
        Path(name)
        for name in ("a.jpg", "b.jpg", "c.jpg", "d.jpg", "with space.jpg", "e f.jpg", "照片 1.png")
    ]
    assert split_photo_paths("   ") == []
    assert split_photo_paths("~/x.jpg") == [Path.home() / "x.jpg"]


def test_photo_paths_with_an_unclosed_quote() -> None:
    with pytest.raises(ValueError):
        split_photo_paths("'a.jpg")


def test_answers_are_complete_or_refused() -> None:
    assert Answer.passed().count is None
    failed = Answer.failed(2, note="垃圾", location="东门", photos=[Path("a.jpg")], on_spot=True)
    assert (failed.result, failed.count, failed.photos, failed.on_spot) == (
        "fail",
        2,
        (Path("a.jpg"),),
        True,
    )
    assert Answer.not_applicable("  无电梯 ").note == "无电梯"
    with pytest.raises(ValueError):
        Answer.failed(0)
    with pytest.raises(ValueError):
        Answer.not_applicable("   ")
    with pytest.raises(ValueError):
        Answer(result="pass", count=1)
    with pytest.raises(ValueError):
        Answer(result="na", note="x", photos=(Path("a.jpg"),))


def test_plan_walks_the_checklist_in_category_then_file_order(catalog: Catalog) -> None:
    plan = plan_walk(catalog, "M1", {})
    assert [s.item.id for s in plan.steps] == ["CM-AD-01", "NM-04-01", "CM-EN-01", "NM-03-01"]
    assert [(s.position, s.total) for s in plan.steps] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert [s.category.name if s.category else None for s in plan.steps] == [
        "公益宣传",
        "公益宣传",
        "环境卫生",
        "环境卫生",
    ]
    assert plan.remaining(()) == 4


def test_recorded_items_are_skipped_but_keep_their_position(catalog: Catalog) -> None:
    plan = plan_walk(catalog, "A1", {"CM-AD-01": ["pass"], "CM-SF-01": []})
    assert [(s.position, s.item.id) for s in plan.steps] == [(2, "CM-EN-01"), (3, "CM-SF-01")]
    assert plan.recorded_before == {"CM-AD-01"}
    assert plan.remaining(()) == 2
    assert plan.remaining({"CM-EN-01"}) == 1
    assert plan.remaining({"CM-EN-01", "CM-SF-01"}) == 0


def test_revisit_asks_about_every_item_and_shows_what_was_recorded(catalog: Catalog) -> None:
    plan = plan_walk(catalog, "A1", {"CM-EN-01": ["fail", "pass"]}, revisit=True)
    assert [s.item.id for s in plan.steps] == ["CM-AD-01", "CM-EN-01", "CM-SF-01"]
    assert [s.recorded for s in plan.steps] == [(), ("fail", "pass"), ()]
    assert plan.remaining(()) == 2


def test_a_site_fully_recorded_has_nothing_left(catalog: Catalog) -> None:
    done = {item.id: ["pass"] for item in catalog.items_for_site("A1")}
    plan = plan_walk(catalog, "A1", done)
    assert plan.steps == ()
    assert plan.remaining(()) == 0
