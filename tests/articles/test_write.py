"""Writing articles over HTTP: keys, media types, limits, duplicates, delete, re-extract."""

import json

from fastapi.testclient import TestClient

KEY = {"X-API-Key": "test-key"}
STORY = (
    "Mon. Mar 4th, 2024\n\n"
    "The harbour authority of Valdoria approved a new pier on Monday.\n\n"
    "“We have waited ten years for this,” said Mara Ostrova, the harbour master.\n\n"
    "Source link"
)


def test_post_needs_a_key(client: TestClient) -> None:
    missing = client.post("/articles", content=STORY, headers={"Content-Type": "text/plain"})
    assert missing.status_code == 401
    assert missing.json()["field"] == "header.x-api-key"
    wrong = client.post(
        "/articles", content=STORY, headers={"Content-Type": "text/plain", "X-API-Key": "nope"}
    )
    assert wrong.status_code == 403
    assert client.get("/articles").json()["items"][0]["id"] == 1  # nothing was stored


def test_post_text_creates_then_finds_the_duplicate(client: TestClient) -> None:
    headers = {**KEY, "Content-Type": "text/plain; charset=utf-8"}
    created = client.post("/articles", content=STORY, headers=headers)
    assert created.status_code == 201, created.text
    article = created.json()
    assert created.headers["location"] == f"/articles/{article['id']}"
    assert article["published_at"].startswith("2024-03-04")
    assert "Source link" not in article["body"]
    assert article["extractor_version"]
    assert article["quotes"], "the story's quote was not found"  # else the loop checks nothing
    for quote in article["quotes"]:
        assert article["body"][quote["start"] : quote["end"]] == quote["text"]
    again = client.post("/articles", content=STORY, headers=headers)
    assert again.status_code == 200
    assert again.json()["id"] == article["id"]


def test_post_json(client: TestClient) -> None:
    payload = {
        "title": "Pier approved",
        "text": "The harbour authority approved a new pier.\n\nWork starts in May.",
        "published_at": "2024-03-04T09:30:00Z",
        "url": "https://news.example/pier",
        "source": "Harbour Gazette",
    }
    created = client.post("/articles", json=payload, headers=KEY)
    assert created.status_code == 201, created.text
    article = created.json()
    assert article["title"] == "Pier approved"
    assert article["source_url"] == "https://news.example/pier"
    assert article["published_at"].startswith("2024-03-04")
    moved = {**payload, "text": "Another text, same address."}
    assert client.post("/articles", json=moved, headers=KEY).json()["id"] == article["id"]


def test_malformed_posts_are_clear_problems(client: TestClient) -> None:
    cases = [
        ({"Content-Type": "application/xml"}, b"<a/>", 415, "header.content-type"),
        ({"Content-Type": "application/json"}, b"{not json", 422, "body"),
        (
            {"Content-Type": "application/json"},
            json.dumps({"title": "x"}).encode(),
            422,
            "body.text",
        ),
        (
            {"Content-Type": "application/json"},
            json.dumps({"text": "a", "x": 1}).encode(),
            422,
            "body.x",
        ),
        ({"Content-Type": "text/plain"}, "caf\xe9".encode("latin-1"), 422, "body"),
        ({"Content-Type": "text/plain"}, b"   \n\n  ", 422, "body"),
    ]
    for headers, content, status, field in cases:
        response = client.post("/articles", content=content, headers={**KEY, **headers})
        assert response.status_code == status, (content, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["field"].startswith(field), response.json()


def test_oversized_articles_are_refused(client: TestClient) -> None:
    client.app.state.settings.max_article_bytes = 100  # type: ignore[attr-defined]
    try:
        response = client.post(
            "/articles", content="word " * 100, headers={**KEY, "Content-Type": "text/plain"}
        )
    finally:
        client.app.state.settings.max_article_bytes = 2_000_000  # type: ignore[attr-defined]
    assert response.status_code == 413
    assert response.json()["field"] == "body"


def test_delete_and_reextract(client: TestClient) -> None:
    headers = {**KEY, "Content-Type": "text/plain"}
    article = client.post("/articles", content=STORY, headers=headers).json()
    url = f"/articles/{article['id']}"
    assert client.post(f"{url}/reextract").status_code == 401
    redone = client.post(f"{url}/reextract", headers=KEY)
    assert redone.status_code == 200
    assert [q["text"] for q in redone.json()["quotes"]] == [q["text"] for q in article["quotes"]]
    assert client.delete(url).status_code == 401
    assert client.delete(url, headers=KEY).status_code == 204
    assert client.get(url).status_code == 404
    assert client.delete(url, headers=KEY).status_code == 404
