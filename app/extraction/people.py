"""What marks a capitalised span as a person: given names, titles, roles, speech verbs.

Given names come from the first-name dictionary shipped with ``gender-guesser``
(Jörg Michael's ``nam_dict.txt``, about 45,000 names from many countries). Only the
name column is read, once per process. Surnames come from the US census list shipped
with ``names`` (88,799 surnames by frequency, of every origin: "Khan", "Silva", "Nguyen").
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from app.extraction.wordsets import dictionary_word, ordinary_word, words

# The census list runs down to names borne by a few hundred people, among them plain
# words ("Bulls", "Orient"); the commonest 20,000 hold the surnames news names.
_SURNAME_RANKS = 20_000

# Words written before a name that say who the person is, not what they are called.
HONORIFICS = words(
    "Mr Mrs Ms Miss Mx Dr Prof Sir Dame Lord Lady Rev Fr Sr Jr Mr. Mrs. Ms. Dr. Prof. "
    "Rev. Fr. Sen. Rep. Gov. Gen. Lt. Col. Maj. Capt. Sgt. Adm. Cmdr. St. "
    # British and wire style write the same abbreviations without the full stop.
    "Sen Rep Gov Gen Lt Col Maj Capt Sgt Adm Cmdr Cllr Supt Insp Pres Messrs Mme Mlle "
    # "His Highness Sheikh X", "Her Excellency X".
    "Highness Excellency Majesty Eminence Holiness"
)
TITLES = words(
    "President Vice Prime Minister Secretary Chancellor Premier Senator Congressman "
    "Congresswoman Representative Governor Mayor Ambassador Envoy King Queen Prince "
    "Princess Emperor Sheikh Sultan Emir Pope Cardinal Archbishop Bishop Imam Rabbi Judge "
    "Justice Chief General Admiral Colonel Major Captain Lieutenant Sergeant Commander "
    "Marshal Director Chairman Chairwoman Chair Commissioner Deputy Foreign Defense "
    "Defence Interior Finance Health Justice Education Attorney Solicitor Speaker Leader "
    "Coach Professor Doctor Inspector Detective Officer Agent Executive "
    "Officer CEO Founder Spokesman Spokeswoman Spokesperson Councillor Councilor Lawmaker "
    "MP Presidential Crown Supreme Leader Administrator Emeritus Superintendent "
    "Provost Rector Commissioner Ombudsman Registrar Treasurer Trustee"
)
# Letters after a name: honours and professions, not part of what the person is called.
POSTNOMINALS = words("QC KC SC MP MEP MSP MLA OBE MBE CBE KBE PhD Jr Sr Jr. Sr. MPs MEPs MSPs")
# Portfolios that complete a title after "of": "Secretary of State", "Minister of Defence".
PORTFOLIOS = words(
    "State Defense Defence Foreign Affairs Interior Justice Health Finance Education Labour "
    "Labor Agriculture Energy Transport Trade Commerce Treasury Homeland Security Culture "
    "Environment War Home"
)
# Lower-case nouns that introduce a person's name ("spokesman Jo X", "coach, Y").
# Kin that are roles too ("his brother Amal", "the minister's wife"); only a person is
# someone's kin.
KIN_ROLES = words(
    "son daughter wife husband mother father brother sister cousin niece nephew aunt uncle "
    "grandson granddaughter grandmother grandfather"
)
ROLE_NOUNS = (
    words(
        "president minister secretary chancellor premier senator governor mayor ambassador "
        "envoy king queen prince princess sheikh judge chief general admiral colonel "
        "commander director chairman chairwoman chair commissioner deputy speaker leader "
        "coach professor doctor inspector detective officer spokesman spokeswoman "
        "spokesperson councillor councilor lawmaker candidate member founder editor reporter "
        "correspondent analyst expert lawyer attorney author writer actor actress singer "
        "player striker midfielder defender goalkeeper captain manager head executive "
        "official adviser advisor aide researcher scientist economist activist campaigner "
        "artist photographer designer architect engineer student teacher boss owner investor "
        "diplomat negotiator prosecutor investigator organiser organizer president-elect "
        "nominee challenger incumbent rival colleague partner friend pastor priest cleric "
        "mufti imam rabbi "
        "citizen resident veteran survivor victim witness suspect defendant plaintiff "
        "politician mp mep pilot driver rider boxer champion winner sprinter"
    )
    | KIN_ROLES
)
# A noun for a person by its ending, beside the listed roles: "-er" or "-ess" would take
# "answer" and "press" too.
PERSON_ENDING = re.compile(r"(?:man|woman|person|ist|ian)$")
# Kin that introduce a person by a given name alone ("his uncle Tam", "their child,
# Orla"), beside the kin among the role nouns; not used to find speakers.
KIN_NOUNS = words(
    "uncle aunt nephew niece grandson granddaughter grandfather grandmother grandchild "
    "child baby stepson stepdaughter stepfather stepmother fiance fiancee"
)
# Particles inside a name ("Paul Van Himst", "Bingu wa Mutharika", "Jean-Marie Le Pen"):
# they join the words around them into one name and never open a new one.
NAME_PARTICLES = words(
    "van von der den de del della di da das dos du le la bin bint ibn ben abu al el wa ter ten"
)
SPEECH_VERBS = words(
    "said says told tells added adds explained explains noted notes stated states argued "
    "argues claimed claims insisted insists warned warns asked asks replied wrote writes "
    "announced announces confirmed confirms denied denies believes believed thinks "
    "thought described describes recalled recalls urged urges acknowledged admitted "
    "admits suggested suggests continued continues declared declares commented comments "
    "responded responds praised praises criticised criticized accused accuses called "
    "calls"
)


@cache
def given_names() -> frozenset[str]:
    import gender_guesser

    path = resources.files(gender_guesser) / "data" / "nam_dict.txt"
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line[:1] in "#=" or len(line) < 4:
            continue
        name = line[3:29].strip()
        if name:
            # "+" joins double names ("Abdel+Aziz"); each part is a name too.
            names.update(name.split("+"))
    return frozenset(names)


def is_given_name(word: str) -> bool:
    return word in given_names()


@cache
def surnames() -> frozenset[str]:
    import names

    path = resources.files(names) / "dist.all.last"
    found: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) == 4 and int(fields[3]) <= _SURNAME_RANKS:
            found.add(fields[0].title())
    return frozenset(found)


def is_surname(word: str) -> bool:
    return word in surnames()


def is_particle(word: str) -> bool:
    return word.lower() in NAME_PARTICLES


def surname_title(words: list[str]) -> bool:
    """'Ann Major', 'Mary Justice': a title word right after a given name is a surname."""
    return len(words) >= 2 and words[-1] in TITLES and is_given_name(words[-2])


@cache
def census_given_names() -> frozenset[str]:
    """The census's male and female first names (``names``): a thousand of them, "Winter",
    "Mercy", are missing from the first-name dictionary."""
    import names

    found: set[str] = set()
    for listed in ("dist.male.first", "dist.female.first"):
        for line in (resources.files(names) / listed).read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.add(line.split()[0].title())
    return frozenset(found)


def common_noun(word: str) -> bool:
    """'Winger', 'Fly-half': an ordinary word in Webster's list, no given name in either
    name list. Such a word before a name describes the person and is no name of theirs;
    "Rose" or "Winter" are given names too, and stay in the name."""
    head, *tail = word.split("-")
    if tail and all(p.islower() for p in tail):
        return compound_word(word)
    # "CA Smith": capitals are initials; "Scrum-Half": a title-cased compound.
    return all(
        _plain_word(p.title()) and p[1:].islower() for p in (head, *tail)
    ) and not is_given_name(word)


def compound_word(word: str) -> bool:
    """'Stand-in', 'Out-half': lower-case parts make a compound of words, never a name,
    though "In" or "Man" alone is a given name somewhere; double names capitalise each
    part ("Jean-Luc")."""
    head, *tail = word.split("-")
    return (
        bool(tail)
        and all(p.islower() for p in tail)
        and all(p.isalpha() and ordinary_word(p) for p in (head, *tail))
    )


def _plain_word(word: str) -> bool:
    return (
        word.isalpha()
        and dictionary_word(word)
        and not is_given_name(word)
        and word not in census_given_names()
    )
