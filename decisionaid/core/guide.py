"""The guide as the app holds it: steps, pages, references, glossary terms and crisis lines.

Plain records, made by the loader (core/content.py) or read back from the guide cache.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.record import field, record
from decisionaid.core.wording import Wording


@record(frozen=True)
class Reference:
    key: str
    number: int
    authors: str
    year: int | str
    title: str
    source: str
    doi: str = ""
    pmid: str = ""
    url: str = ""
    note: str = ""
    line: int = 1
    # What kind of source it is (SOURCE_TYPES in core/source_rules.py), so check-content can
    # tell a drug label from a news report.
    type: str = ""

    @property
    def link(self) -> str:
        """Where the primary source can be found, as an address a reader could type."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return self.url

    @property
    def citation(self) -> str:
        """Authors (year). Title. Source. The web address is `link`, which every list of
        sources shows on its own line, so it is not repeated here."""
        parts = [f"{self.authors} ({self.year})", self.title, self.source]
        return " ".join(_as_sentence(p) for p in parts if p.strip(". "))


def _as_sentence(text: str) -> str:
    """`text` ending in a full stop, unless it already ends in one, or in ? or !."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


@record(frozen=True)
class GlossaryTerm:
    id: str
    term: str
    definition: str
    line: int = 1


@record(frozen=True)
class CrisisLine:
    name: str
    action: str
    detail: str = ""
    audience: str = ""
    emergency: bool = False


@record(frozen=True)
class CrisisInfo:
    intro: str
    lines: tuple[CrisisLine, ...]


DEFAULT_CRISIS = CrisisInfo(
    intro="If you might hurt yourself or someone else, or you are in danger now:",
    lines=(
        CrisisLine(
            "Emergency services",
            "Call 911",
            "If you or someone else is in danger now.",
            emergency=True,
        ),
        CrisisLine(
            "988 Suicide & Crisis Lifeline",
            "Call or text 988",
            "Free and private, any time of day or night.",
        ),
        CrisisLine(
            "Veterans Crisis Line",
            "Call 988, then press 1, or text 838255",
            "For veterans, service members and the people who care about them.",
            audience="Veterans",
        ),
        CrisisLine(
            "Crisis Text Line", "Text HOME to 741741", "Talk by text with a trained helper."
        ),
    ),
)


@record(frozen=True)
class Page:
    id: str
    title: str
    short_title: str
    summary: str
    reviewed: dt.date | None
    body: str
    body_line: int
    path: Path
    content_note: str = ""
    counsellor_notes: str = ""
    counsellor_notes_line: int = 1
    # About only: the kinds of source, besides studies, labels and guidelines, that the page
    # tells the reader the guide also uses (news reports, a maker's page...).
    other_source_types: tuple[str, ...] = ()


# Look-up pages a reader may open at any time; they are not steps of the guide's path, so
# "Step N of M" does not count them.
EXTRA_KINDS = frozenset({"references", "glossary", "about"})


@record
class Step:
    id: str
    kind: str
    title: str
    short_title: str
    summary: str = ""
    page: Page | None = None
    file: str = ""
    line: int = 1
    broken: bool = False
    # Talking points from guide.toml, for steps with no page (a page keeps them in its front matter).
    notes: str = ""
    notes_line: int = 1
    # The option each column of the step's table is about, left to right after the row
    # headings (the comparison): the ids icon arrays and leaning choices name in `option`.
    options: tuple[str, ...] = ()
    # "portrait" or "landscape": the reader may print this step on one page.
    print_layout: str = ""

    @property
    def is_extra(self) -> bool:
        return self.kind in EXTRA_KINDS

    @property
    def content_note(self) -> str:
        return self.page.content_note if self.page else ""

    @property
    def counsellor_notes(self) -> str:
        return self.page.counsellor_notes if self.page else self.notes

    @property
    def counsellor_notes_line(self) -> int:
        return self.page.counsellor_notes_line if self.page else self.notes_line


@record
class Guide:
    root: Path
    locale: str
    title: str = "Ketamine for PTSD"
    short_title: str = "Ketamine for PTSD"
    steps: list[Step] = field(default_factory=list)
    references: dict[str, Reference] = field(default_factory=dict)
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    crisis: CrisisInfo = DEFAULT_CRISIS
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    # Which edition of the content this is, and when its evidence was last searched: every
    # printout, PDF and QR code says so.
    edition: str = ""
    evidence_searched: dt.date | None = None
    next_review: dt.date | None = None
    # The step the welcome screens offer to a reader with only a few minutes ("At a glance").
    short_path: str = ""
    wording: Wording = field(default_factory=Wording)

    def index_of(self, step_id: str) -> int:
        for i, step in enumerate(self.steps):
            if step.id == step_id:
                return i
        return -1

    def step(self, step_id: str) -> Step | None:
        i = self.index_of(step_id)
        return self.steps[i] if i >= 0 else None

    def first_of_kind(self, kind: str) -> Step | None:
        return next((s for s in self.steps if s.kind == kind), None)

    @property
    def edition_line(self) -> str:
        """ "Ketamine for PTSD guide, edition 2026.12, evidence searched December 2026", for
        paper and PDF; "" when the guide does not say its edition."""
        if not self.edition or self.evidence_searched is None:
            return ""
        return self.wording.format(
            "edition.line",
            title=self.short_title,
            edition=self.edition,
            searched=self.wording.month_year(self.evidence_searched),
        )

    @property
    def qr_edition_line(self) -> str:
        """The same, short enough for a QR code: "Guide 2026.12, evidence 2026-12"."""
        if not self.edition or self.evidence_searched is None:
            return ""
        searched = f"{self.evidence_searched.year}-{self.evidence_searched.month:02d}"
        return self.wording.format("edition.qr", edition=self.edition, searched=searched)

    def step_number(self, index: int) -> tuple[int, int] | None:
        """(N, M) for "Step N of M": the guide's own steps, look-up pages left out; None for a
        look-up page."""
        path = [i for i, s in enumerate(self.steps) if not s.is_extra]
        return (path.index(index) + 1, len(path)) if index in path else None
