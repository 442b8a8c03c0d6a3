"""Fixtures for scale-out tests: the machine's real Redis, under a key prefix of each test's own.

Locally a Redis that is down skips with the reason; under ``CI=true`` it fails (as PostgreSQL does).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from redis import Redis

REDIS_URL = os.environ.get("CONFWATCH_TEST_REDIS", "redis://127.0.0.1:6379/0")


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
