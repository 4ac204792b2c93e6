"""The boundary: values cross as plain data, and nothing a worker sends is ever run."""
import socket

import numpy as np
import torch

from grader.engine import wire


def roundtrip(value, rebuild=False):
    a, b = socket.socketpair()
    with a, b:
        wire.send(a, wire.encode(value))
        return wire.decode(wire.recv(b), rebuild_callables=rebuild)


def test_tensor_keeps_values_dtype_strides_and_grad():
    x = torch.randn(3, 4, dtype=torch.float64).t()
    x.requires_grad_()
    x.grad = torch.ones(4, 3, dtype=torch.float64)
    y = roundtrip(x)
    assert type(y) is torch.Tensor and torch.equal(y, x.detach())
    assert y.stride() == x.stride() and y.requires_grad and torch.equal(y.grad, x.grad)


def test_containers_numbers_and_numpy():
    value = {"a": [1, 2.5, None, "s", True], "b": (torch.arange(3),), "c": np.arange(4.0),
             "d": np.float64(1.5)}
    out = roundtrip(value)
    assert out["a"] == [1, 2.5, None, "s", True] and isinstance(out["b"], tuple)
    assert isinstance(out["c"], np.ndarray) and out["c"].tolist() == [0, 1, 2, 3]
    assert type(out["d"]) is np.float64


def test_a_tensor_subclass_arrives_as_opaque():
    class Sneaky(torch.Tensor):
        pass
    out = roundtrip(torch.zeros(2).as_subclass(Sneaky))
    assert isinstance(out, wire.Opaque) and out.type_name == "Sneaky"


def test_unknown_objects_arrive_as_opaque():
    class Weird:
        def __eq__(self, other):
            return True
    out = roundtrip(Weird())
    assert isinstance(out, wire.Opaque) and out != 1 or out.type_name == "Weird"


def test_the_grader_never_rebuilds_a_callable():
    out = roundtrip(wire.Fn("lambda x: x + 1"))
    assert isinstance(out, wire.Opaque)
    rebuilt = roundtrip(wire.Fn("lambda x: x + 1"), rebuild=True)
    assert rebuilt(1) == 2


def test_a_tuple_that_looks_like_a_tag_stays_a_tuple():
    value = ("fn", "__import__('os').system('false')")
    assert roundtrip(value) == value


def test_a_generator_is_rebuilt_from_its_seed():
    g = roundtrip(wire.Gen(5), rebuild=True)
    assert torch.equal(torch.randn(3, generator=g),
                       torch.randn(3, generator=torch.Generator().manual_seed(5)))


def test_dtypes_and_devices_cross():
    assert roundtrip([torch.float64, torch.device("cpu")]) == [torch.float64, torch.device("cpu")]


def test_an_opaque_value_passed_back_is_the_worker_s_own_object():
    # mlp_forward's cache may be a namedtuple or a dataclass: mlp_backward gets it back
    class Cache:
        pass
    cache = Cache()
    seen_by_grader = roundtrip(cache)
    assert isinstance(seen_by_grader, wire.Opaque) and seen_by_grader.type_name == "Cache"
    assert roundtrip(seen_by_grader, rebuild=True) is cache       # in the worker
    try:                                                           # never in the grader
        roundtrip(seen_by_grader)
    except wire.ProtocolError:
        pass
    else:
        raise AssertionError("the grader accepted a kept object")


def test_a_message_of_shared_references_is_refused_not_decoded_for_ever():
    # a few kB of pickle (each level shares one child) would decode 1000**6 values
    node = ("py", 0)
    for _ in range(6):
        node = ("list", [node] * 1000)
    a, b = socket.socketpair()
    with a, b:
        wire.send(a, node)          # as a forged message: encode() itself would expand it
        message = wire.recv(b)
    try:
        wire.decode(message)
    except wire.ProtocolError as e:
        assert "values in one message" in str(e)
    else:
        raise AssertionError("the bomb was decoded")


def test_control_characters_and_lone_surrogates_from_a_worker_are_escaped():
    text = roundtrip("\x1b[2J\x1b[Hfull marks \ud800\n")
    assert text == "\\x1b[2J\\x1b[Hfull marks \\ud800\n"
