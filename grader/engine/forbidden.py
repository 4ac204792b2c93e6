"""Matches what a call did (its traced op names) against the curriculum's bans."""
from fnmatch import fnmatchcase

from .. import curriculum


def violations(module, function, ops):
    """[(label, display name of the op called)] for every ban the call broke."""
    found = []
    for label, patterns in curriculum.forbidden(module, function):
        hit = next((display for bare, display in ops.items()
                    if any(fnmatchcase(bare, p) for p in patterns)), None)
        if hit is not None:
            found.append((label, hit))
    return found


def message(function, found):
    label, op = found[0]
    return (f"{function} called {op}, which this exercise forbids ({label}): "
            "the point is to write it yourself")
