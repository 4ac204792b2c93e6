"""What the student reads: progress while checks run, then the table and failures."""
import sys

MARKS = {"passed": ".", "failed": "F", "error": "E", "skipped": "s"}
MESSAGE_LINES = 8
PRINTED_CHARS = 300


class Progress:
    """One line per module filled with a mark per check: ``ex07_conv  ....F.s``."""

    def __init__(self, stream=sys.stderr):
        self.stream, self.module = stream, None

    def __call__(self, result):
        if result.module != self.module:
            if self.module is not None:
                self.stream.write("\n")
            self.module = result.module
            self.stream.write(f"{result.module:<24} ")
        self.stream.write(MARKS[result.status])
        self.stream.flush()

    def done(self):
        if self.module is not None:
            self.stream.write("\n\n")
            self.stream.flush()


def render(report, submission="exercises", all_failures=False):
    lines, failures, module = [], [], None
    for f in report["functions"]:
        if f["module"] != module:
            module = f["module"]
            got = sum(g["score"] for g in report["functions"] if g["module"] == module)
            top = sum(g["max_score"] for g in report["functions"] if g["module"] == module)
            lines.append(f"{module:<32} {got:6.2f} / {top:g}")
        ran = [c for c in f["checks"] if c["status"] != "skipped"]
        bad = [c for c in ran if c["status"] != "passed"]
        status = _function_status(f, ran, bad)
        lines.append(f"  {f['function']:<30} {f['score']:6.2f} / {f['max_score']:g}   {status}")
        if bad and not _not_implemented(bad):
            failures.append((f, bad))
    lines.append("")
    for error in report["errors"]:
        lines.append(f"! {error['module']} could not be imported: {error['message']}")
    for number, (f, bad) in enumerate(failures):
        if number == 0 or all_failures:
            lines.extend(_failure(f, bad))
        else:
            lines.append(f"--- {f['module']}.{f['function']}: {len(bad)} checks failed, e.g. "
                         f"{bad[0]['name']}: {bad[0]['message'].splitlines()[0][:90]}")
    if len(failures) > 1 and not all_failures:
        lines.extend(["", "(only the first failure in full: --all-failures shows every one)"])
    lines.extend(["", *_progress(report, submission)])
    return "\n".join(lines)


def _progress(report, submission, width=30):
    """The overall line and a pointer to the first function not yet at full marks."""
    functions = report["functions"]
    done = sum(f["score"] == f["max_score"] for f in functions)
    filled = round(width * report["score"] / report["max_score"]) if report["max_score"] else 0
    lines = [f"[{'#' * filled}{'.' * (width - filled)}] {done}/{len(functions)} functions "
             f"complete, {report['score']:.2f} / {report['max_score']:g} points"
             f"   ({report['duration_s']:.1f} s)"]
    todo = next((f for f in functions if f["score"] < f["max_score"]), None)
    if todo:
        lines.append(f"Next: {todo['module']}.{todo['function']} — open "
                     f"{submission}/{todo['module']}.py")
    return lines


def _not_implemented(bad):
    return all(c["message"].startswith("not implemented yet") for c in bad)


def _function_status(f, ran, bad):
    if "forbidden_op" in f:
        return f"forbidden: calls {f['forbidden_op']}"
    if not bad:
        return "ok" if ran else "no checks ran"
    if _not_implemented(bad):
        return "not implemented yet"
    return f"{len(bad)} of {len(ran)} checks failed"


def _printed(stdout):
    """What the student's code printed during the check, cut to a few lines."""
    if not stdout:
        return []
    shown = stdout[:PRINTED_CHARS].rstrip("\n").splitlines()[:MESSAGE_LINES]
    more = len(stdout) - sum(len(line) + 1 for line in shown)
    lines = ["    your code printed:", *("    | " + line for line in shown)]
    if more > 0:
        lines.append(f"    | ... ({more} more characters not shown)")
    return lines


def _failure(f, bad):
    first = bad[0]
    head = f"--- {f['module']}.{f['function']} > {first['name']} ({first['status']})"
    body = first["message"].splitlines()
    if len(body) > MESSAGE_LINES:
        body = body[:MESSAGE_LINES] + ["..."]
    lines = [head, *("    " + line for line in body), *_printed(first.get("stdout", ""))]
    for other in bad[1:]:
        lines.append(f"    also {other['status']}: {other['name']}: "
                     f"{other['message'].splitlines()[0][:100]}")
    lines.append("")
    return lines
