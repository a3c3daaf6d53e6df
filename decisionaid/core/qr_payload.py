"""The reader's questions as QR codes: plain text, nothing else, in codes small enough to scan
from a screen at arm's length.

Nothing that could identify a person goes in: no name, no answers, no ids, no web address.
"""

from __future__ import annotations

from collections.abc import Sequence

from decisionaid.core.record import record

# The QR code must stay small enough to scan from a screen at arm's length: 250 bytes at
# error level M is at most a version-11 code (61 modules, 69 with its quiet zone), which fits
# a 1280x800 screen at 6 pixels a module even at 200% text. A bigger code needs smaller
# modules, and a phone held back from a kiosk no longer reads it.
QR_MAX_BYTES = 250
QR_MAX_VERSION = 11
QR_ERROR = "m"
QR_HEADING = "Questions to ask my provider"


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
    ellipsis = "…"
    room = budget - _utf8_len(ellipsis)
    cut = line
    while cut and _utf8_len(cut) > room:
        cut = cut[:-1]
    if " " in cut.rstrip():
        cut = cut.rstrip()[: cut.rstrip().rindex(" ")]
    return cut.rstrip(" ,;:") + ellipsis


def _series_heading(index: int, count: int) -> str:
    return f"{QR_HEADING}:" if count == 1 else f"{QR_HEADING} (code {index} of {count}):"


def _fill(questions: Sequence[str], start: int, heading: str) -> tuple[list[str], int, bool]:
    """The lines of one code from question `start` on: as many whole questions as fit, or the
    first one cut short when it does not fit on its own."""
    lines = [heading]
    shortened = False
    for i in range(start, len(questions)):
        line = f"{i + 1}. {questions[i]}"
        if _utf8_len("\n".join([*lines, line])) > QR_MAX_BYTES:
            if i == start:
                budget = QR_MAX_BYTES - _utf8_len(heading) - 1
                lines.append(_shorten(line, budget))
                shortened = True
            break
        lines.append(line)
    return lines, len(lines) - 1, shortened


def qr_codes(questions: Sequence[str]) -> list[QrPayload]:
    """The chosen questions as plain text, and nothing else (no names, ids or addresses), in as
    many codes as they need: each code stays small enough to scan from a kiosk, holds whole
    questions in list order, and says which code of the series it is."""
    total = len(questions)
    if total == 0:
        return [QrPayload(f"{QR_HEADING}:", 0, 0)]
    lines, included, shortened = _fill(questions, 0, _series_heading(1, 1))
    if included == total:
        return [QrPayload("\n".join(lines), included, total, shortened)]
    # Several codes: split with room kept for the longest heading ("code 12 of 12"), then number.
    widest = _series_heading(total, total)
    runs: list[tuple[int, int, bool]] = []
    start = 0
    while start < total:
        _, included, shortened = _fill(questions, start, widest)
        runs.append((start, included, shortened))
        start += included
    codes = []
    for index, (start, included, shortened) in enumerate(runs, 1):
        lines, _, _ = _fill(questions[: start + included], start, _series_heading(index, len(runs)))
        codes.append(
            QrPayload("\n".join(lines), included, total, shortened, start + 1, index, len(runs))
        )
    return codes


def qr_code_caption(code: QrPayload) -> tuple[str, str]:
    """What the reader is told beside one code: which of their questions it holds, when it is
    one of several, and when a question was too long to fit whole. Two empty strings for a
    single code that holds every question whole."""
    parts = []
    if code.count > 1:
        last = code.first + code.included - 1
        which = (
            f"question {code.first}" if code.included == 1 else f"questions {code.first} to {last}"
        )
        parts.append(f"Code {code.index} of {code.count}: {which} of your {code.total}.")
    if code.shortened:
        parts.append(f"Question {code.first} is too long for a code: this holds only its start.")
    if not parts:
        return "", ""
    steps = []
    if code.count > 1:
        steps.append("Scan each code in turn to copy all your questions.")
    if code.shortened:
        steps.append("To take that question whole, print your summary.")
    return " ".join(parts), " ".join(steps)
