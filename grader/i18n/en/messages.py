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
    "term.import_failed": "! {module} could not be imported: {message}",
    "term.failure_summary": "--- {name}: {count} checks failed, e.g. {check}: {message}",
    "term.only_first_failure": "(only the first failure in full: --all-failures shows every one)",
    "term.progress": "{done}/{total} functions complete, {score} / {max_score} points   "
                     "({seconds} s)",
    "term.next": "Next: {name} — open {path}",
    "term.printed": "your code printed:",
    "term.printed_more": "... ({count} more characters not shown)",
    "term.also": "also {status}: {check}: {message}",

    # -- engine/session.py ----------------------------------------------------------
    "session.worker_failed": "the grader's worker failed to start: {log}",
    "session.importing": "importing {module}",
    "session.the_call": "the call",
    "session.timed_out": "timed out: {what} took longer than {seconds} s "
                         "(an infinite loop, or far too slow?)",
    "session.not_run": "not run: {function} already timed out {count} times in this grading run",
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
    "forbidden.tampering": "switching off the grader's tracing",

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
    "cmp.raised_instead": "{what} raised {got}; expected {exception}",
    "cmp.returned_instead": "{what} returned {got} instead of raising {exception}",
}
