"""Chart p95 latency against corpus size: the mixed workload (results/mixed/*.json), then
each endpoint alone per backend (results/*.json).

uv run python -m tests.bench.plot      # writes tests/bench/latency.png
"""

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display on a server
import matplotlib.pyplot as plt

HERE = Path(__file__).resolve().parent
SIZES = {"k": 1_000, "m": 1_000_000}


def articles(label: str) -> int:
    unit = label[-1].lower()
    return int(float(label[:-1]) * SIZES[unit]) if unit in SIZES else int(label)


def mixed_series() -> dict[str, list[tuple[int, float, float]]]:
    """Per backend: (articles, req/s, p95 ms) of the mixed workload on the current code
    (runs without a label)."""
    found: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
    loads: list[float] = []
    for path in sorted((HERE / "results" / "mixed").glob("*.json")):
        run = json.loads(path.read_text())
        if not run["label"]:  # before/after pairs stay in the table
            r = run["mixed"]
            found[run["backend"]].append((articles(run["size"]), r["rps"], r["p95_ms"]))
            loads.append(run["loadavg_before"])
    if loads:  # the title says how loaded the machine was
        found["_load"] = [(0, min(loads), max(loads))]
    return found


def plot_mixed(ax: Any) -> None:
    series = mixed_series()
    _, low, high = series.pop("_load", [(0, 0.0, 0.0)])[0]
    for backend, points in sorted(series.items()):
        points.sort()
        xs, _, p95 = zip(*points, strict=True)
        style = "-" if backend == "sqlite" else "--"
        ax.plot(xs, p95, style, marker="s", color="black", label=f"mixed workload ({backend})")
        for x, rps, y in points:
            ax.annotate(
                f"{rps:,.0f} req/s", (x, y), fontsize=7, xytext=(4, 4), textcoords="offset points"
            )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.axhline(50, color="grey", linewidth=0.8)
    ax.set_xlabel("articles in corpus")
    ax.set_ylabel("p95 latency (ms), 8 connections, cache on")
    ax.set_title(f"Mixed workload, distinct paths (load average {low:.0f}–{high:.0f})")
    ax.legend(fontsize=7)


def main() -> int:
    series: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    for path in sorted((HERE / "results").glob("*.json")):
        run = json.loads(path.read_text())
        for endpoint, r in run.get("uncached", run.get("broadsheet", {})).items():
            # A run where no request finished within the window has no latency to plot.
            if r["requests"]:
                series[(endpoint, run["backend"])].append((articles(run["size"]), r["p95_ms"]))
    fig, (mixed, ax) = plt.subplots(1, 2, figsize=(16, 6), width_ratios=(2, 3))
    plot_mixed(mixed)
    # One colour per endpoint, one line style per backend.
    endpoints = sorted({endpoint for endpoint, _ in series})
    colours = {e: plt.get_cmap("tab10")(i % 10) for i, e in enumerate(endpoints)}
    for (endpoint, backend), points in sorted(series.items()):
        points.sort()
        style = "-" if backend == "sqlite" else "--"
        xs, ys = zip(*points, strict=True)
        ax.plot(xs, ys, style, marker="o", color=colours[endpoint], label=f"{endpoint} ({backend})")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.axhline(50, color="grey", linewidth=0.8)
    ax.set_xlabel("articles in corpus")
    ax.set_ylabel("p95 latency (ms), 8 connections, response cache off")
    ax.set_title("One endpoint at a time, cache off (solid SQLite, dashed PostgreSQL)")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    fig.savefig(HERE / "latency.png", dpi=110)
    print(f"wrote {HERE / 'latency.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
