"""The comparison step: the options' table, and the guide's numbers as pictures side by side.

The pictures are real widgets (not images inside the text), so each one tells a screen reader
the same facts it shows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QStackedLayout, QVBoxLayout, QWidget

from decisionaid.core.guide import Step
from decisionaid.core.iconarray import IconArray
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.iconarray_widget import IconArrayPanel
from decisionaid.ui.steps.base import StepContext, StepWidget
from decisionaid.ui.steps.decision_base import decision_css
from decisionaid.ui.steps.page_step import PageStep
from decisionaid.ui.theme import font_px

SHOW_PICTURES = "Show the numbers as pictures"
SHOW_TABLE = "Show the comparison table"


class CompareStep(StepWidget):
    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(ctx, step, parent)
        self.page = PageStep(ctx, step, self)
        self.arrays = self._guide_arrays()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        bar = QHBoxLayout()
        bar.setContentsMargins(24, 8, 24, 8)
        self.toggle = make_button(SHOW_PICTURES, "togglePictures")
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._show_pictures)
        bar.addWidget(self.toggle)
        bar.addStretch(1)
        outer.addLayout(bar)
        # Only once it has a parent: showing a parentless button opens it as its own window.
        self.toggle.setVisible(bool(self.arrays))
        self.stack = QStackedLayout()
        self.stack.addWidget(self.page)
        self.pictures = QScrollArea(self)
        self.pictures.setWidgetResizable(True)
        self.pictures.setFrameShape(QFrame.Shape.NoFrame)
        self.stack.addWidget(self.pictures)
        outer.addLayout(self.stack, 1)
        self.panels: list[IconArrayPanel] = []
        self._built_for: tuple[str, int] | None = None

    def _guide_arrays(self) -> list[IconArray]:
        found: list[IconArray] = []
        for s in self.ctx.guide.steps:
            if s.kind == "page" and not s.broken and s.page is not None:
                found.extend(a for a in self.ctx.pages.render(s).icon_arrays if a is not None)
        return found

    def _build_pictures(self) -> None:
        theme = self.ctx.theme()
        scale = self.ctx.session.state.text_scale
        if self._built_for == (theme.name, scale):
            return
        self._built_for = (theme.name, scale)
        body = QWidget()
        body.setStyleSheet(decision_css(theme, scale))
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 8, 24, 24)
        column.setSpacing(16)
        column.addWidget(
            make_label(
                "Each picture shows 100 people like those in the studies. The groups are side by "
                "side so you can compare them. The same numbers are in words on the pages."
            )
        )
        side = max(160, font_px(scale) * 11)
        self.panels = []
        for array in self.arrays:
            panel = IconArrayPanel(array, theme, self.ctx.guide.references.get(array.source), side)
            column.addWidget(panel)
            self.panels.append(panel)
        column.addStretch(1)
        self.pictures.setWidget(body)

    def _show_pictures(self, on: bool) -> None:
        if on:
            self._build_pictures()
            self.stack.setCurrentWidget(self.pictures)
        else:
            self.stack.setCurrentWidget(self.page)
        self.toggle.setText(SHOW_TABLE if on else SHOW_PICTURES)
        self.toggle.setAccessibleName(self.toggle.text())

    # -- StepWidget --------------------------------------------------------------------------

    @property
    def showing_note(self) -> bool:
        return self.page.showing_note

    def reveal(self) -> None:
        self.page.reveal()

    def scroll_to(self, anchor: str) -> None:
        self.toggle.setChecked(False)
        self.page.scroll_to(anchor)

    def on_shown(self) -> None:
        self.page.on_shown()

    def reset(self) -> None:
        self.toggle.setChecked(False)
        self.pictures.verticalScrollBar().setValue(0)
        self.page.reset()

    def apply_theme(self) -> None:
        self.page.apply_theme()
        if self.stack.currentWidget() is self.pictures:
            self._build_pictures()

    def first_focus(self) -> QWidget | None:
        return self.page.first_focus()

    def text_for_reading(self) -> str:
        if self.stack.currentWidget() is self.pictures:
            return "\n".join(p.array.describe() for p in self.panels)
        return self.page.text_for_reading()
