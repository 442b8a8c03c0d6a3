"""Logging set up once: stable dotted event names, details as fields, secrets masked.

``log.info("crawl.finish", extra={"source": "osce", "new": 1})`` prints
``06:00:03 INFO crawl.finish source=osce new=1`` on a terminal, or one JSON object per line with
``--log-format json``. Logs go to stderr and to ``CONFWATCH_HOME/logs/confwatch.log`` (rotating).
Scrapy logs through the same handlers; a spider it passes along with a record is shown by its name
(the source key), not as ``<GenericSpider 'x' at 0x7f...>``. On a terminal, log lines are written
above the crawl's live progress line (``spiders/live_line.py``) instead of onto it.

A JSON line's own keys (``time``, ``level``, ``logger`` and ``event``, the dotted name) are never
replaced by a field: a field that collides is written as ``<name>_field``. Secrets are masked in
every spelling they could take in a message: raw, URL-encoded (as in ``DATABASE_URL``), URL-decoded
and base64 (as in SMTP AUTH).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import logging.handlers
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus, unquote, unquote_plus

from confwatch.scheduler.paths import shown
from confwatch.scheduler.terminal import terminal_text
from confwatch.spiders.live_line import LIVE

# Attributes every LogRecord has; anything else came in through ``extra=`` and is a field.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


def record_fields(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")}


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        when = dt.datetime.fromtimestamp(record.created).strftime("%H:%M:%S")
        fields = " ".join(f"{k}={_short(v)}" for k, v in record_fields(record).items())
        line = f"{when} {record.levelname} {record.getMessage()}"
        if fields:
            line += " " + fields
        line = terminal_text(line)  # fields can hold scraped text
        if (
            record.exc_info
            and record.levelno >= logging.ERROR
            and logging.getLogger().level <= logging.DEBUG
        ):
            # exc_text holds the traceback as the SecretFilter masked it.
            line += "\n" + (record.exc_text or self.formatException(record.exc_info))
        return line


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        for key, value in record_fields(record).items():
            # The line's own keys are what every query selects on: a field never replaces one.
            out[f"{key}_field" if key in out else key] = value
        return json.dumps(out, default=str, ensure_ascii=False)


def _short(value: Any) -> str:
    text = str(value)
    return json.dumps(text) if (" " in text or not text) else text


def secret_spellings(secrets: Iterable[str]) -> list[str]:
    """Every form in which each secret could be printed, longest first (so a longer form is
    masked whole before a shorter one inside it)."""
    forms: set[str] = set()
    for secret in secrets:
        if not secret or len(secret) < 3:
            continue  # masking "ab" everywhere would shred the logs, and protect nothing
        for raw in {secret, unquote(secret), unquote_plus(secret)}:
            forms |= {raw, quote(raw, safe=""), quote(raw), quote_plus(raw)}
            if len(raw) >= 8:  # shorter ones could match ordinary text by chance
                forms.add(base64.b64encode(raw.encode("utf-8")).decode("ascii").rstrip("="))
    return sorted(forms, key=len, reverse=True)


def mask(text: str, spellings: Iterable[str]) -> str:
    for s in spellings:
        text = text.replace(s, "***")
    return text


class SecretFilter(logging.Filter):
    """Masks every configured secret, in every spelling, wherever it appears in a record."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = secret_spellings(secrets)

    def _mask(self, text: str) -> str:
        return mask(text, self.secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        record.msg = self._mask(record.getMessage())
        record.args = None
        for key, value in record_fields(record).items():
            if isinstance(value, str):
                setattr(record, key, self._mask(value))
            elif not isinstance(value, int | float | bool | None):
                text = str(value)  # an exception, a list...: shown as its text anyway
                if self._mask(text) != text:
                    setattr(record, key, self._mask(text))
        if record.exc_info and not record.exc_text:
            record.exc_text = self._mask(logging.Formatter().formatException(record.exc_info))
        return True


class SpiderName(logging.Filter):
    """Scrapy passes its spider with a record (``extra={"spider": spider}``); its repr is noise with
    a memory address. The field becomes the spider's name, the source key."""

    def filter(self, record: logging.LogRecord) -> bool:
        spider = getattr(record, "spider", None)
        spider_type = getattr(sys.modules.get("scrapy"), "Spider", None)  # loaded if it logged
        if spider_type is not None and isinstance(spider, spider_type):
            record.spider = str(getattr(spider, "name", "") or type(spider).__name__)
        return True


class TerminalHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """stderr; a live progress line shown there stays under the log lines (``LIVE``)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            LIVE.write_above(self.format(record), self.stream)
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)


class QuietLibraries(logging.Filter):
    """Scrapy resets its loggers to DEBUG whenever a crawler process starts: only its warnings
    and errors reach our handlers; our own crawl.* events say what happened."""

    def filter(self, record: logging.LogRecord) -> bool:
        noisy = record.name.startswith(("scrapy", "twisted"))
        return record.levelno >= logging.WARNING or not noisy


def setup_logging(
    *,
    log_format: str = "text",
    level: int = logging.INFO,
    logs_dir: Path | None = None,
    secrets: Iterable[str] = (),
) -> None:
    """Configure the root logger once per process (idempotent)."""
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    formatter: logging.Formatter = JsonFormatter() if log_format == "json" else TextFormatter()
    secret_filter = SecretFilter(secrets)
    quiet = QuietLibraries()
    spider_name = SpiderName()
    handlers: list[logging.Handler] = [TerminalHandler(sys.stderr)]
    if logs_dir is not None:
        try:
            logs_dir.mkdir(parents=True, exist_ok=True)
            handlers.append(
                logging.handlers.RotatingFileHandler(
                    logs_dir / "confwatch.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
                )
            )
        except OSError as exc:
            reason = exc.strerror or exc
            print(f"warning: cannot write logs to {shown(logs_dir)}: {reason}", file=sys.stderr)
    for h in handlers:
        h.setFormatter(
            formatter
            if isinstance(h, logging.StreamHandler) and h.stream is sys.stderr
            else JsonFormatter()
        )
        h.addFilter(quiet)
        h.addFilter(spider_name)
        h.addFilter(secret_filter)
        h.setLevel(level)  # libraries that raise their own loggers to DEBUG stay quiet
        root.addHandler(h)
    root.setLevel(level)
    # Libraries that are chatty at INFO.
    for name in ("scrapy", "py.warnings", "apscheduler", "alembic", "filelock", "urllib3"):
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
