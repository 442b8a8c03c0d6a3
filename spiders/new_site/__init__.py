"""Starting a new site spider: its module, its recorded-pages folder and a test that fails.

``python -m confwatch.spiders.new_site KIND --start-url LISTING --event-url EVENT`` writes, in a
confwatch checkout (the current directory, or ``--root``):

- ``spiders/sites/<kind>.py``: a ``SourceSpider`` of that kind from ``templates/site.py.tmpl``;
  the module's name makes the kind known (``confwatch.spiders.sites.KINDS``), nothing to register;
- ``tests/fixtures/sites/<host>/robots.txt`` for each new host: the recorded-pages folder;
- ``tests/spiders/sites/test_<kind>.py`` from ``templates/test_site.py.tmpl``: fails until the two
  pages are recorded, the listing leads to the event page and ``EXPECTED`` is filled in.

It writes into a source tree, so it is a developer's tool, not a ``confwatch`` command: it needs
no configuration or database, and an installed confwatch has no tests/ folder to write into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import unquote, urlsplit

from confwatch.spiders.sites import GENERIC, kind_of, module_of

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: A kind is a module name too: lower-case words joined by single hyphens (``mfa-kz``).
KIND_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
ROBOTS = "User-agent: *\nAllow: /\n"


class NewSiteError(Exception):
    """A reason the site cannot be started: nothing has been written."""


@dataclass(frozen=True)
class Plan:
    """The files a new site needs, relative to the checkout's root, with their text."""

    kind: str
    files: dict[Path, str]


def recorded_path(url: str) -> str:
    """Where the recording of ``url`` goes under tests/fixtures/sites/ (the replay server's rule).

    ``https://host/a/b`` -> ``host/a/b/index.html``; a query goes into the name
    (``host/events/index@page=1.html``); a path whose last part has an extension is the file.
    """
    parts = urlsplit(url)
    path = unquote(parts.path).strip("/")
    base = f"{parts.hostname}/{path}".rstrip("/")
    if parts.query:
        return f"{base}/index@{parts.query}.html"
    if "." in path.rsplit("/", 1)[-1]:
        return base
    return f"{base}/index.html"


def _url(option: str, url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NewSiteError(f"{option} {url!r}: an http(s) URL with a host is needed")
    return url


def _class_name(kind: str) -> str:
    return "".join(word.capitalize() for word in kind.split("-"))


def plan(kind: str, *, start_url: str, event_url: str, root: Path) -> Plan:
    """What ``write`` will create in the checkout at ``root``; refuses what already exists."""
    if not KIND_PATTERN.match(kind) or kind_of(module_of(kind)) != kind:
        raise NewSiteError(f"kind {kind!r}: lower-case words joined by single hyphens (mfa-kz)")
    if kind == GENERIC:
        raise NewSiteError("kind 'generic' is the spider that needs no code")
    _url("--start-url", start_url)
    _url("--event-url", event_url)
    for folder in ("spiders/sites", "tests/fixtures/sites"):
        if not (root / folder).is_dir():
            raise NewSiteError(f"{root}: no {folder}/ here: run from a confwatch checkout's root")
    module = module_of(kind)
    hosts = sorted({urlsplit(u).hostname or "" for u in (start_url, event_url)})
    values = {
        "kind": kind,
        "module": module,
        "cls": _class_name(kind),
        "hosts": ", ".join(hosts),
        "start_url": start_url,
        "start_page": recorded_path(start_url),
        "event_url": event_url,
        "event_page": recorded_path(event_url),
    }
    files = {
        Path("spiders/sites") / f"{module}.py": _render("site.py.tmpl", values),
        Path("tests/spiders/sites") / f"test_{module}.py": _render("test_site.py.tmpl", values),
    }
    if not (root / "tests/spiders/sites/__init__.py").exists():
        files[Path("tests/spiders/sites/__init__.py")] = ""
    for host in hosts:
        robots = Path("tests/fixtures/sites") / host / "robots.txt"
        if not (root / robots).exists():
            files[robots] = ROBOTS
    for path in list(files)[:2]:
        if (root / path).exists():
            raise NewSiteError(f"{path} exists already: kind {kind!r} is taken")
    return Plan(kind, files)


def _render(template: str, values: dict[str, str]) -> str:
    return Template((TEMPLATES / template).read_text("utf-8")).substitute(values)


def write(site: Plan, root: Path) -> list[Path]:
    """Create the planned files under ``root``; the paths written, in order."""
    written = []
    for path, text in site.files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
        written.append(path)
    return written
