"""Overstated wording is found whatever its case, accents or line breaks, and only as whole
words, with the quick first-word test in front of each phrase's pattern."""

from __future__ import annotations

from pathlib import Path

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.marketing_words import PhraseList, load_marketing_words

WORDS = "cura milagrosa\nÉXITO garantizado\nre:hasta (un |el )?\\d+ ?%\n"


def phrases(tmp_path: Path) -> PhraseList:
    path = tmp_path / "marketing-words.txt"
    path.write_text(WORDS, encoding="utf-8")
    diags = Diagnostics()
    found = PhraseList(load_marketing_words(path, diags))
    assert len(found.phrases) == 3 and not diags.errors
    return found


def test_found_in_any_case_with_accents_and_across_lines(tmp_path: Path) -> None:
    words = phrases(tmp_path)
    assert list(words.found_in("Una CURA\nMilagrosa para todos")) == ["CURA\nMilagrosa"]
    assert list(words.found_in("Un éxito GARANTIZADO.")) == ["éxito GARANTIZADO"]
    assert list(words.found_in("Ayuda hasta el 70 % de las personas")) == ["hasta el 70 %"]
    assert list(words.found_in("cura milagrosa, hasta 80%")) == ["cura milagrosa", "hasta 80%"]


def test_not_found_inside_longer_words_or_where_absent(tmp_path: Path) -> None:
    words = phrases(tmp_path)
    assert list(words.found_in("La curación milagrosa no existe.")) == []
    assert list(words.found_in("Una procura milagrosa")) == []
    assert list(words.found_in("Nada de esto aparece aquí.")) == []
