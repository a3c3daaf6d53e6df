"""One step of the guide on paper, for the reader: its text, the sources it cites in short, and
which edition of the guide it came from (the "At a glance" step prints this way).

Only what the page already shows goes on paper: no answers, nothing about the reader.
"""

from __future__ import annotations

import re

from decisionaid.core.config import Config
from decisionaid.core.escape import escape
from decisionaid.core.guide import Guide, Step
from decisionaid.core.policy import Policy

REF_LINK = re.compile(r'href="ref:([A-Za-z0-9_:-]+)"')


def cited_in(html: str) -> list[str]:
    """Reference keys linked from rendered HTML, first mention first, once each."""
    return list(dict.fromkeys(REF_LINK.findall(html)))


def page_print_html(guide: Guide, step: Step, body_html: str) -> str:
    """The step's rendered page, then one short paragraph naming each source it cites by
    number, author and year (the Sources step has them in full), then the edition line."""
    parts = [f"<h1>{escape(step.title)}</h1>", body_html]
    refs = [guide.references[k] for k in cited_in(body_html) if k in guide.references]
    if refs:
        named = " ".join(f"[{r.number}] {escape(r.authors)} ({escape(str(r.year))})." for r in refs)
        heading = escape(guide.wording["print_page.sources"])
        parts.append(f'<p class="sources"><b>{heading}:</b> {named}</p>')
    if guide.edition_line:
        parts.append(f'<p class="edition">{escape(guide.edition_line)}</p>')
    return "".join(parts)


def page_print_css(body_pt: int) -> str:
    """Black on white, sizes in points, tables ruled, for a page that must fit on one sheet."""
    small = max(7, body_pt - 2)
    return f"""
h1 {{ font-size: {round(body_pt * 1.5)}pt; font-weight: 600; margin-top: 0; margin-bottom: 6pt; }}
p, li {{ margin-top: 2pt; margin-bottom: 4pt; }}
table.data {{ border-color: #555555; border-style: solid; margin-top: 4pt; margin-bottom: 6pt; }}
table.data th {{ background-color: #eeeeee; font-weight: 600; text-align: left; }}
a {{ color: #000000; text-decoration: none; }}
p.sources {{ color: #333333; font-size: {small}pt; }}
p.edition {{ color: #333333; font-size: {small}pt; margin-top: 6pt; }}
p.caption {{ color: #333333; }}
"""


def printing_offered(policy: Policy, config: Config) -> bool:
    """Whether a Print button belongs on screen: where a print dialog may open, or on a kiosk
    whose configuration names a printer (a kiosk never offers one it cannot use)."""
    return policy.print_dialog or bool(config.printer)
