"""Qt's own words (the print dialog's, a text box's menu, a file dialog's) in the guide's
language, from the translations Qt ships (qtbase_<language>.qm).

The app's words come from its gettext catalogues (core/i18n.py); these cover only the dialogs
and menus Qt draws itself. English needs none. A missing file leaves Qt's English, silently:
the app's own words are what a reader mostly meets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from decisionaid.core.i18n import base_language

_installed: list[QTranslator] = []


def install_qt_translations(locale: str) -> bool:
    """Qt's dialogs in `locale` from now on (replacing any earlier language's). True when Qt
    has a translation for it."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    while _installed:
        app.removeTranslator(_installed.pop())
    language = base_language(locale)
    if language == "en":
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
