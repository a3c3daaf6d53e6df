"""Spanish text as the readability formulas count it: syllables by rule, numbers as words.

Spanish spelling says how a word is split into syllables, so rules count them without a
dictionary. Hyphenation points (pyphen, textstat's Spanish mode) are not syllables: they never
split a vowel pair such as "ea" in "náuseas", and scored the guide's pages 5 to 12 points too
easy. A number counts as the words a reader says for it: "67" is "sesenta y siete", three words
and six syllables, as it is for a reader.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["spell_number", "spoken", "syllable_count"]

# A stressed í or ú never joins its neighbour (pa-ís, re-ú-ne): it counts as a strong vowel.
_STRONG = frozenset("aeoáéóíú")
_WEAK = frozenset("iuüï")
_STRESSED_WEAK = frozenset("íú")


def _sounded_vowels(word: str) -> list[str]:
    """The word's letters with silent letters dropped and every consonant as "c".

    The u of que/qui and of gue/gui is silent (ü is not: pin-güi-no); y is a vowel at the end
    of a word (muy, hoy) or on its own (the word "y"), and a consonant elsewhere (ma-yo).
    """
    letters = []
    for i, ch in enumerate(word):
        after = word[i + 1 : i + 2]
        before = word[i - 1 : i] if i else ""
        if ch == "u" and (before == "q" or (before == "g" and after in ("e", "i", "é", "í"))):
            continue
        if ch == "y":
            letters.append("i" if i == len(word) - 1 else "c")
            continue
        letters.append(ch if ch in _STRONG or ch in _WEAK else "c")
    return letters


def _joins(previous: str, vowel: str) -> bool:
    """Whether two vowels side by side share a syllable (a diphthong, or part of a triphthong:
    U-ru-guay). Two strong vowels never do (le-er, ca-os), nor a stressed í or ú (dí-a)."""
    if previous in _STRESSED_WEAK or vowel in _STRESSED_WEAK:
        return False
    if previous in _WEAK and vowel in _WEAK:
        return previous != vowel  # ui, iu: one syllable; a doubled vowel is two (chi-i-ta)
    return previous in _WEAK or vowel in _WEAK


@lru_cache(maxsize=8192)  # a guide uses a few thousand different words, most of them often
def syllable_count(word: str) -> int:
    """Syllables in one Spanish word, by the spelling rules: one per vowel nucleus.

    A word joined by hyphens is its parts. A word with no vowel (an acronym such as PTSD) is one
    syllable; other acronyms are counted as written (TEPT: one).
    """
    parts = [p for p in re.split(r"[-–'’]", word) if p]
    if len(parts) > 1:
        return sum(syllable_count(p) for p in parts)
    count = 0
    previous = ""
    for ch in _sounded_vowels(unicodedata.normalize("NFC", word.lower())):
        if ch == "c":
            previous = ""  # h counts here too: a-ho-ra, pro-hí-be
            continue
        if not previous or not _joins(previous, ch):
            count += 1
        previous = ch
    return max(1, count)


# --- numbers as a reader says them --------------------------------------------------------------

# fmt: off
_UNITS = (
    "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
    "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
    "diecinueve", "veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro",
    "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve",
)
_TENS = ("treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa")
_HUNDREDS = (
    "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos",
    "setecientos", "ochocientos", "novecientos",
)
# fmt: on


def spell_number(n: int) -> str:
    """A whole number in Spanish words: 67 -> "sesenta y siete", 1078 -> "mil setenta y ocho"."""
    if n < 30:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens - 3] + (f" y {_UNITS[unit]}" if unit else "")
    if n == 100:
        return "cien"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _HUNDREDS[hundreds - 1] + (f" {spell_number(rest)}" if rest else "")
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        head = "mil" if thousands == 1 else f"{spell_number(thousands)} mil"
        return head + (f" {spell_number(rest)}" if rest else "")
    millions, rest = divmod(n, 1_000_000)
    head = "un millón" if millions == 1 else f"{spell_number(millions)} millones"
    return head + (f" {spell_number(rest)}" if rest else "")


# $5,600, 1.078, 27.5, 0,05, 30 % and 67: a group of exactly three digits after a separator is
# thousands (the guide writes 1,078 as US Spanish does); any other is a decimal part.
_NUMBER = re.compile(r"(\$\s?)?\b(\d{1,3}(?:[.,]\d{3})+(?!\d)|\d+)(?:[.,](\d+))?(\s?%)?")
_ABBREVIATIONS = {"EE. UU.": "Estados Unidos", "p. ej.": "por ejemplo", "etc.": "etcétera"}


def _number_words(m: re.Match[str]) -> str:
    dollars, whole, decimals, percent = m.groups()
    words = spell_number(int(re.sub(r"[.,]", "", whole)))
    if decimals:
        zeros = len(decimals) - len(decimals.lstrip("0"))
        rest = decimals.lstrip("0")
        words += " coma" + " cero" * zeros + (f" {spell_number(int(rest))}" if rest else "")
    if percent:
        words += " por ciento"
    if dollars:
        words += " dólares"
    return words


def spoken(text: str) -> str:
    """The text as it is read aloud: numbers and a few abbreviations written out in words, so
    their full stops and commas do not end sentences and their words are counted."""
    for abbreviation, words in _ABBREVIATIONS.items():
        text = text.replace(abbreviation, words)
    return _NUMBER.sub(_number_words, text)
