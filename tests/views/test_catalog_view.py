"""The catalog views: names in the reader's language, JSON records with every field."""

from __future__ import annotations

import dataclasses
import io
import json
from typing import Any

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import to_record
from qingyang_inspect.i18n import set_language
from qingyang_inspect.render import RenderContext
from qingyang_inspect.render.json import render as render_json
from qingyang_inspect.views.base import Document, Fields
from qingyang_inspect.views.catalog import (
    item_detail,
    items_list,
    site_detail,
    sites_list,
    standard_detail,
)


def as_json(document: Document) -> Any:
    out = io.StringIO()
    render_json(document, out, RenderContext(fmt="json"))
    return json.loads(out.getvalue())


def shown_fields(document: Document) -> dict[str, object]:
    """The label–value fields of a record document, by key."""
    (section,) = (s for s in document.iter_sections() if isinstance(s, Fields))
    return {f.key: f.value for f in section.fields}


def test_english_names_where_the_files_have_them(catalog: Catalog) -> None:
    set_language("en")
    (table,) = items_list(catalog, list(catalog.items.values())).tables()
    rows = {cells[0]: cells for cells in map(table.cells, table.source())}
    assert rows["CM-EN-01"][1] == "Environment"
    assert rows["CM-AD-01"][2] == catalog.items["CM-AD-01"].requirement_en
    # no English gloss: the Chinese text is all there is
    assert rows["CM-EN-01"][2] == catalog.items["CM-EN-01"].requirement
    unglossed = dataclasses.replace(catalog.categories["safety"], name_en=None)
    bare = Catalog(
        standard=catalog.standard,
        site_types=catalog.site_types,
        categories={**catalog.categories, "safety": unglossed},
        items=catalog.items,
        sites=catalog.sites,
    )
    (table,) = items_list(bare, [bare.items["CM-SF-01"]]).tables()
    assert table.cells(bare.items["CM-SF-01"])[1] == "安全消防"


def test_chinese_names_by_default(catalog: Catalog) -> None:
    (table,) = site_detail(catalog, catalog.sites["M1"]).tables()
    categories = {cells[0]: cells[1] for cells in map(table.cells, table.source())}
    assert categories == {
        "CM-AD-01": "公益宣传",
        "NM-04-01": "公益宣传",
        "CM-EN-01": "环境卫生",
        "NM-03-01": "环境卫生",
    }
    fields = shown_fields(item_detail(catalog, catalog.items["CM-AD-01"]))
    assert fields["requirement_en"] == catalog.items["CM-AD-01"].requirement_en
    set_language("en")
    fields = shown_fields(item_detail(catalog, catalog.items["CM-AD-01"]))
    assert "requirement_en" not in fields  # it is the requirement itself


def test_json_is_the_files_fields_with_counts_and_names(catalog: Catalog) -> None:
    data = as_json(standard_detail(catalog))
    assert set(data) == {"items", "sites", "standard", "site_types", "categories"}
    assert (data["items"], data["sites"]) == (5, 3)
    assert data["standard"] == to_record(catalog.standard)
    assert {t["id"]: (t["items"], t["sites"]) for t in data["site_types"]} == {
        "market": (4, 2),
        "alley": (3, 1),
    }
    assert data["categories"][0] == {
        "id": "publicity",
        "name": "公益宣传",
        "name_en": "Public-service ads",
    }
    sites = as_json(sites_list(catalog, list(catalog.sites.values())))
    assert [s["id"] for s in sites] == ["M1", "M2", "A1"]
    assert sites[2]["site_type_name"] == "背街小巷" and sites[2]["total_points"] == 15
    shown = as_json(site_detail(catalog, catalog.sites["A1"]))
    assert shown == sites[2]
