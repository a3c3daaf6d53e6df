"""`decisionaid check-content`: every problem in a content folder, as `path:line: message`.

A folder is one language's guide (`content/es`: its locale is the folder's name) or a content
root holding one folder per language (`content`: every language is checked). Whenever more
than one language is there, the languages are also compared with each other
(core/language_parity.py).
"""

from __future__ import annotations

from pathlib import Path

from decisionaid.core.config import is_locale_code
from decisionaid.core.content import load_guide
from decisionaid.core.content_rules import RULES
from decisionaid.core.decision_files import check_decision_data
from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.guide import Guide
from decisionaid.core.guide_rules import GUIDE_RULES
from decisionaid.core.language_parity import ParityReport, check_parity
from decisionaid.core.record import field, record
from decisionaid.core.render import PageRenderer, render_all
from decisionaid.paths import DEFAULT_LOCALE, content_dir

GUIDE_FILE = "guide.toml"


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
    from decisionaid.core.source_rules import SOURCE_RULES

    for rule in [*RULES, *GUIDE_RULES, *SOURCE_RULES]:
        rule(guide, renderer, diags, report)
    return CheckResult(guide, diags, report)


@record
class LanguagesResult:
    """check-content over one or more languages, and how they compare."""

    results: list[CheckResult]
    parity: Diagnostics = field(default_factory=Diagnostics)
    compared: ParityReport | None = None  # None when there was nothing to compare with

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results) and not self.parity.errors


def locale_of(folder: Path) -> str | None:
    """The language a guide's folder is named for ("es" for content/es), if it is one."""
    return folder.name if is_locale_code(folder.name) else None


def language_folders(root: Path) -> list[Path]:
    """A content root's guides, one folder per language, English first (the reference the
    others are compared with), then by name."""
    found = (
        [p for p in root.iterdir() if p.is_dir() and locale_of(p) and (p / GUIDE_FILE).is_file()]
        if root.is_dir()
        else []
    )
    return sorted(found, key=lambda p: (p.name != DEFAULT_LOCALE, p.name))


def is_content_root(path: Path) -> bool:
    return not (path / GUIDE_FILE).is_file() and bool(language_folders(path))


def apps_content(locale: str | None = None) -> Path:
    """What check-content checks when no folder is named: the app's own guide in `locale`, or
    the folder holding every language it ships."""
    return content_dir(locale) if locale else content_dir().parent


def check_languages(path: Path, locale: str | None = None) -> LanguagesResult:
    """Check a content root (every language in it) or one language's folder, with `locale` or
    the one its folder is named for. A language's folder whose siblings are guides in other
    languages is compared with them."""
    if is_content_root(path):
        folders = language_folders(path)
        result = LanguagesResult([check_content(f, f.name) for f in folders])
    else:
        named = locale_of(path)
        result = LanguagesResult([check_content(path, locale or named or DEFAULT_LOCALE)])
        folders = language_folders(path.parent) if named else []
        if path.resolve() not in {f.resolve() for f in folders}:
            folders = []
    if len(folders) > 1:
        result.compared = check_parity(((f.name, f) for f in folders), result.parity)
    return result
