"""A layout that places controls in a row and wraps them onto more rows when space runs out.

At 200% text the header's controls no longer fit on one line; wrapping keeps every one of them
whole and tappable instead of squeezing their labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget, QWidgetItem

if TYPE_CHECKING:
    from PySide6.QtCore import Qt


class FlowLayout(QLayout):
    """Rows of controls, right-aligned unless `align` says otherwise.

    The header's row is built before the first paint, which does not touch PySide6's `Qt`
    namespace (see controls.py): the default right alignment needs no `Qt` value, and the
    layout leaves expandingDirections() to QLayout instead of returning Qt.Orientation(0).
    Every parent gives it a stretch factor, which decides its share of the space either way
    (screenshots of every step, in every mode and text size, are the same pixel for pixel).
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        spacing: int = 8,
        align: Qt.AlignmentFlag | None = None,  # None: Qt.AlignmentFlag.AlignRight
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._align = align
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout interface -----------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:  # type: ignore[override]
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        # The preferred size is everything on one row.
        width = sum(i.sizeHint().width() for i in self._visible()) + self._gap * max(
            0, len(self._visible()) - 1
        )
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize()).expandedTo(item.sizeHint())
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # -- placement -------------------------------------------------------------------------

    def _indent(self, spare: int) -> int:
        if self._align is None:
            return spare
        from PySide6.QtCore import Qt

        if self._align & Qt.AlignmentFlag.AlignRight:
            return spare
        if self._align & Qt.AlignmentFlag.AlignHCenter:
            return spare // 2
        return 0

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() and i.widget().isHidden())]

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            w = item.sizeHint().width()
            if rows[-1] and used + self._gap + w > area.width():
                rows.append([])
                used = 0
            used += (self._gap if rows[-1] else 0) + w
            rows[-1].append(item)
        y = area.y()
        for row in rows:
            if not row:
                continue
            height = max(i.sizeHint().height() for i in row)
            width = sum(i.sizeHint().width() for i in row) + self._gap * (len(row) - 1)
            x = area.x() + self._indent(max(0, area.width() - width))
            for item in row:
                hint = item.sizeHint()
                if apply:
                    policy = item.widget().sizePolicy() if item.widget() else None
                    grow = policy is not None and policy.verticalPolicy() in (
                        QSizePolicy.Policy.Expanding,
                        QSizePolicy.Policy.MinimumExpanding,
                    )
                    h = height if grow else hint.height()
                    top = y + (height - h) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(hint.width(), h)))
                x += hint.width() + self._gap
            y += height + self._gap
        return y - self._gap - rect.y() + m.bottom() if y > area.y() else 0
