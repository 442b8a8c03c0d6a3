"""Fixtures shared by the whole suite: real databases, no mocks.

``database_url`` is parametrised over a SQLite file in ``tmp_path`` and the machine's PostgreSQL
(127.0.0.1:5432, database ``test``), each test in a schema of its own. Locally a missing
PostgreSQL skips with the reason; under ``CI=true`` it fails, so CI never silently skips it.
``redis_space`` is the machine's real Redis, under a key prefix of each test's own, and is
skipped or required the same way.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from redis import Redis

PG_URL = os.environ.get("CONFWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
REDIS_URL = os.environ.get("CONFWATCH_TEST_REDIS", "redis://127.0.0.1:6379/0")


def _postgres_reason() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_URL.replace("+psycopg", ""), connect_timeout=3):
            return None
    except Exception as exc:  # any failure to connect means "not available here"
        return f"PostgreSQL at {PG_URL} is not reachable: {exc.__class__.__name__}: {exc}"


@pytest.fixture(scope="session")
def postgres_available() -> str | None:
    return _postgres_reason()


@pytest.fixture
def postgres_url(postgres_available: str | None) -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    if postgres_available:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI requires PostgreSQL: {postgres_available}")
        pytest.skip(postgres_available)
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    raw = PG_URL.replace("+psycopg", "")
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every store, consolidation and feed test runs on both backends."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'confwatch.db'}"
    return str(request.getfixturevalue("postgres_url"))


class ReplaySite:
    """The replay server in its own process, serving a copy of the recorded sites."""

    def __init__(self, root: Path, url: str, proc: subprocess.Popen[str]) -> None:
        self.root = root
        self.url = url
        self.proc = proc

    def page(self, real_url: str) -> Path:
        """The file behind a real URL, to edit it between crawls."""
        from urllib.parse import urlsplit

        parts = urlsplit(real_url)
        base = self.root / (parts.hostname or "") / parts.path.lstrip("/")
        return base if base.is_file() else base / "index.html"

    def requests(self, clear: bool = False) -> list[dict[str, object]]:
        import json
        import urllib.request

        with urllib.request.urlopen(f"{self.url}/_requests{'?clear=1' if clear else ''}") as r:
            return list(json.loads(r.read()))


def start_replay(root: Path) -> ReplaySite:
    proc = subprocess.Popen(
        [sys.executable, "-m", "confwatch.spiders.replay.server", "--root", str(root)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if not line.startswith("listening on "):
        proc.kill()
        raise RuntimeError(f"replay server did not start: {line!r}")
    return ReplaySite(root, line.removeprefix("listening on "), proc)


@pytest.fixture
def replay_site(tmp_path: Path) -> Iterator[ReplaySite]:
    """A real HTTP server on 127.0.0.1 serving a private copy of tests/fixtures/sites."""
    root = tmp_path / "sites"
    shutil.copytree(FIXTURES / "sites", root)
    site = start_replay(root)
    yield site
    site.proc.terminate()
    site.proc.wait(timeout=10)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh CONFWATCH_HOME; no DATABASE_URL or config leaking in from the environment."""
    path = tmp_path / "home"
    monkeypatch.setenv("CONFWATCH_HOME", str(path))
    for var in ("DATABASE_URL", "CONFWATCH_CONFIG", "CONFWATCH_REPLAY_URL", "CONFWATCH_LOG_FORMAT"):
        monkeypatch.delenv(var, raising=False)
    return path


def replay_env(home: Path, config: Path, replay_url: str) -> dict[str, str]:
    """The environment of a confwatch command crawling the recorded sites: its own home and
    configuration, the replay server for every request, no politeness delay."""
    return dict(
        os.environ,
        CONFWATCH_HOME=str(home),
        CONFWATCH_CONFIG=str(config),
        CONFWATCH_REPLAY_URL=replay_url,
        CONFWATCH_DOWNLOAD_DELAY="0",
    )


@dataclass
class RedisSpace:
    url: str
    prefix: str
    client: Redis

    def stored_keys(self) -> list[str]:
        return sorted(k.decode() for k in self.client.scan_iter(match=f"{self.prefix}:*"))


@pytest.fixture
def redis_space() -> Iterator[RedisSpace]:
    client = Redis.from_url(REDIS_URL, socket_connect_timeout=3)
    try:
        client.ping()
    except Exception as exc:  # any failure to connect means "not available here"
        reason = f"Redis at {REDIS_URL} is not reachable: {type(exc).__name__}: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI requires Redis: {reason}")
        pytest.skip(reason)
    space = RedisSpace(REDIS_URL, f"cwtest-{uuid.uuid4().hex[:10]}", client)
    yield space
    for key in client.scan_iter(match=f"{space.prefix}:*"):
        client.delete(key)
    client.close()
