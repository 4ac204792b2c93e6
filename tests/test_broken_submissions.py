"""A broken submission is graded, not crashed on: only what is broken loses points.

One submission carries six kinds of breakage at once (a syntax error, a missing
function, an infinite loop, a segfault, os._exit at import, a huge allocation);
every other module is the reference solution and must keep full marks.
"""
import os
import shutil
import time

import pytest

from grader import curriculum
from tests.conftest import ROOT, function_entry, grade

BREAKAGE = {
    "ex07_conv": "\n\ndef broken(:\n    pass\n",
    "ex03_linear_regression": "\n\ndel sgd\n",
    "ex01_tensors": "\n\ndef flatten_images(x):\n    while True:\n        pass\n",
    "ex04_activations": "\n\ndef relu(x):\n    import ctypes\n    return ctypes.string_at(0)\n",
    "ex05_softmax": "\n\nimport os\nos._exit(0)\n",
    "ex06_mlp": "\n\ndef mlp_forward(X, params):\n    return torch.empty(2 ** 42), None\n",
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    directory = tmp_path_factory.mktemp("broken") / "submission"
    shutil.copytree(ROOT / "solutions", directory)
    for module, tail in BREAKAGE.items():
        with open(directory / f"{module}.py", "a") as f:
            f.write(tail)
    start = time.perf_counter()
    report, proc = grade(directory, extra=["--quiet", "--timeout-scale", "0.3"])
    return report, time.perf_counter() - start


def full(report, module, function):
    f = function_entry(report, module, function)
    return f["score"] == f["max_score"]


def test_report_is_complete(broken):
    report, _ = broken
    listed = [(f["module"], f["function"]) for f in report["functions"]]
    assert listed == curriculum.all_functions()


def test_untouched_modules_keep_full_marks(broken):
    report, _ = broken
    for module in ("ex02_gradient_descent", "ex08_knn"):
        for function in curriculum.CURRICULUM[module]:
            assert full(report, module, function), (module, function)


def test_syntax_error_costs_its_module_and_names_file_and_line(broken):
    report, _ = broken
    error = next(e for e in report["errors"] if e["module"] == "ex07_conv")
    assert "SyntaxError" in error["message"] and "line" in error["message"]
    for function in curriculum.CURRICULUM["ex07_conv"]:
        f = function_entry(report, "ex07_conv", function)
        statuses = {c["status"] for c in f["checks"]}
        assert f["score"] == 0 and statuses <= {"error", "skipped"} and "error" in statuses


def test_missing_function_is_named(broken):
    report, _ = broken
    sgd = function_entry(report, "ex03_linear_regression", "sgd")
    assert sgd["score"] == 0 and "has no function sgd" in sgd["checks"][0]["message"]
    for function in ("synthetic_data", "data_iter", "linreg", "squared_loss", "normal_equation"):
        assert full(report, "ex03_linear_regression", function), function


def test_infinite_loop_times_out_and_costs_one_function(broken):
    report, _ = broken
    f = function_entry(report, "ex01_tensors", "flatten_images")
    assert f["score"] == 0 and any("timed out" in c["message"] for c in f["checks"])
    assert full(report, "ex01_tensors", "one_hot")


def test_segfault_costs_one_function(broken):
    report, _ = broken
    f = function_entry(report, "ex04_activations", "relu")
    assert f["score"] == 0 and "SIGSEGV" in f["checks"][0]["message"]
    assert full(report, "ex04_activations", "relu_backward")
    assert full(report, "ex04_activations", "sigmoid")


def test_exit_at_import_costs_its_module(broken):
    report, _ = broken
    assert any(e["module"] == "ex05_softmax" and "exited" in e["message"]
               for e in report["errors"])
    assert all(function_entry(report, "ex05_softmax", f)["score"] == 0
               for f in curriculum.CURRICULUM["ex05_softmax"])


def test_huge_allocation_is_an_error_not_a_crash(broken):
    report, _ = broken
    f = function_entry(report, "ex06_mlp", "mlp_forward")
    assert f["score"] == 0 and "memory" in f["checks"][0]["message"]
    assert full(report, "ex06_mlp", "init_mlp")


def test_total_time_is_bounded(broken):
    _, seconds = broken
    assert seconds < 120


@pytest.mark.skipif(os.geteuid() != 0, reason="only root builds the worker's own filesystem")
def test_a_sandbox_the_grader_cannot_build_is_the_graders_failure_not_the_students():
    import torch

    from grader.engine.session import GraderFailure, Session
    session = Session(ROOT / "solutions")
    with session:
        root = session._tmp / "root"    # where each worker's filesystem is built: break it
        root.rmdir()
        root.write_text("not a directory")
        for _ in range(2):   # the first call finds out, the next stops at once
            with pytest.raises(GraderFailure) as caught:
                session.call("ex01_tensors", "flatten_images", (torch.ones(2, 3, 4),))
            message = str(caught.value)
            assert "could not set up the sandbox" in message and "not the submission" in message
        assert session.failure == message and session.module_errors == {}


def test_a_module_left_out_of_the_submission_is_named(tmp_path):
    shutil.copy(ROOT / "solutions" / "ex01_tensors.py", tmp_path)
    report, _ = grade(tmp_path, "ex01", "ex04")
    assert report["errors"] == [{"module": "ex04_activations",
                                 "message": "ex04_activations.py is not in the submission"}]
    assert all(f["score"] == f["max_score"] for f in report["functions"]
               if f["module"] == "ex01_tensors")
