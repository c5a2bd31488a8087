"""Chart p95 latency against corpus size, per endpoint and backend, from results/*.json.

uv run python -m tests.bench.plot      # writes tests/bench/latency.png
"""

import json
from collections import defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display on a server
import matplotlib.pyplot as plt

HERE = Path(__file__).resolve().parent
SIZES = {"k": 1_000, "m": 1_000_000}


def articles(label: str) -> int:
    unit = label[-1].lower()
    return int(float(label[:-1]) * SIZES[unit]) if unit in SIZES else int(label)


def main() -> int:
    series: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    for path in sorted((HERE / "results").glob("*.json")):
        run = json.loads(path.read_text())
        for endpoint, r in run.get("uncached", run.get("broadsheet", {})).items():
            # A run where no request finished within the window has no latency to plot.
            if r["requests"]:
                series[(endpoint, run["backend"])].append((articles(run["size"]), r["p95_ms"]))
    fig, ax = plt.subplots(figsize=(11, 6))
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
    ax.set_title("p95 latency by corpus size (solid SQLite, dashed PostgreSQL; grey: 50 ms)")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    fig.savefig(HERE / "latency.png", dpi=110)
    print(f"wrote {HERE / 'latency.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
