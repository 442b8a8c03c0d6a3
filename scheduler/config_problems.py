"""What is wrong with a configuration, worded for the operator: one ``Problem`` per mistake.

pydantic reports where a value failed (``('sources', 2, 'every')``) and why, in its own words.
This turns each error into ``sources[mfa-example].every: '0s': must be at least 5m``: the source
named by its key, unknown keys with the nearest known one ("did you mean"), bounds with the reason
they exist, values given through the environment named by their variable. ``cross_checks`` finds
what no single field can: ``every`` with ``cron``, a key defined twice, a start URL at a private
address nobody allowed.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from confwatch.scheduler.config_schema import KEY_PATTERN, ConfigFile
from confwatch.spiders.safety import AllowList, allow_entry_problem, private_url_refusal

Loc = tuple[str | int, ...]
#: Tables of tables, each named by one of its own fields in messages: sources[osce].every.
_NAMED_BY: dict[Loc, str] = {
    ("sources",): "key",
    ("subscribers",): "email",
    ("feeds", "filters"): "name",
}
_TYPE_WORDS = {
    "float_type": "a number",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "string_type": "text (put it in quotes)",
    "list_type": "a list: [...]",
    "dict_type": "a table: { ... }",
    "model_type": "a table",
    "model_attributes_type": "a table",
    "timedelta_type": "a duration",
}


@dataclass(frozen=True)
class Problem:
    """One mistake: where (the file's name, or the environment variable that gave the value),
    the field's path, what is wrong; ``source`` is the source's key when it is in one."""

    where: str
    field: str
    message: str
    source: str | None = None
    variable: str | None = None

    def __str__(self) -> str:
        if self.variable:
            return f"{self.variable} ({self.field}): {self.message}"
        return (
            f"{self.where}: {self.field}: {self.message}"
            if self.field
            else (f"{self.where}: {self.message}")
        )

    def to_json(self) -> dict[str, Any]:
        out = {"source": self.source, "field": self.field, "message": self.message}
        return out | ({"variable": self.variable} if self.variable else {})


def problems_of(
    error: ValidationError, raw: Mapping[str, Any], where: str, from_env: Mapping[Loc, str]
) -> list[Problem]:
    """Every error pydantic found, worded; ``from_env`` maps a value's place to its variable."""
    out = []
    for item in error.errors():
        loc = tuple(item["loc"])
        field, source = place(loc, raw)
        variable = next((v for at, v in from_env.items() if loc[: len(at)] == at), None)
        out.append(Problem(where, field, _message(item, loc), source, variable))
    return out


def place(loc: Loc, raw: Mapping[str, Any]) -> tuple[str, str | None]:
    """``('sources', 2, 'every')`` -> ``("sources[mfa-example].every", "mfa-example")``."""
    parts: list[str] = []
    source = None
    for i, step in enumerate(loc):
        if not isinstance(step, int):
            parts.append(str(step))
            continue
        label: Any = step
        by = _NAMED_BY.get(loc[:i])
        item = _at(raw, loc[: i + 1])
        if by and isinstance(item, Mapping) and isinstance(item.get(by), str) and item[by]:
            name = item[by]
            if by != "key" or re.match(KEY_PATTERN, name):
                label = name
        if tuple(loc[:i]) == ("sources",) and isinstance(label, str):
            source = label
        if parts:
            parts[-1] += f"[{label}]"
        else:
            parts.append(f"[{label}]")
    return ".".join(parts), source


def _at(raw: Any, loc: Loc) -> Any:
    for step in loc:
        try:
            raw = raw[step]
        except (KeyError, IndexError, TypeError):
            return None
    return raw


def _message(item: Mapping[str, Any], loc: Loc) -> str:
    kind = item["type"]
    ctx = item.get("ctx") or {}
    value = item.get("input")
    info = field_info(loc)
    extra = info.json_schema_extra if info is not None else None
    extra = extra if isinstance(extra, dict) else {}
    messages = extra.get("messages") or {}
    if isinstance(messages, dict) and kind in messages:
        return str(messages[kind])
    if kind == "confwatch":
        return str(ctx.get("message", item["msg"]))
    if kind == "extra_forbidden":
        return _unknown(loc, value)
    if kind == "missing":
        return "required"
    if kind in _TYPE_WORDS:
        words = f"{_shown(value)} is not {_TYPE_WORDS[kind]}"
        if kind == "float_type" and extra.get("unit") == "seconds":
            words += ": write seconds as 2 or 2.5"
        return words
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"{_shown(value)} is not one of {choices}"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        why = f" ({extra['why']})" if extra.get("why") else ""
        return f"{_shown(value)}: must be at least {_number(bound)}{why}"
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return f"{_shown(value)}: must be at most {_number(bound)}"
    if kind == "too_short":
        return "must not be empty" if ctx.get("min_length") == 1 else str(item["msg"])
    if kind == "too_long":
        return f"at most {ctx.get('max_length')} entries"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"at most {ctx.get('max_length')} characters"
    if kind == "string_pattern_mismatch":
        allowed = extra.get("allowed") or "one line of text"
        return f"{_shown(value)} is not allowed here ({allowed})"
    return f"{_shown(value)}: {item['msg']}"


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _shown(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return (
        repr(value)
        if isinstance(value, str)
        else str(value).lower()
        if isinstance(value, bool)
        else str(value)
    )


def _unknown(loc: Loc, value: Any) -> str:
    known = known_keys(loc[:-1])
    what = "section" if len(loc) == 1 and isinstance(value, Mapping | list) else "setting"
    close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    hint = f'; did you mean "{close[0]}"?' if close else ""
    if not close and known and len(known) <= 8:
        hint = f" (known: {', '.join(known)})"
    return f"unknown {what}{hint}"


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation holds (``list[SourceTable] | None`` -> ``[SourceTable]``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    origin = typing.get_origin(annotation)
    if origin is not None or isinstance(annotation, types.UnionType):
        for arg in typing.get_args(annotation):
            found += models_in(arg)
    return found


def _model_at(loc: Loc) -> type[BaseModel] | None:
    model: type[BaseModel] | None = ConfigFile
    for step in loc:
        if isinstance(step, int) or model is None:
            continue
        info = _field(model, step)
        models = models_in(info.annotation) if info is not None else []
        model = models[0] if models else None
    return model


def _field(model: type[BaseModel], name: str) -> FieldInfo | None:
    for key, info in model.model_fields.items():
        if name in (key, info.alias):
            return info
    return None


def field_info(loc: Loc) -> FieldInfo | None:
    """The schema field a location names (list indices skipped), or None."""
    steps = [s for s in loc if not isinstance(s, int)]
    if not steps:
        return None
    model = _model_at(tuple(steps[:-1]))
    return _field(model, str(steps[-1])) if model is not None else None


def known_keys(loc: Loc) -> list[str]:
    model = _model_at(loc)
    if model is None:
        return []
    return [info.alias or key for key, info in model.model_fields.items()]


# -- what no single field can tell --------------------------------------------------------------


def cross_checks(raw: Mapping[str, Any], where: str) -> list[Problem]:
    """``every`` with ``cron``; keys and addresses given twice; private start URLs not allowed."""
    out: list[Problem] = []
    crawl = raw.get("crawl")
    crawl_allow = _lenient_allow(crawl.get("allow_private") if isinstance(crawl, Mapping) else None)
    seen: set[str] = set()
    for i, table in enumerate(_tables(raw.get("sources"))):
        field, source = place(("sources", i), raw)
        key = table.get("key")
        if "every" in table and "cron" in table:
            out.append(
                Problem(
                    where,
                    f"{field}.cron",
                    "every and cron are both set: keep one (cron would win)",
                    source,
                )
            )
        if isinstance(key, str):
            if key in seen:
                out.append(Problem(where, f"{field}.key", "defined twice", source))
            seen.add(key)
        urls = table.get("start_urls")
        allow = crawl_allow | _lenient_allow(table.get("allow_private"))
        for j, url in enumerate(urls if isinstance(urls, list) else []):
            why = private_url_refusal(url, allow) if isinstance(url, str) else None
            if why:
                out.append(Problem(where, f"{field}.start_urls[{j}]", why, source))
    emails: set[str] = set()
    for i, table in enumerate(_tables(raw.get("subscribers"))):
        email = table.get("email")
        if isinstance(email, str):
            if email.strip().lower() in emails:
                field, _ = place(("subscribers", i), raw)
                out.append(Problem(where, f"{field}.email", "listed twice"))
            emails.add(email.strip().lower())
    return out


def _tables(value: Any) -> Sequence[Mapping[str, Any]]:
    if not isinstance(value, list):
        return []
    return [t if isinstance(t, Mapping) else {} for t in value]


def _lenient_allow(entries: Any) -> AllowList:
    """The valid entries of an allow-list (the invalid ones are reported by the schema)."""
    if not isinstance(entries, list):
        return AllowList()
    return AllowList.parse(
        e for e in entries if isinstance(e, str) and allow_entry_problem(e) is None
    )
