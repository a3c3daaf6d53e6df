"""The one long-lived window: header with help, the current step, and Back/Next.

Navigation swaps the step widget; nothing is rebuilt. Step widgets are created the first time a
reader reaches them, so start-up only pays for the first step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.config import Config
from decisionaid.core.content import Guide, Step
from decisionaid.core.escape import escape
from decisionaid.core.page_cache import Pages, app_pages
from decisionaid.core.policy import Policy
from decisionaid.core.session import TEXT_SCALES, Change, Session
from decisionaid.ui.clinic_logo import clinic_logo_label
from decisionaid.ui.controls import ACCESSIBLE_TEXT_ROLE, make_button, make_label, set_enum
from decisionaid.ui.display_tools import DisplayTools
from decisionaid.ui.flow_layout import FlowLayout
from decisionaid.ui.focus_scope import FocusScope, takes_tab_focus
from decisionaid.ui.help_panel import HelpPanel
from decisionaid.ui.session_signals import SessionSignals
from decisionaid.ui.steps import create_step_widget
from decisionaid.ui.steps.base import StepContext, StepWidget
from decisionaid.ui.theme import STANDARD, Theme, stylesheet

if TYPE_CHECKING:
    from decisionaid.core.decision_data import DecisionData

CONTENTS_AUTO_HIDE_SCALE = 175

StylePart = Callable[[Theme, int], str]  # (theme, text scale) -> extra style rules


def top_aligned(widget: QWidget) -> QVBoxLayout:
    """`widget` at the top of its row: the same as adding it with Qt.AlignmentFlag.AlignTop,
    without touching the `Qt` namespace before the first paint (see controls.py).

    A nested layout keeps the sizes it last worked out until its own parent widget lays out
    again, so the window invalidates these columns whenever it restyles (fonts change), or the
    rows they sit in would take one extra layout pass to settle (see MainWindow._columns)."""
    column = QVBoxLayout()
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(widget)
    column.addStretch(1)
    return column


def _decision_data_loader(guide: Guide) -> Callable[[], DecisionData]:
    """Decision data on first use; the module that reads it is not loaded at start-up."""

    def load() -> DecisionData:
        from decisionaid.core.decision_data import decision_data_loader

        nonlocal loader
        loader = loader or decision_data_loader(guide)
        return loader()

    loader: Callable[[], DecisionData] | None = None
    return load


class GlossaryBar(QFrame):
    """Shows one term's meaning under the page, until closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryBar")
        self.setAccessibleName("Word meaning")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.label = make_label(rich=True)  # escaped in show_term()
        self.close_button = make_button("Close", "glossaryClose", tip="close the word meaning")
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        self.column = top_aligned(self.close_button)
        layout.addLayout(self.column)
        self.hide()

    def show_term(self, term: str, definition: str) -> None:
        self.label.setText(f"<b>{escape(term)}</b>: {escape(definition)}")
        self.setAccessibleDescription(f"{term}: {definition}")
        self.show()
        self.close_button.setFocus()


class StartOverBar(QFrame):
    """Asks once before wiping the reader's answers; part of the window, never a popup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        label = QLabel("Start over? This clears everything you chose and goes back to the start.")
        label.setWordWrap(True)
        self.confirm = make_button("Yes, start over", "confirmStartOver", primary=True)
        self.cancel = make_button("Keep going", "cancelStartOver")
        self.cancel.clicked.connect(self.hide)
        layout.addWidget(label, 1)
        layout.addWidget(self.confirm)
        layout.addWidget(self.cancel)
        self.setAccessibleName("Start over?")
        self.hide()


class MainWindow(QMainWindow):
    stepChanged = Signal(int)
    helpVisibilityChanged = Signal(bool)
    sessionReset = Signal()
    firstPaint = Signal()

    def __init__(
        self,
        guide: Guide,
        session: Session,
        policy: Policy,
        config: Config,
        pages: Pages | None = None,
        theme: Theme = STANDARD,
        styles: Sequence[StylePart] = (),
    ) -> None:
        super().__init__()
        self.guide = guide
        self.session = session
        self.policy = policy
        self.config = config
        self.theme = theme
        self.pages = pages or app_pages(guide, policy)
        self.signals = SessionSignals(session, self)
        self._step_widgets: dict[int, StepWidget] = {}
        self._painted = False
        self.ctx = StepContext(
            guide=guide,
            pages=self.pages,
            session=session,
            decision_data=_decision_data_loader(guide),
            signals=self.signals,
            policy=policy,
            config=config,
            theme=lambda: self.theme,
            navigate=self.navigate_to,
            next_step=self.go_next,
            show_glossary=self.show_glossary,
            open_external=self.open_external,
        )
        self.setWindowTitle(guide.title)
        self.setObjectName("mainWindow")
        self._css = ""
        self._style_parts = list(styles)
        self._columns: list[QVBoxLayout] = []  # from top_aligned(), see _set_stylesheet
        # Styled before the children exist, so each is polished once instead of twice.
        self._set_stylesheet()
        self._build()
        self._shortcuts()
        self.signals.changed.connect(self._on_session_changed)
        self.display_tools = DisplayTools(self, self.tools_row)
        self.apply_style()
        self.go_to(0)

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        central.setObjectName("central")
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        gap = self.policy.control_gap_px

        header = QWidget(central)
        header.setObjectName("header")
        self.header = header
        h = QHBoxLayout(header)
        h.setContentsMargins(16, 10, 16, 10)
        h.setSpacing(gap)
        self.title_label = QLabel(self.config.clinic_name or self.guide.short_title)
        self.title_label.setObjectName("guideTitle")
        self.title_label.setAccessibleName(self.guide.title)
        self.contents_button = make_button(
            "Contents", "contentsButton", tip="show or hide the list of steps"
        )
        self.contents_button.setCheckable(True)
        self.contents_button.toggled.connect(self._set_contents_visible)
        self.smaller_button = make_button("A−", "smallerText", tip="make the text smaller")
        self.larger_button = make_button("A+", "largerText", tip="make the text larger")
        self.scale_label = QLabel("Text 100%")
        self.scale_label.setObjectName("stepCounter")
        self.smaller_button.clicked.connect(lambda: self.step_text_scale(-1))
        self.larger_button.clicked.connect(lambda: self.step_text_scale(+1))
        self.help_button = make_button("Get help now", "helpButton", tip="crisis lines and support")
        self.help_button.clicked.connect(self.toggle_help)
        # The controls wrap onto more rows at large text sizes instead of being squeezed.
        self.title_label.setWordWrap(True)
        self.title_label.setMinimumHeight(self.policy.touch_target_px)
        set_enum(self.title_label, "textFormat", "PlainText")  # a clinic name is not markup
        self.logo_label = clinic_logo_label(self.config, self.policy.touch_target_px, header)
        if self.logo_label is not None:
            h.addLayout(self._top_aligned(self.logo_label))
        h.addLayout(self._top_aligned(self.title_label), 1)
        self.tools_row = FlowLayout(spacing=gap)
        h.addLayout(self.tools_row, 2)
        self.tools_row.addWidget(self.contents_button)
        text_size = QWidget(header)
        text_size.setObjectName("textSize")
        ts = QHBoxLayout(text_size)
        ts.setContentsMargins(0, 0, 0, 0)
        ts.setSpacing(gap)
        for w in (self.smaller_button, self.scale_label, self.larger_button):
            ts.addWidget(w)
        self.tools_row.addWidget(text_size)
        h.addSpacing(gap * 2)
        h.addLayout(self._top_aligned(self.help_button))
        root.addWidget(header)

        progress_row = QWidget(central)
        progress_row.setObjectName("progressRow")
        p = QVBoxLayout(progress_row)
        p.setContentsMargins(16, 0, 16, 10)
        p.setSpacing(4)
        labels = QHBoxLayout()
        self.counter_label = QLabel()
        self.counter_label.setObjectName("stepCounter")
        self.step_title = QLabel()
        self.step_title.setObjectName("stepTitle")
        self.step_title.setWordWrap(True)
        set_enum(self.step_title, "textFormat", "PlainText")  # titles come from files
        labels.addWidget(self.step_title, 1)
        # At its own width beside the stretching title, so at the right; a label centres its
        # text vertically by default.
        labels.addWidget(self.counter_label, 0)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress through the guide")
        self.progress.setTextVisible(False)
        p.addLayout(labels)
        p.addWidget(self.progress)
        root.addWidget(progress_row)

        body = QWidget(central)
        self.body = body
        b = QHBoxLayout(body)
        b.setContentsMargins(12, 12, 12, 0)
        b.setSpacing(12)
        self.contents = QListWidget(body)
        self.contents.setObjectName("contents")
        self.contents.setAccessibleName("Contents: all steps of the guide")
        self.contents.setWordWrap(True)
        # Long titles wrap onto a second line at large text sizes instead of being cut short
        # behind a sideways scroll bar. Qt measures a wrapped item without its style-sheet
        # padding, so the items have none at the sides and the list pads instead (theme.py).
        set_enum(self.contents, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        # The list is longer than the window at every text size; a bar that came and went would
        # change the width the titles were measured at.
        set_enum(self.contents, "verticalScrollBarPolicy", "ScrollBarAlwaysOn")
        set_enum(self.contents, "resizeMode", "Adjust")
        self.contents.setMaximumWidth(320)
        self.contents.setMinimumWidth(220)
        for i, step in enumerate(self.guide.steps):
            item = QListWidgetItem(f"{i + 1}. {step.short_title}")
            item.setData(ACCESSIBLE_TEXT_ROLE, f"Step {i + 1}: {step.title}")
            self.contents.addItem(item)
        self.contents.itemActivated.connect(lambda item: self.go_to(self.contents.row(item)))
        self.contents.itemClicked.connect(lambda item: self.go_to(self.contents.row(item)))
        page_column = QVBoxLayout()
        page_column.setSpacing(8)
        self.stack = QStackedWidget(body)
        self.stack.setObjectName("stepArea")
        self.glossary_bar = GlossaryBar(body)
        self._columns.append(self.glossary_bar.column)
        page_column.addWidget(self.stack, 1)
        page_column.addWidget(self.glossary_bar)
        b.addWidget(self.contents)
        b.addLayout(page_column, 1)
        root.addWidget(body, 1)

        self.start_over_bar = StartOverBar(central)
        self.start_over_bar.confirm.clicked.connect(self.start_over)
        root.addWidget(self.start_over_bar)

        footer = QWidget(central)
        footer.setObjectName("footer")
        f = QHBoxLayout(footer)
        f.setContentsMargins(16, 10, 16, 10)
        f.setSpacing(gap)
        self.start_over_button = make_button(
            "Start over", "startOver", tip="clear your answers and go back to the start"
        )
        self.start_over_button.clicked.connect(self.ask_start_over)
        self.back_button = make_button("Back", "backButton", tip="previous step")
        self.next_button = make_button("Next", "nextButton", primary=True, tip="next step")
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        f.addWidget(self.start_over_button)
        f.addStretch(1)
        f.addWidget(self.back_button)
        f.addWidget(self.next_button)
        root.addWidget(footer)

        notices = self.config.staff_notices
        if self.policy.staff_notices_on_screen and notices:
            from decisionaid.ui.staff_notices import StaffNoticeBar

            self.staff_notice_bar = StaffNoticeBar(notices, central)
            root.insertWidget(1, self.staff_notice_bar)  # under the header, above the step

        self.setCentralWidget(central)
        self.help_panel = HelpPanel(central)
        self.help_panel.set_crisis(self._crisis_info(), self._staff_line())
        self.help_panel.closed.connect(self._on_help_closed)
        # A panel over the page (help, or one a mode adds such as the counsellor's step index)
        # keeps the keyboard in what shows; the roots follow whichever panel is open.
        self._panel_focus = FocusScope([], lambda: bool(self._panel_focus_roots()))
        self._footer = footer
        self._help_opener: QWidget | None = None
        central.installEventFilter(self)
        self._central = central
        self.contents_button.setChecked(not self.policy.fullscreen)
        self._set_contents_visible(self.contents_button.isChecked())

    def _top_aligned(self, widget: QWidget) -> QVBoxLayout:
        column = top_aligned(widget)
        self._columns.append(column)
        return column

    def _crisis_info(self):  # type: ignore[no-untyped-def]
        return self.config.crisis.get(self.guide.locale, self.guide.crisis)

    def _staff_line(self) -> str:
        if self.config.clinic_contact:
            return self.config.clinic_contact
        if self.policy.fullscreen:
            return "You can also ask a member of staff at the front desk."
        return ""

    def _shortcuts(self) -> None:
        for seq, slot in (
            ("Alt+Right", self.go_next),
            ("Alt+Left", self.go_back),
            ("Ctrl++", lambda: self.step_text_scale(+1)),
            ("Ctrl+=", lambda: self.step_text_scale(+1)),
            ("Ctrl+-", lambda: self.step_text_scale(-1)),
            ("F1", self.toggle_help),
        ):
            sc = QShortcut(QKeySequence(seq), self)  # a window shortcut, Qt's default
            sc.activated.connect(slot)
        if self.policy.quit_shortcuts:
            from PySide6.QtGui import QAction  # its enums cost start-up time where unused

            quit_action = QAction(self)  # not QAction(text, self): see make_button
            quit_action.setText("Quit")
            # Every key the platform binds to Quit; setShortcut() would look up the `Qt` namespace.
            quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
            quit_action.triggered.connect(self.close)
            self.addAction(quit_action)
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.activated.connect(self._escape)

    # -- geometry --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._central and event.type() == QEvent.Type.Resize:
            self._place_help_panel()
        return False

    def _place_help_panel(self) -> None:
        area = self._central.rect()
        margin = 24
        top = self.body.geometry().top()
        width = min(area.width() - 2 * margin, max(560, area.width() // 2))
        self.help_panel.setGeometry(
            area.right() - width - margin, top + 8, width, area.height() - top - margin
        )

    def _panel_over_page(self) -> QWidget | None:
        """The panel lying over the page, if one is open: the help panel, or a panel a mode
        laid on the window's middle itself (outside its layout), over the page."""
        if self.help_panel.isVisible():
            return self.help_panel
        layout = self._central.layout()
        body = self.body.geometry()
        for child in self._central.children():
            if (
                isinstance(child, QWidget)
                and not child.isWindow()
                and child.isVisible()
                and (layout is None or layout.indexOf(child) < 0)
                and child.geometry().intersects(body)
            ):
                return child
        return None

    def _panel_focus_roots(self) -> list[QWidget]:
        panel = self._panel_over_page()
        if panel is None:
            return []
        roots = [self.header, panel]
        if not panel.geometry().intersects(self._footer.geometry()):
            roots.append(self._footer)  # Back/Next still show below a panel that stops short
        return roots

    def focusNextPrevChild(self, next: bool) -> bool:
        self._panel_focus.roots = self._panel_focus_roots()
        moved = self._panel_focus.move(next)
        return super().focusNextPrevChild(next) if moved is None else moved

    def paintEvent(self, event):  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPaint.emit)

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
            self.stack.addWidget(widget)
        return widget

    def current_widget(self) -> StepWidget | None:
        w = self.stack.currentWidget()
        return w if isinstance(w, StepWidget) else None

    def go_to(self, index: int, anchor: str = "") -> None:
        total = len(self.guide.steps)
        if total == 0:
            self._show_empty_guide()
            return
        index = max(0, min(index, total - 1))
        self.session.go_to(index)
        widget = self.step_widget(index)
        self.stack.setCurrentWidget(widget)
        widget.on_shown()
        if anchor and hasattr(widget, "scroll_to"):
            widget.scroll_to(anchor)
        step = self.guide.steps[index]
        self.step_title.setText(step.title)
        self.counter_label.setText(f"Step {index + 1} of {total}")
        # QProgressBar.setValue repaints at once; with updates paused the new value is drawn in
        # the window's next paint, together with the new step, instead of in a pass of its own.
        self.progress.setUpdatesEnabled(False)
        self.progress.setRange(0, total)
        self.progress.setValue(index + 1)
        self.progress.setUpdatesEnabled(True)
        self.progress.setAccessibleDescription(f"Step {index + 1} of {total}")
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < total - 1)
        self.contents.blockSignals(True)
        self.contents.setCurrentRow(index)
        self.contents.blockSignals(False)
        self.glossary_bar.hide()
        self.start_over_bar.hide()
        focus = widget.first_focus()
        if focus is not None:
            focus.setFocus()  # Qt.FocusReason.OtherFocusReason
        self.setWindowTitle(f"{step.title} – {self.guide.title}")
        self.stepChanged.emit(index)

    def _show_empty_guide(self) -> None:
        self.step_title.setText("This guide is not available right now")
        self.counter_label.setText("")
        self.back_button.setEnabled(False)
        self.next_button.setEnabled(False)
        if self.stack.count() == 0:
            label = QLabel(
                "Something is wrong with the guide's files, so it cannot be shown. "
                "Please tell a member of staff. The help button above still works."
            )
            label.setWordWrap(True)
            set_enum(label, "alignment", "AlignCenter")
            self.stack.addWidget(label)

    def go_next(self) -> None:
        if self.current_index < len(self.guide.steps) - 1:
            self.go_to(self.current_index + 1)

    def go_back(self) -> None:
        if self.current_index > 0:
            self.go_to(self.current_index - 1)

    def navigate_to(self, step_id: str, anchor: str = "") -> None:
        index = self.guide.index_of(step_id)
        if index >= 0:
            self.go_to(index, anchor)

    def _set_contents_visible(self, visible: bool) -> None:
        self.contents.setVisible(visible)

    # -- help, glossary, links -------------------------------------------------------------

    def toggle_help(self) -> None:
        if self.help_panel.isVisible():
            self.help_panel.hide_panel()
        else:
            self._place_help_panel()
            self._help_opener = QApplication.focusWidget()
            self.help_panel.show_panel()
            self.helpVisibilityChanged.emit(True)

    def _on_help_closed(self) -> None:
        # Back to where the reader was when they asked for help, if it is still there.
        opener, self._help_opener = self._help_opener, None
        if opener is None or not shiboken6.isValid(opener) or not takes_tab_focus(opener):
            opener = self.help_button
        opener.setFocus()
        self.helpVisibilityChanged.emit(False)

    def show_glossary(self, term_id: str) -> None:
        term = self.guide.glossary.get(term_id)
        if term is not None:
            self.glossary_bar.show_term(term.term, term.definition)

    def open_external(self, url: str) -> None:
        if not self.policy.may_open_external_links:
            return
        from PySide6.QtWidgets import QMessageBox  # its enums cost start-up time (see controls)

        answer = QMessageBox.question(
            self,
            "Open a web page?",
            f"This opens {url} in your web browser, outside this guide. Open it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(url))

    def _escape(self) -> None:
        # Escape closes what is open; it never quits the app.
        if self.help_panel.isVisible():
            self.help_panel.hide_panel()
        elif self.glossary_bar.isVisible():
            self.glossary_bar.hide()
        elif self.start_over_bar.isVisible():
            self.start_over_bar.hide()

    # -- text size and style ---------------------------------------------------------------

    def step_text_scale(self, direction: int) -> None:
        current = self.session.state.text_scale
        scales = list(TEXT_SCALES)
        i = scales.index(current) if current in scales else 0
        i = max(0, min(len(scales) - 1, i + direction))
        self.set_text_scale(scales[i])

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
        scale = self.session.state.text_scale
        self._set_stylesheet()
        self.scale_label.setText(f"Text {scale}%")
        self.scale_label.setAccessibleName(f"Text size {scale} percent")
        self.smaller_button.setEnabled(scale > TEXT_SCALES[0])
        self.larger_button.setEnabled(scale < TEXT_SCALES[-1])
        for widget in self._step_widgets.values():
            widget.apply_theme()

    # -- session ---------------------------------------------------------------------------

    def ask_start_over(self) -> None:
        self.start_over_bar.show()
        self.start_over_bar.cancel.setFocus()

    def start_over(self) -> None:
        """Wipe the reader's session and every widget's state, then show the first step."""
        self.session.reset()

    def _on_session_changed(self, what: Change) -> None:
        if what is Change.RESET:
            self.help_panel.hide()
            self._help_opener = None
            self.glossary_bar.hide()
            self.start_over_bar.hide()
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
