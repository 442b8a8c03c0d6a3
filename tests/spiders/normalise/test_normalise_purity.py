"""The normaliser is pure and light: reading a page never loads the store or its database
libraries (``confwatch extract`` and ``eval`` run without them)."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_normaliser_loads_neither_the_store_nor_sqlalchemy() -> None:
    code = (
        "import sys, confwatch.spiders.normalise, confwatch.spiders.page; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy' "
        "or m.startswith('confwatch.store')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
