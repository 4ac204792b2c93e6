"""Public checks for ex01_tensors: small worked examples, shipped to students.

`make grade` runs these; the instructor's grade also runs hidden checks (other
shapes, dtypes, devices and edge cases), so passing them is the start, not the end.
"""
import pytest
import torch
import torch.nn.functional as F

from .common import expect_close, expect_float, grades
from grader.i18n import t

MODULE = "ex01_tensors"
pytestmark = pytest.mark.public
EXACT = (0, 0)
# 4 rows of 3 classes, no ties: the argmax of the rows is [1, 0, 2, 2]
LOGITS = torch.tensor([[1.0, 3.0, 0.0], [2.0, 0.0, 1.0], [0.0, 1.0, 5.0], [4.0, 2.0, 9.0]])
LABELS = torch.tensor([1, 0, 1, 0])


@grades("flatten_images")
def test_example_arange_images(student):
    x = torch.arange(24.0).reshape(2, 3, 2, 2)
    expect_close(student.flatten_images(x), x.reshape(2, -1), EXACT,
                 hint=t("suite.ex01_tensors.public.one_row_per_image"))


@grades("add_channel_bias")
def test_example_bias_per_channel(student):
    x = torch.arange(12.0).reshape(1, 3, 2, 2)
    bias = torch.tensor([10.0, 20.0, 30.0])
    expect_close(student.add_channel_bias(x, bias), x + bias[:, None, None], EXACT,
                 hint=t("suite.ex01_tensors.public.bias_per_channel"))


@grades("one_hot")
def test_example_four_classes(student):
    labels = torch.tensor([2, 0, 1])   # class 3 never occurs: the width is still 4
    expect_close(student.one_hot(labels, 4), F.one_hot(labels, 4).float(), EXACT,
                 what="one_hot([2, 0, 1], 4)", hint=t("suite.ex01_tensors.public.float32_one_hot"))


@grades("accuracy")
def test_example_three_of_four(student):
    expected = (LOGITS.argmax(1) == LABELS).float().mean().item()
    expect_float(student.accuracy(LOGITS, LABELS), expected, what="accuracy")


@grades("topk_accuracy")
@pytest.mark.parametrize("k", [1, 2])
def test_example_top_k(student, k):
    hits = (LOGITS.topk(k, dim=1).indices == LABELS[:, None]).any(1)
    expect_float(student.topk_accuracy(LOGITS, LABELS, k), hits.float().mean().item(),
                 what=t("suite.ex01_tensors.public.topk_with_k", k=k))
