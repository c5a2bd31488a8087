"""What a user's query looks for: its words, and the same as SQLite FTS5 syntax (any
string becomes quoted terms FTS5 accepts)."""

import re

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


def _quoted(text: str) -> str | None:
    words = _WORD.findall(text)
    return '"' + " ".join(words) + '"' if words else None


def _negated(minus: str, bare: str | None) -> bool:
    """'-"a phrase"' or '-word' (a lone '-' excludes nothing)."""
    return bool(minus) or (bare is not None and bare.startswith("-") and len(bare) > 1)


def _group(included: list[str], excluded: list[str]) -> str:
    query = " ".join(included)
    if excluded:
        query = f"({query})" + "".join(f" NOT {term}" for term in excluded)
    return query


def fts5_query(text: str) -> str | None:
    """A user query as FTS5 syntax, read as PostgreSQL's ``websearch_to_tsquery`` reads it:
    words AND-ed, "quoted phrases", -excluded terms, and OR binding loosest.

    Every term is double-quoted, so FTS5 operators, column filters and stray punctuation
    in the input are plain text. None when the input holds no word to look for.
    """
    groups: list[tuple[list[str], list[str]]] = [([], [])]
    for match in _TOKEN.finditer(text):
        minus, phrase, bare = match.groups()
        if bare == "OR" and groups[-1][0]:
            groups.append(([], []))
            continue
        negated = _negated(minus, bare)
        term = _quoted(phrase if phrase is not None else bare)
        if term:
            groups[-1][1 if negated else 0].append(term)
    # FTS5 cannot express "everything but": a group with nothing to include is dropped.
    rendered = [_group(included, excluded) for included, excluded in groups if included]
    if len(rendered) > 1:
        return " OR ".join(f"({group})" if " " in group else group for group in rendered)
    return rendered[0] if rendered else None


def query_words(text: str) -> list[str]:
    """The words a query looks for (excluded ones and ``OR`` aside), as ``fts5_query``
    reads them."""
    found: list[str] = []
    for match in _TOKEN.finditer(text):
        minus, phrase, bare = match.groups()
        negated = _negated(minus, bare)
        if bare == "OR" or negated:
            continue
        found += _WORD.findall(phrase if phrase is not None else bare)
    return found


def searchable(query: str | None) -> bool:
    return bool(query and fts5_query(query))
