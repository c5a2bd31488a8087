"""What other articles established, applied to one article: a hand-built ``Knowledge``."""

import pickle

from app.extraction.archive import recall
from app.extraction.knowledge import NOTHING_KNOWN, Knowledge, KnownEntity
from app.extraction.pipeline import analyze
from app.extraction.schemas import ExtractedEntity, Extraction
from tests.conftest import mentioned

COUNCIL = KnownEntity("Pacific Fisheries Council", "organization", ("PFC",), articles=4)
CORWIN = KnownEntity("Corwin Halvorsen", "person", ("Halvorsen",), articles=3)
TOMAS = KnownEntity(
    "Tomas Varga",
    "person",
    ("Varga",),
    articles=3,
    related=("Pacific Fisheries Council", "Ilse Brandt"),
)
PETER = KnownEntity("Peter Varga", "person", ("Varga",), articles=2, related=("Orbis Bank",))
ELENA = KnownEntity("Elena Varga", "person", ("Varga",), articles=2)


def _entities(body: str, knowledge: Knowledge) -> dict[str, ExtractedEntity]:
    return {e.name: e for e in analyze(body, knowledge=knowledge)[0]}


def test_a_short_form_takes_the_full_name_the_archive_ties_it_to() -> None:
    body = "Talks stalled on Monday, the PFC said. The PFC will meet again."

    alone = _entities(body, NOTHING_KNOWN)
    known = _entities(body, Knowledge((COUNCIL,)))

    assert set(alone) == {"PFC"}
    council = known["Pacific Fisheries Council"]
    assert council.type == "organization"
    assert council.aliases == ["PFC"]
    assert [m.text for m in council.mentions] == ["PFC", "PFC"]


def test_a_surname_with_one_archived_fit_becomes_that_person_and_speaks_as_them() -> None:
    body = 'Mr Halvorsen met the board. "The plan is sound," Mr Halvorsen said.'

    entities, quotes = analyze(body, knowledge=Knowledge((CORWIN, COUNCIL)))

    assert [(e.name, e.type) for e in entities] == [("Corwin Halvorsen", "person")]
    assert [q.speaker for q in quotes] == ["Corwin Halvorsen"]
    assert analyze(body)[1][0].speaker == "Halvorsen"


def test_a_surname_with_two_archived_fits_stays_apart() -> None:
    body = "Mr Varga told reporters the plan was sound."

    assert set(_entities(body, Knowledge((TOMAS, PETER)))) == {"Varga"}


def test_the_company_an_article_keeps_decides_between_two_fits() -> None:
    body = "Mr Varga told reporters the plan was sound. The PFC and Ilse Brandt agreed."

    known = _entities(body, Knowledge((TOMAS, PETER, COUNCIL)))

    assert set(known) == {"Tomas Varga", "Pacific Fisheries Council", "Ilse Brandt"}


def test_one_name_in_common_does_not_choose_between_two_fits() -> None:
    body = "Mr Varga told reporters the plan was sound. The PFC agreed."

    known = _entities(body, Knowledge((TOMAS, PETER, COUNCIL)))

    assert "Varga" in known and "Tomas Varga" not in known


def test_an_honorific_rules_out_a_fit_of_the_other_gender() -> None:
    body = "Mrs Varga told reporters the plan was sound."

    assert set(_entities(body, Knowledge((TOMAS, ELENA)))) == {"Elena Varga"}


def test_a_full_name_is_never_merged_into_another_full_name() -> None:
    body = "Ida Halvorsen told reporters the plan was sound. Halvorsen left early."

    assert set(_entities(body, Knowledge((CORWIN,)))) == {"Ida Halvorsen"}


def test_many_articles_reading_a_name_as_a_body_overrule_one_reading_it_as_a_person() -> None:
    body = 'Officials said Harper Vance would attend. "Profits were strong," Vance said.'
    firm = KnownEntity("Harper Vance", "organization", ("Vance",), articles=9)
    hardly = KnownEntity("Harper Vance", "organization", ("Vance",), articles=2)

    assert _entities(body, NOTHING_KNOWN)["Harper Vance"].type == "person"
    assert _entities(body, Knowledge((firm,)))["Harper Vance"].type == "organization"
    assert _entities(body, Knowledge((hardly,)))["Harper Vance"].type == "person"


def test_entities_given_one_name_become_one_with_every_mention() -> None:
    body = "The PFC met. Later the Pacific Fisheries Council said no."
    short = mentioned(body, "PFC", kind="organization")
    full = mentioned(body, "Pacific Fisheries Council", kind="organization")

    [council] = recall([short, full], Knowledge((COUNCIL,)), body)

    assert council.name == "Pacific Fisheries Council"
    assert [m.text for m in council.mentions] == ["PFC", "Pacific Fisheries Council"]
    assert council.aliases == ["PFC"]


def test_knowledge_from_extractions_counts_articles_aliases_and_company() -> None:
    first = _extraction("Corwin Halvorsen met the PFC.", [CORWIN, COUNCIL])
    second = _extraction("Corwin Halvorsen flew home.", [CORWIN])

    known = {e.name: e for e in Knowledge.from_extractions([first, second]).entities}

    assert known["Corwin Halvorsen"].articles == 2
    assert known["Corwin Halvorsen"].aliases == ("Halvorsen",)
    assert known["Corwin Halvorsen"].related == ("Pacific Fisheries Council",)
    assert known["Pacific Fisheries Council"].articles == 1


def test_the_index_is_built_once_and_not_pickled() -> None:
    knowledge = Knowledge((CORWIN, COUNCIL))

    assert knowledge.index is knowledge.index
    copy = pickle.loads(pickle.dumps(knowledge))
    assert copy == knowledge
    assert "index" not in copy.__dict__


def _extraction(body: str, known: list[KnownEntity]) -> Extraction:
    entities = [
        mentioned(body, k.name, kind=k.type).model_copy(update={"aliases": list(k.aliases)})
        for k in known
    ]
    return Extraction(body=body, entities=entities)


def test_when_the_company_ties_the_far_better_known_person_is_meant() -> None:
    body = "Mr Varga told reporters the plan was sound. The PFC agreed."
    famous = KnownEntity(
        "Tomas Varga", "person", articles=40, related=("Pacific Fisheries Council",)
    )
    obscure = KnownEntity(
        "Peter Varga", "person", articles=1, related=("Pacific Fisheries Council",)
    )
    unrelated = KnownEntity("Tomas Varga", "person", articles=40, related=("Orbis Bank",))
    stranger = KnownEntity("Peter Varga", "person", articles=1, related=("Danube Rowing Club",))

    assert "Tomas Varga" in _entities(body, Knowledge((famous, obscure, COUNCIL)))
    # Fame alone, with no company in common, names no one.
    assert "Varga" in _entities(body, Knowledge((unrelated, stranger, COUNCIL)))


def test_a_short_form_goes_to_the_full_name_far_more_articles_tie_it_to() -> None:
    body = "Talks stalled on Monday, the PFC said."
    misspelt = KnownEntity("Pacific Fishery Council", "organization", ("PFC",), articles=1)
    rival = KnownEntity("Pacific Fishery Council", "organization", ("PFC",), articles=3)

    assert set(_entities(body, Knowledge((COUNCIL, misspelt)))) == {"Pacific Fisheries Council"}
    assert set(_entities(body, Knowledge((COUNCIL, rival)))) == {"PFC"}


def test_a_word_the_archive_knows_as_a_name_of_its_own_keeps_it() -> None:
    body = "Orbis said on Monday that sales rose."
    orbis = mentioned(body, "Orbis", kind="organization")
    firm = KnownEntity("Orbis", "organization", articles=30)
    product = KnownEntity("Orbis Office", "organization", ("Orbis",), articles=2)

    assert [e.name for e in recall([orbis], Knowledge((firm, product)), body)] == ["Orbis"]
    assert [e.name for e in recall([orbis], Knowledge((product,)), body)] == ["Orbis Office"]


def test_a_surname_that_is_also_a_given_name_needs_the_company_to_agree() -> None:
    alone = "Morgan said the plan was sound."
    among = "Morgan said the plan was sound, and the PFC agreed."
    ada = KnownEntity("Ada Morgan", "person", articles=5, related=("PFC",))
    knowledge = Knowledge((ada,))

    assert [e.name for e in recall([mentioned(alone, "Morgan")], knowledge, alone)] == ["Morgan"]
    found = recall(
        [mentioned(among, "Morgan"), mentioned(among, "PFC", kind="organization")],
        knowledge,
        among,
    )
    assert [e.name for e in found] == ["Ada Morgan", "PFC"]


def test_no_vote_overturns_an_organization_the_article_itself_names() -> None:
    body = "Shares in Madison Holdings rose."
    firm = mentioned(body, "Madison Holdings", kind="organization")
    person = KnownEntity("Madison Holdings", "person", articles=20)

    [entity] = recall([firm], Knowledge((person,)), body)

    assert entity.type == "organization"


def test_a_member_form_takes_the_fullest_name_of_its_group() -> None:
    body = "A Harbour MP said the vote was close."
    form = mentioned(body, "Harbour", kind="organization")
    party = KnownEntity("Harbour Party", "organization", ("Harbour", "Harbours"), articles=5)
    plural = KnownEntity("Harbours", "organization", ("Harbour",), articles=8)
    itself = KnownEntity("Harbour", "organization", articles=20)

    [entity] = recall([form], Knowledge((party, plural, itself)), body)

    assert entity.name == "Harbour Party"
    assert entity.aliases == ["Harbour"]
    assert [m.text for m in entity.mentions] == ["Harbour"]


def test_singular_plural_and_clipped_forms_join_their_group() -> None:
    body = "The Nat Progs and a Quaker said so."
    clipped = mentioned(body, "Nat Progs", kind="organization")
    group = KnownEntity(
        "National Progressives", "organization", ("Nat Progs", "Nat Prog"), articles=4
    )
    friends = KnownEntity("Quakers", "organization", ("Quaker",), articles=3)
    alone = KnownEntity("Quaker", "organization", articles=9)
    member = mentioned(body, "Quaker", kind="organization")

    found = recall([clipped, member], Knowledge((group, friends, alone)), body)

    assert [e.name for e in found] == ["National Progressives", "Quakers"]


def test_only_member_forms_of_an_organization_join_a_group() -> None:
    body = "Quaker said the plan was sound, and Orbis agreed."
    person = mentioned(body, "Quaker")
    word = mentioned(body, "Orbis", kind="organization")
    # Too few articles to overrule the reading as a person.
    friends = KnownEntity("Quakers", "organization", ("Quaker",), articles=1)
    firm = KnownEntity("Orbis Holdings", "organization", ("Orbis",), articles=2)
    itself = KnownEntity("Orbis", "organization", articles=30)

    found = recall([person, word], Knowledge((friends, firm, itself)), body)

    assert [(e.name, e.type) for e in found] == [("Quaker", "person"), ("Orbis", "organization")]


def test_a_member_form_is_tied_to_its_group_before_longer_names_it_begins() -> None:
    body = "A Harbour MP said the vote was close."
    form = mentioned(body, "Harbour", kind="organization")
    party = KnownEntity("Harbour Party", "organization", ("Harbour",), articles=3)
    event = KnownEntity("Harbour Party Conference", "organization", ("Harbour",), articles=1)
    itself = KnownEntity("Harbour", "organization", articles=6)

    [entity] = recall([form], Knowledge((party, event, itself)), body)

    assert entity.name == "Harbour Party"


SHAPED = KnownEntity("Milo Quendry", "person", (), articles=6)
BAND = KnownEntity("Milo Quendry", "organization", (), articles=3)


def test_a_full_name_only_its_shape_made_a_person_takes_the_reading_words_gave() -> None:
    body = "Tickets sold out for Milo Quendry at the arena on Friday."

    known = _entities(body, Knowledge((SHAPED, BAND)))

    assert known["Milo Quendry"].type == "organization"


def test_a_full_name_an_article_wrote_another_way_keeps_its_person_votes() -> None:
    body = "Tickets sold out for Milo Quendry at the arena on Friday."
    named = KnownEntity("Milo Quendry", "person", ("Quendry",), articles=6)

    assert _entities(body, Knowledge((named, BAND)))["Milo Quendry"].type == "person"


def test_a_person_this_article_writes_another_way_keeps_its_reading() -> None:
    body = "Milo Quendry opened the arena on Friday. Mr Quendry cut the ribbon."

    assert _entities(body, Knowledge((SHAPED, BAND)))["Milo Quendry"].type == "person"
