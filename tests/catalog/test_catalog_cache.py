"""The catalog cache: read when the YAML is unchanged, rebuilt when it changed or is damaged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qingyang_inspect.catalog import loader
from qingyang_inspect.catalog.cache import CACHE_NAME, load_workspace_catalog
from qingyang_inspect.errors import CatalogError
from qingyang_inspect.i18n import set_language, t
from qingyang_inspect.workspace import Workspace, load_workspace


@pytest.fixture
def workspace(minimal_workspace: Path) -> Workspace:
    return load_workspace(minimal_workspace)


def cache_file(workspace: Workspace) -> Path:
    return workspace.cache_dir / CACHE_NAME


def forbid_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any parse of the YAML files fail the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the YAML files were loaded instead of the cache")

    monkeypatch.setattr(loader, "load_catalog", refuse)


def test_a_second_load_reads_the_cache(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_workspace_catalog(workspace)
    assert cache_file(workspace).is_file()
    forbid_loading(monkeypatch)
    second = load_workspace_catalog(workspace)
    assert second.standard == first.standard
    assert dict(second.items) == dict(first.items)
    assert list(second.sites) == list(first.sites)  # file order is kept
    assert second.items_for_site("M1") == first.items_for_site("M1")


def test_an_edited_file_invalidates_the_cache(workspace: Workspace) -> None:
    load_workspace_catalog(workspace)
    sites = workspace.sites / "sites.yaml"
    sites.write_text(
        sites.read_text(encoding="utf-8").replace("测试农贸市场", "草堂农贸市场"), encoding="utf-8"
    )
    assert load_workspace_catalog(workspace).sites["M1"].name == "草堂农贸市场"
    assert json.loads(cache_file(workspace).read_text(encoding="utf-8"))["sites"][0]["name"] == (
        "草堂农贸市场"
    )


def test_a_new_file_invalidates_the_cache(workspace: Workspace) -> None:
    load_workspace_catalog(workspace)
    (workspace.sites / "more.yaml").write_text(
        "sites:\n  - {id: A2, name: 第二小巷, site_type: alley, level: other, street: 草堂街道,\n"
        "     address: 小巷2号, responsible_unit: 草堂街道办事处, lead_department: 区综合执法局}\n",
        encoding="utf-8",
    )
    assert "A2" in load_workspace_catalog(workspace).sites


@pytest.mark.parametrize(
    "damage",
    [b"", b"{not json", b'{"key": "x"}', b"\xff\xfe\x00", b'{"key": 1, "standard": []}'],
    ids=["empty", "truncated", "incomplete", "binary", "wrong-types"],
)
def test_a_damaged_cache_is_rebuilt(workspace: Workspace, damage: bytes) -> None:
    expected = load_workspace_catalog(workspace)
    cache_file(workspace).write_bytes(damage)
    assert load_workspace_catalog(workspace).items == expected.items
    rebuilt = json.loads(cache_file(workspace).read_text(encoding="utf-8"))
    assert rebuilt["key"] and len(rebuilt["items"]) == len(expected.items)


def test_a_cache_of_other_files_is_not_used(workspace: Workspace) -> None:
    load_workspace_catalog(workspace)
    data = json.loads(cache_file(workspace).read_text(encoding="utf-8"))
    data["key"] = "0" * 40
    data["sites"] = []
    cache_file(workspace).write_text(json.dumps(data), encoding="utf-8")
    assert load_workspace_catalog(workspace).sites  # the stale snapshot was ignored


def test_without_the_cache_nothing_is_written(workspace: Workspace) -> None:
    catalog = load_workspace_catalog(workspace, use_cache=False)
    assert catalog.items
    assert not cache_file(workspace).exists()


def test_a_cache_that_cannot_be_written_is_only_slower(workspace: Workspace) -> None:
    workspace.cache_dir.parent.mkdir(parents=True, exist_ok=True)
    workspace.cache_dir.write_text("a file where the cache folder should be")
    assert load_workspace_catalog(workspace).items
    assert load_workspace_catalog(workspace).items


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_invalid_catalog_raises_with_the_first_error_and_a_hint(
    workspace: Workspace, lang: str
) -> None:
    set_language("en" if lang == "en" else "zh")
    std = workspace.standards / "standard.yaml"
    text = std.read_text(encoding="utf-8")
    std.write_text(text.replace("points: 6", "points: -6").replace("points: 10", "points: 0"))
    with pytest.raises(CatalogError) as caught:
        load_workspace_catalog(workspace)
    error = caught.value
    first = "standards/standard.yaml:43:13: items[1].points: " + t("schema.greater_than", gt=0)
    assert error.message == t("catalog.invalid", errors=2, first=first)
    assert error.hint == t("catalog.invalid_hint")
    assert error.exit_code == 2
    assert not cache_file(workspace).exists()


def test_an_invalid_catalog_is_not_served_from_an_older_cache(workspace: Workspace) -> None:
    load_workspace_catalog(workspace)
    sites = workspace.sites / "sites.yaml"
    sites.write_text(sites.read_text(encoding="utf-8").replace("level: city", "level: town"))
    with pytest.raises(CatalogError) as caught:
        load_workspace_catalog(workspace)
    assert "sites/sites.yaml:5:12: sites[0].level" in caught.value.message


def test_warnings_do_not_stop_the_catalog(workspace: Workspace) -> None:
    std = workspace.standards / "standard.yaml"
    std.write_text(
        std.read_text(encoding="utf-8").replace(
            "  - {id: safety, name: 安全消防, name_en: Safety}\n",
            "  - {id: safety, name: 安全消防, name_en: Safety}\n  - {id: unused, name: 未使用}\n",
        ),
        encoding="utf-8",
    )
    assert "unused" in load_workspace_catalog(workspace).categories


def test_cached_bundled_catalog_equals_the_loaded_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache is read without validation: every model must come back exactly."""
    import shutil

    from qingyang_inspect.workspace import load_workspace

    repo = Path(__file__).resolve().parents[2]
    root = tmp_path / "bundled"
    for name in ("inspect.toml", "standards", "sites"):
        source = repo / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            root.mkdir(exist_ok=True)
            shutil.copy(source, root / name)
    workspace = load_workspace(root)
    first = load_workspace_catalog(workspace)
    forbid_loading(monkeypatch)
    second = load_workspace_catalog(workspace)
    assert second.standard == first.standard
    for name in ("site_types", "categories", "items", "sites"):
        assert dict(getattr(second, name)) == dict(getattr(first, name)), name
        assert list(getattr(second, name)) == list(getattr(first, name)), name
    # the models rebuilt from the cache are the models' own types, nested ones too
    item = second.items["XZ-01-01"]
    assert type(item.scoring) is type(first.items["XZ-01-01"].scoring)
    assert isinstance(second.sites["QY-C-03"].site_type, str)
    assert second.sites["QY-C-03"].planned_acceptance == first.sites["QY-C-03"].planned_acceptance
