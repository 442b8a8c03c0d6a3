"""Bad homes and bad databases: a read-only CONFWATCH_HOME, a damaged or newer database, paths
longer than the system allows. Every command answers with one line and exit status 2 (or does
its reading work read-only), never an "unexpected" error, and ``status`` never says ok on a
damaged store. Each case runs the real command in its own process on a real crawled home."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO
from tests.system.conftest import confwatch

NEWER = "f00dfeedbeef"
DAMAGED = "is damaged"
RESTORE = "restore it from a backup (docs/operations.md)"


def base_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONFWATCH_", "DATABASE_URL"))}
    # Nothing listens on port 9: a command that wrongly went on to crawl reaches no real site.
    return env | {"CONFWATCH_HOME": str(home), "CONFWATCH_REPLAY_URL": "http://127.0.0.1:9"}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home holding the demo snapshot, crawled by the real spiders (copied by each test)."""
    home = tmp_path_factory.mktemp("crawled") / "home"
    done = confwatch(base_env(home), "demo", "--sites", str(FIXTURES / "sites"), timeout=300)
    assert done.returncode == 0, done.stderr
    return home


@pytest.fixture
def home(crawled: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(crawled, copy)
    return copy


def one_error_line(stderr: str) -> str:
    """The command's error line; fails unless there is exactly one and nothing 'unexpected'."""
    errors = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, stderr[-3000:]
    assert stderr.rstrip("\n").splitlines()[-1] == errors[0], stderr[-3000:]  # nothing after it
    assert "unexpected" not in stderr, stderr[-3000:]
    return errors[0]


def store_commands(out: Path) -> list[list[str]]:
    """Commands that open the store, with typical arguments."""
    return [
        ["status"],
        ["status", "--json"],
        ["events"],
        ["events", "show", "1", "--json"],
        ["crawl", "gia-mn"],
        ["feeds"],
        ["subscribers", "list"],
        ["digest", "preview", "--out", str(out / "digest.eml")],
        ["db", "upgrade"],
    ]


# -- a damaged database ------------------------------------------------------------------------


def test_every_command_on_a_file_of_random_bytes_says_damaged_and_exits_2(
    home: Path, tmp_path: Path
) -> None:
    db = home / "confwatch.db"
    db.write_bytes(os.urandom(64 * 4096))
    for command in store_commands(tmp_path):
        done = confwatch(base_env(home), *command, timeout=120)
        assert done.returncode == 2, (command, done.stderr[-2000:])
        line = one_error_line(done.stderr)
        assert DAMAGED in line and str(db) in line and RESTORE in line, (command, line)
        assert done.stdout == "", command


def zero_pages(db: Path, table: str, count: int) -> list[int]:
    """Overwrite ``count`` pages of ``table``'s b-tree with zeros; their page numbers."""
    with sqlite3.connect(db) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            n
            for (n,) in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", (table,)
            )
        ]
    assert len(pages) > count, f"{table} has only {len(pages)} pages"
    chosen = pages[len(pages) // 2 : len(pages) // 2 + count]
    with db.open("r+b") as handle:
        for n in chosen:
            handle.seek((n - 1) * size)
            handle.write(bytes(size))
    return chosen


@pytest.mark.parametrize("tables", ["event", "revision", "sighting", "event+revision+sighting"])
def test_status_on_a_database_with_zeroed_pages_is_not_ok(home: Path, tables: str) -> None:
    for table in tables.split("+"):
        zero_pages(home / "confwatch.db", table, 2)
    for command in (["status"], ["status", "--json"]):
        done = confwatch(base_env(home), *command)
        assert done.returncode == 2, (command, done.stdout, done.stderr[-2000:])
        line = one_error_line(done.stderr)
        assert DAMAGED in line and RESTORE in line, line
        assert " ok " not in done.stdout and '"ok": true' not in done.stdout


@pytest.mark.parametrize(
    "command", [["events"], ["events", "--json"], ["crawl", "gia-mn"], ["feeds"]]
)
def test_reading_a_zeroed_page_says_damaged_and_exits_2(home: Path, command: list[str]) -> None:
    zero_pages(home / "confwatch.db", "event", 2)
    done = confwatch(base_env(home), *command)
    assert done.returncode == 2, (command, done.stderr[-2000:])
    line = one_error_line(done.stderr)
    assert DAMAGED in line and RESTORE in line, line


# -- a database written by a newer confwatch ---------------------------------------------------


def make_newer(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (NEWER,))


@pytest.mark.parametrize(
    "command", [["status"], ["events", "--json"], ["crawl", "gia-mn"], ["db", "upgrade"]]
)
def test_a_database_from_a_newer_confwatch_asks_for_an_upgrade_and_exits_2(
    home: Path, command: list[str]
) -> None:
    make_newer(home / "confwatch.db")
    done = confwatch(base_env(home), *command)
    assert done.returncode == 2, (command, done.stderr[-2000:])
    line = one_error_line(done.stderr)
    assert f"was written by a newer confwatch (revision {NEWER}): upgrade confwatch" in line
    with sqlite3.connect(home / "confwatch.db") as conn:  # and it was left alone
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(NEWER,)]


def test_a_postgresql_database_from_a_newer_confwatch_asks_for_an_upgrade(
    postgres_url: str, tmp_path: Path
) -> None:
    env = base_env(tmp_path / "home") | {"DATABASE_URL": postgres_url}
    assert confwatch(env, "db", "upgrade").returncode == 0
    import sqlalchemy as sa

    from confwatch.store.db import create_engine

    engine = create_engine(postgres_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = :v"), {"v": NEWER})
    engine.dispose()
    for command in (["status"], ["db", "upgrade"]):
        done = confwatch(env, *command)
        assert done.returncode == 2, (command, done.stderr[-2000:])
        assert f"newer confwatch (revision {NEWER})" in one_error_line(done.stderr)


# -- a read-only home --------------------------------------------------------------------------

MOUNT_RO = 'set -e; mount --bind "$1" "$1"; mount -o remount,ro,bind "$1" "$1"; shift; exec "$@"'


def _read_only_runner() -> tuple[list[str], str | None]:
    """The command prefix that runs a process with HOME read-only, or a reason it cannot."""
    if os.geteuid() != 0:
        return [], None  # chmod is enough for an ordinary user
    if shutil.which("unshare") is None:
        return [], "root can write anywhere, and unshare(1) is missing for a read-only mount"
    probe = subprocess.run(
        ["unshare", "--mount", "--", "sh", "-c", MOUNT_RO, "sh", "/tmp", "true"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return [], f"cannot make a read-only mount here: {probe.stderr.strip()}"
    return ["unshare", "--mount", "--", "sh", "-c", MOUNT_RO, "sh"], None


@pytest.fixture
def read_only(home: Path) -> Iterator[Path]:
    yield from _made_read_only(home)


def _made_read_only(home: Path) -> Iterator[Path]:
    prefix, reason = _read_only_runner()
    if reason:
        pytest.skip(reason)
    if not prefix:
        subprocess.run(["chmod", "-R", "a-w", str(home)], check=True)
    yield home
    if not prefix:
        subprocess.run(["chmod", "-R", "u+w", str(home)], check=True)


@pytest.fixture(params=["with its gazetteer cache", "without a cache folder"])
def read_only_for_extract(request: pytest.FixtureRequest, home: Path) -> Iterator[Path]:
    """A read-only home as the crawl left it (the gazetteer cached), or with no cache folder."""
    if request.param == "without a cache folder":
        shutil.rmtree(home / "cache", ignore_errors=True)
    yield from _made_read_only(home)


def run_read_only(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    prefix, _ = _read_only_runner()
    mount = [*prefix, str(home)] if prefix else []
    return subprocess.run(
        [*mount, sys.executable, "-m", "confwatch.scheduler", *args],
        env=base_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )


def test_the_read_only_mount_really_refuses_writes(read_only: Path) -> None:
    prefix, _ = _read_only_runner()
    if not prefix:
        pytest.skip("not root: chmod makes the home read-only")
    done = subprocess.run(
        [*prefix, str(read_only), "touch", str(read_only / "x")], capture_output=True, text=True
    )
    assert done.returncode != 0 and "Read-only file system" in done.stderr


def test_reading_commands_work_on_a_read_only_home(read_only: Path, tmp_path: Path) -> None:
    import json

    status = run_read_only(read_only, "status", "--json")
    assert status.returncode == 0, status.stderr[-2000:]
    assert json.loads(status.stdout)["ok"] is True
    events = run_read_only(read_only, "events", "--json")
    assert events.returncode == 0, events.stderr[-2000:]
    listed = json.loads(events.stdout)
    assert len(listed) == 11  # the recorded sites' 10 and the demo site's upcoming one
    shown = run_read_only(read_only, "events", "show", str(listed[0]["id"]), "--json")
    assert shown.returncode == 0 and json.loads(shown.stdout)["id"] == listed[0]["id"]
    assert run_read_only(read_only, "sources").returncode == 0
    preview = run_read_only(read_only, "digest", "preview", "--out", str(tmp_path / "d.eml"))
    assert preview.returncode == 0, preview.stderr[-2000:]
    assert (tmp_path / "d.eml").is_file()
    for done in (status, events, shown, preview):
        assert "unexpected" not in done.stderr and "Error" not in done.stderr


def test_extract_on_a_read_only_home_works_and_writes_nothing(read_only_for_extract: Path) -> None:
    import json

    home = read_only_for_extract
    before = sorted(str(p) for p in home.rglob("*"))
    page = FIXTURES / "sites" / "gia.gov.mn" / "en" / "12" / "item" / "514" / "index.html"
    done = run_read_only(home, "extract", str(page), "--json")
    assert done.returncode == 0, done.stderr[-2000:]
    assert isinstance(json.loads(done.stdout), list)
    assert "unexpected" not in done.stderr and "Error" not in done.stderr
    assert sorted(str(p) for p in home.rglob("*")) == before


@pytest.mark.parametrize(
    "command",
    [["crawl", "gia-mn"], ["feeds"], ["db", "upgrade"], ["subscribers", "add", "a@example.org"],
     ["serve", "--port", "0"]],
)  # fmt: skip
def test_writing_commands_on_a_read_only_home_say_so_and_exit_2(
    read_only: Path, command: list[str]
) -> None:
    done = run_read_only(read_only, *command)
    assert done.returncode == 2, (command, done.stderr[-2000:])
    line = one_error_line(done.stderr)
    assert f"CONFWATCH_HOME {read_only} is not writable" in line, line


# -- paths longer than the system allows --------------------------------------------------------


@pytest.fixture(params=["one-name", "deep"])
def long_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """5,000 characters: one over-long name, or 25 names of 200 (over PATH_MAX)."""
    if request.param == "one-name":
        return tmp_path / ("a" * 5000)
    return tmp_path.joinpath(*["b" * 199] * 25)


@pytest.mark.parametrize(
    "command",
    [["status"], ["events"], ["crawl", "gia-mn"], ["feeds"], ["db", "upgrade"],
     ["subscribers", "list"]],
)  # fmt: skip
def test_an_over_long_confwatch_home_is_one_line_and_exit_2(
    long_path: Path, command: list[str]
) -> None:
    done = confwatch(base_env(long_path), *command)
    assert done.returncode == 2, (command, done.stderr[-2000:])
    line = one_error_line(done.stderr)
    assert "CONFWATCH_HOME" in line and "too long" in line.lower(), line
    assert len(line) < 600, "the path is shortened in the message"


def test_sources_works_whatever_confwatch_home_is(long_path: Path) -> None:
    done = confwatch(base_env(long_path), "sources", "--json")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "unexpected" not in done.stderr


def test_over_long_paths_given_on_the_command_line_are_one_line_and_exit_2(
    long_path: Path, home: Path
) -> None:
    page = FIXTURES / "sites" / "gia.gov.mn" / "en" / "12" / "item" / "514" / "index.html"
    for command in (
        ["--config", str(long_path), "sources"],
        ["digest", "preview", "--out", str(long_path)],
        ["digest", "preview", "--out", str(long_path / "digest.eml")],
        ["extract", str(long_path), "--json"],
        ["extract", str(page), str(long_path), "--json"],
        ["eval", str(long_path)],
    ):
        done = confwatch(base_env(home), *command)
        assert done.returncode == 2, (command[:2], done.stderr[-2000:])
        one_error_line(done.stderr)
