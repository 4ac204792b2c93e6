"""The one table: modules, functions, points and forbidden operations.

Points add up to 100. A function's points are split evenly over its checks that
ran; calling a forbidden operation zeroes the function.

Forbidden operations are fnmatch patterns over *bare op names*, the names the
tracer records for every torch call (see grader/engine/tracer.py): a Python-level
function or method name (``conv2d``, ``sigmoid``, ``backward``) or an aten op
name, both without leading underscores and without the ``linalg_`` / ``special_``
prefixes, plus ``optim.<Class>`` and ``DataLoader`` recorded by patched entry
points. Each entry is (what the student is told, patterns).
"""

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
        "flatten_images": (1, []),
        "add_channel_bias": (2, []),
        "one_hot": (2, [("F.one_hot", ["one_hot"])]),
        "accuracy": (2, []),
        "topk_accuracy": (3, []),
    },
    "ex02_gradient_descent": {
        "numerical_gradient": (4, [AUTOGRAD]),
        "gradient_descent": (3, [OPTIM]),
        "himmelblau": (1, []),
        "find_minima": (4, []),
    },
    "ex03_linear_regression": {
        "synthetic_data": (2, []),
        "data_iter": (2, [DATA]),
        "linreg": (1, [LINEAR]),
        "squared_loss": (1, [("F.mse_loss / nn.MSELoss (or a loss that is one in disguise)",
                              ["mse_loss*", "huber_loss*", "smooth_l1_loss*",
                               "gaussian_nll_loss*"])]),
        "sgd": (2, [OPTIM]),
        "train_linreg": (3, [OPTIM, LINEAR]),
        "normal_equation": (3, [("torch.linalg.inv / torch.inverse / pinv",
                                 ["inv", "inv_ex", "*inverse*", "pinv*", "tensorinv"])]),
    },
    "ex04_activations": {
        "sigmoid": (2, [("torch.sigmoid / F.sigmoid / torch.special.expit (or logsigmoid, "
                         "glu, silu)", ["sigmoid", "expit", "log_sigmoid*", "logsigmoid",
                                        "glu*", "silu*"])]),
        "sigmoid_backward": (1, [AUTOGRAD, ("sigmoid_backward", ["sigmoid_backward"])]),
        "tanh": (2, [("torch.tanh / F.tanh", ["tanh", "tanhshrink"])]),
        "tanh_backward": (1, [AUTOGRAD, ("tanh_backward", ["tanh_backward"])]),
        "relu": (1, [("torch.relu / F.relu (or F.threshold, leaky_relu, elu ...)",
                      ["relu", "threshold", "leaky_relu*", "rrelu*", "prelu", "elu",
                       "celu"])]),
        "relu_backward": (2, [AUTOGRAD, ("threshold_backward", ["threshold_backward"])]),
    },
    "ex05_softmax": {
        "softmax": (2, [SOFTMAXES]),
        "log_softmax": (2, [SOFTMAXES]),
        "softmax_jacobian": (2, [AUTOGRAD]),
        "softmax_backward": (3, [AUTOGRAD, SOFTMAXES]),
        "cross_entropy": (3, [("F.cross_entropy / F.nll_loss",
                               ["cross_entropy*", "nll_loss*"]), SOFTMAXES]),
        "cross_entropy_backward": (2, [AUTOGRAD, SOFTMAXES]),
        "cross_entropy_numpy": (2, [ANY_TORCH]),
    },
    "ex06_mlp": {
        "init_mlp": (2, []),
        "mlp_forward": (2, [LINEAR]),
        "mlp_backward": (5, [AUTOGRAD]),
        "mlp_loss_and_grads": (3, [AUTOGRAD, ("F.cross_entropy", ["cross_entropy*", "nll_loss*"])]),
        "train_mlp": (3, [AUTOGRAD, OPTIM]),
    },
    "ex07_conv": {
        "pad2d": (2, [("F.pad", ["pad", "constant_pad_nd"])]),
        "conv2d_loops": (4, [CONV, ("unfold / im2col", ["unfold", "im2col"]),
                             ("as_strided", ["as_strided*"]), ("einsum", ["einsum"])]),
        "conv2d_unfold": (5, [CONV]),
        "max_pool2d": (3, [MAXPOOL]),
    },
    "ex08_knn": {
        "pairwise_distances": (3, [("cdist / pdist / F.pairwise_distance",
                                    ["cdist*", "euclidean_dist", "pdist*", "pairwise_distance"])]),
        "knn_vote": (2, [("torch.mode", ["mode"])]),
        "knn_predict": (3, [("cdist", ["cdist*", "euclidean_dist"]), ("torch.mode", ["mode"])]),
        "knn_regress": (2, [("cdist", ["cdist*", "euclidean_dist"])]),
    },
}


def points(module, function):
    return CURRICULUM[module][function][0]


def forbidden(module, function):
    """Every ban of ``function``: its own, tampering, and (where the point is torch by
    hand, i.e. it bans a torch library op) the escapes out of torch."""
    bans = list(CURRICULUM[module][function][1])
    if any(label not in _NOT_TORCH_LIBRARY_BANS and label != ANY_TORCH[0] for label, _ in bans):
        bans.append(ESCAPES)
    return bans + [TAMPERING]


def all_functions():
    """(module, function) pairs in curriculum order."""
    return [(m, f) for m, fns in CURRICULUM.items() for f in fns]


assert sum(p for fns in CURRICULUM.values() for p, _ in fns.values()) == 100
