"""Atomic publishing: a reader sees the whole old file or the whole new one."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from confwatch.feeds.write import atomic_write, discard, publish, stage


def test_atomic_write_creates_the_file_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "feeds" / "feed.atom"
    atomic_write(target, b"<feed/>")
    assert target.read_bytes() == b"<feed/>"
    assert [p.name for p in target.parent.iterdir()] == ["feed.atom"]


def test_atomic_write_replaces_existing_content(tmp_path: Path) -> None:
    target = tmp_path / "feed.atom"
    target.write_bytes(b"old and longer content")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.atom"]


def test_failed_write_keeps_the_old_file_and_removes_the_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "feed.atom"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        atomic_write(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.atom"]


def test_published_file_is_readable_by_others(tmp_path: Path) -> None:
    target = tmp_path / "index.html"
    atomic_write(target, b"<!doctype html>")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_replacing_keeps_an_open_reader_on_the_old_content(tmp_path: Path) -> None:
    target = tmp_path / "feed.rss"
    target.write_bytes(b"old")
    with target.open("rb") as reader:
        atomic_write(target, b"new")
        assert reader.read() == b"old"  # os.replace swaps the name; nobody sees a half file
    assert target.read_bytes() == b"new"


def test_staged_file_is_published_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "feed.atom"
    target.write_bytes(b"old")
    tmp_name = stage(target, b"new")
    assert target.read_bytes() == b"old"  # staged, not yet visible
    assert stat.S_IMODE(Path(tmp_name).stat().st_mode) == 0o644
    publish(tmp_name, target)
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.atom"]


def test_discarded_stage_leaves_nothing(tmp_path: Path) -> None:
    tmp_name = stage(tmp_path / "feed.atom", b"new")
    discard(tmp_name)
    discard(tmp_name)  # twice is fine
    assert list(tmp_path.iterdir()) == []
