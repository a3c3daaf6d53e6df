"""A page as the window shows it: HTML, its icon arrays and what rendering found.

Kept apart from the renderer so the window can hold pages from the cache without loading
python-markdown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.record import field, record

if TYPE_CHECKING:
    from decisionaid.core.iconarray import Picture


@record
class RenderedPage:
    step_id: str
    html: str
    icon_arrays: list[Picture | None] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    notes_html: str = ""
