"""The fault suite: every damaged, misaddressed, replayed or half-written package is refused with a
clear Chinese reason, and the receiving database file stays byte-for-byte as it was."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fieldworker.domain.errors import ValidationError
from fieldworker.exchange import export, keys, merge, package
from fieldworker.store.engine import Database

from .conftest import file_state, make_installation


def refused(db: Database, path: Path) -> tuple[merge.PackageOutcome, str, str]:
    """Import ``path`` into a freshly reopened copy of ``db``; returns (outcome, state before, after)."""
    before = file_state(db)
    reopened = Database.open(db.path)
    try:
        report = merge.import_packages(reopened, [path])
    finally:
        after = file_state(reopened)
    (outcome,) = report.outcomes
    assert report.backup is None  # refused before the backup step: nothing was about to change
    return outcome, before, after


@pytest.fixture
def package_file(village, township, usb) -> Path:
    return export.export_for(village, township.device_id, usb).path


def damaged(source: Path, name: str, data: bytes) -> Path:
    path = source.with_name(name + package.SUFFIX)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("keep", [0.5, 0.99, 10 / 1000, 5 / 1000000])
def test_truncated_package(package_file, township, keep):
    data = package_file.read_bytes()
    path = damaged(package_file, "truncated", data[:max(1, int(len(data) * keep))])
    outcome, before, after = refused(township, path)
    assert outcome.status == "rejected" and outcome.code in {"truncated", "corrupt"}
    assert "不完整" in outcome.reason or "损坏" in outcome.reason
    assert before == after


@pytest.mark.parametrize("where", ["magic", "version", "recipient", "nonce", "middle", "tag"])
def test_one_flipped_byte(package_file, township, where):
    data = bytearray(package_file.read_bytes())
    position = {"magic": 2, "version": 7, "recipient": 8 + 7, "nonce": 8 + 47 + 3,
                "middle": len(data) // 2, "tag": len(data) - 1}[where]
    data[position] ^= 0x01
    outcome, before, after = refused(township, damaged(package_file, f"flipped-{where}", bytes(data)))
    assert outcome.status == "rejected"
    assert outcome.code in {"not_a_package", "newer_format", "wrong_recipient", "corrupt"}
    assert before == after


def test_wrong_recipient(package_file, village2):
    outcome, before, after = refused(village2, package_file)
    assert (outcome.status, outcome.code) == ("rejected", "wrong_recipient")
    assert "不是发给本机" in outcome.reason
    assert before == after


def test_unknown_sender_gets_the_fingerprint_to_compare(tmp_path, township, usb):
    stranger = make_installation(tmp_path, "南湖村", "village", "330521100203")
    keys.trust(stranger, keys.public_card(township))  # it knows the township; the township does not know it
    path = export.export_for(stranger, township.device_id, usb).path
    outcome, before, after = refused(township, path)
    assert (outcome.status, outcome.code) == ("rejected", "unknown_sender")
    assert keys.show_fingerprint(keys.public_card(stranger).fingerprint) in outcome.reason
    assert before == after
    stranger.close()


def test_revoked_sender(package_file, village, township):
    keys.revoke(township, village.device_id)
    outcome, before, after = refused(township, package_file)
    assert outcome.code == "revoked_sender" and before == after


def test_replayed_package_is_merged_exactly_once(package_file, township):
    first = merge.import_packages(township, [package_file]).outcomes[0]
    assert first.status == "merged"
    outcome, before, after = refused(township, package_file)
    assert (outcome.status, outcome.code) == ("rejected", "replay")
    assert "导入过" in outcome.reason
    assert before == after


def test_package_of_a_newer_format_version(village, township, usb, monkeypatch):
    monkeypatch.setattr(package, "FORMAT_VERSION", 2)
    path = export.export_for(village, township.device_id, usb).path
    monkeypatch.setattr(package, "FORMAT_VERSION", 1)
    outcome, before, after = refused(township, path)
    assert (outcome.status, outcome.code) == ("rejected", "newer_format")
    assert "升级" in outcome.reason
    assert before == after


def test_tampered_content_with_a_valid_seal_is_refused_by_the_signature(village, township, usb):
    """An attacker who knows the township's public key can seal anything; only the village can sign."""
    good = export.export_for(village, township.device_id, usb).path
    inner = keys.open_sealed(township, good.read_bytes()[8:], context=package.context_bytes())
    header_len = int.from_bytes(inner[4:8], "big")
    header = inner[8:8 + header_len].replace(b'"full": false', b'"full": true ')
    forged = inner[:8] + header + inner[8 + header_len:]
    blob = package.context_bytes() + keys.seal_to(keys.public_card(township), forged, context=package.context_bytes())
    outcome, before, after = refused(township, damaged(good, "forged", blob))
    assert outcome.code == "bad_signature" and before == after


@pytest.fixture
def tiny_disk(tmp_path):
    mount = tmp_path / "stick"
    mount.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("needs root to mount a tmpfs")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_full_disk_on_export(village, township, tiny_disk):
    (tiny_disk / "photo.jpg").write_bytes(b"x" * 20_000)  # a stick that is already half full
    before = file_state(village)
    reopened = Database.open(village.path)
    with pytest.raises(ValidationError) as err:
        export.export_for(reopened, township.device_id, tiny_disk)
    assert err.value.code == "disk_full" and "空间不足" in err.value.message
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["photo.jpg"]  # no half file left behind
    assert file_state(reopened) == before  # no package recorded as sent


def test_interrupted_write_leaves_no_file_that_looks_valid(tmp_path, package_file, township):
    target = tmp_path / "stick"
    target.mkdir()
    data = package_file.read_bytes()
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from fieldworker.exchange.atomic import atomic_write_chunks
        data = Path({str(package_file)!r}).read_bytes()
        def chunks():
            yield data[: len(data) // 2]
            print("half written", flush=True)
            time.sleep(60)  # the stick is pulled here
            yield data[len(data) // 2:]
        atomic_write_chunks(Path({str(target / package_file.name)!r}), chunks())
    """)
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE) as writer:
        assert writer.stdout.readline().strip() == b"half written"
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
    assert not (target / package_file.name).exists()
    leftovers = list(target.iterdir())
    assert [p.name.endswith(".part") for p in leftovers] == [True]
    assert merge.package_files([target]) == []  # a folder import never picks up the half file
    outcome, before, after = refused(township, leftovers[0])
    assert outcome.status == "rejected" and outcome.code in {"corrupt", "truncated"}
    assert before == after


def test_export_cancelled_after_writing_leaves_neither_file_nor_record(village, township, usb):
    from fieldworker.jobs import Cancelled, Progress

    before = file_state(village)
    reopened = Database.open(village.path)
    # 取消 pressed just as the file was being written: the job stops at its next report.
    progress = Progress(lambda done, _total, _text: progress.cancel() if done == 3 else None)
    with pytest.raises(Cancelled):
        export.export_for(reopened, township.device_id, usb, progress=progress)
    assert list(usb.iterdir()) == []
    assert file_state(reopened) == before
