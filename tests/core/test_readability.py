"""Reading level, offline: the Flesch-Kincaid grade for English and the Szigriszt-Pazos (INFLESZ)
ease for Spanish, with syllables the guide's words really have."""

from __future__ import annotations

from pathlib import Path

import pytest

from decisionaid.core import readability
from decisionaid.core.checker import check_content
from decisionaid.core.readability import (
    FLESCH_KINCAID,
    SZIGRISZT_PAZOS,
    Counts,
    formula_for,
    syllable_count,
    word_count,
)
from decisionaid.core.readability_es import spell_number, spoken
from decisionaid.core.readability_es import syllable_count as spanish_syllables

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
    assert formula_for("es") is SZIGRISZT_PAZOS
    assert formula_for("es-MX") is SZIGRISZT_PAZOS
    assert formula_for("fr") is None  # no French formula: reported, never guessed


def test_a_guide_in_a_language_without_a_formula_says_so(content_copy: Path) -> None:
    result = check_content(content_copy, "fr")
    messages = [d.message for d in result.diagnostics.items]
    assert "no readability formula for 'fr' yet" in messages
    assert not any("reading grade" in m for m in messages)


# --- Spanish ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        # strong vowels side by side are two syllables (hiatus)
        ("leer", 2),
        ("caos", 2),
        ("poeta", 3),
        ("aéreo", 4),
        ("creer", 2),
        ("leen", 2),
        ("zoológico", 5),
        ("europeo", 4),
        # a weak vowel beside a strong one, or two different weak ones, share one (diphthong)
        ("ciudad", 2),
        ("huevo", 2),
        ("cuidado", 3),
        ("ruido", 2),
        ("construir", 2),
        ("veintiuno", 3),
        ("náuseas", 3),
        ("disociación", 4),
        ("opioides", 3),
        ("trastorno", 3),
        ("tratamiento", 4),
        ("ansiedad", 3),
        ("ion", 1),
        # three vowels in one syllable (triphthong)
        ("Uruguay", 3),
        ("buey", 1),
        ("estudiáis", 3),
        ("averiguáis", 4),
        # a stressed í or ú stands alone
        ("día", 2),
        ("país", 2),
        ("reúne", 3),
        ("baúl", 2),
        ("reír", 2),
        ("oído", 3),
        ("río", 2),
        ("tío", 2),
        ("guía", 2),
        ("sería", 3),
        ("cirugía", 4),
        ("período", 4),
        ("oxímetro", 4),
        # silent u in que, qui, gue, gui; a sounded ü
        ("que", 1),
        ("esquizofrenia", 5),
        ("guerra", 2),
        ("seguir", 2),
        ("antiguo", 3),
        ("pingüino", 3),
        ("agüero", 3),
        # y is a vowel at the end of a word or alone, and h does not join vowels
        ("muy", 1),
        ("hoy", 1),
        ("y", 1),
        ("mayo", 2),
        ("ahora", 3),
        ("ahí", 2),
        ("prohíbe", 3),
        # the guide's own words
        ("casa", 2),
        ("ketamina", 4),
        ("esketamina", 5),
        ("postraumático", 5),
        ("TEPT", 1),  # an acronym is counted as written
        ("PTSD", 1),  # with at least one syllable
        ("corto-plazo", 4),  # a hyphenated word is its parts
    ],
)
def test_spanish_syllables_follow_the_spelling_rules(word: str, syllables: int) -> None:
    assert spanish_syllables(word) == syllables


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "cero"),
        (16, "dieciséis"),
        (21, "veintiuno"),
        (67, "sesenta y siete"),
        (100, "cien"),
        (121, "ciento veintiuno"),
        (500, "quinientos"),
        (1078, "mil setenta y ocho"),
        (2026, "dos mil veintiséis"),
        (5600, "cinco mil seiscientos"),
        (838255, "ochocientos treinta y ocho mil doscientos cincuenta y cinco"),
        (2_000_000, "dos millones"),
    ],
)
def test_numbers_are_spelled_in_spanish(number: int, words: str) -> None:
    assert spell_number(number) == words


def test_spanish_text_is_counted_as_it_is_read_aloud() -> None:
    assert spoken("Unas 67 de cada 100 personas.") == (
        "Unas sesenta y siete de cada cien personas."
    )
    assert spoken("Pagó $5,600 y el 38% lo dejó; 1,078 personas.") == (
        "Pagó cinco mil seiscientos dólares y el treinta y ocho por ciento lo dejó; "
        "mil setenta y ocho personas."
    )
    assert spoken("Una dosis de 0.5 mg, o de 0,05.") == (
        "Una dosis de cero coma cinco mg, o de cero coma cero cinco."
    )
    assert spoken("En EE. UU. hay más.") == "En Estados Unidos hay más."


def test_the_spanish_score_by_hand() -> None:
    # "Unas sesenta y siete de cada cien personas mejoraron.": 9 words, 19 syllables
    # (u-nas se-sen-ta y sie-te de ca-da cien per-so-nas me-jo-ra-ron), one sentence.
    text = "Unas 67 de cada 100 personas mejoraron."
    assert SZIGRISZT_PAZOS.counts(text) == Counts(words=9, sentences=1, syllables=19)
    assert SZIGRISZT_PAZOS(text) == pytest.approx(206.835 - 62.3 * 19 / 9 - 9)
    [(name, huerta)] = SZIGRISZT_PAZOS.others(SZIGRISZT_PAZOS.counts(text))
    assert name == "Fernández-Huerta"
    assert huerta == pytest.approx(206.84 - 0.60 * 100 * 19 / 9 - 1.02 * 9)


def test_spanish_ease_falls_as_sentences_and_words_grow() -> None:
    easy = "Los estudios son pequeños. No sabemos cuánto dura el beneficio. Hable con su médico."
    hard = (
        "No obstante la considerable heterogeneidad metodológica, los investigadores "
        "caracterizaron la administración intravenosa de ketamina racémica subanestésica como "
        "demostrativa de efectos estadísticamente significativos sobre la sintomatología."
    )
    assert SZIGRISZT_PAZOS(easy) > 65  # "bastante fácil" or easier
    assert SZIGRISZT_PAZOS(hard) < 40  # "muy difícil"
    assert SZIGRISZT_PAZOS.too_hard(SZIGRISZT_PAZOS(hard))
    assert not SZIGRISZT_PAZOS.too_hard(60.0)
    assert SZIGRISZT_PAZOS.too_hard(60.0, SZIGRISZT_PAZOS.aim)


def test_accented_words_count_as_one_word() -> None:
    assert word_count("Después, la ketamina alivió el TEPT en niños.") == 8
    assert word_count("Ketamine's trauma-focused Légaré") == 3
