"""`escape()`: the same as the standard library's html.escape, for the window's own markup.

Importing the `html` package builds its tables of every named character (html.entities), about
8 M instructions that the first screen otherwise does not need; escaping needs none of them.
"""

from __future__ import annotations


def escape(text: str, quote: bool = True) -> str:
    """Make `text` safe to place in HTML: exactly html.escape(text, quote)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text
