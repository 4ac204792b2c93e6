"""Every grader check rejects at least one wrong implementation, and accepts the
correct-but-different ones (tests/mutants/)."""
import pytest

from grader import curriculum
from tests.conftest import check_base
from tests.mutants import load_all

ENTRIES = load_all()


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.is_mutant],
                         ids=lambda e: f"{e.module}.{e.name}")
def test_mutant_is_rejected(entry, entry_verdicts):
    f = entry_verdicts[(entry.module, entry.name)]
    by_base = {}
    for c in f["checks"]:
        by_base.setdefault(check_base(c["name"]), []).append(c["status"])
    for kill in entry.kills:
        assert kill in by_base, f"{entry.name}: {entry.function} has no check named {kill}"
        assert any(s in ("failed", "error") for s in by_base[kill]), \
            f"{entry.name}: check {kill} passed the mutant"
    assert f["score"] < f["max_score"]
    if curriculum.essential(entry.module, entry.function) in entry.kills:   # the point of it
        assert f["score"] <= f["max_score"] / 2 and f["capped_by"] in entry.kills, f["score"]


@pytest.mark.parametrize("entry", [e for e in ENTRIES if not e.is_mutant],
                         ids=lambda e: f"{e.module}.{e.name}")
def test_alternative_is_accepted(entry, entry_verdicts):
    f = entry_verdicts[(entry.module, entry.name)]
    failed = [(c["name"], c["message"]) for c in f["checks"] if c["status"] not in ("passed", "skipped")]
    assert not failed and f["score"] == f["max_score"], failed


def test_every_check_has_a_mutant(solutions_report):
    killed = {(e.module, e.function, k) for e in ENTRIES for k in e.kills}
    missing = sorted({(f["module"], f["function"], check_base(c["name"]))
                      for f in solutions_report["functions"] for c in f["checks"]
                      if c["status"] != "skipped"} - killed)
    assert not missing, f"checks no mutant kills: {missing}"
