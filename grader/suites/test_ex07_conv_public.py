"""Public checks for ex07_conv: small worked examples, shipped to students.

`make grade` runs these; the instructor's grade also runs hidden checks (other
shapes, strides, paddings, layouts, dtypes, devices, gradients and vectorisation).
"""
import pytest
import torch
import torch.nn.functional as F

from .common import SUMS, VALUES, each_function, expect_close, grades
from grader.i18n import t

MODULE = "ex07_conv"
pytestmark = pytest.mark.public
# one image of 2 channels, 4 x 5; 3 filters of 2 x 3
X = torch.arange(40.0).reshape(1, 2, 4, 5) / 10
WEIGHT = (torch.arange(36.0).reshape(3, 2, 2, 3) % 5 - 2) / 4
BIAS = torch.tensor([0.1, -0.2, 0.3])


@grades("pad2d")
def test_example_one_image(student):
    x = torch.arange(6.0).reshape(1, 1, 2, 3)
    expect_close(student.pad2d(x, 1), F.pad(x, (1, 1, 1, 1)), VALUES,
                 hint=t("suite.ex07_conv.public.pad2d.example_one_image"))


@each_function("conv2d_loops", "conv2d_unfold")
@pytest.mark.parametrize("stride,padding", [(1, 0), (2, 1)], ids=["s1p0", "s2p1"])
def test_example_small_image(student, function, stride, padding):
    expected = F.conv2d(X.double(), WEIGHT.double(), BIAS.double(), stride=stride,
                        padding=padding).float()
    out = student.run(function, X, WEIGHT, BIAS, stride=stride, padding=padding).result
    expect_close(out, expected, SUMS, hint=t("suite.ex07_conv.public.conv.example_small_image"))


@grades("max_pool2d")
def test_example_scrambled_values(student):
    x = ((torch.arange(48.0) * 7) % 11 - 5).reshape(1, 2, 4, 6)
    expect_close(student.max_pool2d(x, 2), F.max_pool2d(x, 2), VALUES,
                 hint=t("suite.ex07_conv.public.max_pool2d.example_scrambled_values"))
