"""What crosses the boundary between the grader and a worker: plain data only.

Both sides use this file. A message is a length-prefixed ``torch.save`` blob; the
grader loads it with ``weights_only=True``, so loading never runs code from the
submission. Values are encoded as tagged tuples, so a student's tuple can never be
mistaken for a tensor or a function:

    ("py", value)                          int, float, bool, str, bytes, None
    ("tensor", data, requires_grad, grad, type name)
    ("list" | "tuple", [items]) / ("dict", [(key, value), ...])
    ("ndarray", tensor) / ("npscalar", value, dtype name)
    ("dtype", "float64") / ("device", "cuda:0")
    ("iter", [items], type name)           an iterator, consumed by the worker
    ("fn", source) / ("gen", seed, device) a callable / a torch.Generator to rebuild
    ("opaque", type name, repr, handle)    anything else: reported, never rebuilt by the
                                           grader; the worker keeps the object under
                                           ``handle`` for a later call ("kept", handle):
                                           a cache mlp_forward returns for mlp_backward
"""
import hmac
import io
import struct
import time
from _hashlib import hmac_digest as _hmac   # C: nothing for a submission to patch on the way

import torch

try:
    from .printable import printable
except ImportError:         # in the worker, loaded as a top-level module
    from printable import printable

MAX_MESSAGE = 1 << 31     # bytes; a larger reply is a protocol error
MAX_ITEMS = 100_000       # items taken from an iterator or a container
MAX_DEPTH = 20
MAX_NODES = 1_000_000     # values decoded from one message: shared references in a pickle
                          # could otherwise make a few kB decode for ever
MAC_BYTES = 32
KEEP = 64                 # objects a worker keeps for later calls (oldest dropped)
_kept = {}                # in the worker: handle -> object
_PY = (int, float, bool, str, bytes, type(None))


class ProtocolError(Exception):
    pass


_save = torch.save      # bound before any submission runs (it may patch torch.save)


def send(sock, obj, key=None, nonce=b""):
    """``key``: the reply is signed (HMAC of the request's ``nonce`` and the message):
    a submission that writes its own reply on the worker's socket has no key."""
    buf = io.BytesIO()
    _save(obj, buf)
    data = buf.getvalue()
    mac = _hmac(key, nonce + data, "sha256") if key is not None else b""
    sock.sendall(struct.pack("!Q", len(data)) + mac + data)


def recv(sock, deadline=None, key=None, nonce=b""):
    """The next message; ``deadline`` (time.monotonic()) bounds the whole message, so
    a reply trickled a byte at a time cannot hold the reader past it. With ``key``, one
    signed for ``nonce`` (send) or a ProtocolError."""
    (size,) = struct.unpack("!Q", _read_exact(sock, 8, deadline))
    if size > MAX_MESSAGE:
        raise ProtocolError(f"message of {size} bytes")
    mac = _read_exact(sock, MAC_BYTES, deadline) if key is not None else b""
    data = _read_exact(sock, size, deadline)
    if key is not None and not hmac.compare_digest(mac, _hmac(key, nonce + data, "sha256")):
        raise ProtocolError("a reply the worker did not sign (written by the submission?)")
    try:
        return torch.load(io.BytesIO(data), weights_only=True)
    except Exception as e:
        raise ProtocolError(f"unreadable message: {type(e).__name__}: {e}") from None


def _read_exact(sock, n, deadline=None):
    chunks, left = [], n
    while left:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("reply not complete in time")
            sock.settimeout(remaining)
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            raise EOFError("connection closed")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class Fn:
    """A callable the grader passes to student code, sent as its source text."""

    NAMESPACE = {"torch": torch, "math": __import__("math")}

    def __init__(self, source):
        self.source = source
        self._fn = eval(source, dict(self.NAMESPACE))

    def __call__(self, *args, **kwargs):
        return self._fn(*args, **kwargs)

    def __repr__(self):
        return self.source


class Gen:
    """A torch.Generator the grader passes in, rebuilt from its seed on the other side."""

    def __init__(self, seed, device="cpu"):
        self.seed, self.device = seed, str(device)

    def build(self):
        return torch.Generator(device=self.device).manual_seed(self.seed)

    def __repr__(self):
        return f"torch.Generator().manual_seed({self.seed})"


class Opaque:
    """Something a student returned that is not plain data (a handle: the worker
    still holds it, and passing it back in a later call gives the object back)."""

    def __init__(self, type_name, text, handle=None):
        self.type_name, self.text, self.handle = type_name, text, handle

    def __repr__(self):
        return f"<{self.type_name}: {self.text}>"


class Iterated(list):
    """The items an iterator produced, with the iterator's type name."""

    type_name = "generator"


def encode(obj, depth=0):
    if depth > MAX_DEPTH:
        return ("opaque", "nesting", "too deeply nested")
    if isinstance(obj, torch.Tensor):
        return _encode_tensor(obj, depth)
    if type(obj) in _PY:
        return ("py", obj)
    if isinstance(obj, (list, tuple)) and type(obj) in (list, tuple, Iterated):
        items = [encode(x, depth + 1) for x in obj[:MAX_ITEMS]]
        if type(obj) is Iterated:
            return ("iter", items, obj.type_name)
        return (type(obj).__name__, items)
    if type(obj) is dict:
        return ("dict", [(encode(k, depth + 1), encode(v, depth + 1))
                         for k, v in list(obj.items())[:MAX_ITEMS]])
    if isinstance(obj, torch.dtype):
        return ("dtype", str(obj).removeprefix("torch."))
    if isinstance(obj, torch.device):
        return ("device", str(obj))
    if isinstance(obj, Fn):
        return ("fn", obj.source)
    if isinstance(obj, Gen):
        return ("gen", obj.seed, obj.device)
    if isinstance(obj, Opaque) and isinstance(obj.handle, int):
        return ("kept", obj.handle)
    np = _numpy()
    if np is not None and type(obj) is np.ndarray and obj.dtype.kind in "biuf":
        return ("ndarray", torch.from_numpy(obj.copy()))
    if np is not None and isinstance(obj, np.generic):
        return ("npscalar", obj.item(), obj.dtype.name)
    return ("opaque", _type_name(obj), _safe_repr(obj), _keep(obj))


def _keep(obj):
    handle = max(_kept, default=0) + 1
    _kept[handle] = obj
    while len(_kept) > KEEP:
        del _kept[min(_kept)]
    return handle


def _encode_tensor(t, depth):
    if type(t) not in (torch.Tensor, torch.nn.Parameter):
        # decided on the exact type, before any method a subclass may override runs
        return ("opaque", _type_name(t), "a torch.Tensor subclass")
    name = type(t).__name__
    with torch._C.DisableTorchFunction():
        data = torch.Tensor._make_subclass(torch.Tensor, t.detach(), False)
        grad = t.grad if t.is_leaf else None
    grad = None if grad is None else encode(grad, depth + 1)
    return ("tensor", data, bool(t.requires_grad), grad, name)


def decode(msg, rebuild_callables=False, depth=0, budget=None):
    """Plain Python values back from ``msg``.

    Only the worker passes ``rebuild_callables=True`` (for what the grader sent it):
    the grader never rebuilds a callable from what a worker sent.
    """
    budget = [MAX_NODES] if budget is None else budget
    budget[0] -= 1
    if budget[0] < 0:
        raise ProtocolError(f"more than {MAX_NODES} values in one message")
    if not isinstance(msg, tuple) or not msg or depth > MAX_DEPTH + 2:
        raise ProtocolError("malformed value")
    tag = msg[0]
    if tag == "py":
        return printable(msg[1]) if type(msg[1]) is str else msg[1]
    if tag == "tensor":
        _, data, requires_grad, grad, name = msg
        if type(data) is not torch.Tensor:
            raise ProtocolError("malformed tensor")
        if name not in ("Tensor", "Parameter"):
            return Opaque(name, "a torch.Tensor subclass")
        t = data.requires_grad_(requires_grad) if data.is_floating_point() else data
        if grad is not None:
            t.grad = decode(grad, False, depth + 1, budget)
        return t
    if tag == "list":
        return [decode(x, rebuild_callables, depth + 1, budget) for x in msg[1]]
    if tag == "tuple":
        return tuple(decode(x, rebuild_callables, depth + 1, budget) for x in msg[1])
    if tag == "iter":
        out = Iterated(decode(x, rebuild_callables, depth + 1, budget) for x in msg[1])
        out.type_name = msg[2]
        return out
    if tag == "dict":
        return {decode(k, rebuild_callables, depth + 1, budget): decode(v, rebuild_callables, depth + 1, budget) for k, v in msg[1]}
    if tag == "ndarray":
        return msg[1].numpy()
    if tag == "npscalar":
        np = _numpy()
        return np.dtype(msg[2]).type(msg[1])
    if tag == "dtype":
        dtype = getattr(torch, str(msg[1]), None)
        if not isinstance(dtype, torch.dtype):
            raise ProtocolError(f"unknown dtype {msg[1]!r}")
        return dtype
    if tag == "device":
        return torch.device(str(msg[1]))
    if tag in ("fn", "gen"):
        if not rebuild_callables:
            return Opaque(tag, "a callable")
        return Fn(msg[1]) if tag == "fn" else Gen(msg[1], msg[2]).build()
    if tag == "opaque":
        handle = msg[3] if len(msg) > 3 and type(msg[3]) is int else None
        return Opaque(printable(msg[1]), printable(msg[2]), handle)
    if tag == "kept":       # only the worker meets it: what it kept earlier
        if not rebuild_callables:
            raise ProtocolError("a kept object comes only from the grader")
        return _kept.get(msg[1], Opaque("object", "no longer kept"))
    raise ProtocolError(f"unknown tag {tag!r}")


def _numpy():
    try:
        import numpy
        return numpy
    except ImportError:
        return None


def _type_name(obj):
    try:
        return type(obj).__name__
    except Exception:
        return "object"


def _safe_repr(obj, limit=200):
    try:
        text = repr(obj)
    except Exception:
        text = "<unprintable>"
    return text if len(text) <= limit else text[:limit] + "..."
