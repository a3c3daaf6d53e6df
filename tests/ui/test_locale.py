"""Which language opens: the command line's --locale, else the clinic configuration's, else en."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from decisionaid import paths
from decisionaid.app import Options, build_app, build_parts
from decisionaid.cli import _options, _parser
from tests.helpers import FIXTURE_CONTENT
from tests.helpers.i18n import compile_catalogue


@pytest.fixture
def two_languages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """App resources holding the test guide in English and in Spanish, with the interface's
    Spanish catalogue."""
    resources = tmp_path / "resources"
    shutil.copytree(FIXTURE_CONTENT, resources / "content" / "en")
    spanish = resources / "content" / "es"
    shutil.copytree(FIXTURE_CONTENT, spanish)
    manifest = spanish / "guide.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("Test guide", "Guía de prueba"),
        encoding="utf-8",
    )
    compile_catalogue("es", resources / "locale")
    monkeypatch.setattr(paths, "resources_dir", lambda: resources)
    return resources


def clinic_config(tmp_path: Path, locale: str) -> Path:
    path = tmp_path / "clinic.toml"
    path.write_text(f'locale = "{locale}"\n', encoding="utf-8")
    return path


def options_from(argv: list[str]) -> Options:
    return _options(_parser().parse_args(argv))


def test_the_configurations_locale_opens_that_language(
    two_languages: Path, tmp_path: Path, qtbot
) -> None:
    config = clinic_config(tmp_path, "es")
    parts = build_parts(options_from(["--config", str(config)]))
    window = build_app(parts).window
    qtbot.addWidget(window)
    assert parts.guide.locale == "es"
    assert "Guía de prueba" in window.windowTitle()
    assert parts.config.staff_notices == []


def test_the_command_line_wins_over_the_configuration(two_languages: Path, tmp_path: Path) -> None:
    config = clinic_config(tmp_path, "es")
    parts = build_parts(options_from(["--config", str(config), "--locale", "en"]))
    assert (parts.guide.locale, parts.guide.title) == ("en", "Test guide")


def test_without_either_the_guide_is_english(two_languages: Path) -> None:
    parts = build_parts(options_from([]))
    assert (parts.guide.locale, parts.guide.title) == ("en", "Test guide")


@pytest.mark.parametrize("where", ["config", "command line"])
def test_a_language_without_content_falls_back_to_english_and_tells_staff(
    two_languages: Path, tmp_path: Path, qtbot, where: str
) -> None:
    argv = ["--config", str(clinic_config(tmp_path, "fr"))]
    if where == "command line":
        argv = ["--locale", "fr"]
    parts = build_parts(options_from(argv))
    window = build_app(parts).window
    qtbot.addWidget(window)
    assert (parts.guide.locale, parts.guide.title) == ("en", "Test guide")
    assert not parts.guide.diagnostics.errors
    [notice] = parts.config.staff_notices
    assert "no content in the language 'fr'; using en" in notice
    assert ("clinic.toml" in notice) == (where == "config")


def test_a_path_is_not_a_language(two_languages: Path) -> None:
    parts = build_parts(options_from(["--locale", "../en"]))
    assert parts.guide.root == two_languages / "content" / "en"
    assert "'../en'" in parts.config.staff_notices[0]


def test_without_its_catalogue_spanish_content_opens_with_english_buttons_and_a_notice(
    two_languages: Path, tmp_path: Path, qtbot
) -> None:
    import shutil

    shutil.rmtree(two_languages / "locale")
    parts = build_parts(options_from(["--locale", "es", "--counsellor"]))
    window = build_app(parts).window
    qtbot.addWidget(window)
    assert parts.guide.locale == "es"
    assert window.next_button.text() == "Next"
    notice = "\n".join(parts.config.staff_notices)
    assert "decisionaid.mo" in notice and "shown in English" in notice
    # A counsellor sees setup notices on screen.
    assert "shown in English" in window.staff_notice_bar.accessibleDescription() or any(
        "shown in English" in label.text()
        for label in window.staff_notice_bar.findChildren(type(window.title_label))
    )
