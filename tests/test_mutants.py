"""Every grader check rejects at least one wrong implementation, and accepts the
correct-but-different ones (tests/mutants/)."""
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import check_base, function_entry, grade
from tests.mutants import build_submission, load_all

ENTRIES = load_all()


def _rounds(entries):
    """At most one entry per module in a round, so no two entries interfere."""
    by_module = {}
    for e in entries:
        by_module.setdefault(e.module, []).append(e)
    depth = max((len(v) for v in by_module.values()), default=0)
    return [[v[i] for v in by_module.values() if i < len(v)] for i in range(depth)]


@pytest.fixture(scope="module")
def verdicts(request, tmp_path_factory):
    """{(module, entry name): the entry's function in its round's report}.

    Grades only the entries of the tests selected (so ``-k ex05`` stays quick)."""
    selected = [item.callspec.params["entry"] for item in request.session.items
                if hasattr(item, "callspec") and "entry" in item.callspec.params]
    def run(numbered):
        number, entries = numbered
        directory = build_submission(entries, tmp_path_factory.mktemp(f"round{number}") / "sub")
        report, _ = grade(directory, *{f"{e.module}.{e.function}" for e in entries},
                          extra=["--quiet"])
        return {(e.module, e.name): function_entry(report, e.module, e.function)
                for e in entries}
    found = {}
    with ThreadPoolExecutor(2) as pool:
        for part in pool.map(run, enumerate(_rounds(selected))):
            found.update(part)
    return found


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.is_mutant],
                         ids=lambda e: f"{e.module}.{e.name}")
def test_mutant_is_rejected(entry, verdicts):
    f = verdicts[(entry.module, entry.name)]
    by_base = {}
    for c in f["checks"]:
        by_base.setdefault(check_base(c["name"]), []).append(c["status"])
    for kill in entry.kills:
        assert kill in by_base, f"{entry.name}: {entry.function} has no check named {kill}"
        assert any(s in ("failed", "error") for s in by_base[kill]), \
            f"{entry.name}: check {kill} passed the mutant"
    assert f["score"] < f["max_score"]


@pytest.mark.parametrize("entry", [e for e in ENTRIES if not e.is_mutant],
                         ids=lambda e: f"{e.module}.{e.name}")
def test_alternative_is_accepted(entry, verdicts):
    f = verdicts[(entry.module, entry.name)]
    failed = [(c["name"], c["message"]) for c in f["checks"] if c["status"] not in ("passed", "skipped")]
    assert not failed and f["score"] == f["max_score"], failed


def test_every_check_has_a_mutant(solutions_report):
    killed = {(e.module, e.function, k) for e in ENTRIES for k in e.kills}
    missing = sorted({(f["module"], f["function"], check_base(c["name"]))
                      for f in solutions_report["functions"] for c in f["checks"]
                      if c["status"] != "skipped"} - killed)
    assert not missing, f"checks no mutant kills: {missing}"
