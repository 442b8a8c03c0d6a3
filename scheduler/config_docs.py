"""docs/configuration.md's reference tables are generated from the schema (``config_schema``).

The file's prose is written by hand; each table sits between ``<!-- generated: TABLE -->`` and
``<!-- end generated -->`` and is rewritten from the model's fields (key, default, allowed
values, meaning). A test fails when the file differs from what the schema says. Regenerate with
``python -m confwatch.scheduler.config_docs docs/configuration.md``.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal

from annotated_types import Ge, Le
from pydantic import AfterValidator, BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from confwatch.scheduler import config_schema as schema

TABLES: dict[str, type[BaseModel]] = {
    "crawl": schema.CrawlTable,
    "feeds": schema.FeedsTable,
    "feeds.filters": schema.FeedFilterTable,
    "mail": schema.MailTable,
    "service": schema.ServiceTable,
    "digest": schema.DigestTable,
    "subscribers": schema.SubscriberTable,
    "sources": schema.SourceTable,
}
_BLOCK = re.compile(
    r"(<!-- generated: (?P<table>[a-z.]+) -->\n)(?P<body>.*?)(<!-- end generated -->)", re.S
)


def render_table(model: type[BaseModel]) -> str:
    lines = ["| key | default | allowed | meaning |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        key = info.alias or name
        default = str(extra.get("default_text") or _default(info))
        allowed = str(extra.get("allowed") or _allowed(info.annotation, info.metadata))
        lines.append(f"| `{key}` | {default} | {allowed} | {info.description or ''} |")
    return "\n".join(lines) + "\n"


def update(text: str) -> str:
    """``text`` with every generated table rewritten from the schema."""

    def table(match: re.Match[str]) -> str:
        name = match.group("table")
        if name not in TABLES:
            raise ValueError(f"docs/configuration.md: no table {name!r} in the schema")
        return f"{match.group(1)}{render_table(TABLES[name])}{match.group(4)}"

    return _BLOCK.sub(table, text)


def generated_tables(text: str) -> list[str]:
    return [m.group("table") for m in _BLOCK.finditer(text)]


def _default(info: FieldInfo) -> str:
    value = info.default
    if value is PydanticUndefined:
        return "required"
    if value is None or value == []:
        return "none"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, dt.timedelta):
        return f"`{schema.show_duration(value)}`"
    if isinstance(value, float):
        return f"`{value:g}`"
    if isinstance(value, int):
        return f"`{value}`"
    if isinstance(value, str):
        return f"`{value}`" if value else "empty"
    return "see below"


def _allowed(annotation: Any, metadata: list[Any], plural: bool = False) -> str:
    """What a value of this type may be, in words: "whole number, 1 – 8", "list of regexes"."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *more = typing.get_args(annotation)
        return _allowed(inner, [*more, *metadata], plural)
    if origin in (typing.Union, types.UnionType):
        kinds = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _allowed(kinds[0], metadata, plural) if len(kinds) == 1 else "see meaning"
    if origin is list:
        (item,) = typing.get_args(annotation)
        return f"list of {_allowed(item, [], plural=True)}"
    if origin is Literal:
        *first, last = [f"`{v}`" for v in typing.get_args(annotation)]
        return f"{', '.join(first)} or {last}" if first else last
    for meta in metadata:
        if isinstance(meta, AfterValidator) and meta.func in schema.VALUE_WORDS:
            return schema.VALUE_WORDS[meta.func][plural]
    if annotation is bool:
        return "`true` or `false`"
    if annotation is dt.timedelta:
        return "duration"
    if annotation in (int, float):
        word = "whole number" if annotation is int else "number"
        low = next((m.ge for m in metadata if isinstance(m, Ge)), None)
        high = next((m.le for m in metadata if isinstance(m, Le)), None)
        if low is not None and high is not None:
            return f"{word}, {_spaced(low)} – {_spaced(high)}"
        return word
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "table"
    return "texts" if plural else "text"


def _spaced(number: Any) -> str:
    """1000000 -> "1 000 000" (a thin space would not survive every terminal)."""
    return f"{number:,}".replace(",", " ")


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "docs/configuration.md")
    text = path.read_text("utf-8")
    path.write_text(update(text), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
