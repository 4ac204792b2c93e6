"""The reference solutions earn full marks; the untouched stubs earn nothing,
with a complete report; both follow the documented JSON schema."""
import shutil

from grader import curriculum
from grader.engine import report as report_schema
from tests.conftest import ROOT, grade


def test_solutions_score_full_marks(solutions_report):
    not_passed = [(f["function"], c["name"], c["message"][:200])
                  for f in solutions_report["functions"] for c in f["checks"]
                  if c["status"] not in ("passed", "skipped")]
    assert not not_passed
    skipped = [c["message"] for f in solutions_report["functions"] for c in f["checks"]
               if c["status"] == "skipped"]
    assert all("CUDA" in m for m in skipped)
    assert solutions_report["score"] == 100.0 and solutions_report["max_score"] == 100.0
    assert solutions_report["errors"] == []


def test_every_function_has_checks(solutions_report):
    listed = [(f["module"], f["function"]) for f in solutions_report["functions"]]
    assert listed == curriculum.all_functions()
    assert all(f["checks"] for f in solutions_report["functions"])


def test_stubs_score_zero_with_a_complete_report(exercises_report):
    assert exercises_report["score"] == 0.0 and exercises_report["max_score"] == 100.0
    for f in exercises_report["functions"]:
        assert f["checks"], f["function"]
        for c in f["checks"]:
            assert c["status"] in ("error", "skipped")
            assert c["status"] == "skipped" or c["message"].startswith("not implemented yet")


def test_reports_follow_the_schema(solutions_report, exercises_report):
    assert report_schema.validate(solutions_report) == []
    assert report_schema.validate(exercises_report) == []
    assert set(solutions_report) >= {"schema", "submission", "score", "max_score", "functions",
                                     "errors", "environment", "duration_s"}


def test_the_validator_catches_a_wrong_report(solutions_report):
    broken = dict(solutions_report, score=1.0)
    assert report_schema.validate(broken)
    broken = dict(solutions_report, functions=[dict(solutions_report["functions"][0],
                                                    checks=[{"name": "x", "status": "ok"}])])
    assert report_schema.validate(broken)


D2L_DATA_ITER = '''

def data_iter(batch_size, features, labels, generator=None):
    import random
    indices = list(range(len(features)))
    random.shuffle(indices)
    for i in range(0, len(features), batch_size):
        batch_indices = torch.tensor(indices[i: min(i + batch_size, len(features))])
        yield features[batch_indices], labels[batch_indices]


from collections import namedtuple as _namedtuple
_Cache = _namedtuple("Cache", ["X", "a", "h"])
'''
CACHE_AS_NAMEDTUPLE = '''

def mlp_forward(X, params):
    a = X @ params["W1"] + params["b1"]
    h = a.clamp(min=0)
    return h @ params["W2"] + params["b2"], _Cache(X, a, h)


def mlp_backward(dscores, cache, params):
    dh = (dscores @ params["W2"].T) * (cache.a > 0)
    return {"W1": cache.X.T @ dh, "b1": dh.sum(0), "W2": cache.h.T @ dscores,
            "b2": dscores.sum(0)}
'''


def test_functions_that_work_together_keep_full_marks(tmp_path):
    """d2l's data_iter (Python's random) under the reference train_linreg, which must be
    reproducible with a generator; an mlp_forward cache that is not plain data."""
    submission = tmp_path / "submission"
    shutil.copytree(ROOT / "solutions", submission)
    for module, extra in (("ex03_linear_regression", D2L_DATA_ITER),
                          ("ex06_mlp", D2L_DATA_ITER + CACHE_AS_NAMEDTUPLE)):
        with open(submission / f"{module}.py", "a") as f:
            f.write(extra)
    report, _ = grade(submission, "ex03_linear_regression", "ex06_mlp")
    lost = {f["function"]: f["score"] for f in report["functions"]
            if f["checks"] and f["score"] != f["max_score"]}
    assert lost == {}
