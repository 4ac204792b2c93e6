"""`python -m grader watch` in a pseudo-terminal, as a student runs it: a save re-grades
the module and redraws the summary, Ctrl-C leaves cleanly, a long check says it runs."""
import ast
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from grader.curriculum import CURRICULUM

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
MODULE, FUNCTION = "ex03_linear_regression", "normal_equation"   # nothing else calls it
POINTS = CURRICULUM[MODULE][FUNCTION].points
MODULE_POINTS = sum(e.points for e in CURRICULUM[MODULE].values())
CLEAR = "\x1b[2J"


class Terminal:
    """A command of the grader running in a pseudo-terminal, its output read as it comes."""

    def __init__(self, *args, tmpdir):
        env = {**os.environ, "GRADER_LANG": "en", "TMPDIR": str(tmpdir)}
        self.pid, self.fd = pty.fork()
        if self.pid == 0:   # the child: a 40x120 terminal, then the grader
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
                os.chdir(ROOT)
                os.execve(sys.executable, [sys.executable, "-m", "grader", *args], env)
            finally:
                os._exit(127)   # never back into pytest
        self.output, self.status = "", None

    def _read(self, seconds):
        if select.select([self.fd], [], [], seconds)[0]:
            try:
                self.output += os.read(self.fd, 65536).decode(errors="replace")
            except OSError:   # the child closed the terminal
                time.sleep(seconds)

    def wait_for(self, done, seconds, what):
        """Read until ``done(output)`` holds; fail after ``seconds`` naming ``what``."""
        deadline = time.monotonic() + seconds
        while not done(self.output):
            assert time.monotonic() < deadline and self.alive(), \
                f"no {what} after {seconds} s; output so far:\n{self.output[-3000:]}"
            self._read(0.2)

    def screens(self):
        """The summaries drawn so far, each one from a screen clear to the next."""
        return [s for s in self.output.split(CLEAR)[1:] if "functions complete" in s]

    def wait_for_screen(self, count, seconds, what):
        self.wait_for(lambda out: len(self.screens()) >= count
                      and "points" in self.screens()[count - 1].rsplit("functions complete", 1)[1],
                      seconds, what)
        return self.screens()[count - 1]

    def alive(self):
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is None

    def ctrl_c_and_wait(self, seconds):
        os.write(self.fd, b"\x03")
        deadline = time.monotonic() + seconds
        while self.alive():
            assert time.monotonic() < deadline, f"still running {seconds} s after Ctrl-C"
            self._read(0.1)
        self._read(0.1)
        return os.waitstatus_to_exitcode(self.status)

    def kill(self):
        if self.alive():
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.fixture
def terminal(tmp_path):
    started = []

    def start(*args):
        started.append(Terminal(*args, tmpdir=tmp_path / "tmp"))
        return started[-1]
    (tmp_path / "tmp").mkdir()
    yield start
    for t in started:
        t.kill()


def submission(tmp_path):
    path = tmp_path / "submission"
    path.mkdir()
    for file in SOLUTIONS.glob("ex*.py"):
        shutil.copy(file, path)
    return path


def stubbed(source, function):
    """``source`` with ``function``'s body (after its docstring) replaced by a stub."""
    node = next(n for n in ast.parse(source).body
                if isinstance(n, ast.FunctionDef) and n.name == function)
    lines = source.splitlines(keepends=True)
    first = node.body[1].lineno - 1 if ast.get_docstring(node) else node.body[0].lineno - 1
    return "".join(lines[:first] + ["    raise NotImplementedError\n"] + lines[node.end_lineno:])


def descendants(pid):
    """Every process below ``pid`` now (the workers and their zygote)."""
    parents = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            parents.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
        except OSError:
            pass
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def running(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def module_line(screen, module):
    return next(line for line in screen.splitlines() if line.startswith(module))


def function_line(screen, function):
    return next(line for line in screen.splitlines() if line.startswith(f"  {function} "))


SLEEPY = '''
import time as _time
_train_linreg, _calls = train_linreg, []


def train_linreg(*args, **kwargs):
    if not _calls:   # a long first check
        _time.sleep(2.5)
    _calls.append(1)
    return _train_linreg(*args, **kwargs)
'''


def test_a_save_regrades_its_module_and_ctrl_c_leaves_cleanly(tmp_path, terminal):
    sub = submission(tmp_path)
    target = sub / f"{MODULE}.py"
    solution = (SOLUTIONS / f"{MODULE}.py").read_text()
    target.write_text(stubbed(solution, FUNCTION))
    watch = terminal("watch", str(sub), "--interval", "0.05")

    first = watch.wait_for_screen(1, 90, "first summary")
    assert "not implemented yet" in function_line(first, FUNCTION)
    assert f"{MODULE_POINTS - POINTS:.2f} / {MODULE_POINTS}" in module_line(first, MODULE)
    assert f"Next: {MODULE}.{FUNCTION}" in first

    # a save written in steps 0.05 s apart (a half file, a wrong body, the right one): the
    # files are looked at every 0.05 s, yet graded once, as the last step
    for step in (solution[:len(solution) // 2],
                 stubbed(solution, FUNCTION).replace("raise NotImplementedError", "return None"),
                 solution):
        target.write_text(step)
        time.sleep(0.05)
    second = watch.wait_for_screen(2, 60, "summary after the fix")
    assert f"{MODULE} changed: graded again" in second
    assert re.search(rf"{POINTS:.2f} / {POINTS}\s+ok", function_line(second, FUNCTION))
    assert f"{MODULE_POINTS:.2f} / {MODULE_POINTS}" in module_line(second, MODULE)
    assert "100.00 / 100 points" in second and "Next:" not in second
    other = "ex07_conv"   # merged from the first run, not graded again
    assert module_line(second, other) == module_line(first, other)

    target.write_text(solution + "\ndef half_typed(:\n")
    third = watch.wait_for_screen(3, 60, "summary after the syntax error")
    assert len(watch.screens()) == 3, "the save in steps above was graded more than once"
    assert f"! {MODULE} could not be imported: SyntaxError" in third
    assert f"0.00 / {MODULE_POINTS}" in module_line(third, MODULE)
    assert f"{100 - MODULE_POINTS:.2f} / 100 points" in third
    seconds = float(re.search(r"points\s+\((\S+) s\)", third).group(1))
    assert seconds < 20, "a broken module's checks should fail fast"

    target.unlink()
    watch.wait_for(lambda out: f"{MODULE}.py is missing" in out.split(CLEAR)[-1], 30,
                   "notice of the deleted file")
    assert watch.alive()

    # back, with a long check: Ctrl-C while it runs
    target.write_text(solution + SLEEPY)
    watch.wait_for(lambda out: "(running train_linreg" in out.split(CLEAR)[-1], 60,
                   "the long check running")
    workers = descendants(watch.pid)
    assert workers, "grading runs in worker processes"
    assert watch.ctrl_c_and_wait(30) == 0
    assert "Traceback" not in watch.output
    assert watch.output.rstrip().endswith(f"Stopped watching {sub}/.")
    time.sleep(0.5)
    assert not [pid for pid in workers if running(pid)], "worker processes left running"
    assert not list((tmp_path / "tmp").glob("grader-*")), "session directories left behind"


def test_a_long_check_says_it_is_running_on_a_terminal_only(tmp_path, terminal):
    sub = submission(tmp_path)
    (sub / f"{MODULE}.py").write_text((SOLUTIONS / f"{MODULE}.py").read_text() + SLEEPY)
    watch = terminal("watch", str(sub), "--only", "ex03.train_linreg")
    screen = watch.wait_for_screen(1, 60, "first summary")
    notice = re.search(r"  \(running train_linreg > \S+ \.\.\.\)", watch.output)
    assert notice, watch.output[:3000]
    erased = "\b" * len(notice.group()) + "\x1b[K"
    assert watch.output[notice.end():].startswith(erased), "the notice is not erased"
    assert [line.split()[0] for line in screen.splitlines() if line.startswith("  ")] \
        == ["train_linreg"], "--only grades just the one function"
    assert "3.00 / 3 points" in screen
    assert watch.ctrl_c_and_wait(30) == 0

    piped = subprocess.run([sys.executable, "-m", "grader", str(sub), "--only",
                            f"{MODULE}.train_linreg"], cwd=ROOT, capture_output=True, text=True,
                           env={**os.environ, "GRADER_LANG": "en"}, timeout=120)
    assert piped.returncode == 0, piped.stderr
    assert "3.00 / 3 points" in piped.stdout
    assert "running" not in piped.stderr and "\x1b" not in piped.stderr + piped.stdout


@pytest.mark.parametrize("args, reason", [
    (["/no/such/dir"], "no such directory"),
    (["solutions", "--interval", "0"], "--interval must be a positive number"),
    (["solutions", "--only", "ex99"], "ex99"),
])
def test_bad_input_is_one_line(args, reason):
    proc = subprocess.run([sys.executable, "-m", "grader", "watch", *args], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ, "GRADER_LANG": "en"},
                          timeout=60)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert reason in proc.stderr.lower(), proc.stderr
