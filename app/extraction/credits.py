"""Credits after a quote: ``"…," said X``, ``"…," X said``, ``"…" ― X``, ``"…" is so, X said.``"""

import re

from app.extraction.cues import CUE, CUE_WORD, DETERMINER_BEFORE, plain_role
from app.extraction.phrases import (
    NOT_SPEAKER_START,
    SPEAKER_START,
    clause_before_name,
    noun_phrase,
    trim_object,
    trim_subject,
)
from app.extraction.sentences import first_sentence_end
from app.extraction.speaker_words import Attribution

_CUE_FIRST = re.compile(
    rf"^[\s,;–—-]*(?P<cue>{CUE})\s+(?P<who>(?:{SPEAKER_START}"
    # Only the first word may not open a clause: "said master of ceremonies X".
    rf"|{NOT_SPEAKER_START}(?:[a-z][\w’'-]*\s+){{1,4}}(?=[A-Z])).*)$",
    re.DOTALL,
)
# "…," as X said: the "as" belongs to neither the quote nor the speaker.
_SPEAKER_FIRST = re.compile(
    rf"^[\s,;–—-]*(?:as\s+)?(?P<who>{SPEAKER_START}[^\"“”]{{0,250}}?"
    # Up to four lower-case words before a name: "retired city council member X said",
    # "another neighbour, X told".
    rf"|{NOT_SPEAKER_START}[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,3}},?\s+[A-Z][^\"“”]{{0,120}}?"
    # "…," it says: a document or a statement speaks; "…," officials said: a plain role.
    r"|it|(?:(?:this|these|those|that)\s+)?(?:[a-z][\w-]*\s+){0,2}(?P<role>[a-z][\w-]*))"
    # After a determiner the cue word is a noun: "the report said" is not "the" + "report".
    r"(?<!\bthe)(?<!\ba)(?<!\ban)(?<!\bhis)(?<!\bher)(?<!\bits)(?<!\btheir)"
    # ... and after "of": "secretary of state for ports" names a post, "state" no verb.
    r"(?<!\bof)"
    # A cue word another cue follows is a noun: "the harbour report said" (a participle
    # may follow a verb: "Ann Lee said, answering").
    rf"\s+(?P<cue>{CUE})\b(?!\s+(?!\w+ing\b)(?:{CUE})\b)",
    re.DOTALL,
)
# "…" ― Name: a credit line after a quote.
_DASH_CREDIT = re.compile(r"\s*[―—–]\s*(?P<who>[A-Z][^,;:!?\"“”]{1,80}?)[\s.]*$")
# "…" was the word, X said. — a credit closing the sentence.
_TRAILING_CREDIT = re.compile(
    rf",\s+(?P<who>{SPEAKER_START}[^,\"“”]{{0,80}}?)\s+(?P<cue>{CUE})\b\s*"
    r"(?:[,.!?]|$|(?=(?:after|before|on|in|at|during|when|while|last|this|yesterday|today)\b))"
)
# "…" is so, says X, a professor. — the cue first, closing the sentence.
_TRAILING_CUE_FIRST = re.compile(rf",\s+(?P<cue>{CUE})\s+(?P<who>[A-Z][^\"“”]{{0,250}}?)[\s.!?]*$")
# "…" said X, with no comma after the quote: only a capitalised name may follow.
_BARE_CUE = re.compile(rf"^\s+(?:{CUE})\s+(?:[a-z][\w’'-]*\s+){{0,3}}[A-Z]")
_CLAUSE_END = re.compile(r"^\s*[,–—]")
# "secretary of state": after "of" a cue word is a noun.
_OF_BEFORE = re.compile(r"\bof\s+$")
_MAX_SPEAKER_FIRST_WORDS = 15
# "…," Ann Lee, the club's captain for six seasons since joining it as a boy, said: a
# name and its apposition may run longer than a description alone.
_NAMED_APPOSITION = re.compile(r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*,\s")
_MAX_APPOSITION_WORDS = 35
_RELATIVE_CLAUSE = re.compile(r"\s(?:who|whose|whom|that|which)\s")
# What may follow a bare credit's cue: when, where, how — never what was said.
_CIRCUMSTANCE = re.compile(
    r"(?:on|in|at|during|last|this|earlier|later|yesterday|today|tonight|afterward|after|"
    r"before|when|while|of|from|\w+ly)\b"
    # "to" opens whom it was said to ("said to reporters", "told to the BBC"), never a verb:
    # "X continues to hold …" is a new sentence about X, no credit.
    r"|to\s+(?:(?-i:[A-Z])|(?:the|a|an|him|her|them|us|me|his|their|its|our|my|your)\b"
    r"|[a-z]+s\b)",
    re.IGNORECASE,
)
# A sentence that opens with a subordinate clause: its cue is not the main clause's.
# A credit with no comma before it is one plain phrase ("Ana Ruiz", "the paper's editor
# Ana Ruiz"): a comma or a linking word means the words after the quote go on its sentence.
_LINKED = re.compile(r"[,;(]|\b(?:by|and|or|but|as|that|which|who|whose|with|to|of|for)\b")


def after_quote(
    body: str, start: int, end: int, quote_ends_clause: bool, inside: bool = False
) -> Attribution | None:
    """``"…," said X``, ``"…," X said``, ``"…" ― X`` and ``"…" is so, X said.``
    ``inside``: words of the sentence come before the quote; a credit with no mark after
    the quote is then left for the caller to weigh against the subject before it."""
    end = first_sentence_end(body, start, end)
    window = body[start:end]
    if not window.strip():
        return None
    if quote_ends_clause or _CLAUSE_END.match(window) or _BARE_CUE.match(window):
        found = _right_after(window, start)
        if found is not None:
            return found
    elif not inside:
        # 'X criticised "lavish" Tory promises': inside a sentence, words after a quote
        # with no mark between them most often go on with the sentence.
        # "…" Ana Ruiz said.: a credit with the comma left out, when nothing but a time or
        # place follows its cue ("the "…" Ana Ruiz said would pass" is no credit).
        found = bare_credit(_right_after(window, start), body, end)
        if found is not None and not _LINKED.search(found.speaker_text):
            return found
    match = _DASH_CREDIT.match(window) or _TRAILING_CREDIT.search(window)
    if match is None:
        match = _TRAILING_CUE_FIRST.search(window)
        if match is None:
            return None
        who = trim_object(match["who"])
        if not who or not noun_phrase(who):
            return None
        return Attribution(who, start + match.start("who"), match["cue"], "closing_credit", True)
    cue = match.groupdict().get("cue")
    # "…, the fund has said.": the auxiliary before the cue is no part of the speaker.
    who = trim_subject(match["who"]) if cue else match["who"].strip()
    if not who or not noun_phrase(who):
        return None
    rule = "closing_credit" if cue else "dash_credit"
    return Attribution(who, start + match.start("who"), cue, rule, trailing=True)


def dash_credit(body: str, start: int, end: int) -> Attribution | None:
    """ "… ― Ann Lee" alone between ``start`` and ``end``: a credit line."""
    match = _DASH_CREDIT.fullmatch(body, start, end)
    if match is None or not noun_phrase(match["who"].strip()):
        return None
    return Attribution(match["who"].strip(), match.start("who"), None, "dash_credit", True)


def sentence_credit(body: str, start: int, end: int) -> Attribution | None:
    """ "…, Ann Lee said." closing the sentence between ``start`` and ``end``."""
    match = _TRAILING_CREDIT.search(body, start, end)
    if match is None:
        return None
    rest = body[match.end() : end].strip(" ,.!?\n")
    if rest and not _CIRCUMSTANCE.match(rest):
        return None  # words go on after the cue: the credit does not close the sentence
    who = trim_subject(match["who"])
    if not who or not noun_phrase(who):
        return None
    return Attribution(who, match.start("who"), match["cue"], "closing_credit", trailing=True)


def credits_own_words(found: Attribution) -> bool:
    """ "…" Talks went on, Ann Lee said.: a credit after words of a new sentence reports
    those words; the quote before them keeps the speaker the story gives it."""
    return found.rule == "closing_credit" or clause_before_name(found.speaker_text)


def bare_credit(found: Attribution | None, body: str, end: int) -> Attribution | None:
    """A credit after a sentence-final quote, kept only when nothing but a time or place
    follows its cue: "Ann Lee said on Monday." yes, "Ann Lee said the plan …" no."""
    if found is None or found.cue is None:
        return found
    who_end = found.speaker_start + len(found.speaker_text)
    cue = re.compile(rf"\b{re.escape(found.cue)}\b").search(body, found.speaker_start - 60, end)
    rest_at = max(who_end, cue.end() if cue else who_end)
    rest = body[rest_at : first_sentence_end(body, rest_at, end)].strip(" ,.!?\n")
    return found if not rest or _CIRCUMSTANCE.match(rest) else None


def _short_enough(who: str) -> bool:
    words = len(who.split())
    if words <= _MAX_SPEAKER_FIRST_WORDS:
        return True
    return words <= _MAX_APPOSITION_WORDS and _NAMED_APPOSITION.match(who) is not None


def _right_after(window: str, start: int) -> Attribution | None:
    match = _SPEAKER_FIRST.match(window)
    if match and match["role"] and not plain_role(match["role"]):
        match = None
    if match and _short_enough(match["who"]):
        who = trim_subject(match.group("who"))
        if who and not _verb_cue(who) and noun_phrase(who):
            at = start + window.index(who, match.start("who"))
            return Attribution(who, at, match["cue"], "trailing_cue", trailing=True)
    match = _CUE_FIRST.match(window)
    # "…," noting X: a participle's subject is the sentence's, what follows is its object.
    if match and not match["cue"].endswith("ing"):
        who = trim_object(match.group("who"))
        # "said a baker whose ovens run all night who asked not to be named": after an
        # inverted cue a long relative clause still describes the speaker it follows.
        if who and noun_phrase(_RELATIVE_CLAUSE.split(who, maxsplit=1)[0]):
            at = start + match.start("who")
            return Attribution(who, at, match["cue"], "trailing_cue", trailing=True)
    return None


def _verb_cue(text: str) -> bool:
    """A reporting verb inside the words, not a noun after a determiner ("the report")."""
    return any(
        not DETERMINER_BEFORE.search(text, max(0, cue.start() - 12), cue.start())
        and not _OF_BEFORE.search(text, max(0, cue.start() - 4), cue.start())
        # The last word, right before the credit's own cue, is a noun: "the harbour report".
        and cue.end() < len(text)
        for cue in CUE_WORD.finditer(text)
    )
