"""Switching language: at once, keeping everything the reader did; a reset brings back the
clinic's language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from decisionaid.app import App, LanguageSwitch, Options, build_app, build_parts


@pytest.fixture
def catalogues(spanish_catalogue: Path) -> Path:
    return spanish_catalogue


@pytest.fixture
def started(qapp) -> Iterator[list[LanguageSwitch]]:  # type: ignore[no-untyped-def]
    """The switches a test starts; whichever window each shows at the end is closed."""
    switches: list[LanguageSwitch] = []
    yield switches
    for switch in switches:
        close(switch.app)


def close(app: App) -> None:
    if app.kiosk is not None:
        app.kiosk.stand_down()
    app.window.close()
    app.window.deleteLater()


def start(started, *extra: str, locale: str = "en") -> LanguageSwitch:  # type: ignore[no-untyped-def]
    options = Options(locale=locale, kiosk="kiosk" in extra, counsellor="counsellor" in extra)
    parts = build_parts(options)
    app = build_app(parts)
    switch = LanguageSwitch(parts, app)
    started.append(switch)
    app.window.resize(1280, 800)
    app.window.show()
    return switch


def language_button(app: App, code: str):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    return app.window.findChild(QPushButton, f"languageButton-{code}")


def test_choosing_espanol_shows_the_guide_in_spanish_keeping_the_readers_place(
    qtbot, catalogues: Path, started
) -> None:
    from PySide6.QtCore import Qt

    switch = start(started)
    window = switch.app.window
    session = window.session
    window.go_to(4)
    session.set_text_scale(150)
    session.set_question_chosen("q-ask3-options", True)
    session.add_own_question("Can my partner come with me?")
    session.set_value("quick-relief", 3)
    button = language_button(switch.app, "es")
    assert (button.text(), button.accessibleName()) == ("Español", "Español")
    assert button.accessibleDescription() == "Ver esta guía en español"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: switch.app.window is not window)
    new = switch.app.window
    assert new.guide.locale == "es" and new.locale().name().startswith("es")
    assert new.current_index == 4 and new.progress_row.step_title.text() == new.guide.steps[4].title
    assert session.state.text_scale == 150 and new.scale_label.text().endswith("150%")
    assert session.state.question_order[-1] == "own:0" and session.state.values["quick-relief"] == 3
    assert "q-ask3-options" in session.state.question_order
    assert new.isVisible() and not window.isVisible()
    # Keyboard focus stays on the language control, now offering English.
    back = language_button(switch.app, "en")
    assert back.text() == "English" and back.hasFocus()
    assert back.accessibleDescription() == "Show this guide in English"


def test_a_reset_returns_to_the_clinics_language(qtbot, catalogues: Path, started) -> None:
    switch = start(started, "kiosk")
    switch.app.kiosk.start_reading()
    switch.app.window.session.set_locale("es")
    qtbot.waitUntil(lambda: switch.app.window.guide.locale == "es")
    assert not switch.app.kiosk.screens.is_showing(switch.app.kiosk.welcome)
    switch.app.kiosk.full_reset()
    qtbot.waitUntil(lambda: switch.app.window.guide.locale == "en")
    kiosk = switch.app.kiosk
    assert kiosk.screens.is_showing(kiosk.welcome)
    assert switch.app.window.session.is_empty()


def test_switching_on_the_kiosk_welcome_stays_on_the_welcome(
    qtbot, catalogues: Path, started
) -> None:
    switch = start(started, "kiosk", locale="es")
    assert switch.app.window.guide.locale == "es"
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    welcome = switch.app.kiosk.welcome
    first = welcome.findChild(QPushButton, "welcomeLanguage-en")
    assert first.text() == "English" and first.property("kioskSize") == "large"
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: switch.app.window.guide.locale == "en")
    kiosk = switch.app.kiosk
    assert kiosk.screens.is_showing(kiosk.welcome)
    offer = kiosk.welcome.findChild(QPushButton, "welcomeLanguage-es")
    assert offer.text() == "Español" and offer.hasFocus()


def test_one_language_offered_means_no_language_control(
    qtbot, catalogues: Path, started, tmp_path: Path
) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text('languages = ["en"]\n', encoding="utf-8")
    app = build_app(build_parts(Options(config=config)))
    assert language_button(app, "es") is None
    close(app)


def test_the_counsellors_presenter_view_switches_with_the_window(
    qtbot, catalogues: Path, started
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    switch = start(started, "counsellor")
    old_view = switch.app.counsellor.open_presenter()
    offer = old_view.findChild(QPushButton, "presenterLanguage-es")
    assert offer.text() == "Español"
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: switch.app.window.guide.locale == "es")
    view = switch.app.counsellor.presenter
    assert view is not None and view is not old_view and view.isVisible()
    assert view.next_button.text() == "Siguiente"
    assert view.findChild(QPushButton, "presenterLanguage-en").text() == "English"
    view.close()
