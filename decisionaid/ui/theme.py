"""Colours, sizes and the stylesheet, generated from one palette so contrast can be tested.

Every text/background pair the app draws is listed in `Theme.text_pairs`, which the tests check
against WCAG contrast ratios.
"""

from __future__ import annotations

from pathlib import Path

from decisionaid.core.record import record
from decisionaid.paths import icon_path

BASE_FONT_PX = 17  # body text at 100% on a desk; a kiosk sets its own (set_body_px)
_body_px = BASE_FONT_PX


@record(frozen=True)
class Theme:
    name: str
    window: str
    text: str
    muted: str
    surface: str  # panels, header, footer
    border: str
    primary: str  # main buttons
    on_primary: str
    secondary: str  # quieter buttons
    on_secondary: str
    help: str  # "Get help now"
    on_help: str
    focus: str
    link: str
    selection: str
    on_selection: str
    notice: str  # content notes, glossary definitions
    on_notice: str
    figure_on: str  # icon arrays: affected people
    figure_off: str
    scroll_track: str  # the groove a scroll bar's handle runs in
    scroll_handle: str  # the handle, filled, edged in `text`
    scroll_handle_active: str  # the handle under the pointer or being dragged
    disabled: str  # words and edges of a control that cannot be used now

    def text_pairs(self) -> list[tuple[str, str, str, bool]]:
        """(description, foreground, background, is large or a UI part) for every pair drawn."""
        return [
            ("body text", self.text, self.window, False),
            ("muted text", self.muted, self.window, False),
            ("body text on panels", self.text, self.surface, False),
            ("muted text on panels", self.muted, self.surface, False),
            ("links", self.link, self.window, False),
            ("primary buttons", self.on_primary, self.primary, False),
            ("secondary buttons", self.on_secondary, self.secondary, False),
            ("help button", self.on_help, self.help, False),
            ("selected contents item", self.on_selection, self.selection, False),
            ("notices", self.on_notice, self.notice, False),
            ("focus ring on window", self.focus, self.window, True),
            ("focus ring on panels", self.focus, self.surface, True),
            ("control borders", self.border, self.window, True),
            ("control borders on panels", self.border, self.surface, True),
            ("chosen check box or radio button", self.selection, self.window, True),
            ("chosen check box or radio button on panels", self.selection, self.surface, True),
            ("tick in a chosen check box", self.on_selection, self.selection, True),
            ("icon array figures", self.figure_on, self.window, True),
            ("icon array empty figures", self.figure_off, self.window, True),
            ("scroll bar handle on its track", self.scroll_handle, self.scroll_track, True),
            ("scroll bar handle on the window", self.scroll_handle, self.window, True),
            ("scroll bar handle on panels", self.scroll_handle, self.surface, True),
            ("scroll bar handle's edge on its track", self.text, self.scroll_track, True),
            (
                "scroll bar handle in use on its track",
                self.scroll_handle_active,
                self.scroll_track,
                True,
            ),
            ("scroll bar track's edge on the window", self.border, self.window, True),
            ("scroll bar track's edge on panels", self.border, self.surface, True),
            ("scroll bar track's edge on the track", self.border, self.scroll_track, True),
        ]


STANDARD = Theme(
    name="standard",
    window="#ffffff",
    text="#1b1b1b",
    muted="#4a4a4a",
    surface="#f1f4f8",
    border="#5f6b7a",
    primary="#1f4e79",
    on_primary="#ffffff",
    secondary="#e3e9f1",
    on_secondary="#14324f",
    help="#a4161a",
    on_help="#ffffff",
    focus="#b45309",
    link="#1a4d8c",
    selection="#1f4e79",
    on_selection="#ffffff",
    notice="#fff4d6",
    on_notice="#1b1b1b",
    figure_on="#1f4e79",
    figure_off="#767676",
    scroll_track="#e3e9f1",
    scroll_handle="#5f6b7a",
    scroll_handle_active="#1f4e79",
    disabled="#80868e",
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    window="#000000",
    text="#ffffff",
    muted="#e6e6e6",
    surface="#101010",
    border="#ffffff",
    primary="#ffff00",
    on_primary="#000000",
    secondary="#000000",
    on_secondary="#ffffff",
    help="#ffffff",
    on_help="#000000",
    focus="#00ffff",
    link="#8cd2ff",
    selection="#ffff00",
    on_selection="#000000",
    notice="#1a1a00",
    on_notice="#ffffff",
    figure_on="#ffff00",
    figure_off="#bdbdbd",
    scroll_track="#101010",
    scroll_handle="#bdbdbd",
    scroll_handle_active="#ffff00",
    disabled="#8c8c8c",
)

THEMES = {t.name: t for t in (STANDARD, HIGH_CONTRAST)}


def set_body_px(px: int) -> None:
    """Body text at 100% for this screen (core/text_size.py decides it), before any styling."""
    global _body_px
    _body_px = px


def font_px(scale_percent: int) -> int:
    return round(_body_px * scale_percent / 100)


def stylesheet(theme: Theme, scale_percent: int, target_px: int) -> str:
    """The application stylesheet for a text size and a minimum touch-target size."""
    f = font_px(scale_percent)
    big = round(f * 1.35)
    t = theme
    return f"""
QWidget {{ font-size: {f}px; color: {t.text}; background: {t.window}; }}
QWidget#header, QWidget#footer, QWidget#progressRow {{ background: {t.surface}; }}
QLabel, QWidget#textSize, QWidget#headerTools {{ background: transparent; }}
QLabel#guideTitle {{ font-size: {big}px; font-weight: 600; }}
QLabel#stepTitle {{ font-size: {big}px; font-weight: 600; }}
QLabel#stepCounter, QLabel.muted {{ color: {t.muted}; }}
QPushButton, QToolButton {{
    min-height: {target_px}px; min-width: {target_px}px; padding: 4px 16px;
    border: 2px solid {t.border}; border-radius: 8px;
    background: {t.secondary}; color: {t.on_secondary};
}}
QPushButton[role="primary"] {{ background: {t.primary}; color: {t.on_primary}; border-color: {t.primary}; }}
QPushButton#helpButton {{ background: {t.help}; color: {t.on_help}; border-color: {t.help}; font-weight: 600; }}
QRadioButton:focus, QCheckBox:focus {{ border: 4px solid {t.focus}; }}
{focus_ring_css(t)}
QPushButton:disabled {{ color: {t.disabled}; background: {t.surface}; border-color: {t.disabled}; }}
QPushButton:checked {{ background: {t.selection}; color: {t.on_selection}; }}
QRadioButton, QCheckBox {{ min-height: {target_px}px; padding: 2px 8px; spacing: 12px;
    border: 2px solid transparent; border-radius: 8px; background: transparent; }}
{indicator_css(t, f)}
QListWidget {{ border: 2px solid {t.border}; border-radius: 6px; background: {t.window}; padding: 0px 0px 0px 8px; }}
QListWidget:focus {{ border: 4px solid {t.focus}; }}
QListWidget::item {{ min-height: {target_px}px; padding: 2px 0px; }}
QListWidget::item:selected {{ background: {t.selection}; color: {t.on_selection}; }}
QTextBrowser {{ border: none; background: {t.window}; }}
QTextBrowser:focus {{ border: 3px solid {t.focus}; }}
QLineEdit, QPlainTextEdit {{ border: 2px solid {t.border}; border-radius: 6px; padding: 6px; min-height: {target_px - 16}px; }}
QLineEdit:focus, QPlainTextEdit:focus {{ border: 4px solid {t.focus}; }}
QProgressBar {{ border: 2px solid {t.border}; border-radius: 6px; background: {t.window};
    min-height: 12px; max-height: 14px; text-align: center; color: transparent; }}
QProgressBar::chunk {{ background: {t.primary}; border-radius: 4px; }}
QFrame#notice {{ background: {t.notice}; border: 2px solid {t.border}; border-radius: 8px; }}
QFrame#notice QLabel {{ color: {t.on_notice}; }}
QFrame#displayMenu {{ background: {t.window}; border: 3px solid {t.border}; border-radius: 10px; }}
QPushButton[toggle="true"] {{ text-align: left; border-radius: {target_px // 2}px; padding: 4px 20px 4px 14px; }}
QFrame#popover {{ background: {t.window}; border: 3px solid {t.border}; border-radius: 10px; }}
QLabel#popoverTitle {{ font-weight: 600; }}
QFrame#helpPanel {{ background: {t.window}; border: 3px solid {t.help}; border-radius: 10px; }}
{scroll_bar_css(t, target_px)}
"""


FOCUS_RING_PX = 6  # three 2px bands: ring, gap, ring


def focus_ring_css(theme: Theme) -> str:
    """A two-tone focus indicator on every button: a ring in `focus`, a gap through which the
    background behind the button shows, a second ring, then the button's own fill.

    Qt draws the 6px double border as 2px ring, 2px gap, 2px ring, and with the background
    clipped to the padding the fill starts a few pixels inside the inner ring, so the
    background shows there too. The rings touch only that background, which they stand out
    from; the background stands out from fills close to the ring's colour (the primary and
    help buttons, a pressed toggle), so the indicator shows at 3:1 on every button style
    (tests/ui/test_focus_ring.py checks the pixels). Border and padding add up to exactly an
    unfocused button's (2px, and 4px 16px): a size Qt measures while a button has focus
    fits its words after focus moves on, and the words do not move. Repeated for the help
    button, whose ID selector would otherwise win over :focus; kiosk screens add it again
    after their own padding."""
    t = theme
    ring = (
        f"border: {FOCUS_RING_PX}px double {t.focus}; padding: 0px 12px; background-clip: padding;"
    )
    return f"""
QPushButton:focus, QToolButton:focus {{ {ring} }}
QPushButton#helpButton:focus {{ {ring} }}
"""


def scroll_bar_px(target_px: int) -> int:
    """How thick a scroll bar is: half a touch target, never under WCAG's 24px target size."""
    return max(24, target_px // 2)


def scroll_bar_css(theme: Theme, target_px: int) -> str:
    """Scroll bars drawn in full: a track edged in `border`, and a filled handle at least a
    touch target long, so it can be seen and dragged by finger. No arrow buttons in either
    direction: the wheel, the keyboard and the track do what they did."""
    t = theme
    thick = scroll_bar_px(target_px)
    radius = thick // 2 - 2
    return f"""
QScrollBar {{ background: {t.scroll_track}; border: 1px solid {t.border}; margin: 0px; }}
QScrollBar:vertical {{ width: {thick}px; }}
QScrollBar:horizontal {{ height: {thick}px; }}
QScrollBar::handle {{ background: {t.scroll_handle}; border: 2px solid {t.text};
    border-radius: {radius}px; margin: 1px; }}
QScrollBar::handle:vertical {{ min-height: {target_px}px; }}
QScrollBar::handle:horizontal {{ min-width: {target_px}px; }}
QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {t.scroll_handle_active}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; border: none;
    background: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


def check_mark_path(theme: Theme) -> Path:
    """The tick drawn in a chosen check box, in the theme's `on_selection` colour."""
    return icon_path(f"check-{theme.name}.svg")


INDICATOR_BORDER_PX = 2


def indicator_side(font: int) -> int:
    """The inner side of a check box's or radio button's indicator for text of `font` px: as
    tall as a capital and a descender, and never under 22 px, so it is easy to see and hit."""
    return max(22, font + 4)


def indicator_css(theme: Theme, font: int) -> str:
    """Check boxes and radio buttons: an outline that shows when unchosen, and a tick or a dot
    when chosen, so the state never shows by colour alone."""
    t = theme
    side = indicator_side(font)
    tick = check_mark_path(t).as_posix()
    # A dot inside the ring: the radial gradient stops draw it without an image.
    dot = (
        "qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5, "
        f"stop:0 {t.selection}, stop:0.5 {t.selection}, stop:0.56 {t.window}, stop:1 {t.window})"
    )
    return f"""
QRadioButton::indicator, QCheckBox::indicator {{ width: {side}px; height: {side}px;
    border: {INDICATOR_BORDER_PX}px solid {t.border}; background: {t.window}; }}
QCheckBox::indicator {{ border-radius: 4px; }}
QRadioButton::indicator {{ border-radius: {side // 2 + 2}px; }}
QCheckBox::indicator:checked {{ background: {t.selection}; border-color: {t.selection};
    image: url("{tick}"); }}
QRadioButton::indicator:checked {{ border-color: {t.selection}; background: {dot}; }}
QRadioButton::indicator:disabled, QCheckBox::indicator:disabled {{ border-color: {t.disabled}; background: {t.surface}; }}
"""


def document_css(theme: Theme) -> str:
    """Qt rich-text stylesheet for pages; set before setHtml (it has no effect after)."""
    t = theme
    return f"""
a {{ color: {t.link}; text-decoration: underline; }}
h1 {{ font-size: x-large; font-weight: 600; margin-top: 0px; margin-bottom: 12px; }}
h2 {{ font-size: large; font-weight: 600; margin-top: 18px; margin-bottom: 6px; }}
h3 {{ font-weight: 600; margin-top: 14px; margin-bottom: 4px; }}
p, li {{ margin-top: 4px; margin-bottom: 10px; line-height: 140%; }}
table.data {{ border-color: {t.border}; border-style: solid; margin-top: 8px; margin-bottom: 12px; }}
table.data th {{ background-color: {t.surface}; font-weight: 600; text-align: left; }}
p.caption {{ color: {t.muted}; }}
p.unavailable {{ color: {t.muted}; font-style: italic; }}
"""
