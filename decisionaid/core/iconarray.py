"""Icon-array blocks ("X out of 100") declared in pages, and their text alternatives.

A page's pictures are icon arrays and trial-group pictures (core/trial_groups.py); both are
fenced blocks, taken out of the Markdown here and kept in one list, in page order.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.i18n import _
from decisionaid.core.picture_keys import (
    CERTAINTIES,
    CERTAINTY_WORDS,
    GroupRule,
    certainty_words,
    picture_caption,
    read_picture,
)
from decisionaid.core.record import record

# How sure we are, in words, is shared with trial-group pictures (core/picture_keys.py) and
# stays importable from here.
__all__ = [
    "CERTAINTIES",
    "CERTAINTY_WORDS",
    "IconArray",
    "IconGroup",
    "Picture",
    "certainty_words",
]

DENOMINATOR = 100
FENCE_OPEN = re.compile(r"^```\s*(iconarray|trialgroups)\s*$")
FENCE_CLOSE = re.compile(r"^```\s*$")
MAX_GROUPS = 3


@record(frozen=True)
class IconGroup:
    name: str
    numerator: int


@record(frozen=True)
class IconArray:
    id: str
    label: str
    population: str
    timeframe: str
    certainty: str
    source: str
    groups: tuple[IconGroup, ...]
    line: int = 1
    denominator: int = DENOMINATOR
    # The comparison column (an id from the compare step's `options`) the numbers are about;
    # "" for a picture about no one option, such as how common PTSD is.
    option: str = ""

    @property
    def shows_how_common(self) -> bool:
        """One group that is a set of people, not a treatment: how common something is.

        "People in the US" is such a group; "Ketamine infusions" is a treatment people had.
        """
        if len(self.groups) != 1:
            return False
        return any(_word(w) in PEOPLE_WORDS for w in self.groups[0].name.split())

    def describe_group(self, group: IconGroup) -> str:
        """The same facts the picture shows, as one sentence a screen reader can read."""
        if self.shows_how_common:
            # The label carries its own time ("at some point in their lives"); the caption
            # gives the timeframe too.
            population = _lower_first(self.population)
            if _word(population.split(" ", 1)[0]) not in PEOPLE_WORDS:
                population = _("people ({population})").format(population=population)
            return _("About {n} out of {d} {population} {label}.").format(
                n=group.numerator, d=self.denominator, population=population, label=self.label
            )
        # Translators: {group} is a treatment ("ketamine"), {label} what happened in the
        # study's tense ("had nausea"), {timeframe} how long ("2 weeks").
        return _(
            "About {n} out of {d} people like those studied ({population}) who had {group} "
            "{label}, over {timeframe}."
        ).format(
            n=group.numerator,
            d=self.denominator,
            population=self.population,
            group=_lower_first(group.name),
            label=self.label,
            timeframe=self.timeframe,
        )

    @property
    def legend(self) -> str:
        """What a filled figure and a ring mean, in the label's own tense."""
        first = self.label.split(" ", 1)[0].lower()
        unaffected = NEGATIVES.get(first, "did not")
        # Translators: {unaffected} is English grammar ("did not", "will not"); a language
        # that can say it without repeating the verb may leave it out.
        return _(
            "A filled figure is a person who {label}. A ring is a person who {unaffected}."
        ).format(label=self.label, unaffected=unaffected)

    def describe(self) -> str:
        sentences = [self.describe_group(g) for g in self.groups]
        sentences.append(certainty_words(self.certainty))
        return " ".join(s for s in sentences if s)

    @property
    def caption(self) -> str:
        return picture_caption(self.population, self.timeframe)


# A group named by one of these is a set of people, not something they had.
PEOPLE_WORDS = frozenset(
    {"people", "adults", "children", "teenagers", "veterans", "women", "men", "everyone"}
    | {"personas", "adultos", "niños", "adolescentes", "veteranos", "mujeres", "hombres", "todos"}
)
# The label's first word -> how a ring (a person not affected) is described, in the same tense.
NEGATIVES = {
    "will": "will not",
    "is": "is not",
    "has": "has not",
    "was": "was not",
    "can": "cannot",
    "could": "could not",
    "would": "would not",
}


def _word(word: str) -> str:
    return word.strip("()[],.;:").lower()


def _lower_first(text: str) -> str:
    """Lower-case only the first letter, and not at all when the first word is an acronym:
    "Ketamine" -> "ketamine", "People in the US" -> "people in the US", "PE" stays "PE"."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]


GROUPS = GroupRule("icon array", "icon array group", (1, MAX_GROUPS), "numerator", (0, DENOMINATOR))


def parse_iconarray(
    body: str, path: Path, line: int, diags: Diagnostics, references: dict[str, Any] | None
) -> IconArray | None:
    keys = ("id", "label", "population", "timeframe", "certainty", "source")
    block = read_picture(body, (path, line, diags), references, keys, GROUPS)
    if block is None:
        return None
    if block.data.get("denominator", DENOMINATOR) != DENOMINATOR:
        diags.error(
            path, line, f"icon array denominator must be {DENOMINATOR}, the same everywhere"
        )
        return None
    return IconArray(
        id=block.data["id"],
        label=block.text("label"),
        population=block.text("population"),
        timeframe=block.text("timeframe"),
        certainty=block.certainty,
        source=block.source,
        groups=tuple(IconGroup(name, n) for name, n in block.groups),
        line=line,
        option=block.option,
    )


if TYPE_CHECKING:
    from decisionaid.core.trial_groups import TrialGroups

# A picture on a page: an icon array, or a trial's groups drawn to scale.
Picture: TypeAlias = "IconArray | TrialGroups"


def extract_iconarrays(
    body: str,
    body_line: int,
    path: Path,
    diags: Diagnostics,
    references: dict[str, Any] | None = None,
) -> tuple[str, list[Picture | None]]:
    """Replace each picture block by a placeholder paragraph; return the pictures in order.

    A broken block leaves None in its slot, so the page still renders around it.
    """
    from decisionaid.core.trial_groups import FENCE_LANGUAGE, parse_trial_groups

    lines = body.split("\n")
    out: list[str] = []
    arrays: list[Picture | None] = []
    i = 0
    while i < len(lines):
        opened = FENCE_OPEN.match(lines[i])
        if opened:
            parse = parse_trial_groups if opened.group(1) == FENCE_LANGUAGE else parse_iconarray
            start = i
            j = i + 1
            while j < len(lines) and not FENCE_CLOSE.match(lines[j]):
                j += 1
            file_line = body_line + start
            if j >= len(lines):
                diags.error(path, file_line, f"{opened.group(1)} block is not closed with ```")
                arrays.append(None)
                out.append("")
                out.append(placeholder(len(arrays) - 1))
                break
            arrays.append(
                parse("\n".join(lines[start + 1 : j]), path, file_line, diags, references)
            )
            # Blank lines keep the block's height, so later diagnostics name the right line.
            out.extend(["", placeholder(len(arrays) - 1), ""] + [""] * (j - start - 2))
            i = j + 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out), arrays


def placeholder(index: int) -> str:
    return f"ICONARRAYSLOT{index}END"


PLACEHOLDER_PARAGRAPH = re.compile(r"<p>ICONARRAYSLOT(\d+)END</p>")
