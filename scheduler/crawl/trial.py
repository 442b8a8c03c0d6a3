"""Trying a source before it goes live (``confwatch try``): which source, and the child running it.

``TrialSpec`` is what the command line asked for: a configured source's key (enabled or not), a
URL, or the key of a source that is not in the configuration yet, with settings that replace the
source's own (``--kind``, ``--start-url``, ``--follow``, ``--field``, ``--max-pages``).
``trial_source`` turns it into the ``SourceConfig`` to try, checked by the configuration's own
schema (``config_schema.SourceTable``: URLs, regexes, selectors, bounds). The parent checks it
before starting anything (exit status 2), and the child builds the same source from the same spec.

The trial itself (``spiders/trial.py``) runs in a child process, as every crawl does (a Twisted
reactor runs once per process): ``crawl_child --trial``, bounded by ``crawl.crawl_timeout`` and
stopped as crawls are. It takes no lock and opens no store: it writes nothing.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from confwatch.errors import ConfigError, ConfwatchError
from confwatch.scheduler.config import Settings
from confwatch.scheduler.crawl.parent import RUNNING, child_env, forward_sigterm, stop_child
from confwatch.slugs import slug
from confwatch.spiders.sources import SourceConfig

# Where each of the schema's fields comes from on the command line, for messages.
_OPTIONS = {
    "key": "SOURCE",
    "kind": "--kind",
    "start_urls": "--start-url",
    "follow": "--follow",
    "fields": "--field",
    "max_pages": "--max-pages",
}


@dataclass(frozen=True)
class TrialSpec:
    """What to try: ``target`` (a source key or a URL) and the settings given for it."""

    target: str
    kind: str | None = None
    start_urls: tuple[str, ...] = ()
    follow: tuple[str, ...] = ()  # empty: the source's own
    fields: Mapping[str, str] = field(default_factory=dict)  # "" removes a selector
    max_pages: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "kind": self.kind,
            "start_urls": list(self.start_urls),
            "follow": list(self.follow),
            "fields": dict(self.fields),
            "max_pages": self.max_pages,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TrialSpec:
        return cls(
            target=str(data["target"]),
            kind=data.get("kind"),
            start_urls=tuple(data.get("start_urls") or ()),
            follow=tuple(data.get("follow") or ()),
            fields=dict(data.get("fields") or {}),
            max_pages=data.get("max_pages"),
        )


def is_url(text: str) -> bool:
    return urlsplit(text).scheme in ("http", "https")


def trial_source(settings: Settings, spec: TrialSpec) -> SourceConfig:
    """The source ``spec`` names, with its settings, checked as the configuration file is.

    A URL is tried as the start page of the configured source whose domains hold its host (unless
    ``--kind`` asks for another kind), else of a new generic source named after its host."""
    base = next((s for s in settings.sources if s.key == spec.target), None)
    start_urls = list(spec.start_urls)
    if base is None and is_url(spec.target):
        start_urls.insert(0, spec.target)
        base = _owner(settings.sources, spec.target)
        if base is not None and spec.kind not in (None, base.kind):
            base = None
        key = base.key if base is not None else _key_for(spec.target)
    elif base is None:
        if not start_urls:
            known = ", ".join(s.key for s in settings.sources) or "none"
            raise ConfigError(
                f"unknown source {spec.target!r} (known: {known}); to try a source that is not "
                "in the configuration, give its --start-url (and --kind, --follow)"
            )
        key = spec.target
    else:
        key = base.key
    fields = {**(base.fields if base else {}), **spec.fields}
    table = {
        "key": key,
        "kind": spec.kind or (base.kind if base else "generic"),
        "start_urls": start_urls or list(base.start_urls if base else ()),
        "follow": list(spec.follow or (base.follow if base else ())),
        "fields": {name: selector for name, selector in fields.items() if selector},
        "max_pages": spec.max_pages or (base.max_pages if base else 200),
    }
    checked = _checked(table)
    hosts = {urlsplit(u).hostname or "" for u in checked.start_urls}
    if base is None:
        return replace(checked, allowed_domains=tuple(sorted(hosts)))
    domains = tuple(base.allowed_domains) + tuple(sorted(hosts - set(base.allowed_domains)))
    return replace(
        base,
        kind=checked.kind,
        start_urls=checked.start_urls,
        allowed_domains=domains if spec.start_urls or is_url(spec.target) else base.allowed_domains,
        follow=checked.follow,
        fields=checked.fields,
        max_pages=checked.max_pages,
    )


def _owner(sources: Sequence[SourceConfig], url: str) -> SourceConfig | None:
    host = (urlsplit(url).hostname or "").lower()
    for source in sources:
        if any(host == d or host.endswith("." + d) for d in source.allowed_domains):
            return source
    return None


def _key_for(url: str) -> str:
    """A source key for a site tried by its URL: its host, as a key may be spelt."""
    host = (urlsplit(url).hostname or "").lower()
    return slug(host, fallback="trial", letters="ascii", strip_cut=False)


def _checked(table: dict[str, Any]) -> SourceConfig:
    """``table`` validated as a ``[[sources]]`` entry is; one line naming the option if not."""
    from pydantic import ValidationError

    from confwatch.scheduler.config_schema import SourceTable

    try:
        model = SourceTable.model_validate(table)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        loc = [str(part) for part in first["loc"]]
        option = _OPTIONS.get(loc[0], loc[0]) if loc else "try"
        if loc and loc[0] == "fields" and len(loc) > 1:
            option = f"--field {loc[1]}"
        value = _value_at(table, first["loc"])
        shown = f" {value!r}:" if value is not None and not isinstance(value, list | dict) else ""
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ConfigError(f"{option}:{shown} {first['msg']}{more}", source=table["key"]) from None
    return SourceConfig(
        key=model.key,
        kind=model.kind,
        name=model.name or model.key,
        organisation=model.organisation,
        start_urls=tuple(model.start_urls),
        allowed_domains=(),
        follow=tuple(model.follow),
        fields={str(k): str(v) for k, v in table["fields"].items()},  # as given: the tag hashes it
        max_pages=model.max_pages,
    )


def _value_at(table: Mapping[str, Any], loc: Sequence[int | str]) -> Any:
    value: Any = table
    for part in loc:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def try_source(settings: Settings, spec: TrialSpec) -> dict[str, Any]:
    """Run the trial of ``spec`` in a child process; its report (``Trial.to_json()``)."""
    source = trial_source(settings, spec)  # a bad spec fails here, before anything starts
    cmd = [sys.executable, "-m", "confwatch.scheduler.crawl.child", "--trial"]
    cmd += ["--parent", str(os.getpid())]
    if settings.config_path:
        cmd += ["--config", str(settings.config_path)]
    timeout = settings.crawl.crawl_timeout.total_seconds()
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=child_env(settings, None),
        text=True,
    )
    RUNNING.add(proc)
    restore = forward_sigterm(proc)
    try:
        out, _ = proc.communicate(json.dumps(spec.to_json()), timeout=timeout)
    except subprocess.TimeoutExpired:
        stop_child(proc)
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
        raise ConfwatchError(f"trial timed out after {timeout:g} s", source=source.key) from None
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
        raise
    finally:
        RUNNING.discard(proc)
        restore()
    if proc.returncode == 2:
        raise ConfwatchError("trial could not start (see the message above)", exit_code=2)
    lines = out.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise ConfwatchError(
            f"trial process failed (exit status {proc.returncode})", source=source.key
        )
    report: dict[str, Any] = json.loads(lines[-1])
    return report
