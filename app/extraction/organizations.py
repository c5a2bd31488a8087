"""What marks a capitalised span as an organization or a named site.

Closed-class lexicons: the nouns that head organization names ("... Ministry",
"... Party", "University of ..."), the lower-case words that introduce one
("the company X"), and the nouns that head names of buildings and landmarks.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise

from app.extraction.name_tokens import Token
from app.extraction.wordsets import words

ORG_HEADS = words(
    "Ministry Department Office Agency Authority Administration Bureau Commission "
    "Committee Council Court Tribunal Parliament Assembly Congress Senate Cabinet "
    "Government Police Army Navy Force Forces Guard Corps Command Service Services "
    "Front Movement Party Alliance Coalition League Union Federation Confederation "
    "Association Society Foundation Fund Trust Institute Institution "
    "University College School Academy Hospital Clinic Church Mosque Synagogue "
    "Bank Group Corporation Corp Company Co Inc Ltd Limited LLC PLC Holdings "
    "Industries International Airlines Airways Motors Petroleum Oil Energy Gas "
    "Pharmaceuticals Technologies Technology Systems Networks Media Communications "
    "Telecom Entertainment Studios Records Publishing Press Times Post Herald Gazette "
    "Journal Tribune Telegraph Magazine News Newspaper Radio Television TV Broadcasting "
    "Channel Network Agency Organisation Organization Club Team Brigade Brigades "
    "Board Secretariat Directorate Ministries Commission Observatory Laboratory Labs "
    "Watch Initiative Project Programme Program Network Exchange Reserve Treasury "
    "Nations Democrats Republicans Socialists Greens Liberals Conservatives Labour Workers "
    "Conference Municipality Mail Star Sun Weekly Daily Chronicle Observer Examiner "
    "Inquirer Mirror Express Standard Review Monitor Bulletin Foundation Consortium "
    # Trades that end company names: "Guosheng Securities", "Integro Insurance Brokers".
    "Securities Futures Insurance Assurance Reinsurance Capital Financial Electric "
    "Electronics Brokers Partners Ventures Investments Logistics Shipping Steel Mining "
    "Resources Chemicals Foods Beverages Brewery Textiles Apparels Pharma Software Solutions "
    "Cement Cables Breweries Fertilizers Fertilisers Tyres Cartel "
    "Realty Properties Bancorp Franchise Embassy Consulate Secretariat Chamber "
    # A wire service's desks sign its copy: "Tokyo Newsroom", "Energy Desk".
    "Newsroom Newsdesk Desk "
    # Newspapers and firms named in their own languages end with the word for newspaper
    # or daily: "Mainichi Shimbun", "Allgemeine Zeitung", "Dong-a Ilbo", "Acme Biotech".
    "Shimbun Zeitung Ilbo Nippo Biotech"
)
# Heads that can also open a name: "University of X", "Ministry of Y", "Bank of Z".
ORG_OPENERS = words(
    "Ministry Department Office University College Institute Bank Council Court "
    "Church Society Association Federation Union League Commission Committee Board "
    "Academy School Order Bureau Agency Organisation Organization Party "
    "Movement Front Confederation Journal Municipality Chamber Embassy"
)
# Lower-case nouns that announce an organization's name right after them.
ORG_CUES = words(
    "organization organisation group company firm charity agency newspaper "
    "magazine broadcaster network party movement militia startup start-up "
    "outlet publication website channel station studio label bank insurer "
    "carrier airline manufacturer maker retailer chain brand club team "
    "union association foundation institute ngo think-tank watchdog "
    "regulator consortium conglomerate giant firm rival"
)
# One joins a body, a party, a club or a firm: "joined the Sea Scouts", "has joined Acme".
JOINED_BEFORE = re.compile(r"\b(?:join|joins|joined|joining|rejoined)(?: the)? $")
# Lower-case nouns that, right after a lone capitalised word, make it a company or body:
# "X headquarters", "X co-founder Y", "X officials".
ORG_FOLLOWERS = words(
    "headquarters co-founder cofounder founder creator employees staff workers officials "
    "executives shareholders subsidiary customers users reporters spokesman spokeswoman "
    "spokesperson ceo chairman chairwoman "
    # Members and shares of a party or a company: "Tory MPs", "Labour leader", "Sony shares".
    "MP MPs MEP MEPs peer peers leader leadership candidate candidates manifesto "
    "backbencher backbenchers activists voters shares shareholder stake boss "
    # Posts held in a body: "Acme president Ana Ruiz", "Acme Data CEO", "Acme co-owner".
    "president director manager owner co-owner editor analyst analysts treasurer "
    "secretary-general CEO"
)
PLACE_HEADS = words(
    "Island Islands Province Region County District State Territory Republic River "
    "Lake Sea Ocean Gulf Bay Strait Mountains Mountain Mount Valley Desert Peninsula "
    "Street Road Avenue Square Park Bridge Airport Station Port Harbour Harbor "
    "Stadium Arena Hall Palace Tower Towers Castle Cathedral Mosque Temple Memorial "
    "City House Museum Gallery Centre Center Complex Facility Plaza Base Camp Prison Canal "
    "Dam Beach Coast Forest Field Basin Land"
)
# Words that open a place's name: "Cape Canaveral", "Lake Kivu", "Fort Worth".
PLACE_OPENERS = words("Cape Mount Mt Mt. Lake Fort Ft. Isle Isla Lago Cerro Port")
# Heads that open names in Spanish, Portuguese, French, Italian and Indonesian, where the
# head comes first without a connector: "Instituto Gonzaga", "Banco Santander".
HEAD_FIRST = words(
    "Instituto Institut Istituto Universidad Universidade Université Università Universitas "
    "Banco Banque Ministerio Ministério Ministère Ministero Kementerian Partido Parti Partito "
    "Partai Compañía Companhia Compagnie Empresa Grupo Groupe Gruppo Fundación Fundação "
    "Fondation Fondazione Asociación Associação Sociedad Sociedade Société Società "
    "Federación Federação Fédération Colegio Escuela Escola École Corporación Comisión "
    "Comissão Consejo Conselho Conseil Consiglio Congreso Movimiento Movimento Mouvement "
    "Frente Unión União Agencia Agência Agence Agenzia Secretaría Secretaria Tribunal "
    # Newspapers and news agencies: "Diario Libre", "Gazeta Wyborcza", "Prensa Libre".
    "Diario Diário Gazzetta Gazeta Jornal Prensa Corriere Giornale"
)
# Mosques, museums and halls are sites in one sentence and institutions in another;
# they resolve to places unless an organization cue is present.
_SITE_OR_ORG = frozenset({"Mosque", "Museum"})


def org_head(word: str) -> bool:
    word = word.split(" ", 1)[0]  # "Channel 4" is headed by "Channel"
    return (word in ORG_HEADS and word not in _SITE_OR_ORG) or legal_form(word)


# Company-form words that are also ordinary English or country codes.
_NOT_LEGAL_FORMS = frozenset({"uk", "private", "vat", "ok", "et", "e.g.", "at", "as", "da"})


@cache
def _legal_forms() -> frozenset[str]:
    """Legal-form suffixes of company names in many countries ('GmbH', 'S.A.', 'Bhd'),
    from ``cleanco``'s term lists."""
    from cleanco.clean import get_unique_terms

    terms = {t.strip().rstrip(".") for t in get_unique_terms() if " " not in t.strip()}
    return frozenset(t for t in terms if len(t) > 1 and t not in _NOT_LEGAL_FORMS)


def legal_form(word: str) -> bool:
    """'Ltd', 'GmbH', 'SA', 'S.A.': only in the casing a company name gives it."""
    if not (word.isupper() or word[:1].isupper()):
        return False
    return word.lower().rstrip(".") in _legal_forms()


def place_head(word: str) -> bool:
    return word in PLACE_HEADS


# Capitalised abbreviations that name no organization: post-nominals, units, times.
_NOT_ORGS = words(
    "QC SC KC MP MEP MSP MLA OBE MBE CBE KBE PhD MBA MD CEO CFO COO CTO GMT UTC BST EST EDT "
    "PST PDT CET AM PM TV OK GDP URL PDF HTML USB IQ DNA HIV AIDS VIP ID PR FAQ RIP IT AI PC "
    "CD DVD SMS GPS LED"
)
_ROMAN = re.compile(r"[IVXLCDM]+")
# Model numbers: a digit early or two at the end ("A380", "X200", "IE9", "PS2"); three
# letters and one digit name a channel ("BBC1", "ITV2").
_MODEL = re.compile(r"[A-Z]{0,2}\d.*|.*\d\d|.*\d[A-Z]+")


# A word's answer is kept: asked about every capitalised word in turn, two patterns each
# (22,666 calls on 445 BBC articles); bounded, since a worker reads an unbounded stream.
@lru_cache(maxsize=1 << 15)
def not_an_org(word: str) -> bool:
    """Post-nominals, units, Roman numerals, currency codes and model numbers ('X200') are
    not bodies; a name with one digit after three letters or more is a channel or a body
    ('ITV1')."""
    numbered = _MODEL.fullmatch(word) is not None
    roman = bool(_ROMAN.fullmatch(word))
    return word in _NOT_ORGS or roman or numbered or word in _currency_codes()


@cache
def _currency_codes() -> frozenset[str]:
    """ISO 4217 codes ('USD 10 million', 'EGP'), from ``pycountry``: on three sets of
    annotated news every such code written alone was money, never a body."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def acronym(word: str) -> bool:
    """'ACB', 'OPEC', 'G7B', 'U.N.': two to six capitals, maybe a digit, no lower case."""
    letters = word.replace("&", "").replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalnum()


def acronym_of(short: str, name: str) -> bool:
    """True when ``short`` spells the initials of ``name`` ('FPU' / "Farmers' People's Union")."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return len(words) >= 2 and "".join(w[0] for w in words) == short.replace(".", "")


def head_word(tokens: list[Token], body: str) -> str:
    """The word a name is built on: the last one, or the one before 'of' ('Museum of X')."""
    for a, b in pairwise(tokens):
        if body[a.end : b.start] != " ":
            return a.text
    return tokens[-1].text


def connector_after(tokens: list[Token], body: str) -> str:
    for a, b in pairwise(tokens):
        if body[a.end : b.start] != " ":
            return body[a.end : b.start]
    return ""


def has_head(tokens: list[Token], body: str) -> bool:
    if len(tokens) < 2:
        return False
    if org_head(tokens[-1].text) or tokens[0].text in HEAD_FIRST:
        return True
    # An opener heads the name only when a connector follows it ("Council of
    # Europe"); "Security Council President Ana Ruiz" is a body, then a person.
    if any(t.text in ORG_OPENERS and body[t.end : n.start] != " " for t, n in pairwise(tokens)):
        return True
    return bool(connector_after(tokens, body)) and org_head(head_word(tokens, body))


# Portfolios that end a ministry's name ("Ministry of Rural Health"), though they
# also trail a title ("the Health").
_PORTFOLIO_ENDS = words(
    "Health Education Justice Finance Defence Defense Interior Affairs Labour Labor "
    "Agriculture Energy Transport Trade Commerce Treasury Security Culture Environment"
)


def portfolio_of_body(tokens: list[Token], body: str) -> bool:
    """'Ministry of Rural Health', 'Ministry of Education and Higher Education': a
    portfolio after a connector ends the body's name; it is no trailing title."""
    return tokens[-1].text in _PORTFOLIO_ENDS and bool(connector_after(tokens, body))


def legal_tail(tokens: list[Token], body: str) -> int:
    """Where 'Acme Corp of Ohio' ends the company: after a legal form that 'of' (or 'of
    the') and a place follow. 'Bank of Ruritania' keeps its place: a bank is no legal form."""
    for i, (a, b) in enumerate(pairwise(tokens)):
        legal = i > 0 and legal_form(a.text) and body[a.end : b.start] in (" of ", " of the ")
        if legal and _names_place(body[b.start : tokens[-1].end]):
            return i + 1
    return 0


def _names_place(text: str) -> bool:
    # Imported here, since the gazetteer reads this module's heads; only once a legal form
    # and "of" are found: an import on every call was 1% of extraction time.
    from app.extraction.gazetteer import lookup

    return lookup(text) is not None


# Institutions that one capitalised noun can name; a trade ("Oil"), a strait ("Channel")
# or an adjective ("International") cannot.
_LONE_HEADS = words(
    "Ministry Department Agency Authority Administration Bureau Commission Committee "
    "Council Court Tribunal Parliament Assembly Congress Senate Cabinet Government Police "
    "Army Navy Treasury Church University Federation Union League Party Secretariat Board"
)


def institution_head(word: str) -> bool:
    """'Agency', 'Administration', 'Commission': a noun that names a public body."""
    return word in _LONE_HEADS


def lone_head(token: Token, body: str) -> bool:
    """'the Treasury', 'The Army says': a body's head noun, capitalised after 'the' (the
    article's own capital does not make the noun's), names the one body the article is
    about."""
    if token.text not in _LONE_HEADS:
        return False
    return body[max(0, token.start - 4) : token.start] in ("the ", "The ")
