"""Which of Qt's speech engines read aloud tries on this computer, and whether any may exist.

Asked after the first window has painted (read_aloud.py): looking costs start-up time.
"""

from __future__ import annotations

import os
import sys

ENGINE_ENV = "DECISIONAID_SPEECH_ENGINE"  # "none" switches read-aloud off; a name forces it

# On Linux an engine plug-in is only worth loading when its library is installed; loading a
# plug-in whose library is missing prints an error on every start.
_LINUX_ENGINE_LIBS = {"speechd": ("libspeechd.so.2",), "flite": ("libflite.so.1",)}


def _library_loads(names: tuple[str, ...]) -> bool:
    """Whether the dynamic loader finds one of these libraries. Loading one is the lookup the
    engine plug-in makes itself, and starts no program: ctypes.util.find_library runs
    ldconfig, and gcc and ld when that finds nothing, which write temporary files."""
    import ctypes  # here, not at the top: it costs start-up time and runs after paint

    for name in names:
        try:
            ctypes.CDLL(name)
        except OSError:
            continue
        return True
    return False


def wanted_engines(available: list[str], *, speechd: bool = True) -> list[str]:
    forced = os.environ.get(ENGINE_ENV, "").strip()
    if forced:
        return [] if forced == "none" else [forced]
    engines = [e for e in available if e != "mock"]  # the mock engine is for tests only
    if not speechd:
        engines = [e for e in engines if e != "speechd"]
    if sys.platform.startswith("linux"):
        engines = [
            e
            for e in engines
            if e not in _LINUX_ENGINE_LIBS or _library_loads(_LINUX_ENGINE_LIBS[e])
        ]
    return engines


def linux_engine_may_exist() -> bool:
    forced = os.environ.get(ENGINE_ENV, "").strip()
    if forced:
        return forced != "none"
    if not sys.platform.startswith("linux"):
        return True
    return any(_library_loads(libs) for libs in _LINUX_ENGINE_LIBS.values())


def may_use_speechd() -> bool:
    forced = os.environ.get(ENGINE_ENV, "").strip()
    if forced:
        return forced == "speechd"
    return sys.platform.startswith("linux") and _library_loads(_LINUX_ENGINE_LIBS["speechd"])
