"""The web pages as HTTP resources, on both backends: every page and asset is served from
this origin under a policy that allows exactly it, and names no outside URL."""

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.articles.models import Article
from app.web.router import PAGE_POLICY, STATIC_URL

STATIC = Path(__file__).resolve().parents[2] / "app" / "web" / "static"
PAGES = [
    "/",
    "/?q=Pegasus&person=benny-gantz",
    "/web/articles/1",
    "/web/entities/benny-gantz",
    "/web/countries",
    "/web/countries/MA",
    "/web/quotes?speaker=bruce-maddy-weitzman",
]
# Anything a page or script could load: attributes, CSS url(), import and fetch targets.
REFERENCE = re.compile(r"""(?:src|href|url|import|from|fetch)\s*[=:(]?\s*['"`]?([^'"`)\s>]+)""")


def _policy(response: object) -> dict[str, list[str]]:
    header = response.headers["content-security-policy"]  # type: ignore[attr-defined]
    return {d.split()[0]: d.split()[1:] for d in header.split(";") if d.strip()}


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_html_under_the_page_policy(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == PAGE_POLICY
    policy = _policy(response)
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"] and policy["frame-ancestors"] == ["'none'"]
    assert "<script>" not in response.text and "style=" not in response.text
    assert response.headers["etag"].startswith('W/"')


def test_every_reference_resolves_on_this_origin(client: TestClient) -> None:
    texts = {path: client.get(path).text for path in PAGES}
    texts |= {f"{STATIC_URL}/{f.name}": f.read_text(encoding="utf-8") for f in STATIC.iterdir()}
    checked = 0
    for where, text in texts.items():
        for url in REFERENCE.findall(text):
            if url.startswith(STATIC_URL):
                assert client.get(url).status_code == 200, (where, url)
                checked += 1
            elif url.startswith("./"):  # a module imported next to its importer
                assert (STATIC / url.removeprefix("./")).is_file(), (where, url)
                checked += 1
    assert checked > len(PAGES) * 2


def _outside_urls(text: str) -> list[str]:
    """Every absolute or protocol-relative URL in a page or asset (comments included)."""
    return re.findall(r"""(?:https?:|wss?:)?//[\w.-]+\.[a-z]{2,}[^\s'"`)]*""", text)


def test_no_asset_names_an_outside_url(client: TestClient) -> None:
    for path in PAGES:
        assert _outside_urls(client.get(path).text) == [], path
    for asset in STATIC.iterdir():
        assert _outside_urls(asset.read_text(encoding="utf-8")) == [], asset.name
        served = client.get(f"{STATIC_URL}/{asset.name}")
        assert served.status_code == 200, asset.name
        kind = {".js": "text/javascript", ".css": "text/css"}[asset.suffix]
        assert served.headers["content-type"].startswith(kind)  # nosniff needs it exact


def test_page_shell_escapes_its_path(client: TestClient) -> None:
    page = client.get('/web/entities/"><b onclick=alert(1)>').text
    assert "<b onclick" not in page
    assert 'data-slug="&#34;&gt;&lt;b onclick=alert(1)&gt;"' in page


def test_the_offsets_the_article_page_marks_are_exact(
    client: TestClient, seed_article: Article
) -> None:
    """The page slices the body at the API's offsets: each must frame the text it names."""
    article = client.get(f"/articles/{seed_article.id}").json()
    body = article["body"]
    assert "“" in body and "’" in body  # curly quotes sit before most offsets
    # Else the loops below check nothing.
    assert article["quotes"] and article["entities"]
    assert all(entity["mentions"] for entity in article["entities"])
    for entity in article["entities"]:
        for mention in entity["mentions"]:
            assert body[mention["start"] : mention["end"]] == mention["text"]
    for quote in article["quotes"]:
        assert body[quote["start"] : quote["end"]] == quote["text"]
