"""The tracer names every spelling of an op; scoring splits points and zeroes bans."""
import json
import subprocess
import sys

import torch
import torch.nn.functional as F

from grader import curriculum
from grader.engine import forbidden, scoring, tracer
from grader.engine.plugin import CheckResult
from tests.conftest import ROOT

tracer.install_entry_point_recorders()


def ops_of(fn):
    with tracer.tracing() as trace:
        fn()
    return trace


def test_every_spelling_of_conv_is_caught():
    x, w = torch.randn(1, 2, 5, 6), torch.randn(3, 2, 3, 2)
    spellings = [lambda: F.conv2d(x, w), lambda: torch.nn.Conv2d(2, 3, 3)(x),
                 lambda: torch.ops.aten.convolution.default(x, w, None, [1, 1], [0, 0],
                                                            [1, 1], False, [0, 0], 1),
                 lambda: torch.conv2d(x, w)]
    for spelling in spellings:
        found = forbidden.violations("ex07_conv", "conv2d_unfold", ops_of(spelling).ops)
        assert found and found[0][0].startswith("conv*")


def test_allowed_ops_are_not_flagged():
    x, w = torch.randn(1, 2, 5, 6), torch.randn(3, 2, 3, 2)
    trace = ops_of(lambda: (w.reshape(3, -1) @ F.unfold(x, (3, 2))).reshape(1, 3, 3, 5))
    assert forbidden.violations("ex07_conv", "conv2d_unfold", trace.ops) == []
    assert forbidden.violations("ex07_conv", "conv2d_loops", trace.ops)  # unfold banned there


def test_entry_points_record_themselves():
    p = torch.zeros(2, requires_grad=True)
    assert "optim.SGD" in ops_of(lambda: torch.optim.SGD([p], lr=0.1)).ops
    trace = ops_of(lambda: torch.autograd.functional.jacobian(lambda t: t * 2, torch.ones(2)))
    assert forbidden.violations("ex05_softmax", "softmax_jacobian", trace.ops)


def test_call_count_grows_with_python_loops():
    x = torch.randn(10)
    loop = ops_of(lambda: [x[i] * 2 for i in range(10)])
    vectorised = ops_of(lambda: x * 2)
    assert loop.calls >= 20 and vectorised.calls == 1


def test_names_are_reduced_to_bare_names():
    assert tracer.bare_name("aten::_cdist_forward") == "cdist_forward"
    assert tracer.bare_name("linalg_inv") == "inv"
    assert tracer.bare_name("__getitem__") == "__getitem__"


def results(function, statuses, module="ex07_conv"):
    return [CheckResult(module, function, f"c{i}", s, "") for i, s in enumerate(statuses)]


def test_points_split_over_checks_that_ran():
    rs = results("max_pool2d", ["passed", "failed", "skipped", "passed"])   # 3 points
    entry = next(f for f in scoring.score_functions(rs, {}) if f["function"] == "max_pool2d")
    assert entry["score"] == 2.0 and entry["max_score"] == 3.0


def test_a_forbidden_op_zeroes_the_function():
    rs = results("pad2d", ["passed", "passed"])
    entry = next(f for f in scoring.score_functions(rs, {("ex07_conv", "pad2d"): "F.pad"})
                 if f["function"] == "pad2d")
    assert entry["score"] == 0.0 and entry["forbidden_op"] == "F.pad"


def test_a_function_without_results_scores_zero():
    entry = next(f for f in scoring.score_functions([], {}) if f["function"] == "pad2d")
    assert entry["score"] == 0.0 and entry["checks"] == []


def test_side_properties_alone_earn_nothing():
    rs = [CheckResult("ex07_conv", "max_pool2d", "matches_f_max_pool2d[cpu]", "failed", ""),
          CheckResult("ex07_conv", "max_pool2d", "input_unchanged", "passed", ""),
          CheckResult("ex07_conv", "max_pool2d", "vectorised", "passed", "")]
    entry = next(f for f in scoring.score_functions(rs, {}) if f["function"] == "max_pool2d")
    assert entry["score"] == 0.0
    rs[0].status = "passed"
    entry = next(f for f in scoring.score_functions(rs, {}) if f["function"] == "max_pool2d")
    assert entry["score"] == 3.0


def test_fixed_input_checks_alone_earn_nothing_beside_seeded_ones():
    # a table of the public examples' outputs passes them, and nothing drawn from the seed
    rs = [CheckResult("ex07_conv", "max_pool2d", "example_2x2", "passed", ""),
          CheckResult("ex07_conv", "max_pool2d", "matches_f_max_pool2d[cpu]", "failed", "",
                      seeded=True)]
    entry = next(f for f in scoring.score_functions(rs, {}) if f["function"] == "max_pool2d")
    assert entry["score"] == 0.0
    rs[1].status = "passed"
    entry = next(f for f in scoring.score_functions(rs, {}) if f["function"] == "max_pool2d")
    assert entry["score"] == 3.0
    # with no seeded check at all (a student release: public checks only) they count
    entry = next(f for f in scoring.score_functions(rs[:1], {}) if f["function"] == "max_pool2d")
    assert entry["score"] == 3.0


def test_failing_the_point_of_the_exercise_leaves_at_most_half():
    # an im2col with Python loops: right everywhere, not vectorised
    rs = [CheckResult("ex07_conv", "conv2d_unfold", f"matches_f_conv2d[cpu-{i}]", "passed", "",
                      seeded=True) for i in range(9)]
    rs.append(CheckResult("ex07_conv", "conv2d_unfold", "vectorised", "failed", ""))
    entry = next(f for f in scoring.score_functions(rs, {}) if f["function"] == "conv2d_unfold")
    assert entry["score"] == 2.5 and entry["capped_by"] == "vectorised"
    rs[-1].status = "passed"
    entry = next(f for f in scoring.score_functions(rs, {}) if f["function"] == "conv2d_unfold")
    assert entry["score"] == 5.0 and "capped_by" not in entry


def test_every_declared_point_of_an_exercise_is_a_check(solutions_report):
    checks = {(f["module"], f["function"]): {c["name"].split("[")[0] for c in f["checks"]}
              for f in solutions_report["functions"]}
    declared = {(m, f): curriculum.essential(m, f) for m, f in curriculum.all_functions()
                if curriculum.essential(m, f)}
    assert len(declared) == 8
    assert {key: name for key, name in declared.items() if name not in checks[key]} == {}


COLLECT_SEEDED = """
import json, pytest, sys
from grader.engine import plugin, runner, scoring
rows = []
class Rows:
    def pytest_collection_modifyitems(self, items):
        rows.extend([it.module.MODULE, plugin._identity(it)[1], it.name,
                     "rng" in it.fixturenames] for it in items)
pytest.main(runner._pytest_args(()) + ["--collect-only"], plugins=[plugin, Rows()])
json.dump(rows, sys.stderr)
"""


def test_every_function_has_a_seeded_output_check():
    """Otherwise its hidden checks could be passed by outputs memorised in advance."""
    proc = subprocess.run([sys.executable, "-c", COLLECT_SEEDED], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    rows = json.loads(proc.stderr)
    seeded = {(m, f) for m, f, name, uses_rng in rows
              if uses_rng and not scoring.SIDE_PROPERTY.search(name)}
    assert len(rows) > 250
    assert sorted(set(curriculum.all_functions()) - seeded) == []


def test_a_wrong_shape_is_explained_by_the_shape_hint():
    import pytest
    from grader.suites.common import expect_close
    with pytest.raises(AssertionError) as wrong_shape:
        expect_close(torch.zeros(1, 2, 3, 3), torch.zeros(1, 2, 4, 4), hint="values",
                     shape_hint="output size is (H + 2p - KH) // s + 1")
    assert str(wrong_shape.value).splitlines()[-1] == "output size is (H + 2p - KH) // s + 1"
    with pytest.raises(AssertionError) as wrong_values:
        expect_close(torch.ones(2), torch.zeros(2), hint="values", shape_hint="size")
    assert "size" not in str(wrong_values.value) and "values" in str(wrong_values.value)
