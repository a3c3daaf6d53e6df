"""Which languages the app offers a reader, and switching the interface's words to one."""

from __future__ import annotations

from decisionaid.core.config import Config
from decisionaid.paths import DEFAULT_LOCALE, content_dir


def shipped_languages() -> tuple[str, ...]:
    """Every language the app has a guide for, English first."""
    found = sorted(p.parent.name for p in content_dir().parent.glob("*/guide.toml"))
    return tuple(sorted(found, key=lambda code: code != DEFAULT_LOCALE))


def offered_languages(config: Config, locale: str, own_content: bool) -> tuple[str, ...]:
    """The languages the language control offers: the clinic's list (`languages`), else every
    language the app has, always with the one the guide starts in, first. A guide from
    --content has no other languages."""
    if own_content:
        return (locale,)
    shipped = shipped_languages()
    for code in config.languages:
        if code not in shipped:
            config.diagnostics.error(
                config.path or "configuration",
                1,
                f"languages: the app has no guide in '{code}'; it is not offered",
            )
    wanted = [c for c in (config.languages or shipped) if c in shipped]
    return tuple(dict.fromkeys([locale, *wanted]))


def use_language(config: Config, locale: str) -> None:
    """The interface's words in `locale` from now on; a missing catalogue gives English and a
    staff notice, once."""
    from decisionaid.core.i18n import catalogue_path, set_language

    notice = set_language(locale)
    if notice and notice not in {d.message for d in config.diagnostics.items}:
        config.diagnostics.warning(catalogue_path(locale), 1, notice)
