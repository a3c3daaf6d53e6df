"""Trial-group pictures: a trial's groups drawn to scale, one figure per person, for a result
that was reported as average scores rather than as counts of people who improved.

An icon array ("X out of 100") needs to know how many people in each group had the result. A
trial that reports only averages (the largest ketamine trial for PTSD does) cannot be drawn that
way without inventing numbers. What it can honestly show is who took part: each group at its
real size, every figure alike (no one is marked as better or worse, because the trial did not
count that), with the result in words underneath. That keeps a "no difference" result as
visible as a positive one drawn as an icon array.

The block's words are all the content's own (title, legend, result and the text alternative),
so each language's guide says them in its own words; check-content holds the text alternative
to the numbers drawn.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.picture_keys import GroupRule, read_picture
from decisionaid.core.record import record

FENCE_LANGUAGE = "trialgroups"
MAX_GROUPS = 4
MAX_PEOPLE = 200  # per group: beyond that one figure per person is too small to see
ROW = 10  # figures per row, the same for every group, so the groups are drawn to scale
TEXT_KEYS = (
    "id",
    "title",
    "legend",
    "result",
    "description",
    "population",
    "timeframe",
    "certainty",
    "source",
)


@record(frozen=True)
class TrialGroup:
    name: str
    people: int


@record(frozen=True)
class TrialGroups:
    id: str
    title: str  # the picture's heading
    legend: str  # what a figure means ("Each figure is one person in the trial.")
    result: str  # the finding, in words, under the picture
    description: str  # the text alternative: what the picture shows, for a screen reader
    population: str
    timeframe: str
    certainty: str
    source: str
    groups: tuple[TrialGroup, ...]
    line: int = 1
    option: str = ""

    @property
    def total(self) -> int:
        return sum(g.people for g in self.groups)

    @property
    def rows(self) -> int:
        """Rows of figures in the largest group: every group's picture is this tall."""
        return max((-(-g.people // ROW) for g in self.groups), default=1)

    def describe(self) -> str:
        from decisionaid.core.picture_keys import certainty_words

        return " ".join(
            s for s in (self.description, self.result, certainty_words(self.certainty)) if s
        )

    def describe_group(self, group: TrialGroup) -> str:
        return f"{group.name}: {group.people}"

    @property
    def caption(self) -> str:
        from decisionaid.core.picture_keys import picture_caption

        return picture_caption(self.population, self.timeframe)


GROUPS = GroupRule(
    "trial-groups picture", "trial group", (2, MAX_GROUPS), "people", (1, MAX_PEOPLE)
)


def parse_trial_groups(
    body: str, path: Path, line: int, diags: Diagnostics, references: dict[str, Any] | None
) -> TrialGroups | None:
    block = read_picture(body, (path, line, diags), references, TEXT_KEYS, GROUPS)
    if block is None:
        return None
    return TrialGroups(
        id=block.text("id"),
        title=block.text("title"),
        legend=block.text("legend"),
        result=block.text("result"),
        description=block.text("description"),
        population=block.text("population"),
        timeframe=block.text("timeframe"),
        certainty=block.certainty,
        source=block.source,
        groups=tuple(TrialGroup(name, people) for name, people in block.groups),
        line=line,
        option=block.option,
    )
