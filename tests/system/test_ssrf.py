"""SSRF: a crawl reaches public http(s) addresses only, on every request and every redirect hop.

Scrapy's ``allowed_domains`` checks names, not addresses. ``confwatch.spiders.safety`` refuses IP
literals in every spelling, ``localhost`` names and non-http schemes before a request leaves, and
checks the address each host name resolved to before connecting. Only replay mode's own download
handler reaches 127.0.0.1.
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
from collections import Counter
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from w3lib.url import safe_url_string

from confwatch.errors import ConfigError
from confwatch.scheduler.config import load_settings
from confwatch.spiders.context import CrawlContext
from confwatch.spiders.safety import (
    AllowList,
    SafeResolver,
    UnsafeAddress,
    address_refusal,
    host_address,
    url_refusal,
)
from confwatch.spiders.settings import scrapy_settings
from tests.conftest import ReplaySite, start_replay
from tests.system.conftest import HOST, FaultySite, confwatch, crawl, stored, write_site

REFUSED = [
    "http://127.0.0.1/",
    "http://127.0.0.1:8080/admin",
    "http://127.1/",  # shortened
    "http://2130706433/",  # decimal
    "http://0x7f000001/",  # hex
    "http://0x7f.0.0.1/",
    "http://017700000001/",  # octal
    "http://0177.0.0.1/",
    "http://0/",  # 0.0.0.0
    "http://0.0.0.0:6379/",
    "http://localhost/",
    "http://LOCALHOST./",
    "http://admin.localhost/",
    "http://10.0.0.1/",
    "http://172.16.5.4/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata, link-local
    "http://100.64.0.1/",  # CGNAT
    "http://100.127.255.254/",
    "http://192.0.0.8/",  # IETF protocol assignments
    "http://198.18.0.1/",  # benchmarking
    "http://224.0.0.251/",  # multicast
    "http://240.0.0.1/",  # reserved
    "http://255.255.255.255/",
    "http://[::1]/",
    "http://[::]/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://[fd12:3456::1]/",
    "http://[ff02::1]/",
    "http://[::ffff:127.0.0.1]/",  # IPv4-mapped
    "http://[::ffff:a9fe:a9fe]/",  # IPv4-mapped 169.254.169.254
    "http://[::127.0.0.1]/",  # IPv4-compatible
    "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
    "http://[2002:a9fe:a9fe::1]/",  # 6to4 of 169.254.169.254
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",  # Teredo
    "http://[64:ff9b::a9fe:a9fe]/",  # NAT64 of 169.254.169.254
    "http://0x/",  # numeric but no address
    "file:///etc/passwd",
    "ftp://ftp.example.org/",
    "gopher://127.0.0.1:6379/_INFO",
    "data:text/html,<h1>x</h1>",
    "s3://bucket/key",
    "javascript:alert(1)",
    "http:///nohost",
]

ALLOWED = [
    "https://www.osce.org/events",
    "http://93.184.216.34/",
    "https://[2606:4700::6810:84e5]/",
    "http://[2002:5db8:d822::1]/",  # 6to4 of a public address
    "https://mfa.gov.mn:8443/en/",
]


@pytest.mark.parametrize("url", REFUSED)
def test_unsafe_target_is_refused_with_a_reason(url: str) -> None:
    why = url_refusal(url)
    assert why, f"{url} was allowed"


@pytest.mark.parametrize("url", ALLOWED)
def test_public_http_target_is_allowed(url: str) -> None:
    assert url_refusal(url) is None


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("2130706433", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("10.1", "10.0.0.1"),
        ("[::ffff:127.0.0.1]", "::ffff:7f00:1"),
        ("www.osce.org", None),
    ],
)
def test_ip_spellings_read_as_resolvers_read_them(host: str, address: str | None) -> None:
    got = host_address(host)
    assert (str(got) if got else None) == address


def test_resolved_loopback_and_metadata_addresses_are_refused() -> None:
    for text in ("127.0.0.1", "169.254.169.254", "10.0.0.5", "100.64.1.1", "::1"):
        assert address_refusal(ipaddress.ip_address(text))
    assert address_refusal(ipaddress.ip_address("93.184.216.34")) is None


def test_resolver_fails_names_that_resolve_to_internal_addresses() -> None:
    from twisted.internet.base import ReactorBase

    resolver = SafeResolver(ReactorBase.__new__(ReactorBase), 0, 5.0)
    for address in ("127.0.0.1", "10.1.2.3", "169.254.169.254", "100.64.0.9", "0.0.0.0"):
        with pytest.raises(UnsafeAddress, match=r"rebound\.example: "):
            resolver.check(address, "rebound.example")
    assert resolver.check("93.184.216.34", "example.org") == "93.184.216.34"


def test_resolver_lets_only_the_replay_server_name_reach_loopback() -> None:
    from twisted.internet.base import ReactorBase

    resolver = SafeResolver(ReactorBase.__new__(ReactorBase), 0, 5.0)
    resolver.allowed_names = frozenset({"localhost"})
    assert resolver.check("127.0.0.1", "localhost") == "127.0.0.1"
    with pytest.raises(UnsafeAddress):
        resolver.check("127.0.0.1", "other.example")


def _settings_for(replay: bool) -> dict[str, object]:
    env = {"CONFWATCH_HOME": "/nonexistent"}
    if replay:
        env["CONFWATCH_REPLAY_URL"] = "http://127.0.0.1:9"
    settings = load_settings(env=env)
    ctx = CrawlContext(store=None, crawl=settings.crawl, sources={})  # type: ignore[arg-type]
    return scrapy_settings(ctx)


@pytest.mark.parametrize("replay", [False, True])
def test_consoles_are_off_and_only_http_has_a_download_handler(replay: bool) -> None:
    s = _settings_for(replay)
    assert s["TELNETCONSOLE_ENABLED"] is False
    assert s["REMOTE_CONTROL_ENABLED"] is False
    handlers = s["DOWNLOAD_HANDLERS"]
    assert isinstance(handlers, dict)
    assert all(handlers[scheme] is None for scheme in ("file", "data", "ftp", "s3"))
    assert s["TWISTED_DNS_RESOLVER"] == "confwatch.spiders.safety.SafeResolver"


def test_redirect_hops_to_internal_addresses_are_refused_and_logged(
    site: FaultySite, env: dict[str, str]
) -> None:
    port = site.replay.url.rsplit(":", 1)[1]
    targets = [
        "http://169.254.169.254/latest/meta-data/",
        f"http://127.0.0.1:{port}/{HOST}/events/alpha",
        f"http://localhost:{port}/{HOST}/events/alpha",
        f"http://2130706433:{port}/{HOST}/events/alpha",
        f"http://[::ffff:127.0.0.1]:{port}/{HOST}/events/alpha",
        "http://100.64.0.1/",
    ]
    for target in targets:
        site.link(f"https://{HOST}/_fault/redirect-to?url={quote(target, safe='')}")
    result = crawl(env)
    assert result.exit == 1, result.stderr[-3000:]
    assert result.run["status"] == "partial"  # the listing and the real pages were fine
    assert len(stored(env)) == 2
    # Each hop as the crawler spells it: w3lib 2.6 reads a URL as browsers do (WHATWG), so the
    # decimal host "2130706433" arrives as "127.0.0.1", and two hops then share one spelling.
    hops = Counter(safe_url_string(target) for target in targets)
    refused_lines = [ln for ln in result.stderr.splitlines() if "crawl.refused" in ln]
    for hop, count in hops.items():
        message = result.error_for(hop)
        assert message.startswith("refused: "), message
        recorded = [e for e in result.errors if e.get("url") == hop]
        assert len(recorded) == count, (hop, recorded)
        assert sum(f"url={hop} " in ln for ln in refused_lines) == count, hop
    asked = [str(r["path"]) for r in site.replay.requests()]
    # The replay server saw the hops' origin (/_fault/redirect-to) but no request for a target.
    assert not [
        p for p in asked if p.startswith(("/169.254", "/127.0.0.1", "/localhost", "/100.64"))
    ]
    assert not [p for p in asked if p.startswith(("/2130706433", "/[", "/::"))]


def _loopback_name() -> str:
    """A host name other than "localhost" that resolves to a non-public address here."""
    name = socket.gethostname()
    try:
        address = socket.gethostbyname(name)
    except OSError:
        pytest.skip(f"{name} does not resolve")
    if name.lower() == "localhost" or address_refusal(ipaddress.ip_address(address)) is None:
        pytest.skip(f"{name} resolves to public {address}")
    return name


def test_name_resolving_to_a_private_address_is_refused_before_connecting(
    site: FaultySite, home: Path, tmp_path: Path
) -> None:
    # No replay mode: the crawler resolves and connects itself. The replay server listens on
    # 127.0.0.1, so any request that got through would show up in its log.
    name = _loopback_name()
    port = site.replay.url.rsplit(":", 1)[1]
    start = f"http://{name}:{port}/{HOST}/events"
    config = tmp_path / "direct.toml"
    config.write_text(
        f'[crawl]\ntimeout = 3\nretries = 0\ndownload_delay = 0\n\n[[sources]]\nkey = "conf-test"\n'
        f'kind = "generic"\nstart_urls = ["{start}"]\n',
        "utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONFWATCH_")}
    env |= {"CONFWATCH_HOME": str(home), "CONFWATCH_CONFIG": str(config)}
    site.replay.requests(clear=True)
    result = crawl(env)
    assert result.exit == 1
    assert result.run["status"] == "failed"
    message = result.error_for(start)
    assert message.startswith(f"refused: {name}: "), message
    assert "crawl.refused" in result.stderr
    assert site.replay.requests() == []


# -- private addresses by decision: the allow-list (issue 16) ------------------------------------

TRUSTED = AllowList.parse(["10.20.0.0/16", "wiki.localhost", "127.0.0.1", "fd00:1::/64"])


@pytest.mark.parametrize(
    "url",
    [
        "http://10.20.3.4/news",
        "http://10.20.255.254:8443/",
        "http://wiki.localhost/",
        "http://WIKI.localhost./",
        "http://127.0.0.1:8080/",
        "http://[fd00:1::5]/",
    ],
)
def test_allow_list_lets_the_listed_hosts_and_networks_through(url: str) -> None:
    assert url_refusal(url) is not None  # refused by default
    assert url_refusal(url, TRUSTED) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://10.21.0.1/",  # next to the listed network
        "http://127.0.0.2/",  # the listed address only
        "http://localhost/",  # a name is trusted only when listed by name
        "http://other.localhost/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:2::5]/",
        "http://[::ffff:10.20.3.4]/",  # another form of a listed address is not listed
        "ftp://10.20.3.4/",  # the scheme rule is no address rule
        "file:///etc/passwd",
    ],
)
def test_allow_list_lets_nothing_else_through(url: str) -> None:
    assert url_refusal(url, TRUSTED) is not None


def test_resolver_lets_exactly_the_allowed_names_and_networks_reach_private_addresses() -> None:
    from twisted.internet.base import ReactorBase

    resolver = SafeResolver(ReactorBase.__new__(ReactorBase), 0, 5.0)
    resolver.allow = AllowList.parse(["intranet.corp", "10.20.0.0/16"])
    assert resolver.check("10.9.9.9", "intranet.corp") == "10.9.9.9"  # trusted by name
    assert resolver.check("10.20.1.2", "docs.corp") == "10.20.1.2"  # trusted by network
    for address, name in [("10.9.9.9", "docs.corp"), ("127.0.0.1", "rebound.example")]:
        with pytest.raises(UnsafeAddress, match="allow_private"):
            resolver.check(address, name)


def test_resolver_takes_the_allow_lists_of_the_crawl_and_of_every_source() -> None:
    from scrapy.settings import Settings
    from twisted.internet.base import ReactorBase

    settings = load_settings(env={"CONFWATCH_HOME": "/nonexistent"})
    crawl = replace(settings.crawl, allow_private=("10.20.0.0/16",))
    sources = {s.key: s for s in settings.sources}
    sources["osce"] = replace(sources["osce"], allow_private=("intranet.corp",))
    ctx = CrawlContext(store=None, crawl=crawl, sources=sources)  # type: ignore[arg-type]
    process = SimpleNamespace(settings=Settings(scrapy_settings(ctx)))
    resolver = SafeResolver.from_crawler(process, ReactorBase.__new__(ReactorBase))
    assert resolver.check("10.20.1.2", "docs.corp") == "10.20.1.2"
    assert resolver.check("10.9.9.9", "intranet.corp") == "10.9.9.9"
    with pytest.raises(UnsafeAddress):
        resolver.check("10.9.9.9", "docs.corp")


def _direct_site(tmp_path: Path) -> ReplaySite:
    """conf.test's listing and two conference pages served at the root of 127.0.0.1:PORT."""
    write_site(tmp_path / "direct")
    return start_replay(tmp_path / "direct" / HOST)


def _direct_env(home: Path, config: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONFWATCH_", "DATABASE_URL"))}
    return env | {"CONFWATCH_HOME": str(home), "CONFWATCH_CONFIG": str(config)}


DIRECT_CONFIG = """
[crawl]
timeout = 3
retries = 0
download_delay = 0
{crawl}

[[sources]]
key = "intranet"
kind = "generic"
start_urls = ["{start}"]
follow = ['/events/[a-z]+$']
{allow}
"""


def test_source_allowed_by_name_crawls_its_intranet_host_and_a_source_without_is_refused(
    home: Path, tmp_path: Path
) -> None:
    name = _loopback_name()
    server = _direct_site(tmp_path)
    try:
        port = server.url.rsplit(":", 1)[1]
        start = f"http://{name}:{port}/events"
        other = f"http://{name}:{port}/events/alpha"
        config = tmp_path / "intranet.toml"
        config.write_text(
            DIRECT_CONFIG.format(crawl="", start=start, allow=f'allow_private = ["{name}"]')
            + f'\n[[sources]]\nkey = "other"\nkind = "generic"\nstart_urls = ["{other}"]\n',
            "utf-8",
        )
        env = _direct_env(home, config)
        done = confwatch(env, "crawl", "--json", "--no-feeds")
        runs = {r["source"]: r for r in json.loads(done.stdout)["runs"]}
        assert runs["intranet"]["status"] == "ok", runs["intranet"]
        assert {e.title for e in stored(env).values()} == {
            "Regional Conference on Countering Terrorism",
            "Interregional Conference on Preventing Violent Extremism",
        }
        assert runs["other"]["status"] == "failed"
        error = next(e["message"] for e in runs["other"]["errors"] if e.get("url") == other)
        assert error.startswith(f"refused: {name}: "), error
        assert f'allow_private = ["{name}"]' in error  # the refusal says how to allow it
        asked = [str(r["path"]) for r in server.requests()]
        assert "/events/alpha" in asked and asked.count("/events/alpha") == 1  # intranet's only
    finally:
        server.proc.terminate()
        server.proc.wait(timeout=10)


def test_crawl_wide_allow_list_lets_every_source_reach_a_listed_address(
    home: Path, tmp_path: Path
) -> None:
    server = _direct_site(tmp_path)
    try:
        start = f"{server.url}/events"  # http://127.0.0.1:PORT/events, an IP literal
        config = tmp_path / "literal.toml"
        config.write_text(
            DIRECT_CONFIG.format(crawl='allow_private = ["127.0.0.1"]', start=start, allow=""),
            "utf-8",
        )
        env = _direct_env(home, config)
        done = confwatch(env, "crawl", "--json", "--no-feeds")
        (run,) = json.loads(done.stdout)["runs"]
        assert run["status"] == "ok", run
        assert len(stored(env)) == 2
    finally:
        server.proc.terminate()
        server.proc.wait(timeout=10)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("10.0.0.0/33", "is neither a host name nor a network"),
        ("0.0.0.0/0", "too broad"),
        ("::/0", "too broad"),
        ("bad host", "is neither a host name nor a network"),
        ("http://intranet.corp/", "is neither a host name nor a network"),
    ],
)
def test_allow_list_entries_are_checked_at_load(tmp_path: Path, entry: str, problem: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[crawl]\nallow_private = ["{entry}"]\n', "utf-8")
    with pytest.raises(ConfigError, match=r"c\.toml: crawl\.allow_private\[0\]: ") as err:
        load_settings(config, env={})
    assert problem in str(err.value)
