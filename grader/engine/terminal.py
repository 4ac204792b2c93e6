"""What the student reads: progress while checks run, then the table and failures."""
import os
import sys
import threading

from ..i18n import t

MARKS = {"passed": ".", "failed": "F", "error": "E", "skipped": "s"}
MESSAGE_LINES = 8
PRINTED_CHARS = 300
SUMMARY_CHARS = 160     # a one-line summary of a message: cut at a word, marked


class Progress:
    """One line per module filled with a mark per check: ``ex07_conv  ....F.s``. On a
    terminal, a check still running after SLOW seconds is named after the marks until it ends."""
    SLOW = 1.0

    def __init__(self, stream=sys.stderr):
        self.stream, self.module = stream, None
        self.live = getattr(stream, "isatty", lambda: False)()
        if self.live:   # pytest captures fds 1 and 2 while a check runs: write past it
            self.stream = os.fdopen(os.dup(stream.fileno()), "w", encoding=stream.encoding)
        self._lock = threading.Lock()
        self._running, self._timer, self._notice, self._column = None, None, "", 0

    def start(self, result):
        """A check began (plugin.Collector calls this)."""
        with self._lock:
            self._enter(result.module)
            self._running = result
        if self.live:
            self._timer = threading.Timer(self.SLOW, self._show_running, [result])
            self._timer.daemon = True
            self._timer.start()

    def __call__(self, result):
        with self._lock:
            self._stop_running()
            self._enter(result.module)
            self._write(MARKS[result.status])

    def done(self):
        with self._lock:
            self._stop_running()
            if self.module is not None:
                self._write("\n\n")
            if self.live:
                self.stream.close()

    def _enter(self, module):
        if module != self.module:
            if self.module is not None:
                self._write("\n")
            self.module = module
            self._write(f"{module:<24} ")

    def _show_running(self, result):
        with self._lock:
            if self._running is not result or self._notice:
                return
            # cut to the rest of the screen line: backspaces cannot climb to a previous line
            columns = os.get_terminal_size(self.stream.fileno()).columns or 80
            room = columns - self._column % columns - 1
            notice = f"  (running {result.function} > {result.name} ...)"[:room]
            if len(notice) > 12:
                self._notice = notice
                self._write(notice)

    def _stop_running(self):
        self._running = None
        if self._timer:
            self._timer.cancel()
            self._timer = None
        if self._notice:   # back over it, then erase to the end of the line
            self.stream.write("\b" * len(self._notice) + "\x1b[K")
            self._column -= len(self._notice)
            self._notice = ""

    def _write(self, text):
        self.stream.write(text)
        self.stream.flush()
        self._column = len(text.rsplit("\n", 1)[-1]) if "\n" in text else self._column + len(text)


def render(report, submission="exercises", all_failures=False):
    lines, failures, module = [], [], None
    broken = {e["module"]: e["message"] for e in report["errors"]}
    detail = {}      # module -> the import error in full (its file, line and code)
    for f in report["functions"]:
        if f["module"] != module:
            module = f["module"]
            got = sum(g["score"] for g in report["functions"] if g["module"] == module)
            top = sum(g["max_score"] for g in report["functions"] if g["module"] == module)
            lines.append(f"{module:<32} {got:6.2f} / {top:g}")
        ran = [c for c in f["checks"] if c["status"] != "skipped"]
        # the check that is the point of the exercise first (scoring: capped_by)
        bad = sorted((c for c in ran if c["status"] != "passed"),
                     key=lambda c: c["name"].split("[", 1)[0] != f.get("capped_by"))
        if f["module"] in broken:       # one block for the module, not one per function
            status = t("term.module_broken")
            if bad:
                detail.setdefault(f["module"], bad[0]["message"].splitlines()[1:MESSAGE_LINES])
        else:
            status = _function_status(f, ran, bad)
            if bad and not _not_implemented(bad):
                failures.append((f, bad))
        lines.append(f"  {f['function']:<30} {f['score']:6.2f} / {f['max_score']:g}   {status}")
    lines.append("")
    for module, message in broken.items():
        lines.append(t("term.import_failed", module=module, message=message))
        lines.extend("  " + line for line in detail.get(module, []))
    for number, (f, bad) in enumerate(failures):
        if number == 0 or all_failures:
            lines.extend(_failure(f, bad))
        else:
            key = "term.failure_summary" if len(bad) > 1 else "term.failure_summary_one"
            lines.append(t(key, name=f"{f['module']}.{f['function']}",
                           count=len(bad), check=bad[0]["name"],
                           message=_first_line(bad[0]["message"])))
    if len(failures) > 1 and not all_failures:
        lines.extend(["", t("term.only_first_failure")])
    lines.extend(["", *_progress(report, submission)])
    return "\n".join(lines)


def _progress(report, submission, width=30):
    """The overall line and a pointer to the first function not yet at full marks."""
    functions = report["functions"]
    done = sum(f["score"] == f["max_score"] for f in functions)
    filled = round(width * report["score"] / report["max_score"]) if report["max_score"] else 0
    lines = [f"[{'#' * filled}{'.' * (width - filled)}] "
             + t("term.progress", done=done, total=len(functions), score=f"{report['score']:.2f}",
                 max_score=f"{report['max_score']:g}", seconds=f"{report['duration_s']:.1f}")]
    todo = next((f for f in functions if f["score"] < f["max_score"]), None)
    if todo:
        lines.append(t("term.next", name=f"{todo['module']}.{todo['function']}",
                       path=f"{submission}/{todo['module']}.py"))
    return lines


def _not_implemented(bad):
    # the session's sentence for a stub (up to the function's name), in the current language
    stub = t("session.not_implemented", function="\0").split("\0")[0]
    return all(c["message"].startswith(stub) for c in bad)


def _function_status(f, ran, bad):
    if "forbidden_op" in f:
        return t("term.forbidden", op=f["forbidden_op"])
    if not bad:
        return t("term.ok") if ran else t("term.no_checks_ran")
    if _not_implemented(bad):
        return t("term.not_implemented")
    return t("term.checks_failed", failed=len(bad), ran=len(ran))


def _printed(stdout):
    """What the student's code printed during the check, cut to a few lines."""
    if not stdout:
        return []
    shown = stdout[:PRINTED_CHARS].rstrip("\n").splitlines()[:MESSAGE_LINES]
    more = len(stdout) - sum(len(line) + 1 for line in shown)
    lines = ["    " + t("term.printed"), *("    | " + line for line in shown)]
    if more > 0:
        lines.append("    | " + t("term.printed_more", count=more))
    return lines


def _failure(f, bad):
    first = bad[0]
    status = t("status." + first["status"])
    head = f"--- {f['module']}.{f['function']} > {first['name']} ({status})"
    body = first["message"].splitlines()
    if len(body) > MESSAGE_LINES:
        body = body[:MESSAGE_LINES] + ["..."]
    lines = [head, *("    " + line for line in body), *_printed(first.get("stdout", ""))]
    if f.get("capped_by"):
        lines.append("    " + t("term.capped", check=f["capped_by"]))
    # checks that failed the way the first did (a forbidden op, a timeout ...) on one line
    same = [c for c in bad[1:] if (c["status"], _first_line(c["message"])) ==
            (first["status"], _first_line(first["message"]))]
    if same:
        lines.append("    " + t("term.also_same", status=t("status." + first["status"]),
                                checks=", ".join(c["name"] for c in same)))
    groups = {}      # the other failures, one line for each message they share
    for other in (c for c in bad[1:] if c not in same):
        key = (other["status"], _first_line(other["message"]))
        groups.setdefault(key, []).append(other["name"])
    for (status, message), names in groups.items():
        lines.append("    " + t("term.also", status=t("status." + status),
                                check=", ".join(names), message=message))
    lines.append("")
    return lines


def _first_line(message, width=SUMMARY_CHARS):
    """A message's first line, cut at a word boundary (with an ellipsis) past ``width``."""
    line = (message.splitlines() or [""])[0]
    if len(line) <= width:
        return line
    cut = line.rfind(" ", 0, width)
    return line[:cut if cut > width // 2 else width].rstrip(" ,;:") + " …"
