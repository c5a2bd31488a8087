"""Extraction in bounded time: the linear rewrites read text exactly as the whole-text
scans they replace, and a time limit stops an extraction from inside."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.extraction.budget import ExtractionTooSlow, check, time_limit
from app.extraction.cues import CUE_WORD
from app.extraction.found import Context, Found
from app.extraction.group_index import GroupIndex, find_group
from app.extraction.groups import Group
from app.extraction.leads import _after_determiner
from app.extraction.pipeline import extract
from app.extraction.quote_marks import QuoteSpan, _inside
from app.extraction.quotes import _opens_sentence, _skip_back
from app.extraction.short_forms import ShortForms, short_form_owner

# The whole-lead patterns the backward reads replaced.
OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;—–-][\"'”’)]*)\s*$")
DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|his|her|its|their|our|my|your)\s+$", re.IGNORECASE
)
LEAD_CHARS = st.text(alphabet="ab .,:;!?-—\"'”’)\n\t", max_size=40)
WORDS = st.lists(
    st.sampled_from(["The", "their", "his", "a", "an", "x", "said", "claim", "  ", ",", "\n"]),
    max_size=12,
)


@given(LEAD_CHARS)
def test_opens_sentence_reads_the_lead_as_the_pattern_does(lead: str) -> None:
    body = "Xy " + lead + "“q”"
    start, at = 3, 3 + len(lead)
    lead_end = _skip_back(body, start, at, str.isspace)
    assert _opens_sentence(body, start, lead_end) == bool(OPENS_SENTENCE.search(lead))
    assert (lead_end > start and body[lead_end - 1] == ",") == lead.rstrip().endswith(",")


@given(WORDS)
def test_determiner_before_a_cue_as_a_whole_sentence_search(words: list[str]) -> None:
    body = "Before. " + " ".join(words) + " said it"
    start = len("Before. ")
    for cue in CUE_WORD.finditer(body, start):
        whole = bool(DETERMINER_BEFORE.search(body, start, cue.start()))
        assert _after_determiner(body, start, cue) == whole


@given(st.lists(st.integers(0, 200), max_size=20), st.integers(0, 220))
def test_inside_a_double_quote_as_a_scan_of_all(cuts: list[int], at: int) -> None:
    bounds = sorted(set(cuts))
    # Ordered, non-overlapping stretches, some touching, as quote_marks makes them.
    doubles = [
        QuoteSpan(a + 1, b, a, b, 0, closed=True)
        for a, b in zip(bounds[::2], bounds[1::2], strict=False)
    ]
    scan = any(d.open_at <= at < d.close_at for d in doubles)
    assert _inside(doubles, [d.open_at for d in doubles], at) == scan


LINES = st.lists(st.sampled_from(["AB CD", "ab AB", "CD", "", "x AB", "AB", "Cd AB"]), max_size=8)


@given(LINES, st.sampled_from(["AB", "CD", "B C", "AB\nCD", "Cd", "x"]))
def test_shouted_lines_read_as_a_scan_of_every_line(lines: list[str], text: str) -> None:
    body = "\n".join(lines)
    shouted, pos = [], 0
    for line in lines:
        if line and line.upper() == line:
            shouted.append((pos, pos + len(line)))
        pos += len(line) + 1
    ctx = Context(body, frozenset(), tuple(shouted))
    for at in range(len(body) + 1):
        assert ctx.in_shouted_line(at) == any(a <= at < b for a, b in shouted)
    starts = [m.start() for m in re.finditer(f"(?={re.escape(text)})", body)]
    running = any(not any(a <= at < b for a, b in shouted) for at in starts)
    assert ctx.in_running_text(text) == running


PERSON_NAMES = st.lists(
    st.lists(
        st.sampled_from(["Ana", "Ruiz", "van", "Persie", "Ms", "W", "ruiz"]), min_size=1, max_size=4
    ),
    max_size=14,
)


@given(PERSON_NAMES)
def test_the_people_index_finds_the_group_a_scan_finds(names: list[list[str]]) -> None:
    groups: list[Group] = []
    index = GroupIndex()
    for at, words in enumerate(names):
        item = Found("person", at, at + 1, " ".join(words))
        target = find_group(groups, item, index)
        assert target is find_group(groups, item)
        if target is None:
            target = Group("person", item.text)
            groups.append(target)
        target.add(item)
        index.add(target, item, groups)


SHORT_WORDS = ["Ana", "van", "Ruiz", "of", "Trade", "Court", "TC", "T.C.", "ana"]
GROUPS = st.lists(
    st.tuples(
        st.sampled_from(["person", "organization", "place", "other", "country"]),
        st.lists(st.sampled_from(SHORT_WORDS), min_size=1, max_size=4),
        st.lists(st.lists(st.sampled_from(SHORT_WORDS), min_size=1, max_size=3), max_size=2),
    ),
    max_size=10,
)


# The first example loads the gazetteer (seconds): no deadline for it.
@settings(deadline=None)
@given(GROUPS, st.lists(st.sampled_from(SHORT_WORDS), min_size=1, max_size=2))
def test_the_short_form_index_finds_the_owner_a_scan_finds(
    specs: list[tuple[str, list[str], list[list[str]]]], text: list[str]
) -> None:
    groups: list[Group] = []
    forms = ShortForms()
    for at, (kind, name, later) in enumerate(specs):
        group = Group(kind, " ".join(name))  # type: ignore[arg-type]
        groups.append(group)
        for words in [name, *later]:  # a group renamed by a fuller mention keeps its old keys
            group.add(Found(kind, at, at + 1, " ".join(words)))  # type: ignore[arg-type]
            forms.add(group)
    # Every piece of every name, and its initials: the forms a short name takes.
    names = [words for _, name, later in specs for words in [name, *later]]
    probes = {" ".join(w[i:j]) for w in names for i in range(len(w)) for j in range(i, len(w))}
    probes |= {"".join(x[0] for x in w if x[:1].isupper()) for w in names}
    for probe in sorted(probes | {" ".join(text)}):
        assert forms.owner(probe) is short_form_owner(groups, probe)
        assert ShortForms(groups).owner(probe) is short_form_owner(groups, probe)


def test_a_time_limit_stops_a_long_extraction() -> None:
    with pytest.raises(ExtractionTooSlow) as stopped:
        extract('"Yes," he said. ' * 50_000, max_seconds=0.05)
    assert stopped.value.seconds == 0.05
    check()  # the limit ended with the extraction


def test_a_limit_leaves_results_unchanged() -> None:
    text = "Mayor Anna Berg spoke in Lima.\n\n“We cannot wait,” she said."
    limited = extract(text, max_seconds=30)
    assert limited == extract(text)
    assert [q.text for q in limited.quotes] == ["We cannot wait,"]


def test_limits_nest_and_end() -> None:
    with time_limit(0):
        with pytest.raises(ExtractionTooSlow):
            check()
        with time_limit(None), pytest.raises(ExtractionTooSlow):  # None keeps the outer one
            check()
    check()
