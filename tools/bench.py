"""Time your implementations against torch's own, on the same inputs, in one run.

    make bench                          # your exercises/
    make bench SUBMISSION=solutions     # the reference solutions
    python tools/bench.py DIR [--quick] [--budget SECONDS]

Your own benchmark, not a grade: the modules of DIR are imported into this
process and nothing checks that their results are right (``make grade`` does).
Every row runs one of your functions and torch's counterpart on the same
tensors, times both with ``torch.utils.benchmark.Timer`` and prints the two
medians and their ratio (yours / torch; 1.00x is as fast as torch). A function
that raises NotImplementedError reads "not implemented", any other exception
shows its type, and a first call longer than --budget seconds is interrupted
and reads "too slow". ``--quick`` uses tiny sizes and one timed call: it checks
that the bench runs, its numbers mean nothing.
"""
import argparse
import contextlib
import importlib.util
import os
import signal
import statistics
import sys
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable

import torch
import torch.nn.functional as F
from torch.utils import benchmark

MODULES = ("ex06_mlp", "ex07_conv", "ex08_knn")
MIN_RUN_TIME = 1.0  # seconds of timed calls behind each median, per side
ROUNDS = 5  # ... taken in this many alternating rounds
# conv: (N, C, H, W, filters); pool: (N, C, H, W); dist: (M, N, D);
# mlp: (batch, D, H, C); knn: (train, test, D, k)
FULL = {"loops": (2, 3, 16, 16, 8), "conv": (8, 16, 32, 32, 32), "pool": (8, 16, 32, 32),
        "dist": (2000, 5000, 64), "mlp": (512, 784, 256, 10), "knn": (5000, 1000, 64, 5)}
QUICK = {"loops": (1, 2, 5, 5, 3), "conv": (2, 3, 8, 8, 4), "pool": (2, 3, 8, 8),
         "dist": (20, 30, 8), "mlp": (16, 20, 8, 3), "knn": (50, 10, 8, 3)}
GENERATOR = torch.Generator().manual_seed(0)  # the same inputs on every run
TORCH = ("torch: F.conv2d (conv rows), F.max_pool2d, torch.cdist, autograd's backward "
         "(knn_predict: cdist + topk + mode)")


class TooSlow(Exception):
    """A first call ran past its time budget."""


class Submission:
    """The submission's modules, imported by path; a failed import is raised again on use."""

    def __init__(self, directory: Path):
        sys.path.insert(0, str(directory))  # a module may import its siblings
        self.modules = {name: self._load(directory / f"{name}.py") for name in MODULES}

    @staticmethod
    def _load(path: Path):
        if not path.exists():
            return FileNotFoundError(f"no {path.name}")
        try:
            spec = importlib.util.spec_from_file_location(path.stem, path)
            module = importlib.util.module_from_spec(spec)
            sys.modules[path.stem] = module
            spec.loader.exec_module(module)
            return module
        except Exception as e:  # noqa: BLE001 (a student's module may raise anything)
            return e

    def __call__(self, module: str, function: str) -> Callable:
        """Your ``module.function``; raises the module's import error if it had one."""
        loaded = self.modules[module]
        if isinstance(loaded, BaseException):
            raise loaded
        return getattr(loaded, function)


@dataclass
class Case:
    """One row: your function and torch's counterpart on the same inputs."""

    name: str
    size: str
    yours: Callable[[], Callable]  # looks your function up, prepares, returns the call to time
    torch: Callable  # torch's call: torch() or, with torch_setup, torch(torch_setup())
    torch_setup: Callable | None = None  # untimed, run afresh before every timed call
    device: str = "cpu"


def randn(*shape: int, device: str = "cpu") -> torch.Tensor:
    return torch.randn(*shape, generator=GENERATOR).to(device)


def your_call(sub: Submission, module: str, function: str, *args, **kwargs) -> Callable[[], Callable]:
    """Your ``module.function(*args, **kwargs)``, looked up when its row runs."""
    return lambda: partial(sub(module, function), *args, **kwargs)


def conv_case(sub: Submission, name: str, shape: tuple, device: str = "cpu") -> Case:
    N, C, H, W, Fo = shape
    x, w, b = randn(N, C, H, W, device=device), randn(Fo, C, 3, 3, device=device), randn(Fo, device=device)
    size = f"x {N}×{C}×{H}×{W}, {Fo} filters 3×3, pad 1" + (f" ({device})" if device != "cpu" else "")
    return Case(name, size, your_call(sub, "ex07_conv", name, x, w, b, padding=1),
                partial(F.conv2d, x, w, b, padding=1), device=device)


def pool_and_dist_cases(sub: Submission, sizes: dict) -> list[Case]:
    N, C, H, W = sizes["pool"]
    x = randn(N, C, H, W)
    M, N2, D = sizes["dist"]
    X, Y = randn(M, D), randn(N2, D)
    return [Case("max_pool2d", f"x {N}×{C}×{H}×{W}, kernel 2", your_call(sub, "ex07_conv", "max_pool2d", x, 2),
                 partial(F.max_pool2d, x, 2)),
            Case("pairwise_distances", f"X {M}×{D}, Y {N2}×{D}",
                 your_call(sub, "ex08_knn", "pairwise_distances", X, Y), partial(torch.cdist, X, Y))]


def mlp_case(sub: Submission, sizes: dict) -> Case:
    N, D, H, C = sizes["mlp"]
    X, dscores = randn(N, D), randn(N, C) / N  # (N, D), (N, C)
    params = {"W1": randn(D, H) * (2 / D) ** 0.5, "b1": 0.1 * randn(H),
              "W2": randn(H, C) * (2 / H) ** 0.5, "b2": 0.1 * randn(C)}

    def prepare():  # your backward starts from your own forward's cache (built untimed)
        _, cache = sub("ex06_mlp", "mlp_forward")(X, params)
        return partial(sub("ex06_mlp", "mlp_backward"), dscores, cache, params)

    leaves = [p.clone().requires_grad_() for p in params.values()]

    def forward():
        W1, b1, W2, b2 = leaves
        return torch.relu(X @ W1 + b1) @ W2 + b2  # (N, C)

    def backward(scores):  # d/dparams of (scores * dscores).sum(); retain_graph: Timer's warm-up reuses it
        return torch.autograd.grad(scores, leaves, dscores, retain_graph=True)

    # Forward cost excluded, not subtracted: forward() is Timer setup, a fresh graph before each timed backward.
    return Case("mlp_backward", f"batch {N}, {D}→{H}→{C}", prepare, backward, torch_setup=forward)


def knn_case(sub: Submission, sizes: dict) -> Case:
    N, M, D, k = sizes["knn"]
    X_train, X_test = randn(N, D), randn(M, D)
    y_train = torch.randint(0, 10, (N,), generator=GENERATOR)

    def reference():
        idx = torch.cdist(X_test, X_train).topk(k, dim=1, largest=False).indices  # (M, k)
        return y_train[idx].mode(dim=1).values  # (M,)

    return Case("knn_predict", f"{N} train, {M} test, {D} dims, k={k}",
                your_call(sub, "ex08_knn", "knn_predict", X_train, y_train, X_test, k, num_classes=10),
                reference)


def all_cases(sub: Submission, sizes: dict) -> list[Case]:
    cases = [conv_case(sub, "conv2d_loops", sizes["loops"]), conv_case(sub, "conv2d_unfold", sizes["conv"])]
    if torch.cuda.is_available():
        torch.backends.cudnn.allow_tf32 = False  # cuDNN in true float32, like your matmul
        cases.append(conv_case(sub, "conv2d_unfold", sizes["conv"], device="cuda"))
    return cases + pool_and_dist_cases(sub, sizes) + [mlp_case(sub, sizes), knn_case(sub, sizes)]


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise TooSlow in the body once ``seconds`` have passed (SIGALRM: Linux and macOS)."""
    def interrupt(signum, frame):
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def sampler(fn: Callable, setup: Callable | None, quick: bool) -> Callable[[], list[float]]:
    """Returns a function that times fn() (or fn(setup()), setup untimed and fresh per call) for
    about MIN_RUN_TIME / ROUNDS seconds and returns the seconds per call of each block."""
    threads = torch.get_num_threads()  # Timer would otherwise pin 1 thread
    if setup is None:
        timer = benchmark.Timer("fn()", globals={"fn": fn}, num_threads=threads)
        if quick:
            return lambda: timer.timeit(1).times
        return lambda: timer.blocked_autorange(min_run_time=MIN_RUN_TIME / ROUNDS).times
    timer = benchmark.Timer("fn(arg)", setup="arg = setup()", globals={"fn": fn, "setup": setup},
                            num_threads=threads)

    def fresh_setup_per_call():  # timeit(1): setup, 2 warm-up calls, setup again, 1 timed call
        times = [timer.timeit(1).median]
        while not quick and sum(times) < MIN_RUN_TIME / ROUNDS and len(times) < 50:
            times.append(timer.timeit(1).median)
        return times

    return fresh_setup_per_call


def medians(mine: Callable, theirs: Callable, rounds: int) -> tuple[float, float]:
    """Alternate short rounds of both sides, so a busy machine slows both alike; the medians."""
    mine_times, their_times = [], []
    for _ in range(rounds):
        mine_times += mine()
        their_times += theirs()
    return statistics.median(mine_times), statistics.median(their_times)


def run_case(case: Case, budget: float, quick: bool) -> tuple[float, float] | str:
    """(your median, torch's median) in seconds, or what went wrong with yours."""
    try:
        with time_limit(budget):
            call = case.yours()
            start = time.perf_counter()
            call()
            if case.device == "cuda":
                torch.cuda.synchronize()
            first = time.perf_counter() - start
        rounds = 1 if quick else max(1, min(ROUNDS, int(MIN_RUN_TIME / first)))  # a slow call: fewer rounds
        return medians(sampler(call, None, quick), sampler(case.torch, case.torch_setup, quick), rounds)
    except NotImplementedError:
        return "not implemented"
    except TooSlow:
        return f"too slow (> {budget:g} s)"
    except Exception as e:  # noqa: BLE001 (student code may raise anything)
        return f"{type(e).__name__}: {e}"[:60].splitlines()[0]


def print_row(name: str, size: str, result: tuple[float, float] | str) -> None:
    if isinstance(result, str):
        print(f"{name:<20}{size:<38}  {result}", flush=True)
        return
    mine, theirs = result
    print(f"{name:<20}{size:<38}{mine * 1e3:>11.3f}{theirs * 1e3:>12.3f}{mine / theirs:>9.2f}x", flush=True)


def memory_lines(sub: Submission, sizes: dict) -> list[str]:
    """The point of im2col's cost: its column matrix against the input it was copied from."""
    N, C, H, W, Fo = sizes["conv"]
    mb = lambda numel: f"{numel * 4 / 2**20:.2f} MB"  # noqa: E731  (float32)
    lines = [f"memory (analytic, float32, not measured): conv2d_unfold's column matrix "
             f"[{N}, {C}·3·3, {H}·{W}] = {mb(N * C * 9 * H * W)} vs input {mb(N * C * H * W)} "
             f"and output {mb(N * Fo * H * W)}: every input value copied 3·3 times"]
    if torch.cuda.is_available():
        case = conv_case(sub, "conv2d_unfold", sizes["conv"], device="cuda")
        with contextlib.suppress(Exception):
            mine, theirs = cuda_peak_bytes(case.yours()), cuda_peak_bytes(case.torch)
            lines.append(f"memory (measured, cuda peak above inputs): conv2d_unfold {mine / 2**20:.1f} MB "
                         f"vs F.conv2d (cuDNN) {theirs / 2**20:.1f} MB")
    return lines


def cuda_peak_bytes(fn: Callable) -> int:
    torch.cuda.synchronize()
    torch.cuda.reset_peak_memory_stats()
    before = torch.cuda.memory_allocated()
    fn()
    torch.cuda.synchronize()
    return torch.cuda.max_memory_allocated() - before


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("submission", nargs="?", default="exercises", help="directory of exNN_*.py modules")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one timed call (tests the bench)")
    parser.add_argument("--budget", type=float, default=5.0, help="seconds allowed for a first call")
    args = parser.parse_args(argv)
    if not Path(args.submission).is_dir():
        parser.exit(2, f"bench: no such directory: {args.submission}\n")
    return args


def print_header(args: argparse.Namespace) -> None:
    device = f"cuda ({torch.cuda.get_device_name()}) + cpu" if torch.cuda.is_available() else "cpu"
    print(f"torch {torch.__version__} | device {device} | {torch.get_num_threads()} threads"
          f" | submission {args.submission}" + (" | --quick: numbers mean nothing" if args.quick else ""))
    load, cores = os.getloadavg()[0], os.cpu_count() or 1
    if load > cores:
        print(f"busy machine (load {load:.1f} on {cores} cores): expect noisy timings, run again later")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = QUICK if args.quick else FULL
    sub = Submission(Path(args.submission))
    print_header(args)
    print(f"{'name':<20}{'size':<38}{'yours (ms)':>11}{'torch (ms)':>12}{'ratio':>10}")
    for case in all_cases(sub, sizes):
        print_row(case.name, case.size, run_case(case, args.budget, args.quick))
    print(TORCH)
    print("\n".join(memory_lines(sub, sizes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
