"""The yardstick: the least a PySide6 reading window can cost.

A QMainWindow whose QTextBrowser shows one page of text, at the app's window size, and quits as
soon as it has painted once, exactly like `decisionaid --startup-probe`. Nothing else: no
Markdown, no content files, no stylesheet. It is built into a default PyInstaller bundle too.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser

PAGE = """
<h1>What is PTSD?</h1>
<p>Post-traumatic stress disorder (PTSD) can start after something very frightening or
upsetting happens. Many people have strong reactions after a trauma. For most, these get
better over a few weeks. For some, they last for months or years and get in the way of life.</p>
<h2>Common signs</h2>
<ul>
<li>Memories of the event that come back when you do not want them, or bad dreams.</li>
<li>Staying away from places, people or thoughts that remind you of what happened.</li>
<li>Feeling on guard, jumpy, or unable to sleep or focus.</li>
<li>Feeling numb, guilty, or cut off from people you care about.</li>
</ul>
<p>PTSD is common. It is not a sign of weakness, and it can be treated. Talking therapies
that focus on the trauma help many people. Some medicines help too. Some people try more than
one treatment before they find what works for them.</p>
<h2>Getting help</h2>
<p>If you are not safe right now, call your local emergency number. You can also talk to your
doctor, a counsellor or a crisis line at any time of day or night.</p>
"""


class Window(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self._painted = False
        self.setWindowTitle("Baseline")
        browser = QTextBrowser(self)
        browser.setHtml(PAGE)
        self.setCentralWidget(browser)

    def paintEvent(self, event):  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = Window()
    window.resize(1280, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
