"""Sites by id or by name: a unique part of the name, or its pinyin initials."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.pinyin import initials
from qingyang_inspect.errors import CatalogError
from store_helpers import cli


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("抚琴农贸市场", "fqnmsc"),
        ("青羊区", "qyq"),
        ("成都杜甫草堂博物馆", "cddfctbwg"),
        ("QY 小学 3", "qyxx3"),
        ("𠀋", ""),  # outside GB 2312: skipped
    ],
)
def test_pinyin_initials(text: str, expected: str) -> None:
    assert initials(text) == expected


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("M1", "M1"),
        ("测试小巷", "A1"),  # the whole name
        ("第二", "M2"),  # a unique part
        ("测试 小巷", "A1"),  # spaces ignored
        ("denm", "M2"),  # pinyin initials of 第二农贸市场 (denmsc)
        ("CSXX", "A1"),
    ],
)
def test_a_site_by_id_or_name(catalog: Catalog, text: str, site: str) -> None:
    assert catalog.site(text).id == site


def test_an_ambiguous_name_lists_the_candidates(catalog: Catalog) -> None:
    with pytest.raises(CatalogError) as raised:
        catalog.site("测试")
    assert raised.value.message == "'测试' 对应 2 个点位：M1 测试农贸市场；A1 测试小巷"
    assert raised.value.hint == "请用点位编号，或写出更完整的名称"
    with pytest.raises(CatalogError) as raised:
        catalog.site("农贸市场")
    assert "M1 测试农贸市场；M2 第二农贸市场" in raised.value.message


@pytest.mark.parametrize("text", ["M11", "m1"])
def test_an_unknown_site_still_suggests_ids(catalog: Catalog, text: str) -> None:
    """Ids match exactly only; a near miss is answered with the id."""
    with pytest.raises(CatalogError) as raised:
        catalog.site(text)
    assert raised.value.message.startswith(f"未知点位 '{text}'；是否是 'M1'")
    assert "sites list --name" in (raised.value.hint or "")


def test_record_and_lists_take_names(run_cli: Any, minimal_workspace: Path) -> None:
    opened = cli(run_cli, minimal_workspace, "round", "open", "R1", "--kind", "自查")
    assert opened.exit_code == 0, opened.stderr
    done = cli(
        run_cli, minimal_workspace, "record", "--site", "第二", "--item", "CM-EN-01",
        "--result", "不符合",
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    assert "已记录：M2 第二农贸市场" in done.stderr
    listed = cli(run_cli, minimal_workspace, "findings", "list", "--site", "dej", "-f", "csv")
    assert listed.exit_code == 2 and "未知点位 'dej'" in listed.stderr
    listed = cli(run_cli, minimal_workspace, "findings", "list", "--site", "denm", "-f", "csv")
    assert listed.exit_code == 0 and listed.stdout.count("\n") == 2  # header and the finding
    sites = cli(run_cli, minimal_workspace, "sites", "list", "--name", "测试", "-f", "json")
    assert sites.exit_code == 0, sites.stderr
    assert {"M1", "A1"} <= {site["id"] for site in json.loads(sites.stdout)}
    assert '"id": "M2"' not in sites.stdout
