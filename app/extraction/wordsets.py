"""Closed word classes, written as plain space-separated text to stay readable."""

from functools import cache


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
