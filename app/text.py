"""Normalisation shared by storage and lookup, so a name matches however it is typed."""

import re
import unicodedata
from urllib.parse import urlsplit

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize_name(text: str) -> str:
    """Lookup key for a name: case-, accent- and spacing-insensitive, possessive dropped."""
    key = strip_accents(text).translate(_APOSTROPHES).casefold()
    key = _SPACES.sub(" ", key).strip()
    if key.endswith("'s"):
        key = key[:-2]
    if key.startswith("the "):
        key = key[4:]
    return key


def slugify(text: str, *, max_length: int = 80) -> str:
    slug = _NON_WORD.sub("-", strip_accents(text).casefold()).strip("-")
    return slug[:max_length].rstrip("-") or "item"


def word_count(text: str) -> int:
    return len(text.split())


_WEB_SCHEMES = ("http", "https")


def web_url(value: str | None) -> str | None:
    """``value`` if it is an absolute http(s) URL, else None: a stored source link is served
    to browsers, where ``javascript:`` or ``data:`` would run or render as a page."""
    if not value or any(ch.isspace() or not ch.isprintable() for ch in value):
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:  # e.g. an unbalanced IPv6 bracket or a bad port
        return None
    return value if parts.scheme.lower() in _WEB_SCHEMES and host else None
