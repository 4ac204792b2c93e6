"""python -m grader hint [MODULE.FUNCTION] [--reset] [--lang en|zh-CN]

Each call prints the next hint of one function: 1 a nudge, 2 the key idea or
formula, 3 nearly the solution (never the code). The number of hints seen per
function is kept in a small JSON file, .grader-hints.json in the current
directory (or the file $GRADER_STATE names); delete it, or use --reset, to start
over. Without a function: every function with how many of its hints were seen.
"""
import argparse
import json
import os
import sys
from pathlib import Path

from . import curriculum, i18n
from .cli import expand
from .i18n import t

LEVELS = 3
STATE_FILE = ".grader-hints.json"


def parse(argv):
    p = argparse.ArgumentParser(prog="python -m grader hint",
                                description="Show the next hint of one function.")
    p.add_argument("function", nargs="?", metavar="MODULE.FUNCTION",
                   help="e.g. ex05.softmax or ex05_softmax.softmax; none: list the functions")
    p.add_argument("--reset", action="store_true",
                   help="forget the hints seen (of FUNCTION, or of every function)")
    p.add_argument("--lang", choices=i18n.LANGUAGES, help="language (default: from the locale)")
    return p.parse_args(argv)


def state_path():
    return Path(os.environ.get("GRADER_STATE") or STATE_FILE)


def load_state():
    """{"module.function": hints seen}; a missing, unreadable or corrupt file is empty."""
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: min(v, LEVELS) for k, v in data.items()
            if isinstance(k, str) and type(v) is int and v > 0}


def save_state(state):
    path = state_path()
    try:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(state, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        tmp.replace(path)
    except OSError as e:
        print("grader: " + t("hint.cannot_save", path=path, error=e.strerror or e), file=sys.stderr)


def resolve(selection):
    """``ex05.softmax``, ``ex05_softmax.softmax`` or a unique ``softmax`` -> (module, function)."""
    module, _, function = expand(selection).partition(".")
    if not function:
        owners = [m for m, fns in curriculum.CURRICULUM.items() if module in fns]
        module, function = (owners[0], module) if len(owners) == 1 else (module, "")
    if function not in curriculum.CURRICULUM.get(module, {}):
        return None
    return module, function


def show_next(module, function):
    state, key = load_state(), f"{module}.{function}"
    seen = state.get(key, 0)
    level = min(seen + 1, LEVELS)
    if seen >= LEVELS:
        print(t("hint.no_more", name=key))
    print(t("hint.header", level=level, levels=LEVELS, name=key))
    print("  " + t(f"hint.{key}.{level}").replace("\n", "\n  "))
    if level < LEVELS:
        print(t("hint.ask_again", command=f"python -m grader hint {key}"))
    state[key] = level
    save_state(state)


def list_functions():
    state = load_state()
    width = max(len(f) for _, f in curriculum.all_functions())
    for module, functions in curriculum.CURRICULUM.items():
        print(module)
        for function in functions:
            print(f"  {function:<{width}}  {state.get(f'{module}.{function}', 0)}/{LEVELS}")
    print(t("hint.usage"))


def main(argv):
    args = parse(argv)
    i18n.set_language(args.lang)
    target = resolve(args.function) if args.function else None
    if args.function and target is None:
        print("grader: " + t("hint.unknown_function", name=args.function), file=sys.stderr)
        return 2
    if args.reset:
        state = load_state()
        for key in ([".".join(target)] if target else list(state)):
            state.pop(key, None)
        save_state(state)
        print(t("hint.reset_one", name=".".join(target)) if target else t("hint.reset_all"))
        return 0
    if target:
        show_next(*target)
    else:
        list_functions()
    return 0
