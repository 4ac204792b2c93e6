"""The sessions recorded in README.md and README.zh-CN.md are what the grader prints:
each is replayed (a softmax without the max subtracted, a hint, the fix) and compared
line by line, timings aside, and the numbers of a failure's details aside: the inputs
are drawn from the submission's files (Session.run_seed), so they move with every
edit of the stubs."""
import os
import re
import shutil
import subprocess
import sys

import pytest
import torch

from tests.conftest import ROOT

WRONG = "    e = logits.exp()\n    return e / e.sum(dim=dim, keepdim=True)\n"
FIXED = "    e = (logits - logits.amax(dim=dim, keepdim=True)).exp()\n" \
        "    return e / e.sum(dim=dim, keepdim=True)\n"
STUB = '    raise NotImplementedError("softmax: read its docstring in exercises/ex05_softmax.py")\n'
HEADINGS = {"README.md": "### A recorded session", "README.zh-CN.md": "### 一次录制的会话"}
SECONDS = re.compile(r"[(（]\d+(\.\d+)? (s|秒)[)）]")
DIGITS = re.compile(r"\d+")


def comparable(line):
    line = SECONDS.sub("", line)
    return DIGITS.sub("#", line) if line.startswith("    ") else line


def recorded(readme):
    """[(command, [output lines])] of the session's code block."""
    text = (ROOT / readme).read_text(encoding="utf-8")
    block = text.split(HEADINGS[readme], 1)[1].split("```\n", 2)[1]
    steps = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps and not line.startswith(("# ", "python3 -m grader")):  # edits; make's echo
            steps[-1][1].append(line)
    return [(command, "\n".join(lines).rstrip("\n").splitlines()) for command, lines in steps]


def replay(command, workdir):
    """Run a recorded `make grade ONLY=...` / `make hint ONLY=...` as the grader command."""
    words = dict(w.split("=", 1) for w in command.split()[2:])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GRADER_STATE": str(workdir / "hints.json"),
           "GRADER_LANG": words.get("GRADER_LANG", "en")}
    verb = command.split()[1]
    args = ["exercises", "--only", words["ONLY"]] if verb == "grade" else ["hint", words["ONLY"]]
    proc = subprocess.run([sys.executable, "-m", "grader", *args], cwd=workdir, env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:]
    return proc.stdout.rstrip("\n").splitlines()


@pytest.mark.skipif(torch.cuda.is_available(), reason="the README records a machine without CUDA")
@pytest.mark.parametrize("readme", list(HEADINGS))
def test_recorded_session_is_what_the_grader_prints(readme, tmp_path):
    steps = recorded(readme)
    assert [c.split()[:2] for c, _ in steps] == [["make", "grade"], ["make", "hint"],
                                                 ["make", "grade"]]
    (tmp_path / "exercises").mkdir()
    module = tmp_path / "exercises" / "ex05_softmax.py"
    shutil.copy(ROOT / "exercises" / "ex05_softmax.py", module)
    assert STUB in module.read_text()
    module.write_text(module.read_text().replace(STUB, WRONG))
    for number, (command, lines) in enumerate(steps):
        if number == 2:
            module.write_text(module.read_text().replace(WRONG, FIXED))
        got = replay(command, tmp_path)
        assert [comparable(x) for x in got] == [comparable(x) for x in lines], command
