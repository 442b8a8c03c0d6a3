"""The crawl process's shortcuts give the answers of the long way round.

A crawl is a fresh process, so several things are done once, lazily or not at all: extruct is
skipped on pages that cannot hold structured data, the gazetteer and the compiled programs of
the lexicon's patterns are loaded from marshal caches, dateparser's locale data is read without
importing dateparser, and a page's sentences and relevance verdict are computed once. Each test
compares the shortcut with the full computation.
"""

from __future__ import annotations

import importlib
import marshal
import os
import re
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from confwatch.spiders import extract
from confwatch.spiders.normalise import dates, pattern_cache, places, relevance, sentences

_EVENT = '{"@context": "https://schema.org", "@type": "Event", "name": "Workshop on P/CVE"}'
STRUCTURED_PAGES = [
    f'<html><head><script type="application/ld+json">{_EVENT}</script></head></html>',
    f'<html><head><script type="application/ld&#43;json">{_EVENT}</script></head></html>',
    f'<html><head><script type="application/ld&#x2B;json">{_EVENT}</script></head></html>',
    f'<html><head><script type="application/ld&plus;json">{_EVENT}</script></head></html>',
    f'<html><head><script type="application/&#108;d+json">{_EVENT}</script></head></html>',
    f'<html><head><script type="application/ld+js&#111n">{_EVENT}</script></head></html>',
    f"<html><head><script type=application/ld+json>{_EVENT}</script></head></html>",
    '<html><body><div ItemScope itemtype="http://schema.org/Event">'
    '<span itemprop="name">Seminar on CT</span></div></body></html>',
    '<html><body><div ITEMSCOPE ITEMTYPE="https://schema.org/Event">'
    '<h1 ITEMPROP="name">Seminar</h1><meta itemprop="startDate" content="2026-01-02"></div>'
    "</body></html>",
]
PLAIN_PAGES = [
    "<html><body><p>No structured data &#x27;here&#x27;.</p></body></html>",
    '<html><head><script type="text/javascript">var ld = 1;</script></head></html>',
    "",
]


def _extruct_events(page: str) -> list[dict[str, object]]:
    import extruct

    data = extruct.extract(page, syntaxes=["json-ld", "microdata"], uniform=True, errors="ignore")
    return [*data.get("json-ld", []), *data.get("microdata", [])]


@pytest.mark.parametrize("page", STRUCTURED_PAGES)
def test_pages_with_structured_data_still_go_to_extruct(page: str) -> None:
    assert _extruct_events(page), "the example must hold structured data"
    assert extract.may_hold_structured_data(page)
    assert extract.json_ld_events(page, "https://example.org/e")


@pytest.mark.parametrize("page", PLAIN_PAGES)
def test_pages_without_structured_data_skip_extruct(page: str) -> None:
    assert not _extruct_events(page)
    assert not extract.may_hold_structured_data(page)
    assert extract.json_ld_events(page, None) == []


def test_fixture_pages_lose_no_structured_data() -> None:
    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    for path in sorted(fixtures.rglob("*.html")):
        page = path.read_text("utf-8", errors="replace")
        if _extruct_events(page):
            assert extract.may_hold_structured_data(page), path


def test_gazetteer_cache_holds_what_is_built(tmp_path: Path) -> None:
    built = places._build_gazetteer()
    places.use_cache_dir(tmp_path)
    places._gazetteer.cache_clear()
    try:
        first = places._gazetteer()  # builds and writes the cache
        files = list(tmp_path.glob("gazetteer-*.marshal"))
        assert len(files) == 1
        places._gazetteer.cache_clear()
        loaded = places._gazetteer()  # reads it back
        for gaz in (first, loaded):
            assert places._to_plain(gaz) == places._to_plain(built)
        assert loaded.cities.get("vienna") == built.cities.get("vienna")
        assert loaded.cities.get("no such city here") == ()

        files[0].write_bytes(b"not a gazetteer")
        places._gazetteer.cache_clear()
        assert places._to_plain(places._gazetteer()) == places._to_plain(built)  # rebuilt
    finally:
        places.use_cache_dir(None)
        places._gazetteer.cache_clear()


@pytest.mark.parametrize(
    "text",
    ["Vienna", "New York & Co", "Abu-Dhabi", "Zürich", "İstanbul", "Москва", "São Tomé", "l’Ouest"],
)
def test_key_fast_path_equals_the_general_form(text: str) -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.replace("&", " and "))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = places._APOSTROPHES.sub("", stripped.casefold())
    assert places._key(text) == places._NON_WORD.sub(" ", stripped).strip()


def test_locale_data_is_dateparsers_own() -> None:
    for code in ("en", "fr", "ru", "de"):
        module = importlib.import_module(f"dateparser.data.date_translation_data.{code}")
        assert dates._locale_info(code) == module.info
    with pytest.raises(Exception):  # noqa: B017  (what import_module raised before: any error)
        dates._locale_info("zz-not-a-locale")


def test_month_names_load_without_importing_dateparser() -> None:
    code = (
        "import sys\n"
        "from confwatch.spiders.normalise import dates\n"
        "assert dates.parse_date_range('20-21 June 2019') is not None\n"
        "assert 'dateparser' not in sys.modules, 'dateparser was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_split_sentences_gives_each_caller_its_own_list() -> None:
    text = "The seminar will be held in Vienna. It opens on 3 May 2026."
    first = sentences.split_sentences(text)
    first.append("changed by a caller")
    assert sentences.split_sentences(text) == [
        "The seminar will be held in Vienna.",
        "It opens on 3 May 2026.",
    ]


def test_relevance_verdict_is_the_same_for_a_hand_built_rule() -> None:
    title = "Regional Conference on Countering Terrorism"
    body = "The conference on counter-terrorism will be held in Vienna on 3-4 May 2026."
    cached = relevance.judge(title, body, rule=relevance.RelevanceRule(exclude_words=("x",)))
    unhashable = relevance.RelevanceRule(exclude_words=["x"])  # type: ignore[arg-type]
    assert relevance.judge(title, body, rule=unhashable) == cached


def test_extracting_offline_does_not_load_the_database_layer() -> None:
    # ``confwatch extract`` and ``eval`` read pages only; the spiders import the store's plain
    # records, and the store package loads its API (SQLAlchemy, the tables) on first use.
    code = (
        "import sys, confwatch.spiders.offline, confwatch.store; "
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel')]; "
        "print(len(loaded)); confwatch.store.Store; "
        "print('sqlalchemy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["0", "True"]


# -- compiled patterns kept in the cache folder (decision 0022) --------------------------------

PATTERNS = [
    (r"(?<!\w)(?:semin(?:ar|aire)s?|konferenz(?:en)?)(?!\w)", re.IGNORECASE),
    (r"(?P<day>3[01]|[12][0-9]|0?[1-9])\s+(?P<month>ма[йя]|июн[ья])(?:\s+(?P<year>20\d\d))?", 0),
    (r"(?i:tagung)|(?-i:[A-ZÄÖÜ]\w*treffen)\b", 0),
    (r"^\s*(?:statement|visit)\b.*$", re.MULTILINE | re.DOTALL),
]
TEXT = "Konferenzen und Seminare: 12 мая 2026, Tagung, Expertentreffen.\nStatement by X\nVisit"


@pytest.fixture
def pattern_folder(tmp_path: Path) -> Iterator[Path]:
    pattern_cache.use_cache_dir(tmp_path)
    yield tmp_path
    pattern_cache.use_cache_dir(None)


def _found(pattern: re.Pattern[str]) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(TEXT)]


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_a_pattern_read_from_the_cache_is_the_one_re_compiles(
    pattern_folder: Path, source: str, flags: int
) -> None:
    first = pattern_cache.compiled(source, flags)
    pattern_cache.save()
    pattern_cache.use_cache_dir(pattern_folder)  # as a new process finds it
    again = pattern_cache.compiled(source, flags)
    assert (source, int(flags)) in pattern_cache._used  # read from the file, not compiled
    expected = re.compile(source, flags)
    for made in (first, again):
        assert made == expected  # the same program, flags and text
        assert (made.groups, made.groupindex) == (expected.groups, expected.groupindex)
        assert _found(made) == _found(expected)


def _foreign_with_a_wrong_program(source: str) -> bytes:
    """A cache of another Python build in which ``source`` holds the program of "x"."""
    stamp = (*pattern_cache._STAMP[:1], "2.7.18 (elsewhere)", *pattern_cache._STAMP[2:])
    return _cache_file(stamp, {(source, 0): pattern_cache._program("x", 0)})


def _refused_program(source: str) -> bytes:
    """This build's cache, with an entry whose code ``_sre`` refuses."""
    entry = (32, b"".join(n.to_bytes(4, sys.byteorder) for n in (1, 2, 3)), 0, {}, (None,))
    return _cache_file(pattern_cache._STAMP, {(source, 0): entry})


def _another_program_unchecked(source: str) -> bytes:
    """This build's cache, the program of "x" under ``source``, its checksum wrong by a bit."""
    payload = marshal.dumps({(source, 0): pattern_cache._program("x", 0)})
    return marshal.dumps((pattern_cache._STAMP, zlib.crc32(payload) ^ 1, payload))


def _cache_file(stamp: object, entries: dict[object, object]) -> bytes:
    payload = marshal.dumps(entries)
    return marshal.dumps((stamp, zlib.crc32(payload), payload))


@pytest.mark.parametrize(
    "damage",
    [
        lambda _: b"not a cache",
        lambda _: b"",
        _foreign_with_a_wrong_program,
        _refused_program,
        _another_program_unchecked,
    ],
    ids=["garbage", "empty", "another-python", "refused-code", "flipped"],
)
def test_a_damaged_or_foreign_pattern_cache_falls_back_and_is_rewritten(
    pattern_folder: Path, damage: object
) -> None:
    source = r"(?<!\w)(?:workshop|round ?table)s?(?!\w)"
    path = pattern_folder / pattern_cache._FILE
    path.write_bytes(damage(source))  # type: ignore[operator]
    pattern_cache.use_cache_dir(pattern_folder)
    assert pattern_cache.compiled(source) == re.compile(source)
    pattern_cache.save()
    stamp, _, entries = marshal.loads(path.read_bytes())
    assert stamp == pattern_cache._STAMP
    entries = marshal.loads(entries)
    pattern_cache.use_cache_dir(pattern_folder)
    assert pattern_cache.compiled(source) == re.compile(source)
    assert (source, 0) in pattern_cache._used and set(entries) == {(source, 0)}


def test_a_cache_folder_that_may_not_be_written_is_only_read(pattern_folder: Path) -> None:
    (known, flags), (new, _) = PATTERNS[:2]
    pattern_cache.compiled(known, flags)
    pattern_cache.save()
    path = pattern_folder / pattern_cache._FILE
    written = path.read_bytes()
    pattern_cache.use_cache_dir(pattern_folder, write=False)
    assert pattern_cache.compiled(known, flags) == re.compile(known, flags)
    assert (known, int(flags)) in pattern_cache._used
    assert pattern_cache.compiled(new) == re.compile(new)
    pattern_cache.save()
    assert path.read_bytes() == written
    assert [p.name for p in pattern_folder.iterdir()] == [path.name]


def test_without_a_cache_folder_patterns_are_compiled_as_ever(tmp_path: Path) -> None:
    pattern_cache.use_cache_dir(None)
    source, flags = PATTERNS[0]
    assert pattern_cache.compiled(source, flags) is re.compile(source, flags)
    pattern_cache.save()
    assert list(tmp_path.iterdir()) == []


def test_the_lexicons_patterns_are_the_same_text_whatever_the_hash_seed() -> None:
    # The cache finds a program by its pattern's text: a text built in the order of a set (the
    # string hash's seed differs in every process) would be compiled afresh by every process.
    code = (
        "from confwatch.spiders.normalise import dates, lexicon\n"
        "_, forms = dates._grammar(('en', 'fr', 'de', 'es', 'ru', 'uk', 'kk', 'uz', 'az'))\n"
        "print([form.pattern for form in forms])\n"
        "print(lexicon.words('event_noun')._stems.pattern)\n"
    )
    texts = {
        subprocess.run(
            [sys.executable, "-c", code],
            env=os.environ | {"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(texts) == 1
