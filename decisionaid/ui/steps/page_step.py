"""A step that shows text: pages, the comparison table, references, glossary and About."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.escape import escape
from decisionaid.core.guide import Step
from decisionaid.core.i18n import _
from decisionaid.ui.controls import make_button, set_enum
from decisionaid.ui.page_view import PageView
from decisionaid.ui.steps import page_actions
from decisionaid.ui.steps.base import StepContext, StepWidget
from decisionaid.ui.theme import document_css


class ContentNote(QFrame):
    """Shown before distressing material; the reader chooses to read on or skip."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        heading = QLabel(_("Before you read this part"))
        heading.setObjectName("stepTitle")
        body = QLabel(text)
        body.setWordWrap(True)
        set_enum(body, "textFormat", "PlainText")  # the note comes from a content file
        set_enum(body, "textInteractionFlags", "NoTextInteraction")
        hint = QLabel(
            _(
                "You can skip it, come back later, or stop at any time. Help is always at the top right."
            )
        )
        hint.setWordWrap(True)
        self.show_button = make_button(_("Show this part"), "showPart", primary=True)
        self.skip_button = make_button(
            _("Skip this part"), "skipPart", tip=_("go on without reading it; the summary lists it")
        )
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        for w in (heading, body, hint):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self.setAccessibleName(_("Content note"))
        self.setAccessibleDescription(text)


class PageStep(StepWidget):
    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(ctx, step, parent)
        self.view = PageView(ctx.theme(), self)
        self.view.stepLinkActivated.connect(ctx.navigate)
        self.view.referenceActivated.connect(
            lambda key: ctx.show_reference(key, self.view, self.view.link_rect())
        )
        self.view.glossaryActivated.connect(
            lambda term: ctx.show_glossary(term, self.view, self.view.link_rect())
        )
        self.view.externalLinkActivated.connect(ctx.open_external)
        self.note: ContentNote | None = None
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        if step.content_note:
            self.note = ContentNote(step.content_note, self)
            self.note.show_button.clicked.connect(self.reveal)
            self.note.skip_button.clicked.connect(ctx.next_step)
            holder = QWidget()
            lay = QVBoxLayout(holder)
            lay.setContentsMargins(24, 24, 24, 24)
            lay.addWidget(self.note)
            lay.addStretch(1)
            # At large text sizes the note scrolls instead of squeezing its words together.
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            set_enum(scroll, "focusPolicy", "NoFocus")
            scroll.setWidget(holder)
            self.stack.addWidget(scroll)
        # The short path on the first step, "Print this page" where guide.toml allows it.
        self.actions = (
            page_actions.PageActions(ctx, step, self.view)
            if page_actions.wanted(ctx, step)
            else None
        )
        self.page = self.actions or self.view
        self.stack.addWidget(self.page)
        self._loaded = False
        self._pending_anchor = ""

    def _load(self) -> None:
        rendered = self.ctx.pages.render(self.step)
        body = rendered.html
        if self.step.kind == "about":
            body += self._clinic_disclosure_html()
        # The step's title shows once, above the page (the window's progress row), not again
        # as the page's first line.
        self.view.theme = self.ctx.theme()
        self.view.show_html(body, rendered.icon_arrays, document_css(self.ctx.theme()))
        self._loaded = True

    def _clinic_disclosure_html(self) -> str:
        cfg = self.ctx.config
        name = escape(cfg.clinic_name or _("The place where you are using this guide"))
        if cfg.clinic_disclosure:
            text = escape(cfg.clinic_disclosure)
        else:
            text = escape(_("has not added a statement about its own interests."))
            heading = escape(_("From the clinic"))
            return f"<h2>{heading}</h2><p>{name} {text}</p>"
        heading = escape(_("From {clinic}")).format(clinic=name)
        return f"<h2>{heading}</h2><p>{text}</p>"

    @property
    def showing_note(self) -> bool:
        return self.note is not None and self.stack.currentIndex() == 0

    def on_shown(self) -> None:
        if not self._loaded:
            self._load()
        seen = self.step.id in self.ctx.session.state.seen_content_notes
        if self.note is not None and not seen:
            self.stack.setCurrentIndex(0)
        else:
            self.stack.setCurrentWidget(self.page)
        self.noteShownChanged.emit()

    def reveal(self) -> None:
        self.ctx.session.mark_content_note_seen(self.step.id)
        self.stack.setCurrentWidget(self.page)
        self.view.setFocus()  # Qt.FocusReason.OtherFocusReason
        self.noteShownChanged.emit()

    def scroll_to(self, anchor: str) -> None:
        if anchor:
            self.view.scrollToAnchor(anchor)

    def reset(self) -> None:
        self.view.verticalScrollBar().setValue(0)
        if self.actions is not None:
            self.actions.reset()
        if self.note is not None:
            self.stack.setCurrentIndex(0)
            self.noteShownChanged.emit()

    def apply_theme(self) -> None:
        if self._loaded:
            value = self.view.verticalScrollBar().value()
            self._load()
            self.view.verticalScrollBar().setValue(value)

    def first_focus(self) -> QWidget | None:
        if self.showing_note and self.note is not None:
            return self.note.show_button
        return None

    def text_for_reading(self) -> str:
        if self.showing_note and self.note is not None:
            return _("Before you read this part. {note}").format(note=self.step.content_note)
        if not self._loaded:
            self._load()
        return f"{self.step.title}\n{self.view.toPlainText()}"


class UnavailableStep(StepWidget):
    """What a reader sees where content is broken: calm, no technical detail."""

    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(ctx, step, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        frame = QFrame(self)
        frame.setObjectName("notice")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(24, 24, 24, 24)
        heading = QLabel(_("This part is not available right now"))
        heading.setObjectName("stepTitle")
        heading.setWordWrap(True)
        body = QLabel(
            _(
                "Something is wrong with this part of the guide, so we are not showing it. "
                "The rest of the guide works as usual. You can go on to the next step."
            )
        )
        body.setWordWrap(True)
        inner.addWidget(heading)
        inner.addWidget(body)
        layout.addWidget(frame)
        layout.addStretch(1)
        self.setAccessibleName(_("This part is not available right now"))

    def text_for_reading(self) -> str:
        return _("This part is not available right now.")
