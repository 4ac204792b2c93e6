"""Forbidden ops by another route: each function is correct, so undetected it would
keep its points; the grader must see the forbidden op (or the escape) and give 0.
(Names such as ``torch`` are the submission module's: these bodies run there.)"""
# ruff: noqa: F821
from tests.hostile import attack


@attack("ex07_conv", "conv2d_loops")
def alias(x, weight, bias=None, stride=1, padding=0):
    """F.conv2d imported under another name (from torch.nn.functional import conv2d as c)."""
    from torch.nn.functional import conv2d as c
    return c(x, weight, bias, stride=stride, padding=padding)


@attack("ex04_activations", "sigmoid")
def getattr_name(x):
    """torch.sigmoid looked up by a name built at run time: getattr(torch, 'sig' + 'moid')."""
    return getattr(torch, "".join(["sig", "moid"]))(x)


@attack("ex05_softmax", "softmax")
def importlib_module(logits, dim=-1):
    """F.softmax reached through importlib.import_module('torch.nn.functional')."""
    import importlib
    return importlib.import_module("torch.nn." + "functional").softmax(logits, dim=dim)


@attack("ex08_knn", "pairwise_distances")
def aten_op(X, Y):
    """torch.ops.aten._cdist_forward called directly (no torch.cdist in the source)."""
    dtype = torch.promote_types(X.dtype, Y.dtype)
    dtype = dtype if dtype.is_floating_point else torch.float32
    return torch.ops.aten._cdist_forward(X.to(dtype), Y.to(dtype), 2.0, 2)


@attack("ex03_linear_regression", "linreg")
def nn_module(X, w, b):
    """An nn.Linear module loaded with w and b does the affine map."""
    layer = torch.nn.Linear(w.shape[0], w.shape[1], dtype=X.dtype, device=X.device)
    with torch.no_grad():
        layer.weight.copy_(w.T)
        layer.bias.copy_(b)
        return layer(X)


@attack("ex03_linear_regression", "linreg")
def torch_c_nn(X, w, b):
    """F.linear reached as torch._C._nn.linear."""
    return torch._C._nn.linear(X, w.T, b)


@attack("ex03_linear_regression", "normal_equation")
def variable_functions(X, y):
    """The normal equations solved with torch._C._VariableFunctions.inverse (torch.inverse unnamed)."""
    n, d = X.shape
    A = torch.cat([X, torch.ones(n, 1, dtype=X.dtype, device=X.device)], dim=1).double()
    theta = torch._C._VariableFunctions.inverse(A.T @ A) @ (A.T @ y.reshape(n, 1).double())
    theta = theta.to(X.dtype)
    return theta[:d], theta[d]


@attack("ex04_activations", "relu")
def numpy_route(x):
    """ReLU computed by NumPy on x.numpy(), brought back with torch.from_numpy."""
    import numpy as np
    return torch.from_numpy(np.maximum(x.detach().cpu().numpy(), 0)).to(x.device)


@attack("ex05_softmax", "log_softmax", requires=("scipy",))
def scipy_numpy(logits, dim=-1):
    """scipy.special.log_softmax on logits.numpy()."""
    import scipy.special
    return torch.from_numpy(scipy.special.log_softmax(logits.detach().numpy(), axis=dim))


@attack("ex07_conv", "conv2d_loops", requires=("scipy",))
def scipy_tolist(x, weight, bias=None, stride=1, padding=0):
    """scipy.signal.correlate on NumPy arrays built from x.tolist(), a door out of torch the bans do not list."""
    import numpy as np
    from scipy.signal import correlate
    p = padding
    xs = np.pad(np.array(x.tolist(), dtype=np.float64), ((0, 0), (0, 0), (p, p), (p, p)))
    ws = np.array(weight.tolist(), dtype=np.float64)
    out = np.stack([np.stack([correlate(xs[n], ws[f], mode="valid")[0] for f in range(ws.shape[0])])
                    for n in range(xs.shape[0])])[:, :, ::stride, ::stride]
    if bias is not None:
        out = out + np.array(bias.tolist())[None, :, None, None]
    return torch.tensor(out.tolist(), dtype=x.dtype, device=x.device)


@attack("ex04_activations", "tanh")
def ctypes_data_ptr(x):
    """tanh by NumPy on the tensor's raw memory, read through ctypes at x.data_ptr()."""
    import ctypes
    import numpy as np
    c = x.detach().contiguous()
    ctype = ctypes.c_double if c.dtype == torch.float64 else ctypes.c_float
    raw = np.ctypeslib.as_array((ctype * c.numel()).from_address(c.data_ptr()))
    return torch.tensor(np.tanh(raw).tolist(), dtype=x.dtype).reshape(x.shape)


@attack("ex05_softmax", "cross_entropy")
def dlpack_capsule(logits, labels):
    """Cross-entropy by NumPy on memory shared through torch._C._to_dlpack (DLPack without its wrapper)."""
    import numpy as np

    def view(t):
        capsule = torch._C._to_dlpack(t.detach().contiguous())

        class Shim:
            def __dlpack__(self, *args, **kwargs):
                return capsule

            def __dlpack_device__(self):
                return (1, 0)
        return np.from_dlpack(Shim())
    o, y = view(logits).astype(np.float64), view(labels)
    m = o.max(axis=1, keepdims=True)
    logp = (o - m) - np.log(np.exp(o - m).sum(axis=1, keepdims=True))
    return torch.tensor(float(-logp[np.arange(len(y)), y].mean()), dtype=logits.dtype)


@attack("ex01_tensors", "one_hot")
def pop_modes(labels, num_classes):
    """F.one_hot after popping the grader's tracing modes off both mode stacks (pushed back after)."""
    import torch.nn.functional as F
    from torch.utils import _python_dispatch
    if labels.numel() and (int(labels.min()) < 0 or int(labels.max()) >= num_classes):
        raise ValueError("every label must lie in [0, num_classes)")
    function_mode = torch._C._pop_torch_function_stack()
    dispatch_mode = _python_dispatch._pop_mode()
    try:
        return F.one_hot(labels, num_classes).float()
    finally:
        _python_dispatch._push_mode(dispatch_mode)
        torch._C._push_on_torch_function_stack(function_mode)


@attack("ex08_knn", "knn_vote")
def disable_guards(neighbor_labels, num_classes):
    """torch.mode inside torch._C.DisableTorchFunction() and torch._C._DisableTorchDispatch()."""
    with torch._C.DisableTorchFunction(), torch._C._DisableTorchDispatch():
        return torch.mode(neighbor_labels.sort(dim=1).values, dim=1).values


@attack("ex05_softmax", "softmax_backward")
def function_state(grad_out, probs, dim=-1):
    """aten _softmax_backward_data with torch._C._set_torch_function_state(ALL_DISABLED) and the Python dispatch key excluded."""
    state = torch._C._get_torch_function_state()
    torch._C._set_torch_function_state(torch._C._TorchFunctionState.ALL_DISABLED)
    try:
        with torch._C._ExcludeDispatchKeyGuard(torch._C.DispatchKeySet(torch._C.DispatchKey.Python)):
            return torch._softmax_backward_data(grad_out, probs, dim % probs.dim(), probs.dtype)
    finally:
        torch._C._set_torch_function_state(state)


@attack("ex07_conv", "conv2d_unfold")
def thread(x, weight, bias=None, stride=1, padding=0):
    """F.conv2d run in a new thread, where the (thread-local) tracing modes are not active."""
    import threading
    import torch.nn.functional as F
    out = []
    helper = threading.Thread(target=lambda: out.append(
        F.conv2d(x, weight, bias, stride=stride, padding=padding)))
    helper.start()
    helper.join()
    return out[0]


@attack("ex08_knn", "knn_regress")
def fork_child(X_train, y_train, X_test, k):
    """torch.cdist run in a forked child (its trace dies with it), the distances piped back as a list."""
    import os
    import pickle
    if not 1 <= k <= X_train.shape[0]:
        raise ValueError(f"k must be in [1, {X_train.shape[0]}]")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            torch.set_num_threads(1)   # the parent's OpenMP pool does not survive a fork
            D = torch.cdist(X_test.double(), X_train.double(),
                            compute_mode="donot_use_mm_for_euclid_dist")
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(pickle.dumps(D.tolist()))
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        D = torch.tensor(pickle.loads(pipe.read()), dtype=torch.float64)
    os.waitpid(pid, 0)
    idx = D.sort(dim=1, stable=True).indices[:, :k]
    y = y_train if y_train.is_floating_point() else y_train.float()
    return y[idx].mean(dim=1).to(X_test.device)


@attack("ex04_activations", "tanh")
def raw_thread(x):
    """torch.tanh in a thread started with _thread.start_new_thread (no threading module)."""
    import _thread
    import time
    out = []
    _thread.start_new_thread(lambda: out.append(torch.tanh(x)), ())
    while not out:
        time.sleep(0.001)
    return out[0]


@attack("ex08_knn", "pairwise_distances")
def subprocess_python(X, Y):
    """torch.cdist in a new Python process (subprocess.run), the distances read back as text."""
    import json
    import subprocess
    import sys
    code = ("import json, sys, torch; a, b = json.load(sys.stdin); "
            "print(json.dumps(torch.cdist(torch.tensor(a, dtype=torch.float64), "
            "torch.tensor(b, dtype=torch.float64)).tolist()))")
    proc = subprocess.run([sys.executable, "-c", code], input=json.dumps([X.tolist(), Y.tolist()]),
                          capture_output=True, text=True, check=True)
    dtype = torch.promote_types(X.dtype, Y.dtype)
    return torch.tensor(json.loads(proc.stdout), dtype=torch.float64).to(dtype)


@attack("ex05_softmax", "softmax")
def posix_fork(logits, dim=-1):
    """F.softmax in a child made by posix.fork (not os.fork), the result piped back as a list."""
    import os
    import pickle
    import posix
    read_end, write_end = os.pipe()
    pid = posix.fork()
    if pid == 0:
        try:
            torch.set_num_threads(1)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(pickle.dumps(torch.softmax(logits.double(), dim=dim).tolist()))
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        out = pickle.loads(pipe.read())
    os.waitpid(pid, 0)
    return torch.tensor(out, dtype=torch.float64).to(logits.dtype)


IMPORT_TIME_THREAD = """
import queue as _queue
import threading as _threading
_JOBS, _DONE = _queue.Queue(), _queue.Queue()


def _serve():
    import torch.nn.functional as _F
    while True:
        args = _JOBS.get()
        _DONE.put(_F.max_pool2d(*args))


_threading.Thread(target=_serve, daemon=True).start()
"""


@attack("ex07_conv", "max_pool2d", prelude=IMPORT_TIME_THREAD)
def import_time_thread(x, kernel_size, stride=None):
    """F.max_pool2d computed by a thread started at import (before any trace), fed through a queue."""
    _JOBS.put((x, kernel_size, stride or kernel_size))
    return _DONE.get()


IMPORT_TIME_PROCESS = """
import os as _os
import pickle as _pickle
_REQUEST_R, _REQUEST_W = _os.pipe()
_REPLY_R, _REPLY_W = _os.pipe()
if _os.fork() == 0:
    import torch as _torch
    _torch.set_num_threads(1)
    with _os.fdopen(_REQUEST_R, "rb") as _requests, _os.fdopen(_REPLY_W, "wb") as _replies:
        while True:
            _x = _torch.tensor(_pickle.load(_requests), dtype=_torch.float64)
            _pickle.dump(_torch.sigmoid(_x).tolist(), _replies)
            _replies.flush()
    _os._exit(0)
_REQUESTS, _REPLIES = _os.fdopen(_REQUEST_W, "wb"), _os.fdopen(_REPLY_R, "rb")
"""


@attack("ex04_activations", "sigmoid", prelude=IMPORT_TIME_PROCESS)
def import_time_process(x):
    """torch.sigmoid computed by a child process forked at import, the values piped both ways as lists."""
    import pickle
    pickle.dump(x.tolist(), _REQUESTS)
    _REQUESTS.flush()
    return torch.tensor(pickle.load(_REPLIES), dtype=torch.float64).to(x.dtype).to(x.device)


@attack("ex05_softmax", "cross_entropy_backward")
def gc_trace(logits, labels):
    """torch.softmax, then the tracer's Trace objects found with gc and their op lists cleared."""
    import gc
    N = logits.shape[0]
    p = torch.softmax(logits, dim=1)
    p[torch.arange(N), labels] -= 1
    out = p / N
    for obj in gc.get_objects():
        if type(obj).__name__ == "Trace" and isinstance(getattr(obj, "ops", None), dict):
            obj.ops.clear()
    return out


@attack("ex05_softmax", "log_softmax")
def frame_locals(logits, dim=-1):
    """torch.log_softmax, then the Trace found in the calling frames' variables (sys._getframe) and cleared."""
    import sys
    out = torch.log_softmax(logits, dim=dim)
    frame = sys._getframe(1)
    while frame is not None:
        for value in list(frame.f_locals.values()):
            if isinstance(getattr(value, "ops", None), dict):
                value.ops.clear()
        frame = frame.f_back
    return out


@attack("ex04_activations", "relu_backward")
def inspect_frames(grad_out, x):
    """The gradient by autograd, then every op list in the callers' frames (inspect.stack) cleared."""
    import inspect
    leaf = x.detach().clone().requires_grad_(True)
    leaf.clamp(min=0).backward(grad_out)
    for info in inspect.stack():
        for value in list(info.frame.f_locals.values()):
            if isinstance(getattr(value, "ops", None), dict):
                value.ops.clear()
    return leaf.grad


@attack("ex04_activations", "sigmoid")
def mode_stack(x):
    """torch.sigmoid, then the Trace reached from the mode stack (torch._C._get_function_stack_at) and cleared."""
    out = torch.sigmoid(x)
    for i in range(torch._C._len_torch_function_stack()):
        mode = torch._C._get_function_stack_at(i)
        if isinstance(getattr(getattr(mode, "trace", None), "ops", None), dict):
            mode.trace.ops.clear()
    return out


@attack("ex02_gradient_descent", "numerical_gradient")
def wrapped_original(f, x, eps=1e-6):
    """The gradient by autograd's backward through functools.wraps' __wrapped__, the original the recorder wraps."""
    backward = getattr(torch.autograd.backward, "__wrapped__", None)
    if backward is None:
        raise NotImplementedError("no way around the recorder")
    leaf = x.detach().clone().requires_grad_(True)
    backward(f(leaf))
    return leaf.grad


@attack("ex07_conv", "max_pool2d")
def encode_time(x, kernel_size, stride=None):
    """A Tensor subclass named Tensor whose detach() runs F.max_pool2d while the reply is encoded, after tracing."""
    import torch.nn.functional as F

    class Tensor(torch.Tensor):
        def detach(self):
            return F.max_pool2d(self.source, kernel_size, stride)
    s = kernel_size if stride is None else stride
    shape = (*x.shape[:-2], (x.shape[-2] - kernel_size) // s + 1,
             (x.shape[-1] - kernel_size) // s + 1)
    out = x.new_empty(shape).as_subclass(Tensor)
    out.source = x
    return out


@attack("ex04_activations", "sigmoid")
def inplace_sigmoid(x):
    """torch's sigmoid in its in-place spelling on a copy: x.clone().sigmoid_()."""
    return x.clone().sigmoid_()


@attack("ex04_activations", "tanh")
def inplace_tanh(x):
    """torch's tanh in its in-place spelling on a copy: torch.tanh_(x.clone())."""
    return torch.tanh_(x.clone())


@attack("ex06_mlp", "mlp_loss_and_grads")
def autograd_engine(X, y, params):
    """Reverse-mode autograd by calling the C++ engine directly: Variable._execution_engine.run_backward."""
    leaves = {k: v.detach().clone().requires_grad_(True) for k, v in params.items()}
    h = (X @ leaves["W1"] + leaves["b1"]).clamp_min(0)
    scores = h @ leaves["W2"] + leaves["b2"]
    z = scores - scores.detach().amax(1, keepdim=True)
    rows = torch.arange(X.shape[0], device=X.device)
    loss = (z.exp().sum(1).log() - z[rows, y]).mean()
    engine = torch.autograd.Variable._execution_engine
    grads = engine.run_backward((loss,), (torch.ones_like(loss),), False, False,
                                tuple(leaves.values()), False)
    return loss.detach(), {k: g for k, g in zip(leaves, grads)}


@attack("ex05_softmax", "softmax_jacobian")
def forward_ad(p):
    """The Jacobian by forward-mode AD (torch.autograd.forward_ad dual numbers), one JVP per basis vector."""
    import torch.autograd.forward_ad as fwAD
    o = p.log()
    cols = []
    for j in range(p.shape[-1]):
        tangent = torch.zeros_like(o)
        tangent[..., j] = 1
        with fwAD.dual_level():
            out = torch.softmax(fwAD.make_dual(o, tangent), -1)
            cols.append(fwAD.unpack_dual(out).tangent)
    return torch.stack(cols, -1)


@attack("ex05_softmax", "softmax")
def decomp_softmax(logits, dim=-1):
    """torch's own softmax through its Python decomposition torch._decomp.decompositions._softmax."""
    import torch._decomp.decompositions as DD
    return DD._softmax(logits, dim, False)


@attack("ex05_softmax", "cross_entropy")
def decomp_cross_entropy(logits, labels):
    """torch's nll_loss_forward and _log_softmax decompositions (torch._decomp.decompositions)."""
    import torch._decomp.decompositions as DD
    return DD.nll_loss_forward(DD._log_softmax(logits, 1, False), labels, None, 1, -100)[0]


@attack("ex07_conv", "max_pool2d")
def decomp_max_pool(x, kernel_size, stride=None):
    """torch's max_pool2d_with_indices decomposition (torch._decomp.decompositions)."""
    import torch._decomp.decompositions as DD
    stride = stride or kernel_size
    return DD.max_pool2d_with_indices(x, [kernel_size] * 2, [stride] * 2)[0]


@attack("ex08_knn", "pairwise_distances")
def decomp_cdist(X, Y):
    """torch's _euclidean_dist decomposition, what cdist runs (torch._decomp.decompositions)."""
    import torch._decomp.decompositions as DD
    return DD._euclidean_dist(X, Y)


@attack("ex07_conv", "conv2d_loops")
def decomp_im2col(x, weight, bias=None, stride=1, padding=0):
    """The convolution by torch's im2col decomposition (unfold / im2col are banned) and one matmul."""
    import torch._decomp.decompositions as DD
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    OH = (H + 2 * padding - KH) // stride + 1
    OW = (W + 2 * padding - KW) // stride + 1
    cols = DD.im2col(x, [KH, KW], [1, 1], [padding, padding], [stride, stride])
    out = weight.reshape(F, -1) @ cols
    if bias is not None:
        out = out + bias.reshape(1, F, 1)
    return out.reshape(N, F, OH, OW)


@attack("ex07_conv", "pad2d")
def refs_pad(x, padding):
    """torch._refs.constant_pad_nd: F.pad's reference implementation, which runs as prims."""
    import torch._refs as R
    return R.constant_pad_nd(x, [padding] * 4, 0)


@attack("ex05_softmax", "softmax")
def alias_safe_softmax(logits, dim=-1):
    """aten::_safe_softmax (torch._safe_softmax): a softmax under another name."""
    return torch._safe_softmax(logits, dim)


@attack("ex05_softmax", "log_softmax")
def alias_sparse_log_softmax(logits, dim=-1):
    """torch.sparse.log_softmax on a sparse copy holding every entry, made dense again."""
    index = torch.ones(logits.shape, dtype=torch.bool, device=logits.device).nonzero().T
    sparse = torch.sparse_coo_tensor(index, logits[tuple(index)], logits.shape,
                                     check_invariants=False).coalesce()
    return torch.sparse.log_softmax(sparse, dim % logits.dim()).to_dense()


@attack("ex03_linear_regression", "normal_equation")
def cholesky_inverse(X, y):
    """(A^T A)^-1 A^T y with torch.cholesky_inverse, an inverse whose name is not one of the banned."""
    n, d = X.shape
    A = torch.cat([X, torch.ones(n, 1, dtype=X.dtype, device=X.device)], 1)
    theta = torch.cholesky_inverse(torch.linalg.cholesky(A.T @ A)) @ A.T @ y.reshape(n, 1)
    return theta[:d], theta[d]


@attack("ex04_activations", "sigmoid")
def logsigmoid(x):
    """torch's sigmoid as exp(F.logsigmoid(x))."""
    import torch.nn.functional as F
    return F.logsigmoid(x).exp()


@attack("ex04_activations", "sigmoid")
def glu_sigmoid(x):
    """F.glu on [1, x] is 1 * sigmoid(x): torch's sigmoid kernel under the name glu."""
    import torch.nn.functional as F
    return F.glu(torch.stack([torch.ones_like(x), x]), 0)[0]


@attack("ex04_activations", "relu")
def threshold_relu(x):
    """F.threshold(x, 0, 0) is ReLU under another name."""
    import torch.nn.functional as F
    return F.threshold(x, 0.0, 0.0)


@attack("ex03_linear_regression", "squared_loss")
def huber_mse(y_hat, y):
    """F.huber_loss with an infinite delta, exactly (y_hat - y)^2 / 2 (F.mse_loss under another name)."""
    import torch.nn.functional as F
    return F.huber_loss(y_hat, y.reshape(y_hat.shape), reduction="none", delta=1e300)


POSTTRACE_DETACH = """
_HOSTILE_PENDING = {}
_hostile_detach = torch.Tensor.detach


def _hostile_late_detach(self, *args, **kwargs):
    job = _HOSTILE_PENDING.pop(id(self), None)
    if job is not None:
        import torch.nn.functional as _F
        self.copy_(_F.max_pool2d(*job))
    return _hostile_detach(self, *args, **kwargs)


torch.Tensor.detach = _hostile_late_detach
"""


@attack("ex07_conv", "max_pool2d", prelude=POSTTRACE_DETACH)
def posttrace_detach(x, kernel_size, stride=None):
    """An empty tensor that F.max_pool2d fills when the reply is encoded (torch.Tensor.detach patched at import), after tracing."""
    s = stride or kernel_size
    N, C, H, W = x.shape
    out = x.new_empty(N, C, (H - kernel_size) // s + 1, (W - kernel_size) // s + 1)
    _HOSTILE_PENDING[id(out)] = (x, kernel_size, s)
    return out


@attack("ex05_softmax", "softmax")
def thread_start_new_alias(logits, dim=-1):
    """torch.softmax in a thread started by _thread.start_new, the old alias of start_new_thread."""
    import _thread
    import time
    box = []
    _thread.start_new(lambda: box.append(torch.softmax(logits, dim)), ())
    while not box:
        time.sleep(0.0005)
    return box[0]


TLS_EXCLUDE_JIT = """
from typing import Optional as _Optional


@torch.jit.script
def _hostile_conv(x, w, b: _Optional[torch.Tensor], stride: int, padding: int):
    return torch.nn.functional.conv2d(x, w, b, stride, padding)
"""


@attack("ex07_conv", "conv2d_unfold", prelude=TLS_EXCLUDE_JIT)
def tls_exclude_jit(x, weight, bias=None, stride=1, padding=0):
    """F.conv2d in TorchScript with the Python dispatch keys excluded through torch._C._dispatch_tls_set_dispatch_key_excluded."""
    keys = torch._C.DispatchKey
    exclude = torch._C._dispatch_tls_set_dispatch_key_excluded
    exclude(keys.Python, True)
    exclude(keys.PythonTLSSnapshot, True)
    try:
        return _hostile_conv(x, weight, bias, stride, padding)
    finally:
        exclude(keys.Python, False)
        exclude(keys.PythonTLSSnapshot, False)


NNC_FUSER = """
torch._C._jit_override_can_fuse_on_cpu(True)
torch._C._jit_set_texpr_fuser_enabled(True)
torch._C._jit_set_te_must_use_llvm_cpu(False)
torch._C._jit_set_fusion_strategy([("DYNAMIC", 20)])


def _hostile_sig(x):
    return torch.sigmoid(x) * 1.0 + 0.0


_hostile_fused = torch.jit.script(_hostile_sig)
for _dt in (torch.float32, torch.float64):       # profiled at import, before any trace
    for _shape in ((6,), (5, 7)):
        for _ in range(4):
            _hostile_fused(torch.randn(_shape, dtype=_dt))
    for _ in range(4):
        _hostile_fused(torch.randn(7, 5, dtype=_dt).T)
"""


@attack("ex04_activations", "sigmoid", prelude=NNC_FUSER)
def nnc_fuser(x):
    """torch.sigmoid in a TorchScript function fused by NNC (the TensorExpr fuser switched on for CPU at import)."""
    return _hostile_fused(x)


CUSTOM_OP = """
@torch.library.custom_op("hostile::lsm", mutates_args=())
def _hostile_lsm(x: torch.Tensor, dim: int) -> torch.Tensor:
    return torch.log_softmax(x, dim)
"""


@attack("ex05_softmax", "log_softmax", prelude=CUSTOM_OP)
def custom_op_kernel(logits, dim=-1):
    """torch.log_softmax inside the CPU kernel of a torch.library.custom_op registered at import."""
    return _hostile_lsm(logits, dim)


@attack("ex02_gradient_descent", "gradient_descent")
def optim_no_init(f, x0, lr, steps):
    """torch.optim.SGD made with object.__new__ (its recorded __init__ never runs), then its own step()."""
    import collections
    x = x0.detach().clone().requires_grad_(True)
    opt = object.__new__(torch.optim.SGD)
    opt.defaults = dict(lr=lr, momentum=0, dampening=0, weight_decay=0, nesterov=False,
                        maximize=False, foreach=None, differentiable=False, fused=None)
    opt.param_groups = [dict(opt.defaults, params=[x])]
    opt.state = collections.defaultdict(dict)
    for hooks in ("_optimizer_step_pre_hooks", "_optimizer_step_post_hooks",
                  "_optimizer_state_dict_pre_hooks", "_optimizer_state_dict_post_hooks",
                  "_optimizer_load_state_dict_pre_hooks", "_optimizer_load_state_dict_post_hooks"):
        setattr(opt, hooks, {})
    opt._zero_grad_profile_name = "zero_grad"
    for _ in range(steps):
        opt.zero_grad()
        f(x).backward()
        opt.step()
    return x.detach()


@attack("ex03_linear_regression", "data_iter")
def utils_data_sampler(batch_size, features, labels, generator=None):
    """torch.utils.data without DataLoader (the one name recorded): TensorDataset, RandomSampler, BatchSampler."""
    from torch.utils.data import BatchSampler, RandomSampler, TensorDataset
    dataset = TensorDataset(features, labels)
    for batch in BatchSampler(RandomSampler(dataset, generator=generator), batch_size, drop_last=False):
        index = torch.tensor(batch, device=features.device)
        yield dataset.tensors[0][index], dataset.tensors[1][index]
