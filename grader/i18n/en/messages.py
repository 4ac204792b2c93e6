"""General messages of the grader: CLI, terminal, session, bans, comparisons."""
MESSAGES = {
    "lang.unknown": "unknown language {lang!r}: choose one of {choices}",

    # -- cli.py ---------------------------------------------------------------------
    "cli.no_such_directory": "no such directory: {path}",
    "cli.not_a_directory": "not a directory: {path}",
    "cli.not_a_submission": "not a submission: {path} holds none of the modules ({modules})",
    "cli.unknown_selection": "--only {selection}: no such module or function in the curriculum",

    # -- engine/terminal.py ---------------------------------------------------------
    "status.passed": "passed",
    "status.failed": "failed",
    "status.error": "error",
    "status.skipped": "skipped",
    "term.ok": "ok",
    "term.no_checks_ran": "no checks ran",
    "term.not_implemented": "not implemented yet",
    "term.checks_failed": "{failed} of {ran} checks failed",
    "term.forbidden": "forbidden: calls {op}",
    "term.capped": "{check} is the point of this exercise: while it fails, the function "
                   "earns at most half its points",
    "term.import_failed": "! {module} could not be imported: {message}",
    "term.module_broken": "not graded: the module does not import",
    "term.failure_summary": "--- {name}: {count} checks failed, e.g. {check}: {message}",
    "term.failure_summary_one": "--- {name}: 1 check failed, {check}: {message}",
    "term.also_same": "also {status} for the same reason: {checks}",
    "term.only_first_failure": "(only the first failure in full: --all-failures shows every one)",
    "term.progress": "{done}/{total} functions complete, {score} / {max_score} points   "
                     "({seconds} s)",
    "term.next": "Next: {name} — open {path}",
    "term.printed": "your code printed:",
    "term.printed_more": "... ({count} more characters not shown)",
    "term.also": "also {status}: {check}: {message}",

    # -- engine/session.py ----------------------------------------------------------
    "session.sandbox_failed": "the grader could not set up the sandbox of a worker ({why}); this is not the submission's fault. The worker's log ends with:\n{log}",
    "session.module_missing": "{module}.py is not in the submission",
    "session.worker_failed": "the grader's worker failed to start: {log}",
    "session.importing": "importing {module}",
    "session.the_call": "the call",
    "session.timed_out": "timed out: {what} used more than {seconds} s of CPU time, its "
                         "limit (an infinite loop, or far too slow?)",
    "session.stopped_at": "where it was when it was stopped:",
    "session.wall_timed_out": "timed out: {what} was still running after {seconds} s of "
                              "wall-clock time without using up its CPU time (is it "
                              "sleeping, or waiting for input or a lock?)",
    "session.not_run": "not run: {function} already timed out or crashed {count} times in this "
                       "grading run",
    "session.refused_reply": "the reply was refused ({error}); the worker was stopped",
    "session.over_budget": "not run: {function}'s calls already took {seconds} s of wall-clock "
                           "time in this grading run, past its backstop of {budget} s "
                           "(sleeping or waiting calls)",
    "session.missing": "{module} has no function {function}: did you rename or delete it?",
    "session.not_implemented": "not implemented yet ({function} raises NotImplementedError)",
    "session.out_of_memory": "ran out of memory in {where} ({error})",
    "session.while_importing": "while importing {module}",
    "session.during_call": "during the call",
    "session.stopped": "the worker process stopped {where} ({error})",
    "session.crashed": "the process crashed {where}: {signal}",
    "session.exited": "the process exited {where} with status {status} "
                      "(sys.exit / os._exit in the submission?)",
    "signal.SIGSEGV": "segmentation fault",
    "signal.SIGKILL": "killed, often for memory",
    "signal.SIGXCPU": "CPU time limit",
    "signal.SIGABRT": "aborted",

    # -- engine/forbidden.py --------------------------------------------------------
    "forbidden.message": "{function} called {op}, which this exercise forbids ({label}): "
                         "the point is to write it yourself",
    "forbidden.numpy_only": "torch (this one is NumPy only)",
    "forbidden.escapes": "leaving torch (NumPy, SciPy, raw memory)",
    "forbidden.tampering": "switching off the grader's tracing, or computing where it cannot see (another process)",

    # -- suites/common.py -----------------------------------------------------------
    "cmp.output": "output",
    "cmp.a_tensor": "a tensor of shape {shape}, {dtype}, on {device}",
    "cmp.not_a_tensor": "{what} should be a torch.Tensor, got {got}",
    "cmp.shape": "{what} has shape {got}, expected {expected}",
    "cmp.dtype": "{what} has dtype {got}, expected {expected}",
    "cmp.device": "{what} is on {got}, expected {expected} (the device of the input)",
    "cmp.not_finite": "{what} has {kind} at {index}{more} where the expected value is finite",
    "cmp.and_more": " (and {count} more)",
    "cmp.worst": "{what} differs at {off} of {total} elements; worst at {index}: "
                 "got {got}, expected {expected} (allowed difference {allowed})",
    "cmp.not_a_float": "{what} should be a Python float, got {got}",
    "cmp.use_item": " (use .item())",
    "cmp.float_differs": "{what} is {got}, expected {expected}",
    "cmp.modified_input": "the call modified its input {name} in place; "
                          "work on a copy (x.clone()) or build a new tensor",
    "cmp.not_vectorised": "{what} made {small} torch calls on the small input and {large} "
                          "on the larger one: it loops in Python over positions; vectorise it",
    "cmp.grew_at": "the calls grew most at {file}:{line}, in {function} ({small} -> {large})",
    "cmp.raised_instead": "{what} raised {got}; expected {exception}",
    "cmp.returned_instead": "{what} returned {got} instead of raising {exception}",

    # -- watch.py -------------------------------------------------------------------
    "watch.bad_interval": "--interval must be a positive number of seconds, not {interval}",
    "watch.watching": "Watching {name}/: save a module to grade it again; Ctrl-C stops.",
    "watch.public_only": "Public checks only: the hidden checks run when your instructor grades.",
    "watch.missing": "! {module}.py is missing: its last result stays until the file is back.",
    "watch.changed": "{time}  {modules} changed: graded again",
    "watch.stopped": "Stopped watching {name}/.",

    # -- cli.py: a student release ----------------------------------------------------
    "cli.public_only": "Public checks only: the hidden checks run when your instructor grades, "
                       "so full marks here do not guarantee full marks there.",

    # -- engine/notebook.py -----------------------------------------------------------
    "notebook.needs_nbformat": "{name}: grading a notebook needs nbformat (pip install nbformat)",
    "notebook.too_large": "larger than {size} MB (clear its outputs)",
    "notebook.cells_not_a_list": "its cells are not a list of cells",
    "notebook.unreadable": "{name} is not a notebook the grader can read: {reason}",

    # -- batch/ -----------------------------------------------------------------------
    "batch.jobs": "--jobs must be at least 1, not {jobs}",
    "batch.submission_timeout": "--submission-timeout must be positive",
    "batch.timeout_scale": "--timeout-scale must be positive",
    "batch.out_inside": "--out {out} is inside {submissions}: it would be graded as a student",
    "batch.out_not_a_directory": "--out {out} is not a directory",
    "batch.no_submissions": "no submissions in {submissions} "
                            "(expected one folder or .zip per student)",
    "batch.cannot_create": "cannot create {path}: {error}",
    "batch.ignored": "ignored (not a folder or a .zip, or a repeated name): {names}",
    "batch.progress": "[{done}/{total}] {student} {score}  {status}  ({seconds} s)",
    "batch.interrupted": "interrupted",
    "batch.wrote": "Wrote {gradebook}, {checks} and {reports}/",
    "batch.graded": "Graded {graded} of {total} submissions in {seconds} s.",
    "batch.not_graded": "not graded: {student}: {status}",
    "batch.scores": "Scores (not graded counts as 0): mean {mean}, median {median}, "
                    "min {min}, max {max}",
    "batch.worst_functions": "Worst functions (mean share of their points):",
    "batch.worst_checks": "Worst checks (students passing / students where it ran):",
    "batch.all_passed": "Every graded student passed every check.",
}
