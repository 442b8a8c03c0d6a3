"""Source kinds have one home: the modules of spiders/sites/, read by everyone who names a kind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import get_args

import click

from confwatch.scheduler import config_schema
from confwatch.scheduler.cli.try_source import try_
from confwatch.spiders.registry import SPIDERS, spider_class
from confwatch.spiders.sites import KINDS, kind_of, module_of

SITES = Path(__file__).resolve().parents[3] / "spiders" / "sites"


def test_kinds_are_the_modules_of_spiders_sites_with_generic_last() -> None:
    modules = sorted(p.stem for p in SITES.glob("*.py") if not p.name.startswith("_"))
    assert sorted(KINDS) == sorted(kind_of(m) for m in modules)
    assert KINDS == ("mfa-mn", "osce", "unoct", "generic")


def test_a_kind_and_its_module_name_map_both_ways() -> None:
    assert (module_of("mfa-mn"), kind_of("mfa_mn")) == ("mfa_mn", "mfa-mn")
    assert all(kind_of(module_of(k)) == k for k in KINDS)


def test_every_kind_has_one_spider_class_that_says_the_same_kind() -> None:
    assert list(SPIDERS) == list(KINDS)
    assert all(spider_class(k).kind == k for k in KINDS)


def test_kinds_are_known_without_importing_scrapy() -> None:
    code = "import sys, confwatch.spiders.sites as s; print(s.KINDS, 'scrapy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"{KINDS} False"


def test_configuration_and_try_accept_exactly_the_kinds() -> None:
    assert config_schema.KINDS is KINDS
    kind_field = config_schema.SourceTable.model_fields["kind"].annotation
    assert sorted(get_args(kind_field)) == sorted(KINDS)
    (kind_option,) = [p for p in try_.params if p.name == "kind"]
    assert isinstance(kind_option.type, click.Choice)
    assert tuple(kind_option.type.choices) == KINDS
