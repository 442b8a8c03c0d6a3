"""Validators and gzip bodies of published files, computed once per file version."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from confwatch.scheduler.service.http_cache import FileVersions, accepts_gzip, not_modified


def write(path: Path, data: bytes, mtime: int) -> None:
    path.write_bytes(data)
    os.utime(path, (mtime, mtime))


def test_an_unchanged_file_is_hashed_and_compressed_once(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    write(path, b"<feed>" + b"x" * 1000 + b"</feed>", 1_600_000_000)
    versions = FileVersions()
    with path.open("rb") as first, path.open("rb") as second:
        one = versions.version(str(path), first)
        body = versions.gzipped(str(path), one, first)
        assert versions.version(str(path), second) is one
        assert versions.gzipped(str(path), one, second) is body
    assert gzip.decompress(body) == path.read_bytes()


def test_a_changed_file_is_a_new_version_with_a_new_etag(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    write(path, b"<feed>one</feed>", 1_600_000_000)
    versions = FileVersions()
    with path.open("rb") as handle:
        before = versions.version(str(path), handle)
    write(path, b"<feed>two</feed>", 1_600_000_060)
    with path.open("rb") as handle:
        after = versions.version(str(path), handle)
    assert after.etag() != before.etag()
    assert after.modified == 1_600_000_060


def test_a_rewrite_with_the_same_content_keeps_the_earlier_last_modified(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    write(path, b"<feed>same</feed>", 1_600_000_000)
    versions = FileVersions()
    with path.open("rb") as handle:
        before = versions.version(str(path), handle)
    write(path, b"<feed>same</feed>", 1_600_003_600)
    with path.open("rb") as handle:
        after = versions.version(str(path), handle)
    assert (after.etag(), after.modified) == (before.etag(), 1_600_000_000)


def test_compressed_bodies_beyond_the_budget_are_dropped_least_recent_first(
    tmp_path: Path,
) -> None:
    versions = FileVersions(max_gzip_bytes=1)
    paths = []
    for n in range(3):
        paths.append(tmp_path / f"f{n}.atom")
        write(paths[-1], os.urandom(2000), 1_600_000_000)
        with paths[-1].open("rb") as handle:
            versions.gzipped(str(paths[-1]), versions.version(str(paths[-1]), handle), handle)
    assert [str(p) in versions for p in paths] == [False, False, True]


@pytest.mark.parametrize(
    ("header", "gzip_ok"),
    [
        (None, False),
        ("", False),
        ("gzip", True),
        ("GZIP", True),
        ("deflate, gzip;q=0.1", True),
        ("gzip;q=0", False),
        ("gzip; q=0.0", False),
        ("x-gzip", True),
        ("*", True),
        ("*;q=0", False),
        ("*, gzip;q=0", False),
        ("identity", False),
        ("br, deflate", False),
        ("gzip;q=nonsense", False),
    ],
)
def test_accept_encoding_allows_gzip_unless_refused(header: str | None, gzip_ok: bool) -> None:
    assert accepts_gzip(header) is gzip_ok


@pytest.mark.parametrize(
    ("if_none_match", "if_modified_since", "expected"),
    [
        ('"abc"', None, True),
        ('"x", "abc"', None, True),
        ('W/"abc"', None, True),  # If-None-Match compares weakly
        ("*", None, True),
        ('"abc-gzip"', None, False),
        ('"abd"', "Mon, 14 Sep 2020 00:00:00 GMT", False),  # If-None-Match decides
        (None, "Sun, 13 Sep 2020 12:26:40 GMT", True),
        (None, "Sun, 13 Sep 2020 12:26:39 GMT", False),
        (None, "Sunday, 13-Sep-20 12:26:40 GMT", True),  # RFC 850 form
        (None, "yesterday", False),
        (None, None, False),
    ],
)
def test_conditional_request_rules(
    if_none_match: str | None, if_modified_since: str | None, expected: bool
) -> None:
    assert not_modified(if_none_match, if_modified_since, '"abc"', 1_600_000_000) is expected
