"""Speaker mentions: what a mention names, merging one person's mentions, and resolving pronouns.

Works without a speaker table: any name or description can be a speaker. The word
lists (titles, organisation head nouns, person nouns, pronouns) are data, in
``data/lexicons/mentions.yaml``.

Limits: there is no part-of-speech tagger or named-entity model; a capitalised
run of words is a name, classed as an organisation by its head noun and as a
person otherwise. Gender comes only from titles, gendered words and the given names
in ``data/lexicons/first_names.yaml``: a person of unknown gender can be "he" or
"she". A second reference ("the Vermont senator") is linked only to a person introduced with its
place ("Vermont Sen. Bernie Sanders"); otherwise, and for other descriptions ("the billionaire"),
it is not linked to the name it stands for. Cataphora is resolved only from an opening phrase ("To win, he ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from helpers import config
from helpers.text import normalise, read_yaml

WEEKDAYS_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split())
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})  # "James B. Comey Jr."
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
                         "some", "many", "several", "one", "two", "three", "other", "another", "both", "most"})
_WORD_RE = re.compile(r"[\w][\w'.-]*")


@dataclass(frozen=True)
class MentionWords:
    """The word lists of ``data/lexicons/mentions.yaml``."""

    titles: frozenset
    org_heads: frozenset
    person_nouns: frozenset
    evidence_nouns: frozenset
    document_nouns: frozenset
    female_words: frozenset
    male_words: frozenset
    person_pronouns: frozenset
    group_pronouns: frozenset
    thing_pronouns: frozenset
    self_pronouns: frozenset
    relative_pronouns: frozenset
    epithet_heads: frozenset = frozenset()
    epithet_modifiers: frozenset = frozenset()  # "presidential" in "the Republican presidential nominee"
    unique_heads: frozenset = frozenset()  # "the president": one office, not a second reference
    other_modifiers: frozenset = frozenset()  # "the other man": someone else
    work_nouns: frozenset = frozenset()  # also in document_nouns; their speaker is the work, not its author
    collective_nouns: frozenset = frozenset()  # also in org_heads; a group ("they"), not an organisation

    @property
    def pronouns(self) -> frozenset:
        """Every pronoun that can stand as a speaker."""
        return (self.person_pronouns | self.group_pronouns | self.thing_pronouns | self.self_pronouns
                | self.relative_pronouns)


@lru_cache(maxsize=4)
def mention_words(path: str | None = None) -> MentionWords:
    """Read the mention word lists.

    Args:
        path: another YAML file with the same keys.

    Returns:
        A :class:`MentionWords`, every word lower case.

    Raises:
        ValueError: naming the file, when a key is missing.
    """
    source = path or str(config.LEXICON_DIR / "mentions.yaml")
    data = read_yaml(source) or {}
    try:
        pron = data["pronouns"]
        sets = {k: frozenset(str(w).lower() for w in data[k])
                for k in ("titles", "org_heads", "person_nouns", "evidence_nouns", "document_nouns", "female_words",
                          "male_words")}
        sets["epithet_heads"] = frozenset(str(w).lower() for w in data.get("epithet_heads") or ())
        sets["epithet_modifiers"] = frozenset(str(w).lower() for w in data.get("epithet_modifiers") or ())
        sets["unique_heads"] = frozenset(str(w).lower() for w in data.get("unique_heads") or ())
        sets["other_modifiers"] = frozenset(str(w).lower() for w in data.get("other_modifiers") or ())
        sets["work_nouns"] = frozenset(str(w).lower() for w in data.get("work_nouns") or ())
        sets["document_nouns"] = sets["document_nouns"] | sets["work_nouns"]
        sets["collective_nouns"] = frozenset(str(w).lower() for w in data.get("collective_nouns") or ())
        sets["org_heads"] = sets["org_heads"] | sets["collective_nouns"]
        sets["person_nouns"] = sets["person_nouns"] | frozenset(map(plural, sets["person_nouns"])) | frozenset(
            plural(w) for w in sets["org_heads"] if not w.endswith("s"))  # "the unions", "groups": they
        return MentionWords(**sets, **{f"{k}_pronouns": frozenset(pron[k]) for k in
                                       ("person", "group", "thing", "self", "relative")})
    except (KeyError, TypeError) as exc:
        raise ValueError(f"{source}: mention word lists lack {exc}") from None


def plural(noun: str) -> str:
    """The regular plural of a noun for people; a word that already ends in "s" or "men" stays as it is.

    >>> [plural(w) for w in ("senator", "secretary", "attorney", "witness", "women", "chairman")]
    ['senators', 'secretaries', 'attorneys', 'witness', 'women', 'chairmen']
    """
    if noun.endswith(("s", "men", "people")):
        return noun
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in set("aeiou"):
        return noun[:-1] + "ies"
    return noun + "s"


@lru_cache(maxsize=65536)
def name_words(mention: str) -> tuple[str, ...]:
    """The words of a name without titles, determiners, parentheses or a possessive ending.

    >>> name_words("Sen. Chris Murphy (D-Conn.)")
    ('Chris', 'Murphy')
    >>> name_words("retired Army Gen. Ann Lee")
    ('Ann', 'Lee')
    >>> name_words("Tennis great Ann Lee"), name_words("Ludwig van Beethoven")
    (('Ann', 'Lee'), ('Ludwig', 'van', 'Beethoven'))
    >>> name_words("a spokesman for Sen. Ann Lee"), name_words("one pastor supporting Ann Lee")
    ((), ())
    """
    words = mention_words()
    text = re.sub(r"\([^)]*\)?", " ", normalise(mention))
    out = [w if len(w) == 2 and w.endswith(".") else w.rstrip(".").removesuffix("'s")  # "J." stays an initial
           for w in _WORD_RE.findall(text)]
    out = [w for w in out if w]
    if _name_in_description(out):
        return ()
    described = max((k for k, w in enumerate(out[:-1]) if w.islower() and len(w) > 3), default=-1)
    out = out[described + 1:]  # a description before the name ("Tennis great"); not a particle ("van")
    while out and (out[0].lower().rstrip(".") in words.titles or out[0].lower() in DETERMINERS
                   or not out[0][0].isupper()):
        out.pop(0)
    while out and out[-1].lower() in NAME_SUFFIXES:
        out.pop()
    low = [w.lower().rstrip(".") for w in out]
    last_title = max((k for k, w in enumerate(low[:-1]) if w in words.titles), default=-1)
    if last_title >= 0 and out[last_title + 1][:1].isupper() and (  # not "Labour MP for Birkenhead"
            low[last_title + 1] in given_names() or len(out) - last_title > 2):
        out = out[last_title + 1:]  # "Army Gen. Ann Lee", "Virginia Gov. Terry McAuliffe" -> "Terry McAuliffe"
    return tuple(out)


_DESCRIPTION_LINKS = frozenset({"of", "for", "with", "to", "at", "from", "by", "about", "against", "behind", "under"})


def _name_in_description(words: list[str]) -> bool:
    """Whether the name comes after a description's head and a link: "a spokesman for [Ann Lee]", "the wife of
    [Bob Ray]", "one pastor supporting [Ann Lee]"; not "Secretary of State John Kerry", "secretary of state Ann Lee"
    or "leading Democrat Ann Lee".
    """
    person_nouns = mention_words().person_nouns
    for k, w in enumerate(words[:-1]):
        if not w.islower():
            continue
        head = words[k - 1] if k > 0 else ""
        after = next((x for x in words[k + 1:] if x.lower() not in DETERMINERS), "")
        head_noun = head.islower() or (k == 1 and head.lower() in person_nouns)  # "Supporters of"
        opens = all(not x[:1].isupper() or x.lower() in DETERMINERS for x in words[:k - 1])  # not "Ann Lee, director of"
        if (w in _DESCRIPTION_LINKS or w.endswith("ing")) and head_noun and len(head) > 3 and after[:1].isupper() \
                and opens:
            return True  # a lower-case head noun, the link, a name: not "secretary of state Hillary Clinton"
    return False


@lru_cache(maxsize=65536)
def is_fragment(name: str) -> bool:
    """Whether ``name`` is no speaker at all: empty, a pronoun, a title, one letter, a weekday or month, or words
    cut off after a determiner or a preposition ("a member of the", "made a").

    >>> [is_fragment(x) for x in ("he", "Mr", "U", "Thursday", "Ann Lee", "a member of the", "Friends of Ed", "Al From")]
    [True, True, True, True, False, True, False, False]
    """
    words = mention_words()
    low = name.lower().strip(" .,'\"")
    return (not low or low in words.pronouns or low in words.titles or len(low) == 1 or low in WEEKDAYS_MONTHS
            or low in DETERMINERS or name.strip(" .,'\"").rsplit(" ", 1)[-1] in _DANGLING)  # not "Al From"


_DANGLING = frozenset({"a", "an", "the", "of", "to", "and", "or", "for", "with", "by", "in", "on", "at", "from"})


_WEB_SITE_RE = re.compile(r"\w\.(?:com|org|net|gov)\b", re.I)
_POSSESSED_RE = re.compile(r"\w['’]s? \w")  # "Mr Lee's lawyer", "the Smiths' lawyer": somebody's someone


def _possessed(mention: str) -> bool:
    """Whether a mention names somebody's someone, with no name of its own after the possessive.

    >>> [_possessed(x) for x in ("Mr Lee's lawyer", "the Smiths' lawyer", "Murphy's spokeswoman Ann Lee",
    ...                          "There's still time for Cruz", "Ann Lee")]
    [True, True, False, False, False]
    """
    found = None
    for found in _POSSESSED_RE.finditer(mention):
        pass
    return found is not None and not any(w[:1].isupper() for w in mention[found.end() - 1:].split())


_JOINED_NAMES_RE = re.compile(r"[A-Z][\w'.-]* (?:and|&) (?:[A-Z][\w'.-]*\.? )*[A-Z][\w'-]*$")


_HEAD_PREPOSITIONS = frozenset({"in", "at", "from", "of", "with"})


@lru_cache(maxsize=65536)
def kind_of(mention: str) -> str:
    """What a mention names: ``pronoun``, ``person``, ``organisation``, ``group`` or ``description``.

    A capitalised name is an organisation when a word of it is an organisation head noun
    ("Fox News", "the Clinton campaign"), a group when it is a capitalised plural
    ("Democrats", "the Clintons") or two names joined by "and", and a person otherwise. Lower-case descriptions are groups when
    their head is a plural person noun ("officials", or an organisation head in the plural: "the unions"), people when
    singular ("a spokesman", "a federal judge"), unless an organisation head comes before "of" ("a coalition of groups").

    >>> [kind_of(x) for x in ("she", "Donald Trump", "the Clinton campaign", "officials", "a spokeswoman",
    ...                       "Ann Lee and Bob Ray", "the Clintons")]
    ['pronoun', 'person', 'organisation', 'group', 'person', 'group', 'group']
    """
    words = mention_words()
    tokens = [w.lower().rstrip(".").removesuffix("'s") for w in _WORD_RE.findall(normalise(mention))]
    if not tokens:
        return "description"
    if len(tokens) == 1 and tokens[0] in words.pronouns:
        return "pronoun"
    head = tokens[-1]
    if head in words.evidence_nouns or head in words.document_nouns:
        return "description"  # "Polls", "the statement": not someone a pronoun refers to
    if _WEB_SITE_RE.search(mention):
        return "organisation"  # a web site: "Outsports.com"
    org_of = any(t in words.org_heads and nxt in {"of", "on", "for"} for t, nxt in zip(tokens, tokens[1:]))
    head = next((t for t, nxt, after in zip(tokens, tokens[1:], tokens[2:] + [""]) if t in words.person_nouns and (
        nxt in _HEAD_PREPOSITIONS or after == "to")), head)  # "officials in Ohio", "aides loyal to Lee": not a name
    if head in words.person_nouns and head not in words.org_heads and not org_of:  # "a federal judge"
        return "group" if head.endswith(("s", "people", "men")) and head not in {"boss"} else "person"
    if head in words.collective_nouns:
        return "group"  # "the Smith family", "the crowd"
    if org_of or any(t in words.org_heads for t in tokens[-3:]):
        return "organisation"  # "Fox News"; "the Commission on Presidential Debates", "a coalition of 40 groups"
    if _JOINED_NAMES_RE.search(normalise(mention)):
        return "group"  # "Ann Lee and Bob Ray": "they"
    names = name_words(mention)
    if len(names) == 1 and tokens[0] == "the" and names[0].endswith("s") and not names[0].endswith("ss"):
        return "group"  # a family or a team: "the Clintons", "the Ebelings"
    if names:
        return "group" if len(names) == 1 and names[0].endswith(("ans", "ats", "ists", "ives")) else "person"
    return "description"


@lru_cache(maxsize=65536)
def is_epithet(mention: str) -> bool:
    """Whether a mention is a second reference: "the", capitalised places or parties, then a role noun of
    ``epithet_heads`` (singular). Such a mention names someone already named; it is not a new person.

    >>> [is_epithet(x) for x in ("the Vermont senator", "the Wisconsin Republican", "the former Texas governor",
    ...                          "the Labour leadership candidate", "the senator", "the Florida senators",
    ...                          "the Wisconsin Republican Party", "the Green party candidate")]
    [True, True, True, False, False, False, False, False]
    >>> is_epithet("The Republican presidential nominee")  # a modifier of ``epithet_modifiers``
    True
    """
    words = mention_words()
    tokens = normalise(mention).split()
    if len(tokens) < 3 or tokens[0].lower() != "the" or tokens[-1].lower() not in words.epithet_heads:
        return False
    middle = tokens[1:-1]
    return any(t[:1].isupper() for t in middle) and all(
        t[:1].isupper() or t.lower() in words.titles or t.lower() in words.epithet_modifiers for t in middle)


@lru_cache(maxsize=65536)
def is_role_reference(mention: str) -> bool:
    """Whether a mention is "the", at most three lower-case words and a singular person or organisation noun
    ("the 34-year-old striker", "The company", "the marine biologist"): a second reference to the person or
    organisation just named, unless the noun names one office or anyone (``unique_heads``: "the president",
    "the man") or a modifier says it is someone else (``other_modifiers``: "the other man").

    >>> [is_role_reference(x) for x in ("the 34-year-old striker", "The company", "the president",
    ...                                 "the Welsh club", "the strikers", "a striker", "the company's chief")]
    [True, True, False, False, False, False, False]
    """
    words = mention_words()
    tokens = normalise(mention).split()
    if not 2 <= len(tokens) <= 5 or tokens[0].lower() != "the":
        return False
    head = tokens[-1].lower()
    return (head in words.person_nouns or head in words.org_heads) and not head.endswith("s") and (
        head not in words.unique_heads) and all(not t[:1].isupper() and "'" not in t and "\u2019" not in t
                                                and t.lower() not in words.other_modifiers for t in tokens[1:])


@lru_cache(maxsize=4)
def given_names(path: str | None = None) -> dict[str, str]:
    """Given names that mark gender (``data/lexicons/first_names.yaml``): ``{name: "f" or "m"}``."""
    source = path or str(config.LEXICON_DIR / "first_names.yaml")
    data = read_yaml(source) or {}
    try:
        return {**{str(n).lower(): "m" for n in data["male"]}, **{str(n).lower(): "f" for n in data["female"]}}
    except (KeyError, TypeError):
        raise ValueError(f"{source}: needs lists 'female' and 'male'") from None


@lru_cache(maxsize=65536)
def gender_of(mention: str) -> str:
    """"f", "m" or "" from a title, a gendered noun or a given name.

    A gendered word inside a name after its first word is a surname ("Billie Jean King", "Carole King").

    >>> [gender_of(x) for x in ("Mrs. Clinton", "Sen. Bernie Sanders", "the spokeswoman", "Trump", "Billie Jean King")]
    ['f', 'm', 'f', '', '']
    >>> gender_of("Virginia Gov. Terry McAuliffe")
    ''
    """
    words = mention_words()
    names = name_words(mention)
    surnames = {w.lower() for w in names[1:]}
    tokens = [w.lower().rstrip(".") for w in _WORD_RE.findall(normalise(mention))]
    for token in (t for t in tokens if t not in surnames):
        if token in words.female_words:
            return "f"
        if token in words.male_words:
            return "m"
    known = given_names()
    last_title = max((k for k, w in enumerate(names[:-1]) if w.lower() in words.titles), default=-1)
    # the first given name after any title, followed by another name word: "Wells Fargo CEO John Stumpf" -> John;
    # "Virginia Gov. Terry McAuliffe": "Virginia" is a state here, not a given name
    return next((known[w.lower()] for w in names[last_title + 1:-1] if w.lower() in known), "")


@lru_cache(maxsize=65536)
def person_evidence(mention: str) -> bool:
    """Whether a capitalised name is surely a person: a title, a gendered word or a known given name
    ("Sen. Ann Lee", "Donald Trump"); "West Virginia" or "Cold War" is not."""
    tokens = [w.lower().rstrip(".") for w in _WORD_RE.findall(normalise(mention))]
    words = mention_words()
    return bool(gender_of(mention)) or any(t in words.titles for t in tokens[:-1])


@dataclass(slots=True)
class _Entry:
    pos: int
    name: str
    kind: str  # person, organisation, group, place, speaker (a description that spoke), speakers (plural)
    salient: bool = False  # a speaker, or the subject of its sentence


_PRONOUN_KINDS = {"person": {"person", "speaker"}, "group": {"group", "organisation", "speakers"},
                  "thing": {"organisation", "place", "speaker", "document"}}


@dataclass
class ArticleMentions:
    """The mentions of one article, in text order: merges one person's names and resolves pronouns.

    Mentions are added as the article is read, so resolving a pronoun looks back
    over a bounded window and costs the same at any point of a long article.

    >>> m = ArticleMentions()
    >>> m.add("Sen. Tim Kaine", 0, salient=True)
    'Tim Kaine'
    >>> m.add("Mr. Kaine", 40)
    'Tim Kaine'
    >>> m.resolve("he", 80)
    'Tim Kaine'
    """

    entries: list[_Entry] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)  # last or first name -> latest full name
    genders: dict[str, str] = field(default_factory=dict)  # name -> "f" / "m", from titles, names and pronouns
    window: int = 60
    introduced: dict[str, str] = field(default_factory=dict)  # "vermont" -> "Bernie Sanders", from introductions
    since: int = 0  # where the sentence before the one being read starts (set by the reader; see latest_subject)
    here: int = 0  # where the sentence being read starts (set by the reader; role references, possessors)

    def canonical(self, mention: str) -> str:
        """The fullest name this article gives the person ``mention`` names (the mention's name words otherwise)."""
        names = name_words(mention)
        if not names:
            return ""
        if len(names) == 1:
            return self.full_names.get(names[0].lower(), names[0])
        return " ".join(names)

    def add(self, mention: str, pos: int, kind: str | None = None, *, salient: bool = False,
            speaker: bool = False, person: bool = False, refers: bool = True) -> str:
        """Record a mention at ``pos`` and return the name it resolves to ("" for a pronoun).

        ``salient`` marks a speaker or a sentence's subject, which pronouns prefer; ``speaker`` a
        speaker; ``person`` a name the text shows is a person's (an age after it: "Yasmeen Wilkerson, 18,");
        ``refers`` lets a role description name the subject just named ("The striker said", see
        :func:`is_role_reference`; not a possessor: "The mayor's statement").
        A capitalised name that is not a speaker counts as a person only with a title, a gendered word, a
        known given name or ``person``; otherwise it is a place ("it"), not a "he" or "she" ("New Hampshire
        voted ..." makes no "she").
        """
        kind = kind or kind_of(mention)
        if kind == "person" and _acronym(mention) and mention.strip().lower() not in self.full_names:
            kind = "organisation"  # "the CFPB", "ISIS"; not "LEE:" after "Ann Lee"
        if kind == "pronoun":
            return ""
        if kind == "description":
            return self._add_description(mention, pos, salient)
        if kind == "person" and mention[:4] in {"the ", "The "} and is_epithet(mention):
            earlier = self.second_reference(mention, pos, salient=salient)
            if earlier:
                return earlier  # "the Vermont senator" after "Vermont Sen. Bernie Sanders"
        if refers and kind in {"person", "organisation"} and is_role_reference(mention):
            earlier = self.latest_subject(min(pos, self.here - 1), gender=gender_of(mention.split()[-1]), kind=kind)
            if name_words(earlier):  # a name of the sentence before: "Lee said ..., and the mayor said" are two
                self._append(_Entry(pos, earlier, kind, salient))
                return earlier  # "The company said" after "Tesco cut prices"; "the striker" after "Tom Hale"
        if kind == "person":
            possessed = bool(_POSSESSED_RE.search(mention))  # "Mr Lee's lawyer", "Fox News' Sean Hannity"
            someones = _possessed(mention)  # "Mr Lee's lawyer": named as written, not "Lee lawyer"
            name = (not someones and self.canonical(mention)) or _description(normalise(mention))  # "the president"
            gender = gender_of(mention.split()[-1] if someones else mention)  # "Hillary Clinton's husband": "m"
            if name[:1].isupper() and not possessed:  # "Mr Lee's lawyer" names no Lee
                self._remember_person(name, gender)
                if mention != name and " " in name and normalise(mention).endswith(name):
                    self._remember_introduction(mention, name)
            elif gender:
                self.genders.setdefault(name, gender)  # "her husband" is no "she"
            if not (speaker or person or person_evidence(mention) or name in self.genders
                    or name.lower() in self.full_names):
                kind = "place"
        else:
            name = _description(normalise(mention))
            prefix = _LOWER_PREFIX_RE.match(name)
            if prefix and not _HEAD_PREPOSITIONS & set(prefix.group(0).lower().split()):
                name = name[prefix.end():]  # "the country's Ministry of X"; but "the organisers of the Royal Show"
        if name:
            self._append(_Entry(pos, name, kind, salient))
        return name

    def _append(self, entry: _Entry) -> None:
        """Record a mention; one that names the same as the mention just before joins it, and keeps its
        salience ("Ryan told CNN ... a reversal for the Wisconsin Republican": still the subject named last)."""
        last = self.entries[-1] if self.entries else None
        if last is not None and last.name == entry.name and last.kind == entry.kind:
            last.pos, last.salient = max(last.pos, entry.pos), last.salient or entry.salient
        else:
            self.entries.append(entry)

    def _remember_person(self, name: str, gender: str) -> None:
        parts = name.split()
        if len(parts) >= 2:
            earlier = self.full_names.get(parts[-1].lower(), "")
            if not (_given(earlier) and not _given(name)):  # "See Sexton" does not replace "Jared Sexton"
                self.full_names[parts[-1].lower()] = name
            self.full_names.setdefault(parts[0].lower(), name)
        if gender:
            self.genders.setdefault(name, gender)

    def _add_description(self, mention: str, pos: int, salient: bool = True) -> str:
        """A description that speaks ("the county clerk said") can be what a pronoun refers to."""
        words = mention_words()
        name = _description(mention)
        low = name.lower().split()
        head = next((w for w, nxt in zip(low, low[1:]) if nxt in _DESCRIPTION_LINKS), name.lower())  # "supporters of"
        if name and mention.lower().split()[-1] not in words.evidence_nouns | words.document_nouns:
            self._append(_Entry(pos, name, "speakers" if head.endswith("s") else "speaker", salient))
        elif name and not head.endswith("s"):
            self._append(_Entry(pos, name, "document", salient))  # "The report says ... It also finds": an "it"
        return name

    def second_reference(self, mention: str, pos: int, *, salient: bool = False) -> str:
        """The person a second reference ("the Vermont senator") means: the latest person the article
        introduced with one of its capitalised words ("Vermont Sen. Bernie Sanders"); else the person just
        named, when that person was the subject or a speaker (:meth:`latest_subject`). Records the mention
        and returns the name; "" when neither says who is meant.

        Limits: the place or party is not checked against the person just named ("Clinton spoke. The
        Vermont senator replied" gives Clinton when nothing introduced Sanders with "Vermont").

        >>> m = ArticleMentions()
        >>> m.add("Vermont Sen. Bernie Sanders", 0), m.add("Hillary Clinton", 40)
        ('Bernie Sanders', 'Hillary Clinton')
        >>> m.second_reference("the Vermont senator", 80), m.second_reference("the Ohio governor", 99)
        ('Bernie Sanders', '')
        >>> m.add("Ann Lee", 120, salient=True), m.second_reference("the Ohio governor", 180)
        ('Ann Lee', 'Ann Lee')
        """
        words = [w.lower().rstrip(".") for w in normalise(mention).split()[1:-1] if w[:1].isupper()]
        name = next((self.introduced[w] for w in reversed(words) if w in self.introduced), "")
        name = name or self.latest_subject(pos, gender=gender_of(mention.split()[-1]))  # "businessman"
        if name:
            self._append(_Entry(pos, name, "person", salient))
        return name

    def latest_subject(self, pos: int, *, gender: str = "", kind: str = "person") -> str:
        """The first person (or other ``kind`` of mention) this sentence or the one before (from ``since``) names
        as a subject or a speaker, when the one named last before ``pos`` was one too, and of no other ``gender``;
        "" otherwise (a
        person named last as an object: "Clinton attacked Trump. The Republican nominee ...").

        Limits: news names the topic first ("Ryan said Trump's remarks rattled allies. The Wisconsin
        Republican ..." gives Ryan); a second reference to the other person is read wrong.

        >>> m = ArticleMentions()
        >>> m.add("Ann Lee", 0, salient=True), m.add("Bob Ray", 30), m.latest_subject(60)
        ('Ann Lee', 'Bob Ray', '')
        >>> m.since = 400
        >>> m.add("Ann Lee", 500, salient=True), m.latest_subject(530), m.latest_subject(530, gender="m")
        ('Ann Lee', 'Ann Lee', '')
        >>> m.add("Tom Hale", 560, salient=True), m.latest_subject(600)
        ('Tom Hale', 'Ann Lee')
        """
        near = [e for e in self.entries[-self.window:] if self.since <= e.pos <= pos and e.kind == kind]
        if not near or not near[-1].salient:
            return ""
        name = next(e.name for e in near if e.salient)
        return "" if gender and self.genders.get(name, gender) != gender else name

    def _remember_introduction(self, mention: str, name: str) -> None:
        """Note the places written before a person's name ("Vermont" in "Vermont Sen. Bernie Sanders"); a
        party is no evidence ("Republican" introduces many people)."""
        titles = mention_words().titles
        for word in normalise(mention).split()[:-len(name.split())]:
            low = word.lower().rstrip(".")
            if word[:1].isupper() and len(low) > 3 and low not in titles:  # a place; not "Sen." or "Republican"
                self.introduced[low] = name

    def resolve(self, pronoun: str, pos: int) -> str:
        """The most recent compatible mention before ``pos``: people of a compatible gender for he/she,
        organisations and groups for they, organisations and places for it; a speaker or subject among
        the three nearest candidates is preferred. "" when there is none (or for I, we, you). The pronoun
        is recorded as a mention of the name it resolves to, so that a chain of "he said" keeps him in reach."""
        words = mention_words()
        low = pronoun.lower().replace("\u2019", "'").removesuffix("'s")  # "who's called for"
        group = next((g for g, members in (("person", words.person_pronouns), ("group", words.group_pronouns),
                                           ("thing", words.thing_pronouns)) if low in members), None)
        if group is None:
            return ""
        avoid = other_gender(low)
        candidates = [e for e in reversed(self.entries[-self.window:]) if e.pos < pos
                      and e.kind in _PRONOUN_KINDS[group] and (not avoid or self.genders.get(e.name) != avoid)]
        if not candidates:
            return ""
        chosen = next((e for e in candidates[:3] if e.salient), candidates[0])
        if avoid and chosen.kind == "person":
            self.genders.setdefault(chosen.name, "m" if avoid == "f" else "f")
        self._append(_Entry(pos, chosen.name, chosen.kind, chosen.salient))  # "he said" names him again
        return chosen.name


def other_gender(pronoun: str) -> str:
    """The gender a person pronoun rules out: "f" for he, him, his; "m" for she, her; "" otherwise.

    >>> [other_gender(x) for x in ("he", "His", "her", "they")]
    ['f', 'f', 'm', '']
    """
    low = pronoun.lower()
    return "f" if low in {"he", "him", "his"} else "m" if low in {"she", "her"} else ""


def _given(name: str) -> bool:
    """Whether a full name opens with a known given name (``data/lexicons/first_names.yaml``).

    >>> [_given(x) for x in ("Jared Sexton", "See Sexton", "")]
    [True, False, False]
    """
    return bool(name) and name.split()[0].lower() in given_names()


def _acronym(mention: str) -> bool:
    """Whether the mention's one name word is in capitals ("the CFPB", "ISIS", "LEE").

    >>> [_acronym(x) for x in ("the CFPB", "ISIS", "Ann Lee", "U")]
    [True, True, False, False]
    """
    names = name_words(mention)
    return len(names) == 1 and len(names[0]) > 1 and names[0].isalpha() and names[0].isupper()


_LOWER_PREFIX_RE = re.compile(r"^(?:[a-z][\w'-]*\s+)+(?=[A-Z])")  # lower-case words before a name


def _description(mention: str) -> str:
    """A description as a speaker name, as written ("the president", "White House officials"): a title
    alone ("president") would read as a fragment."""
    return " ".join(normalise(mention).split())
