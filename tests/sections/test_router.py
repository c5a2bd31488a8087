"""Sections (desks): stored from input, served, filtered and counted, on both backends."""

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlmodel import Session, col

from app.articles.models import Article
from tests.conftest import ArticleFactory, assert_problem, next_link

WRITE = {"X-API-Key": "test-key"}
HTML = """<html><head><title>Harbour vote</title>
<meta property="article:section" content="Local  News"></head><body><article>
<h1>Harbour vote</h1>
<p>The council of Valdoria approved a new pier on Monday after a long debate, officials said.</p>
<p>Work on the pier is due to start in the spring and to last about two years.</p>
</article></body></html>"""


def _desks(make_article: ArticleFactory) -> dict[str, list[int]]:
    """Three sport articles and one on politics, oldest first; ids by section."""
    made: dict[str, list[int]] = {"sport": [], "politics": []}
    for day, desk, name in (
        ("2024-01-01", "sport", "Ann Lee"),
        ("2024-01-02", "politics", "Ann Lee"),
        ("2024-01-03", "sport", "Bo Park"),
        ("2024-01-04", "sport", "Ann Lee"),
    ):
        body = f"{name} spoke about the harbour regatta on {day}. It was a long day."
        article = make_article(body, published_at=day, people=(name,), section=desk)
        assert article.id is not None
        made[desk].append(article.id)
    return made


def test_json_section_is_stored_in_one_spelling_and_served(client: TestClient) -> None:
    text = "The harbour approved a pier in Valdoria. Work starts in May."
    created = client.post("/articles", json={"text": text, "section": " Sport "}, headers=WRITE)
    assert created.status_code == 201, created.text
    assert created.json()["section"] == "sport"
    article_id = created.json()["id"]
    assert client.get(f"/articles/{article_id}").json()["section"] == "sport"
    listed = client.get("/articles", params={"section": "SPORT"}).json()["items"]
    assert [(item["id"], item["section"]) for item in listed] == [(article_id, "sport")]


def test_html_article_section_meta_is_the_section(client: TestClient) -> None:
    headers = {**WRITE, "Content-Type": "text/html"}
    created = client.post("/articles", content=HTML, headers=headers)
    assert created.status_code == 201, created.text
    assert created.json()["section"] == "local news"


def test_section_filter_lists_only_that_section_newest_first(
    client: TestClient, make_article: ArticleFactory
) -> None:
    made = _desks(make_article)
    first = client.get("/articles", params={"section": "sport", "limit": 2})
    assert [i["id"] for i in first.json()["items"]] == made["sport"][::-1][:2]
    rest = client.get(next_link(first)).json()
    assert [i["id"] for i in rest["items"]] == made["sport"][:1]
    assert rest["next_cursor"] is None
    politics = client.get("/articles", params={"section": "politics"}).json()["items"]
    assert [i["id"] for i in politics] == made["politics"]


def test_section_combines_with_entity_query_and_date_filters(
    client: TestClient, make_article: ArticleFactory
) -> None:
    made = _desks(make_article)
    ids = lambda **params: [i["id"] for i in client.get("/articles", params=params).json()["items"]]  # noqa: E731
    assert ids(section="sport", person="Ann Lee") == [made["sport"][2], made["sport"][0]]
    assert ids(section="politics", person="Bo Park") == []
    assert ids(section="sport", q="regatta", sort="newest") == made["sport"][::-1]
    assert ids(section="sport", published_after="2024-01-02") == made["sport"][:0:-1]


def test_unknown_section_is_bad_input_naming_the_known_ones(
    client: TestClient, make_article: ArticleFactory
) -> None:
    _desks(make_article)
    for path in ("/articles", "/quotes", "/search"):
        params = {"section": "sprot", "q": "regatta"}
        problem = assert_problem(client.get(path, params=params), 400, "section")
        assert "sprot" in problem["detail"] and "sport" in problem["detail"], path


def test_sections_lists_every_section_with_its_count(
    client: TestClient, make_article: ArticleFactory, session: Session
) -> None:
    _desks(make_article)
    body = client.get("/sections").json()
    recount = session.execute(
        select(col(Article.section), func.count())
        .where(col(Article.section).is_not(None))
        .group_by(col(Article.section))
    ).all()
    assert {s["name"]: s["article_count"] for s in body["items"]} == dict(recount)
    assert [s["name"] for s in body["items"]] == ["sport", "politics"]  # largest first
    assert body["next_cursor"] is None


def test_quotes_filter_by_section(client: TestClient, make_article: ArticleFactory) -> None:
    body = "“We will win the final,” Ann Lee said. The crowd cheered."
    sport = make_article(
        body, people=("Ann Lee",), quotes={"We will win the final,": "Ann Lee"}, section="sport"
    )
    other = "“Taxes will fall,” Bo Park said. The chamber was calm."
    make_article(
        other, people=("Bo Park",), quotes={"Taxes will fall,": "Bo Park"}, section="politics"
    )
    items = client.get("/quotes", params={"section": "sport"}).json()["items"]
    assert [q["article"]["id"] for q in items] == [sport.id]


def test_search_takes_the_article_filters_and_counts_sections(
    client: TestClient, make_article: ArticleFactory
) -> None:
    made = _desks(make_article)
    everything = client.get("/search", params={"q": "regatta"}).json()
    assert {a["id"] for a in everything["articles"]} == {*made["sport"], *made["politics"]}
    assert everything["facets"]["sections"] == [
        {"name": "sport", "count": 3},
        {"name": "politics", "count": 1},
    ]
    sport = client.get("/search", params={"q": "regatta", "section": "sport"}).json()
    assert {a["id"] for a in sport["articles"]} == set(made["sport"])
    assert sport["facets"]["sections"] == [{"name": "sport", "count": 3}]
    ann = client.get("/search", params={"q": "regatta", "person": "Ann Lee"}).json()
    assert {a["id"] for a in ann["articles"]} == {
        made["sport"][0],
        made["sport"][2],
        *made["politics"],
    }
    assert [p["count"] for p in ann["facets"]["persons"]] == [3]
    dated = client.get("/search", params={"q": "regatta", "published_before": "2024-01-02"})
    assert [a["id"] for a in dated.json()["articles"]] == made["sport"][:1]
    nobody = client.get("/search", params={"q": "regatta", "person": "Nobody Here"}).json()
    assert nobody["articles"] == [] and nobody["facets"]["sections"] == []
