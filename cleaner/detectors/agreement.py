"""GR030-GR033: agreement and article slips that need to know a word's part of speech.

A regular expression finds the few candidates; the sentence around each is then
tagged (``cleaner.pos``) and a candidate is reported only when the tags confirm
the reading the rule is about. Without the optional tagger these checks report
nothing: a word list alone cannot tell "the results show" from "the study
results in", or "a research group" from "a research on".

- GR030: a plural subject with a singular verb: "the results of the study shows",
  "these methods is".
- GR031: "this" before a plural noun ("this methods are"), "these"/"those" before
  a singular one ("these method are").
- GR032: "he/she/it" with a plural or base verb: "he have", "it are".
- GR033: an indefinite article before an uncountable noun that ends its noun
  phrase: "an information about", "a research on" (not "a research group").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleaner import pos
from cleaner.casing import match_case
from cleaner.document import WORD_RE, Document
from cleaner.inflect import inflect
from cleaner.model import Applicability, Category, Finding, Severity

WINDOW = 300  # characters searched each way for the sentence around a candidate
MAX_WINDOWS = 1000  # tagged stretches per document: ordinary prose needs a few per 10k words; hostile input stops here
CONTEXT_WORDS = 3  # words tagged on each side of a candidate (the model reads two words and two tags back)
SENTENCE_END_RE = re.compile(r"[.!?;:](?=\s)|\n\s*\n")

# Every expression starts with a literal, which the regex engine finds fast; the few hits are then
# checked backwards and tagged. A closed list of common verbs keeps noun lists ("the models networks") out.
SINGULAR_VERBS = (
    "is|was|has|does|shows|suggests|indicates|demonstrates|reveals|provides|remains|seems|appears|requires|"
    "allows|leads|makes|yields|improves|increases|decreases|depends|exists|occurs|performs|outperforms|"
    "achieves|contains|includes|consists|represents|becomes|plays|helps|enables|gives|affects|needs|"
    "describes|explains|confirms|supports|produces|causes|tends|differs|varies|lies"
)
# Of those, the ones that are no plural noun: trusted even where the tagger, which leans to NOUN for a word
# in -s after a noun, says NOUN ("the proposed methods outperforms").
NEVER_NOUNS = frozenset(
    "is was has does suggests indicates demonstrates reveals provides seems appears requires allows outperforms "
    "performs achieves contains includes consists represents becomes enables describes explains confirms produces "
    "tends differs varies exists occurs depends improves".split()
)
DETERMINERS = r"[Tt]he|[Tt]hese|[Tt]hose|[Oo]ur|[Tt]heir|[Ss]uch|[Mm]any|[Ss]everal|[Bb]oth|[Aa]ll"
OF_DETERMINERS = r"the|this|that|a|an|its|their|our|each|every"
# A lower-case plural in -s (not -ss, -us, -is: "process", "focus", "analysis").
PLURAL = r"[a-z]{2,}[abcdefghjklmnopqrtvwxyz]s"
# "the methods is": the verb right after a plural; "the results of the study shows": after an of-phrase.
PLURAL_VERB_RE = re.compile(rf"s ({SINGULAR_VERBS})\b(?![-'’])")
OF_VERB_RE = re.compile(rf" of (?:{OF_DETERMINERS}) (?:[a-z]+ )?([a-z]+) ({SINGULAR_VERBS})\b(?![-'’])")
SUBJECT_RE = re.compile(rf"(?<![\w'’-])({DETERMINERS}) (?:([a-z]+) )?({PLURAL})$")
LOOKBACK = 100
PREVIOUS_WORD_RE = re.compile(r"([A-Za-z]+)\W*$")
# Words before a noun phrase that make it no subject, known without tagging: prepositions, "and"/"or".
NOT_BEFORE_SUBJECT = frozenset(
    "of in from for to on at over between into by via against with within without among amongst across through "
    "throughout under above below about after before during upon toward towards around beyond behind near like "
    "than as per despite versus along beside besides inside outside onto including regarding concerning and or "
    "nor".split()
)
THIS_PLURAL_RE = re.compile(r"his ([a-z]{2,}[abcdefghjklmnopqrtvwxyz]s) (are|were|have|is|was|has)\b(?![-'’])")
THESE_SINGULAR_RES = tuple(
    re.compile(rf"{stem} ([a-z]{{3,}}[bcdfghjklmnpqrtvwxyz]) (are|were|have)\b(?![-'’])") for stem in ("hese", "hose")
)
PRONOUN_VERB_RES = tuple(re.compile(rf"{word} (have|are|do)\b(?![-'’])") for word in ("he", "He", "it", "It"))
PRONOUNS = frozenset({"he", "she", "it"})
UNCOUNTABLE = (
    "information|research|evidence|feedback|equipment|furniture|luggage|baggage|homework|software|hardware|progress"
)
ARTICLE_UNCOUNTABLE_RES = tuple(
    re.compile(rf"{article} ({UNCOUNTABLE})\b(?![-'’])") for article in ("a", "an", "A", "An")
)

# Nouns in -s that are singular or take either number, and plurals of amounts ("two years of work is").
NOT_PLURAL = frozenset(
    "news means series species headquarters whereabouts odds lens canvas atlas alias bias pancreas chassis "
    "corps crossroads innings barracks gallows mumps measles diabetes rabies herpes tennis billiards "
    "years months weeks days hours minutes seconds decades centuries dollars pounds euros cents percent "
    "miles metres meters kilometres kilometers grams kilograms tons tonnes litres liters lots loads plenty "
    "tens dozens hundreds thousands millions billions trillions units points".split()
)
# Words in -s after a plural noun that are no verb of its clause.
NOT_VERB = frozenset("thus plus minus versus perhaps always sometimes whereas besides towards afterwards".split())
# Plurals without -s and nouns of either number: "these data are", "these staff were".
IRREGULAR_PLURAL = frozenset(
    "people children men women feet teeth mice geese lice dice oxen police staff personnel cattle fish sheep "
    "deer aircraft offspring swine moose salmon trout bison elk craft kind sort type".split()
)
PLURAL_VERB = {"is": "are", "was": "were", "has": "have", "does": "do"}
THIRD_PERSON = {"have": "has", "are": "is", "do": "does"}
NP_ENDS = frozenset({"ADP", "SCONJ", "DET", "PRON", "PART", "AUX|Fin", "VERB|Fin"})
FINITE = frozenset({"VERB|Fin", "AUX|Fin"})
CLAUSE_VERBS = frozenset(
    "believe believes believed think thinks thought show shows showed find finds found suggest suggests suggested "
    "argue argues argued know knows knew assume assumes assumed expect expects expected hope hopes hoped note notes "
    "noted observe observes observed demonstrate demonstrates demonstrated reveal reveals revealed indicate "
    "indicates indicated confirm confirms confirmed claim claims claimed report reports reported say says said feel "
    "feels felt conclude concludes concluded predict predicts predicted ensure ensures ensured".split()
)
CLAUSE_OPENERS = frozenset(
    "when where while whereas because since although though once unless until whenever wherever".split()
)
LIST_WORDS = frozenset("and or nor".split())  # "A, and the Bs is": a list, not an introductory phrase
CUT = (-1, "", "CUT")  # first entry of a tagged window that starts inside its sentence
CONDITIONAL = frozenset({"if", "though", "lest", "whether", "unless"})
ADJECTIVAL = frozenset({"ADJ", "VERB|Part", "VERB|Ger", "NUM", "NOUN"})


class AgreementDetector:
    name = "agreement"

    def check(self, doc: Document) -> list[Finding]:
        if not pos.installed():
            return []
        text = doc.text
        tags = _Tags(text)
        found = [
            *_plural_subjects(text, tags),
            *_this_these(text, tags),
            *_pronoun_verbs(text, tags),
            *_article_uncountable(text, tags),
        ]
        return sorted(found, key=lambda f: (f.start, f.end, f.rule_id))


def _free(text: str, start: int) -> bool:
    """Whether a match starting at ``start`` begins a word of its own."""
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_'’-")


class _Tags:
    """Tags of the words around a candidate, computed once per stretch of text; empty without a tagger."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[tuple[int, int], list[tuple[int, str, str]]] = {}

    @property
    def exhausted(self) -> bool:
        """Whether this document has had its MAX_WINDOWS tagged stretches; checks stop looking then."""
        return len(self.cache) >= MAX_WINDOWS

    def around(self, start: int, end: int) -> list[tuple[int, str, str]]:
        """(offset, word, tag) for the words of ``start``..``end`` and CONTEXT_WORDS each side, in one sentence."""
        if self.exhausted:
            return []
        text = self.text
        lo = max(0, start - WINDOW)
        begin = lo
        for m in SENTENCE_END_RE.finditer(text, lo, start):
            begin = m.end()
        stop_match = SENTENCE_END_RE.search(text, end, min(len(text), end + WINDOW))
        stop = stop_match.start() if stop_match else min(len(text), end + WINDOW)
        words = list(WORD_RE.finditer(text, begin, stop))
        first = next((k for k, w in enumerate(words) if w.end() > start), len(words))
        last = next((k for k, w in enumerate(words) if w.start() >= end), len(words))
        cut = first > CONTEXT_WORDS
        words = words[max(0, first - CONTEXT_WORDS) : last + CONTEXT_WORDS]
        span = (words[0].start(), words[-1].end()) if words else (start, end)
        found = self.cache.get(span)
        if found is None:
            tags = pos.tag([w.group() for w in words]) or []
            # A window that starts inside its sentence begins with a marker, so no check takes it for the start.
            found = [CUT] if cut and tags else []
            found += [(w.start(), w.group(), t) for w, t in zip(words, tags, strict=False)]
            self.cache[span] = found
        return found

    @staticmethod
    def index(tagged: list[tuple[int, str, str]], offset: int) -> int:
        return next((k for k, (at, _, _) in enumerate(tagged) if at == offset), -1)

    @staticmethod
    def tag_at(tagged: list[tuple[int, str, str]], offset: int) -> str:
        return next((t for at, _, t in tagged if at == offset), "")


def _singular_s(word: str) -> bool:
    return word in NOT_PLURAL or word.endswith("ics")


def _subject_is_free(text: str, tagged: list[tuple[int, str, str]], offset: int) -> bool:
    """Whether the noun phrase starting at ``offset`` can be a subject: at the start of its sentence, after an
    introductory phrase and a comma, a conjunction such as "when", or a verb that takes a clause; not the object
    of a preposition or a verb ("one of the methods is", "removing these steps is"), not the second of a pair
    ("X and the Ys is")."""
    k = _Tags.index(tagged, offset)
    if k < 0:
        return False
    while k > 0 and tagged[k - 1][2] == "ADV" and tagged[k - 1][1].lower() not in CLAUSE_OPENERS:
        k -= 1
    if k == 0:
        return True
    at, word, tag = tagged[k - 1]
    word = word.lower()
    if at >= 0 and any(mark in text[at + len(word) : tagged[k][0]] for mark in ",;:(") and word not in LIST_WORDS:
        return True
    # "we believe these results provides": a clause after a verb that takes one, without "that"
    # (not the object of any verb: "files which encapsulate such things is").
    return (
        tag in ("SCONJ", "PRON")
        or word in CLAUSE_OPENERS
        or word == "that"
        or (tag == "VERB|Fin" and word in CLAUSE_VERBS)
    )


def _opens_clause(word: str, tag: str) -> bool:
    lowered = word.lower()
    return (tag in ("SCONJ", "CCONJ") or lowered == "that") and lowered not in CONDITIONAL


def _may_be_subject(text: str, start: int) -> bool:
    """A word-list look at the word right before a noun phrase, to save tagging: "of the methods",
    "removing the steps" (a word across punctuation does not count)."""
    before = PREVIOUS_WORD_RE.search(text, max(0, start - 30), start)
    if before is None or not text[before.end(1) : start].isspace():
        return True
    word = before.group(1).lower()
    return not (word in NOT_BEFORE_SUBJECT or word.endswith("ing"))


def _plural_subjects(text: str, tags: _Tags) -> Iterator[Finding]:
    for v in PLURAL_VERB_RE.finditer(text):
        if tags.exhausted:
            return
        yield from _plural_subject(text, tags, v.start() + 1, v.start(1), None)
    for v in OF_VERB_RE.finditer(text):
        if tags.exhausted:
            return
        yield from _plural_subject(text, tags, v.start(), v.start(2), v.start(1))


def _plural_subject(
    text: str, tags: _Tags, subject_end: int, verb_start: int, of_noun: int | None
) -> Iterator[Finding]:
    m = SUBJECT_RE.search(text, max(0, subject_end - LOOKBACK), subject_end)
    if m is None:
        return
    modifier, noun = m.group(2), m.group(3)
    if _singular_s(noun) or (modifier and modifier in NOT_PLURAL) or not _may_be_subject(text, m.start()):
        return
    verb = WORD_RE.match(text, verb_start)
    if verb is None:
        return
    tagged = tags.around(m.start(), verb.end())
    confirmed = (
        tags.tag_at(tagged, m.start(3)) == "NOUN"
        and (tags.tag_at(tagged, verb_start) in FINITE or verb.group() in NEVER_NOUNS)
        and (not modifier or tags.tag_at(tagged, m.start(2)) in ADJECTIVAL)
        and (of_noun is None or tags.tag_at(tagged, of_noun) in ("NOUN", "PROPN"))
        and _subject_is_free(text, tagged, m.start())
    )
    if not confirmed:
        return
    fixed = _plural_verb(verb.group())
    subject = text[m.start() : verb_start].rstrip()
    message = f"'{subject}' is plural and takes '{fixed}', not '{verb.group()}'"
    yield _finding("GR030", "plural-subject-singular-verb", verb.span(), message, (fixed,), 0.7)


def _plural_verb(verb: str) -> str:
    if verb in PLURAL_VERB:
        return PLURAL_VERB[verb]
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return verb[:-2]
    return verb[:-1]


def _this_these(text: str, tags: _Tags) -> Iterator[Finding]:
    for m in THIS_PLURAL_RE.finditer(text):
        if tags.exhausted:
            return
        start = m.start() - 1
        noun = m.group(1)
        if start < 0 or text[start] not in "tT" or not _free(text, start) or _singular_s(noun):
            continue
        if tags.tag_at(tags.around(start, m.end()), m.start(1)) != "NOUN":
            continue
        this = text[start : start + 4]
        fixed = match_case(this, "these") + " " + noun
        message = f"'{this} {noun}': 'this' goes with a singular noun; use '{fixed}'"
        yield _finding("GR031", "determiner-number", (start, m.end(1)), message, (fixed,), 0.7)
    for regex in THESE_SINGULAR_RES:
        for m in regex.finditer(text):
            if tags.exhausted:
                return
            start = m.start() - 1
            noun = m.group(1)
            if start < 0 or text[start] not in "tT" or not _free(text, start):
                continue
            if noun in IRREGULAR_PLURAL or noun.endswith(("men", "ple", "ren", "ice")):
                continue
            if tags.tag_at(tags.around(start, m.end()), m.start(1)) != "NOUN":
                continue
            these = text[start : m.start(1) - 1]
            fixed = f"{these} {inflect(noun, 'plural')}"
            message = f"'{these} {noun}': '{these.lower()}' goes with a plural noun; use '{fixed}'"
            yield _finding("GR031", "determiner-number", (start, m.end(1)), message, (fixed,), 0.7)


def _pronoun_verbs(text: str, tags: _Tags) -> Iterator[Finding]:
    for regex in PRONOUN_VERB_RES:
        for m in regex.finditer(text):
            if tags.exhausted:
                return
            start = m.start() - 1 if m.start() and text[m.start() - 1] in "sS" else m.start()  # she
            pronoun = text[start : m.start(1) - 1]
            if pronoun.lower() not in PRONOUNS or not _free(text, start):
                continue
            tagged = tags.around(start, m.end())
            if tags.tag_at(tagged, m.start(1)) not in FINITE:
                continue
            # Only right after the start of a sentence, a conjunction or "that": not "leading to it have",
            # "could he have", "if it were", "Below it are" (inverted).
            k = tags.index(tagged, start)
            if k < 0 or (k > 0 and not _opens_clause(*tagged[k - 1][1:])):
                continue
            verb = m.group(1)
            fixed = THIRD_PERSON[verb]
            message = f"'{pronoun} {verb}': a third-person singular subject takes '{fixed}'"
            yield _finding("GR032", "third-person-verb", m.span(1), message, (fixed,), 0.7)


def _article_uncountable(text: str, tags: _Tags) -> Iterator[Finding]:
    for regex in ARTICLE_UNCOUNTABLE_RES:
        for m in regex.finditer(text):
            if tags.exhausted:
                return
            start, end = m.span()
            if not _free(text, start):
                continue
            tagged = tags.around(start, end)
            k = tags.index(tagged, m.start(1))
            if k < 0 or tagged[k][2] != "NOUN":
                continue
            # The noun must end its phrase: "a research on", not "a research group" or "a research and education plan".
            if k + 1 < len(tagged) and tagged[k + 1][2] not in NP_ENDS and not _phrase_ends(text, end):
                continue
            noun = m.group(1)
            article = text[start : m.start(1) - 1]
            fixed = match_case(article, noun) if article[0].isupper() else noun
            message = f"'{noun}' is uncountable and takes no '{article.lower()}': use '{fixed}' or 'some {noun}'"
            yield _finding("GR033", "article-uncountable", m.span(), message, (fixed,), 0.7)


def _phrase_ends(text: str, end: int) -> bool:
    return text[end : end + 1] in (".", ";", ":", "!", "?", ")")


def _finding(
    rule_id: str, name: str, span: tuple[int, int], message: str, suggestions: tuple[str, ...], confidence: float
) -> Finding:
    return Finding(
        rule_id=rule_id,
        rule_name=name,
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        start=span[0],
        end=span[1],
        message=message,
        suggestions=suggestions,
        applicability=Applicability.UNSAFE if suggestions else Applicability.DISPLAY_ONLY,
        confidence=confidence,
        detector="agreement",
    )
