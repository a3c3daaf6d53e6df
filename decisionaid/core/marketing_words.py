"""The list of overstated wording no page may use (`marketing-words.txt`), and finding it.

Plain lines match as whole words in any case; `re:` lines are regular expressions; `#` starts a
comment. The same file format serves the editorial flags list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.record import record
from decisionaid.core.textfile import read_text


@record(frozen=True)
class BannedPhrase:
    pattern: re.Pattern[str]
    shown: str
    line: int


def load_marketing_words(path: Path, diags: Diagnostics) -> list[BannedPhrase]:
    """Phrases from the list file, each with the line it is on; a bad expression is reported."""
    text = read_text(path, diags, "marketing word list")
    if text is None:
        return []
    phrases = []
    for n, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if line.startswith("#"):
            continue
        line = re.sub(r"\s+#.*$", "", line).strip()
        if not line:
            continue
        if line.startswith("re:"):
            source = line[3:].strip()
            try:
                pattern = re.compile(source, re.IGNORECASE)
            except re.error as exc:
                diags.error(path, n, f"invalid regular expression: {exc}")
                continue
        else:
            words = r"\s+".join(re.escape(w) for w in line.split())
            pattern = re.compile(rf"(?<![\w-]){words}(?![\w-])", re.IGNORECASE)
        phrases.append(BannedPhrase(pattern, line, n))
    return phrases


class PhraseList:
    """Finds which phrases a text uses. A plain phrase is looked for only in a text that holds
    its first word at all (a plain substring test, much cheaper than the pattern): nearly every
    one of the guide's ~2,600 texts holds none of the ~50 phrases."""

    def __init__(self, phrases: list[BannedPhrase]) -> None:
        self.phrases = phrases
        self._first_words = [
            None if p.shown.startswith("re:") else p.shown.split()[0].casefold() for p in phrases
        ]

    def found_in(self, text: str) -> Iterator[str]:
        """What each phrase matched in `text` (its first match), in the list's order."""
        folded = text.casefold()
        for phrase, word in zip(self.phrases, self._first_words, strict=True):
            if word is not None and word not in folded:
                continue
            m = phrase.pattern.search(text)
            if m:
                yield m.group(0)
