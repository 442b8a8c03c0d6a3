"""Leases of a distributed run (spiders/leases.py) against the machine's real Redis.

A lease's age is Redis's clock; a dead process is one whose mark is older than the timeout, so
these tests age a mark by writing it as Redis time minus a minute instead of waiting.
"""

from __future__ import annotations

import pytest

from confwatch.spiders.leases import LEASE_TIMEOUT, Leases
from tests.conftest import RedisSpace


@pytest.fixture
def leases(redis_space: RedisSpace) -> Leases:
    base = f"{redis_space.prefix}:src:1"
    return Leases(
        redis_space.client, queue=f"{base}:requests", busy=f"{base}:busy", held=f"{base}:held"
    )


def queued(leases: Leases) -> list[tuple[bytes, float]]:
    return list(leases.redis.zrange(leases.queue, 0, -1, withscores=True))


def age_by_a_minute(leases: Leases, worker: str) -> None:
    seconds, micros = leases.redis.time()
    leases.redis.hset(leases.busy, worker, seconds * 1000 + micros // 1000 - 60_000)


def test_a_taken_request_is_held_under_the_takers_lease(leases: Leases) -> None:
    leases.redis.zadd(leases.queue, {b"listing": -10, b"event": 0})
    assert leases.take("w1") == b"listing"  # lowest score first: the highest priority
    assert queued(leases) == [(b"event", 0.0)]
    assert leases.holders() == ["w1"]
    assert leases.redis.hgetall(leases.held) == {b"w1\nlisting": b"-10"}


def test_taking_from_an_empty_queue_takes_no_lease(leases: Leases) -> None:
    assert leases.take("w1") is None
    assert leases.holders() == []


def test_going_idle_releases_the_workers_requests_and_mark_only(leases: Leases) -> None:
    leases.redis.zadd(leases.queue, {b"a": 0, b"b": 1})
    leases.take("w1")
    leases.take("w2")
    leases.release("w1")
    assert leases.holders() == ["w2"]
    assert leases.redis.hkeys(leases.held) == [b"w2\nb"]


def test_a_dead_workers_requests_go_back_to_the_queue_with_their_priority(
    leases: Leases,
) -> None:
    leases.redis.zadd(leases.queue, {b"listing": -10, b"event": 0, b"other": 5})
    leases.take("dead")
    leases.take("dead")
    age_by_a_minute(leases, "dead")
    assert leases.reclaim() == {"dead": 2}
    assert queued(leases) == [(b"listing", -10.0), (b"event", 0.0), (b"other", 5.0)]
    assert leases.holders() == []
    assert leases.redis.hlen(leases.held) == 0
    assert leases.reclaim() == {}  # a second process looking at once finds nothing left to do


def test_a_live_workers_lease_is_left_alone(leases: Leases) -> None:
    leases.redis.zadd(leases.queue, {b"a": 0, b"b": 1})
    leases.take("live")
    leases.take("dead")
    age_by_a_minute(leases, "dead")
    assert leases.reclaim(LEASE_TIMEOUT) == {"dead": 1}
    assert queued(leases) == [(b"b", 1.0)]
    assert leases.holders() == ["live"]
    assert leases.redis.hkeys(leases.held) == [b"live\na"]


def test_a_dead_worker_that_held_nothing_yet_loses_its_mark(leases: Leases) -> None:
    leases.mark("starting")
    age_by_a_minute(leases, "starting")
    assert leases.reclaim() == {"starting": 0}
    assert leases.holders() == []


def test_a_worker_that_stops_early_gives_back_what_it_holds_at_once(leases: Leases) -> None:
    leases.redis.zadd(leases.queue, {b"a": 0, b"b": 1, b"c": 2})
    leases.take("stopping")
    leases.take("other")
    assert leases.give_back("stopping") == 1  # its lease is young: no waiting for the timeout
    assert queued(leases) == [(b"a", 0.0), (b"c", 2.0)]
    assert leases.holders() == ["other"]
    assert leases.redis.hkeys(leases.held) == [b"other\nb"]


def test_renewing_keeps_a_lease_alive(leases: Leases) -> None:
    leases.redis.zadd(leases.queue, {b"a": 0})
    leases.take("w1")
    age_by_a_minute(leases, "w1")
    assert leases.renew("w1")
    assert leases.reclaim() == {}
    assert leases.holders() == ["w1"]


def test_a_worker_whose_lease_was_reclaimed_cannot_renew_it(leases: Leases) -> None:
    # It was only slow: its requests are in the queue again for others, so it must not go on
    # looking busy for requests it no longer holds.
    leases.redis.zadd(leases.queue, {b"a": 0})
    leases.take("slow")
    age_by_a_minute(leases, "slow")
    leases.reclaim()
    assert not leases.renew("slow")
    assert leases.holders() == []
    assert queued(leases) == [(b"a", 0.0)]


def test_an_idle_worker_does_not_renew_into_a_lease(leases: Leases) -> None:
    assert not leases.renew("idle")
    assert leases.holders() == []
