"""Public checks for ex05_softmax: small worked examples, shipped to students.

`make grade` runs these; the instructor's grade also runs hidden checks (every
dimension of larger tensors, logits of +-1e4, other layouts, dtypes and devices).
"""
import math

import pytest
import torch
import torch.nn.functional as F

from .common import GRADS, VALUES, expect_close, grades
from grader.i18n import t

MODULE = "ex05_softmax"
pytestmark = pytest.mark.public
LOGITS = torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [2.0, -1.0, 0.5]])
LABELS = torch.tensor([2, 0, 1])


@grades("softmax")
class TestSoftmax:
    @pytest.mark.parametrize("dim", [0, 1], ids=["dim0", "dim1"])
    def test_example_three_by_three(self, student, dim):
        expect_close(student.softmax(LOGITS, dim=dim), F.softmax(LOGITS.double(), dim).float(),
                     VALUES, hint=t("suite.ex05_softmax.public.slice_sums_to_one", dim=dim))


@grades("log_softmax")
class TestLogSoftmax:
    @pytest.mark.parametrize("dim", [0, 1], ids=["dim0", "dim1"])
    def test_example_three_by_three(self, student, dim):
        expect_close(student.log_softmax(LOGITS, dim=dim),
                     F.log_softmax(LOGITS.double(), dim).float(), VALUES,
                     hint=t("suite.ex05_softmax.public.log_softmax_along", dim=dim))


@grades("softmax_jacobian")
class TestSoftmaxJacobian:
    def test_example_four_classes(self, student):
        o = torch.tensor([1.0, -1.0, 0.0, 2.0], dtype=torch.float64)
        expected = torch.autograd.functional.jacobian(lambda t: F.softmax(t, dim=0), o)
        expect_close(student.softmax_jacobian(F.softmax(o, dim=0)), expected, GRADS,
                     what=t("suite.ex05_softmax.public.the_jacobian"),
                     hint="J[i, j] = p_i * (delta_ij - p_j)")


@grades("softmax_backward")
class TestSoftmaxBackward:
    def test_example_rows(self, student):
        o = LOGITS.double().requires_grad_()
        grad_out = torch.tensor([[1.0, 0.0, -1.0], [0.5, 0.5, 2.0], [0.0, 3.0, 1.0]])
        p = F.softmax(o, dim=-1)
        p.backward(grad_out.double())
        expect_close(student.softmax_backward(grad_out, p.detach().float(), dim=-1),
                     o.grad.float(), GRADS, what="dL/dlogits",
                     hint=t("suite.ex05_softmax.public.softmax_vjp"))


@grades("cross_entropy")
class TestCrossEntropy:
    def test_example_three_rows(self, student):
        expected = F.cross_entropy(LOGITS.double(), LABELS).float()
        expect_close(student.cross_entropy(LOGITS, LABELS), expected, VALUES,
                     what=t("suite.ex05_softmax.public.the_loss"),
                     hint=t("suite.ex05_softmax.public.mean_over_rows"))


@grades("cross_entropy_backward")
class TestCrossEntropyBackward:
    def test_example_three_rows(self, student):
        x = LOGITS.double().requires_grad_()
        F.cross_entropy(x, LABELS).backward()
        expect_close(student.cross_entropy_backward(LOGITS, LABELS), x.grad.float(), GRADS,
                     what="dL/dlogits", hint="(softmax(o) - one_hot(y)) / N")


@grades("cross_entropy_numpy")
class TestCrossEntropyNumpy:
    def test_example_three_rows(self, student):
        logits, labels = LOGITS.double().numpy(), LABELS.numpy()
        got = student.cross_entropy_numpy(logits, labels)
        expected = F.cross_entropy(LOGITS.double(), LABELS).item()
        if not isinstance(got, float) or not math.isclose(got, expected, rel_tol=1e-10):
            raise AssertionError(t("suite.ex05_softmax.public.numpy_loss", got=repr(got),
                                   expected=repr(expected)))
