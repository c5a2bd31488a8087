"""Print the results tables of tests/bench/README.md from results/mixed/*.json (the mixed
workload) and results/*.json (one endpoint at a time).

uv run python -m tests.bench.report
"""

import json
from pathlib import Path

from tests.bench.plot import articles

RESULTS = Path(__file__).resolve().parent / "results"
DATASETTE_EQUIVALENTS = ("article_by_id", "articles_by_country", "search_rare", "search_common")


def cell(run: dict, mode: str, endpoint: str) -> str:  # type: ignore[type-arg]
    r = run.get(mode, {}).get(endpoint)
    if not r:
        return "–"
    if not r["requests"]:
        return f"none finished in {run['duration_s']} s"
    return f"{r['rps']:,.0f} / {r['p95_ms']:.1f}"


def ratio(run: dict, mode: str, endpoint: str) -> str:  # type: ignore[type-arg]
    found = run.get("ratios", {}).get(f"{mode}_vs_datasette", {}).get(endpoint)
    return f"{found:.2f}×" if found else "–"


def mixed_table() -> None:
    """The headline: the mixed workload (tests/bench/mixed.py), cache on."""
    runs = [json.loads(p.read_text()) for p in (RESULTS / "mixed").glob("*.json")]
    order = {"before": 0, "": 2}  # other labels: intermediate steps, in between
    runs.sort(key=lambda r: (articles(r["size"]), r["backend"], order.get(r["label"], 1)))
    print("| size | backend | code | distinct paths | req/s | p50 / p95 ms | load average |")
    print("|---|---|---|---|---|---|---|")
    for run in runs:
        r = run["mixed"]
        print(
            f"| {run['size']} | {run['backend']} | {run['label'] or 'current'} "
            f"| {run['distinct_paths']:,} | {r['rps']:,.0f} "
            f"| {r['p50_ms']:.0f} / {r['p95_ms']:.0f} "
            f"| {run['loadavg_before']:.0f}–{run['loadavg_after']:.0f} |"
        )
    print()


def main() -> int:
    mixed_table()
    runs = [json.loads(p.read_text()) for p in RESULTS.glob("*.json")]
    runs.sort(key=lambda r: (articles(r["size"]), r["backend"]))
    print(
        "| size | backend | endpoint | cached req/s / p95 ms | uncached req/s / p95 ms "
        "| share of ceiling (cached / uncached) | Datasette req/s / p95 ms "
        "| ÷ Datasette (cached / uncached) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for run in runs:
        if "uncached" not in run:
            continue  # runs from before the response cache have a different layout
        shares = run["ratios"]
        for endpoint in run["uncached"]:
            share = " / ".join(
                f"{shares[f'{m}_share_of_ceiling'][endpoint]:.3f}"
                for m in ("broadsheet", "uncached")
            )
            versus = "–"
            if endpoint in DATASETTE_EQUIVALENTS and "datasette" in run:
                cached, uncached = (ratio(run, m, endpoint) for m in ("broadsheet", "uncached"))
                versus = f"{cached} / {uncached}"
            print(
                f"| {run['size']} | {run['backend']} | {endpoint} "
                f"| {cell(run, 'broadsheet', endpoint)} | {cell(run, 'uncached', endpoint)} "
                f"| {share} | {cell(run, 'datasette', endpoint)} | {versus} |"
            )
        ceiling = run["ceiling"]["fixed_json"]
        rss = run.get("rss_mb", {})
        print(
            f"| {run['size']} | {run['backend']} | *ceiling (fixed JSON)* "
            f"| {ceiling['rps']:,.0f} / {ceiling['p95_ms']:.1f} | | | | "
            f"RSS/worker MB: {', '.join(f'{v:.0f}' for v in rss.get('broadsheet', [])[1:])} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
