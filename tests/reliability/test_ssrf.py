"""SSRF: a crawl reaches public http(s) addresses only, on every request and every redirect hop.

Scrapy's ``allowed_domains`` checks names, not addresses. ``confwatch.spiders.safety`` refuses IP
literals in every spelling, ``localhost`` names and non-http schemes before a request leaves, and
checks the address each host name resolved to before connecting. Only replay mode's own download
handler reaches 127.0.0.1.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path
from urllib.parse import quote

import pytest

from confwatch.scheduler.config import load_settings
from confwatch.spiders.context import CrawlContext
from confwatch.spiders.safety import (
    SafeResolver,
    UnsafeAddress,
    address_refusal,
    host_address,
    url_refusal,
)
from confwatch.spiders.settings import scrapy_settings
from tests.reliability.conftest import HOST, FaultySite, crawl, stored

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
    for target in targets:
        message = result.error_for(target)
        assert message.startswith("refused: "), message
        refused_lines = [ln for ln in result.stderr.splitlines() if "crawl.refused" in ln]
        assert any(target in ln for ln in refused_lines), target
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
