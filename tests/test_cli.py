"""The command line as users meet it: exit codes, one-line reasons, readable output."""
import shutil
import subprocess
import sys

from tests.conftest import ROOT, grade


def run(*args):
    return subprocess.run([sys.executable, "-m", "grader", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_missing_directory_is_a_one_line_error(tmp_path):
    proc = run(str(tmp_path / "nope"))
    assert proc.returncode == 2 and proc.stderr.strip().count("\n") == 0
    assert "no such directory" in proc.stderr


def test_a_directory_without_modules_is_not_a_submission(tmp_path):
    proc = run(str(tmp_path))
    assert proc.returncode == 2 and "not a submission" in proc.stderr


def test_unknown_only_selection_is_refused(tmp_path):
    proc = run("solutions", "--only", "ex07_conv.nope")
    assert proc.returncode == 2 and "--only ex07_conv.nope" in proc.stderr


def test_a_student_exception_shows_the_students_frames_only(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    shutil.copy(ROOT / "solutions" / "ex07_conv.py", sub)
    with open(sub / "ex07_conv.py", "a") as f:
        f.write("\n\ndef pad2d(x, padding):\n    scale = 0\n    return x / (1 // scale)\n")
    report, proc = grade(sub, "ex07_conv.pad2d")
    assert "ZeroDivisionError" in proc.stdout
    assert f"{sub}/ex07_conv.py:" in proc.stdout
    assert "grader/engine" not in proc.stdout and "site-packages" not in proc.stdout
    assert report["score"] == 0 and report["max_score"] == 2.0


def test_stubs_read_as_not_implemented(tmp_path):
    report, proc = grade(ROOT / "exercises", "ex07_conv")
    assert proc.stdout.count("not implemented yet") == 4
    assert "Traceback" not in proc.stdout and report["score"] == 0


def test_progress_line_points_at_the_next_function(tmp_path):
    sub = tmp_path / "sub"
    shutil.copytree(ROOT / "solutions", sub)
    shutil.copy(ROOT / "exercises" / "ex07_conv.py", sub)   # ex07 back to stubs
    report, proc = grade(sub, "ex07", "ex03.linreg")        # short module names
    assert {f["module"] for f in report["functions"]} == {"ex07_conv", "ex03_linear_regression"}
    assert "1/5 functions complete, 1.00 / 15 points" in proc.stdout
    assert f"Next: ex07_conv.pad2d — open {sub}/ex07_conv.py" in proc.stdout
