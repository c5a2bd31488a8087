"""Extraction time on hostile bodies: seconds per 100 KB at several sizes, one core.

    uv run python tests/bench/bench_hostile.py [--sizes 100,400,1900] [--cap 60] [--shape NAME]

Each shape is built to the size asked (KB of UTF-8) and extracted once in a child process
that is killed after ``--cap`` seconds (printed as "> cap"). Linear extraction shows as a
near-constant s/100KB down each column. The per-article time budget is not applied here:
this measures the extractor itself.
"""

import argparse
import multiprocessing as mp
import random
import sys
import time
from collections.abc import Callable

_CAPITALISED = (
    "Alder Birch Cedar Dover Elgin Fargo Galway Harlow Ilford Jarrow Kendal Leeds Malden "
    "Newark Oxford Preston Quinton Ripon Selby Thirsk Upton Ventnor Wigan Yeovil"
).split()
_MONTHS = "January February March April May June July August September October".split()
_PROSE = (
    "The council met on Monday to discuss the plan. Mayor Anna Berg said the city would "
    "need more money. \u201cWe cannot wait,\u201d she said. Critics at the Harbour Trust "
    "called it \u201ca giveaway\u201d and asked for a vote before the end of the year. "
)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit.encode()) + 1))[:size]


def yes_he_said(size: int) -> str:
    return _repeat('"Yes," he said. ', size)


def capitalised_words(size: int) -> str:
    rng = random.Random(8)
    parts: list[str] = []
    total = 0
    while total < size:
        word = rng.choice(_CAPITALISED)
        parts.append(word)
        total += len(word) + 1
    return " ".join(parts)


def numbers_and_dates(size: int) -> str:
    rng = random.Random(8)
    lines: list[str] = []
    total = 0
    while total < size:
        line = (
            f"{rng.randint(1, 28)} {rng.choice(_MONTHS)} {rng.randint(1990, 2030)} "
            f"{rng.randint(0, 99999):,} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} "
            f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/{rng.randint(2000, 2030)} "
            f"{rng.random() * 1000:.2f}%"
        )
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)


def giant_paragraph(size: int) -> str:
    return _repeat(_PROSE, size)


def unbalanced_quotes(size: int) -> str:
    return _repeat('He said "no and \u201cyes\u201d or \u2018maybe\u2019 "then ', size)


def many_names(size: int) -> str:
    """Thousands of different people, each named once: linking compares names."""
    rng = random.Random(8)
    syllables = "ba ko ri ta ven lu mo sa di ne fa go".split()

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(3)).title()

    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(f"{word()} {word()} said the plan would work.")
        total += len(parts[-1]) + 1
    return " ".join(parts)


def acronyms(size: int) -> str:
    """Thousands of different words in capitals, each a name on its own."""
    rng = random.Random(8)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    words = ("".join(rng.choice(letters) for _ in range(4)) + "," for _ in range(size // 6))
    return " ".join(words)


def long_word(size: int) -> str:
    return "Start " + "x" * size + " end."


SHAPES: dict[str, Callable[[int], str]] = {
    "yes-he-said": yes_he_said,
    "capitalised-words": capitalised_words,
    "numbers-and-dates": numbers_and_dates,
    "giant-paragraph": giant_paragraph,
    "unbalanced-quotes": unbalanced_quotes,
    "many-names": many_names,
    "acronyms": acronyms,
    "long-word": long_word,
}


def _run(shape: str, size: int, out: "mp.Queue[float]") -> None:
    from app.extraction.pipeline import extract

    extract("Warm up.")  # lexicons and gazetteers load outside the timing
    body = SHAPES[shape](size)
    started = time.perf_counter()
    extract(body)
    out.put(time.perf_counter() - started)


def measure(shape: str, size: int, cap: float) -> float | None:
    """Seconds to extract one body of ``size`` bytes, or None past ``cap``."""
    out: mp.Queue[float] = mp.Queue()
    child = mp.Process(target=_run, args=(shape, size, out))
    child.start()
    child.join(cap + 30)  # the warm-up (gazetteers) comes on top of the cap
    if child.is_alive():
        child.kill()
        child.join()
        return None
    seconds = out.get(timeout=5)
    return seconds if seconds <= cap else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,400,1900", help="KB, comma-separated")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds before giving up")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES))
    args = parser.parse_args()
    sizes = [int(kb) for kb in args.sizes.split(",")]
    print(f"{'shape':<20}" + "".join(f"{f'{kb} KB s (s/100KB)':>24}" for kb in sizes))
    for shape in args.shape or SHAPES:
        cells = []
        for kb in sizes:
            seconds = measure(shape, kb * 1000, args.cap)
            if seconds is None:
                cells.append(f"> {args.cap:.0f} (-)")
            else:
                cells.append(f"{seconds:.2f} ({100 * seconds / kb:.3f})")
        print(f"{shape:<20}" + "".join(f"{cell:>24}" for cell in cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
