"""The counsellor's own window: the reader's step plus talking points and full citations.

With a second screen attached it opens there, so the reader's screen shows only the step;
on one screen it can be opened by hand. It follows the reader's window step for step.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from decisionaid.core.escape import escape
from decisionaid.core.guide import Guide
from decisionaid.core.i18n import _
from decisionaid.core.session import Change
from decisionaid.core.summary import build_summary, summary_text
from decisionaid.ui.controls import make_button, make_label, show_checked_in_text
from decisionaid.ui.counsellor.index import IndexPlacer, StepIndex
from decisionaid.ui.flow_layout import FlowLayout
from decisionaid.ui.page_view import PageView
from decisionaid.ui.theme import STANDARD, document_css, font_px, stylesheet

if TYPE_CHECKING:
    from decisionaid.ui.main_window import MainWindow

REF_LINK = re.compile(r'href="ref:([A-Za-z0-9_:-]+)"')
# Steps that show the reader's answers; on them the counsellor's screen lists those answers.
ANSWER_KINDS = frozenset({"values", "leaning", "sure", "summary"})


def cited_keys(*fragments: str) -> list[str]:
    """Reference keys linked from rendered HTML, first mention first, once each."""
    seen: dict[str, None] = {}
    for fragment in fragments:
        for key in REF_LINK.findall(fragment):
            seen.setdefault(key, None)
    return list(seen)


def text_html(text: str) -> str:
    """Plain words (a step's reading text) as paragraphs, every piece escaped."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def sources_html(guide: Guide, keys: list[str]) -> str:
    items = []
    for key in keys:
        ref = guide.references.get(key)
        if ref is None:
            continue
        extra = "".join(f"<br/>{escape(part)}" for part in (ref.link, ref.note) if part)
        items.append(f"<p><b>[{ref.number}]</b> {escape(ref.citation)}{extra}</p>")
    return "".join(items) or "<p>" + escape(_("This step cites no sources.")) + "</p>"


class PresenterWindow(QWidget):
    """On a screen of its own it is the counsellor's control desk: it then holds the shared
    screen's tools (Presentation, Hide answers, Print this step) as well as Back/Next and the
    index, and the reader's window shows none of them. `placementChanged` says when that may
    have changed (shown, hidden, or moved to another screen)."""

    placementChanged = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.reader = window
        self._shown = -1
        self._watched_screen = False
        policy = window.policy
        self.setObjectName("presenterWindow")
        self.setWindowTitle(_("Presenter view – {title}").format(title=window.guide.title))
        self.setAccessibleName(_("Presenter view"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.counter = make_label("", "stepCounter", wrap=False)
        self.title = make_label("", "stepTitle")
        top.addWidget(self.title, 1)
        top.addWidget(self.counter)
        self._top = top
        layout.addLayout(top)
        self.view = PageView(STANDARD, self)
        self.view.setAccessibleName(_("Step text with talking points and sources"))
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(policy.control_gap_px)
        self.back_button = make_button(_("Back"), "presenterBack", tip=_("reader's previous step"))
        self.next_button = make_button(
            _("Next"), "presenterNext", primary=True, tip=_("reader's next step")
        )
        self.index_button = make_button(_("All steps"), "presenterIndex", tip=_("choose any step"))
        self.close_button = make_button(_("Close presenter view"), "presenterClose")
        # The shared screen's tools, here only while this window has a screen of its own.
        self.presentation_button = make_button(
            _("Presentation"),
            "presenterPresentation",
            tip=_("large text and high contrast on the reader's screen"),
        )
        self.hide_button = make_button(
            _("Hide answers"),
            "presenterHideAnswers",
            tip=_("keep the reader's choices off their screen"),
        )
        self.print_button = make_button(
            _("Print this step"), "presenterPrint", tip=_("print the reader's step as a handout")
        )
        for b in (self.presentation_button, self.hide_button):
            b.setCheckable(True)
            show_checked_in_text(b)
        self.back_button.clicked.connect(window.go_back)
        self.next_button.clicked.connect(window.go_next)
        self.close_button.clicked.connect(self.close)
        self.index_button.clicked.connect(self.open_index)
        tools = QWidget(self)
        tools.setObjectName("presenterTools")
        tools.setAccessibleName(_("Counsellor tools"))
        row = FlowLayout(tools, spacing=policy.control_gap_px, align=Qt.AlignmentFlag.AlignLeft)
        self.shared_tools: list[QPushButton] = []  # the tools that move here from the reader's
        for b, wanted, shared in (
            (self.close_button, True, False),
            (self.index_button, policy.step_index, False),
            (self.presentation_button, True, True),
            (self.hide_button, True, True),
            (self.print_button, policy.step_handouts and policy.print_dialog, True),
        ):
            if wanted:
                row.addWidget(b)
                if shared:
                    self.shared_tools.append(b)
            else:
                b.setParent(tools)
            if shared or not wanted:
                b.hide()
        buttons.addWidget(tools, 1)
        for b in (self.back_button, self.next_button):
            buttons.addWidget(b, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(buttons)
        for seq, slot in (("Alt+Right", window.go_next), ("Alt+Left", window.go_back)):
            shortcut = QShortcut(QKeySequence(seq), self)
            shortcut.activated.connect(slot)
        # The counsellor's own index of all steps, over this window's text.
        self.index = StepIndex(window.guide, lambda: window.current_index, self)
        self.index.stepChosen.connect(window.go_to)
        self.index.closed.connect(
            lambda: self.index_button.setFocus(Qt.FocusReason.OtherFocusReason)
        )
        self._placer = IndexPlacer(self.index, self.view, [self])
        self._placement = QTimer(self)
        self._placement.setSingleShot(True)
        self._placement.setInterval(0)
        self._placement.timeout.connect(self.placementChanged.emit)
        self.placementChanged.connect(lambda: self.show_step(self.reader.current_index))
        self.setStyleSheet(stylesheet(STANDARD, 100, window.policy.touch_target_px))
        window.stepChanged.connect(self.show_step)
        # Answers change what the reader's step shows: follow once the step has redrawn itself.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(lambda: self.show_step(self.reader.current_index))
        window.signals.changed.connect(self._on_session_changed)
        self.show_step(window.current_index)

    def _on_session_changed(self, what: Change) -> None:
        if (
            what not in (Change.CURRENT_STEP, Change.TEXT_SCALE, Change.HIGH_CONTRAST)
            and self.isVisible()
        ):
            self._refresh.start()

    def on_own_screen(self) -> bool:
        """Shown on a screen the reader's window is not on: the counsellor's own screen."""
        return self.isVisible() and self.screen() is not self.reader.screen()

    def show_shared_tools(self, here: bool) -> None:
        for b in self.shared_tools:
            b.setVisible(here)

    def open_index(self) -> None:
        self._placer.place()
        self.index.open_index(font_px(100))

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.Hide):
            if kind == QEvent.Type.Show and not self._watched_screen:
                handle = self.windowHandle()
                if handle is not None:
                    handle.screenChanged.connect(lambda _s: self.note_placement())
                    self._watched_screen = True
            self.note_placement()
        return super().event(event)

    def note_placement(self) -> None:
        """This window or the reader's was shown, hidden or moved: say so once it is done, so
        isVisible() and screen() already tell where it is."""
        self._placement.start()

    def add_language_buttons(self, buttons: list[QPushButton]) -> None:
        """The language control, beside the step counter: the counsellor can switch the
        guide's language from their own screen too."""
        for button in buttons:
            self._top.addWidget(button)

    def show_step(self, index: int) -> None:
        guide = self.reader.guide
        if not 0 <= index < len(guide.steps):
            return
        step = guide.steps[index]
        rendered = self.reader.pages.render(step)
        self.title.setText(step.title)
        # Numbered as the reader's window numbers it, so both screens say the same step.
        number = guide.step_number(index)
        if number is None:
            self.counter.setText(_("Look-up page"))
        else:
            self.counter.setText(_("Step {n} of {total}").format(n=number[0], total=number[1]))
        notes = (
            rendered.notes_html or "<p>" + escape(_("No counsellor notes for this step.")) + "</p>"
        )
        headings = [
            escape(h)
            for h in (_("Counsellor notes"), _("Sources on this step"), _("What the reader sees"))
        ]
        body = (
            f"<h1>{escape(step.title)}</h1>"
            f"<h2>{headings[0]}</h2>{notes}"
            f"<h2>{headings[1]}</h2>"
            f"{sources_html(guide, cited_keys(rendered.html, rendered.notes_html))}"
            f"{self._answers_html(step.kind)}"
            f"<h2>{headings[2]}</h2>"
            f"{rendered.html or self._reading_html(index)}"
        )
        bar = self.view.verticalScrollBar()
        keep = bar.value() if index == self._shown else 0
        if index != self._shown:
            self.index.hide()
        self.view.show_html(body, rendered.icon_arrays, document_css(STANDARD))
        bar.setValue(keep)  # an answer given on the reader's screen keeps the counsellor's place
        self._shown = index
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(guide.steps) - 1)

    def _reading_html(self, index: int) -> str:
        """The reader's step as its own widget reads it: exactly what the reader's screen shows,
        so answers the counsellor hides there are hidden here too."""
        words = self.reader.step_widget(index).text_for_reading()
        return text_html(words) or "<p>" + escape(_("This step shows no text.")) + "</p>"

    def _answers_html(self, kind: str) -> str:
        """The reader's answers, for the counsellor.

        "Hide answers" keeps a reader's choices off a screen others in the room can see. The
        presenter view on a screen of its own is the counsellor's screen, so there it lists the
        answers the reader's screen hides, to help the counsellor respond (to a SURE score of 3
        or lower, say). Sharing the reader's screen (one screen, opened by hand), it is seen by
        the same people as the reader's window, so it hides them as that window does.
        """
        if kind not in ANSWER_KINDS:
            return ""
        heading = "<h2>" + escape(_("The reader's answers")) + "</h2>"
        session = self.reader.session
        if session.state.hide_answers and not self.on_own_screen():
            return (
                f"{heading}<p><i>"
                + escape(_("Hidden, as on the reader's screen: this window is on the same screen."))
                + "</i></p>"
            )
        guide = self.reader.guide
        summary = build_summary(session, self.reader.ctx.decision_data(), guide)
        lines = summary_text(summary, guide.wording, title="").strip().split("\n")
        return heading + text_html("\n".join(lines))

    def place(self) -> None:
        """On the screen the reader's window is not on, when there is one."""
        screens = QGuiApplication.screens()
        reader_screen = self.reader.screen()
        others = [s for s in screens if s is not reader_screen]
        if others:
            target = others[0]
            self.setScreen(target)
            self.setGeometry(target.availableGeometry())
            self.showMaximized()
        else:
            self.resize(1000, 720)
            self.show()
        self.raise_()
