"""docs/configuration.md's reference is generated from the configuration schema and stays so."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from confwatch.scheduler import config_docs, config_schema

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "configuration.md"
#: Tables written inline (``fields = { ... }``): their keys are named in the row's meaning.
INLINE = {config_schema.FieldSelectors, config_schema.RelevanceRule}


def _models(model: type[BaseModel]) -> set[type[BaseModel]]:
    from confwatch.scheduler.config_problems import models_in

    found = {model}
    for info in model.model_fields.values():
        for inner in models_in(info.annotation):
            found |= _models(inner)
    return found


def test_reference_tables_are_the_ones_the_schema_generates() -> None:
    text = DOC.read_text("utf-8")
    assert config_docs.update(text) == text, (
        "docs/configuration.md is stale: "
        "python -m confwatch.scheduler.config_docs docs/configuration.md"
    )


def test_every_table_of_the_schema_has_its_reference() -> None:
    text = DOC.read_text("utf-8")
    assert sorted(config_docs.generated_tables(text)) == sorted(config_docs.TABLES)
    documented = set(config_docs.TABLES.values()) | INLINE | {config_schema.ConfigFile}
    assert _models(config_schema.ConfigFile) <= documented
    for model in INLINE:
        missing = [k for k in model.model_fields if f"`{k}`" not in text]
        assert not missing, f"{model.__name__}: {missing} not explained"


def test_every_setting_has_a_meaning() -> None:
    for name, model in config_docs.TABLES.items():
        for key, info in model.model_fields.items():
            assert info.description, f"[{name}].{key} has no description"


def test_every_environment_variable_the_configuration_reads_is_documented() -> None:
    code = (REPO / "scheduler" / "config.py").read_text("utf-8")
    names = set(re.findall(r'"((?:CONFWATCH_[A-Z_]+)|DATABASE_URL)"', code))
    environment = DOC.read_text("utf-8").split("## Environment", 1)[1]
    missing = sorted(n for n in names if f"`{n}`" not in environment)
    assert len(names) >= 12 and not missing, f"not in docs/configuration.md: {missing}"
