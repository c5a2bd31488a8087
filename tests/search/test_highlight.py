"""Highlights come from a bounded window of the body and still mark what matched."""

import pytest
from fastapi.testclient import TestClient

from app.search.fulltext import HIGHLIGHT_WINDOW
from app.search.highlight import FRAGMENT_TOKENS, highlight
from app.search.terms import query_words
from tests.conftest import ArticleFactory

FILLER = "The council met again and the budget was read out in full. "


def hit_for(client: TestClient, q: str, article_id: int) -> dict[str, str]:
    response = client.get("/search", params={"q": q})
    assert response.status_code == 200, response.text
    [hit] = [h for h in response.json()["articles"] if h["id"] == article_id]
    return hit


def test_a_large_article_is_highlighted_from_its_start(
    client: TestClient, make_article: ArticleFactory
) -> None:
    body = "Opening words. The quokka census began on Monday. " + FILLER * 3000  # ~180 KB
    article = make_article(body)
    highlight = hit_for(client, "quokka", article.id)["highlight"]
    assert "<mark>quokka</mark>" in highlight
    assert len(highlight) < 400  # a fragment, not the body


def test_a_match_past_the_window_is_found_and_shows_the_start(
    client: TestClient, make_article: ArticleFactory
) -> None:
    body = "Opening words here. " + FILLER * 400 + "A wombat appeared at last."
    assert body.index("wombat") > HIGHLIGHT_WINDOW
    article = make_article(body)
    highlight = hit_for(client, "wombat", article.id)["highlight"]
    assert "<mark>" not in highlight
    assert highlight.startswith("Opening words here.")


@pytest.mark.parametrize("settings", ["sqlite"], indirect=True)  # ts_headline adds no "…"
def test_a_fragment_ending_at_the_window_says_the_body_goes_on(
    client: TestClient, make_article: ArticleFactory
) -> None:
    """A hit in the window's last words: the fragment runs to the window's end, and "…"
    says the body goes on past it; a fragment that runs to the body's own end has none."""
    lead = FILLER * (HIGHLIGHT_WINDOW // len(FILLER) - 1)
    body = lead + "The quokka census began. " + FILLER * 10
    assert len(lead) < HIGHLIGHT_WINDOW < len(body)
    long = make_article(body)
    assert hit_for(client, "quokka", long.id)["highlight"].endswith("…")
    short = make_article("Opening words. The quokka census began on Monday.")
    assert hit_for(client, "quokka", short.id)["highlight"].endswith("Monday.")


def test_stems_match(client: TestClient, make_article: ArticleFactory) -> None:
    article = make_article("Voters went to the polls. The elections were calm, said the harbour.")
    highlight = hit_for(client, "election -ferry", article.id)["highlight"]
    assert "<mark>elections</mark>" in highlight
    assert "<mark>harbour</mark>" not in highlight


def test_highlight_reads_words_as_the_sqlite_index_does() -> None:
    text = "Le Café was full. Cafe owners said the cafés would close."
    marked = highlight(text, ["cafe"], truncated=False)
    assert marked.count("<mark>") == 3
    assert "<mark>Café</mark>" in marked
    assert "<mark>cafés</mark>" in marked


def test_fragment_starts_near_the_first_hit() -> None:
    text = " ".join(f"w{i}" for i in range(100)) + " target " + "tail " * 100
    marked = highlight(text, ["target"], truncated=False)
    assert marked.startswith("…w96 w97 w98 w99 <mark>target</mark>")
    assert marked.endswith("…")
    assert len(marked.removeprefix("…").removesuffix("…").split()) == FRAGMENT_TOKENS


def test_query_words_leave_out_exclusions_and_or() -> None:
    assert query_words('pier OR "new harbour" -ferry -"old dock"') == ["pier", "new", "harbour"]
