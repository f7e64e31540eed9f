"""files.write_whole: the one way the tool replaces a file it keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from qingyang_inspect.files import write_whole


def test_write_whole_replaces_the_file_and_makes_its_folder(tmp_path: Path) -> None:
    target = tmp_path / "cache" / "catalog.json"
    write_whole(target, b"old", prefix=".catalog-")
    write_whole(target, b"new", prefix=".catalog-")
    assert target.read_bytes() == b"new"
    assert [p.name for p in target.parent.iterdir()] == ["catalog.json"]


def test_a_failed_write_leaves_the_target_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "photo.jpg"
    target.mkdir()  # os.replace cannot put a file over a folder
    with pytest.raises(OSError):
        write_whole(target, b"content")
    assert target.is_dir()
    assert list(tmp_path.iterdir()) == [target]
