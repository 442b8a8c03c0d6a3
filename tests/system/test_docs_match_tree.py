"""The newcomer's map stays true: docs/architecture.md and the README's layout name only paths
that exist, and every room of the package appears on the map."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO

PACKAGES = ("spiders", "store", "feeds", "scheduler")
DOCS = {
    "docs/architecture.md": (REPO / "docs" / "architecture.md").read_text("utf-8"),
    "README.md layout": (REPO / "README.md")
    .read_text("utf-8")
    .split("## Layout", 1)[1]
    .split("\n## ", 1)[0],
}
# A path in backquotes: one slash at least, or a file suffix ("spiders/recorder.py", "web.py").
_PATH = re.compile(r"`([\w./-]+/[\w./-]*|[\w-]+\.(?:py|toml|md|json))`")


def _exists(name: str) -> bool:
    name = name.rstrip("/")
    if name.startswith("var/"):  # what a command writes (screenshots), not part of the tree
        return True
    # A path is written from the repository root, or from inside the package or room the
    # sentence is about ("crawl/child.py", "handler.py"), or as a file of docs/.
    bases = [REPO, REPO / "docs", *(REPO / p for p in PACKAGES), *(REPO / r for r in _rooms())]
    return any((base / name).exists() for base in bases)


def _rooms() -> list[str]:
    rooms = []
    for package in PACKAGES:
        for init in sorted((REPO / package).rglob("__init__.py")):
            room = init.parent.relative_to(REPO).as_posix()
            if room != package and "templates" not in room and "migrations" not in room:
                rooms.append(room)
    return rooms


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_every_path_the_map_names_exists(doc: str) -> None:
    names = {m.group(1) for m in _PATH.finditer(DOCS[doc])}
    assert names, "the pattern found no path at all"
    missing = sorted(n for n in names if not _exists(n) and "<" not in n and "*" not in n)
    assert not missing, f"{doc} names paths that do not exist: {missing}"


def test_every_room_of_the_package_is_on_the_map() -> None:
    text = DOCS["docs/architecture.md"]
    rooms = _rooms()
    assert "scheduler/cli" in rooms and "spiders/sites" in rooms
    absent = [r for r in rooms if f"{r.rsplit('/', 1)[1]}/" not in text]
    assert not absent, f"rooms missing from docs/architecture.md: {absent}"
