"""Mistake diagnosis: a failed check names the classic mistake the output matches
(grader/diagnosis/, grader/engine/diagnose.py), and only then."""
import pytest

from grader import diagnosis, i18n
from tests.conftest import ROOT, function_entry, grade

MISTAKES = diagnosis.load_all()
EN, ZH = i18n.catalogue("en"), i18n.catalogue("zh-CN")


def _failures(report, module, function):
    f = function_entry(report, module, function)
    return [c["message"] for c in f["checks"] if c["status"] == "failed"]


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: f"{m.module}.{m.name}")
def test_mistake_is_recognised(mistake, entry_verdicts):
    # graded once with the mutants (tests/conftest.py: entry_verdicts)
    line = EN["diagnose.matches"].format(what=EN[mistake.message_id])
    checks = entry_verdicts[(mistake.module, mistake.name)]["checks"]
    messages = [c["message"] for c in checks if c["status"] == "failed"]
    assert messages, f"{mistake.name}: no check of {mistake.function} failed"
    assert any(line in m for m in messages), f"{mistake.name} not diagnosed:\n" + "\n---\n".join(messages)


def test_every_mistake_has_both_descriptions():
    missing = [(m.module, m.name) for m in MISTAKES
               if not EN.get(m.message_id, "").strip() or not ZH.get(m.message_id, "").strip()]
    assert missing == []
    orphans = sorted(k for k in EN if k.startswith("diagnosis.")
                     and k not in {m.message_id for m in MISTAKES})
    assert orphans == [], "descriptions of entries that no longer exist"


# checks of these draw from the worker's global RNG: no copy of the inputs reproduces
# a student's draws, so their mistakes stay plain mutants (tests/mutants/)
UNDIAGNOSABLE = {("ex03_linear_regression", "synthetic_data"),
                 ("ex03_linear_regression", "train_linreg")}


def test_catalogue_is_large_enough():
    from grader import curriculum
    functions = curriculum.all_functions()
    covered = {(m.module, m.function) for m in MISTAKES}
    assert len(MISTAKES) >= 3 * len(functions)
    assert covered == set(functions) - UNDIAGNOSABLE, set(functions) - UNDIAGNOSABLE - covered


def test_correct_solutions_get_no_diagnosis(solutions_report):
    marker = EN["diagnose.matches"].split("{what}")[0]
    said = [(f["function"], c["name"]) for f in solutions_report["functions"]
            for c in f["checks"] if marker in c["message"]]
    assert said == []


def _one_function_submission(tmp_path, module, source):
    text = (ROOT / "solutions" / f"{module}.py").read_text() + "\n\n" + source
    (tmp_path / f"{module}.py").write_text(text)   # the later def wins
    return tmp_path


def test_mistake_not_claimed_where_it_gives_the_right_output(tmp_path):
    # the no-clamp distance formula, one test point at a time: its output equals the
    # mistake's everywhere, but on the vectorised check's random points (no identical
    # pairs) the mistake's output is also the right one, so that failure must not name it
    wrong = ("def pairwise_distances(X, Y):\n"
             "    rows = [((x * x).sum() + (Y * Y).sum(1) - 2 * Y @ x).sqrt() for x in X]\n"
             "    return torch.stack(rows)\n")
    report, _ = grade(_one_function_submission(tmp_path, "ex08_knn", wrong),
                      "ex08_knn.pairwise_distances", extra=["--quiet", "--lang", "en"])
    checks = function_entry(report, "ex08_knn", "pairwise_distances")["checks"]
    vectorised = [c for c in checks if c["name"].startswith("vectorised")]
    assert vectorised and all(c["status"] == "failed" for c in vectorised), vectorised
    marker = EN["diagnose.matches"].split("{what}")[0]
    assert not any(marker in c["message"] for c in vectorised), vectorised


def test_diagnosis_in_chinese(tmp_path):
    wrong = ("def softmax(logits, dim=-1):\n"
             "    e = logits.exp()\n"
             "    return e / e.sum(dim, keepdim=True)\n")
    report, _ = grade(_one_function_submission(tmp_path, "ex05_softmax", wrong), "ex05_softmax.softmax",
                      extra=["--quiet", "--lang", "zh-CN"])
    line = ZH["diagnose.matches"].format(what=ZH["diagnosis.ex05_softmax.softmax_no_max_subtraction"])
    assert any(line in m for m in _failures(report, "ex05_softmax", "softmax"))
