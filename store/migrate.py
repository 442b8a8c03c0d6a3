"""Schema migrations, run programmatically: ``confwatch db upgrade`` calls ``upgrade(url)``.

The Alembic scripts live inside the installed package (``confwatch/store/migrations``), so this
works from any working directory and needs no alembic.ini. The engine is ours (``db``), so
SQLite gets the same pragmas and explicit transactions as at run time.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from confwatch.store.db import create_engine

SCRIPTS = Path(__file__).resolve().parent / "migrations"


def config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    return cfg


def head() -> str:
    """The newest revision the code knows."""
    revision = ScriptDirectory.from_config(config()).get_current_head()
    assert revision is not None, "no migrations found"
    return revision


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at ``url`` up to ``revision`` (all migrations in one transaction)."""
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
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def is_current(url: str) -> bool:
    return current(url) == head()
