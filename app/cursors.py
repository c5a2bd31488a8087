"""Opaque cursors: a listing's scope and the values its next page starts after, as
URL-safe base64 JSON, checked on the way back in (a cursor is client input)."""

import base64
import binascii
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from app.errors import InvalidInput
from app.schemas import as_utc

BAD_CURSOR = "The cursor is malformed or belongs to another listing"
CURSOR_FIELD = "query.cursor"

# Cursor integers are bound as SQL parameters: both backends take signed 64-bit at most
# (SQLite raises OverflowError beyond it).
MIN_INT, MAX_INT = -(2**63), 2**63 - 1


def encode(scope: str, values: Sequence[Any]) -> str:
    packed = [{"dt": v.isoformat()} if isinstance(v, datetime) else v for v in values]
    raw = json.dumps({"s": scope, "v": packed}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def unpack(value: Any, kind: type) -> Any:
    """One cursor value, checked against the type its sort key expects (ValueError if not):
    a wrong type reaching PostgreSQL is a driver error, not a refusal."""
    if kind is datetime:
        if not isinstance(value, dict) or set(value) != {"dt"} or not isinstance(value["dt"], str):
            raise ValueError("expected a date")
        return as_utc(datetime.fromisoformat(value["dt"]))
    if kind is int:
        if type(value) is not int or not MIN_INT <= value <= MAX_INT:
            raise ValueError("expected a 64-bit integer")
        return value
    raise TypeError(f"no cursor encoding for {kind.__name__}")


def decode(scope: str, cursor: str, kinds: Sequence[type]) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("s") != scope:
            raise ValueError("another listing's cursor")
        packed = data["v"]
        if not isinstance(packed, list) or len(packed) != len(kinds):
            raise ValueError("wrong number of values")
        return [unpack(value, kind) for value, kind in zip(packed, kinds, strict=True)]
    except (binascii.Error, ValueError, KeyError, UnicodeDecodeError, RecursionError):
        raise InvalidInput(BAD_CURSOR, field=CURSOR_FIELD) from None
