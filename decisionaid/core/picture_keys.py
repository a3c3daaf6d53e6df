"""What every picture block in a page shares (icon arrays, core/iconarray.py, and trial groups,
core/trial_groups.py): how sure we are, in words, and the keys each must have."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.i18n import N_, _

CERTAINTIES = ("high", "moderate", "low", "very low")
# In the guide's language through certainty_words(): the same words as About's table.
CERTAINTY_WORDS = {
    "high": N_("We are fairly sure of this."),
    "moderate": N_("We are somewhat sure of this."),
    "low": N_(
        "We are not very sure of this: there is little research on it, or the research has flaws."
    ),
    "very low": N_("We are very unsure of this."),
}


def picture_caption(population: str, timeframe: str) -> str:
    """Who the picture's people are and over what time, in the guide's language."""
    # Only the first letter: capitalize() would lowercase acronyms such as PTSD.
    return _("{population}, over {timeframe}.").format(
        population=f"{population[:1].upper()}{population[1:]}", timeframe=timeframe
    )


def certainty_words(certainty: str) -> str:
    """How sure we are of a picture's numbers, in words, in the guide's language."""
    words = CERTAINTY_WORDS.get(certainty, "")
    return _(words) if words else ""


def check_picture_keys(
    data: dict[str, Any],
    text_keys: tuple[str, ...],
    what: str,
    where: tuple[Path, int, Diagnostics],
    references: dict[str, Any] | None,
) -> bool:
    """What every picture block needs: its text keys, a known certainty, a known source and,
    if given, an option as text. Each problem is reported at the block's line."""
    path, line, diags = where
    ok = True
    for key in text_keys:
        if not isinstance(data.get(key), str) or not data[key].strip():
            diags.error(path, line, f"{what} needs '{key}' (text)")
            ok = False
    certainty = data.get("certainty", "")
    if isinstance(certainty, str) and certainty and certainty not in CERTAINTIES:
        diags.error(
            path, line, f"{what} certainty '{certainty}' is not one of {', '.join(CERTAINTIES)}"
        )
        ok = False
    source = data.get("source", "")
    if references is not None and isinstance(source, str) and source and source not in references:
        diags.error(path, line, f"{what} source '{source}' is not in references.toml")
        ok = False
    if not isinstance(data.get("option", ""), str):
        diags.error(path, line, f"{what} 'option' must be text (an option id)")
        ok = False
    return ok
