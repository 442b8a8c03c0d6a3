"""``is_current`` answers without Alembic, and as Alembic would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from confwatch.store.migrate import current, head, is_current, script_head, upgrade


def test_script_head_is_alembics_head() -> None:
    assert script_head() == head()


def test_is_current_follows_the_version_table(database_url: str) -> None:
    assert not is_current(database_url)
    upgrade(database_url, "0001")
    assert current(database_url) == "0001"
    assert not is_current(database_url)
    upgrade(database_url)
    assert is_current(database_url)


def test_an_up_to_date_store_is_checked_without_loading_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'confwatch.db'}"
    upgrade(url)
    code = (
        "import sys\n"
        "from confwatch.store import migrate\n"
        f"assert migrate.is_current({url!r})\n"
        "assert 'alembic' not in sys.modules, 'alembic was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
