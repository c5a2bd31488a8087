"""Closed word classes, written as plain space-separated text to stay readable."""

import re
from collections.abc import Iterable
from functools import cache


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternative for each phrase, written as a trie ("sa(?:y(?:s|ing)?|id)").

    A flat alternation of some 500 reporting verbs made every position try every verb
    (scanning the BBC set's bodies for cue words took 1.75 s, as a trie 0.22 s). A longer
    phrase still wins over its prefix, as in a longest-first alternation: an optional
    branch is tried before it is skipped. A phrase's space matches any run of spaces.
    """
    tree: dict[str, dict[str, dict]] = {}
    for phrase in phrases:
        node = tree
        for char in " ".join(phrase.split()):
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    alternatives = [
        (r"\s+" if char == " " else re.escape(char)) + _branches(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not alternatives:
        return ""
    group = "(?:" + "|".join(alternatives) + ")" if len(alternatives) > 1 else alternatives[0]
    return f"(?:{group})?" if "" in node else group


# Capitalised only because a sentence starts with them.
FUNCTION_WORDS = words(
    "The A An This That These Those In On At By For From With Without As After Before But "
    "And Or Nor If When While Although Though Since During Under Over Into About Against "
    "Between Among Through Despite Of To Up Out Then Thus Also Yet Still Even Only Just Not "
    "No Yes It Its He She They We I You His Her Their Our My Your Him Them There Here Where "
    "What Which Who Whom Whose Why How All Some Any Each Every Both Either Neither Many Much "
    "Most More Few Several Such Other Another Last Next First Second Third Meanwhile However "
    "Earlier Later Today Yesterday Tomorrow Now According Once Like Unlike Following Amid "
    "One Two Three Four Five Six Seven Eight Nine Ten Asked Speaking Dear Hello Please "
    "Thanks Sources Source Photo Image Read Watch Click Unless Until Because Whether Perhaps "
    "Instead Indeed Overall Besides Nevertheless Furthermore Moreover Hence Therefore Again "
    "Already Almost Always Never Often Sometimes Soon Although Despite Regardless Was Were "
    "Is Are Be Been Has Have Had Would Could Should Must Does Did Former Acting Ex Late"
)


@cache
def _dictionary() -> tuple[frozenset[str], frozenset[str]]:
    """Webster's word list from ``english-words``: ordinary words in lower case,
    proper nouns capitalised, so the two can be told apart."""
    from english_words import get_english_words_set

    listed = get_english_words_set(["web2"], lower=False, alpha=True)
    lower = frozenset(w for w in listed if w.islower())
    return lower, frozenset(w for w in listed if w[:1].isupper())


def dictionary_word(word: str) -> bool:
    """An ordinary English word ('Sale', 'Reading', 'Enterprise') that the dictionary
    does not also list as a proper noun ('Tory', 'Victoria')."""
    lower, proper = _dictionary()
    return word.lower() in lower and word not in proper


def ordinary_word(word: str) -> bool:
    """The word in lower case is in the dictionary, whether or not it is also listed as
    a proper noun ("Gulf", "Metro")."""
    return word.lower() in _dictionary()[0]


def regular_plural(word: str) -> bool:
    """'Sprinters', 'Trustees': an ordinary word with an s added (the word list holds no
    plurals)."""
    return word.endswith("s") and dictionary_word(word[:-1])


def plural_word(word: str) -> bool:
    """A plural of an ordinary word, irregular spellings too: "Rallies" and "Witnesses"
    are looked up as "Rally" and "Witness", "Women" as "Woman"."""
    if word.endswith("ies") and dictionary_word(word[:-3] + "y"):
        return True
    if word.endswith(("sses", "xes", "ches", "shes")) and dictionary_word(word[:-2]):
        return True
    if word.endswith("men") and dictionary_word(word[:-3] + "man"):
        return True
    return regular_plural(word)


def proper_noun(word: str) -> bool:
    """The dictionary lists the word capitalised: a people, a place, a figure of history
    ("Saxon", "Visigoth")."""
    return word in _dictionary()[1]
