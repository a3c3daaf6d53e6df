"""Translations for tests: the Spanish catalogue compiled from its .po (so a test needs no
`make`), and a reader's-eye check that a window shows no English when it should be Spanish."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from tests.helpers import ROOT

PO_ROOT = ROOT / "resources" / "locale"

# Words of English that are not also words of Spanish: a visible text holding one of them was
# never translated (or never went through the catalogue at all).
_ENGLISH = """
    the and you your yours of to is are was were this that these those with for what how which
    who not it its be been will can could would should do does did have has had we our they
    their my from or at on in about out more step steps help close next back start over show
    hide yes questions question text size contents listen speed print save page people sure
    get now go keep going here there when if all any each answer answers code guide high
    contrast read aloud stop pause skip check done open clear new own add remove move up down
    list matters leaning time minutes seconds still staff exit try again wrong something went
    error loading source sources word words glossary welcome choose chosen cancel previous
    larger smaller percent progress
"""
ENGLISH_WORDS = frozenset(_ENGLISH.split())
_WORD = re.compile(r"[A-Za-zÀ-ÿ']+")
_URL = re.compile(r"\S+\.(?:org|gov|com|net|edu|int)\S*|https?://\S+")
# A setting's name (kiosk.staff_pin_hash) or a command ('decisionaid hash-pin') is not English.
_CODE = re.compile(r"\b\w+\.\w+\b|'[a-z][\w -]*'")
# A name quoted in its own language inside a sentence: ("Ask 3 Questions").
_QUOTED_NAME = re.compile(r'\("[^"]+"\)')


def compile_catalogue(language: str, target: Path) -> Path:
    """resources/locale/<language>/…/decisionaid.po compiled to `target` (a locale folder)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = PO_ROOT / language / "LC_MESSAGES" / "decisionaid.po"
    mo = target / language / "LC_MESSAGES" / "decisionaid.mo"
    mo.parent.mkdir(parents=True, exist_ok=True)
    with po.open("rb") as f:
        catalog = read_po(f, locale=language)
    with mo.open("wb") as f:
        write_mo(f, catalog)
    return target


def english_words(text: str, exempt: Iterable[str] = ()) -> list[str]:
    """The English words in `text`, once `exempt` passages (reference titles, names of
    languages in themselves) and web addresses are taken out."""
    for passage in sorted(exempt, key=len, reverse=True):
        if passage:
            text = text.replace(passage, " ")
    text = _QUOTED_NAME.sub(" ", _CODE.sub(" ", _URL.sub(" ", text)))
    # Words in capitals are names and acronyms (the SURE test, PTSD, PIN), not sentences.
    return [w for w in _WORD.findall(text) if w.lower() in ENGLISH_WORDS and not w.isupper()]


def visible_texts(root, skip=None) -> Iterator[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(where, text) for every word a reader can see or hear from `root` and its children:
    widget text, accessible name and description, tool tip, placeholder, window title, list
    items and their accessible text, and documents in text views."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTextEdit,
        QWidget,
    )

    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if skip is not None and skip(w):
            continue
        where = f"{type(w).__name__}#{w.objectName() or '?'}"
        texts = [
            ("name", w.accessibleName()),
            ("description", w.accessibleDescription()),
            ("tooltip", w.toolTip()),
            ("title", w.windowTitle() if w.isWindow() else ""),
        ]
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(("text", w.text()))
        if isinstance(w, QLineEdit):
            texts += [("placeholder", w.placeholderText()), ("text", w.text())]
        if isinstance(w, QTextEdit | QPlainTextEdit):
            texts.append(("placeholder", w.placeholderText()))
            texts.append(("document", w.toPlainText()))
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                item = w.item(i)
                texts.append(("item", item.text()))
                texts.append(
                    ("item name", str(item.data(Qt.ItemDataRole.AccessibleTextRole) or ""))
                )
        if isinstance(w, QComboBox):
            texts += [("item", w.itemText(i)) for i in range(w.count())]
        for kind, text in texts:
            if text:
                yield f"{where} {kind}", _plain(text)


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        from PySide6.QtGui import QTextDocumentFragment

        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def untranslated(root, exempt: Iterable[str] = (), skip=None) -> list[str]:  # type: ignore[no-untyped-def]
    """Each visible text under `root` that still has English in it, with where it is; `skip`
    tells which widgets to leave out."""
    exempt = list(exempt)
    found = []
    for where, text in visible_texts(root, skip):
        words = english_words(text, exempt)
        if words:
            found.append(f"{where}: {text[:160]!r} (English: {', '.join(sorted(set(words)))})")
    return sorted(set(found))
