"""How large body text is: one size for a desk, and for a kiosk one that grows with the screen.

A kiosk is read standing, from further away than a laptop, on panels of every size: at the
desk's 17 px a 1080p panel shows small, thin lines across a wide screen. So a kiosk's body text
is a fiftieth of the screen's shorter side (22 px on a 1080p panel, portrait or landscape), and
never smaller than about 4.3 mm where the screen reports a believable physical size.
"""

from __future__ import annotations

DESK_BODY_PX = 17  # personal and counsellor use, at 100%
KIOSK_SHORT_SIDE_PARTS = 50  # body text is this fraction of the screen's shorter side
KIOSK_MIN_MM = 4.3  # a line read from arm's length or a little more
KIOSK_MAX_PX = 32  # a very large panel still shows a useful amount of text
# A screen reporting a shorter side outside this range (in millimetres) is not believed: many
# report nothing, or a made-up size.
BELIEVABLE_MM = (120.0, 1500.0)


def body_px(
    short_side_px: int, short_side_mm: float | None = None, *, scale_to_screen: bool
) -> int:
    """Body text in logical pixels at a text size of 100%, for a screen whose shorter side is
    `short_side_px` logical pixels (and `short_side_mm` millimetres, if known)."""
    if not scale_to_screen or short_side_px <= 0:
        return DESK_BODY_PX
    px = short_side_px / KIOSK_SHORT_SIDE_PARTS
    if short_side_mm is not None and BELIEVABLE_MM[0] <= short_side_mm <= BELIEVABLE_MM[1]:
        px = max(px, KIOSK_MIN_MM * short_side_px / short_side_mm)
    return max(DESK_BODY_PX, min(KIOSK_MAX_PX, round(px)))
