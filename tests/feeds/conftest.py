"""Fixtures for the feed tests: settings, a fixed "now" and the Atom RELAX NG schema."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from confwatch.feeds.settings import FeedSettings
from tests.conftest import FIXTURES

ATOM_RNG = FIXTURES / "schemas" / "atom.rng"


@pytest.fixture(scope="session")
def atom_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(ATOM_RNG)))


@pytest.fixture
def settings() -> FeedSettings:
    return FeedSettings(base_url="https://confwatch.example")


@pytest.fixture
def now() -> dt.datetime:
    return dt.datetime(2020, 9, 15, 12, 0, tzinfo=dt.UTC)
