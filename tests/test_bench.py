"""tools/bench.py as a student runs it: every row gets a verdict and the run always ends.
Asserts on behaviour only, never on timings (the machine may be busy)."""
import re
import shutil
import subprocess
import sys

from tests.conftest import ROOT

ROWS = ("conv2d_loops", "conv2d_unfold", "max_pool2d", "pairwise_distances", "mlp_backward", "knn_predict")
RATIO = re.compile(r"\d+\.\d+x$")


def bench(*args):
    """Run tools/bench.py; return (exit code, {row name: row text}, stdout)."""
    proc = subprocess.run([sys.executable, "tools/bench.py", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    rows = {line.split()[0]: line for line in proc.stdout.splitlines()
            if line.split() and line.split()[0] in ROWS}  # on a GPU, the cuda conv row replaces the cpu one
    return proc.returncode, rows, proc.stdout + proc.stderr


def test_stubs_read_not_implemented():
    code, rows, out = bench("exercises")
    assert code == 0, out
    assert rows.keys() == set(ROWS), out
    for name, row in rows.items():
        assert "not implemented" in row, f"{name} row should say 'not implemented':\n{row}"
    assert "Traceback" not in out


def test_solutions_get_a_ratio_in_every_row():
    code, rows, out = bench("solutions", "--quick")
    assert code == 0, out
    assert rows.keys() == set(ROWS), out
    for name, row in rows.items():
        assert RATIO.search(row), f"{name} row has no ratio:\n{row}"
    assert f"torch {__import__('torch').__version__}" in out.splitlines()[0]
    assert "column matrix" in out


def test_exceptions_slow_functions_and_missing_modules_get_their_own_row(tmp_path):
    shutil.copy(ROOT / "solutions" / "ex07_conv.py", tmp_path)
    shutil.copy(ROOT / "solutions" / "ex08_knn.py", tmp_path)  # no ex06_mlp.py
    with open(tmp_path / "ex07_conv.py", "a") as f:
        f.write("\n\ndef pad2d(x, padding):\n    return x / (1 // 0)\n"
                "\n\ndef max_pool2d(x, kernel_size, stride=None):\n"
                "    while True:\n        pass\n")
    code, rows, out = bench(str(tmp_path), "--quick", "--budget", "0.5")
    assert code == 0, out
    assert "ZeroDivisionError" in rows["conv2d_unfold"] and "ZeroDivisionError" in rows["conv2d_loops"]
    assert "too slow (> 0.5 s)" in rows["max_pool2d"]
    assert "no ex06_mlp.py" in rows["mlp_backward"]
    assert RATIO.search(rows["pairwise_distances"]) and RATIO.search(rows["knn_predict"])


def test_missing_directory_is_a_one_line_error(tmp_path):
    code, _, out = bench(str(tmp_path / "nope"))
    assert code == 2 and out.strip().count("\n") == 0 and "no such directory" in out
