"""HTTP caching of the published files: validators, conditional requests and gzip variants.

A file version is its (path, inode, mtime_ns, size). For each version ``FileVersions`` hashes the
content once (SHA-256: the strong ``ETag``) and compresses it once, on the first request that
accepts gzip; the gzip variant's ETag is the identity's plus ``-gzip``. A build rewrites every
file, changed or not: a new version with the same content keeps the earlier ``Last-Modified``, so
``If-Modified-Since`` still gets a 304 (in this process; after a restart the file's mtime is used).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from io import BufferedReader

# Worth compressing: text formats only, and files big enough for gzip's 18-byte frame to pay.
COMPRESSIBLE = ("text/", "application/atom+xml", "application/rss+xml", "application/xml")
GZIP_MIN = 256  # bytes
GZIP_MAX = 16 * 1024 * 1024  # bigger files go uncompressed rather than held in memory


@dataclass
class Version:
    """One version of one file: its validators and, once asked for, its gzip body."""

    key: tuple[int, int, int]  # (inode, mtime_ns, size)
    digest: str
    modified: int  # seconds since the epoch: Last-Modified
    gzipped: bytes | None = field(default=None, repr=False)

    def etag(self, *, gzip: bool = False) -> str:
        return f'"{self.digest}-gzip"' if gzip else f'"{self.digest}"'


class FileVersions:
    """Validators and gzip bodies per published file, computed once per version; thread-safe.

    Holds at most ``max_files`` files and ``max_gzip_bytes`` of compressed bodies, dropping the
    least recently served first.
    """

    def __init__(self, max_files: int = 1024, max_gzip_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_files = max_files
        self.max_gzip_bytes = max_gzip_bytes
        self._lock = threading.Lock()
        self._files: OrderedDict[str, Version] = OrderedDict()
        self._gzip_bytes = 0

    def __contains__(self, path: object) -> bool:
        with self._lock:
            return path in self._files

    def version(self, path: str, handle: BufferedReader) -> Version:
        """The version of the file open as ``handle`` (read once per version, then cached)."""
        st = os.fstat(handle.fileno())
        key = (st.st_ino, st.st_mtime_ns, st.st_size)
        with self._lock:
            known = self._files.get(path)
            if known is not None and known.key == key:
                self._files.move_to_end(path)
                return known
        handle.seek(0)
        digest = hashlib.file_digest(handle, "sha256").hexdigest()[:32]
        handle.seek(0)
        modified = int(st.st_mtime)
        with self._lock:
            known = self._files.get(path)
            if known is not None and known.key == key:  # another thread got here first
                return known
            if known is not None and known.digest == digest:
                modified = min(modified, known.modified)  # rewritten, not changed
            version = Version(key, digest, modified)
            self._put(path, version)
            return version

    def gzipped(self, path: str, version: Version, handle: BufferedReader) -> bytes:
        """The gzip body of ``version`` (whose file is open as ``handle``), compressed once."""
        if version.gzipped is not None:
            return version.gzipped
        handle.seek(0)
        body = gzip.compress(handle.read(), compresslevel=6, mtime=0)
        with self._lock:
            if version.gzipped is None:
                version.gzipped = body
                if self._files.get(path) is version:
                    self._gzip_bytes += len(body)
                    self._evict()
            return version.gzipped

    def _put(self, path: str, version: Version) -> None:
        self._drop(path)
        self._files[path] = version
        self._evict()

    def _drop(self, path: str) -> None:
        old = self._files.pop(path, None)
        if old is not None and old.gzipped is not None:
            self._gzip_bytes -= len(old.gzipped)

    def _evict(self) -> None:
        while len(self._files) > 1 and (
            len(self._files) > self.max_files or self._gzip_bytes > self.max_gzip_bytes
        ):
            self._drop(next(iter(self._files)))


def compressible(content_type: str, size: int) -> bool:
    return content_type.startswith(COMPRESSIBLE) and GZIP_MIN <= size <= GZIP_MAX


def accepts_gzip(accept_encoding: str | None) -> bool:
    """Whether an ``Accept-Encoding`` value allows gzip (RFC 9110 §12.5.3; q=0 refuses)."""
    if not accept_encoding:
        return False
    qualities: dict[str, float] = {}
    for item in accept_encoding.split(","):
        coding, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if coding:
            qualities[coding.lower()] = quality
    for name in ("gzip", "x-gzip"):
        if name in qualities:
            return qualities[name] > 0
    return qualities.get("*", 0.0) > 0


def http_date(seconds: int) -> str:
    return email.utils.formatdate(seconds, usegmt=True)


def not_modified(
    if_none_match: str | None, if_modified_since: str | None, etag: str, modified: int
) -> bool:
    """Whether a GET or HEAD with these request headers gets a 304 (RFC 9110 §13.2.2):
    ``If-None-Match`` decides when present (weak comparison); otherwise ``If-Modified-Since``
    when it is a valid date not older than the file."""
    if if_none_match is not None:
        tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
        return "*" in tags or etag in tags
    if if_modified_since:
        try:
            since = email.utils.parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False  # an invalid date is ignored
        if since.tzinfo is None:
            since = since.replace(tzinfo=dt.UTC)
        return modified <= since.timestamp()
    return False
