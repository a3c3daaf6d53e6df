"""Command line: open the app, or run one of the staff and build subcommands.

Qt is imported only by the commands that need it, so `check-content` stays fast.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid import __version__
from decisionaid.app import Options
from decisionaid.core.record import replace

if TYPE_CHECKING:
    from decisionaid.core.checker import LanguagesResult


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="decisionaid",
        description="Ketamine for PTSD: what to know and what to ask. An offline decision aid.",
    )
    parser.add_argument(
        "--version",
        action="store_true",
        help="print the version and the guide's content hash (which guide this machine shows)",
    )
    parser.add_argument("--content", type=Path, metavar="DIR", help="use another content folder")
    parser.add_argument(
        "--locale",
        default=None,
        help="the language of the guide and its interface, such as es, and the one a reset "
        "returns to (default: the configuration's locale, or en); a reader may switch to any "
        "in the configuration's languages list (default: all the app has)",
    )
    parser.add_argument("--config", type=Path, metavar="FILE", help="clinic configuration file")
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--kiosk", action="store_true", help="shared touchscreen in a waiting room")
    modes.add_argument(
        "--counsellor", action="store_true", help="consultation mode with a step index"
    )
    parser.add_argument(
        "--startup-probe",
        action="store_true",
        help="start as usual, then exit as soon as the first screen has painted",
    )
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser(
        "check-content", help="validate a content folder and print every problem"
    )
    check.add_argument(
        "dir",
        nargs="?",
        type=Path,
        help="one language's content folder (its name is its locale, unless --locale says), "
        "or the folder holding one per language (default: the app's own, every language)",
    )
    check.add_argument("--quiet", action="store_true", help="print problems only, no report")
    shots = sub.add_parser("screenshots", help="render every step to numbered PNG files")
    shots.add_argument("out_dir", type=Path)
    shots.add_argument("--size", default="1280x800", help="window size as WxH (default 1280x800)")
    shots.add_argument("--scale", type=int, default=100, help="text size in percent (100 to 200)")
    shots.add_argument(
        "--high-contrast", action="store_true", help="render in the high-contrast theme"
    )
    shots.add_argument(
        "--locale", dest="shots_locale", default=None, help="the guide's language, such as es"
    )
    shot_modes = shots.add_mutually_exclusive_group()
    shot_modes.add_argument(
        "--kiosk",
        action="store_true",
        dest="shots_kiosk",
        help="kiosk mode; adds the welcome screen and the idle warning",
    )
    shot_modes.add_argument(
        "--counsellor",
        action="store_true",
        dest="shots_counsellor",
        help="counsellor mode; adds the step index and the presenter view",
    )
    sub.add_parser("hash-pin", help="print a salted hash of a staff PIN for the configuration file")
    return parser


def _options(args: argparse.Namespace) -> Options:
    return Options(
        content=args.content,
        locale=args.locale,
        config=args.config,
        kiosk=args.kiosk,
        counsellor=args.counsellor,
        startup_probe=args.startup_probe,
    )


# The launch options that are plain flags. A launch with nothing else on its command line (a
# desktop shortcut, a kiosk's service file) needs no parser: building argparse's five parsers
# is about 1.5% of start-up.
_WINDOW_FLAGS = frozenset({"--kiosk", "--counsellor", "--startup-probe"})


def window_flags_only(argv: Sequence[str]) -> Options | None:
    """The Options argparse gives for a command line of window flags alone, else None
    (anything else, an error argparse must report included, goes to the parser)."""
    given = set(argv)
    if not given <= _WINDOW_FLAGS or {"--kiosk", "--counsellor"} <= given:
        return None
    return Options(
        kiosk="--kiosk" in given,
        counsellor="--counsellor" in given,
        startup_probe="--startup-probe" in given,
    )


def _check_content(args: argparse.Namespace, options: Options) -> int:
    from decisionaid.core.checker import apps_content, check_languages

    root = args.dir or options.content or apps_content(options.locale)
    checked = check_languages(root, options.locale)
    several = len(checked.results) > 1
    for result in checked.results:
        for diag in result.diagnostics.items:
            print(diag)
    for diag in checked.parity.items:
        print(diag)
    compared = checked.compared
    if not args.quiet:
        for result in checked.results:
            if several and result.report:
                print(f"{result.guide.locale} ({result.guide.root}):")
            for line in result.report:
                print(line)
        if compared is not None:
            print(
                f"Languages compared: {', '.join(compared.languages)} ({compared.entries} "
                f"entries and {compared.pictures} pictures in {compared.languages[0]}; "
                f"{_differences(checked)})"
            )
    for result in checked.results:
        errors = len(result.diagnostics.errors)
        warnings = len(result.diagnostics.warnings)
        steps = len(result.guide.steps)
        print(
            f"{result.guide.root}: {steps} steps, {errors} errors, {warnings} warnings",
            file=sys.stderr,
        )
    if compared is not None:
        print(
            f"{' and '.join(compared.languages)} compared: {_differences(checked)}", file=sys.stderr
        )
    return 0 if checked.ok else 1


def _differences(checked: LanguagesResult) -> str:
    count = len(checked.parity.errors)
    return f"{count} difference{'' if count == 1 else 's'}"


def _screenshots(args: argparse.Namespace, options: Options) -> int:
    from decisionaid.screenshots import take_screenshots

    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        print(f"--size must look like 1280x800, not {args.size!r}", file=sys.stderr)
        return 2
    kiosk = options.kiosk or args.shots_kiosk
    counsellor = options.counsellor or args.shots_counsellor
    if kiosk and counsellor:
        print("choose --kiosk or --counsellor, not both", file=sys.stderr)
        return 2
    options = replace(
        options, kiosk=kiosk, counsellor=counsellor, locale=args.shots_locale or options.locale
    )
    written = take_screenshots(
        options, args.out_dir, (width, height), args.scale, high_contrast=args.high_contrast
    )
    print(f"wrote {len(written)} screenshots to {args.out_dir}")
    return 0


def _version(options: Options) -> int:
    """The version, then the guide --content or --locale names, else every guide the app has."""
    from decisionaid.core.content_hash import version_lines
    from decisionaid.paths import DEFAULT_LOCALE, content_dir

    if options.content or options.locale:
        locale = options.locale or DEFAULT_LOCALE
        guides = [(options.content or content_dir(locale), locale)]
    else:
        shipped = sorted(p.parent for p in content_dir().parent.glob("*/guide.toml"))
        guides = [(root, root.name) for root in shipped]
    print("\n".join(version_lines(__version__, guides)))
    return 0


def _hash_pin(_: argparse.Namespace, __: Options) -> int:
    from decisionaid.core import staff_pin

    return staff_pin.hash_pin_command()


def main(argv: Sequence[str] | None = None) -> int:
    # Starting the window allocates a great many objects and frees few: the cycle collector's
    # passes over them are wasted work (about 3% of start-up). It is off until the window has
    # painted (app.run turns it on then), and for the other commands only while parsing.
    gc.disable()
    words = sys.argv[1:] if argv is None else argv
    if "--kiosk" in words:
        sys.dont_write_bytecode = True  # a kiosk writes nothing, bytecode caches included
    try:
        quick = window_flags_only(words)
        if quick is not None:
            from decisionaid.app import run

            return run(quick)
        args = _parser().parse_args(words)
        options = _options(args)
        if args.version:
            return _version(options)
        commands = {
            "check-content": _check_content,
            "screenshots": _screenshots,
            "hash-pin": _hash_pin,
        }
        if args.command in commands:
            gc.enable()
            return commands[args.command](args, options)
        from decisionaid.app import run

        return run(options)
    finally:
        gc.enable()
