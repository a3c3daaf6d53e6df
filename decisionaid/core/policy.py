"""What differs between personal, kiosk and counsellor use, decided once at start-up.

Widgets ask the policy ("may I open an external link?"), never which mode they are in.
"""

from __future__ import annotations

from enum import Enum

from decisionaid.core.record import record, replace


class Mode(Enum):
    PERSONAL = "personal"
    KIOSK = "kiosk"
    COUNSELLOR = "counsellor"


class ExternalLinks(Enum):
    ASK_FIRST = "ask"  # open in the system browser after the reader agrees
    SHOW_ONLY = "show"  # show the address as text; never open anything


@record(frozen=True)
class Policy:
    mode: Mode
    fullscreen: bool = False
    frameless: bool = False
    external_links: ExternalLinks = ExternalLinks.ASK_FIRST
    allow_file_export: bool = True
    print_dialog: bool = True
    # Without a print dialog (kiosk) the summary goes only to a printer the clinic named; with
    # none named there is nothing to press, and the QR code is the way to take the list along.
    printer_named: bool = False
    context_menus: bool = True
    quit_shortcuts: bool = True
    log_to_file: bool = True
    # Keep rendered pages in the user's cache folder, so the next start skips rendering.
    cache_pages: bool = True
    idle_reset: bool = False
    idle_timeout_seconds: int = 120
    idle_warning_seconds: int = 30
    # The longest quiet time while the reader is busy (help open, read-aloud): after it the
    # idle warning comes over whatever they were doing.
    help_idle_timeout_seconds: int = 600
    help_full_width: bool = False  # the help panel over the whole page, not beside it
    touch_target_px: int = 44
    control_gap_px: int = 8
    step_index: bool = False
    presenter_view: bool = False
    step_handouts: bool = False  # print any single step
    staff_notices_on_screen: bool = False  # staff run the app, so setup problems show to them
    own_questions: bool = True
    # Typing is offered only where a physical keyboard is attached (kiosk touchscreens)...
    own_questions_with_keyboard: bool = False
    # ...or where Qt's on-screen keyboard is switched on (the clinic's configuration, or a
    # kiosk with no keyboard found); decided before Qt starts, see app.build_parts.
    on_screen_keyboard: bool = False
    staff_exit_gesture: bool = False
    # Read aloud through a speech daemon of the app's own, which writes nothing to disk and
    # stops with the app, instead of the user's shared one (which logs and stays running).
    private_speech: bool = False
    # A drag with the mouse's left button scrolls (kinetically), as a touch does: kiosk
    # touchscreens often report a finger as a mouse. Elsewhere only a touch scrolls.
    drag_scrolls: bool = False
    # A drag may select words (to copy them). Never on a shared touchscreen, where a drag means
    # scrolling and a selection is only in the way.
    text_selection: bool = True
    # Body text grows with the screen (core/text_size.py): read standing, on a large panel.
    text_scales_with_screen: bool = False

    @property
    def may_open_external_links(self) -> bool:
        return self.external_links is ExternalLinks.ASK_FIRST

    @property
    def offers_print(self) -> bool:
        """Whether a reader is offered "Print": with a dialog to choose a printer, or with one
        the clinic named."""
        return self.print_dialog or self.printer_named


PERSONAL = Policy(mode=Mode.PERSONAL)

KIOSK = Policy(
    mode=Mode.KIOSK,
    fullscreen=True,
    frameless=True,
    external_links=ExternalLinks.SHOW_ONLY,
    allow_file_export=False,
    print_dialog=False,
    context_menus=False,
    quit_shortcuts=False,
    log_to_file=False,
    cache_pages=False,
    idle_reset=True,
    help_full_width=True,
    touch_target_px=56,
    control_gap_px=8,
    own_questions=False,
    own_questions_with_keyboard=True,
    staff_exit_gesture=True,
    private_speech=True,
    drag_scrolls=True,
    text_selection=False,
    text_scales_with_screen=True,
)

COUNSELLOR = Policy(
    mode=Mode.COUNSELLOR,
    step_index=True,
    presenter_view=True,
    step_handouts=True,
    staff_notices_on_screen=True,
)

_BY_MODE = {Mode.PERSONAL: PERSONAL, Mode.KIOSK: KIOSK, Mode.COUNSELLOR: COUNSELLOR}


def policy_for(mode: Mode, **overrides: object) -> Policy:
    """The policy for a mode, with values the clinic's configuration may set."""
    base = _BY_MODE[mode]
    return replace(base, **overrides) if overrides else base  # type: ignore[arg-type]
