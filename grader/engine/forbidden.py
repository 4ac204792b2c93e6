"""Matches what a call did (its traced op names) against the curriculum's bans."""
from fnmatch import fnmatchcase

from .. import curriculum
from ..i18n import t

# the bans whose label is a sentence rather than an API's name
_LABEL_IDS = {curriculum.ANY_TORCH[0]: "forbidden.numpy_only",
              curriculum.ESCAPES[0]: "forbidden.escapes",
              curriculum.TAMPERING[0]: "forbidden.tampering"}


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
    label = t(_LABEL_IDS[label]) if label in _LABEL_IDS else label
    return t("forbidden.message", function=function, op=op, label=label)
