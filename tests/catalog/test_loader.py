"""Loading standards and sites: the valid examples, the report's shape, and rules across files."""

from __future__ import annotations

import gc
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qingyang_inspect.catalog.loader import _fields_at, discover, display_name, load_catalog
from qingyang_inspect.catalog.models import SitesFile, StandardFile
from qingyang_inspect.errors import CatalogError
from qingyang_inspect.i18n import set_language

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
VALID = sorted(p for p in (EXAMPLES / "valid").iterdir() if p.is_dir())
MINIMAL = EXAMPLES / "valid" / "minimal"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the minimal example to break."""
    target = tmp_path / "ws"
    shutil.copytree(MINIMAL, target)
    return target


def load(folder: Path) -> tuple[list[tuple[str, int | None, str, str]], object]:
    result = load_catalog([folder / "standards", folder / "sites"], base=folder)
    issues = [(i.file, i.line, i.path, i.code) for i in result.report.issues]
    return issues, result.catalog


@pytest.mark.parametrize("case", VALID, ids=[p.name for p in VALID])
def test_valid_examples_load(case: Path) -> None:
    result = load_catalog([case / "standards", case / "sites"], base=case)
    assert result.report.issues == []
    assert result.catalog is not None
    assert result.catalog.items and result.catalog.sites
    for site in result.catalog.sites.values():
        assert result.catalog.items_for_site(site.id), site.id


def test_anchors_and_merge_keys_expand() -> None:
    case = EXAMPLES / "valid" / "anchors-and-merge-keys"
    catalog = load_catalog([case / "standards", case / "sites"]).catalog
    assert catalog is not None
    second = catalog.items["NM-01-02"]
    assert (second.category, second.site_types, second.rectification_days) == (
        "environment",
        ("market",),
        1,
    )
    assert second.points == 4
    assert second.scoring.mode == "deduction"
    assert catalog.items["NM-01-03"].points == 6  # merged from the anchor, not overridden
    assert catalog.sites["M2"].responsible_unit == catalog.sites["M1"].responsible_unit
    assert catalog.sites["M2"].level == "district"
    assert catalog.standard.verdicts.for_level("city").basically_met == 80


def test_utf8_bom_loads_the_same_as_without() -> None:
    bom = EXAMPLES / "valid" / "utf8-bom"
    first = (bom / "sites" / "sites.yaml").read_bytes()
    assert first.startswith(b"\xef\xbb\xbf")
    catalog = load_catalog([bom / "standards", bom / "sites"]).catalog
    assert catalog is not None
    assert catalog.standard.id == "demo"
    assert catalog.sites["M1"].name == "草堂农贸市场"


def test_quoted_values_stay_text() -> None:
    case = EXAMPLES / "valid" / "multi-file"
    catalog = load_catalog([case / "standards", case / "sites"]).catalog
    assert catalog is not None
    assert catalog.standard.version == "2026.10"
    contact = catalog.sites["QY-C-01"].contact
    assert contact is not None and contact.phone == "02880000101"


def test_issues_carry_file_line_column_and_path(workspace: Path) -> None:
    path = workspace / "standards" / "standard.yaml"
    path.write_text(path.read_text().replace("    points: 6\n", "    points: -6\n"))
    result = load_catalog([workspace / "standards", workspace / "sites"], base=workspace)
    [issue] = result.report.issues
    assert issue.to_json() == {
        "file": "standards/standard.yaml",
        "line": 43,
        "column": 13,
        "path": "items[1].points",
        "code": "greater_than",
        "severity": "error",
        "message": "必须大于 0",
    }
    assert issue.location() == "standards/standard.yaml:43:13"
    assert result.catalog is None


def test_messages_follow_the_language(workspace: Path) -> None:
    path = workspace / "standards" / "standard.yaml"
    path.write_text(path.read_text().replace("    points: 6\n", "    points: -6\n"))
    set_language("en")
    result = load_catalog([workspace / "standards", workspace / "sites"], base=workspace)
    assert [i.message for i in result.report.issues] == ["must be greater than 0"]


def test_all_files_are_reported_in_one_run_sorted_by_place(workspace: Path) -> None:
    (workspace / "sites" / "b.yaml").write_text("sites:\n  - id: B1\n    level: county\n")
    (workspace / "sites" / "a.yaml").write_text("sites: [\n")
    std = workspace / "standards" / "standard.yaml"
    std.write_text(std.read_text().replace("points: 10", "points: 0").replace("points: 2", "x: 1"))
    issues, catalog = load(workspace)
    assert catalog is None
    assert [(f, line) for f, line, _, _ in issues] == sorted(
        (f, line or 0) for f, line, _, _ in issues
    )
    assert {f for f, _, _, _ in issues} == {
        "sites/a.yaml",
        "sites/b.yaml",
        "standards/standard.yaml",
    }
    assert ("standards/standard.yaml", 52, "items[2].points", "greater_than") in issues


def test_a_broken_entry_does_not_make_its_references_look_unused(workspace: Path) -> None:
    # CM-SF-01 is the only safety item and the only alley item apart from shared ones;
    # with a bad points value it must not also be reported as "safety has no items".
    std = workspace / "standards" / "standard.yaml"
    std.write_text(std.read_text().replace("    points: 5\n", "    points: five\n"))
    issues, _ = load(workspace)
    assert [code for _, _, _, code in issues] == ["float_parsing"]


def test_a_reference_is_judged_unless_an_unreadable_file_may_define_it(workspace: Path) -> None:
    std = workspace / "standards" / "standard.yaml"
    std.write_text(std.read_text().replace("category: safety", "category: order"))
    (workspace / "standards" / "order.yaml").write_text("categories:\n\t- id: order\n")
    issues, _ = load(workspace)
    # 'order' may be defined in the file that cannot be read; 'safety' is not in it.
    assert sorted(code for _, _, _, code in issues) == ["category-without-items", "tab-indent"]
    (workspace / "standards" / "order.yaml").write_text("categories:\n\t- id: other\n")
    codes = sorted(code for _, _, _, code in load(workspace)[0])
    assert codes == ["category-without-items", "tab-indent", "unknown-category"]


def test_a_typo_is_reported_once(workspace: Path) -> None:
    sites = workspace / "sites" / "sites.yaml"
    sites.write_text(sites.read_text().replace("site_type: alley", "site_type: aley"))
    issues, _ = load(workspace)
    # not also "site type 'alley' has no sites"
    assert [(path, code) for _, _, path, code in issues] == [
        ("sites[2].site_type", "unknown-site-type")
    ]


@pytest.mark.parametrize(
    ("model", "loc", "fields"),
    [
        (StandardFile, (), ["standard", "site_types", "categories", "items"]),
        (StandardFile, ("items", 3), None),
        (StandardFile, ("items", 0, "scoring", "deduction"), ["mode", "per_occurrence"]),
        (StandardFile, ("items", 0, "scoring", "graded"), ["mode", "coefficients"]),
        (StandardFile, ("standard", "verdicts", "levels", "city"), ["met", "basically_met"]),
        (SitesFile, ("sites", 2, "contact"), ["name", "phone"]),
        (SitesFile, ("sites", 2, "coordinates"), ["lat", "lon"]),
    ],
)
def test_fields_at(model: type, loc: tuple[str | int, ...], fields: list[str] | None) -> None:
    found = _fields_at(model, loc)
    if fields is None:
        assert "requirement" in found and "rectification_days" in found
    else:
        assert found == fields


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(tmp_path: Path, enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        load_catalog([MINIMAL / "standards", MINIMAL / "sites"])
        assert gc.isenabled() is enabled
        with pytest.raises(CatalogError):
            load_catalog([tmp_path / "missing"])
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_discover_refuses_missing_paths_and_folders_without_yaml(tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as missing:
        discover([tmp_path / "nope"])
    assert "nope" in missing.value.message and missing.value.hint
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("x")
    with pytest.raises(CatalogError) as empty:
        discover([tmp_path / "empty"])
    assert empty.value.hint


def test_discover_finds_yaml_and_yml_recursively_once(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/x.yaml", "a/b/y.yml", "a/z.txt", "a/b/w.yaml.bak"):
        (tmp_path / name).write_text("{}")
    files = discover([tmp_path / "a", tmp_path / "a" / "x.yaml"])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a/b/y.yml", "a/x.yaml"]


def test_display_name_is_relative_when_inside_the_base(tmp_path: Path) -> None:
    assert display_name(tmp_path / "s" / "a.yaml", tmp_path) == "s/a.yaml"
    outside = Path("/elsewhere/a.yaml")
    assert display_name(outside, tmp_path) == "/elsewhere/a.yaml"


# A valid file, then one random edit: whatever the edit, loading gives a report.
LINES = (MINIMAL / "standards" / "standard.yaml").read_text(encoding="utf-8").splitlines()
EDITS = st.sampled_from(["delete", "duplicate", "indent", "dedent", "replace", "insert"])
TOKENS = st.sampled_from(
    ["", "-", ":", "[", "{", "&a", "*a", "!!python/object:os.system", "\t", "~", "'", '"', "0",
     "-1", "yes", "2026-13-45", "<<: *a", "a: b: c", "草堂", "1e999", "[1, 2", "? x"]
)  # fmt: skip


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)  # fmt: skip
@given(line=st.integers(0, len(LINES) - 1), edit=EDITS, token=TOKENS)
def test_any_single_edit_gives_a_report(line: int, edit: str, token: str) -> None:
    lines = list(LINES)
    if edit == "delete":
        del lines[line]
    elif edit == "duplicate":
        lines.insert(line, lines[line])
    elif edit == "indent":
        lines[line] = "  " + lines[line]
    elif edit == "dedent":
        lines[line] = lines[line][2:]
    elif edit == "replace":
        key, _, _ = lines[line].partition(":")
        lines[line] = f"{key}: {token}"
    else:
        lines.insert(line, token)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(MINIMAL, root / "ws")
        (root / "ws" / "standards" / "standard.yaml").write_text("\n".join(lines) + "\n")
        result = load_catalog([root / "ws" / "standards", root / "ws" / "sites"], base=root / "ws")
    for issue in result.report.issues:
        assert issue.message
        assert issue.line is None or 1 <= issue.line <= len(lines) + 1
    assert (result.catalog is None) == (result.report.errors > 0)


def test_weights_written_as_decimals_add_up(workspace: Path) -> None:
    std = workspace / "standards" / "standard.yaml"
    text = std.read_text(encoding="utf-8")
    std.write_text(
        text.replace("{publicity: 40, environment: 60}", "{publicity: 33.3, environment: 66.7}")
    )
    assert load(workspace)[0] == []
    std.write_text(
        text.replace("{publicity: 40, environment: 60}", "{publicity: 33.3, environment: 66.6}")
    )
    assert [code for _, _, _, code in load(workspace)[0]] == ["weights-sum"]
