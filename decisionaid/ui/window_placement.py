"""Where and how a window appears: sized to its screen, full screen and frameless in a kiosk,
and a new window (a language switch) exactly where the old one was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from decisionaid.core.policy import Policy

if TYPE_CHECKING:
    from decisionaid.ui.main_window import MainWindow


def take_place_of(new: MainWindow, old: MainWindow, policy: Policy) -> None:
    """Show `new` exactly where `old` is, the same size and state."""
    set_frameless(new, policy)
    if policy.fullscreen:
        new.setGeometry(old.geometry())
        new.showFullScreen()
    elif old.isMaximized():
        new.showMaximized()
    else:
        new.setGeometry(old.geometry())
        new.show()


def size_text_for_screen(policy: Policy, screen_size: tuple[int, int] | None = None) -> None:
    """Body text for the screen the app opens on (core/text_size.py), set once, before the
    window is styled."""
    from decisionaid.core.text_size import body_px
    from decisionaid.ui.theme import set_body_px

    short_mm = None
    if screen_size is None:
        from PySide6.QtGui import QGuiApplication

        screen = QGuiApplication.primaryScreen()
        size = screen.size() if screen is not None else None
        screen_size = (size.width(), size.height()) if size is not None else (0, 0)
        if screen is not None:
            mm = screen.physicalSize()
            short_mm = min(mm.width(), mm.height())
    short_px = min(screen_size)
    set_body_px(body_px(short_px, short_mm, scale_to_screen=policy.text_scales_with_screen))


def set_frameless(window: MainWindow, policy: Policy) -> None:
    if policy.frameless:
        make_frameless(window)


def show_window(window: MainWindow, policy: Policy) -> None:
    set_frameless(window, policy)
    if policy.fullscreen:
        # On Wayland the compositor sizes a full-screen window only after its first frame, which
        # Qt would draw at its default two-thirds size; sized to the screen first, the kiosk's
        # first frame already fills it.
        window.setGeometry(window.screen().geometry())
        window.showFullScreen()
    else:
        show_sized_to_screen(window)


def make_frameless(window: MainWindow) -> None:
    """No title bar, so no close button, from the first frame on.

    A window not yet made on screen is made now and its native window asked for no frame by
    the flags' key names, through Qt's property system: reading the widget's own flags would
    build all 93 enums of PySide6's `Qt` namespace before the first paint (about 120 M
    instructions, see the start-up list), and setWindowFlags would re-parent the window, which
    restyles every widget under its style sheet (about 180 M). The widget's note of its flags
    is brought in line right after the first paint, without telling the window system again
    (overrideWindowFlags)."""
    from PySide6.QtCore import QTimer

    from decisionaid.ui.controls import set_enum

    if window.windowHandle() is None:
        window.create()
        handle = window.windowHandle()
        if handle is not None:
            set_enum(handle, "flags", "Window|FramelessWindowHint")
            window.firstPaint.connect(
                lambda: QTimer.singleShot(0, window, lambda: _note_frameless(window))
            )
            return
    _note_frameless(window, tell_window_system=True)


def _note_frameless(window: MainWindow, *, tell_window_system: bool = False) -> None:
    from PySide6.QtCore import Qt  # only here (see the start-up list)

    flags = window.windowFlags() | Qt.WindowType.FramelessWindowHint
    if tell_window_system:
        window.setWindowFlags(flags)
    else:
        window.overrideWindowFlags(flags)


DEFAULT_SIZE = (1280, 800)


def show_sized_to_screen(window: MainWindow) -> None:
    """Personal and counsellor windows open at the default size where the screen has room for
    it, and fill the screen's available area (maximised) where it has not, so Back and Next
    are never below the bottom of a laptop's screen."""
    area = window.screen().availableGeometry()
    width, height = DEFAULT_SIZE
    if area.width() < width or area.height() < height:
        # The geometry first: with no window manager to maximise it, the window still fits.
        window.setGeometry(area)
        window.showMaximized()
        return
    window.resize(width, height)
    frame = window.frameGeometry()
    frame.moveCenter(area.center())
    window.move(frame.topLeft())
    window.show()
