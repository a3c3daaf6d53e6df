"""The reader's questions as QR codes: plain text, nothing else, in as few codes as this screen
can show large enough for a phone to read.

Nothing that could identify a person goes in: no name, no answers, no ids, no web address. The
last line of each code may say which edition of the guide it came from ("Guide 2026.12,
evidence 2026-12"), so a provider can tell how current the reader's guide was.

How big a code may be is the screen's to say, not a fixed version: `qr_plan` takes the room the
code has and the screen's pixels per millimetre, and gives the smallest module that is still
read from a comfortable distance and the largest code (version, and so bytes) that fits the room
at that module size. One code holds the whole list wherever it fits; only a list too long for
one code at that density falls back to a series of codes, one after another.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from decisionaid.core.i18n import _
from decisionaid.core.record import record

QR_ERROR = "m"  # error correction level M: about 15% of the code may be lost (glare, a finger)
# The guide may give its own heading (and a footer: the guide's edition), passed to qr_codes;
# this is the fallback for a guide without one.
QR_HEADING = "Questions to ask my provider"
QUIET_ZONE = 4  # modules of light margin a scanner needs on every side
MAX_VERSION = 40  # the largest QR code there is: 177 modules a side
# A code's bytes when nothing is known of the room it has (a test, a caller without a screen):
# a version-11 code, 61 modules a side.
QR_MAX_BYTES = 250
# A module must be at least this big on the screen. A phone scanning app works from a preview
# of about 1920x1080 pixels, whose short side spans about 50 degrees when the phone is held
# upright: 25 cm from the screen that is 2 x 25 cm x tan(25 deg) = 23 cm, or 0.22 mm of screen
# per camera pixel. Decoders need at least 2 to 3 camera pixels per module, so 0.6 mm (2.8
# camera pixels) is read from 25 cm, a forearm's length from a kiosk, and from closer still.
MIN_MODULE_MM = 0.6
# ...and at least this many of the screen's own pixels, so the camera never sees the gaps in
# a single pixel's grid in place of a module.
MIN_MODULE_DEVICE_PX = 2
# The whole code at most this big, so it fits the short side of the camera's view (about 23 cm
# at 25 cm, see above) with room around it.
MAX_CODE_MM = 150.0
# The smallest budget a code may have: the longest heading and the start of one question.
MIN_BYTES = 120


@record(frozen=True)
class QrPayload:
    """One code's text: a run of the reader's questions, numbered as on their list."""

    text: str
    included: int  # how many questions this code holds
    total: int  # how many the reader chose
    # A question too long for a code on its own is cut short, so no code is ever empty.
    shortened: bool = False
    first: int = 1  # the list number of this code's first question
    index: int = 1  # this code's place in the series (1-based)
    count: int = 1  # how many codes the series has


def _utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def _shorten(line: str, budget: int) -> str:
    """`line` cut at a word boundary, with an ellipsis, to at most `budget` UTF-8 bytes."""
    # Three full stops, not "…": a lone multi-byte character in a short code is the case where
    # decoders guess the text's encoding wrong (zbar reads U+2026 as Shift JIS).
    ellipsis = "..."
    room = budget - _utf8_len(ellipsis)
    cut = line
    while cut and _utf8_len(cut) > room:
        cut = cut[:-1]
    if " " in cut.rstrip():
        cut = cut.rstrip()[: cut.rstrip().rindex(" ")]
    return cut.rstrip(" ,;:") + ellipsis


def _series_heading(heading: str, index: int, count: int) -> str:
    if count == 1:
        return f"{heading}:"
    return _("{heading} (code {index} of {count}):").format(
        heading=heading, index=index, count=count
    )


def _fill(
    questions: Sequence[str], start: int, heading: str, footer: str, max_bytes: int
) -> tuple[list[str], int, bool]:
    """The lines of one code from question `start` on: as many whole questions as fit in
    `max_bytes`, or the first one cut short when it does not fit on its own; then the footer,
    if any."""
    lines = [heading]
    tail = [footer] if footer else []
    shortened = False
    for i in range(start, len(questions)):
        line = f"{i + 1}. {questions[i]}"
        if _utf8_len("\n".join([*lines, line, *tail])) > max_bytes:
            if i == start:
                budget = max_bytes - _utf8_len("\n".join([heading, *tail])) - 1
                lines.append(_shorten(line, budget))
                shortened = True
            break
        lines.append(line)
    return [*lines, *tail], len(lines) - 1, shortened


def qr_codes(
    questions: Sequence[str],
    *,
    heading: str = QR_HEADING,
    footer: str = "",
    max_bytes: int = QR_MAX_BYTES,
) -> list[QrPayload]:
    """The chosen questions as plain text, and nothing else (no names, ids or addresses), in as
    many codes as they need: each code holds at most `max_bytes` of UTF-8 (see `qr_plan`),
    holds whole questions in list order, says which code of the series it is, and ends with
    `footer` (the guide's edition) when one is given."""
    max_bytes = max(MIN_BYTES, max_bytes)
    total = len(questions)
    if total == 0:
        return [QrPayload("\n".join([f"{heading}:", *([footer] if footer else [])]), 0, 0)]
    first = _series_heading(heading, 1, 1)
    lines, included, shortened = _fill(questions, 0, first, footer, max_bytes)
    if included == total:
        return [QrPayload("\n".join(lines), included, total, shortened)]
    # Several codes: split with room kept for the longest heading ("code 12 of 12"), then number.
    widest = _series_heading(heading, total, total)
    runs: list[tuple[int, int, bool]] = []
    start = 0
    while start < total:
        _, included, shortened = _fill(questions, start, widest, footer, max_bytes)
        runs.append((start, included, shortened))
        start += included
    codes = []
    for index, (start, included, shortened) in enumerate(runs, 1):
        series = _series_heading(heading, index, len(runs))
        lines, _, _ = _fill(questions[: start + included], start, series, footer, max_bytes)
        codes.append(
            QrPayload("\n".join(lines), included, total, shortened, start + 1, index, len(runs))
        )
    return codes


def qr_side_modules(version: int) -> int:
    """Modules along one side of a code of `version`, with its quiet zone."""
    return 17 + 4 * version + 2 * QUIET_ZONE


def qr_byte_capacity(version: int) -> int:
    """Bytes of text (byte mode, error level M) a code of `version` holds."""
    from segno import consts

    by_level: Any = consts.SYMBOL_CAPACITY[version]  # data bits by error level
    bits = int(by_level[consts.ERROR_LEVEL_M])
    count_bits = 8 if version < 10 else 16  # the length field grows at version 10
    eci_bits = 12  # the designator that says the text is UTF-8 (see ui/qr_widget.qr_matrix)
    return (bits - eci_bits - 4 - count_bits) // 8


@record(frozen=True)
class QrPlan:
    """How codes are drawn in the room a screen gives them."""

    min_module_px: int  # the smallest module, in the screen's logical pixels
    max_code_px: int  # the whole code, quiet zone included, stays within MAX_CODE_MM
    version: int  # the largest code that fits the room at min_module_px
    max_bytes: int  # what that code holds

    def module_px(self, modules: int, side_px: int) -> int:
        """Pixels per module for a code `modules` wide (quiet zone included) in `side_px`: as
        big as the room and MAX_CODE_MM allow, never below the smallest readable module."""
        fits = min(side_px, self.max_code_px) // max(1, modules)
        return max(self.min_module_px, fits)


def qr_plan(side_px: int, px_per_mm: float, device_pixel_ratio: float = 1.0) -> QrPlan:
    """The plan for a code drawn in a square of `side_px` logical pixels on a screen with
    `px_per_mm` logical pixels per millimetre."""
    smallest = max(MIN_MODULE_MM * px_per_mm, MIN_MODULE_DEVICE_PX / device_pixel_ratio)
    min_px = max(1, math.ceil(smallest - 1e-9))
    max_code = int(MAX_CODE_MM * px_per_mm)
    fitting = [v for v in range(1, MAX_VERSION + 1) if qr_side_modules(v) * min_px <= side_px]
    version = fitting[-1] if fitting else 1
    return QrPlan(min_px, max_code, version, max(MIN_BYTES, qr_byte_capacity(version)))


def qr_code_caption(code: QrPayload) -> tuple[str, str]:
    """What the reader is told beside one code: which of their questions it holds, when it is
    one of several, and when a question was too long to fit whole. Two empty strings for a
    single code that holds every question whole."""
    parts = []
    if code.count > 1:
        last = code.first + code.included - 1
        if code.included == 1:
            which = _("Code {index} of {count}: question {first} of your {total}.")
        else:
            which = _("Code {index} of {count}: questions {first} to {last} of your {total}.")
        parts.append(
            which.format(
                index=code.index,
                count=code.count,
                first=code.first,
                last=last,
                total=code.total,
            )
        )
    if code.shortened:
        parts.append(
            _("Question {n} is too long for a code: this holds only its start.").format(
                n=code.first
            )
        )
    if not parts:
        return "", ""
    steps = []
    if code.count > 1:
        steps.append(_("Scan each code in turn to copy all your questions."))
    if code.shortened:
        steps.append(_("To take that question whole, print your summary."))
    return " ".join(parts), " ".join(steps)
