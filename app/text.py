"""Normalisation shared by storage and lookup, so a name matches however it is typed."""

import re
import unicodedata

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
