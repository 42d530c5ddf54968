"""Atomic file writes for packages on a USB stick: either the complete verified file or nothing.

Temporary file in the target folder → write → flush + fsync → read back and compare the
hash → rename over the final name → fsync the folder. A pulled stick or a full disk leaves
at most a ``.part`` file, which no importer accepts as a package.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
from pathlib import Path
from typing import Iterable

from fieldworker.domain.errors import ValidationError

PART_SUFFIX = ".part"


class WriteFailed(ValidationError):
    pass


def atomic_write_chunks(path: Path, chunks: Iterable[bytes]) -> str:
    """Write ``chunks`` to ``path`` atomically; returns the file's SHA-256 (hex)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}{PART_SUFFIX}")
    digest = hashlib.sha256()
    try:
        with open(tmp, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
                digest.update(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        expected = digest.hexdigest()
        if _file_hash(tmp) != expected:
            raise WriteFailed("readback", f"写入后读回校验不符：{path.parent}（U盘可能有故障），请换一个U盘重试")
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise WriteFailed("disk_full", f"目标磁盘空间不足，未写入：{path}（已删除未完成的文件）") from None
        raise WriteFailed("write_failed", f"无法写入 {path}：{exc.strerror or exc}（已删除未完成的文件）") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return expected


def atomic_write_bytes(path: Path, data: bytes) -> str:
    return atomic_write_chunks(path, [data])


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        # The page cache may answer this read; after fsync that is what the disk acknowledged.
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_dir(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):
        return  # Windows: os.replace is already durable enough on NTFS
    fd = os.open(folder, os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
