"""Photo import: formats, size limit, EXIF location stripped, content addressing, atomic storage."""

from __future__ import annotations

import io

import pytest
from PIL import ExifTags, Image

from fieldworker import attachments
from fieldworker.domain.errors import ValidationError
from fieldworker.requests import queries, service

from .conftest import TODAY, jpeg


def exif_with_location() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = 1
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (30.0, 32.0, 10.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (119.0, 58.0, 1.2)
    return exif.tobytes()


def test_exif_location_is_removed_but_other_tags_kept(db):
    original = jpeg((300, 200), exif=exif_with_location())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the input really has GPS
    stored = attachments.store_attachment(db, original)
    cleaned = Image.open(io.BytesIO(attachments.read_attachment(db, stored.ref)))
    exif = cleaned.getexif()
    assert ExifTags.Base.GPSInfo not in exif and not exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert exif[ExifTags.Base.Make] == "PhoneMaker"
    assert (stored.width, stored.height, stored.format) == (300, 200, "JPEG")


def test_wrong_formats_are_refused_with_a_chinese_reason(db, tmp_path):
    gif = io.BytesIO()
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    with pytest.raises(ValidationError, match="只能添加 JPEG 或 PNG 格式的照片（此文件为 GIF）"):
        attachments.store_attachment(db, gif.getvalue())
    with pytest.raises(ValidationError, match="无法识别此文件"):
        attachments.store_attachment(db, b"%PDF-1.4 not a photo")
    with pytest.raises(ValidationError, match="损坏或不完整"):
        attachments.store_attachment(db, jpeg((400, 300))[:600])
    assert not attachments.attachments_dir(db).exists() or not any(attachments.attachments_dir(db).iterdir())


def test_large_files_are_refused_and_large_images_scaled_down(db):
    with pytest.raises(ValidationError, match="照片文件太大"):
        attachments.store_attachment(db, jpeg((200, 200)), max_bytes=1000)
    noisy = Image.effect_noise((3600, 2400), 90).convert("RGB")  # incompressible: a big real file
    out = io.BytesIO()
    noisy.save(out, "JPEG", quality=95)
    big = out.getvalue()
    assert len(big) > 2_000_000
    with pytest.raises(ValidationError, match="不超过 1 MB"):
        attachments.store_attachment(db, big, max_bytes=1024 * 1024)
    stored = attachments.store_attachment(db, big)
    assert max(stored.width, stored.height) == attachments.MAX_SIDE


def test_png_is_accepted_and_content_addressed(db):
    out = io.BytesIO()
    Image.new("RGBA", (40, 30), (0, 128, 255, 200)).save(out, "PNG")
    first = attachments.store_attachment(db, out.getvalue())
    second = attachments.store_attachment(db, out.getvalue())
    assert first.ref == second.ref and first.ref.endswith(".png")
    files = list(attachments.attachments_dir(db).iterdir())
    assert [f.name for f in files] == [first.ref]  # no temp files left behind
    assert Image.open(io.BytesIO(attachments.thumbnail(db, first.ref))).size == (40, 30)


def test_reading_refuses_foreign_refs_and_detects_corruption(db):
    stored = attachments.store_attachment(db, jpeg())
    with pytest.raises(ValidationError, match="附件引用无效"):
        attachments.read_attachment(db, "../fieldworker.db")
    path = attachments.attachments_dir(db) / stored.ref
    path.write_bytes(path.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(ValidationError, match="校验不符"):
        attachments.read_attachment(db, stored.ref)
    path.unlink()
    with pytest.raises(ValidationError, match="不存在"):
        attachments.read_attachment(db, stored.ref)


def test_photo_is_copied_into_the_data_directory_and_listed_on_the_request(db, people, tmp_path):
    source = tmp_path / "elsewhere" / "door.jpg"
    source.parent.mkdir()
    source.write_bytes(jpeg((120, 90), exif=exif_with_location()))
    request_id = service.create_request(db, kind="renovation", household_id=people[0].household_id, today=TODAY).request_id
    service.add_photo(db, request_id, source.read_bytes(), phase="before", caption="门口台阶")
    source.unlink()  # the original can go: the app has its own copy
    photo = queries.request_detail(db, request_id).photos[0]
    assert photo["caption"] == "门口台阶" and photo["phase"] == "before" and (photo["width"], photo["height"]) == (120, 90)
    assert attachments.attachments_dir(db) == db.path.parent / "attachments"
    assert Image.open(io.BytesIO(attachments.read_attachment(db, photo["ref"]))).size == (120, 90)
    with pytest.raises(ValidationError, match="照片类型"):
        service.add_photo(db, request_id, jpeg(), phase="during")


def test_import_from_another_device_checks_the_reference(db, tmp_path):
    from fieldworker.store.engine import Database

    stored = attachments.store_attachment(db, jpeg())
    data = attachments.read_attachment(db, stored.ref)
    other = Database.open(tmp_path / "other" / "fieldworker.db")
    with pytest.raises(ValidationError, match="与引用不符"):
        attachments.import_attachment(other, stored.ref, data + b"x")
    assert attachments.import_attachment(other, stored.ref, data)
    assert not attachments.import_attachment(other, stored.ref, data)  # already there
    assert attachments.read_attachment(other, stored.ref) == data
    other.close()
