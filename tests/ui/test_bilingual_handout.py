"""A reader in Spanish takes away a handout their provider can read: each question in Spanish,
with the same question in English under it; the QR code holds the reader's own language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from decisionaid.app import App, Options, build_app, build_parts
from decisionaid.core.summary import build_summary, summary_html
from tests.ui.test_decision_output import pdf_text

OWN = "¿Puede venir mi pareja conmigo?"


@pytest.fixture
def spanish_app(qtbot, spanish_catalogue: Path) -> Iterator[App]:
    app = build_app(build_parts(Options(locale="es")))
    qtbot.addWidget(app.window)
    app.window.resize(1280, 800)
    app.window.show()
    session = app.window.session
    session.set_question_chosen("q-ask3-options", True)
    session.add_own_question(OWN)
    session.set_question_chosen("q-ask3-benefits-harms", True)
    app.window.navigate_to("summary")
    yield app


def test_the_printed_summary_gives_each_question_in_english_under_the_spanish(
    spanish_app: App,
) -> None:
    step = spanish_app.window.current_widget()
    html = step.print_html()
    options = html.index("¿Cuáles son mis opciones?")
    english = html.index("What are my options?")
    own = html.index(OWN)
    assert options < english < own, "each English question sits under its Spanish one"
    assert "The reader&#x27;s own question, in their words." in html[own:]
    assert "Debajo de cada pregunta" in html and "Under each question" in html
    # On screen the reader sees their own language only.
    assert "What are my options?" not in step.view.toPlainText()


def test_the_spanish_pdf_holds_both_languages(spanish_app: App, tmp_path: Path) -> None:
    step = spanish_app.window.current_widget()
    target = tmp_path / "resumen.pdf"
    step.save_pdf(target)
    text = " ".join(pdf_text(target).split())
    assert "1. ¿Cuáles son mis opciones?" in text
    assert text.index("¿Cuáles son mis opciones?") < text.index("What are my options?")
    assert f"2. {OWN}" in text
    assert "Guía sobre la ketamina para el TEPT" in text  # the edition line, in Spanish


def test_an_english_reader_gets_no_second_language(qtbot) -> None:
    app = build_app(build_parts(Options(locale="en")))
    qtbot.addWidget(app.window)
    app.window.session.set_question_chosen("q-ask3-options", True)
    app.window.navigate_to("summary")
    html = app.window.current_widget().print_html()
    assert "What are my options?" in html and "Under each question" not in html


def test_the_qr_code_carries_the_readers_language(spanish_app: App) -> None:
    step = spanish_app.window.current_widget()
    step.qr_button.setChecked(True)
    texts = [step.qr_widget.text]  # what each code holds
    while step.next_code_button.isEnabled():
        step.next_code_button.click()
        texts.append(step.qr_widget.text)
    text = "\n".join(texts)
    assert all(t.startswith("Preguntas para mi proveedor de salud") for t in texts)
    assert "(code" not in text
    # The own question may be cut short to fit a code a phone reads at arm's length.
    assert "¿Cuáles son mis opciones?" in text and OWN[:8] in text, texts
    assert "What are my options?" not in text


def test_the_summary_without_english_data_is_the_readers_language_only(
    spanish_app: App,
) -> None:
    window = spanish_app.window
    data = window.ctx.decision_data()
    summary = build_summary(window.session, data, window.guide)
    assert summary.questions_in_english == ()
    html = summary_html(summary, window.guide.wording, title="x")
    assert "What are my options?" not in html
