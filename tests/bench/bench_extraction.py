"""Extraction throughput on real articles, one core.

    uv run python tests/bench/bench_extraction.py [--articles 4000] [--min-words 0] [--data DIR]
        [--knowledge]

Reads the BBC articles under ../shared/data/bbc (one plain-text file each), extracts them
in a loop (going round the corpus again if more articles are asked for than it holds) and
prints articles per second, mean words per article and peak memory. With ``--knowledge``
every article is read with the snapshot a first reading of all of them establishes (as an
archive of them would know it), built outside the timing.
"""

import argparse
import resource
import sys
import time
from itertools import cycle, islice
from pathlib import Path

from app.extraction.knowledge import NOTHING_KNOWN, Knowledge
from app.extraction.pipeline import extract

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "bbc"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--min-words", type=int, default=0, help="only articles this long")
    parser.add_argument("--knowledge", action="store_true", help="read with a snapshot")
    args = parser.parse_args()
    paths = sorted(args.data.glob("*/*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    texts = [text for text in texts if len(text.split()) >= args.min_words]
    if not texts:
        print(f"no articles under {args.data}", file=sys.stderr)
        return 1
    extract(texts[0])  # lexicons and gazetteers load once, outside the timing
    knowledge = _snapshot(texts) if args.knowledge else NOTHING_KNOWN
    words = quotes = entities = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for text in islice(cycle(texts), args.articles):
        result = extract(text, knowledge=knowledge)
        words += len(result.body.split())
        quotes += len(result.quotes)
        entities += len(result.entities)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles:        {args.articles} ({len(texts)} distinct)")
    print(f"articles/s:      {args.articles / elapsed:.1f}")
    print(f"ms/article:      {1000 * elapsed / args.articles:.2f}")
    # On a shared machine the process waits its turn: wall time there is up to twice the CPU.
    print(f"articles/CPU s:  {args.articles / cpu:.1f}")
    print(f"mean words:      {words / args.articles:.0f}")
    print(f"quotes/article:  {quotes / args.articles:.2f}")
    print(f"entities/article: {entities / args.articles:.2f}")
    print(f"peak memory:     {peak_mb:.0f} MB")
    return 0


def _snapshot(texts: list[str]) -> Knowledge:
    knowledge = Knowledge.from_extractions(extract(text) for text in texts)
    started = time.perf_counter()
    knowledge.index  # noqa: B018  (built once per snapshot, as ingest builds it)
    elapsed = time.perf_counter() - started
    print(f"snapshot:        {len(knowledge.entities)} entities, indexed in {elapsed:.2f} s")
    return knowledge


if __name__ == "__main__":
    sys.exit(main())
