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
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QPushButton, QVBoxLayout, QWidget

from decisionaid.core.config import Config
from decisionaid.core.guide import Guide
from decisionaid.core.page_cache import Pages
from decisionaid.core.policy import Policy
from decisionaid.core.session import Change, Session
from decisionaid.ui.focus_scope import FocusScope
from decisionaid.ui.help_panel import HelpPanel, crisis_lines
from decisionaid.ui.popover import Popover
from decisionaid.ui.reader_text import forget_reader_text
from decisionaid.ui.session_signals import SessionSignals
from decisionaid.ui.steps.base import DecisionDataLoader, StepContext, StepWidget
from decisionaid.ui.theme import STANDARD, Theme, font_px, stylesheet
from decisionaid.ui.window_header import Header
from decisionaid.ui.window_lookups import PageLookups
from decisionaid.ui.window_navigation import StepNavigation
from decisionaid.ui.window_panels import OverPagePanels
from decisionaid.ui.window_parts import (
    Body,
    Central,
    Footer,
    ProgressRow,
    StartOverBar,
    add_shortcuts,
)

if TYPE_CHECKING:
    from decisionaid.ui.contents_list import ContentsList

CONTENTS_AUTO_HIDE_SCALE = 175

StylePart = Callable[[Theme, int], str]  # (theme, text scale) -> extra style rules


class MainWindow(StepNavigation, PageLookups, OverPagePanels, QMainWindow):
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
        show_step: bool = True,
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
        # again in another language. Without `show_step` a full screen stands over the guide at
        # first (a kiosk's welcome), and the step is built after the first paint (prepare_step)
        # or when it is first shown (go_to), whichever comes first: only where the reader is
        # (titles, progress, Back) is shown now.
        if show_step:
            self.go_to(session.state.current_step)
        elif guide.steps:
            self._show_place(self.current_index)

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        central = Central(self)
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
            (self.body, "stack"),
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
        central.resized.connect(self._place_panels)
        self.body.placed.connect(self._place_panels)
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

    # -- first paint -----------------------------------------------------------------------

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
        self.header.watch_width()
        self._touch_scroll(self._central)
        self._icons(self)

    def _icons(self, root: QWidget) -> None:
        """The icons of the buttons in `root` (ui/icons.py), in the theme's colours."""
        from decisionaid.ui.icons import apply_icons

        apply_icons(root, self.theme, font_px(self.session.state.text_scale))
        self.header.controls_changed()  # "Get help now" grew by its icon

    def _touch_scroll(self, root: QWidget) -> None:
        """Kinetic scrolling, and the "More below" cue, on every scrolling area in `root`."""
        from decisionaid.ui.touch_scroll import install_touch_scrolling

        install_touch_scrolling(
            root, self.policy, self.theme, font_px(self.session.state.text_scale)
        )

    @property
    def contents(self) -> ContentsList:
        """The contents list, made when first asked for (window_parts.Body)."""
        return self.body.contents

    def _set_contents_visible(self, visible: bool) -> None:
        if visible or self.body.contents_made:  # a list not made yet is hidden already
            self.contents.setVisible(visible)

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
            if self._touch_ready:  # before the first paint, the icons' turn does it
                self.header.controls_changed()

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
