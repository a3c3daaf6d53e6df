"""Reading level, offline: the Flesch-Kincaid grade with syllables the guide's words really have."""

from __future__ import annotations

from pathlib import Path

import pytest

from decisionaid.core import readability
from decisionaid.core.checker import check_content
from decisionaid.core.readability import FLESCH_KINCAID, formula_for, syllable_count

EASY = "The cat sat on the mat. It was a warm day. We went home."
MIDDLE = (
    "Some people felt better for a short time. Others did not. "
    "The studies were small, so we cannot be very sure of the results."
)


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("ketamine", 3),
        ("esketamine", 4),
        ("paroxetine", 4),
        ("venlafaxine", 4),
        ("benzodiazepines", 6),
        ("trauma-focused", 4),  # a hyphenated word is its parts
        ("Ketamine's", 3),  # a possessive adds nothing
        ("NMDA", 4),  # an acronym is read letter by letter
        ("SSRIs", 4),
        ("SURE", 1),  # unless it is a word
        ("the", 1),
    ],
)
def test_syllables_of_the_guides_words(word: str, syllables: int) -> None:
    assert syllable_count(word) == syllables


def test_words_the_dictionary_lacks_are_estimated() -> None:
    assert syllable_count("zorbleflax") >= 2


def test_easy_text_grades_low() -> None:
    assert FLESCH_KINCAID(EASY) < 3
    assert FLESCH_KINCAID("") == 0.0


def test_without_the_dictionary_the_grade_stays_close(monkeypatch: pytest.MonkeyPatch) -> None:
    # The app's bundle ships no CMU dictionary: its check-content estimates every word.
    with_dictionary = FLESCH_KINCAID(MIDDLE)
    monkeypatch.setattr(readability, "pronunciations", lambda: {})
    assert abs(FLESCH_KINCAID(MIDDLE) - with_dictionary) < 1.0
    assert "estimated" in FLESCH_KINCAID.syllable_source()


def test_a_language_is_scored_by_its_own_formula() -> None:
    assert formula_for("en") is FLESCH_KINCAID
    assert formula_for("en_GB") is FLESCH_KINCAID
    assert formula_for("es") is None  # no Spanish formula yet: reported, never guessed


def test_a_guide_in_a_language_without_a_formula_says_so(content_copy: Path) -> None:
    result = check_content(content_copy, "es")
    messages = [d.message for d in result.diagnostics.items]
    assert "no readability formula for 'es' yet" in messages
    assert not any("reading grade" in m for m in messages)
