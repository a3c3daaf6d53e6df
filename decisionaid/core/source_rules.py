"""Does each citation fit its sentence? The part of that check a program can make, run by
`decisionaid check-content`:

- every reference says what kind of source it is (`type`, one of SOURCE_TYPES);
- a sentence making a claim only some kinds of source can back cites one of those kinds: the
  patterns and the kinds they need are the content folder's own (`source-rules.toml`), so each
  language states them in its own words. The English guide holds, for instance, that a sentence
  saying a drug is "approved" cites a drug label, a REMS record or an agency, and that one
  saying what guidelines "recommend" cites a guideline itself, not only a summary of one;
- a news report, a maker's page, a drug-information page or a guideline summary is used only
  if About tells the reader the guide uses that kind of source (its front matter
  `other_source_types` lists the kinds its text names).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.guide import Guide
from decisionaid.core.page_blocks import page_blocks, page_steps, plain_text
from decisionaid.core.record import record
from decisionaid.core.render import CITATION, CITATION_KEY, PageRenderer
from decisionaid.core.textfile import line_of, load_toml_file, read_text

SOURCE_TYPES = {
    "trial": "a randomized trial, or pooled or follow-up results of trials",
    "study": "any other study: observational, laboratory, animal, modelling, validation",
    "review": "a systematic review, meta-analysis or health technology assessment",
    "label": "a drug's prescribing information",
    "rems": "an FDA risk evaluation and mitigation strategy record",
    "guideline": "a clinical practice guideline itself",
    "guideline-summary": "a published summary of a guideline, or a page setting out its advice",
    "consensus": "an expert consensus statement",
    "agency": "a government health agency's own statement or page",
    "society": "a professional society's page for the public",
    "news": "a news report",
    "maker-page": "a drug maker's own web page",
    "drug-info": "a drug information website",
    "registry": "a trial registry record",
    "book": "a book or manual, such as the DSM",
}
# Kinds of source About must tell the reader about before the guide may cite them.
DECLARED_TYPES = ("news", "maker-page", "drug-info", "guideline-summary")
RULES_FILE = "source-rules.toml"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z¿¡ÁÉÍÓÚÑ0-9\"“(])")


@record(frozen=True)
class ClaimRule:
    claim: str  # what such a sentence says, for the message
    pattern: re.Pattern[str]
    needs: tuple[str, ...]
    line: int


def load_claim_rules(guide: Guide, diags: Diagnostics) -> list[ClaimRule]:
    path = guide.root / RULES_FILE
    if not path.is_file():
        return []
    data = load_toml_file(path, diags, "source rules file")
    text = read_text(path, Diagnostics()) or ""
    if data is None:
        return []
    rules = []
    entries = data.get("claims", [])
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        claim, pattern, needs = entry.get("claim"), entry.get("pattern"), entry.get("needs")
        line = line_of(text, str(pattern)) if isinstance(pattern, str) else 1
        if (
            not isinstance(claim, str)
            or not isinstance(pattern, str)
            or not isinstance(needs, list)
            or not needs
            or not all(n in SOURCE_TYPES for n in needs)
        ):
            diags.error(
                path, line, "a [[claims]] entry needs 'claim', 'pattern' and 'needs' (source types)"
            )
            continue
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            diags.error(path, line, f"invalid regular expression: {exc}")
            continue
        rules.append(ClaimRule(claim, compiled, tuple(needs), line))
    return rules


def check_reference_types(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """Every reference says what kind of source it is."""
    path = guide.root / "references.toml"
    for ref in guide.references.values():
        if ref.type not in SOURCE_TYPES:
            got = f"'{ref.type}' is not one" if ref.type else "no type"
            diags.error(
                path,
                ref.line,
                f"reference '{ref.key}' has {got} of the source types ({', '.join(SOURCE_TYPES)})",
            )


@record(frozen=True)
class Claim:
    """A sentence of a page and the references that back it, with where it is."""

    path: Path
    line: int
    text: str
    keys: tuple[str, ...]


def _keys(markdown: str) -> list[str]:
    keys = []
    for m in CITATION.finditer(markdown):
        for key in m.group(1).split(";"):
            km = CITATION_KEY.match(key.strip())
            if km:
                keys.append(km.group(1))
    return keys


def _sentences(piece: str) -> Iterator[tuple[str, list[str]]]:
    """Each sentence of a paragraph, list item or table cell, with the references cited in it
    or, for a sentence citing none, by the next sentence that cites some (a citation at the
    end of a paragraph often backs all of it)."""
    sentences = [s for s in SENTENCE_END.split(piece.strip()) if s.strip()]
    cited = [_keys(s) for s in sentences]
    for i, sentence in enumerate(sentences):
        backing = next((keys for keys in cited[i:] if keys), [])
        yield plain_text(sentence), backing


def page_claims(guide: Guide) -> Iterator[Claim]:
    for _, page in page_steps(guide):
        for block in page_blocks(page):
            if block.kind == "iconarray":
                continue
            pieces = (
                block.text.strip().strip("|").split("|") if block.kind == "table" else [block.text]
            )
            for piece in pieces:
                for sentence, keys in _sentences(piece):
                    yield Claim(page.path, block.line, sentence, tuple(keys))


def _quiz_claims(guide: Guide) -> Iterator[Claim]:
    path = guide.root / "quiz.toml"
    if not path.is_file():
        return
    data = load_toml_file(path, Diagnostics(), "knowledge check")
    text = read_text(path, Diagnostics()) or ""
    items = data.get("items", []) if data else []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("source"), str):
            continue
        for key in ("question", "explanation"):
            value: Any = item.get(key)
            if isinstance(value, str):
                yield Claim(path, line_of(text, value), value, (item["source"],))


def check_claim_sources(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """A sentence that makes a claim of one of the kinds in source-rules.toml cites a source of
    a kind that can back it."""
    rules = load_claim_rules(guide, diags)
    if not rules:
        return
    refs = guide.references
    for claim in (*page_claims(guide), *_quiz_claims(guide)):
        types = {refs[k].type for k in claim.keys if k in refs}
        if not types:
            continue  # an uncited figure is check_figures_cited's to report
        for rule in rules:
            if rule.pattern.search(claim.text) and not types & set(rule.needs):
                shown = ", ".join(f"'{k}' ({refs[k].type})" for k in claim.keys if k in refs)
                diags.error(
                    claim.path,
                    claim.line,
                    f"a sentence on {rule.claim} cites {shown}: it needs a source of type "
                    f'{" or ".join(rule.needs)} ("{claim.text[:60]}")',
                )


def check_declared_sources(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """A news report, maker's page, drug-information page or guideline summary only where
    About tells the reader such sources are used; and About claims no kind the guide lacks."""
    about = guide.first_of_kind("about")
    if about is None or about.page is None:
        return
    declared = set(about.page.other_source_types)
    about_text = read_text(about.page.path, Diagnostics()) or ""
    about_line = line_of(about_text, "other_source_types")
    for name in sorted(declared - set(SOURCE_TYPES)):
        diags.error(about.page.path, about_line, f"'{name}' is not a source type")
    path = guide.root / "references.toml"
    used = {ref.type for ref in guide.references.values()}
    for ref in guide.references.values():
        if ref.type in DECLARED_TYPES and ref.type not in declared:
            diags.error(
                path,
                ref.line,
                f"reference '{ref.key}' is a {ref.type} source, but About does not tell the "
                f"reader the guide uses such sources (add it to About's text and to its "
                "other_source_types)",
            )
    for name in sorted(declared & set(DECLARED_TYPES) - used):
        diags.warning(
            about.page.path,
            about_line,
            f"About says the guide uses {name} sources, but no reference is of that type",
        )


SOURCE_RULES = [check_reference_types, check_claim_sources, check_declared_sources]
