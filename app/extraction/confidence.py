"""How far each attribution step is to be trusted.

A quote's confidence is the share of speakers its steps got right on the polnear-train
reference set (837 articles), for the step that found the speaker's words and the step
that resolved them to an entity. Below ``MIN_CONFIDENCE`` the speaker is left null: a
missing speaker costs a reader less than a wrong one.
"""

# Step that found the speaker's words → share right.
LOCATING = {
    "trailing_cue": 0.9,
    "leading_cue": 0.85,
    "according_to": 0.85,
    "colon_introduction": 0.85,
    "closing_credit": 0.8,
    "dash_credit": 0.8,
    "speaker_label": 0.8,
    "inverted_cue": 0.85,
    "credit_paragraph": 0.8,
    "quote_continued": 0.85,
    "same_paragraph": 0.85,
    "paragraph_continuation": 0.75,
    "alternation": 0.6,
    "sentence_subject": 0.6,
}
# Step that resolved the words to an entity → how much of the locating share survives.
RESOLVING = {
    None: 1.0,
    "name": 1.0,
    "pronoun": 0.9,
    "title_holder": 0.85,
    "role_description": 0.85,
    "organization": 0.7,
    "salient_role": 0.5,
}
# No step found a speaker: how often the reference names none either.
NO_SPEAKER = 0.5
MIN_CONFIDENCE = 0.35


def decision(locating: str | None, resolving: str | None) -> tuple[str, float]:
    """The quote's ``rule`` ("trailing_cue+pronoun") and its confidence."""
    if locating is None:
        return "no_cue", NO_SPEAKER
    rule = f"{locating}+{resolving}" if resolving else locating
    return rule, round(LOCATING[locating] * RESOLVING[resolving], 2)
