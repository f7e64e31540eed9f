"""``inspect init``: a new workspace over the bundled data or given folders; never overwrites."""

from __future__ import annotations

import os
import shutil
import tomllib
from pathlib import Path
from typing import Any

from qingyang_inspect.store import Store
from qingyang_inspect.workspace import load_workspace
from store_helpers import cli

REPO = Path(__file__).resolve().parents[2]
MINIMAL = REPO / "tests" / "examples" / "valid" / "minimal"


def test_init_copies_the_bundled_data(run_cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "青羊督查"
    result = run_cli("init", str(target), "--inspector", "王督导")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == str(target.resolve())
    assert "已创建工作区" in result.stderr and "点位 130 个" in result.stderr
    config = tomllib.loads((target / "inspect.toml").read_text(encoding="utf-8"))["workspace"]
    assert config["standards"] == "standards" and config["sites"] == "sites"
    assert config["inspector"] == "王督导" and config["language"] == "zh"
    workspace = load_workspace(target)
    assert workspace.inspector == "王督导"
    assert sorted(p.name for p in workspace.standards.iterdir()) == sorted(
        p.name for p in (REPO / "standards").iterdir()
    )
    with Store.open(workspace, readonly=True) as store:
        assert store.schema_version() == store.current_version
    assert (target / ".gitignore").read_text() == ".inspect/\n"
    # The new workspace works at once.
    opened = cli(run_cli, target, "round", "open", "R1", "--kind", "self-check", inspector=None)
    assert opened.exit_code == 0, opened.stderr


def test_init_points_at_given_folders(run_cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "ws"
    inside = target / "data" / "standards"
    inside.parent.mkdir(parents=True)
    shutil.copytree(MINIMAL / "standards", inside)
    result = run_cli(
        "init",
        str(target),
        "--standards",
        str(inside),
        "--sites",
        str(MINIMAL / "sites"),
        "--district",
        "测试区",
        "--language",
        "en",
    )
    assert result.exit_code == 0, result.stderr
    config = tomllib.loads((target / "inspect.toml").read_text(encoding="utf-8"))["workspace"]
    assert config["standards"] == "data/standards"  # inside: relative
    outside = os.path.relpath((MINIMAL / "sites").resolve(), target.resolve())
    assert config["sites"] == Path(outside).as_posix()  # outside: relative too
    assert config["district"] == "测试区" and config["language"] == "en"
    assert not (target / "sites").exists()
    assert "点位 3 个" in result.stderr


def test_init_never_overwrites(run_cli: Any, minimal_workspace: Path) -> None:
    before = (minimal_workspace / "inspect.toml").read_bytes()
    result = run_cli("init", str(minimal_workspace))
    assert result.exit_code == 2 and "已经是工作区" in result.stderr
    assert (minimal_workspace / "inspect.toml").read_bytes() == before
    assert not (minimal_workspace / ".inspect").exists()


def test_a_refused_init_leaves_nothing_behind(run_cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "half"
    (target / "sites").mkdir(parents=True)
    (target / "sites" / "ours.yaml").write_text("sites: []\n")
    result = run_cli("init", str(target))
    assert result.exit_code == 2 and "不会覆盖" in result.stderr
    assert sorted(p.name for p in target.iterdir()) == ["sites"]
    assert (target / "sites" / "ours.yaml").read_text() == "sites: []\n"
    missing = run_cli("init", str(tmp_path / "new"), "--standards", str(tmp_path / "nope"))
    assert missing.exit_code == 2 and "不存在" in missing.stderr
    assert not (tmp_path / "new").exists()


def test_a_workspace_moves_with_its_folders(run_cli: Any, tmp_path: Path) -> None:
    """Paths in inspect.toml are relative, so the folders can go to another machine."""
    office = tmp_path / "office"
    shutil.copytree(MINIMAL / "standards", office / "shared" / "standards")
    shutil.copytree(MINIMAL / "sites", office / "shared" / "sites")
    shared = office / "shared"
    result = run_cli(
        "init",
        str(office / "ws"),
        "--standards",
        str(shared / "standards"),
        "--sites",
        str(shared / "sites"),
    )
    assert result.exit_code == 0, result.stderr
    config = tomllib.loads((office / "ws" / "inspect.toml").read_text(encoding="utf-8"))
    assert config["workspace"]["standards"] == "../shared/standards"
    moved = tmp_path / "laptop" / "office"
    moved.parent.mkdir()
    office.rename(moved)
    workspace = load_workspace(moved / "ws")
    assert workspace.standards == moved / "shared" / "standards"
    listed = cli(run_cli, moved / "ws", "sites", "list", "--format", "json", inspector=None)
    assert listed.exit_code == 0, listed.stderr


def test_init_copies_the_schemas_the_yaml_files_name(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli("init", str(tmp_path / "ws"))
    assert result.exit_code == 0, result.stderr
    first = (tmp_path / "ws" / "standards" / "common.yaml").read_text(encoding="utf-8")
    assert first.startswith("# yaml-language-server: $schema=../schema/standard.schema.json")
    assert (tmp_path / "ws" / "schema" / "standard.schema.json").is_file()


def test_init_with_a_server_store_names_the_server(
    run_cli: Any, tmp_path: Path, pg_url: str, monkeypatch: Any
) -> None:
    """With ``INSPECT_STORE`` naming a server, the new workspace's store is made there and
    the message names the server, not the local file it does not use."""
    monkeypatch.setenv("INSPECT_STORE", pg_url)
    target = tmp_path / "团队"
    result = run_cli("init", str(target))
    assert result.exit_code == 0, result.stderr
    assert f"记录库 {pg_url}" in result.stderr
    assert "store.sqlite" not in result.stderr
    assert not (target / ".inspect" / "store.sqlite").exists()
    with Store.open(load_workspace(target), readonly=True) as store:
        assert store.schema_version() == store.current_version


def test_init_on_a_file_or_under_one_says_so_in_words(run_cli: Any, tmp_path: Path) -> None:
    """Not "expected an existing file or folder" for an existing file, nor the system's
    English ("Not a directory") amid Chinese."""
    existing = tmp_path / "照片.jpg"
    existing.write_bytes(b"x")
    on_file = run_cli("init", str(existing))
    assert on_file.exit_code == 2
    assert f"目录 的值 '{existing}' 无效：这是一个文件，应为目录" in on_file.stderr
    # The value is quoted back wherever it stands among the options, in either language.
    after_options = run_cli("--lang", "en", "init", "--standards", "s", "--", str(existing))
    assert after_options.exit_code == 2
    assert f"invalid value '{existing}' for FOLDER: it is a file" in after_options.stderr
    under_file = run_cli("init", str(existing / "督查2026"))
    assert under_file.exit_code == 2
    assert f"无法创建工作区 {existing / '督查2026'}：路径中有一段不是目录" in under_file.stderr
    english = run_cli("--lang", "en", "init", str(existing / "督查2026"))
    assert "a part of the path is not a folder" in english.stderr
    assert existing.read_bytes() == b"x"
