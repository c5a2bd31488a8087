"""Sieve: an abbreviation defined in brackets names what the words before it name.

"the Ruritanian Space Centre (RSC)": the letters are the initials of the name before
them, so they take its type, a site's as much as a body's; a name the passes left
unread or cut at its connectors ("Panel on Orbital Debris (POD)") is one body's whole
name. "qualified offshore lenders (QOL)": initials of plain lower-case words abbreviate
a thing, never a body.
"""

from __future__ import annotations

import re

from app.extraction.found import Context, Found
from app.extraction.organizations import acronym, org_head
from app.extraction.works import EVENT_HEADS

# Small words a spelled-out name keeps without initials: "Panel on Orbital Debris".
_INNER = frozenset({"of", "on", "for", "and", "the", "in", "de", "del", "des", "du", "&"})
# The lower-case letters an abbreviation keeps for those small words: "BoN".
_INNER_INITIALS = frozenset("ofatd")
_NAMED = ("organization", "place", "country")
_MAX_WORDS = 10


def defined_acronyms(found: list[Found], ctx: Context) -> None:
    """Re-type, in place, the abbreviations defined in brackets (and every other use of
    them), and join the unread pieces of the names they spell out."""
    defined: dict[str, Found] = {}
    for item in list(found):
        letters = _letters(item.text) if _bracketed(item, ctx) else None
        if letters is None:
            continue
        start = _spelled_out(ctx.body, item.start - 2, letters)
        if start is None:
            if _plain_words(ctx.body, item.start - 2, letters):
                item.kind, item.weak, item.decided_by = "other", False, "defined_acronyms"
                defined.setdefault(item.text, item)
            continue
        if _read_as(item, start, _name(found, start, item.start - 2), found, ctx):
            defined.setdefault(item.text, item)
    for other in found:
        model = defined.get(other.text)
        if model is not None and other is not model and not other.qualified:
            other.kind, other.code, other.decided_by = model.kind, model.code, model.decided_by


def _letters(text: str) -> str | None:
    """The initials an abbreviation spells: its capitals, where a plural "s" ends it
    ("VFUs") or the small words inside the name stand in lower case ("BoN" for "Bank of
    Norland"); None for a word that is no abbreviation."""
    if text.endswith("s") and acronym(text[:-1]):
        text = text[:-1]
    if acronym(text):
        return text.replace(".", "").replace("&", "")
    lower = set(filter(str.islower, text))
    if not text.isalpha() or not text[:1].isupper() or not lower <= _INNER_INITIALS:
        return None
    capitals = "".join(filter(str.isupper, text))
    return capitals if len(capitals) >= 2 else None


def _bracketed(item: Found, ctx: Context) -> bool:
    body = ctx.body
    return body[item.start - 2 : item.start] == " (" and body[item.end : item.end + 1] == ")"


def _words_before(body: str, end: int) -> list[re.Match[str]]:
    line = body.rfind("\n", 0, end) + 1
    return list(re.finditer(r"\S+", body[line:end]))[-_MAX_WORDS:]


def _spelled_out(body: str, end: int, letters: str) -> int | None:
    """Where the capitalised words whose initials spell ``letters`` start, the shortest
    such name right before ``end``."""
    words = _words_before(body, end)
    line = body.rfind("\n", 0, end) + 1
    initials = ""
    for word in reversed(words):
        text = word[0]
        if text in _INNER:
            continue
        if not text[:1].isupper():
            return None
        initials = text[0] + initials
        if initials == letters:
            return line + word.start()
        if not letters.endswith(initials):
            return None
    return None


def _plain_words(body: str, end: int, letters: str) -> bool:
    """'qualified offshore lenders (QOL)': lower-case words spell the letters, and the
    last is no body's head ("special inquiry team (SIT)" is a body)."""
    words = [w[0] for w in _words_before(body, end)][-len(letters) :]
    if len(words) < len(letters) or not all(w.isalpha() and w.islower() for w in words):
        return False
    if org_head(words[-1].title()):
        return False
    return "".join(w[0] for w in words).upper() == letters.upper()


def _name(found: list[Found], start: int, end: int) -> list[Found]:
    inside = [f for f in found if start <= f.start and f.end <= end and not f.qualified]
    return sorted(inside, key=lambda f: f.start)


def _read_as(item: Found, start: int, parts: list[Found], found: list[Found], ctx: Context) -> bool:
    """Give ``item`` the type of the name its letters spell out; whether it did."""
    if not parts or parts[0].start != start:
        return False  # the name's first word was read as no part of it
    whole = [p for p in parts if p.end == item.start - 2 and p.start == start]
    if whole and _typed_whole(whole[0]):
        item.kind, item.weak, item.decided_by = whole[0].kind, False, "defined_acronyms"
        item.code = whole[0].code
        return True
    if len(parts) > 1 and all(p.kind == "other" for p in parts) and _body_name(ctx, start, item):
        first = parts[0]
        first.end, first.text = item.start - 2, ctx.body[first.start : item.start - 2]
        first.kind, first.weak, first.decided_by = "organization", False, "defined_acronyms"
        for part in parts[1:]:
            found.remove(part)  # a piece of the name just joined
        item.kind, item.weak, item.decided_by = "organization", False, "defined_acronyms"
        return True
    return False


def _typed_whole(name: Found) -> bool:
    """A body's or a place's name; a site's only when no connector builds it: "Velmora
    Space Center" is a site, a "Centre of Ruritanian Unions" a body read as one."""
    if name.kind == "organization" or name.code is not None:
        return True
    return name.kind == "place" and not any(f" {w} " in name.text for w in _INNER)


def _body_name(ctx: Context, start: int, item: Found) -> bool:
    """Pieces joined into a body's name: no law or event ("... Fisheries Act")."""
    last = ctx.body[start : item.start - 2].split()[-1]
    return last not in EVENT_HEADS
