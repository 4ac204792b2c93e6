"""Expected outputs that only the computation can give, and inputs no two submissions
share (Session.run_seed)."""
import json
import re
import subprocess
import sys

from tests.conftest import ROOT, grade

SECRET = 918273645      # an instructor's seed: it must never appear in a report


def test_memorised_answers_and_textbook_constants_earn_nothing(tmp_path):
    """Every answer of a grading run under another seed (the public examples' among them),
    replayed by a fingerprint of the inputs, and d2l's w = [2, -3.4], b = 4.2 and one
    minimum of Himmelblau's where nothing was memorised (tests/memorise.py)."""
    proc = subprocess.run([sys.executable, "-m", "tests.memorise", str(tmp_path / "memo")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report, _ = grade(tmp_path / "memo", extra=["--quiet", "--lang", "en"])
    earned = {f"{f['module']}.{f['function']}": [c["name"] for c in f["checks"]
                                                 if c["status"] == "passed"]
              for f in report["functions"] if f["score"] > 0}
    assert earned == {}
    replayed = [c for f in report["functions"] for c in f["checks"] if c["status"] == "passed"]
    assert len(replayed) > 40, "the replay answered too few checks to prove anything"


def _fingerprints(directory, *extra):
    """What flatten_images was called with in each check (it raises the inputs' digest)."""
    report, _ = grade(directory, "ex01_tensors.flatten_images",
                      extra=["--quiet", "--lang", "en", *extra])
    entry = next(f for f in report["functions"] if f["function"] == "flatten_images")
    found = [re.search(r"inputs ([0-9a-f]{16})", c["message"]) for c in entry["checks"]
             if c["status"] != "skipped"]
    assert all(found), [c["message"] for c in entry["checks"]]
    return [m.group(1) for m in found], report


PROBE = '''
import hashlib


def flatten_images(x):
    digest = hashlib.sha256(repr(x.tolist()).encode()).hexdigest()[:16]
    raise ValueError(f"inputs {digest}")
'''


def test_two_submissions_under_one_instructor_seed_see_different_inputs(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "ex01_tensors.py").write_text(PROBE)
    (second / "ex01_tensors.py").write_text(PROBE + "# another student's copy\n")
    seed = ["--seed", str(SECRET)]
    one, report = _fingerprints(first, *seed)
    again, _ = _fingerprints(first, *seed)
    other, _ = _fingerprints(second, *seed)
    reseeded, _ = _fingerprints(first, "--seed", str(SECRET + 1))
    assert one == again                           # the same files and seed reproduce
    assert set(one) - set(other)                  # another submission: other inputs
    assert set(one) - set(reseeded)               # another seed: other inputs
    inputs = report["environment"]["inputs"]
    assert inputs["drawn_from"] == "files and the instructor's seed"
    assert len(inputs["files_sha256"]) == 64
    assert str(SECRET) not in json.dumps(report)
