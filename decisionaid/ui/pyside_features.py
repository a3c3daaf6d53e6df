"""PySide6 reads the source of every module imported after it, and the app never needs it to.

PySide's opt-in features (`from __feature__ import snake_case, true_property`) are chosen per
module. To give each module its default, PySide6's import hook reads the whole source file of
every module imported after PySide6 itself and searches it for the word "PySide6"
(`shibokensupport.feature._mod_uses_pyside`): at a start from source that is some seventy
files, the app's own and the standard library's, read and joined line by line, about 20 M
instructions before the first paint (a frozen bundle has no sources, so there it costs
little).

The app selects no feature anywhere, so every module runs with PySide's default names whatever
the scan would have found, and the answer can be given without reading: "uses PySide", the
default selection. A module that does select a feature still gets it: PySide6 handles the
`__feature__` import itself, not through this function.
"""

from __future__ import annotations

import sys
from types import ModuleType

FEATURE_MODULE = "PySide6.support.feature"
_pyside_scan: list[object] = []  # PySide6's own function, while it is replaced


def _default_selection(module: ModuleType) -> bool:
    return True


def skip_source_scan() -> bool:
    """Answer PySide6's per-module feature question without reading the module's source.

    Imports PySide6.QtCore (which loads PySide's feature support). True if the answer is now
    given without reading; False where this PySide6 has no such scan (nothing changed).
    """
    import PySide6.QtCore  # noqa: F401  (loads the feature support this adjusts)

    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    if feature._mod_uses_pyside is not _default_selection:
        _pyside_scan[:] = [feature._mod_uses_pyside]
    feature._mod_uses_pyside = _default_selection  # type: ignore[attr-defined]
    return True


def restore_source_scan() -> None:
    """Put PySide6's own scan back, for code in the same process that wants each module's
    default read from its source as PySide6 reads it (the tests do)."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is not None and _pyside_scan:
        feature._mod_uses_pyside = _pyside_scan.pop()  # type: ignore[attr-defined]
