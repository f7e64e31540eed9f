"""Evidence photos: real images made with Pillow, bad files, dedup, never overwrite."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PIL import Image

from qingyang_inspect import evidence
from qingyang_inspect.errors import RecordError, StoreError
from qingyang_inspect.evidence import check_photos, ingest_photos, store_photos
from qingyang_inspect.i18n import set_language


def make_image(path: Path, fmt: str = "JPEG", color: tuple[int, int, int] = (200, 30, 30)) -> Path:
    """A small real image; ``color`` makes its content (and hash) distinct."""
    image = Image.new("RGB", (64, 48), color)
    # A little texture so the JPEG is not a trivial block and truncation hits pixel data.
    for x in range(0, 64, 4):
        image.putpixel((x, x % 48), (x * 3 % 256, 255 - x, 90))
    image.save(path, fmt)
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(folder: Path) -> list[Path]:
    """The evidence files (thumbnails, made beside them, left out)."""
    if not folder.exists():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and "thumbs" not in p.parts)


def test_ingest_makes_each_thumbnail_once(tmp_path: Path, evidence_dir: Path) -> None:
    from PIL import Image

    from qingyang_inspect.thumbnails import THUMBNAIL_PX, thumbnail, thumbnail_path

    source = tmp_path / "big.jpg"
    Image.new("RGB", (4000, 3000), "blue").save(source)
    [stored] = ingest_photos(evidence_dir, [source], stage="before")
    thumb = thumbnail_path(evidence_dir, stored.relpath)
    with Image.open(thumb) as img:
        assert max(img.size) == THUMBNAIL_PX and img.size == (THUMBNAIL_PX, THUMBNAIL_PX * 3 // 4)
    made = thumb.stat().st_mtime_ns
    assert thumbnail(evidence_dir, stored.relpath) == thumb  # reused, not made again
    assert thumb.stat().st_mtime_ns == made
    # a store from before thumbnails: made on first use
    thumb.unlink()
    assert thumbnail(evidence_dir, stored.relpath) == thumb and thumb.is_file()
    assert thumbnail(evidence_dir, "ab/missing.jpg") is None


@pytest.fixture
def evidence_dir(tmp_path: Path) -> Path:
    return tmp_path / "ws" / ".inspect" / "evidence"


def test_jpeg_and_png_are_stored_under_their_hash(tmp_path: Path, evidence_dir: Path) -> None:
    jpeg = make_image(tmp_path / "垃圾堆放.JPG")
    png = make_image(tmp_path / "screen.png", "PNG", (10, 120, 10))

    stored = ingest_photos(evidence_dir, [jpeg, png], stage="before")

    assert [p.original_name for p in stored] == ["垃圾堆放.JPG", "screen.png"]
    assert [p.media_type for p in stored] == ["image/jpeg", "image/png"]
    for photo, source in zip(stored, (jpeg, png), strict=True):
        assert photo.sha256 == sha(source)
        assert photo.size == source.stat().st_size
        ext = ".jpg" if source is jpeg else ".png"
        assert photo.relpath == f"{photo.sha256[:2]}/{photo.sha256}{ext}"
        assert (evidence_dir / photo.relpath).read_bytes() == source.read_bytes()
    # Only the final files: no temporary copies left behind.
    assert files_under(evidence_dir) == sorted(evidence_dir / p.relpath for p in stored)


def test_extension_comes_from_the_content_not_the_name(tmp_path: Path, evidence_dir: Path) -> None:
    disguised = make_image(tmp_path / "photo.jpg", "PNG")
    [stored] = ingest_photos(evidence_dir, [disguised], stage="before")
    assert stored.media_type == "image/png"
    assert stored.relpath.endswith(".png")
    assert stored.original_name == "photo.jpg"


@pytest.mark.parametrize("fmt", ["WEBP", "GIF", "BMP", "TIFF"])
def test_other_accepted_formats(tmp_path: Path, evidence_dir: Path, fmt: str) -> None:
    source = make_image(tmp_path / f"p.{fmt.lower()}", fmt)
    [stored] = ingest_photos(evidence_dir, [source], stage="before")
    assert (evidence_dir / stored.relpath).read_bytes() == source.read_bytes()


def test_multi_picture_jpeg_from_a_phone_is_a_jpeg(tmp_path: Path, evidence_dir: Path) -> None:
    """Many phone cameras write MPO (JPEG with a second picture); Pillow names it MPO."""
    first = Image.new("RGB", (32, 32), (50, 60, 70))
    second = Image.new("RGB", (32, 32), (70, 60, 50))
    source = tmp_path / "DSC_0001.JPG"
    first.save(source, "MPO", save_all=True, append_images=[second])
    with Image.open(source) as check:
        assert check.format == "MPO"
    [stored] = ingest_photos(evidence_dir, [source], stage="before")
    assert (stored.media_type, stored.relpath[-4:]) == ("image/jpeg", ".jpg")


def test_avif_when_pillow_reads_it(tmp_path: Path, evidence_dir: Path) -> None:
    if not evidence._avif_available():  # pragma: no cover - depends on the Pillow build
        pytest.skip("this Pillow has no AVIF")
    [stored] = ingest_photos(
        evidence_dir, [make_image(tmp_path / "a.avif", "AVIF")], stage="before"
    )
    assert stored.media_type == "image/avif"


def test_stored_photo_becomes_a_store_photo_record(tmp_path: Path, evidence_dir: Path) -> None:
    [stored] = ingest_photos(evidence_dir, [make_image(tmp_path / "a.jpg")], stage="after")
    photo = stored.as_photo("after")
    assert (photo.sha256, photo.original_name, photo.relpath, photo.stage) == (
        stored.sha256,
        "a.jpg",
        stored.relpath,
        "after",
    )


def test_text_file_renamed_jpg_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "notes.jpg"
    fake.write_text("这不是照片，只是一段文字。\n" * 20, encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        check_photos([fake])
    assert "notes.jpg" in caught.value.message
    assert "不是可识别的图片" in caught.value.message
    assert caught.value.hint is not None and "JPEG" in caught.value.hint


def test_empty_file_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    with pytest.raises(RecordError, match=r"empty\.png"):
        check_photos([empty])


def test_truncated_jpeg_is_refused(tmp_path: Path) -> None:
    whole = make_image(tmp_path / "whole.jpg")
    data = whole.read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(RecordError) as caught:
        check_photos([cut])
    assert "cut.jpg" in caught.value.message
    assert "损坏或不完整" in caught.value.message
    assert caught.value.hint


def test_truncated_png_is_refused(tmp_path: Path) -> None:
    data = make_image(tmp_path / "whole.png", "PNG").read_bytes()
    cut = tmp_path / "cut.png"
    cut.write_bytes(data[: len(data) - 20])
    with pytest.raises(RecordError, match=r"cut\.png"):
        check_photos([cut])


def test_missing_path_names_the_file_and_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(RecordError) as caught:
        check_photos([tmp_path / "nowhere" / "IMG_0001.jpg"])
    assert "IMG_0001.jpg" in caught.value.message
    assert "不存在" in caught.value.message
    assert caught.value.hint


def test_a_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    with pytest.raises(RecordError, match="是目录"):
        check_photos([folder])


def test_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = make_image(tmp_path / "big.jpg")
    monkeypatch.setattr(evidence, "MAX_PHOTO_BYTES", source.stat().st_size - 1)
    with pytest.raises(RecordError) as caught:
        check_photos([source])
    assert "big.jpg" in caught.value.message
    assert "超过上限" in caught.value.message
    # Exactly at the limit is accepted.
    monkeypatch.setattr(evidence, "MAX_PHOTO_BYTES", source.stat().st_size)
    assert len(check_photos([source])) == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    source = make_image(tmp_path / "locked.jpg")
    source.chmod(0)
    try:
        with pytest.raises(RecordError, match="无法读取"):
            check_photos([source])
    finally:
        source.chmod(0o644)


def test_unreadable_file_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = make_image(tmp_path / "locked.jpg")
    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if Path(str(path)) == source:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(RecordError) as caught:
        check_photos([source])
    assert caught.value.message == f"无法读取问题照片 {source}：没有权限"
    assert caught.value.hint


def test_heic_without_support_says_how_to_convert(tmp_path: Path) -> None:
    if evidence._heif_available():  # pragma: no cover - depends on the machine
        pytest.skip("pillow-heif is installed")
    heic = tmp_path / "IMG_1234.HEIC"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200)
    with pytest.raises(RecordError) as caught:
        check_photos([heic])
    assert "HEIC" in caught.value.message
    assert caught.value.hint is not None and "JPEG" in caught.value.hint


def test_messages_in_english(tmp_path: Path) -> None:
    set_language("en")
    with pytest.raises(RecordError) as caught:
        check_photos([tmp_path / "gone.jpg"])
    assert caught.value.message == f"photo {tmp_path / 'gone.jpg'} does not exist"


def test_nothing_is_written_when_the_second_photo_is_bad(
    tmp_path: Path, evidence_dir: Path
) -> None:
    good = make_image(tmp_path / "good.jpg")
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"GIF89a but not really")
    with pytest.raises(RecordError, match=r"bad\.jpg"):
        ingest_photos(evidence_dir, [good, bad], stage="before")
    assert files_under(evidence_dir) == []


def test_the_same_photo_twice_is_stored_once(tmp_path: Path, evidence_dir: Path) -> None:
    first = make_image(tmp_path / "first.jpg")
    copy = tmp_path / "copy-of-first.jpg"
    copy.write_bytes(first.read_bytes())

    stored = ingest_photos(evidence_dir, [first, copy, first], stage="before")
    again = ingest_photos(evidence_dir, [copy], stage="before")

    assert [p.original_name for p in stored] == ["first.jpg"]
    assert again[0].relpath == stored[0].relpath
    assert again[0].original_name == "copy-of-first.jpg"
    assert files_under(evidence_dir) == [evidence_dir / stored[0].relpath]


def test_same_name_different_content_are_two_files(tmp_path: Path, evidence_dir: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    red = make_image(tmp_path / "a" / "IMG_0001.jpg", color=(220, 0, 0))
    blue = make_image(tmp_path / "b" / "IMG_0001.jpg", color=(0, 0, 220))

    stored = ingest_photos(evidence_dir, [red, blue], stage="before")

    assert [p.original_name for p in stored] == ["IMG_0001.jpg", "IMG_0001.jpg"]
    assert stored[0].sha256 != stored[1].sha256
    assert (evidence_dir / stored[0].relpath).read_bytes() == red.read_bytes()
    assert (evidence_dir / stored[1].relpath).read_bytes() == blue.read_bytes()


def test_an_existing_evidence_file_is_reused_not_rewritten(
    tmp_path: Path, evidence_dir: Path
) -> None:
    source = make_image(tmp_path / "a.jpg")
    [stored] = ingest_photos(evidence_dir, [source], stage="before")
    target = evidence_dir / stored.relpath
    before = target.stat()

    ingest_photos(evidence_dir, [source], stage="before")

    after = target.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_damaged_evidence_file_is_never_overwritten(tmp_path: Path, evidence_dir: Path) -> None:
    source = make_image(tmp_path / "a.jpg")
    [stored] = ingest_photos(evidence_dir, [source], stage="before")
    target = evidence_dir / stored.relpath
    target.write_bytes(b"damaged")

    with pytest.raises(StoreError) as caught:
        ingest_photos(evidence_dir, [source], stage="before")

    assert str(target) in caught.value.message
    assert target.read_bytes() == b"damaged"


def test_a_file_that_appears_meanwhile_is_not_replaced(
    tmp_path: Path, evidence_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process stores a different file under the final name between check and link."""
    source = make_image(tmp_path / "a.jpg")
    [checked] = check_photos([source])
    final = evidence_dir / checked.sha256[:2] / f"{checked.sha256}.jpg"
    real_copy = evidence._copy_to_temp

    def copy_then_race(photo: evidence.CheckedPhoto, folder: Path) -> Path:
        temp = real_copy(photo, folder)
        final.write_bytes(b"someone else's bytes")
        return temp

    monkeypatch.setattr(evidence, "_copy_to_temp", copy_then_race)
    with pytest.raises(StoreError):
        store_photos(evidence_dir, [checked])
    assert final.read_bytes() == b"someone else's bytes"
    assert files_under(evidence_dir) == [final]


def test_a_photo_changed_after_checking_is_refused(tmp_path: Path, evidence_dir: Path) -> None:
    source = make_image(tmp_path / "a.jpg")
    [checked] = check_photos([source])
    make_image(source, color=(1, 2, 3))
    with pytest.raises(RecordError, match=r"a\.jpg"):
        store_photos(evidence_dir, [checked])
    assert files_under(evidence_dir) == []


def test_no_photos_is_a_no_op(evidence_dir: Path) -> None:
    assert ingest_photos(evidence_dir, [], stage="before") == []
    assert not evidence_dir.exists()


def test_stored_files_are_readable_by_others(tmp_path: Path, evidence_dir: Path) -> None:
    [stored] = ingest_photos(evidence_dir, [make_image(tmp_path / "a.jpg")], stage="before")
    assert (evidence_dir / stored.relpath).stat().st_mode & 0o777 == 0o644
