"""The interface's own words in the reader's language, from gettext catalogues.

Every word the app itself shows or speaks (buttons, accessible names, notices, the kiosk's
staff panel, printed headings, QR captions) goes through `_` or `ngettext` here, in the core as
in the widgets, so one catalogue per language holds all of them. The guide's words are content
(resources/content/<locale>/); these are the words around them.

The catalogues are gettext's: resources/locale/<language>/LC_MESSAGES/decisionaid.po, written
by translators with any PO editor, extracted and compiled with Babel (`make catalogues`,
docs/translating.md). The app reads the compiled .mo with the standard library, so neither Qt
nor Babel is needed to translate the Qt-free core or to run.

Words kept in constants are marked with `N_` where they are written and translated with `_`
where they are used: the language can change while the app runs (the window is rebuilt in the
new language), and a constant translated at import would keep the old one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

DOMAIN = "decisionaid"
SOURCE_LANGUAGE = "en"  # the language the messages are written in: it needs no catalogue
# Each language named in itself, as a language control offers it.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


class _Catalogue(Protocol):
    def gettext(self, message: str, /) -> str: ...
    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


class _Source:
    """The messages as written (English): what a missing catalogue falls back to."""

    def gettext(self, message: str, /) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        return singular if n == 1 else plural


_SOURCE = _Source()
_state: dict[str, _Catalogue | str] = {
    "catalogue": _SOURCE,
    "language": SOURCE_LANGUAGE,
    "fingerprint": SOURCE_LANGUAGE,
}


def base_language(locale: str) -> str:
    """ "es", "es_MX" and "es-MX" all read the "es" catalogue when there is no closer one."""
    return locale.replace("-", "_").split("_", 1)[0].lower()


def locale_dir() -> Path:
    from decisionaid.paths import resources_dir

    return resources_dir() / "locale"


def catalogue_path(language: str, root: Path | None = None) -> Path:
    return (root or locale_dir()) / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def language_name(locale: str) -> str:
    """The language's name in itself ("Español"), or its code when the app has no name for it."""
    return LANGUAGE_NAMES.get(locale, LANGUAGE_NAMES.get(base_language(locale), locale))


def load_catalogue(locale: str, root: Path | None = None) -> tuple[_Catalogue, str]:
    """The catalogue for `locale` and, when it cannot be used, a notice for staff saying so.

    Never raises: a missing or damaged catalogue gives the English words and a notice.
    """
    catalogue, notice, _fingerprint = _load(locale, root)
    return catalogue, notice


def _load(locale: str, root: Path | None) -> tuple[_Catalogue, str, str]:
    if base_language(locale) == SOURCE_LANGUAGE:
        return _SOURCE, "", SOURCE_LANGUAGE
    candidates = [locale.replace("-", "_"), base_language(locale)]
    path = next(
        (p for p in (catalogue_path(c, root) for c in candidates) if p.is_file()),
        catalogue_path(candidates[-1], root),
    )
    try:
        data = path.read_bytes()
        from gettext import GNUTranslations
        from io import BytesIO
        from zlib import crc32

        return GNUTranslations(BytesIO(data)), "", f"{locale}:{len(data)}:{crc32(data)}"
    except FileNotFoundError:
        problem = "was not found"
    except Exception as exc:  # a damaged file must not stop the app
        problem = f"could not be read ({type(exc).__name__})"
    notice = (
        f"the interface's '{locale}' translation ({path}) {problem}; "
        "buttons and notices are shown in English"
    )
    return _SOURCE, notice, SOURCE_LANGUAGE


def set_language(locale: str, root: Path | None = None) -> str:
    """Use `locale`'s catalogue from now on. Returns a staff notice, or "" when all is well."""
    catalogue, notice, fingerprint = _load(locale, root)
    _state["catalogue"] = catalogue
    _state["language"] = SOURCE_LANGUAGE if notice else locale
    _state["fingerprint"] = fingerprint
    return notice


def catalogue_fingerprint() -> str:
    """Which catalogue the interface's words come from, for caches of text made with them
    (rendered pages hold the pictures' sentences)."""
    return str(_state["fingerprint"])


def current_language() -> str:
    """The language the interface's words are in now (English when a catalogue was missing)."""
    return str(_state["language"])


def _catalogue() -> _Catalogue:
    catalogue = _state["catalogue"]
    assert not isinstance(catalogue, str)
    return catalogue


def _(message: str) -> str:
    """`message` in the interface's language."""
    return _catalogue().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` ("1 question", "3 questions") in the interface's language."""
    return _catalogue().ngettext(singular, plural, n)


_others: dict[str, _Catalogue] = {}


def in_language(locale: str, message: str) -> str:
    """`message` in `locale`, whatever the interface's language is now: how a language control
    offers each language in its own words."""
    if locale not in _others:
        _others[locale] = load_catalogue(locale)[0]
    return _others[locale].gettext(message)


def N_(message: str) -> str:
    """Marks a constant for the catalogue; `_` translates it where it is used."""
    return message
