"""Look-ups from the page: a word's meaning or a source's full reference in a popover beside
it, and a link out of the app, where the mode allows one."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from decisionaid.core.i18n import _
from decisionaid.ui.popover import Popover


class PageLookups:
    """The popover and the links of `MainWindow` (a mixin)."""

    @property
    def popover(self) -> Popover:
        if self._popover is None:
            self._popover = Popover(self._central)
        return self._popover

    def close_popover(self, refocus: bool = True) -> None:
        if self._popover is not None:
            self._popover.close_popover(refocus)

    def show_glossary(self, term_id: str, opener: QWidget, around: QRect) -> None:
        """A word's meaning beside it, with a way to the whole word list."""
        term = self.guide.glossary.get(term_id)
        if term is None:
            return
        words = self.guide.first_of_kind("glossary")
        more = None
        if words is not None:
            more = (_("Word list"), lambda: self.navigate_to(words.id, ""))
        self.popover.show_beside(term.term, term.definition, opener, around, more)

    def show_reference(self, key: str, opener: QWidget, around: QRect) -> None:
        """A source's full reference beside its number, with a way to the list of sources."""
        ref = self.guide.references.get(key)
        if ref is None:
            return
        text = ref.citation
        if ref.link:
            text += f"\n{ref.link}"
        if ref.note:
            text += f"\n{ref.note}"
        sources = self.guide.first_of_kind("references")
        more = None
        if sources is not None:
            more = (_("All sources"), lambda: self.navigate_to(sources.id, f"ref-{key}"))
        self.popover.show_beside(
            _("Source {number}").format(number=ref.number), text, opener, around, more
        )

    def open_external(self, url: str) -> None:
        if self.policy.may_open_external_links:
            from decisionaid.ui.external_links import ask_to_open

            ask_to_open(self, url)
