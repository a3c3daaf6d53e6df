"""What every picture block in a page shares (icon arrays, core/iconarray.py, and trial groups,
core/trial_groups.py): how sure we are, in words, the keys each must have, and how a block and
its [[groups]] are read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.i18n import N_, _
from decisionaid.core.record import record
from decisionaid.core.textfile import parse_toml

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


@record(frozen=True)
class GroupRule:
    """What a kind of picture block asks of its [[groups]]: how many, and which whole number
    each has beside its name, in what range."""

    what: str  # the block, in messages: "icon array"
    group: str  # one group, in messages: "icon array group"
    count: tuple[int, int]
    number: str  # the key of each group's number: "numerator"
    span: tuple[int, int]


@record(frozen=True)
class PictureData:
    """A picture block that passed its checks: its keys, and its groups as (name, number)."""

    data: dict[str, Any]
    groups: tuple[tuple[str, int], ...]
    certainty: str
    source: str
    option: str

    def text(self, key: str) -> str:
        return str(self.data[key]).strip()


def read_picture(
    body: str,
    where: tuple[Path, int, Diagnostics],
    references: dict[str, Any] | None,
    text_keys: tuple[str, ...],
    rule: GroupRule,
) -> PictureData | None:
    """A picture block's TOML, its keys and its groups checked, every problem reported at the
    block's line; None if there was any."""
    path, line, diags = where
    data = parse_toml(body, path, diags, line_offset=line)
    if data is None:
        return None
    ok = check_picture_keys(data, text_keys, rule.what, where, references)
    groups, groups_ok = _read_groups(data, rule, where)
    if not (ok and groups_ok):
        return None
    certainty, source, option = (data.get(k, "") for k in ("certainty", "source", "option"))
    return PictureData(data, tuple(groups), certainty, source, option.strip())


def _read_groups(
    data: dict[str, Any], rule: GroupRule, where: tuple[Path, int, Diagnostics]
) -> tuple[list[tuple[str, int]], bool]:
    path, line, diags = where
    raw = data.get("groups", [])
    least, most = rule.count
    if not isinstance(raw, list) or not least <= len(raw) <= most:
        diags.error(path, line, f"{rule.what} needs {least} to {most} [[groups]]")
        return [], False
    low, high = rule.span
    groups: list[tuple[str, int]] = []
    ok = True
    for g in raw:
        name = g.get("name") if isinstance(g, dict) else None
        number = g.get(rule.number) if isinstance(g, dict) else None
        if not isinstance(name, str) or not name.strip():
            diags.error(path, line, f"each {rule.group} needs a 'name'")
            ok = False
        elif not isinstance(number, int) or isinstance(number, bool) or not low <= number <= high:
            diags.error(
                path,
                line,
                f"{rule.group} '{name.strip()}' needs '{rule.number}', a whole number from "
                f"{low} to {high}",
            )
            ok = False
        else:
            groups.append((name.strip(), number))
    return groups, ok
