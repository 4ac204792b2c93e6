"""python -m grader watch DIR [--interval S] [--only ex03[.sgd]]: re-grade each module you save.

Grades the whole submission once, then polls the exNN_*.py (and .ipynb) files (mtime, size)
and, when one is saved, grades that module again, merges it into the last report and
redraws the summary. Ctrl-C stops. docs/watch.md has the details.
"""
import argparse
import contextlib
import signal
import sys
import time
from pathlib import Path

from . import curriculum, i18n
from .cli import check_submission, expand
from .engine.session import Session
from .i18n import t

CLEAR = "\x1b[2J\x1b[H"   # erase the screen, cursor to the top left
RULE = "=" * 72           # between two summaries when the output is not a terminal
SETTLE = 0.2              # seconds a changed file must stay unchanged before it is graded


def parse(argv):
    p = argparse.ArgumentParser(prog="python -m grader watch",
                                description="Grade a submission, then grade each module "
                                            "again whenever its file is saved (Ctrl-C stops).")
    p.add_argument("submission", help="directory holding the exNN_*.py modules")
    p.add_argument("--interval", type=float, default=0.5, metavar="S",
                   help="seconds between two looks at the files (default 0.5)")
    p.add_argument("--only", action="append", default=[], metavar="MODULE[.FUNCTION]",
                   help="watch and grade only this module or function (repeatable)")
    p.add_argument("--lang", choices=i18n.LANGUAGES, help="language of the messages")
    return p.parse_args(argv)


def main(argv=None):
    args = parse(sys.argv[1:] if argv is None else argv)
    i18n.set_language(args.lang)
    only = [expand(sel) for sel in args.only]
    submission = Path(args.submission)
    problem = check_submission(submission, only) or (
        t("watch.bad_interval", interval=f"{args.interval:g}") if not args.interval > 0 else None)
    if problem:
        print(f"grader: {problem}", file=sys.stderr)
        return 2
    return Watch(submission, only, args.interval).run()


class Watch:
    def __init__(self, submission, only, interval):
        self.submission, self.only, self.interval = submission, only, interval
        self.name = str(submission).rstrip("/") or "/"
        self.modules = sorted({sel.split(".")[0] for sel in only}) or list(curriculum.CURRICULUM)
        self.tty = sys.stdout.isatty()
        self.report, self.session = None, None
        self.interruptible, self.stopping = True, False

    def run(self):
        signal.signal(signal.SIGINT, self._on_ctrl_c)
        seen = self.stamps()
        try:
            self.report = self.grade(self.only)
            self.show(seen, "")
            while True:
                now = self.wait_for_change(seen)
                changed = [m for m in self.modules if now[m] != seen[m]]
                seen = now
                present = [m for m in changed if any(now[m])]
                if present:
                    try:
                        part = self.grade([sel for m in present for sel in self.selection(m)])
                    except FileNotFoundError:   # deleted while being copied: see next look
                        continue
                    self.report = merge(self.report, part, present)
                self.show(seen, t("watch.changed", time=time.strftime('%H:%M:%S'),
                                  modules=", ".join(present)) if present else "")
        except KeyboardInterrupt:
            pass
        except RuntimeError as e:   # the grader's own suites could not run (or Ctrl-C in pytest)
            if not self.stopping:
                print(f"grader: {e}", file=sys.stderr)
                return 3
        finally:
            self.interruptible = False
            if self.session:   # a Ctrl-C before runner.grade took it over
                with contextlib.suppress(OSError):   # closing twice is harmless
                    self.session.close()
        print("\n" + t("watch.stopped", name=self.name))
        return 0

    def _on_ctrl_c(self, signum, frame):
        # one Ctrl-C stops; a second one must not cut the clean-up (killing workers) short
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        self.stopping = True
        if self.interruptible:
            raise KeyboardInterrupt

    def grade(self, only):
        """Grade ``only`` in a new Session: it copies the files as they are now. (One kept
        warm from the last save would answer ~0.8 s sooner, but a Session copies the
        submission, notebooks included, only when it starts.)"""
        self.interruptible = False   # a Ctrl-C while it starts would lose its worker
        try:
            self.session = Session(self.submission)   # its worker imports torch while we do
        finally:
            self.interruptible = True
        if self.stopping:
            raise KeyboardInterrupt
        from .engine import runner, terminal
        progress = terminal.Progress(sys.stdout)
        result = runner.grade(self.submission, only=only, progress=progress, session=self.session)
        self.session = None   # runner.grade closed it
        progress.done()
        return result

    def selection(self, module):
        return [sel for sel in self.only if sel.split(".")[0] == module] or [module]

    def stamps(self):
        """module -> ((mtime, size) or None) of its .py and of its .ipynb."""
        return {module: tuple(_stamp(self.submission / f"{module}{ext}")
                              for ext in (".py", ".ipynb"))
                for module in self.modules}

    def wait_for_change(self, seen):
        """The files' stamps once some differ from ``seen`` and have then stayed the same
        for SETTLE seconds (an editor writing a file in several steps, two quick saves)."""
        now = seen
        while now == seen:
            time.sleep(self.interval)
            now = self.stamps()
        while True:
            time.sleep(SETTLE)
            later = self.stamps()
            if later == now:
                return now
            now = later

    def show(self, seen, event):
        from .engine import runner, terminal
        print(CLEAR if self.tty else f"\n{RULE}\n", end="")
        print(t("watch.watching", name=self.name))
        if runner.public_only():
            print(t("watch.public_only"))
        for module in self.modules:
            if not any(seen[module]):
                print(t("watch.missing", module=module))
        if event:
            print(event)
        print()
        print(terminal.render(self.report, self.name), flush=True)


def _stamp(path):
    try:
        stat = path.stat()
        return stat.st_mtime_ns, stat.st_size
    except OSError:
        return None


def merge(last, new, modules):
    """``last`` with the functions and import errors of ``modules`` replaced by ``new``'s."""
    from .engine import report
    order = list(curriculum.CURRICULUM)
    functions = sorted([f for f in last["functions"] if f["module"] not in modules]
                       + new["functions"], key=lambda f: order.index(f["module"]))
    errors = sorted([e for e in last["errors"] if e["module"] not in modules] + new["errors"],
                    key=lambda e: order.index(e["module"]))
    return report.build(last["submission"], functions, {e["module"]: e["message"] for e in errors},
                        new["duration_s"], new["environment"]["devices"])
