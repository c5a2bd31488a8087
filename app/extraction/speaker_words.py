"""What an attribution step finds: the words naming a speaker, where, and by which cue."""

from dataclasses import dataclass


@dataclass
class Attribution:
    speaker_text: str
    speaker_start: int
    cue: str | None
    # The attribution step that found these words (see ``quotes.LOCATING_STEPS``).
    rule: str
    # Named after the quote ("…," X said): the quote is then the clause being reported.
    trailing: bool = False
