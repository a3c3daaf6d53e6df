"""Small guides written to a folder, to check one content rule at a time."""

from __future__ import annotations

import textwrap
from pathlib import Path

from decisionaid.core.checker import check_content
from decisionaid.paths import content_dir

GOOD_REFS = """
[[references]]
key = "alpha"
type = "trial"
authors = "Alpha A"
year = 2021
title = "A first study"
source = "Journal of Tests 1:1-10"
doi = "10.1000/alpha"
"""

CRISIS = """
[[lines]]
name = "Emergency services"
action = "Call 911"
emergency = true
"""

GLOSSARY = """
[[terms]]
id = "placebo"
term = "Placebo"
definition = "A dummy treatment."
"""

EDITION = 'edition = "2026.12"\nevidence_searched = 2026-12-03\nnext_review = 2027-12-03\n'

SIMPLE_BODY = "This is a short page. It has a few plain words [@alpha].\n"


def page(
    page_id: str,
    body: str = SIMPLE_BODY,
    *,
    reviewed: str = "2026-11-01",
    notes: bool = True,
    title: str = "A page",
) -> str:
    notes_line = 'counsellor_notes = "Talking points."\n' if notes else ""
    return (
        "+++\n"
        f'id = "{page_id}"\n'
        f'title = "{title}"\n'
        'short_title = "Page"\n'
        'summary = "A page for a test."\n'
        f"reviewed = {reviewed}\n"
        f"{notes_line}"
        "+++\n\n"
        f"{textwrap.dedent(body)}"
    )


def make_guide(
    root: Path,
    pages: dict[str, str],
    *,
    references: str = GOOD_REFS,
    files: dict[str, str] | None = None,
) -> Path:
    """A tiny content folder with the given pages, in order, and any extra files."""
    (root / "pages").mkdir(parents=True)
    steps = []
    for page_id, text in pages.items():
        (root / "pages" / f"{page_id}.md").write_text(text, encoding="utf-8")
        steps.append(f'[[steps]]\nid = "{page_id}"\nkind = "page"\nfile = "pages/{page_id}.md"\n')
    (root / "guide.toml").write_text(
        f'title = "Test"\nshort_title = "Test"\n{EDITION}\n' + "\n".join(steps), encoding="utf-8"
    )
    # The screens' words, as the real guide has them: the edition line needs them.
    wording = (content_dir("en") / "step-wording.toml").read_text(encoding="utf-8")
    (root / "step-wording.toml").write_text(wording, encoding="utf-8")
    (root / "references.toml").write_text(references, encoding="utf-8")
    (root / "glossary.toml").write_text(GLOSSARY, encoding="utf-8")
    (root / "crisis.toml").write_text(CRISIS, encoding="utf-8")
    for name, text in (files or {}).items():
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def messages(root: Path) -> list[str]:
    return [str(d) for d in check_content(root).diagnostics.items]


def errors(root: Path) -> list[str]:
    return [str(d) for d in check_content(root).diagnostics.errors]
