"""Announced runs that the database has already closed (their coordinator died).

When a coordinator dies, its parent closes the run as failed in the database, but the run is
still announced in Redis: nobody retired it. Workers must drop it instead of joining it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from confwatch.spiders import distributed
from confwatch.store.api import Store
from tests.conftest import RedisSpace
from tests.system.test_distributed import confwatch


def test_worker_drops_an_announced_run_the_database_closed_and_exits_cleanly(
    home: Path, redis_space: RedisSpace
) -> None:
    env = dict(
        os.environ,
        CONFWATCH_HOME=str(home),
        DATABASE_URL=f"sqlite:///{home}/cw.db",
        CONFWATCH_REDIS_URL=redis_space.url,
        CONFWATCH_REDIS_PREFIX=redis_space.prefix,
    )
    home.mkdir(parents=True, exist_ok=True)
    assert confwatch("db", "upgrade", env=env).returncode == 0
    store = Store.open(env["DATABASE_URL"])
    run = store.begin_run("osce")
    keys = distributed.RunKeys(redis_space.prefix, "osce", run.id)
    distributed.announce(
        redis_space.client,
        keys,
        holder="coordinator",
        started_at=dt.datetime.now(dt.UTC).isoformat(),
    )
    store.finish_run(run, status="failed", pages=0, stats={})  # what the dead one's parent does
    store.close()

    done = confwatch("worker", "--wait", "0", "--json", env=env)

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"pages": {}}
    client = redis_space.client
    assert client.smembers(f"{redis_space.prefix}:runs") == set()
    assert client.hget(keys.state, "status") == b"finished"
    assert all(0 < client.ttl(k) <= distributed.KEEP_AFTER for k in redis_space.stored_keys())
