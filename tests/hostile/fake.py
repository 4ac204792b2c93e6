"""Outputs that fake equality: objects and tensors built to compare equal to anything,
NaN, the input handed back, nothing at all, values whose repr raises or never ends."""
# ruff: noqa: F821
from tests.hostile import attack

# A tensor subclass that agrees with everything it is compared to (defined inside the
# submission, where torch is imported).
AGREEABLE = '''
class _HostileAgreeable(torch.Tensor):
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        name = getattr(func, "__name__", "")
        if name in ("isclose", "eq", "__eq__", "isfinite", "ge", "le"):
            return torch.ones(tuple(args[0].shape), dtype=torch.bool)
        if name in ("ne", "__ne__", "isnan", "isinf"):
            return torch.zeros(tuple(args[0].shape), dtype=torch.bool)
        if name in ("allclose", "equal", "all"):
            return True
        return super().__torch_function__(func, types, args, kwargs)

    def __eq__(self, other):
        return torch.ones(tuple(self.shape), dtype=torch.bool)

    def __ne__(self, other):
        return torch.zeros(tuple(self.shape), dtype=torch.bool)

    __hash__ = torch.Tensor.__hash__
'''


@attack("ex06_mlp", "mlp_backward", prelude=AGREEABLE)
def subclass_eq(dscores, cache, params):
    """Zero gradients as a Tensor subclass whose __eq__ and __torch_function__ (isclose, allclose, equal, all) always agree."""
    return {name: torch.zeros_like(p).as_subclass(_HostileAgreeable) for name, p in params.items()}


@attack("ex06_mlp", "mlp_loss_and_grads", prelude=AGREEABLE)
def subclass_named_tensor(X, y, params):
    """A zero loss and zero gradients as an agreeable Tensor subclass renamed 'Tensor', so the boundary takes them for plain tensors."""
    _HostileAgreeable.__name__ = _HostileAgreeable.__qualname__ = "Tensor"
    loss = X.new_zeros(()).as_subclass(_HostileAgreeable)
    return loss, {name: torch.zeros_like(p).as_subclass(_HostileAgreeable)
                  for name, p in params.items()}


@attack("ex08_knn", "knn_vote")
def eq_object(neighbor_labels, num_classes):
    """An object equal to everything, with __array__, __float__, __index__, __len__, __iter__, shape, dtype and device that fit."""
    class Agreeable:
        shape = (neighbor_labels.shape[0],)
        dtype = torch.long
        device = neighbor_labels.device

        def __eq__(self, other):
            return True

        def __ne__(self, other):
            return False

        __hash__ = object.__hash__

        def __array__(self, *args, **kwargs):
            import numpy as np
            return np.zeros(self.shape, dtype=np.int64)

        def __float__(self):
            return 0.0

        def __index__(self):
            return 0

        def __len__(self):
            return self.shape[0]

        def __iter__(self):
            return iter([0] * self.shape[0])

        def __bool__(self):
            return True

        def __getattr__(self, name):      # .all(), .cpu(), .detach() ... all agree
            return lambda *args, **kwargs: self
    return Agreeable()


@attack("ex05_softmax", "softmax_jacobian")
def nan(p):
    """A tensor of the right shape, dtype and device full of NaN (NaN compares equal under equal_nan)."""
    return torch.full((*p.shape, p.shape[-1]), float("nan"), dtype=p.dtype, device=p.device)


@attack("ex04_activations", "sigmoid")
def alias_input(x):
    """Returns its input itself: right shape, dtype and device, untouched input, wrong values."""
    return x


@attack("ex07_conv", "max_pool2d")
def do_nothing(x, kernel_size, stride=None):
    """Computes nothing and returns None (no torch calls at all, inputs untouched)."""
    return None


@attack("ex03_linear_regression", "sgd")
def repr_raises(params, lr, batch_size):
    """Returns an object whose __repr__, __str__ and __format__ raise."""
    class Unprintable:
        def __repr__(self):
            raise RuntimeError("no repr")
        __str__ = __format__ = __repr__
    return Unprintable()


@attack("ex06_mlp", "mlp_loss_and_grads")
def repr_base_exception(X, y, params):
    """Returns an object whose __repr__ raises KeyboardInterrupt (a BaseException that `except Exception` misses)."""
    class Interrupting:
        def __repr__(self):
            raise KeyboardInterrupt
        __str__ = __repr__
    return Interrupting(), {}


@attack("ex02_gradient_descent", "himmelblau")
def repr_loops(x):
    """Returns an object whose __repr__ and __str__ never return."""
    class Endless:
        def __repr__(self):
            while True:
                pass
        __str__ = __repr__
    return Endless()
