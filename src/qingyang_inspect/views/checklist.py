"""A site's checklist (点位检查表) as a document: the site's header, its items, the fill-in columns.

The workbook renderer (``render/xlsx/checklist.py``) lays it out as the
printable, fillable form; positions and the hidden contract come from
:mod:`qingyang_inspect.checklist.form`. ``meta["checklist"]`` carries what
the contract seals: the round, the content hash it pinned, the site.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Item, Site
from qingyang_inspect.checklist.form import COLUMNS
from qingyang_inspect.findings.model import Round
from qingyang_inspect.i18n import t
from qingyang_inspect.views.base import Column, Document, Field, Fields, Kind, Table
from qingyang_inspect.views.labels import (
    category_label,
    date_text,
    method_label,
    number,
    requirement_label,
    round_kind_label,
    scoring_label,
    site_type_level,
)

if TYPE_CHECKING:
    from qingyang_inspect.checklist.importing import ImportPlan, Planned

#: Each column's label key, kind and width (characters), in the contract's order.
_COLUMN_SPECS: dict[str, tuple[str, Kind, float]] = {
    "item": ("checklist.col.item", "id", 9),
    "requirement": ("checklist.col.requirement", "text", 36),
    "result": ("checklist.col.result", "status", 10),
    "count": ("checklist.col.count", "int", 5),
    "note": ("checklist.col.note", "text", 17),
    "location": ("checklist.col.location", "text", 10),
    "photo": ("checklist.col.photo", "text", 11),
    "on_spot": ("checklist.col.on_spot", "status", 6),
    "time": ("checklist.col.time", "text", 7),
}


def checklist_columns() -> tuple[Column, ...]:
    """The item table's columns, labelled in the current language."""
    return tuple(
        Column(key, t(_COLUMN_SPECS[key][0]), _COLUMN_SPECS[key][1], width=_COLUMN_SPECS[key][2])
        for key in COLUMNS
    )


@dataclass(frozen=True)
class ChecklistRow:
    """A row of the item table: a category's heading, or an item to check."""

    category: str
    item: Item | None = None

    def cells(self, catalog: Catalog) -> tuple[object, ...]:
        """The row's display values (the fill-in cells empty)."""
        if self.item is None:
            return (None, self.category, *([None] * (len(COLUMNS) - 2)))
        item = self.item
        terms = t(
            "checklist.item_terms",
            method=method_label(item.method),
            points=number(item.points),
            scoring=scoring_label(item),
        )
        if item.veto:
            terms += t("checklist.veto")
        lines = [requirement_label(item), terms]
        if item.counting_rule:
            lines.append(t("checklist.counting_rule", rule=item.counting_rule))
        return (item.id, "\n".join(lines), *([None] * (len(COLUMNS) - 2)))


def checklist_rows(catalog: Catalog, site: Site) -> Iterator[ChecklistRow]:
    """A heading for each category, then its items that apply to the site, in catalog order."""
    current: str | None = None
    for item in catalog.items_for_site(site.id):
        if item.category != current:
            current = item.category
            yield ChecklistRow(category_label(catalog, item.category))
        yield ChecklistRow(category_label(catalog, item.category), item)


def checklist_document(catalog: Catalog, round_: Round, site: Site, *, district: str) -> Document:
    """The checklist of ``site`` for ``round_`` (``catalog`` is what the round pinned)."""
    contact = ""
    if site.contact is not None:
        contact = " ".join(p for p in (site.contact.name, site.contact.phone) if p)
    header = Fields(
        key="header",
        title=t("checklist.title", district=district, site=site.name),
        fields=(
            Field("site", t("acceptance.head.site"), f"{site.id} {site.name}"),
            Field("type", t("acceptance.head.type"), site_type_level(catalog, site)),
            Field("unit", t("acceptance.head.unit"), site.responsible_unit),
            Field("contact", t("checklist.head.contact"), contact),
            Field("street", t("acceptance.head.street"), site.street),
            Field("address", t("acceptance.head.address"), site.address),
            Field(
                "round",
                t("acceptance.head.round"),
                t(
                    "checklist.round_text",
                    round=round_.name,
                    kind=round_kind_label(round_.kind),
                    date=date_text(round_.date),
                ),
            ),
            Field(
                "standard",
                t("acceptance.head.standard"),
                t(
                    "acceptance.standard",
                    title=catalog.standard.title,
                    version=round_.standard_version,
                ),
            ),
        ),
    )
    fill = Fields(
        key="fill",
        title=None,
        fields=(
            Field("inspector", t("checklist.head.inspector"), None),
            Field("date", t("checklist.head.date"), None, kind="date"),
        ),
    )
    items: Table[ChecklistRow] = Table(
        key="items",
        title="",
        columns=checklist_columns(),
        source=lambda: checklist_rows(catalog, site),
        cells=lambda row: row.cells(catalog),
        style=lambda row: "checklist.category" if row.item is None else None,
    )
    return Document(
        key="checklist",
        title=header.title or "",
        sections=(header, fill, items),
        meta={
            "checklist": {"round": round_.name, "snapshot": round_.snapshot, "site": site.id},
            "notes": (t("checklist.how_to_fill"),),
        },
        filename=t("checklist.file", round=round_.name, site=site.id),
    )


# -- what an import records (``inspect import --dry-run``) ------------------------------


def import_document(plan: ImportPlan) -> Document:
    """The findings an import would record, one row per answered row, in file order."""
    from qingyang_inspect.views.labels import result_label, yes_blank

    columns = (
        Column("place", t("import.col.place"), "id", priority=1),
        Column("site", t("findings.col.site_id"), "id"),
        Column("item", t("findings.col.item_id"), "id"),
        Column("result", t("findings.col.result"), "status"),
        Column("count", t("checklist.col.count"), "int", priority=2),
        Column("note", t("checklist.col.note"), "text", priority=3),
        Column("location", t("checklist.col.location"), "text", priority=4),
        Column("photos", t("import.col.photos"), "int", priority=5),
        Column("on_spot", t("checklist.col.on_spot"), "status", priority=5),
        Column("found_at", t("findings.col.found_at"), "datetime", priority=2),
        Column("inspector", t("checklist.head.inspector"), "text", priority=3),
        Column("replaces", t("import.col.replaces"), "id", priority=2),
    )

    def cells(planned: Planned) -> tuple[object, ...]:
        f = planned.finding
        return (
            planned.place,
            f.site_id,
            f.item_id,
            result_label(f.result),
            f.occurrences if f.result == "fail" else None,
            f.note or "",
            f.location or "",
            len(planned.photos) or None,
            yes_blank(f.on_spot),
            f.found_at,
            f.inspector,
            " ".join(old.number or old.id for old in planned.replaces),
        )

    def record(planned: Planned) -> dict[str, object]:
        f = planned.finding
        return {
            "place": planned.place,
            "id": f.id,
            "number": f.number,
            "round": f.round_name,
            "site": f.site_id,
            "item": f.item_id,
            "result": f.result,
            "occurrences": f.occurrences,
            "note": f.note,
            "location": f.location,
            "photos": [p.original_name for p in planned.photos],
            "on_spot": f.on_spot,
            "found_at": f.found_at.isoformat(),
            "inspector": f.inspector,
            "replaces": [old.number or old.id for old in planned.replaces],
        }

    table: Table[Planned] = Table(
        key="findings",
        title=t("import.table_title"),
        columns=columns,
        source=lambda: plan.planned,
        cells=cells,
        record=record,
        empty=t("import.nothing_new_dry"),
    )
    return Document(
        key="import", title=t("import.table_title"), sections=(table,), json_shape="list"
    )
