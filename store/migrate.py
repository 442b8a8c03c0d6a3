"""Schema migrations, run programmatically: ``confwatch db upgrade`` calls ``upgrade(url)``.

The Alembic scripts live inside the installed package (``confwatch/store/migrations``), so this
works from any working directory and needs no alembic.ini. The engine is ours (``db``), so
SQLite gets the same pragmas and explicit transactions as at run time.

``is_current`` runs before every command that opens the store, every crawl process included.
Loading Alembic costs about 0.3 s, so the usual answer ("already at head") is found without it:
the head is read from the scripts' ``revision`` / ``down_revision`` lines and compared with the
``alembic_version`` table. Anything unusual (a branch, a merge, several stored revisions) is left
to Alembic itself, which gives the same answer as before.

A stored revision the scripts do not know means a newer confwatch wrote the database:
``is_current`` and ``upgrade`` raise ``NewerSchemaError`` (exit status 2, "upgrade confwatch")
rather than letting Alembic fail half-way or this code write to a schema it does not know.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from confwatch.errors import ConfigError
from confwatch.store.db import create_engine, redact_url

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPTS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"  # Alembic's default; env.py does not change it

_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*[\"']([^\"']+)[\"']\s*$", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(?:[\"']([^\"']+)[\"']|(None))\s*$", re.M)


def config() -> Config:
    from alembic.config import Config  # only migrating needs Alembic (see the module docstring)

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    return cfg


def head() -> str:
    """The newest revision the code knows."""
    from alembic.script import ScriptDirectory

    revision = ScriptDirectory.from_config(config()).get_current_head()
    assert revision is not None, "no migrations found"
    return revision


@cache
def script_head() -> str | None:
    """The head read from the scripts' text, without Alembic; None when it is not one plain
    chain (then only Alembic can say)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((SCRIPTS / "versions").glob("*.py")):
        if path.name == "__init__.py" or path.name.startswith(".#"):
            continue  # what Alembic skips too
        text = path.read_text("utf-8")
        revision = _REVISION.findall(text)
        down = _DOWN.findall(text)
        if len(revision) != 1 or len(down) != 1:
            return None  # not a script this reader understands (a merge, another layout)
        revisions.add(revision[0])
        parent, none = down[0]
        if not none:
            parents.add(parent)
    heads = revisions - parents
    if len(heads) != 1 or not parents <= revisions:
        return None
    return heads.pop()


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at ``url`` up to ``revision`` (all migrations in one transaction)."""
    from alembic import command

    _refuse_newer(url, _stored_revisions(url))
    cfg = config()
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            # env.py uses this connection instead of building its own from a URL.
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def current(url: str) -> str | None:
    """The database's revision; None for a database that was never migrated."""
    from alembic.runtime.migration import MigrationContext

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def _stored_revisions(url: str) -> list[str] | None:
    """The rows of the version table; None when there is no such table (never migrated)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if not sa.inspect(conn).has_table(VERSION_TABLE):
                return None
            table = sa.table(VERSION_TABLE, sa.column("version_num"))
            return [str(v) for v in conn.execute(sa.select(table.c.version_num)).scalars()]
    finally:
        engine.dispose()


class NewerSchemaError(ConfigError):
    """The database holds a revision these scripts do not know: a newer confwatch wrote it.

    Migrating it (or writing to it) with this code could only do harm, so nothing touches it."""

    def __init__(self, url: str, revision: str) -> None:
        super().__init__(
            f"database {redact_url(url)} was written by a newer confwatch "
            f"(revision {revision}): upgrade confwatch"
        )
        self.revision = revision


@cache
def known_revisions() -> frozenset[str]:
    """Every revision the scripts define (read from their text; Alembic when that fails)."""
    found: set[str] = set()
    for path in sorted((SCRIPTS / "versions").glob("*.py")):
        if path.name == "__init__.py" or path.name.startswith(".#"):
            continue
        found.update(_REVISION.findall(path.read_text("utf-8")))
    if script_head() is not None:
        return frozenset(found)
    from alembic.script import ScriptDirectory

    return frozenset(s.revision for s in ScriptDirectory.from_config(config()).walk_revisions())


def _refuse_newer(url: str, stored: list[str] | None) -> None:
    for revision in stored or ():
        if revision not in known_revisions():
            raise NewerSchemaError(url, revision)


def is_current(url: str) -> bool:
    """True when the database is at the head; raises NewerSchemaError for a newer database."""
    stored = _stored_revisions(url)
    _refuse_newer(url, stored)
    known = script_head()
    if known is not None:
        if stored is None:
            return False
        if len(stored) == 1:
            return stored[0] == known
    return current(url) == head()
