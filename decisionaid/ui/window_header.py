"""The window's header: the guide's (or clinic's) title, "Display" and the tools a mode adds,
and "Get help now", always at the top right; and the Display menu that opens under it.

Built before the first paint, so it does not touch PySide6's `Qt` namespace (see controls.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.config import Config
from decisionaid.core.guide import Guide
from decisionaid.core.i18n import _
from decisionaid.core.policy import Policy
from decisionaid.core.session import TEXT_SCALES
from decisionaid.ui.clinic_logo import clinic_logo_label
from decisionaid.ui.controls import make_button, make_toggle, set_enum
from decisionaid.ui.flow_layout import FlowLayout


def top_aligned(widget: QWidget, columns: list[QVBoxLayout]) -> QVBoxLayout:
    """`widget` at the top of its row: the same as adding it with Qt.AlignmentFlag.AlignTop,
    without touching the `Qt` namespace before the first paint (see controls.py).

    A nested layout keeps the sizes it last worked out until its own parent widget lays out
    again, so the window invalidates these columns (collected in `columns`) whenever it
    restyles, or the rows they sit in would take one extra layout pass to settle."""
    column = QVBoxLayout()
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(widget)
    column.addStretch(1)
    columns.append(column)
    return column


class Header(QFrame):
    """The guide's (or clinic's) title, "Display" (text size, contrast, the contents list, in
    one menu), any tools a mode adds, and "Get help now".

    The tools wrap onto more rows at large text sizes instead of being squeezed; where even
    then the title's longest word, the tools and "Get help now" cannot sit side by side (a
    portrait kiosk at 200%), the tools move to a row of their own below, so "Get help now"
    stays whole, at the top right."""

    def __init__(
        self,
        guide: Guide,
        config: Config,
        policy: Policy,
        columns: list[QVBoxLayout],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        gap = policy.control_gap_px
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 10)
        outer.setSpacing(gap)
        h = QHBoxLayout()
        h.setContentsMargins(0, 0, 0, 0)
        h.setSpacing(gap)
        outer.addLayout(h)
        self._row = h
        self._below = QHBoxLayout()  # the tools' own row, when they do not fit beside the rest
        self._below.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._below)
        self._stacked = False
        self.title_label = QLabel(config.clinic_name or guide.short_title)
        self.title_label.setObjectName("guideTitle")
        self.title_label.setAccessibleName(guide.title)
        self.display_button = make_button(
            _("Display"), "displayButton", tip=_("text size, contrast and the list of steps")
        )
        self.help_button = make_button(
            _("Get help now"), "helpButton", tip=_("crisis lines and support")
        )
        self.title_label.setWordWrap(True)
        self.title_label.setMinimumHeight(policy.touch_target_px)
        set_enum(self.title_label, "textFormat", "PlainText")  # a clinic name is not markup
        self.logo_label = clinic_logo_label(config, policy.touch_target_px, self)
        if self.logo_label is not None:
            h.addLayout(top_aligned(self.logo_label, columns))
        h.addLayout(top_aligned(self.title_label, columns), 1)
        self.tools = QWidget(self)
        self.tools.setObjectName("headerTools")
        self.tools_row = FlowLayout(self.tools, spacing=gap)
        h.addWidget(self.tools)  # its natural width first: the title keeps to one line
        self._tools_at = h.indexOf(self.tools)
        self.tools_row.addWidget(self.display_button)
        h.addSpacing(gap * 2)
        self._help_column = top_aligned(self.help_button, columns)
        h.addLayout(self._help_column)
        self._last_tool: QWidget = self.display_button
        self.menu = DisplayMenu(policy, parent)

    def show_text_scale(self, scale: int) -> None:
        self.menu.show_text_scale(scale)

    def controls_changed(self) -> None:
        """The window's style sheet or its buttons' icons changed: with new sizes the row may
        fit now, or no longer. The buttons' sizes follow their fonts once the change has
        reached them, so this looks in the next turn of the event loop."""
        QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        # "Get help now" is never squeezed below its words and icon (the touch-size minimum
        # every button has would let a crowded row cut it short); and the column around it
        # still offers its old size (see top_aligned) until told.
        self.help_button.setMinimumWidth(self.help_button.sizeHint().width())
        self._help_column.invalidate()
        self.fit_width(self.width())

    def add_tools(self, *buttons: QPushButton) -> None:
        """Tools a mode adds after "Display", in reading order before "Get help now"."""
        for b in buttons:
            self.tools_row.addWidget(b)
            QWidget.setTabOrder(self._last_tool, b)
            self._last_tool = b
        if self.isVisible():  # before the window shows, its first icons' turn fits the row
            self.controls_changed()

    def watch_width(self) -> None:
        """From now on, fit the row to every new width. Started after the first paint: a
        resize handler from the start would be called into Python for every resize before
        it, and the first paint's width is already fitted (`controls_changed`)."""
        self.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Resize:
            self.fit_width(self.width())
        return False

    def fit_width(self, width: int) -> None:
        """The tools beside the title and "Get help now", or on a row of their own below."""
        stacked = width > 0 and self._one_row_px() > width
        if stacked == self._stacked:
            return
        self._stacked = stacked
        if stacked:
            self._row.removeWidget(self.tools)
            self._below.addWidget(self.tools)
        else:
            self._below.removeWidget(self.tools)
            self._row.insertWidget(self._tools_at, self.tools)

    def _one_row_px(self) -> int:
        """The narrowest header that holds everything on one row: the title wrapped a word to
        a line, the tools wrapped onto rows of their own, "Get help now" whole."""
        margins = self.layout().contentsMargins()
        edges = margins.left() + margins.right()
        # Between title, tools, a double gap and "Get help now": five gaps in all.
        if self._row.sizeHint().width() + edges <= self.width():
            return 0  # everything fits on one line, the title unwrapped (the usual case)
        gap = self._row.spacing()
        metrics = QFontMetrics(self.title_label.font())
        word = max(
            (metrics.horizontalAdvance(w) for w in self.title_label.text().split()), default=0
        )
        logo = self.logo_label.sizeHint().width() + gap if self.logo_label is not None else 0
        tools = self.tools.minimumSizeHint().width()
        help_button = self.help_button.sizeHint().width()
        return edges + logo + word + tools + 5 * gap + help_button


class DisplayMenu(QFrame):
    """What "Display" opens, under it: text size, then toggles (the contents list, and what
    the app adds, such as high contrast), and "Done". It lies over the page until closed."""

    def __init__(self, policy: Policy, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("displayMenu")
        self.setAccessibleName(_("Display"))
        self.setAccessibleDescription(_("Text size, contrast and the list of steps"))
        gap = policy.control_gap_px
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(gap)
        self.smaller_button = make_button("A−", "smallerText", tip=_("make the text smaller"))
        self.larger_button = make_button("A+", "largerText", tip=_("make the text larger"))
        self.scale_label = QLabel(_("Text 100%"))
        self.scale_label.setObjectName("stepCounter")
        text_size = QWidget(self)
        text_size.setObjectName("textSize")
        ts = QHBoxLayout(text_size)
        ts.setContentsMargins(0, 0, 0, 0)
        ts.setSpacing(gap)
        for w in (self.smaller_button, self.scale_label, self.larger_button):
            ts.addWidget(w)
        ts.addStretch(1)
        column.addWidget(text_size)
        self.contents_button = make_toggle(
            _("Contents list"), "contentsButton", tip=_("show or hide the list of steps")
        )
        self.toggles = QVBoxLayout()
        self.toggles.setSpacing(gap)
        self.toggles.addWidget(self.contents_button)
        column.addLayout(self.toggles)
        self.done_button = make_button(_("Done"), "displayDone", tip=_("close the display menu"))
        column.addWidget(self.done_button)
        self.hide()

    def add_toggles(self, *buttons: QPushButton) -> None:
        """More toggles under the last, before "Done" (in Tab order too)."""
        for b in buttons:
            last = self.toggles.itemAt(self.toggles.count() - 1).widget()
            self.toggles.addWidget(b)
            QWidget.setTabOrder(last, b)
            QWidget.setTabOrder(b, self.done_button)

    def show_text_scale(self, scale: int) -> None:
        self.scale_label.setText(_("Text {scale}%").format(scale=scale))
        self.scale_label.setAccessibleName(_("Text size {scale} percent").format(scale=scale))
        self.smaller_button.setEnabled(scale > TEXT_SCALES[0])
        self.larger_button.setEnabled(scale < TEXT_SCALES[-1])

    def place(self, button: QWidget) -> None:
        """Under `button`, its right edge with the button's, inside the window."""
        area = self.parentWidget().rect()
        self.adjustSize()
        width = min(self.sizeHint().width(), area.width() - 16)
        height = min(self.sizeHint().height(), area.height() - 16)
        corner = button.mapTo(self.parentWidget(), button.rect().bottomRight())
        x = max(8, min(corner.x() - width, area.width() - width - 8))
        y = min(corner.y() + 6, area.height() - height - 8)
        self.setGeometry(x, y, width, height)
