"""A finger scrolls: kinetic scrolling (Qt's QScroller) on every scrolling area, and a "More
below" cue while more of the page lies under the fold.

Where the policy says so (kiosk touchscreens, many of which report a finger as a mouse), a drag
with the mouse's left button scrolls too, and never selects text. Elsewhere a touch scrolls and
a mouse drag still selects words, as it does in every reader.

Installed after the first paint: nothing here is needed to show the first screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF
from PySide6.QtGui import QColor, QLinearGradient, QPainter
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QScroller,
    QScrollerProperties,
    QTextBrowser,
    QWidget,
)

from decisionaid.core.i18n import N_, _
from decisionaid.core.policy import Policy
from decisionaid.ui.theme import Theme

MORE_BELOW = N_("More below")
INSTALLED = "touchScrolling"  # a property set on each area once it scrolls by touch


def install_touch_scrolling(
    root: QWidget, policy: Policy, theme: Theme, font_px: int
) -> list[QAbstractScrollArea]:
    """Kinetic scrolling and the cue on every scrolling area inside `root` (and `root` itself)
    that does not have them yet; returns the areas newly set up."""
    areas = [root] if isinstance(root, QAbstractScrollArea) else []
    areas += root.findChildren(QAbstractScrollArea)
    done = []
    for area in areas:
        if area.property(INSTALLED):
            continue
        area.setProperty(INSTALLED, True)
        _kinetic(area, policy)
        MoreBelowCue(area, theme, font_px)
        done.append(area)
    return done


def _kinetic(area: QAbstractScrollArea, policy: Policy) -> None:
    viewport = area.viewport()
    gesture = (
        QScroller.ScrollerGestureType.LeftMouseButtonGesture
        if policy.drag_scrolls
        else QScroller.ScrollerGestureType.TouchGesture
    )
    QScroller.grabGesture(viewport, gesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    policy_off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    # Pages stop at their ends, as a document does: no rubber band that shows empty space.
    props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, policy_off)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, policy_off)
    # A tap reaches a link or a button at once; only a drag becomes a scroll.
    props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
    scroller.setScrollerProperties(props)
    if not policy.text_selection and isinstance(area, QTextBrowser):
        from PySide6.QtCore import Qt

        flags = Qt.TextInteractionFlag
        area.setTextInteractionFlags(flags.LinksAccessibleByMouse | flags.LinksAccessibleByKeyboard)


class MoreBelowCue(QWidget):
    """A fade over the last lines of a scrolling area with the words "More below" and an arrow:
    not colour alone, and gone once the reader reaches the end. Taps and drags pass through."""

    def __init__(self, area: QAbstractScrollArea, theme: Theme, font_px: int) -> None:
        super().__init__(area)
        from PySide6.QtCore import Qt

        self.setObjectName("moreBelow")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(_(MORE_BELOW))
        self.setAccessibleDescription(_("There is more to read: scroll down."))
        self.area = area
        self.theme = theme
        self.font_px = font_px
        bar = area.verticalScrollBar()
        bar.valueChanged.connect(self.update_shown)
        bar.rangeChanged.connect(self.update_shown)
        area.installEventFilter(self)
        self.update_shown()

    def set_style(self, theme: Theme, font_px: int) -> None:
        self.theme = theme
        self.font_px = font_px
        self.update_shown()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            self.update_shown()
        return False

    @property
    def more_below(self) -> bool:
        bar = self.area.verticalScrollBar()
        return bar.maximum() > 0 and bar.value() < bar.maximum()

    def update_shown(self) -> None:
        shown = self.more_below
        if shown:
            port = self.area.viewport().geometry()
            height = min(port.height() // 3, round(self.font_px * 3.2))
            self.setGeometry(port.left(), port.bottom() + 1 - height, port.width(), height)
            self.raise_()
        self.setVisible(shown)

    def paintEvent(self, event):  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt

        t = self.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        h, w = self.height(), self.width()
        fade = QLinearGradient(QPointF(0, 0), QPointF(0, h))
        clear = QColor(t.window)
        clear.setAlpha(0)
        fade.setColorAt(0, clear)
        fade.setColorAt(0.6, QColor(t.window))
        fade.setColorAt(1, QColor(t.window))
        p.fillRect(self.rect(), fade)
        font = p.font()
        font.setPixelSize(max(12, round(self.font_px * 0.9)))
        font.setBold(True)
        p.setFont(font)
        words = _(MORE_BELOW) + "  ▼"
        text_w = p.fontMetrics().horizontalAdvance(words)
        text_h = p.fontMetrics().height()
        pill = QRectF((w - text_w) / 2 - 14, h - text_h - 10, text_w + 28, text_h + 6)
        p.setPen(QColor(t.border))
        p.setBrush(QColor(t.surface))
        p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        p.setPen(QColor(t.text))
        p.drawText(pill, Qt.AlignmentFlag.AlignCenter, words)
        p.end()


def cues(root: QWidget) -> list[MoreBelowCue]:
    return root.findChildren(MoreBelowCue)
