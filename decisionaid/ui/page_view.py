"""The text area that shows a rendered page. It loads nothing from outside the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTextBrowser, QWidget

from decisionaid.core.i18n import _
from decisionaid.ui.reading_measure import TABLE_CHARS, TextMeasure, measure_px
from decisionaid.ui.safe_document import SafeTextDocument, resource_for
from decisionaid.ui.scroll_slack import ignore_horizontal_slack
from decisionaid.ui.theme import Theme

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage

    from decisionaid.core.iconarray import Picture

ICON_SIDE_PX = 180
DOCUMENT_MARGIN_PX = 24
# As render.py writes a table of options.
TABLE_CELL_PADDING_PX = 6


class PageView(QTextBrowser):
    """QTextBrowser that keeps every link inside the app and draws icon arrays itself."""

    stepLinkActivated = Signal(str, str)  # step id, anchor
    referenceActivated = Signal(str)  # reference key
    glossaryActivated = Signal(str)  # term id
    externalLinkActivated = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.icon_arrays: list[Picture | None] = []
        self.setDocument(SafeTextDocument(self, images=lambda url: self._icon_image(url.path())))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(DOCUMENT_MARGIN_PX)
        # A table Qt rounds a pixel wider than the page only eats into the blank margin.
        ignore_horizontal_slack(self, 1)
        self.anchorClicked.connect(self._route_link)
        self.setAccessibleName(_("Page text"))
        self.measure = TextMeasure(self, DOCUMENT_MARGIN_PX)
        self.measure.fitted.connect(self._fit_tables)
        self._html = ""
        self._columns: list[list[list[str]]] | None = None  # see _fit_tables
        self._as_rows = False
        self._loading = False  # inside setHtml: see _set_html
        self._pointer: QPoint | None = None  # where a tap or click let go, for link_rect()

    def mouseReleaseEvent(self, event):  # type: ignore[no-untyped-def]
        # A tapped link is activated inside the base class's handler: note where, first.
        self._pointer = event.position().toPoint()
        try:
            super().mouseReleaseEvent(event)
        finally:
            self._pointer = None

    def link_rect(self) -> QRect:
        """Where the link being activated is, in this widget's coordinates: under the finger or
        pointer that let go of it, else at the text cursor (a link chosen with Tab and Enter)."""
        cursor = (
            self.cursorForPosition(self._pointer)
            if self._pointer is not None
            else self.textCursor()
        )
        rect = self.cursorRect(cursor)
        if self._pointer is not None:
            rect.moveLeft(self._pointer.x())
        return rect.translated(self.viewport().pos())

    def show_html(self, html: str, icon_arrays: list[Picture | None], css: str) -> None:
        self.icon_arrays = icon_arrays
        # The default stylesheet must be set before setHtml, or it is silently ignored.
        self.document().setDefaultStyleSheet(css)
        self._html, self._columns, self._as_rows = html, None, False
        self._set_html(html)
        self.measure.fit()  # and then _fit_tables
        # setHtml can leave the view scrolled a little way down, hiding the top of the first
        # heading: a page opens at its top.
        self.verticalScrollBar().setValue(0)

    def _fit_tables(self) -> None:
        """A table of options whose columns cannot each hold their longest word at this width
        (a portrait kiosk at large text) is shown row by row instead, every option named in
        each row (core/narrow_tables.py); with room again, it is a table again."""
        if self._loading or '<table class="data"' not in self._html:
            return  # half-loaded (it is measured once loaded); or, most pages, no table
        from decisionaid.core.narrow_tables import column_words, narrow_tables

        if self._columns is None:
            self._columns = column_words(self._html)
        if not self._columns:
            return
        bold = QFont(self.font())  # the document takes it after this widget has
        bold.setBold(True)  # headings and row labels are bold: measure every word as if so
        metrics = QFontMetrics(bold)
        edges = 2 * TABLE_CELL_PADDING_PX + 2  # a cell's padding and its borders
        need = max(
            sum(max(map(metrics.horizontalAdvance, column), default=0) + edges for column in table)
            for table in self._columns
        )
        spare = self.measure.viewport.width() - 2 * self.measure.min_margin
        as_rows = need > min(spare, measure_px(self, chars=TABLE_CHARS))
        if as_rows == self._as_rows:
            return
        self._as_rows = as_rows
        self._set_html(narrow_tables(self._html) if as_rows else self._html)
        self.measure.fit()

    def _set_html(self, html: str) -> None:
        # Loading resizes the viewport (its scroll bar comes or goes), which fits the column
        # again in the middle of the load: a table swapped in then would be overwritten.
        self._loading = True
        try:
            self.setHtml(html)
        finally:
            self._loading = False

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        # Reached by setSource() and history; the document answers for everything else.
        # Remote and local files are never fetched, whatever the content asks for.
        if isinstance(url, str):
            from PySide6.QtCore import QUrl

            url = QUrl(url)
        return resource_for(kind, url, lambda u: self._icon_image(u.path()))

    def _icon_image(self, path: str) -> QImage | None:
        try:
            _, index, group = path.split("/")
            array = self.icon_arrays[int(index)]
            group_index = int(group)
        except (ValueError, IndexError):
            return None
        if array is None:
            return None
        # Loaded with the first picture: most pages, the first one included, have none.
        from decisionaid.ui.iconarray_image import picture_image

        t = self.theme
        return picture_image(
            array,
            group_index,
            ICON_SIDE_PX,
            (t.figure_on, t.figure_off, t.window),
            self.devicePixelRatioF(),
        )

    def _route_link(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == "step":
            target = url.toString()[len("step:") :]
            step_id, _, anchor = target.partition("#")
            self.stepLinkActivated.emit(step_id, anchor)
        elif scheme == "ref":
            self.referenceActivated.emit(url.path())
        elif scheme == "glossary":
            self.glossaryActivated.emit(url.path())
        elif scheme in ("http", "https", "mailto"):
            self.externalLinkActivated.emit(url.toString())
        # Anything else (blocked:, external-blocked:) does nothing on purpose.
