"""The counsellor's own window: the reader's step plus talking points and full citations.

With a second screen attached it opens there, so the reader's screen shows only the step;
on one screen it can be opened by hand. It follows the reader's window step for step.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from decisionaid.core.content import Guide
from decisionaid.core.decision_data import decision_data_for
from decisionaid.core.export import build_summary, summary_text
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.page_view import PageView
from decisionaid.ui.theme import STANDARD, document_css, stylesheet

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
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def sources_html(guide: Guide, keys: list[str]) -> str:
    items = []
    for key in keys:
        ref = guide.references.get(key)
        if ref is None:
            continue
        extra = "".join(f"<br/>{html.escape(part)}" for part in (ref.link, ref.note) if part)
        items.append(f"<p><b>[{ref.number}]</b> {html.escape(ref.citation)}{extra}</p>")
    return "".join(items) or "<p>This step cites no sources.</p>"


class PresenterWindow(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.reader = window
        self._shown = -1
        self.setObjectName("presenterWindow")
        self.setWindowTitle(f"Presenter view – {window.guide.title}")
        self.setAccessibleName("Presenter view")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.counter = make_label("", "stepCounter", wrap=False)
        self.title = make_label("", "stepTitle")
        top.addWidget(self.title, 1)
        top.addWidget(self.counter)
        layout.addLayout(top)
        self.view = PageView(STANDARD, self)
        self.view.setAccessibleName("Step text with talking points and sources")
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(window.policy.control_gap_px)
        self.back_button = make_button("Back", "presenterBack", tip="reader's previous step")
        self.next_button = make_button(
            "Next", "presenterNext", primary=True, tip="reader's next step"
        )
        self.index_button = make_button("All steps", "presenterIndex", tip="choose any step")
        self.close_button = make_button("Close presenter view", "presenterClose")
        self.back_button.clicked.connect(window.go_back)
        self.next_button.clicked.connect(window.go_next)
        self.close_button.clicked.connect(self.close)
        for b in (self.close_button, self.index_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.back_button, self.next_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.setStyleSheet(stylesheet(STANDARD, 100, window.policy.touch_target_px))
        window.stepChanged.connect(self.show_step)
        # Answers change what the reader's step shows: follow once the step has redrawn itself.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(lambda: self.show_step(self.reader.current_index))
        window.signals.changed.connect(self._on_session_changed)
        self.show_step(window.current_index)

    def _on_session_changed(self, what: str) -> None:
        if what not in ("current_step", "text_scale", "high_contrast") and self.isVisible():
            self._refresh.start()

    def on_own_screen(self) -> bool:
        """Shown on a screen the reader's window is not on: the counsellor's own screen."""
        return self.isVisible() and self.screen() is not self.reader.screen()

    def show_step(self, index: int) -> None:
        guide = self.reader.guide
        if not 0 <= index < len(guide.steps):
            return
        step = guide.steps[index]
        rendered = self.reader.renderer.render(step)
        self.title.setText(step.title)
        self.counter.setText(f"Step {index + 1} of {len(guide.steps)}")
        notes = rendered.notes_html or "<p>No counsellor notes for this step.</p>"
        body = (
            f"<h1>{html.escape(step.title)}</h1>"
            f"<h2>Counsellor notes</h2>{notes}"
            f"<h2>Sources on this step</h2>"
            f"{sources_html(guide, cited_keys(rendered.html, rendered.notes_html))}"
            f"{self._answers_html(step.kind)}"
            f"<h2>What the reader sees</h2>{rendered.html or self._reading_html(index)}"
        )
        bar = self.view.verticalScrollBar()
        keep = bar.value() if index == self._shown else 0
        self.view.show_html(body, rendered.icon_arrays, document_css(STANDARD))
        bar.setValue(keep)  # an answer given on the reader's screen keeps the counsellor's place
        self._shown = index
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(guide.steps) - 1)

    def _reading_html(self, index: int) -> str:
        """The reader's step as its own widget reads it: exactly what the reader's screen shows,
        so answers the counsellor hides there are hidden here too."""
        words = self.reader.step_widget(index).text_for_reading()
        return text_html(words) or "<p>This step shows no text.</p>"

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
        heading = "<h2>The reader's answers</h2>"
        session = self.reader.session
        if session.state.hide_answers and not self.on_own_screen():
            return (
                f"{heading}<p><i>Hidden, as on the reader's screen: this window is on the same "
                "screen.</i></p>"
            )
        summary = build_summary(session, decision_data_for(self.reader.guide))
        lines = summary_text(summary, title="").strip().split("\n")
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
        self.show_step(self.reader.current_index)  # which screen it is on decides the answers
