"""The one table: modules, functions, points and forbidden operations.

Points add up to 100. A function's points are split evenly over its checks that
ran; calling a forbidden operation zeroes the function.

Each entry also declares how much CPU time one call may take (Note [Time limits]
in grader/engine/session.py): QUICK unless the contract itself makes a call cost
seconds, and then enough for the slowest honest code the contract allows.

Forbidden operations are fnmatch patterns over *bare op names*, the names the
tracer records for every torch call (see grader/engine/tracer.py): a Python-level
function or method name (``conv2d``, ``sigmoid``, ``backward``) or an aten op
name, both without leading underscores and without the ``linalg_`` / ``special_``
prefixes, plus ``optim.<Class>`` and ``DataLoader`` recorded by patched entry
points. Each entry is (what the student is told, patterns).
"""
from typing import NamedTuple

QUICK = 10.0     # CPU seconds per call: honest code for these takes milliseconds


class Entry(NamedTuple):
    points: int
    bans: list                  # (what the student is told, patterns)
    cpu_seconds: float = QUICK  # CPU time one call may take, before --timeout-scale
    # the check that is the reason the function exists (its name without parameters):
    # failing it leaves at most half the points, whatever else passes
    essential: str = ""


STABLE, VECTORISED = "stable_for_large_logits", "vectorised"


AUTOGRAD = ("autograd", ["backward", "grad", "vjp", "jvp", "jacobian", "hessian",
                         "jacrev", "jacfwd", "vmap", "hvp", "vhp", "func.*",
                         "autograd.*", "make_dual", "unpack_dual", "*fw_primal*"])
OPTIM = ("torch.optim", ["optim.*"])
LINEAR = ("nn.Linear / F.linear", ["linear"])
SOFTMAXES = ("torch's softmax / log_softmax / logsumexp",
             ["*softmax*", "logsumexp"])   # _safe_, _masked_, sparse_ ... softmax too
CONV = ("conv* (F.conv2d, nn.Conv2d, aten convolution)",
        ["conv[0-9]d", "conv_*", "convolution*", "*_convolution*", "slow_conv*",
         "thnn_conv*", "mkldnn_conv*", "cudnn_conv*", "conv_tbc"])
MAXPOOL = ("max_pool* / adaptive_max_pool*", ["*max_pool*"])
ANY_TORCH = ("torch (this one is NumPy only)", ["*"])
# Every function: switching the tracer off is never part of an exercise.
TAMPERING = ("switching off the grader's tracing, or computing where it cannot see (another process)",
             ["tracer.tamper"])
# Functions whose point is a torch computation by hand also may not leave torch for
# NumPy, SciPy or raw memory (the data has to cross one of these doors to get there).
ESCAPES = ("leaving torch (NumPy, SciPy, raw memory)",
           ["numpy", "__array__", "data_ptr", "untyped_storage", "storage", "__dlpack__",
            "dlpack.*"])
DATA = ("torch.utils.data (DataLoader, samplers, datasets)", ["DataLoader", "utils.data.*"])
_NOT_TORCH_LIBRARY_BANS = {"autograd", "torch.optim", DATA[0]}

CURRICULUM = {
    "ex01_tensors": {
        "flatten_images": Entry(1, []),
        "add_channel_bias": Entry(2, []),
        "one_hot": Entry(2, [("F.one_hot", ["one_hot"])]),
        "accuracy": Entry(2, []),
        "topk_accuracy": Entry(3, []),
    },
    "ex02_gradient_descent": {
        "numerical_gradient": Entry(4, [AUTOGRAD]),
        "gradient_descent": Entry(3, [OPTIM]),
        "himmelblau": Entry(1, []),
        # 20000 steps are the contract's default: a per-start torch.optim.Adam loop (the
        # seed notes') costs 18 s of CPU a start on a quiet slow 2-core box, 26 s beside
        # other work (hyperthreads share a core), and a call gets <= 3 starts
        "find_minima": Entry(4, [], cpu_seconds=240),
    },
    "ex03_linear_regression": {
        "synthetic_data": Entry(2, []),
        "data_iter": Entry(2, [DATA]),
        "linreg": Entry(1, [LINEAR]),
        "squared_loss": Entry(1, [("F.mse_loss / nn.MSELoss (or a loss that is one in disguise)",
                              ["mse_loss*", "huber_loss*", "smooth_l1_loss*",
                               "gaussian_nll_loss*"])]),
        "sgd": Entry(2, [OPTIM]),
        "train_linreg": Entry(3, [OPTIM, LINEAR], cpu_seconds=30),
        "normal_equation": Entry(3, [("torch.linalg.inv / torch.inverse / pinv",
                                 ["inv", "inv_ex", "*inverse*", "pinv*", "tensorinv"])]),
    },
    "ex04_activations": {
        "sigmoid": Entry(2, [("torch.sigmoid / F.sigmoid / torch.special.expit (or logsigmoid, "
                         "glu, silu)", ["sigmoid", "expit", "log_sigmoid*", "logsigmoid",
                                        "glu*", "silu*"])]),
        "sigmoid_backward": Entry(1, [AUTOGRAD, ("sigmoid_backward", ["sigmoid_backward"])]),
        "tanh": Entry(2, [("torch.tanh / F.tanh", ["tanh", "tanhshrink"])]),
        "tanh_backward": Entry(1, [AUTOGRAD, ("tanh_backward", ["tanh_backward"])]),
        "relu": Entry(1, [("torch.relu / F.relu (or F.threshold, leaky_relu, elu ...)",
                      ["relu", "threshold", "leaky_relu*", "rrelu*", "prelu", "elu",
                       "celu"])]),
        "relu_backward": Entry(2, [AUTOGRAD, ("threshold_backward", ["threshold_backward"])]),
    },
    "ex05_softmax": {
        "softmax": Entry(2, [SOFTMAXES], essential=STABLE),
        "log_softmax": Entry(2, [SOFTMAXES], essential=STABLE),
        "softmax_jacobian": Entry(2, [AUTOGRAD]),
        "softmax_backward": Entry(3, [AUTOGRAD, SOFTMAXES]),
        "cross_entropy": Entry(3, [("F.cross_entropy / F.nll_loss",
                               ["cross_entropy*", "nll_loss*"]), SOFTMAXES], essential=STABLE),
        "cross_entropy_backward": Entry(2, [AUTOGRAD, SOFTMAXES]),
        "cross_entropy_numpy": Entry(2, [ANY_TORCH], essential=STABLE),
    },
    "ex06_mlp": {
        "init_mlp": Entry(2, []),
        "mlp_forward": Entry(2, [LINEAR]),
        "mlp_backward": Entry(5, [AUTOGRAD]),
        "mlp_loss_and_grads": Entry(3, [AUTOGRAD, ("F.cross_entropy", ["cross_entropy*", "nll_loss*"])],
                                    essential="large_scores_stable"),
        # 1000 full-batch epochs, traced: ~3 s for the reference, ~6 s for CS231n's loop
        "train_mlp": Entry(3, [AUTOGRAD, OPTIM], cpu_seconds=60),
    },
    "ex07_conv": {
        "pad2d": Entry(2, [("F.pad", ["pad", "constant_pad_nd"])]),
        "conv2d_loops": Entry(4, [CONV, ("unfold / im2col", ["unfold", "im2col"]),
                             ("as_strided", ["as_strided*"]), ("einsum", ["einsum"])]),
        "conv2d_unfold": Entry(5, [CONV], essential=VECTORISED),
        "max_pool2d": Entry(3, [MAXPOOL], essential=VECTORISED),
    },
    "ex08_knn": {
        "pairwise_distances": Entry(3, [("cdist / pdist / F.pairwise_distance",
                                    ["cdist*", "euclidean_dist", "pdist*", "pairwise_distance"])],
                                    essential=VECTORISED),
        "knn_vote": Entry(2, [("torch.mode", ["mode"])]),
        "knn_predict": Entry(3, [("cdist", ["cdist*", "euclidean_dist"]), ("torch.mode", ["mode"])]),
        "knn_regress": Entry(2, [("cdist", ["cdist*", "euclidean_dist"])]),
    },
}


def points(module, function):
    return CURRICULUM[module][function].points


def cpu_seconds(module, function):
    """The CPU time one call of ``function`` may take (before --timeout-scale)."""
    return CURRICULUM[module][function].cpu_seconds


def forbidden(module, function):
    """Every ban of ``function``: its own, tampering, and (where the point is torch by
    hand, i.e. it bans a torch library op) the escapes out of torch."""
    bans = list(CURRICULUM[module][function].bans)
    if any(label not in _NOT_TORCH_LIBRARY_BANS and label != ANY_TORCH[0] for label, _ in bans):
        bans.append(ESCAPES)
    return bans + [TAMPERING]


def essential(module, function):
    """The name of the check that is the reason ``function`` exists, or ''."""
    return CURRICULUM[module][function].essential


def all_functions():
    """(module, function) pairs in curriculum order."""
    return [(m, f) for m, fns in CURRICULUM.items() for f in fns]


assert sum(e.points for fns in CURRICULUM.values() for e in fns.values()) == 100
