"""The one long-lived window: header with help, the current step, and Back/Next.

Navigation swaps the step widget; nothing is rebuilt. Step widgets are created the first time a
reader reaches them, so start-up only pays for the first step.

The window knows no mode. The composition root (app.py) adds what a mode needs through the
hooks here: tools in the header or the footer, panels over the page, full screens in place of
the guide, the widgets a hidden gesture listens on, and `idlePause` for anything that must keep
an idle kiosk from clearing the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.config import Config
from decisionaid.core.guide import Guide, Step
from decisionaid.core.i18n import _
from decisionaid.core.page_cache import Pages
from decisionaid.core.policy import Policy
from decisionaid.core.session import Change, Session
from decisionaid.ui.focus_scope import FocusScope, takes_tab_focus
from decisionaid.ui.help_panel import HelpPanel, crisis_lines
from decisionaid.ui.popover import Popover
from decisionaid.ui.reader_text import forget_reader_text
from decisionaid.ui.session_signals import SessionSignals
from decisionaid.ui.steps import create_step_widget
from decisionaid.ui.steps.base import DecisionDataLoader, StepContext, StepWidget
from decisionaid.ui.theme import STANDARD, Theme, font_px, stylesheet
from decisionaid.ui.window_parts import (
    Body,
    Footer,
    Header,
    ProgressRow,
    StartOverBar,
    add_shortcuts,
)

CONTENTS_AUTO_HIDE_SCALE = 175
HELP_OPEN = "help panel open"

StylePart = Callable[[Theme, int], str]  # (theme, text scale) -> extra style rules


class MainWindow(QMainWindow):
    stepChanged = Signal(int)
    helpVisibilityChanged = Signal(bool)
    sessionReset = Signal()
    firstPaint = Signal()
    # Emitted within the first paint, before the frame reaches the screen: what must be in
    # place before anyone can touch the window (a kiosk's app-wide filters) starts here, and
    # the events of building and showing the window never pass through it.
    firstFrame = Signal()
    # (reason, on): while any reason is on, the reader is busy with something, not idle.
    idlePause = Signal(str, bool)

    def __init__(
        self,
        guide: Guide,
        session: Session,
        policy: Policy,
        config: Config,
        *,
        pages: Pages,
        decision_data: DecisionDataLoader,
        theme: Theme = STANDARD,
        styles: Sequence[StylePart] = (),
    ) -> None:
        super().__init__()
        self.guide = guide
        self.session = session
        self.policy = policy
        self.config = config
        self.theme = theme
        self.pages = pages
        self.signals = SessionSignals(session, self)
        self._step_widgets: dict[int, StepWidget] = {}
        self._painted = False
        self.ctx = StepContext(
            guide=guide,
            pages=pages,
            session=session,
            decision_data=decision_data,
            signals=self.signals,
            policy=policy,
            config=config,
            theme=lambda: self.theme,
            navigate=self.navigate_to,
            next_step=self.go_next,
            show_glossary=self.show_glossary,
            show_reference=self.show_reference,
            open_external=self.open_external,
        )
        self.setWindowTitle(guide.title)
        self.setObjectName("mainWindow")
        self._css = ""
        self._style_parts = list(styles)
        self._columns: list[QVBoxLayout] = []  # from top_aligned(), see _set_stylesheet
        self._overlays: list[QWidget] = []
        self._screens: list[QWidget] = []
        self._popover: Popover | None = None  # made the first time a link asks for it
        self._touch_ready = False  # kinetic scrolling is set up after the first paint
        # Styled before the children exist, so each is polished once instead of twice.
        self._set_stylesheet()
        self._build()
        self._shortcuts()
        self.signals.changed.connect(self._on_session_changed)
        self.apply_style()
        # Where the reader is: the first step at start, their step when the window is built
        # again in another language.
        self.go_to(session.state.current_step)

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        central.setObjectName("central")
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self._root = root
        self.header = Header(self.guide, self.config, self.policy, self._columns, central)
        self.progress_row = ProgressRow(central)
        self.body = Body(self.guide, self.go_to, self._columns, central)
        self.start_over_bar = StartOverBar(central)
        self.footer = Footer(self.policy, central)
        for part in (self.header, self.progress_row):
            root.addWidget(part)
        root.addWidget(self.body, 1)
        root.addWidget(self.start_over_bar)
        root.addWidget(self.footer)
        # The parts' controls, by the names the rest of the app and its tests know them.
        for part, names in (
            (self.header, "title_label logo_label help_button display_button"),
            (self.header.menu, "contents_button scale_label smaller_button larger_button"),
            (self.progress_row, "step_title counter_label progress"),
            (self.body, "contents stack"),
            (self.footer, "start_over_button back_button next_button"),
        ):
            for name in names.split():
                setattr(self, name, getattr(part, name))
        self.display_menu = self.header.menu
        self.display_button.clicked.connect(
            lambda: self.show_display_menu(not self.display_menu.isVisible())
        )
        self.display_menu.done_button.clicked.connect(lambda: self.show_display_menu(False))
        self.contents_button.toggled.connect(self._set_contents_visible)
        self.smaller_button.clicked.connect(lambda: self.step_text_scale(-1))
        self.larger_button.clicked.connect(lambda: self.step_text_scale(+1))
        self.help_button.clicked.connect(self.toggle_help)
        self.start_over_bar.confirm.clicked.connect(self.start_over)
        self.start_over_button.clicked.connect(self.ask_start_over)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)

        notices = self.config.staff_notices
        if self.policy.staff_notices_on_screen and notices:
            from decisionaid.ui.staff_notices import StaffNoticeBar

            self.staff_notice_bar = StaffNoticeBar(notices, central)
            root.insertWidget(1, self.staff_notice_bar)  # under the header, above the step

        self.setCentralWidget(central)
        self.help_panel = HelpPanel(central, full_width=self.policy.help_full_width)
        self.help_panel.set_crisis(*crisis_lines(self.guide, self.config, self.policy))
        self.help_panel.closed.connect(self._on_help_closed)
        # A panel over the page (help, or one a mode adds such as the counsellor's step index)
        # keeps the keyboard in what shows; the roots follow whichever panel is open.
        self._panel_focus = FocusScope([], lambda: bool(self._panel_focus_roots()))
        self._help_opener: QWidget | None = None
        central.installEventFilter(self)
        self.body.installEventFilter(self)  # the page moves down when the header grows
        self._central = central
        self.contents_button.setChecked(not self.policy.fullscreen)
        self._set_contents_visible(self.contents_button.isChecked())

    # -- hooks for what a mode adds --------------------------------------------------------

    def add_header_tools(self, *buttons: QPushButton) -> None:
        """Buttons beside the text size, before "Get help now" in reading order."""
        self.header.add_tools(*buttons)

    def add_display_toggles(self, *buttons: QPushButton) -> None:
        """Toggles in the Display menu, after the contents list (high contrast, say)."""
        self.display_menu.add_toggles(*buttons)

    def add_footer_tools(self, bar: QWidget, buttons: list[QPushButton]) -> None:
        """A row of tools between "Start over" and Back/Next."""
        self.footer.add_tools(bar, buttons)

    def add_overlay(self, panel: QWidget) -> None:
        """A panel laid over the page (the mode places it). While it shows, Tab stays in it,
        the header and the footer, if the panel leaves the footer showing."""
        panel.setParent(self._central)
        self._overlays.append(panel)

    def add_screen(self, screen: QWidget) -> None:
        """A full screen that can stand in for the guide, below the header (see show_screen)."""
        self._root.insertWidget(1, screen, 1)
        screen.hide()
        self._screens.append(screen)
        if self._touch_ready:  # added after the first paint: set up as the rest was then
            self._touch_scroll(screen)
            self._icons(screen)

    def window_parts(self) -> list[QWidget]:
        """The window's own parts, top to bottom: what a full screen covers."""
        layout = self._root
        widgets = (layout.itemAt(i).widget() for i in range(layout.count()))
        return [w for w in widgets if w is not None and w not in self._screens]

    def gesture_targets(self) -> list[QWidget]:
        """Where a hidden staff gesture may be made: the title, and the clinic's logo."""
        return [w for w in (self.title_label, self.logo_label) if w is not None]

    def hold_idle(self, reason: str, on: bool) -> None:
        """Say that the reader is busy (`on`) or no longer busy, for `reason`."""
        self.idlePause.emit(reason, on)

    def _shortcuts(self) -> None:
        add_shortcuts(
            self,
            [
                ("Alt+Right", self.go_next),
                ("Alt+Left", self.go_back),
                ("Ctrl++", lambda: self.step_text_scale(+1)),
                ("Ctrl+=", lambda: self.step_text_scale(+1)),
                ("Ctrl+-", lambda: self.step_text_scale(-1)),
                ("F1", self.toggle_help),
                ("Escape", self._escape),  # closes what is open; never quits
            ],
            quit=self.close if self.policy.quit_shortcuts else None,
        )

    # -- geometry --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (watched is self._central and kind == QEvent.Type.Resize) or (
            watched is self.body and kind in (QEvent.Type.Move, QEvent.Type.Resize)
        ):
            self._place_help_panel()
            if self.display_menu.isVisible():
                self.display_menu.place(self.display_button)
        elif kind == QEvent.Type.MouseButtonPress and isinstance(watched, QWidget):
            # Open, the Display menu closes at a tap anywhere else, as a menu does.
            inside = (self.display_menu, self.display_button)
            if not any(w is watched or w.isAncestorOf(watched) for w in inside):
                self.show_display_menu(False)
        return False

    def _place_help_panel(self) -> None:
        # Where the page starts, laid out now: a page just shown again (after a full screen a
        # mode added) still has the place it had before, and a hidden one has none, so help
        # then starts under the header.
        self._root.activate()
        if self.body.isVisible():
            top = self.body.geometry().top()
        else:
            top = self.header.geometry().bottom() + 1
        self.help_panel.place(self._central.rect(), top)

    def _panel_over_page(self) -> QWidget | None:
        """The panel lying over the page, if one is open: help, or one a mode added."""
        panels = (self.help_panel, self.display_menu, *self._overlays)
        return next((p for p in panels if p.isVisible()), None)

    def _panel_focus_roots(self) -> list[QWidget]:
        panel = self._panel_over_page()
        if panel is None:
            return []
        roots = [self.header, panel]
        if panel is self.display_menu:
            return roots  # a menu keeps the keyboard until it closes
        if not panel.geometry().intersects(self.footer.geometry()):
            roots.append(self.footer)  # Back/Next still show below a panel that stops short
        return roots

    def focusNextPrevChild(self, next: bool) -> bool:
        self._panel_focus.roots = self._panel_focus_roots()
        moved = self._panel_focus.move(next)
        return super().focusNextPrevChild(next) if moved is None else moved

    def paintEvent(self, event):  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.firstFrame.emit()
            QTimer.singleShot(0, self, self._first_painted)

    def _first_painted(self) -> None:
        self.firstPaint.emit()
        # What the first screen can do without (kinetic scrolling, icons) comes after whatever
        # the first paint started: a start is never kept waiting for it. Tied to the window,
        # so a window closed on its first paint (the start-up probe) is not set up after it.
        QTimer.singleShot(0, self, self._after_first_paint)

    def finish_start(self) -> None:
        """What waits for the first paint (kinetic scrolling, icons), done now if it has not
        been: for pictures of the window taken before it has painted on any screen."""
        self._after_first_paint()

    def _after_first_paint(self) -> None:
        if self._touch_ready:
            return
        self._touch_ready = True
        self._touch_scroll(self._central)
        self._icons(self)

    def _icons(self, root: QWidget) -> None:
        """The icons of the buttons in `root` (ui/icons.py), in the theme's colours."""
        from decisionaid.ui.icons import apply_icons

        apply_icons(root, self.theme, font_px(self.session.state.text_scale))

    def _touch_scroll(self, root: QWidget) -> None:
        """Kinetic scrolling, and the "More below" cue, on every scrolling area in `root`."""
        from decisionaid.ui.touch_scroll import install_touch_scrolling

        install_touch_scrolling(
            root, self.policy, self.theme, font_px(self.session.state.text_scale)
        )

    # -- navigation ------------------------------------------------------------------------

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
        widget = self.step_widget(index)
        self.stack.setCurrentWidget(widget)
        widget.on_shown()
        if anchor and hasattr(widget, "scroll_to"):
            widget.scroll_to(anchor)
        step = self.guide.steps[index]
        self.progress_row.show_step(step.title, self.guide.step_number(index))
        self.back_button.setEnabled(self.session.back_target() is not None)
        self._show_forward()
        self.contents.mark(index)
        self.start_over_bar.hide()
        focus = widget.first_focus()
        if focus is not None:
            focus.setFocus()  # Qt.FocusReason.OtherFocusReason
        self.setWindowTitle(_("{step} – {guide}").format(step=step.title, guide=self.guide.title))
        self.stepChanged.emit(index)

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

    def _set_contents_visible(self, visible: bool) -> None:
        self.contents.setVisible(visible)

    def show_display_menu(self, on: bool) -> None:
        """Open or close the Display menu (text size, contrast, contents)."""
        menu = self.display_menu
        if on:
            if self.help_panel.isVisible():
                self.help_panel.hide_panel()
            menu.place(self.display_button)
            menu.show()
            menu.raise_()
            QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
            first = menu.larger_button if menu.larger_button.isEnabled() else menu.smaller_button
            first.setFocus()
        elif menu.isVisible():
            QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
            had_focus = menu.isAncestorOf(QApplication.focusWidget())
            menu.hide()
            if had_focus:
                self.display_button.setFocus()

    # -- help, glossary, links -------------------------------------------------------------

    def toggle_help(self) -> None:
        if self.help_panel.isVisible():
            self.help_panel.hide_panel()
        else:
            self._place_help_panel()
            self.show_display_menu(False)
            self._help_opener = QApplication.focusWidget()
            self.help_panel.show_panel()
            if self._touch_ready:
                self._touch_scroll(self.help_panel)
            self.helpVisibilityChanged.emit(True)
            self.hold_idle(HELP_OPEN, True)  # someone reading crisis lines is not idle

    def _on_help_closed(self) -> None:
        # Back to where the reader was when they asked for help, if it is still there.
        opener, self._help_opener = self._help_opener, None
        if opener is None or not shiboken6.isValid(opener) or not takes_tab_focus(opener):
            opener = self.help_button
        opener.setFocus()
        self.helpVisibilityChanged.emit(False)
        self.hold_idle(HELP_OPEN, False)

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

    def _escape(self) -> None:
        # Escape closes what is open; it never quits the app.
        if self.display_menu.isVisible():
            self.show_display_menu(False)
        elif self.help_panel.isVisible():
            self.help_panel.hide_panel()
        elif self._popover is not None and self._popover.isVisible():
            self._popover.close_popover()
        elif self.start_over_bar.isVisible():
            self.start_over_bar.hide()

    # -- text size and style ---------------------------------------------------------------

    def step_text_scale(self, direction: int) -> None:
        """One size larger (+1) or smaller (-1)."""
        self.session.step_text_scale(direction)

    def set_text_scale(self, percent: int) -> None:
        self.session.set_text_scale(percent)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.apply_style()

    def add_style(self, part: StylePart) -> None:
        """Add rules (for screens a mode adds) to the window's one style sheet."""
        if part not in self._style_parts:
            self._style_parts.append(part)
            self._set_stylesheet()

    def _set_stylesheet(self) -> None:
        scale = self.session.state.text_scale
        css = stylesheet(self.theme, scale, self.policy.touch_target_px) + "".join(
            part(self.theme, scale) for part in self._style_parts
        )
        if css != self._css:  # setting the same sheet again would re-style every widget
            self._css = css
            self.setStyleSheet(css)
            # New fonts, new sizes: the top-aligned columns must not offer the old ones when
            # the rows around them lay out again.
            for column in self._columns:
                column.invalidate()

    def apply_style(self) -> None:
        self._set_stylesheet()
        self.header.show_text_scale(self.session.state.text_scale)
        for widget in self._step_widgets.values():
            widget.apply_theme()
        if self.display_menu.isVisible():
            self.display_menu.place(self.display_button)  # its words grew or shrank
        if self._touch_ready:
            from decisionaid.ui.touch_scroll import cues

            self._icons(self)

            for cue in cues(self._central):
                cue.set_style(self.theme, font_px(self.session.state.text_scale))

    # -- session ---------------------------------------------------------------------------

    def ask_start_over(self) -> None:
        self.start_over_bar.show()
        self.start_over_bar.cancel.setFocus()

    def start_over(self) -> None:
        """Wipe the reader's session and every widget's state, then show the first step."""
        self.session.reset()

    def _on_session_changed(self, what: Change) -> None:
        if what is Change.RESET:
            # First the words, shown or hidden, then every step redraws from the empty session.
            forget_reader_text(self)
            self.help_panel.hide()
            self._help_opener = None
            if self._popover is not None:
                self._popover.wipe()
            self.start_over_bar.hide()
            self.show_display_menu(False)
            for widget in self._step_widgets.values():
                widget.reset()
            self.contents_button.setChecked(not self.policy.fullscreen)
            self.apply_style()
            self.go_to(0)
            self.sessionReset.emit()
        elif what is Change.TEXT_SCALE:
            self.apply_style()
            if self.session.state.text_scale >= CONTENTS_AUTO_HIDE_SCALE:
                self.contents_button.setChecked(False)
