"""`make bench`: the app against a bare PySide6 window, side by side, written to docs/performance.md.

Every figure comes from one run on one machine, so the ratios are fair even where the absolute
numbers are not portable. Start-up is timed from outside the process: from spawning it until it
exits, which both the app (`--startup-probe`) and the baseline do right after their first paint.
Peak memory is the child's maximum resident set size, as the kernel reports it on exit.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import installed
import instructions
from report import SAME_AGAIN, Series, kept_notes, report

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = ROOT / "build" / "bench"
DIST = WORK / "dist"
PY = sys.executable


def spawn(cmd: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Wall time from spawn to exit, and the child's peak RSS in KiB."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    # Read stderr to its end first so a chatty child never blocks on a full pipe.
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-2000:]}")
    return elapsed, usage.ru_maxrss


def bench_env(home: Path) -> dict[str, str]:
    # A private HOME: a clinic configuration on this machine must not change what is measured.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home))
    # The warm-up run writes bytecode, as an installed app has it; an inherited
    # PYTHONDONTWRITEBYTECODE would make every timed run compile the app's modules from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(home / var.lower())
    return env


def pyinstaller(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [PY, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", *args],
        cwd=ROOT,
        check=True,
    )
    return time.perf_counter() - start


def build_bundles() -> dict[str, float]:
    print("building the app bundle (build.spec) ...", flush=True)
    app_s = pyinstaller(
        ["--distpath", str(DIST), "--workpath", str(WORK / "app"), str(ROOT / "build.spec")]
    )
    print("building the default baseline bundle ...", flush=True)
    base_s = pyinstaller(
        [
            "--onedir",
            "--name",
            "baseline",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK / "baseline"),
            "--specpath",
            str(WORK),
            str(BENCH / "baseline.py"),
        ]
    )
    return {"app": app_s, "baseline": base_s}


def folder_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def startup_runs(
    commands: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, Series]:
    results = {name: Series() for name in commands}
    names = list(commands)
    for name in names:  # warm the disk cache and write bytecode; not counted
        spawn(commands[name], env)
    for i in range(runs):
        # Alternate, and flip the order each round, so drift hits both sides alike.
        order = names if i % 2 == 0 else list(reversed(names))
        for name in order:
            results[name].add(*spawn(commands[name], env))
        print(f"  start-up round {i + 1}/{runs}", flush=True)
    return results


def count_instructions(commands: dict[str, list[str]], env: dict[str, str]) -> dict[str, int]:
    """One count each: instructions hardly vary from run to run (bytecode and caches warm)."""
    counts = {}
    for name, cmd in commands.items():
        if name == SAME_AGAIN:
            continue  # a control for the timings only
        print(f"  instructions: {name}", flush=True)
        counts[name] = instructions.count(cmd, env)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="start-up runs per variant (>= 7)")
    parser.add_argument("--switches", type=int, default=500)
    parser.add_argument("--no-build", action="store_true", help="reuse bundles in build/bench")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    parser.add_argument(
        "--no-instructions", action="store_true", help="skip counting instructions (valgrind)"
    )
    parser.add_argument(
        "--no-installed", action="store_true", help="skip installing and timing the .deb"
    )
    args = parser.parse_args(argv)
    runs = max(7, args.runs)
    began = time.perf_counter()

    builds: dict[str, float] = {}
    if not args.no_build:
        builds = build_bundles()
    # What `make run` makes for the source tree: a kiosk from source starts from these too.
    subprocess.run([PY, str(ROOT / "scripts" / "prebuilt_caches.py")], check=True)
    app_exe = DIST / "decisionaid" / "decisionaid"
    base_exe = DIST / "baseline" / "baseline"
    frozen = app_exe.exists() and base_exe.exists()

    home = Path(tempfile.mkdtemp(prefix="decisionaid-bench-"))
    try:
        env = bench_env(home)
        commands = {
            "app": [PY, "-m", "decisionaid", "--startup-probe"],
            "baseline": [PY, str(BENCH / "baseline.py")],
            "app --kiosk": [PY, "-m", "decisionaid", "--kiosk", "--startup-probe"],
            "app --locale es": [PY, "-m", "decisionaid", "--locale", "es", "--startup-probe"],
            SAME_AGAIN: [PY, str(BENCH / "baseline.py")],
        }
        if frozen:
            commands["app frozen"] = [str(app_exe), "--startup-probe"]
            commands["app frozen --kiosk"] = [str(app_exe), "--kiosk", "--startup-probe"]
            commands["baseline frozen"] = [str(base_exe)]
        print(f"start-up: {runs} alternating runs of {len(commands)} variants", flush=True)
        start = startup_runs(commands, runs, env)
        counted = not args.no_instructions and instructions.available()
        counts = count_instructions(commands, env) if counted else {}

        skipped_installed = "not asked for (--no-installed)" if args.no_installed else ""
        if not frozen:
            skipped_installed = "no bundle to package"
        skipped_installed = skipped_installed or installed.why_not()
        if not skipped_installed:
            print("installing the package ...", flush=True)
            try:
                with installed.installed_package(app_exe.parent, WORK / "deb") as app:
                    # Timed against the baseline bundle again, in the same rounds.
                    package = {
                        "app installed": [str(app), "--startup-probe"],
                        "app installed --kiosk": [str(app), "--kiosk", "--startup-probe"],
                        "baseline frozen, installed rounds": [str(base_exe)],
                    }
                    print(f"start-up, installed: {runs} alternating runs", flush=True)
                    start.update(startup_runs(package, runs, env))
                    if counted:
                        counts.update(count_instructions(package, env))
            except installed.LockTimeout:
                skipped_installed = "a test run kept the package to itself for too long"

        print("check-content ...", flush=True)
        check = Series()
        for _ in range(runs):
            # Exit status 1 means the content has problems: still a complete check to time.
            check.add(*spawn([PY, "-m", "decisionaid", "check-content", "--quiet"], env, (0, 1)))

        print(f"page switches ({args.switches}) and rendering ...", flush=True)
        inproc = json.loads(
            subprocess.run(
                [PY, str(BENCH / "inprocess.py"), "--switches", str(args.switches)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        print("language switches on a content step ...", flush=True)
        inproc.update(
            json.loads(
                subprocess.run(
                    [PY, str(BENCH / "language.py")],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
        )
        print("touch: taps on Next, kinetic scrolls, popovers (portrait kiosk) ...", flush=True)
        touch = json.loads(
            subprocess.run(
                [PY, str(BENCH / "touch.py")],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
    finally:
        shutil.rmtree(home, ignore_errors=True)

    sizes = {}
    if frozen:
        sizes = {
            "app": folder_size(app_exe.parent),
            "baseline": folder_size(base_exe.parent),
        }

    text = report(
        start,
        check,
        inproc,
        touch,
        sizes,
        builds,
        runs,
        time.perf_counter() - began,
        instructions=counts,
        skipped_installed=skipped_installed,
    )
    text += kept_notes(args.out)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
