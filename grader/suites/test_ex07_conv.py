"""Hidden checks for ex07_conv: convolution by loops and by unfold, padding, pooling.

Shapes give every axis its own size (N=2, C=3, H=7, W=9, F=4, KH=3, KW=2), so a
swapped axis or a transposed kernel cannot pass by accident.
"""
import pytest
import torch
import torch.nn.functional as F

from .common import SUMS, VALUES, each_function, expect_close, expect_unchanged, \
    expect_vectorised, grades, non_contiguous, randn
from grader.i18n import t

MODULE = "ex07_conv"
X_SHAPE, W_SHAPE = (2, 3, 7, 9), (4, 3, 3, 2)
STRIDE_PADDING = [pytest.param(s, p, id=f"s{s}p{p}") for s, p in [(1, 0), (2, 1), (3, 2)]]
conv_functions = each_function("conv2d_loops", "conv2d_unfold")
SIZE_HINT = t("suite.ex07_conv.size_hint")


def conv_reference(x, w, b, stride=1, padding=0):
    """F.conv2d in float64, rounded to the input's dtype (TF32 cannot touch it)."""
    b64 = None if b is None else b.double()
    return F.conv2d(x.double(), w.double(), b64, stride=stride, padding=padding).to(x.dtype)


def conv_inputs(rng, device="cpu", dtype=torch.float32, x_shape=X_SHAPE, w_shape=W_SHAPE):
    x, w = randn(x_shape, rng, device, dtype), randn(w_shape, rng, device, dtype)
    return x, w, randn(w_shape[:1], rng, device, dtype)


# -- pad2d ------------------------------------------------------------------------
@grades("pad2d")
class TestPad2d:
    @pytest.mark.parametrize("padding", [1, 2])
    def test_matches_f_pad(self, student, rng, device, dtype, padding):
        x = randn(X_SHAPE, rng, device, dtype)
        expect_close(student.pad2d(x, padding), F.pad(x, (padding,) * 4), VALUES,
                     hint=t("suite.ex07_conv.pad2d.matches_f_pad"))

    def test_zero_padding_keeps_values(self, student, rng):
        x = randn(X_SHAPE, rng)
        expect_close(student.pad2d(x, 0), x, VALUES)

    def test_non_contiguous_input(self, student, rng):
        x = non_contiguous(randn(X_SHAPE, rng))
        expect_close(student.pad2d(x, 1), F.pad(x, (1, 1, 1, 1)), VALUES)

    def test_input_unchanged(self, student, rng):
        x = randn(X_SHAPE, rng)
        expect_unchanged(student.run("pad2d", x.clone(), 2), [x], ["x"])


# -- conv2d_loops and conv2d_unfold share the contract of F.conv2d -----------------
@conv_functions
class TestConv:
    @pytest.mark.parametrize("stride,padding", STRIDE_PADDING)
    def test_matches_f_conv2d(self, student, rng, device, dtype, function, stride, padding):
        x, w, b = conv_inputs(rng, device, dtype)
        out = student.run(function, x, w, b, stride=stride, padding=padding).result
        expect_close(out, conv_reference(x, w, b, stride, padding), SUMS, shape_hint=SIZE_HINT)

    def test_bias_none(self, student, rng, function):
        x, w, _ = conv_inputs(rng)
        out = student.run(function, x, w, None, stride=2, padding=1).result
        expect_close(out, conv_reference(x, w, None, 2, 1), SUMS, shape_hint=SIZE_HINT)

    def test_bias_by_keyword_defaults(self, student, rng, function):
        x, w, b = conv_inputs(rng)
        expect_close(student.run(function, x, w, bias=b).result, conv_reference(x, w, b), SUMS,
                     hint=t("suite.ex07_conv.conv.bias_by_keyword_defaults"))

    def test_one_by_one_kernel(self, student, rng, function):
        x, w, b = conv_inputs(rng, w_shape=(5, 3, 1, 1))
        out = student.run(function, x, w, b, stride=2).result
        expect_close(out, conv_reference(x, w, b, 2), SUMS, shape_hint=SIZE_HINT)

    def test_batch_of_one_kernel_covers_padded_input(self, student, rng, function):
        x, w, b = conv_inputs(rng, x_shape=(1, 2, 4, 3), w_shape=(3, 2, 6, 5))
        out = student.run(function, x, w, b, padding=1).result
        expect_close(out, conv_reference(x, w, b, 1, 1), SUMS, shape_hint=SIZE_HINT)

    def test_non_contiguous_input(self, student, rng, function):
        x, w, b = conv_inputs(rng)
        x, w = non_contiguous(x), non_contiguous(w)
        out = student.run(function, x, w, b, stride=1, padding=1).result
        expect_close(out, conv_reference(x, w, b, 1, 1), SUMS)

    def test_inputs_unchanged(self, student, rng, function):
        x, w, b = conv_inputs(rng)
        call = student.run(function, x.clone(), w.clone(), b.clone(), stride=1, padding=2)
        expect_unchanged(call, [x, w, b], ["x", "weight", "bias"])


@grades("conv2d_unfold")
class TestConv2dUnfold:
    def test_vectorised(self, student, rng):
        x_small, w, b = conv_inputs(rng, x_shape=(2, 3, 6, 7))
        x_large = randn((3, 3, 12, 15), rng)
        small = student.run("conv2d_unfold", x_small, w, b, stride=1, padding=1)
        large = student.run("conv2d_unfold", x_large, w, b, stride=1, padding=1)
        expect_vectorised(small, large, "conv2d_unfold")

    def test_differentiable(self, student, rng):
        x, w, b = conv_inputs(rng, dtype=torch.float64)
        grad_out = randn(conv_reference(x, w, b, 2, 1).shape, rng, dtype=torch.float64)
        inputs = [t.clone().requires_grad_() for t in (x, w, b)]
        call = student.run("conv2d_unfold", *inputs, stride=2, padding=1, backward=grad_out)
        reference = [t.clone().requires_grad_() for t in (x, w, b)]
        F.conv2d(*reference, stride=2, padding=1).backward(grad_out)
        for name, got, want in zip(("x", "weight", "bias"), call.args, reference):
            if got.grad is None:
                raise AssertionError(t("suite.ex07_conv.conv2d_unfold.no_gradient", name=name))
            expect_close(got.grad, want.grad, VALUES,
                         what=t("suite.ex07_conv.conv2d_unfold.the_gradient_of", name=name))


# -- max_pool2d ---------------------------------------------------------------------
@grades("max_pool2d")
class TestMaxPool2d:
    @pytest.mark.parametrize("kernel_size,stride", [(2, 2), (3, 2), (2, 3)])
    def test_matches_f_max_pool2d(self, student, rng, device, dtype, kernel_size, stride):
        x = randn(X_SHAPE, rng, device, dtype)
        expect_close(student.max_pool2d(x, kernel_size, stride),
                     F.max_pool2d(x, kernel_size, stride), VALUES,
                     hint=t("suite.ex07_conv.max_pool2d.matches_f_max_pool2d"))

    def test_stride_defaults_to_kernel_size(self, student, rng):
        x = randn(X_SHAPE, rng)
        expect_close(student.max_pool2d(x, 3), F.max_pool2d(x, 3), VALUES)

    def test_all_negative_input(self, student, rng):
        x = -randn(X_SHAPE, rng).abs() - 1
        expect_close(student.max_pool2d(x, 2), F.max_pool2d(x, 2), VALUES,
                     hint=t("suite.ex07_conv.max_pool2d.all_negative_input"))

    def test_non_contiguous_input(self, student, rng):
        x = non_contiguous(randn(X_SHAPE, rng))
        expect_close(student.max_pool2d(x, 2, 1), F.max_pool2d(x, 2, 1), VALUES)

    def test_input_unchanged(self, student, rng):
        x = randn(X_SHAPE, rng)
        expect_unchanged(student.run("max_pool2d", x.clone(), 2), [x], ["x"])

    def test_vectorised(self, student, rng):
        small = student.run("max_pool2d", randn((2, 3, 6, 8), rng), 2)
        large = student.run("max_pool2d", randn((3, 3, 14, 18), rng), 2)
        expect_vectorised(small, large, "max_pool2d")
