"""The counsellor's own window: the reader's step plus talking points and full citations.

With a second screen attached it opens there, so the reader's screen shows only the step;
on one screen it can be opened by hand. It follows the reader's window step for step.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from decisionaid.core.content import Guide
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.page_view import PageView
from decisionaid.ui.theme import STANDARD, document_css, stylesheet

if TYPE_CHECKING:
    from decisionaid.ui.main_window import MainWindow

REF_LINK = re.compile(r'href="ref:([A-Za-z0-9_:-]+)"')


def cited_keys(*fragments: str) -> list[str]:
    """Reference keys linked from rendered HTML, first mention first, once each."""
    seen: dict[str, None] = {}
    for fragment in fragments:
        for key in REF_LINK.findall(fragment):
            seen.setdefault(key, None)
    return list(seen)


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
        self.show_step(window.current_index)

    def show_step(self, index: int) -> None:
        guide = self.reader.guide
        if not 0 <= index < len(guide.steps):
            return
        step = guide.steps[index]
        rendered = self.reader.renderer.render(step)
        self.title.setText(step.title)
        self.counter.setText(f"Step {index + 1} of {len(guide.steps)}")
        notes = rendered.notes_html or "<p>No talking points for this step.</p>"
        body = (
            f"<h1>{html.escape(step.title)}</h1>"
            f"<h2>Talking points</h2>{notes}"
            f"<h2>Sources on this step</h2>"
            f"{sources_html(guide, cited_keys(rendered.html, rendered.notes_html))}"
            f"<h2>What the reader sees</h2>{rendered.html}"
        )
        self.view.show_html(body, rendered.icon_arrays, document_css(STANDARD))
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(guide.steps) - 1)

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
