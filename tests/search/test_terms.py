"""``fts5_query`` and ``query_words``: any user text becomes a query FTS5 accepts, or None,
and the words it looks for. No database server."""

import importlib.util
import re
import sqlite3
import string
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.config import PROJECT_ROOT
from app.search.terms import fts5_query, query_words, searchable

WORDS = r"\w+(?: \w+)*"
# One or more double-quoted phrases of words, optionally joined by OR.
TERM = rf'"{WORDS}"'
AND_GROUP = rf"{TERM}(?: {TERM})*"
GROUP = rf"{AND_GROUP}|\({AND_GROUP}\)(?: NOT {TERM})+"
# One group of AND-ed quoted terms (with exclusions NOT-ed after it), or several joined by
# OR, each in parentheses unless it is a single term.
WELL_FORMED = re.compile(rf"{GROUP}|(?:{TERM}|\((?:{GROUP})\))(?: OR (?:{TERM}|\((?:{GROUP})\)))+")


def _tokenizer() -> str:
    """The tokenizer the migration gives the real FTS5 tables."""
    path = PROJECT_ROOT / "migrations" / "versions" / "0002_full_text_search.py"
    spec = importlib.util.spec_from_file_location("fts_migration", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tokenizer: str = module.SQLITE_TOKENIZER
    return tokenizer


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        f"CREATE VIRTUAL TABLE doc USING fts5(title, body, tokenize='{_tokenizer()}')"
    )
    connection.execute(
        "INSERT INTO doc (title, body) VALUES (?, ?)",
        ("Pegasus", "Morocco normalized ties with Israel, the NSO said."),
    )
    yield connection
    connection.close()


def matches(fts: sqlite3.Connection, query: str) -> list[int]:
    return [row[0] for row in fts.execute("SELECT rowid FROM doc WHERE doc MATCH ?", (query,))]


TOKENS = re.compile(r'(-?)"([^"]*)"|(\S+)')


def included_text(text: str) -> str:
    """The input less its -excluded tokens: a "phrase", or a run of non-space characters."""
    kept = []
    for minus, phrase, bare in TOKENS.findall(text):
        if not minus and not (bare.startswith("-") and len(bare) > 1):
            kept.append(phrase or bare)
    return " ".join(kept)


def check(fts: sqlite3.Connection, text: str) -> str | None:
    """The properties every input must have; returns the query."""
    query = fts5_query(text)
    # -word and -"phrase" exclude; only what remains can make a query.
    remaining = included_text(text)
    assert (query is None) == (re.search(r"\w", remaining) is None)
    assert searchable(text) == (query is not None)
    if query is not None:
        assert WELL_FORMED.fullmatch(query), query
        # Nothing invented: every word of the query is a word of the input.
        assert set(re.findall(r"\w+", query)) - {"OR", "NOT"} <= set(re.findall(r"\w+", text))
        matches(fts, query)  # FTS5 parses it
    return query


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pegasus", '"Pegasus"'),
        ("Pegasus spyware", '"Pegasus" "spyware"'),
        ('"interests at stake"', '"interests at stake"'),
        ('"unterminated phrase', '"unterminated" "phrase"'),
        ("Pegasus OR Morocco", '"Pegasus" OR "Morocco"'),
        ("OR Pegasus", '"OR" "Pegasus"'),
        ("Pegasus OR", '"Pegasus"'),
        ("Pegasus or Morocco", '"Pegasus" "or" "Morocco"'),
        ("Pegasus AND Morocco", '"Pegasus" "AND" "Morocco"'),
        ("NOT Pegasus", '"NOT" "Pegasus"'),
        ("NEAR(Pegasus Morocco)", '"NEAR Pegasus" "Morocco"'),
        ("body:Pegasus", '"body Pegasus"'),
        ("-Pegasus", None),  # nothing left to look for
        ("Pegasus -spyware", '("Pegasus") NOT "spyware"'),
        ("Pegasus -a", '("Pegasus") NOT "a"'),  # a one-letter word is excluded too
        ("Pegasus -spyware -Morocco", '("Pegasus") NOT "spyware" NOT "Morocco"'),
        ('a OR b -"c d"', '"a" OR (("b") NOT "c d")'),
        ("a b OR c", '("a" "b") OR "c"'),
        ("Pega*", '"Pega"'),
        ("e-mail", '"e mail"'),
        ("'; DROP TABLE doc; --", '"DROP" "TABLE" "doc"'),
        ("Pégasus 🐎", '"Pégasus"'),
        ("", None),
        ("   ", None),
        ('"', None),
        ('""', None),
        ("*", None),
        ("( ) - : ^", None),
        ("😀", None),
        ("OR", '"OR"'),
    ],
)
def test_examples(fts: sqlite3.Connection, text: str, expected: str | None) -> None:
    assert check(fts, text) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("pegasus", True),
        ("PEGASUS", True),
        ("normalization", True),  # porter stemming: "normalized" is in the body
        ("Israel Morocco", True),
        ("Israel Algeria", False),
        ("Israel OR Algeria", True),
        ('"ties with Israel"', True),
        ('"Israel with ties"', False),
        ("NSO:", True),
        ("title:Morocco", False),  # a column filter would find it; here it is two words
    ],
)
def test_queries_find_what_they_say(fts: sqlite3.Connection, text: str, found: bool) -> None:
    query = check(fts, text)
    assert query is not None
    assert matches(fts, query) == ([1] if found else [])


@settings(max_examples=500)
@given(st.text())
def test_any_text_is_a_valid_query_or_none(fts: sqlite3.Connection, text: str) -> None:
    check(fts, text)


FRAGMENTS = st.sampled_from(
    [
        '"',
        "'",
        "*",
        "(",
        ")",
        "-",
        "+",
        ":",
        "^",
        "{",
        "}",
        "[",
        "]",
        ",",
        ".",
        ";",
        "\\",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "NEAR(",
        "NEAR/3",
        "title:",
        "body:",
        "{title}:",
        "rowid",
        "Pegasus",
        "é",
        "ß",
        "İ",
        "ǅ",
        "٣",
        "²",
        "_",
        "😀",
        "\u200b",
        "\u0301",
        "\x00",
        "\t",
    ]
)
HOSTILE = st.lists(st.one_of(FRAGMENTS, st.just(" ")), max_size=30).map("".join)


@settings(max_examples=500)
@given(HOSTILE)
def test_fts5_syntax_is_never_passed_through(fts: sqlite3.Connection, text: str) -> None:
    check(fts, text)


# Letters, digits and punctuation: characters FTS5's tokenizer also treats as word or
# separator, so the input itself, stored as a document, must match its own query.
PLAIN = st.text(
    alphabet=string.ascii_letters + string.digits + "éüñ" + " \t\"()*-:.,;!?'_^{}[]",
    max_size=60,
)


@settings(max_examples=300)
@given(PLAIN)
def test_a_text_matches_its_own_query(text: str) -> None:
    query = fts5_query(text)
    if query is None or not re.search(r"[^\W_]", text) or "NOT" in query:
        return  # no word, only underscores (FTS5 sees no token either), or an exclusion
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute(f"CREATE VIRTUAL TABLE doc USING fts5(body, tokenize='{_tokenizer()}')")
        connection.execute("INSERT INTO doc (body) VALUES (?)", (text,))
        assert matches(connection, query) == [1], (text, query)
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Pegasus spyware", ["Pegasus", "spyware"]),
        ('"ties with Israel" Morocco', ["ties", "with", "Israel", "Morocco"]),
        ("Pegasus -spyware -a", ["Pegasus"]),  # a one-letter word is excluded too
        ('Pegasus -"NSO group"', ["Pegasus"]),
        ("Pegasus - spyware", ["Pegasus", "spyware"]),  # a lone dash excludes nothing
        ("Pegasus OR Morocco", ["Pegasus", "Morocco"]),
        ("e-mail body:NSO", ["e", "mail", "body", "NSO"]),
        ("", []),
    ],
)
def test_query_words_are_the_words_looked_for(text: str, words: list[str]) -> None:
    assert query_words(text) == words
