"""Real responses of the read endpoints built from plain rows (``app.answers``) match their
OpenAPI schema exactly, on both backends: every documented property present and no other,
each value of the documented type, times in UTC. Nothing validates these documents on the
way out, so this is where a missing or misnamed column would show."""

from datetime import datetime
from typing import Any

from fastapi.testclient import TestClient

from app.articles.models import Article

Schema = dict[str, Any]
TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def mismatches(value: Any, schema: Schema, spec: Schema, where: str = "$") -> list[str]:
    """Where ``value`` departs from ``schema`` (refs resolved in ``spec``)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return mismatches(value, spec["components"]["schemas"][name], spec, where)
    if "anyOf" in schema:
        found = [mismatches(value, option, spec, where) for option in schema["anyOf"]]
        return [] if any(not f for f in found) else [f"{where}: no anyOf branch: {found}"]
    kind = schema.get("type")
    if kind is None:
        return []
    if not isinstance(value, TYPES[kind]) or (kind != "boolean" and isinstance(value, bool)):
        return [f"{where}: {value!r} is not {kind}"]
    is_time = kind == "string" and schema.get("format") == "date-time"
    if is_time and (not value.endswith("Z") or datetime.fromisoformat(value).utcoffset()):
        return [f"{where}: {value!r} is not a UTC date-time"]
    if kind == "array":
        return [
            e
            for i, item in enumerate(value)
            for e in mismatches(item, schema["items"], spec, f"{where}[{i}]")
        ]
    if kind != "object":
        return []
    documented = schema.get("properties", {})
    if set(value) != set(documented):
        return [f"{where}: keys {sorted(value)} differ from {sorted(documented)}"]
    return [
        e
        for key, sub in documented.items()
        for e in mismatches(value[key], sub, spec, f"{where}.{key}")
    ]


def response_schema(spec: Schema, template: str) -> Schema:
    content = spec["paths"][template]["get"]["responses"]["200"]["content"]
    schema: Schema = content["application/json"]["schema"]
    return schema


def test_the_check_catches_a_missing_or_extra_field(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    schema = response_schema(spec, "/quotes/{quote_id}")
    document = client.get("/quotes", params={"limit": 1}).json()["items"][0]
    assert mismatches(document, schema, spec) == []
    assert mismatches({k: v for k, v in document.items() if k != "cue"}, schema, spec)
    assert mismatches({**document, "dated_at": "2021-12-06T00:00:00Z"}, schema, spec)
    assert mismatches({**document, "start": "774"}, schema, spec)


def _paths(client: TestClient, article: Article) -> list[tuple[str, str]]:
    detail = client.get(f"/articles/{article.id}").json()
    country = next(e for e in detail["entities"] if e["type"] == "country")
    person = next(e for e in detail["entities"] if e["type"] == "person")
    speaker = next(q["speaker"]["slug"] for q in detail["quotes"] if q["speaker"])
    quote_id = detail["quotes"][0]["id"]
    word = detail["body"].split()[3].strip(",.")
    return [
        ("/articles/{ref}", f"/articles/{article.id}"),
        ("/articles/{ref}", f"/articles/{article.slug}"),
        ("/articles", "/articles"),
        ("/articles", f"/articles?country={country['country_code']}"),
        ("/articles", f"/articles?person={person['slug']}&country={country['slug']}"),
        ("/articles", f"/articles?q={word}"),
        ("/articles", f"/articles?q={word}&sort=newest"),
        ("/search", f"/search?q={word}"),
        ("/entities/{slug}/quotes", f"/entities/{speaker}/quotes"),
        ("/entities/{slug}/quotes", f"/entities/{country['slug']}/quotes?role=about"),
        ("/entities/{slug}/articles", f"/entities/{person['slug']}/articles"),
        ("/quotes", "/quotes"),
        ("/quotes/{quote_id}", f"/quotes/{quote_id}"),
    ]


def test_read_responses_match_their_schema(client: TestClient, seed_article: Article) -> None:
    spec = client.get("/openapi.json").json()
    for template, path in _paths(client, seed_article):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text)
        assert response.headers["content-type"] == "application/json"
        body = response.json()
        items = body.get("items", body.get("articles", [body]))
        assert items, f"{path} answered nothing to check"
        assert mismatches(body, response_schema(spec, template), spec) == [], path


def test_pages_send_their_link_header_with_a_selection(client: TestClient) -> None:
    """The next page's link survives ``fields=`` (the page is sent as built)."""
    response = client.get("/quotes", params={"limit": 1, "fields": "id"})
    assert response.json()["next_cursor"]
    assert 'rel="next"' in response.headers["link"]
