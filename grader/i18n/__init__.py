"""Every sentence the grader says, in one catalogue per language.

``t("id", **fields)`` returns the message in the current language. Catalogues
are the modules of ``grader/i18n/<lang>/`` (one per area: messages, hints,
suites, diagnosis), each defining ``MESSAGES = {id: text}``; every language has exactly
the ids English has (tests/test_i18n.py). The language comes from ``--lang``,
else GRADER_LANG, else the system locale (LC_ALL, LC_MESSAGES, LANG): zh* gives
Simplified Chinese; English otherwise.
"""
import importlib
import os
import pkgutil

LANGUAGES = ("en", "zh-CN")
_current = None
_catalogues = {}


def detect():
    for name in ("GRADER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "zh-CN" if value.lower().replace("_", "-").startswith("zh") else "en"
    return "en"


def set_language(lang=None):
    """Use ``lang`` (en, zh-CN; None: detect from the environment)."""
    global _current
    lang = lang or detect()
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    _current = lang


def language():
    if _current is None:
        set_language()
    return _current


def catalogue(lang):
    """{id: text} of every area of ``lang``."""
    if lang not in _catalogues:
        package = f"{__name__}.{lang.replace('-', '_')}"
        merged = {}
        for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
            merged.update(importlib.import_module(f"{package}.{info.name}").MESSAGES)
        _catalogues[lang] = merged
    return _catalogues[lang]


def t(msg_id, **fields):
    text = catalogue(language()).get(msg_id) or catalogue("en")[msg_id]
    return text.format(**fields) if fields else text


def has(msg_id):
    return msg_id in catalogue("en")
