"""The counsellor's controls, in the footer between "Start over" and Back/Next.

While the presenter view has a screen of its own, the counsellor runs the consultation from
there: the tools move to the presenter view and the reader's window shows none of them. On one
shared screen, "Presentation" is for the client's eyes: it hides every other tool, and stays
itself as the one way back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QWidget

from decisionaid.core.i18n import _
from decisionaid.core.session import Change
from decisionaid.ui.controls import make_button, show_checked_in_text
from decisionaid.ui.counsellor.index import IndexPlacer, StepIndex
from decisionaid.ui.flow_layout import FlowLayout
from decisionaid.ui.theme import font_px

if TYPE_CHECKING:
    from decisionaid.ui.counsellor.presenter import PresenterWindow
    from decisionaid.ui.main_window import MainWindow

PRESENTATION_SCALE = 150


class CounsellorTools(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        policy = window.policy
        self.presenter: PresenterWindow | None = None
        # Controls the composition root adds to the presenter view when it is made (the
        # language control): a function from the new window to its buttons.
        self.presenter_extras: Callable[[QWidget], list[QPushButton]] | None = None
        # The reader's text size and contrast from before the preset, put back when it goes off.
        self._before_presentation: tuple[int, bool] | None = None
        self.bar = QWidget()
        self.bar.setObjectName("counsellorTools")
        self.bar.setStyleSheet("QWidget#counsellorTools { background: transparent; }")
        self.bar.setAccessibleName(_("Counsellor tools"))
        row = FlowLayout(
            self.bar, spacing=policy.control_gap_px, align=Qt.AlignmentFlag.AlignHCenter
        )
        self.buttons: list[QPushButton] = []

        self.index = StepIndex(window.guide, lambda: window.current_index, None)
        window.add_overlay(self.index)
        self.index.stepChosen.connect(window.go_to)
        self.index.closed.connect(self._focus_index_button)
        self._placer = IndexPlacer(self.index, window.body, [window.centralWidget()])
        self.index_button = self._add(
            row, policy.step_index, _("All steps"), "indexButton", _("every step as a large tile")
        )
        self.index_button.clicked.connect(self.open_index)

        self.presenter_button = self._add(
            row,
            policy.presenter_view,
            _("Presenter view"),
            "presenterButton",
            _("your own window with talking points and sources"),
        )
        self.presenter_button.clicked.connect(self.open_presenter)
        self.presentation_button = self._add(
            row,
            policy.presenter_view,
            _("Presentation"),
            "presentationButton",
            _("large text and high contrast for a shared screen"),
        )
        self.presentation_button.setCheckable(True)
        show_checked_in_text(self.presentation_button)
        self.presentation_button.toggled.connect(self._presentation_toggled)
        self.hide_button = self._add(
            row,
            policy.presenter_view,
            _("Hide answers"),
            "hideAnswers",
            _("keep the reader's choices off a shared screen"),
        )
        self.hide_button.setCheckable(True)
        show_checked_in_text(self.hide_button)
        self.hide_button.toggled.connect(self.session.set_hide_answers)
        self.print_button = self._add(
            row,
            policy.step_handouts and policy.print_dialog,
            _("Print this step"),
            "printStep",
            _("print this step as a handout"),
        )
        self.print_button.clicked.connect(lambda: self.print_step())

        if self.buttons:
            window.add_footer_tools(self.bar, self.buttons)
        else:
            self.bar.hide()
        window.stepChanged.connect(lambda _i: self.index.hide())
        window.signals.changed.connect(self._on_session_changed)
        window.firstPaint.connect(self._open_presenter_on_second_screen)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and policy.presenter_view:
            app.screenAdded.connect(lambda _s: self._open_presenter_on_second_screen())

    def _add(self, row: FlowLayout, wanted: bool, text: str, name: str, tip: str) -> QPushButton:
        button = make_button(text, name, tip=tip)
        if wanted:
            row.addWidget(button)
            self.buttons.append(button)
        else:
            button.setParent(self.bar)
            button.hide()
        return button

    # -- actions ---------------------------------------------------------------------------

    def open_index(self) -> None:
        self._placer.place()
        self.index.open_index(font_px(self.session.state.text_scale))

    def _focus_index_button(self) -> None:
        self.index_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_presenter(self) -> PresenterWindow:
        if self.presenter is None:
            from decisionaid.ui.counsellor.presenter import PresenterWindow

            presenter = PresenterWindow(self.window)
            presenter.presentation_button.toggled.connect(self._presentation_toggled)
            presenter.hide_button.toggled.connect(self.session.set_hide_answers)
            presenter.print_button.clicked.connect(lambda: self.print_step(presenter))
            presenter.placementChanged.connect(self._place_tools)
            handle = self.window.windowHandle()
            if handle is not None:  # the reader's window moving to another screen counts too
                handle.screenChanged.connect(lambda _s: presenter.note_placement())
            if self.presenter_extras is not None:
                presenter.add_language_buttons(self.presenter_extras(presenter))
            self.presenter = presenter
            self._show_state()
        self.presenter.show_step(self.window.current_index)
        self.presenter.place()
        return self.presenter

    def tools_with_counsellor(self) -> bool:
        """Whether the counsellor's tools are in the presenter view, on its own screen."""
        return self.presenter is not None and self.presenter.on_own_screen()

    def _place_tools(self) -> None:
        there = self.tools_with_counsellor()
        presenting = self._presentation_on()
        for b in self.buttons:
            b.setVisible(not there and (not presenting or b is self.presentation_button))
        self.bar.setAccessibleName("" if there else _("Counsellor tools"))
        if self.presenter is not None:
            self.presenter.show_shared_tools(there)
        if there or presenting:
            self.index.close_index()

    def _open_presenter_on_second_screen(self) -> None:
        if not self.window.policy.presenter_view or len(QGuiApplication.screens()) < 2:
            return
        if self.presenter is None or not self.presenter.isVisible():
            self.open_presenter()

    def set_presentation(self, on: bool) -> None:
        state = self.session.state
        if on:
            before = (state.text_scale, state.high_contrast)
            # Never smaller than the reader already had it.
            self.session.set_text_scale(max(PRESENTATION_SCALE, state.text_scale))
            self.session.set_high_contrast(True)
            self._before_presentation = before
        else:
            scale, contrast = self._before_presentation or (100, False)
            self._before_presentation = None
            self.session.set_text_scale(scale)
            self.session.set_high_contrast(contrast)

    def _presentation_toggled(self, on: bool) -> None:
        if on != self._presentation_on():
            self.set_presentation(on)

    def print_step(self, parent: QWidget | None = None) -> None:
        """Print the reader's step; the dialog opens over the window it was asked from."""
        from decisionaid.ui.counsellor.handout import print_step

        print_step(self.window, parent=parent)

    def _on_session_changed(self, what: Change) -> None:
        state = self.session.state
        if (
            what in (Change.RESET, Change.TEXT_SCALE, Change.HIGH_CONTRAST)
            and not self._presentation_on()
        ):
            # Changed by hand or cleared: what came before the preset no longer applies.
            self._before_presentation = None
        if what in (Change.RESET, Change.TEXT_SCALE, Change.HIGH_CONTRAST, Change.HIDE_ANSWERS):
            self._show_state()
        if what in (Change.RESET, Change.TEXT_SCALE, Change.HIGH_CONTRAST):
            self._place_tools()  # Presentation on or off
        if what is Change.RESET:
            self.index.hide()
            if self.presenter is not None:
                self.presenter.index.hide()
        if what is Change.TEXT_SCALE and self.index.isVisible():
            self.index.size_tiles(font_px(state.text_scale))

    def _presentation_on(self) -> bool:
        state = self.session.state
        return state.high_contrast and state.text_scale >= PRESENTATION_SCALE

    def _show_state(self) -> None:
        """Both windows' toggles show the session's state."""
        pairs = [(self.presentation_button, self.hide_button)]
        if self.presenter is not None:
            pairs.append((self.presenter.presentation_button, self.presenter.hide_button))
        for presentation, hide in pairs:
            self._set_checked(presentation, self._presentation_on())
            self._set_checked(hide, self.session.state.hide_answers)

    @staticmethod
    def _set_checked(button: QPushButton, on: bool) -> None:
        # The toggles act on `toggled` (a tap, Space, or a screen reader's Toggle action, which
        # never emits `clicked`); showing the session's state here asks for what it already
        # holds, so it changes nothing.
        button.setChecked(on)
