"""``json.dumps(value)``, byte for byte, for the shapes the store writes, without its set-up.

``json.dumps`` builds an encoder on every call, about 3 us before it writes anything; the values
the store serialises per new event are small (strings, lists of strings, documents), so that
set-up was most of the cost. ``json_text`` writes strings with json's own string encoder, lists,
tuples and string-keyed dicts with json's default separators, and leaves everything else
(numbers, booleans, other keys) to ``json.dumps``. tests/store/test_bulk.py checks it
against ``json.dumps`` on arbitrary JSON values.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring_ascii
from typing import Any


def json_text(value: Any) -> str:
    """``json.dumps(value)``: default separators, ``ensure_ascii``, keys in insertion order."""
    if isinstance(value, str):
        return encode_basestring_ascii(value)  # what json.dumps itself calls for a string
    if value is None:
        return "null"
    if type(value) is list or type(value) is tuple:  # json writes a tuple as a list
        return "[" + ", ".join([json_text(item) for item in value]) + "]"
    if type(value) is dict and all(isinstance(key, str) for key in value):
        items = [encode_basestring_ascii(k) + ": " + json_text(v) for k, v in value.items()]
        return "{" + ", ".join(items) + "}"
    return json.dumps(value)
