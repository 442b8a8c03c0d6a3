"""Leases: which process of a distributed run holds which requests, and taking them back from
processes that died (decision 0004).

Two keys of a run (see ``distributed.RunKeys``)::

    BASE:busy   worker -> Redis time (ms) its lease was last renewed: it may hold requests
    BASE:held   "WORKER\\nENCODED REQUEST" -> the request's score in the queue: what it holds

A process takes a request from the run's queue, records it as held and marks itself busy in one
Lua script, so a request is always in the queue or held under a lease. While it holds requests a
heartbeat renews its lease every second, whatever its spider is doing; when Scrapy finds it idle
(nothing downloading, nothing being parsed) every request it took is finished, and it releases
them all with its mark. A lease not renewed for ``LEASE_TIMEOUT`` belongs to a dead process: any
live process of the run puts that process's held requests back onto the queue, with their
priority, and removes its mark, in one script. So "queue empty and nobody busy" means done.

Times are Redis's own clock (``TIME``): the machines of a run need not agree on the time.
"""

from __future__ import annotations

from redis import Redis
from redis.client import Pipeline

#: A lease not renewed for this long is a dead process's (seconds). The heartbeat runs on the
#: reactor, so anything that blocks it delays renewals: parsing a page (well under a second even
#: at the 5 MB page cap), a store write waiting for SQLite's lock (up to its 30 s busy timeout), a
#: slow Redis call. 30 s leaves the ordinary ones far behind and recovers a dead worker's requests
#: in half a minute, against a crawl_timeout of 30 min. A live process that loses its lease anyway
#: costs only a second fetch of what it held: someone else takes it, and store writes are
#: idempotent per (source, URL).
LEASE_TIMEOUT = 30.0

# Redis time in milliseconds, for the scripts below.
_NOW = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
"""

# KEYS: queue, busy, held; ARGV: worker. The first request of the queue, or nil.
_TAKE = (
    _NOW
    + """
local r = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #r == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], ARGV[1], now)
redis.call('HSET', KEYS[3], ARGV[1] .. '\\n' .. r[1], r[2])
return r[1]
"""
)

# KEYS: busy; ARGV: worker. Busy from now, holding nothing yet (a process that is starting).
_MARK = _NOW + "redis.call('HSET', KEYS[1], ARGV[1], now)"

# KEYS: busy; ARGV: worker. 1 when renewed; 0 when the process holds no lease (idle, or its
# lease was taken back: it must not revive a lease whose requests went back to the queue).
_RENEW = (
    _NOW
    + """
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], now)
return 1
"""
)

# KEYS: busy, held; ARGV: worker. Everything the worker took is finished.
_RELEASE = """
local prefix = ARGV[1] .. '\\n'
for _, field in ipairs(redis.call('HKEYS', KEYS[2])) do
  if string.sub(field, 1, #prefix) == prefix then redis.call('HDEL', KEYS[2], field) end
end
redis.call('HDEL', KEYS[1], ARGV[1])
"""

# KEYS: busy, held, queue; ARGV: timeout (ms), worker. Every lease older than the timeout, or
# only the worker's lease if one is named: its requests back onto the queue, its mark gone.
# Returns {worker, requests, worker, requests, ...}.
_RECLAIM = (
    _NOW
    + """
local busy = redis.call('HGETALL', KEYS[1])
local dead, out = {}, {}
for i = 1, #busy, 2 do
  local expired = ARGV[2] == '' and now - tonumber(busy[i + 1]) >= tonumber(ARGV[1])
  if expired or busy[i] == ARGV[2] then
    dead[busy[i]] = 0
    redis.call('HDEL', KEYS[1], busy[i])
  end
end
if next(dead) == nil then return out end
local held = redis.call('HGETALL', KEYS[2])
for i = 1, #held, 2 do
  local cut = string.find(held[i], '\\n', 1, true) or 1
  local worker = string.sub(held[i], 1, cut - 1)
  if dead[worker] then
    redis.call('ZADD', KEYS[3], held[i + 1], string.sub(held[i], cut + 1))
    redis.call('HDEL', KEYS[2], held[i])
    dead[worker] = dead[worker] + 1
  end
end
for worker, n in pairs(dead) do
  table.insert(out, worker)
  table.insert(out, n)
end
return out
"""
)


class Leases:
    """The leases of one run: taking, renewing, releasing, giving back and reclaiming."""

    def __init__(self, redis: Redis, *, queue: str, busy: str, held: str) -> None:
        self.redis = redis
        self.queue = queue
        self.busy = busy
        self.held = held
        self._take = redis.register_script(_TAKE)
        self._mark = redis.register_script(_MARK)
        self._renew = redis.register_script(_RENEW)
        self._release = redis.register_script(_RELEASE)
        self._reclaim = redis.register_script(_RECLAIM)

    def take(self, worker: str) -> bytes | None:
        """Pop the queue's first request, held by ``worker`` under its lease; None when empty."""
        found = self._take(keys=[self.queue, self.busy, self.held], args=[worker])
        return bytes(found) if found is not None else None

    def mark(self, worker: str, client: Redis | Pipeline | None = None) -> None:
        """``worker`` is busy from now on, before it took anything."""
        self._mark(keys=[self.busy], args=[worker], client=client)

    def renew(self, worker: str) -> bool:
        """Renew ``worker``'s lease; False when it holds none (it is idle, or was reclaimed)."""
        return bool(self._renew(keys=[self.busy], args=[worker]))

    def release(self, worker: str, client: Redis | Pipeline | None = None) -> None:
        """``worker`` is idle: every request it took is finished; it holds no lease."""
        self._release(keys=[self.busy, self.held], args=[worker], client=client)

    def reclaim(self, timeout: float = LEASE_TIMEOUT) -> dict[str, int]:
        """Put the held requests of every process whose lease is older than ``timeout`` seconds
        back onto the queue and remove its mark; returns requests put back per dead process."""
        return self._put_back(int(timeout * 1000), "")

    def give_back(self, worker: str) -> int:
        """``worker`` stops before finishing what it took (shutdown, page budget): put its held
        requests back onto the queue for the others, and drop its lease; returns how many."""
        return self._put_back(0, worker).get(worker, 0)

    def _put_back(self, timeout_ms: int, worker: str) -> dict[str, int]:
        raw = self._reclaim(keys=[self.busy, self.held, self.queue], args=[timeout_ms, worker])
        pairs = iter(raw)
        return {_text(w): int(n) for w, n in zip(pairs, pairs, strict=True)}

    def holders(self) -> list[str]:
        """Processes that hold a lease (busy), live or not yet found dead."""
        return sorted(_text(w) for w in self.redis.hkeys(self.busy))


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
