"""check-content on a guide in Spanish: its locale from its folder, the Spanish readability
formula and bands, Spanish figures, and words with accents."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from decisionaid.cli import main
from decisionaid.core import content_rules
from decisionaid.core.checker import check_content, check_languages
from tests.helpers import DECISION_CONTENT
from tests.helpers.guides import make_guide, page

BODY_LINE = 9  # where page()'s body starts: after eight lines of front matter

HARD = """
No obstante la considerable heterogeneidad metodológica, los investigadores caracterizaron la
administración intravenosa de ketamina racémica subanestésica como demostrativa de efectos
estadísticamente significativos, aunque transitorios, sobre la sintomatología postraumática en
individuos refractarios al tratamiento [@alpha].
"""
# Szigriszt-Pazos 62.6: in the "normal" band (55 to 65), below the "fairly easy" one.
NORMAL = """
Los estudios sobre la ketamina son pequeños, y todavía no sabemos cuánto tiempo dura el
beneficio. Pregunte a su médico qué opciones tiene [@alpha].
"""
EASY = """
Los estudios son pequeños. No sabemos cuánto dura el beneficio. Hable con su médico [@alpha].
"""


def _spanish_guide(tmp_path: Path, pages: dict[str, str]) -> Path:
    return make_guide(tmp_path / "content" / "es", pages)


def _items(root: Path, locale: str | None = None) -> list[str]:
    [result] = check_languages(root, locale).results
    return [str(d) for d in result.diagnostics.items]


# --- the locale comes from the folder ------------------------------------------------------------


def test_a_folder_named_es_is_checked_as_spanish(tmp_path: Path) -> None:
    root = _spanish_guide(tmp_path, {"facil": page("facil", EASY)})
    [result] = check_languages(root).results
    assert result.guide.locale == "es"
    assert result.report[0].startswith("Reading ease (Szigriszt-Pazos/INFLESZ, limit 55.0")
    assert not result.diagnostics.errors and not result.diagnostics.warnings


def test_locale_given_on_the_command_line_wins_over_the_folder(tmp_path: Path) -> None:
    root = _spanish_guide(tmp_path, {"facil": page("facil", EASY)})
    [result] = check_languages(root, "en").results
    assert result.guide.locale == "en"
    assert result.report[0].startswith("Reading grade (Flesch-Kincaid")


def _decision_guide_with_spanish_sure(folder: Path) -> Path:
    shutil.copytree(DECISION_CONTENT, folder)
    sure = folder / "sure.toml"
    text = sure.read_text(encoding="utf-8")
    for english, spanish in (
        ("Do you feel SURE about the best choice for you?", "¿Se siente SEGURO?"),
        ("Do you know the benefits and risks of each option?", "¿Conoce los beneficios?"),
    ):
        text = text.replace(english, spanish)
    sure.write_text(text, encoding="utf-8")
    return folder


def test_the_published_english_sure_wording_is_not_asked_of_spanish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spanish = _decision_guide_with_spanish_sure(tmp_path / "es-only" / "es")
    assert main(["check-content", str(spanish), "--quiet"]) == 0
    assert "published wording" not in capsys.readouterr().out
    # The same items in a folder read as English are an error, at the altered item's line.
    english = _decision_guide_with_spanish_sure(tmp_path / "en-only" / "en")
    assert main(["check-content", str(english), "--quiet"]) == 1
    out = capsys.readouterr().out
    assert f"{english / 'sure.toml'}:7: SURE item S differs from the published wording" in out


# --- reading ease --------------------------------------------------------------------------------


def test_a_spanish_page_that_is_too_hard_fails(tmp_path: Path) -> None:
    root = _spanish_guide(tmp_path, {"dificil": page("dificil", HARD)})
    found = [m for m in _items(root) if "reading ease" in m]
    assert len(found) == 1, found
    assert found[0].startswith(f"{root / 'pages' / 'dificil.md'}:{BODY_LINE}: reading ease ")
    assert "is below 55.0 (Szigriszt-Pazos/INFLESZ)" in found[0]
    assert "warning" not in found[0]


def test_a_spanish_page_in_the_normal_band_warns(tmp_path: Path) -> None:
    root = _spanish_guide(tmp_path, {"normal": page("normal", NORMAL)})
    found = [m for m in _items(root) if "reading ease" in m]
    assert found == [
        f"{root / 'pages' / 'normal.md'}:{BODY_LINE}: warning: reading ease 62.6 is below the "
        "aim of 65.0 (Szigriszt-Pazos/INFLESZ): use shorter sentences and shorter words, and "
        "define hard terms in the glossary"
    ]


def test_an_easy_spanish_page_passes_and_both_scores_are_reported(tmp_path: Path) -> None:
    root = _spanish_guide(tmp_path, {"facil": page("facil", EASY)})
    [result] = check_languages(root).results
    assert not result.diagnostics.errors and not result.diagnostics.warnings
    [row] = [line for line in result.report if "pages/facil.md" in line]
    assert row.split()[0] == "77.6"
    assert row.endswith("(14 words; Fernández-Huerta 82.1)")


def test_only_running_text_is_scored_in_spanish(tmp_path: Path) -> None:
    body = f"""
    ## Consideraciones metodológicas extraordinariamente heterogéneas

    {EASY.strip()}

    | Característica | Administración intravenosa subanestésica |
    |---|---|
    | Sintomatología | Estadísticamente significativa e interdisciplinaria |
    """
    root = _spanish_guide(tmp_path, {"facil": page("facil", body)})
    [result] = check_languages(root).results
    assert not [str(d) for d in result.diagnostics.items if "reading ease" in d.message]
    assert any(line.split()[:2] == ["77.6", "pages/facil.md"] for line in result.report)


# --- figures and words in Spanish ----------------------------------------------------------------


def test_a_spanish_paragraph_with_a_figure_needs_a_citation(tmp_path: Path) -> None:
    body = """
    Unas 40 de cada 100 personas se sintieron mejor.

    Leer esta página toma unos 15 minutos.

    - La mayoría tuvo 6 sesiones en 2 semanas

    Unas 67 de cada 100 personas mejoraron [@alpha].
    """
    root = _spanish_guide(tmp_path, {"p": page("p", body)})
    figures = [m for m in _items(root) if "states a figure" in m]
    pages = root / "pages" / "p.md"
    assert figures == [
        f"{pages}:11: paragraph states a figure ('40 de cada 100') but cites no source",
        f"{pages}:15: paragraph states a figure ('6 sesiones') but cites no source",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Los síntomas bajaron un 30 por ciento.",
        "Una de cada cinco personas tuvo náuseas.",
        "El ensayo tuvo 158 veteranos.",
        "Una revisión juntó 6 ensayos.",
        "Se revisaron 12 estudios.",
        "Recibió 6 infusiones.",
        "Tomó 3 dosis.",
        "Participaron 30 adultos.",
        "Después de 1 a 2 semanas no hubo diferencia.",
        "Duró unos 4 meses.",
        "A los 12 meses.",
        "Durante 3 días.",
        "Vigilan 2 horas.",
        "Cuesta $500 cada sesión.",
        "Una dosis de 0,5 mg.",
    ],
)
def test_kinds_of_spanish_figures(sentence: str) -> None:
    assert content_rules.FIGURE.search(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Llame o envíe un mensaje de texto al 988.",
        "Los veteranos pueden marcar 1.",
        "Leerlo toma unos 15 minutos.",
        "Vea el PCL-5.",
        "En 2020. Personas como usted lo preguntan.",
    ],
)
def test_not_spanish_figures(sentence: str) -> None:
    assert not content_rules.FIGURE.search(sentence), sentence


def test_words_with_accents_count_once_in_the_balance(tmp_path: Path) -> None:
    # Nine words; counted as ASCII letters, "Después" and "sesión" would be four.
    body = "Después de la sesión, algunas personas se sintieron mejor [@alpha].\n"
    root = _spanish_guide(
        tmp_path, {"benefits": page("benefits", body), "risks": page("risks", body)}
    )
    result = check_content(root, "es")
    assert any(line.startswith("Balance: benefits 9 words") for line in result.report)
