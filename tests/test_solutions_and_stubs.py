"""The reference solutions earn full marks; the untouched stubs earn nothing,
with a complete report; both follow the documented JSON schema."""
from grader import curriculum
from grader.engine import report as report_schema


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
