"""Moving through the guide: the step shown, Back to where the reader came from, Next (or
"Skip this part" at a content note), and jumps to a step by its id. Each step's widget is made
the first time a reader reaches it."""

from __future__ import annotations

from decisionaid.core.guide import Step
from decisionaid.core.i18n import _
from decisionaid.ui.steps import create_step_widget
from decisionaid.ui.steps.base import StepWidget


class StepNavigation:
    """Navigation and the reader's history for `MainWindow` (a mixin)."""

    @property
    def current_index(self) -> int:
        return self.session.state.current_step

    def current_step(self) -> Step | None:
        steps = self.guide.steps
        return steps[self.current_index] if 0 <= self.current_index < len(steps) else None

    def step_widget(self, index: int) -> StepWidget:
        widget = self._step_widgets.get(index)
        if widget is None:
            widget = create_step_widget(self.ctx, self.guide.steps[index], self.stack)
            self._step_widgets[index] = widget
            widget.noteShownChanged.connect(self._show_forward)
            if self._touch_ready:
                self._touch_scroll(widget)
                self._icons(widget)
            self.stack.addWidget(widget)
        return widget

    def current_widget(self) -> StepWidget | None:
        w = self.stack.currentWidget()
        return w if isinstance(w, StepWidget) else None

    def go_to(self, index: int, anchor: str = "", *, remember: bool = True) -> None:
        """Show step `index` (at `anchor`); with `remember`, Back comes back here."""
        total = len(self.guide.steps)
        if total == 0:
            self._show_empty_guide()
            return
        index = max(0, min(index, total - 1))
        self.close_popover(refocus=False)
        self.session.go_to(index, remember=remember)
        widget = self._show_step(index)
        if anchor and hasattr(widget, "scroll_to"):
            widget.scroll_to(anchor)
        self.start_over_bar.hide()
        focus = widget.first_focus()
        if focus is not None:
            focus.setFocus()  # Qt.FocusReason.OtherFocusReason
        self.stepChanged.emit(index)

    def prepare_step(self) -> None:
        """Build and lay out the reader's step behind a full screen that stands over it, without
        announcing it (no stepChanged, the focus left where it is): `go_to` then shows it at
        once. For a window made with `show_step=False`; nothing to do once a step shows."""
        if self.current_widget() is None and self.guide.steps:
            self._show_step(self.current_index)

    def _show_step(self, index: int) -> StepWidget:
        widget = self.step_widget(index)
        self.stack.setCurrentWidget(widget)
        widget.on_shown()
        self._show_place(index)
        self._show_forward()
        self.contents.mark(index)
        return widget

    def _show_place(self, index: int) -> None:
        """Where the reader is: the step's title and number, Back, and the window's title."""
        step = self.guide.steps[index]
        self.progress_row.show_step(step.title, self.guide.step_number(index))
        self.back_button.setEnabled(self.session.back_target() is not None)
        self.setWindowTitle(_("{step} – {guide}").format(step=step.title, guide=self.guide.title))

    def _show_empty_guide(self) -> None:
        self.progress_row.show_empty()
        self.body.show_empty()
        self.back_button.setEnabled(False)
        self.next_button.setEnabled(False)

    def _show_forward(self) -> None:
        """Next, or "Skip this part" while a content note stands before the step's words: the
        forward control says what it does."""
        widget = self.current_widget()
        skips = widget is not None and widget.showing_note
        b = self.next_button
        b.setText(_("Skip this part") if skips else _("Next"))
        b.setAccessibleName(
            _("Skip this part: go on without reading it") if skips else _("Next: next step")
        )
        b.setToolTip(
            _("go on without reading it; the summary lists it") if skips else _("next step")
        )
        b.setEnabled(0 <= self.current_index < len(self.guide.steps) - 1)

    def go_next(self) -> None:
        if self.current_index < len(self.guide.steps) - 1:
            widget = self.current_widget()
            step = self.current_step()
            if widget is not None and widget.showing_note and step is not None:
                self.session.skip_part(step.id)
            self.go_to(self.current_index + 1)

    def go_back(self) -> None:
        """To the step the reader came from (after a jump, not the one before in order)."""
        target = self.session.back_target()
        if target is not None:
            self.session.go_back()
            self.go_to(target, remember=False)

    def navigate_to(self, step_id: str, anchor: str = "") -> None:
        index = self.guide.index_of(step_id)
        if index >= 0:
            self.go_to(index, anchor)
