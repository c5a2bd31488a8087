"""Two names of one party, joined by the people articles introduce under each."""

from app.extraction.knowledge import Knowledge, KnownEntity
from app.extraction.pipeline import analyze
from app.extraction.same_groups import role_between
from app.extraction.schemas import ExtractedEntity, Extraction

GREBE = (
    "The Grebe Party met in Tarnow on Monday. Grebe leader Ana Ruiz said the vote was lost. "
    "Grebe spokesman Tom Okafor agreed with her."
)
HERON = (
    "The Heron Party met in Velm on Friday. Heron leader Ana Ruiz said the vote was won. "
    "Heron spokesman Tom Okafor agreed with her."
)
LARK = (
    "The Lark Party met in Velm on Friday. Lark leader Ines Morel said the vote was won. "
    "Lark spokesman Piet Daal agreed with her."
)


def _read(*bodies: str) -> list[dict[str, ExtractedEntity]]:
    """Each body read with what all of them establish, as a batch of documents is."""
    first = [Extraction(body=b, entities=analyze(b)[0]) for b in bodies]
    knowledge = Knowledge.from_extractions(first)
    return [{e.name: e for e in analyze(b, knowledge=knowledge)[0]} for b in bodies]


def test_two_party_names_introducing_the_same_people_in_the_same_roles_are_one() -> None:
    grebe, heron, lark = _read(GREBE, HERON, LARK)

    assert "Heron Party" not in heron
    assert set(heron["Grebe Party"].aliases) == {"Heron", "Heron Party"}
    assert heron["Grebe Party"].type == "organization"
    assert set(grebe) == {"Grebe Party", "Ana Ruiz", "Tom Okafor", "Tarnow"}
    assert lark["Lark Party"].aliases == ["Lark"]  # other leaders: another party


def test_one_person_under_two_party_names_keeps_them_apart() -> None:
    # A member who changed sides: one shared person is no proof of one party.
    defector = HERON.replace("Tom Okafor", "Piet Daal")

    _, heron = _read(GREBE, defector)

    assert {"Heron Party", "Ana Ruiz"} <= set(heron)
    assert "Grebe Party" not in heron


def test_a_name_the_archive_joined_before_stays_joined() -> None:
    grebe = KnownEntity(
        "Grebe Party", "organization", ("Grebe", "Heron Party", "Heron", "Herons"), articles=9
    )
    body = "Heron leader Ana Ruiz spoke. The Heron Party and the Herons lost. Heron MPs wept."

    entities = {e.name: e for e in analyze(body, knowledge=Knowledge((grebe,)))[0]}

    assert "Grebe Party" in entities
    assert not {"Heron", "Herons", "Heron Party"} & set(entities)


def test_only_words_naming_a_role_introduce_a_person() -> None:
    assert role_between(" leader ") == "leader"
    assert role_between(" home affairs spokesman ") == "home affairs spokesman"
    assert role_between(" MP ") == "MP"
    assert role_between(" have accused ") is None
    assert role_between(" said that ") is None
    assert role_between(", and ") is None


def test_people_introduced_under_a_member_form_count_for_its_group() -> None:
    # Articles read before the archive tied "Grebe" to its party stored it on its own.
    knowledge = Knowledge(
        (
            KnownEntity("Grebe Party", "organization", ("Grebe",), articles=2),
            KnownEntity(
                "Grebe",
                "organization",
                articles=5,
                introduced=(("leader", "Ana Ruiz"), ("MP", "Tom Okafor")),
            ),
            KnownEntity(
                "Heron Party",
                "organization",
                ("Heron",),
                articles=3,
                introduced=(("leader", "Ana Ruiz"), ("MP", "Tom Okafor")),
            ),
        )
    )

    # Joined by the introductions pooled from "Grebe"; named by the articles that write
    # each name in full (3 against 2), not by those that use the member form.
    assert knowledge.index.groups["grebe party"].name == "Heron Party"
    assert "heron party" not in knowledge.index.groups


def test_of_two_names_of_one_party_the_one_written_in_full_more_often_is_kept() -> None:
    introduced = (("leader", "Ana Ruiz"), ("MP", "Tom Okafor"))
    # "Grebe" on its own (a nickname's member form) is common; "Grebe Party" is rare.
    knowledge = Knowledge(
        (
            KnownEntity("Grebe Party", "organization", ("Grebe",), articles=2),
            KnownEntity("Grebe", "organization", articles=40, introduced=introduced),
            KnownEntity(
                "Heron Party", "organization", ("Heron",), articles=9, introduced=introduced
            ),
        )
    )

    assert knowledge.index.groups["grebe party"].name == "Heron Party"
    assert "heron party" not in knowledge.index.groups


def test_a_member_form_of_a_joined_name_goes_to_its_group_not_a_longer_name() -> None:
    grebe = KnownEntity(
        "Grebe Party", "organization", ("Grebe", "Heron Party", "Heron", "Herons"), articles=9
    )
    conference = KnownEntity("Heron Party Conference", "organization", ("Heron",), articles=3)
    body = "The Heron manifesto was sound, Ana Ruiz said. Heron leader Tom Okafor agreed."

    entities = {e.name: e for e in analyze(body, knowledge=Knowledge((grebe, conference)))[0]}

    assert entities["Grebe Party"].aliases == ["Heron"]
    assert "Heron Party Conference" not in entities
