"""Process settings for a kiosk, applied before Qt starts: nothing may be cached on disk.

The app itself writes nothing in kiosk mode; these switch off what libraries underneath might
write on their own (graphics drivers' shader caches, Qt's pipeline cache). Fontconfig only reads
the system cache that the kiosk image builds at install time (see docs/deploying-kiosk.md).
Values already set by the deployment win.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping

KIOSK_ENVIRONMENT = {
    # Mesa (Linux OpenGL drivers) keeps compiled shaders in ~/.cache/mesa_shader_cache.
    "MESA_SHADER_CACHE_DISABLE": "true",
    "MESA_GLSL_CACHE_DISABLE": "true",
    # Qt's own graphics pipeline cache under the user's cache folder.
    "QT_DISABLE_SHADER_DISK_CACHE": "1",
    # No .pyc files written next to a source install by the kiosk account.
    "PYTHONDONTWRITEBYTECODE": "1",
}


def prepare_kiosk_environment(environ: MutableMapping[str, str] | None = None) -> None:
    env = os.environ if environ is None else environ
    for key, value in KIOSK_ENVIRONMENT.items():
        env.setdefault(key, value)
    if environ is None:
        sys.dont_write_bytecode = True
