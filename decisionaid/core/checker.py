"""`decisionaid check-content`: every problem in a content folder, as `path:line: message`."""

from __future__ import annotations

from pathlib import Path

from decisionaid.core.content import load_guide
from decisionaid.core.content_rules import RULES
from decisionaid.core.decision_data import check_decision_data
from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.guide import Guide
from decisionaid.core.record import field, record
from decisionaid.core.render import PageRenderer, render_all


@record
class CheckResult:
    guide: Guide
    diagnostics: Diagnostics
    report: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.diagnostics.errors


def check_content(root: Path, locale: str = "en") -> CheckResult:
    guide = load_guide(root, locale)
    diags = Diagnostics()
    diags.extend(guide.diagnostics)
    renderer = PageRenderer(guide)
    diags.extend(render_all(guide, renderer))
    check_decision_data(guide, diags)
    report: list[str] = []
    for rule in RULES:
        rule(guide, renderer, diags, report)
    return CheckResult(guide, diags, report)
