"""The pages in a real browser: search and facets, an article's marks on the right words,
an entity's chart, paging, and an API problem shown as a message."""

import re
from datetime import date
from typing import Any

import httpx
from playwright.sync_api import expect

from tests.web.conftest import Watched
from tests.web.corpus import ARTICLES, BUSY, PAGE_SIZE, RARE, WORD


def _matching(n: int) -> str:
    return "1 article matches" if n == 1 else f"{n} articles match"


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def test_search_box_finds_the_seed_and_a_facet_narrows(tab: Watched) -> None:
    page = tab.open("/")
    page.get_by_role("searchbox", name="Search articles").fill("Pegasus")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=Pegasus")
    results = page.locator("[data-results] .article-item")
    results.first.wait_for()
    assert results.count() == 1
    assert page.locator("[data-results-heading]").inner_text() == f"{_matching(1)} “Pegasus”"
    assert "Benny Gantz" in results.first.inner_text()
    assert results.first.locator("mark").first.inner_text() == "Pegasus"
    assert results.first.locator("time").get_attribute("datetime") == "2021-12-06T00:00:00Z"

    page.get_by_role("searchbox", name="Search articles").fill(WORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/?q={WORD}")
    page.locator("[data-facets] a.facet", has_text=RARE).click()
    page.wait_for_url(f"**/?q={WORD}&person={_slug(RARE)}")
    expected = sum(RARE in a["text"] for a in ARTICLES)
    page.locator("[data-results] .article-item").first.wait_for()
    assert page.locator("[data-results] .article-item").count() == expected
    heading = page.locator("[data-results-heading]").inner_text()
    assert heading == f"{_matching(expected)} “{WORD}”"
    remove = page.get_by_role("link", name=f"Remove filter person: {RARE}")
    assert remove.get_attribute("href") == f"/?q={WORD}"
    chosen = page.locator("[data-facets] a.facet[aria-current=true]")
    assert chosen.inner_text().startswith(RARE)
    assert chosen.get_attribute("href") == f"/?q={WORD}"  # clicked again, it comes off


def test_search_pages_by_cursor_and_the_url_holds_the_page(tab: Watched) -> None:
    page = tab.open(f"/?q={WORD}")
    first = page.locator("[data-results] .article-item h3 a")
    first.first.wait_for()
    assert first.count() == PAGE_SIZE
    first_page = set(first.evaluate_all("links => links.map(a => a.href)"))
    page.get_by_role("link", name="Next page").click()
    page.wait_for_url("**cursor=*")
    page.get_by_role("link", name="First page").wait_for()
    second = page.locator("[data-results] .article-item h3 a")
    second_page = set(second.evaluate_all("links => links.map(a => a.href)"))
    assert len(second_page) == len(ARTICLES) - PAGE_SIZE
    assert not first_page & second_page
    bookmarked = page.url
    again = tab.open(bookmarked.removeprefix(tab.base))
    again.get_by_role("link", name="First page").wait_for()
    assert set(again.locator("[data-results] h3 a").evaluate_all("a => a.map(x => x.href)")) == (
        second_page
    )


def test_date_range_filters_and_stays_in_the_url(tab: Watched) -> None:
    page = tab.open(f"/?q={WORD}")
    page.get_by_label("Published from").fill("2024-04-01")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(f"**/?q={WORD}&published_after=2024-04-01")
    expected = sum(a["published_at"] >= "2024-04-01" for a in ARTICLES)
    assert 0 < expected < len(ARTICLES)
    heading = page.locator("[data-results-heading]")
    expect(heading).to_have_text(f"{_matching(expected)} “{WORD}”")
    assert page.get_by_label("Published from").input_value() == "2024-04-01"


def test_another_origin_reads_the_api_with_cors_and_etags(browser: Any, base_url: str) -> None:
    """A frontend served from another origin (localhost rather than 127.0.0.1, the same
    loopback server): the browser enforces CORS, exposes the ETag, and revalidating with it
    (a header that needs a preflight) answers 304."""
    elsewhere = base_url.replace("127.0.0.1", "localhost")
    # The other origin's page is the health check; its script is the test's own.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{elsewhere}/health")
    status, etag, again, origin = page.evaluate(
        """async api => {
            const first = await fetch(api + "/articles/1");
            const etag = first.headers.get("ETag");
            const second = await fetch(api + "/articles/1",
                {headers: {"If-None-Match": etag}, cache: "no-store"});
            return [first.status, etag, second.status, location.origin];
        }""",
        base_url,
    )
    context.close()
    assert origin == elsewhere != base_url
    assert (status, again) == (200, 304)
    assert etag.startswith('W/"')


def _mentions(article: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(e, m) for e in article["entities"] for m in e["mentions"]]


def _holds(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer != inner and outer[0] <= inner[0] and inner[1] <= outer[1]


def _marked(page: Any, selector: str) -> list[dict[str, str]]:
    return list(
        page.locator(selector).evaluate_all(
            "marks => marks.map(m => ({text: m.textContent, entity: m.dataset.entity,"
            " type: m.dataset.type, tip: m.dataset.tip, speaker: m.dataset.speaker || ''}))"
        )
    )


def test_the_seed_article_marks_its_people_countries_and_quotes(tab: Watched) -> None:
    article = httpx.get(f"{tab.base}/articles/1").json()
    page = tab.open("/web/articles/1")
    marks = _marked(page, "[data-body] .mention")
    expected = sorted(
        (m["start"], -m["end"], m["text"], e["slug"], e["type"])
        for e in article["entities"]
        for m in e["mentions"]
    )
    # In body order (a mention holding another first), every mark holds exactly the words
    # the API's offsets frame.
    assert [(m["text"], m["entity"], m["type"]) for m in marks] == [e[2:] for e in expected]
    assert {"text": "Benny Gantz", "entity": "benny-gantz", "type": "person"} in [
        {k: m[k] for k in ("text", "entity", "type")} for m in marks
    ]
    assert any(m["text"] == "Morocco" and m["type"] == "country" for m in marks)
    assert page.locator("[data-body] a a").count() == 0  # a mark holding another is a span
    spans = [(m["start"], m["end"]) for _, m in _mentions(article)]
    # Whatever the extractor nests ("Western Sahara" inside "Western Sahara’s Polisario
    # Front" in the seed) is nested in the page, its holder a focusable span.
    held = sum(any(_holds(outer, inner) for outer in spans) for inner in spans)
    holding = sum(any(_holds(outer, inner) for inner in spans) for outer in spans)
    assert page.locator("[data-body] .mention .mention").count() == held
    holders = page.locator("[data-body] span.mention[tabindex='0']:has(a.mention)")
    assert holders.count() == holding
    quotes = {q["id"]: q for q in article["quotes"]}
    for quote_id, quote in quotes.items():
        parts = page.locator(f'[data-body] .quote[data-quote="{quote_id}"]').all_text_contents()
        assert "".join(parts) == quote["text"], quote_id
    his = page.locator('[data-body] .quote[data-speaker="bruce-maddy-weitzman"][id]')
    assert his.count() == 4
    tags = page.locator('[data-body] a.speaker-tag[href="/web/entities/bruce-maddy-weitzman"]')
    assert tags.count() == 4 and tags.first.inner_text() == "Bruce Maddy-Weitzman"
    legend = page.locator("[data-legend]").inner_text()
    assert all(kind in legend for kind in ("Person", "Country", "Place", "Organization", "Quote"))
    side = page.locator("[data-side]")
    assert side.get_by_role("link", name="Bruce Maddy-Weitzman").count() >= 5  # entity + 4 quotes


def test_distinct_colours_and_a_name_on_focus(tab: Watched) -> None:
    page = tab.open("/web/articles/1")
    colours = {
        kind: page.locator(f"[data-body] .mention.{kind}").first.evaluate(
            "m => getComputedStyle(m).backgroundColor"
        )
        for kind in ("person", "country", "place", "organization")
    }
    assert len(set(colours.values())) == 4
    gantz = page.locator('[data-body] .mention[data-entity="benny-gantz"]').nth(1)
    gantz.focus()
    tip = gantz.evaluate("m => getComputedStyle(m, '::after').content")
    assert tip == '"Benny Gantz · person"'
    assert gantz.get_attribute("aria-description") == "Benny Gantz · person"
    page.keyboard.press("Enter")
    page.wait_for_url("**/web/entities/benny-gantz")


def test_marks_sit_on_the_words_after_characters_beyond_u_ffff(tab: Watched) -> None:
    found = httpx.get(f"{tab.base}/articles", params={"q": WORD, "limit": 1}).json()
    article = httpx.get(f"{tab.base}/articles/{found['items'][0]['id']}").json()
    late = [
        (m["text"], e["slug"])
        for e in article["entities"]
        for m in e["mentions"]
        if article["body"].index("𝕏") < m["start"]
    ]
    assert late, "a mention after the emoji"
    page = tab.open(f"/web/articles/{article['id']}")
    marks = [(m["text"], m["entity"]) for m in _marked(page, "[data-body] .mention")]
    assert marks[-len(late) :] == late


def test_entity_page_draws_its_chart_and_pages_its_articles(tab: Watched) -> None:
    page = tab.open(f"/web/entities/{_slug(BUSY)}")
    months = {a["published_at"][:7] for a in ARTICLES if BUSY in a["text"]}
    bars = page.locator("[data-chart] svg.timeline rect.bar")
    bars.first.wait_for()
    heights = bars.evaluate_all("bars => bars.map(b => b.getBBox().height)")
    assert sum(h > 0 for h in heights) == len(months)
    label = page.locator("[data-chart] svg").get_attribute("aria-label")
    first, last = (f"{date(2024, int(m[5:]), 1):%b %Y}" for m in (min(months), max(months)))
    assert label.startswith(f"Articles per month from {first} to {last};")
    said = page.locator("[data-said] .quote-item")
    assert said.count() == 5  # the first page; the rest behind "Show more"
    articles = page.locator("[data-articles] .article-item")
    mentioning = sum(BUSY in a["text"] for a in ARTICLES)
    assert articles.count() == min(10, mentioning)
    page.locator("[data-articles-more] button").click()
    assert mentioning > 10
    expect(articles).to_have_count(mentioning)
    focused = page.evaluate("document.activeElement.closest('li').textContent")
    assert focused == articles.nth(10).text_content()  # focus moved to what was added


def test_seed_speaker_page_draws_his_chart(tab: Watched) -> None:
    page = tab.open("/web/entities/bruce-maddy-weitzman")
    assert page.locator("[data-name]").inner_text() == "Bruce Maddy-Weitzman"
    assert page.locator("[data-chart] svg.timeline rect.bar").count() == 1
    assert page.locator("[data-said] .quote-item").count() == 4


def test_country_page_and_quotes_browser(tab: Watched) -> None:
    page = tab.open("/web/countries/MA")
    assert page.locator("[data-name]").inner_text() == "Morocco"
    assert page.locator("[data-people] a", has_text="Benny Gantz").count() == 1
    assert page.locator("[data-chart] rect.bar").count() == 1
    page = tab.open(f"/web/quotes?speaker={_slug(RARE)}")
    quotes = page.locator("[data-quotes] .quote-item")
    assert quotes.count() == 2 * sum(RARE in a["text"] for a in ARTICLES)
    assert set(quotes.locator("a.speaker").all_inner_texts()) == {RARE}


def test_api_problems_are_shown_as_messages(tab: Watched) -> None:
    page = tab.open("/web/articles/no-such-article")
    alert = page.get_by_role("alert")
    assert "Not Found" in alert.inner_text() and "no-such-article" in alert.inner_text()
    page = tab.open("/?q=Pegasus&published_after=2021-13-01")
    alert = page.get_by_role("alert").inner_text()
    assert alert.startswith("Unprocessable Entity") and "published_after" in alert

    def unavailable(route: Any) -> None:
        problem = {"type": "about:blank", "title": "Service Unavailable", "status": 503}
        route.fulfill(status=503, json=problem, content_type="application/problem+json")

    page.route("**/search?*", unavailable)
    page = tab.open("/?q=Pegasus")
    assert page.get_by_role("alert").inner_text().startswith("Service Unavailable")
    assert page.locator("[data-results-heading]").inner_text() == "Search failed"


UNNAMED = re.compile(r"^\s*- (link|button|textbox|searchbox|combobox|img)(?: \[[^]]*\])?:?$", re.M)


def test_every_control_has_an_accessible_name(tab: Watched) -> None:
    for path, control in (
        ("/?q=Pegasus", 'searchbox "Search articles"'),
        ("/?q=Pegasus", 'textbox "Published from"'),
        ("/web/articles/1", 'link "Benny Gantz"'),
        ("/web/entities/benny-gantz", 'img "Articles per month from Dec 2021 to Dec 2021'),
        ("/web/countries/MA", 'link "Benny Gantz 1"'),
        ("/web/quotes", 'button "Find quotes"'),
    ):
        tree = tab.open(path).locator("body").aria_snapshot()
        assert control in tree, path
        assert UNNAMED.findall(tree) == [], path


def test_phone_layout_is_one_column_without_sideways_scrolling(tab: Watched) -> None:
    page = tab.page
    page.set_viewport_size({"width": 390, "height": 844})
    tab.open("/web/articles/1")
    body = page.locator("[data-body]").bounding_box()
    side = page.locator("[data-side]").bounding_box()
    assert side["y"] > body["y"] + body["height"]  # below the text, not beside it
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
