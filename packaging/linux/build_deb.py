"""Builds dist/decisionaid_<version>_<arch>.deb from the frozen one-folder bundle.

    python packaging/linux/build_deb.py [BUNDLE_DIR] [OUT_DIR]

The bundle (`make bundle`, build.spec) becomes /opt/decisionaid; everything else a Debian
system expects of a desktop app and a kiosk service is laid around it:

    /opt/decisionaid/                         the app, Python and Qt (read-only)
    /opt/decisionaid/_internal/resources/     the guide, the page cache built with the bundle,
                                              and any other read-only cache made at build time
    /usr/bin/decisionaid                      -> /opt/decisionaid/decisionaid
    /etc/decisionaid/config.toml              every setting, commented out (a conffile)
    /lib/systemd/system/decisionaid-kiosk.service
    /usr/share/applications/, metainfo/, icons/hicolor/, man/man1/, doc/decisionaid/

Depends is worked out by dpkg-shlibdeps from what the bundle's binaries link to on the system.
Needs dpkg-dev, binutils, patchelf and librsvg2-bin (rsvg-convert, for the icon sizes).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
APP_ID = "io.github.decisionaid.DecisionAid"
PACKAGE = "decisionaid"
MAINTAINER = "The decisionaid project <maintainers@decisionaid.invalid>"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# Not found by dpkg-shlibdeps (nothing links to them), but needed all the same.
EXTRA_DEPENDS = ("adduser", "fontconfig", "fonts-dejavu-core | fonts-liberation2")
# The kiosk service runs under cage; a desktop install does without it.
RECOMMENDS = ("cage", "xwayland")
SUGGESTS = ("speech-dispatcher", "cups")


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from decisionaid import __version__

    return __version__


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def _gzip(source: bytes, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 and no file name: the same input gives the same bytes (lintian asks for -n).
    with (
        target.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz,
    ):
        gz.write(source)


def _install(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def _is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def lay_out_bundle(bundle: Path, root: Path) -> Path:
    app = root / "opt" / PACKAGE
    shutil.copytree(bundle, app, symlinks=True)
    for path in app.rglob("*"):
        if path.is_file() and not path.is_symlink() and path != app / PACKAGE and _is_elf(path):
            _tidy_library(path)
    for path in app.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            # Only the launcher is run; libraries and data are read (lintian: no executable .so).
            path.chmod(0o755 if path == app / PACKAGE else 0o644)
    return app


def _tidy_library(path: Path) -> None:
    """What dh_strip and a clean RUNPATH would give a library built for Debian.

    A library may carry a search path of the machine it was built on (a Python built under
    /root/.pyenv, a Debian library's own /usr/lib/... folder): inside the bundle the launcher
    already points the loader at /opt/decisionaid/_internal, so only $ORIGIN-relative entries
    are kept. Debugging symbols are stripped as dh_strip does. The launcher itself is never
    touched: PyInstaller keeps data appended to it.
    """
    runpath = subprocess.run(
        ["patchelf", "--print-rpath", str(path)], capture_output=True, text=True, check=True
    ).stdout.strip()
    if runpath:
        kept = [entry for entry in runpath.split(":") if entry.startswith("$ORIGIN")]
        if kept != runpath.split(":"):
            args = ["--set-rpath", ":".join(kept)] if kept else ["--remove-rpath"]
            subprocess.run(["patchelf", *args, str(path)], check=True)
    subprocess.run(
        [
            "strip",
            "--strip-unneeded",
            "--remove-section=.comment",
            "--remove-section=.note",
            str(path),
        ],
        check=True,
    )


def lay_out_desktop(root: Path, pkg_version: str) -> None:
    share = root / "usr" / "share"
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    _install(HERE / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    _install(HERE / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    icons = share / "icons" / "hicolor"
    svg = HERE / f"{APP_ID}.svg"
    _install(svg, icons / "scalable" / "apps" / f"{APP_ID}.svg")
    for size in ICON_SIZES:
        target = icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["rsvg-convert", "-w", str(size), "-h", str(size), str(svg), "-o", str(target)],
            check=True,
        )
        target.chmod(0o644)
    # The page's header names the version being packaged, whatever it said when last edited.
    manual = re.sub(
        r'"decisionaid [^"]*"',
        f'"decisionaid {pkg_version}"',
        (HERE / "decisionaid.1").read_text(),
        count=1,
    )
    _gzip(manual.encode(), share / "man" / "man1" / "decisionaid.1.gz")
    doc = share / "doc" / PACKAGE
    _install(HERE / "debian" / "copyright", doc / "copyright")
    _install(HERE / "debian" / "lintian-overrides", share / "lintian" / "overrides" / PACKAGE)
    _gzip(changelog(pkg_version).encode(), doc / "changelog.gz")
    _gzip((ROOT / "docs" / "deploying-kiosk.md").read_bytes(), doc / "deploying-kiosk.md.gz")
    _install(HERE / "config.toml", root / "etc" / PACKAGE / "config.toml")
    _install(
        HERE / "decisionaid-kiosk.service",
        root / "lib" / "systemd" / "system" / "decisionaid-kiosk.service",
    )


def changelog(pkg_version: str) -> str:
    """A native package's changelog: one entry for the version being built."""
    date = subprocess.run(
        ["date", "-R", "-u", "-d", f"@{source_date_epoch()}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return (
        f"{PACKAGE} ({pkg_version}) stable; urgency=medium\n\n"
        f"  * Release {pkg_version}: see the release notes in\n"
        f"    /usr/share/metainfo/{APP_ID}.metainfo.xml.\n\n"
        f" -- {MAINTAINER}  {date}\n"
    )


def source_date_epoch() -> int:
    """SOURCE_DATE_EPOCH if set (reproducible builds), else the last commit's date."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 0


def shlib_depends(work: Path, app: Path) -> str:
    """dpkg-shlibdeps over every ELF file in the bundle, the bundle's own folders searched first
    for the libraries it carries. `work` holds debian/PACKAGE, the tree being built."""
    elves = [p for p in app.rglob("*") if p.is_file() and not p.is_symlink() and _is_elf(p)]
    root = work / "debian" / PACKAGE
    # As installed (/opt/...): dpkg-shlibdeps looks for them inside the tree being built.
    private = sorted({f"/{p.parent.relative_to(root)}" for p in elves if ".so" in p.name})
    (work / "debian" / "control").write_text(
        f"Source: {PACKAGE}\nMaintainer: {MAINTAINER}\n\nPackage: {PACKAGE}\nArchitecture: any\n"
    )
    result = subprocess.run(
        [
            "dpkg-shlibdeps",
            "-O",
            "--ignore-missing-info",
            "--warnings=0",
            *(f"-l{d}" for d in private),
            *map(str, elves),
        ],
        capture_output=True,
        text=True,
        cwd=work,
    )
    if result.returncode != 0:
        raise SystemExit(f"dpkg-shlibdeps failed:\n{result.stderr[-4000:]}")
    for line in result.stdout.splitlines():
        if line.startswith("shlibs:Depends="):
            return line.split("=", 1)[1]
    return ""


def installed_size_kib(root: Path) -> int:
    total = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir())
    return (total + 1023) // 1024


def write_control(root: Path, pkg_version: str, arch: str, depends: str) -> None:
    control_dir = root / "DEBIAN"
    control_dir.mkdir(mode=0o755, exist_ok=True)
    all_depends = ", ".join(d for d in (depends, *EXTRA_DEPENDS) if d)
    control = f"""Package: {PACKAGE}
Version: {pkg_version}
Architecture: {arch}
Maintainer: {MAINTAINER}
Installed-Size: {installed_size_kib(root)}
Depends: {all_depends}
Recommends: {", ".join(RECOMMENDS)}
Suggests: {", ".join(SUGGESTS)}
Section: science
Priority: optional
Homepage: https://github.com/decisionaid/decisionaid
Description: ketamine for PTSD: what to know and what to ask
 An offline decision aid for people thinking about ketamine treatment for
 post-traumatic stress disorder. It goes one step at a time through what PTSD
 is, the treatments with the strongest evidence, what ketamine treatment
 involves, its possible benefits, side effects and risks, and what nobody knows
 yet, and ends with the questions to bring to a healthcare provider. Balanced
 and cited, it never recommends a treatment, needs no network and keeps
 nothing about the reader.
 .
 It runs at home, with a counsellor, or as a clinic waiting-room kiosk: the
 package includes decisionaid-kiosk.service, which runs the guide full screen
 under the cage Wayland compositor as an unprivileged user (not enabled on
 install).
"""
    (control_dir / "control").write_text(control)
    (control_dir / "conffiles").write_text(f"/etc/{PACKAGE}/config.toml\n")
    for script in ("postinst", "prerm", "postrm"):
        _install(HERE / "debian" / script, control_dir / script, 0o755)
    sums = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if rel.parts[0] in ("DEBIAN", "etc") or path.is_dir() or path.is_symlink():
            continue
        sums.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {rel.as_posix()}\n")
    (control_dir / "md5sums").write_text("".join(sums))
    (control_dir / "md5sums").chmod(0o644)
    (control_dir / "control").chmod(0o644)
    (control_dir / "conffiles").chmod(0o644)


def build(bundle: Path, out_dir: Path) -> Path:
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(f"no frozen bundle at {bundle} (make bundle builds it)")
    pkg_version, arch = version(), architecture()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{pkg_version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="decisionaid-deb-") as work:
        # The layout dpkg-shlibdeps expects: debian/PACKAGE/DEBIAN.
        root = Path(work) / "debian" / PACKAGE
        (root / "DEBIAN").mkdir(parents=True)
        app = lay_out_bundle(bundle, root)
        lay_out_desktop(root, pkg_version)
        write_control(root, pkg_version, arch, shlib_depends(Path(work), app))
        for path in root.rglob("*"):
            if path.is_dir():
                path.chmod(0o755)
        env = dict(os.environ, SOURCE_DATE_EPOCH=str(source_date_epoch()))
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
    return target


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else ROOT / "dist" / PACKAGE
    out_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "dist"
    print(build(bundle, out_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
