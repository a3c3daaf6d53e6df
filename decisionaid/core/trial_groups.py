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
from decisionaid.core.picture_keys import check_picture_keys
from decisionaid.core.record import record
from decisionaid.core.textfile import parse_toml

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


def parse_trial_groups(
    body: str, path: Path, line: int, diags: Diagnostics, references: dict[str, Any] | None
) -> TrialGroups | None:
    data = parse_toml(body, path, diags, line_offset=line)
    if data is None:
        return None
    ok = check_picture_keys(
        data, TEXT_KEYS, "trial-groups picture", (path, line, diags), references
    )
    certainty, source, option = (data.get(k, "") for k in ("certainty", "source", "option"))
    groups: list[TrialGroup] = []
    raw = data.get("groups", [])
    if not isinstance(raw, list) or not 2 <= len(raw) <= MAX_GROUPS:
        diags.error(path, line, f"trial-groups picture needs 2 to {MAX_GROUPS} [[groups]]")
        ok = False
        raw = []
    for g in raw:
        name = g.get("name") if isinstance(g, dict) else None
        people = g.get("people") if isinstance(g, dict) else None
        if not isinstance(name, str) or not name.strip():
            diags.error(path, line, "each trial group needs a 'name'")
            ok = False
        elif (
            not isinstance(people, int) or isinstance(people, bool) or not 1 <= people <= MAX_PEOPLE
        ):
            diags.error(
                path,
                line,
                f"trial group '{name}' needs 'people', a whole number from 1 to {MAX_PEOPLE}",
            )
            ok = False
        else:
            groups.append(TrialGroup(name.strip(), people))
    if not ok:
        return None
    return TrialGroups(
        id=data["id"].strip(),
        title=data["title"].strip(),
        legend=data["legend"].strip(),
        result=data["result"].strip(),
        description=data["description"].strip(),
        population=data["population"].strip(),
        timeframe=data["timeframe"].strip(),
        certainty=certainty,
        source=source,
        groups=tuple(groups),
        line=line,
        option=option.strip() if isinstance(option, str) else "",
    )
