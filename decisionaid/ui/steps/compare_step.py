"""The comparison step: the options' table, and the guide's numbers as pictures, option by option.

"Show the numbers as pictures" shows every picture of the guide (the comparison's own included)
that is about one of the table's options, grouped under each option's column heading in the
table's order, so every option is seen and none first by accident. Columns are matched to
options by position (`options` of the compare step in guide.toml), never by their words.

The pictures are real widgets (not images inside the text), so each one tells a screen reader
the same facts it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.guide import Step
from decisionaid.core.iconarray import Picture
from decisionaid.core.page_blocks import table_headings
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.iconarray_widget import PicturePanel, fit_groups, picture_panel
from decisionaid.ui.steps.base import StepContext, StepWidget
from decisionaid.ui.steps.decision_base import decision_css
from decisionaid.ui.steps.page_step import PageStep
from decisionaid.ui.theme import font_px


class CompareStep(StepWidget):
    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(ctx, step, parent)
        self.page = PageStep(ctx, step, self)
        self.page.noteShownChanged.connect(self.noteShownChanged)
        self.by_option = self._pictures_by_option()
        self.arrays = [a for _, pictures in self.by_option for a in pictures]
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        bar = QHBoxLayout()
        bar.setContentsMargins(24, 8, 24, 8)
        self.words = ctx.guide.wording
        self.toggle = make_button(self.words["compare.show_pictures"], "togglePictures")
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
        self.pictures.installEventFilter(self)  # its resizes: the pictures fit its width
        self.stack.addWidget(self.pictures)
        outer.addLayout(self.stack, 1)
        self.panels: list[PicturePanel] = []
        self.option_headings: list[QLabel] = []
        self._built_for: tuple[str, int] | None = None
        self._side = 0

    def _pictures_by_option(self) -> list[tuple[str, list[Picture]]]:
        """(column heading, its pictures in guide order) for each option, in column order."""
        options = self.step.options
        headings = table_headings(self.step.page) if self.step.page else []
        found: dict[str, list[Picture]] = {option: [] for option in options}
        for s in self.ctx.guide.steps:
            if s.broken or s.page is None:
                continue
            for picture in self.ctx.pages.render(s).icon_arrays:
                if picture is not None and picture.option in found:
                    found[picture.option].append(picture)
        # The first column holds the rows' headings; option i is column i + 1.
        named = [
            (headings[i + 1] if i + 1 < len(headings) else option, found[option])
            for i, option in enumerate(options)
        ]
        return [(heading, pictures) for heading, pictures in named if pictures]

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
        column.addWidget(make_label(self.ctx.guide.wording["compare.pictures_intro"]))
        side = self._side = max(160, font_px(scale) * 11)
        self.panels = []
        self.option_headings = []
        references = self.ctx.guide.references
        for heading, pictures in self.by_option:
            title = make_label(heading, "optionHeading")
            title.setAccessibleName(heading)
            column.addWidget(title)
            self.option_headings.append(title)
            for picture in pictures:
                panel = picture_panel(picture, theme, references.get(picture.source), side)
                column.addWidget(panel)
                self.panels.append(panel)
        column.addStretch(1)
        self.pictures.setWidget(body)
        self._fit_pictures()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.pictures and event.type() == QEvent.Type.Resize:
            self._fit_pictures()
        return super().eventFilter(watched, event)

    def _fit_pictures(self) -> None:
        """Each picture's groups side by side within the width there is: at large text on a
        narrow window the figures get smaller rather than push the page sideways. The width
        allows for the scroll bar whether or not it shows, so fitting never makes it come
        and go."""
        body = self.pictures.widget()
        if not self.panels or body is None:
            return
        margins = body.layout().contentsMargins()
        bar = self.pictures.verticalScrollBar().sizeHint().width()
        width = self.pictures.width() - bar - margins.left() - margins.right()
        for panel in self.panels:
            fit_groups(panel, width, self._side)

    def _show_pictures(self, on: bool) -> None:
        if on:
            self._build_pictures()
            self.stack.setCurrentWidget(self.pictures)
        else:
            self.stack.setCurrentWidget(self.page)
        self.toggle.setText(self.words["compare.show_table" if on else "compare.show_pictures"])
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
            lines = []
            for heading, pictures in self.by_option:
                lines.append(heading)
                lines += [picture.describe() for picture in pictures]
            return "\n".join(lines)
        return self.page.text_for_reading()
