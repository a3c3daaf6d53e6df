"""What the decision-support steps share: a scrolling column, answer choices and their style.

The steps keep no answers of their own: every choice goes straight to the session, and each
step redraws itself from the session when it changes (including after a reset).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics, QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.decision_data import DecisionData
from decisionaid.core.guide import Step
from decisionaid.core.i18n import N_, _
from decisionaid.core.session import Change
from decisionaid.ui.announce import announce
from decisionaid.ui.controls import button_text, label_words, make_label, wrap_words
from decisionaid.ui.reading_measure import cap_column
from decisionaid.ui.steps.base import StepContext, StepWidget
from decisionaid.ui.theme import INDICATOR_BORDER_PX, Theme, font_px, indicator_side

__all__ = [
    "ChoiceGroup",
    "DecisionStep",
    "announce",
    "card",
    "decision_css",
    "tile_extra_px",
]

HIDDEN_ANSWER = N_("Answered. Your answer is hidden on this screen.")
# Said after each tap while answers are hidden: the tap counted, and nothing about which answer.
ANSWER_SAVED = N_("Answer saved.")
HIDDEN_NOTE = N_("Your answer is hidden on this screen.")
# The column's margins and a card's edges and padding, either side of its words.
CARD_EDGES_PX = 2 * (24 + 16 + 1)
# Between two answer tiles, across and down.
CHOICE_SPACING_PX = 8
# An answer tile's border, and the padding inside it around its indicator and words.
TILE_BORDER_PX = 2
PAD_X, PAD_Y = 12, 6
# With focus the border becomes a wider ring and the padding shrinks by as much, so the ring
# shows on a chosen tile too and nothing moves.
RING_PX = 6
RING_PAD_X, RING_PAD_Y = PAD_X + TILE_BORDER_PX - RING_PX, PAD_Y + TILE_BORDER_PX - RING_PX
# A rating scale's points have their words centred, so they need less padding at the sides.
POINT_PAD_X = 6
# Between a choice's round indicator and its words.
INDICATOR_GAP_PX = 6


def indicator_px(font: QFont) -> int:
    """The round indicator's outer width for a choice in `font`, as the theme's sheet draws it."""
    return indicator_side(QFontInfo(font).pixelSize()) + 2 * INDICATOR_BORDER_PX


def tile_extra_px(font: QFont) -> int:
    """How much wider an answer tile is than its longest line of words: its indicator, the gap
    after it, and the tile's border and padding on both sides."""
    return indicator_px(font) + INDICATOR_GAP_PX + 2 * (TILE_BORDER_PX + PAD_X)


def decision_css(theme: Theme, scale_percent: int) -> str:
    """Answer choices look like large tappable tiles; the chosen one is filled and bold, and
    keeps its round indicator, so the choice never shows by colour alone. With focus, the
    two-tone ring of buttons (see `focus_ring_css`), as wide as the unfocused border and
    padding, so the ring shows on a chosen tile too and nothing moves."""
    t = theme
    f = font_px(scale_percent)
    return f"""
QFrame#card {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 10px; }}
QFrame#card QLabel {{ color: {t.text}; }}
QScrollArea#qrWords, QWidget#qrWordsBody, QWidget#qrCodeRow {{ background: transparent; }}
QFrame#result {{ background: {t.notice}; border: 2px solid {t.border}; border-radius: 10px; }}
QFrame#result QLabel {{ color: {t.on_notice}; }}
QRadioButton#choice, QRadioButton#choiceApart, QRadioButton#scalePoint {{
    background: {t.window}; color: {t.text}; border: {TILE_BORDER_PX}px solid {t.border};
    border-radius: 8px; padding: {PAD_Y}px {PAD_X}px; spacing: {INDICATOR_GAP_PX}px; }}
QRadioButton#choice:checked, QRadioButton#choiceApart:checked,
QRadioButton#scalePoint:checked {{ background: {t.selection}; color: {t.on_selection};
    font-weight: 600; }}
QRadioButton#choice:focus, QRadioButton#choiceApart:focus, QRadioButton#scalePoint:focus {{
    border: {RING_PX}px double {t.focus}; padding: {RING_PAD_Y}px {RING_PAD_X}px;
    background-clip: padding; }}
QRadioButton#scalePoint {{ padding: {PAD_Y}px {POINT_PAD_X}px; }}
QRadioButton#scalePoint:focus {{ padding: {RING_PAD_Y}px {POINT_PAD_X - RING_PX + TILE_BORDER_PX}px; }}
QRadioButton#scalePoint::indicator {{ width: 0px; height: 0px; border: none; image: none;
    background: transparent; }}
QLabel#sectionTitle {{ font-size: {round(f * 1.15)}px; font-weight: 600; }}
QLabel#optionHeading {{ font-size: {round(f * 1.35)}px; font-weight: 600; margin-top: 8px; }}
QLabel#muted {{ color: {t.muted}; }}
QLabel#count {{ font-weight: 600; }}
"""


class ChoiceGroup(QWidget):
    """One question answered by tapping one of several labelled choices (radio buttons).

    Tab reaches every choice; arrow keys move between them; Space or a tap chooses. There is
    no drag-only control anywhere.
    """

    chosen = Signal(int)

    def __init__(
        self,
        question: str,
        labels: Sequence[str],
        columns: int = 3,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(question)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(CHOICE_SPACING_PX)
        column.addLayout(self.grid)
        # While a counsellor hides answers, this says an answer was given, never which one.
        self.hidden_note = make_label(_(HIDDEN_ANSWER), "muted", parent=self)
        self.hidden_note.hide()
        column.addWidget(self.hidden_note)
        self.buttons: list[QRadioButton] = []
        self.labels = list(labels)
        # Words shown under one choice after it (the knowledge check's "Right answer").
        self.marks: dict[int, str] = {}
        for i, label in enumerate(labels):
            button = self._make_button(i, button_text(label))
            button.setAccessibleName(label)
            button.setAccessibleDescription(question)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.group.addButton(button, i)
            self.buttons.append(button)
        self.preferred_columns = columns
        self.columns = 0
        self._wrapped_at: tuple[int, int] | None = None
        self._place(columns)
        self.hiding = False
        self.group.idClicked.connect(self._on_clicked)

    def _make_button(self, index: int, text: str) -> QRadioButton:
        button = QRadioButton(text, self)
        button.setObjectName("choice")
        return button

    def _extra_px(self, button: QRadioButton) -> int:
        """How much wider `button` is than its longest line of words."""
        return tile_extra_px(button.font())

    def _on_clicked(self, index: int) -> None:
        self.chosen.emit(index)
        if self.hiding:
            # Tapping the answer already given changes nothing in the session, so nothing
            # redraws: hide the tapped choice here.
            self.set_checked(index, hidden=True)
            # The tapped choice does not look chosen, so say the tap counted, in words on the
            # screen and to a screen reader, without saying which answer.
            saved = f"{_(ANSWER_SAVED)} {_(HIDDEN_NOTE)}"
            self.hidden_note.setText(saved)
            self.hidden_note.setAccessibleName(saved)
            announce(self.hidden_note, _(ANSWER_SAVED))

    def set_columns(self, columns: int) -> None:
        """Lay the choices out in rows of `columns` (fewer at large text sizes)."""
        self._place(columns)

    def _place(self, columns: int) -> None:
        columns = max(1, min(columns, len(self.buttons)))
        if columns == self.columns:
            return
        for b in self.buttons:
            self.grid.removeWidget(b)
        for col in range(self.grid.columnCount()):
            self.grid.setColumnStretch(col, 0)
        for i, b in enumerate(self.buttons):
            row, col = divmod(i, columns)
            self.grid.addWidget(b, row, col)
        for col in range(columns):
            self.grid.setColumnStretch(col, 1)
        self.columns = columns
        self._wrapped_at = None
        self._wrap_labels()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._wrap_labels()

    def _wrap_labels(self) -> None:
        """Break long choices onto more lines to fit their column: a radio button's own text
        never wraps, and at large text sizes a long answer would push the page sideways."""
        if not self.buttons or self.width() <= 0:
            return
        spacing = self.grid.horizontalSpacing()
        column = (self.width() - spacing * (self.columns - 1)) // max(1, self.columns)
        button = self.buttons[0]
        # The tiles' widths depend on the text size as well as the column's.
        key = (column, QFontInfo(button.font()).pixelSize())
        if key == self._wrapped_at:
            return
        self._wrapped_at = key
        bold = QFont(button.font())
        bold.setBold(True)  # a chosen answer is drawn bold, so measure as if chosen
        metrics = QFontMetrics(bold)
        for i, b in enumerate(self.buttons):
            text = self.labels[i]
            room_here = max(80, column - self._extra_px(b))
            if i in self.marks:
                text = f"{text}\n{self.marks[i]}"
                room_here -= b.iconSize().width() + 8
            b.setText(button_text(wrap_words(text, room_here, metrics)))

    def set_mark(self, index: int | None, words: str = "", icon: QIcon | None = None) -> None:
        """Mark one choice with an icon and words (or none), so what it means never rests on
        colour alone; a screen reader hears the words with the choice."""
        self.marks = {index: words} if index is not None and words else {}
        for i, b in enumerate(self.buttons):
            marked = i in self.marks
            side = b.fontMetrics().height()  # as tall as a line of the answer's text
            b.setIconSize(QSize(side, side))
            b.setIcon(icon if marked and icon is not None else QIcon())
            b.setAccessibleName(f"{self.labels[i]}: {words}" if marked else self.labels[i])
        self._wrapped_at = None
        self._wrap_labels()

    def set_checked(self, index: int | None, *, hidden: bool = False) -> None:
        """Show a choice without emitting `chosen` (the session already knows it).

        `hidden`: the answer is kept off a shared screen. No choice looks or reads as chosen,
        and a note says an answer was given; the reader can still answer or change it.
        """
        if hidden and not self.hiding:
            self.hidden_note.setText(_(HIDDEN_ANSWER))  # hiding starts: nothing saved here yet
            self.hidden_note.setAccessibleName(_(HIDDEN_ANSWER))
        self.hiding = hidden
        answered = index is not None and 0 <= index < len(self.buttons)
        self.hidden_note.setVisible(hidden and answered)
        if hidden or index is None or not answered:
            self.group.setExclusive(False)
            for b in self.buttons:
                b.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[index].setChecked(True)

    def checked(self) -> int | None:
        i = self.group.checkedId()
        return None if i < 0 else i


def card(parent: QWidget | None = None, name: str = "card") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName(name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 14, 16, 14)
    layout.setSpacing(10)
    return frame, layout


class DecisionStep(StepWidget):
    """A step drawn from the decision data, in a scrolling column, redrawn from the session."""

    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(ctx, step, parent)
        self.data: DecisionData = ctx.decision_data()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.outer = outer
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body = QWidget()
        self.body.setObjectName("decisionBody")
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(24, 16, 24, 24)
        self.column.setSpacing(16)
        self.scroll.setWidget(self.body)
        outer.addWidget(self.scroll, 1)
        ctx.signals.changed.connect(self._on_session_changed)
        self.apply_theme()

    def intro(self, text: str) -> QLabel:
        label = make_label(text, "intro")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.column.addWidget(label)
        return label

    def _on_session_changed(self, what: Change) -> None:
        if what in (Change.RESET, *self.listens_to()):
            self.refresh()

    def listens_to(self) -> tuple[Change, ...]:
        """Which session changes this step shows."""
        return ()

    @property
    def answers_hidden(self) -> bool:
        """A counsellor keeps the reader's answers off a shared screen."""
        return self.ctx.session.state.hide_answers

    def refresh(self) -> None:
        """Show what the session holds now."""

    def on_shown(self) -> None:
        self._fit_choices()
        self.refresh()

    def reset(self) -> None:
        self.scroll.verticalScrollBar().setValue(0)
        self.refresh()

    def apply_theme(self) -> None:
        scale = self.ctx.session.state.text_scale
        self.setStyleSheet(decision_css(self.ctx.theme(), scale))
        # The column of questions and answers reads at the same measure as the pages: the
        # words of a card at most about 70 characters wide, centred on a wide screen; wider
        # only where a row of answers needs the room to stay one row.
        px = font_px(scale)
        cap_column(self.scroll, self.body, px, CARD_EDGES_PX, at_least=self.row_px(px))
        self._fit_choices()

    def row_px(self, font_px: int) -> int:
        """The width a row of answers on this step needs to stay side by side at `font_px`
        (none: its answers wrap to fit the reading column)."""
        return 0

    def _fit_choices(self) -> None:
        # Radio labels do not wrap, so large text gets fewer choices to a row.
        most = 3 if self.ctx.session.state.text_scale <= 125 else 2
        for group in self.findChildren(ChoiceGroup):
            group.set_columns(min(group.preferred_columns, most))

    def text_for_reading(self) -> str:
        parts: list[str] = []
        for w in self.body.findChildren(QLabel):
            if w.isVisibleTo(self.body) and w.text():
                parts.append(label_words(w))
        return "\n".join(parts)
