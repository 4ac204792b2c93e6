"""Hidden checks for ex01_tensors: reshape, broadcasting, one-hot, accuracy.

Shapes give every axis its own size (B=2, C=3, H=4, W=5; N=7 rows of 5 classes), so
a swapped axis or a bias lined up with the wrong dimension cannot pass by accident.
Ties use small-integer logits, so equal scores are exactly equal.
"""
import pytest
import torch

from .common import VALUES, describe, expect_close, expect_raises, expect_float, expect_tensor, \
    expect_unchanged, grades, non_contiguous, randn
from grader.i18n import t

MODULE = "ex01_tensors"
B, C, H, W = 2, 3, 4, 5
IMAGES = (B, C, H, W)
N, K = 7, 5          # rows and classes of the classification checks
EXACT = (0, 0)


def value_of(result, what):
    """The number a scoring function returned (a tensor is accepted here; the type has
    its own check), so a wrong type does not also cost the value checks."""
    if isinstance(result, torch.Tensor) and result.numel() == 1:
        return float(result.item())
    if isinstance(result, (int, float)) and not isinstance(result, bool):
        return float(result)
    raise AssertionError(t("suite.ex01_tensors.not_a_number", what=what, got=describe(result)))


def expect_fraction(result, expected, what, hint=""):
    got = value_of(result, what)
    if abs(got - expected) > 1e-6:
        raise AssertionError(t("suite.ex01_tensors.fraction_differs", what=what, got=repr(got),
                               expected=repr(expected)) + (f"\n{hint}" if hint else ""))


def expect_value_error(call, what):
    """``call()`` must raise ValueError in the student's code (nothing else, not nothing)."""
    expect_raises(call, "ValueError", what, t("suite.ex01_tensors.value_error_hint"))


# -- flatten_images -------------------------------------------------------------------
@grades("flatten_images")
class TestFlattenImages:
    def test_matches_reshape(self, student, rng, device, dtype):
        x = randn(IMAGES, rng, device, dtype)
        expect_close(student.flatten_images(x), x.reshape(B, -1), EXACT,
                     hint=t("suite.ex01_tensors.flatten_images.matches_reshape"))

    def test_integer_images(self, student, device):
        x = torch.arange(B * C * H * W, device=device).reshape(IMAGES)
        expect_close(student.flatten_images(x), x.reshape(B, -1), EXACT,
                     hint=t("suite.ex01_tensors.flatten_images.integer_images"))

    def test_non_contiguous_input(self, student, rng):
        x = non_contiguous(randn(IMAGES, rng))
        expect_close(student.flatten_images(x), x.reshape(B, -1), EXACT,
                     hint=t("suite.ex01_tensors.flatten_images.non_contiguous_input"))

    def test_input_unchanged(self, student, rng):
        x = randn(IMAGES, rng)
        expect_unchanged(student.run("flatten_images", x.clone()), [x], ["x"])


# -- add_channel_bias -----------------------------------------------------------------
def bias_reference(x, bias):
    return (x.double() + bias.double().reshape(-1, 1, 1)).to(x.dtype)


@grades("add_channel_bias")
class TestAddChannelBias:
    def test_matches_broadcast(self, student, rng, device, dtype):
        x, bias = randn(IMAGES, rng, device, dtype), randn((C,), rng, device, dtype)
        expect_close(student.add_channel_bias(x, bias), bias_reference(x, bias), VALUES,
                     hint=t("suite.ex01_tensors.add_channel_bias.matches_broadcast"))

    def test_zero_images_give_the_bias(self, student, rng):
        x, bias = torch.zeros(IMAGES), randn((C,), rng)
        expect_close(student.add_channel_bias(x, bias), bias_reference(x, bias), VALUES,
                     hint=t("suite.ex01_tensors.add_channel_bias.zero_images_give_the_bias"))

    def test_non_contiguous_inputs(self, student, rng):
        x = non_contiguous(randn(IMAGES, rng))
        bias = randn((2 * C,), rng)[::2]      # every other element: a strided vector
        expect_close(student.add_channel_bias(x, bias), bias_reference(x, bias), VALUES,
                     hint=t("suite.ex01_tensors.add_channel_bias.non_contiguous_inputs"))

    def test_inputs_unchanged(self, student, rng):
        x, bias = randn(IMAGES, rng), randn((C,), rng)
        call = student.run("add_channel_bias", x.clone(), bias.clone())
        expect_unchanged(call, [x, bias], ["x", "bias"])


# -- one_hot ----------------------------------------------------------------------------
LABELS = [3, 0, 2, 2, 0, 1, 3]      # N = 7; class 4 and 5 of 6 never occur


def one_hot_reference(labels, num_classes):
    return torch.eye(num_classes, device=labels.device)[labels]


@grades("one_hot")
class TestOneHot:
    def test_matches_identity_rows(self, student, rng, device):
        # classes 4 and 5 never occur: the width is num_classes, not labels.max() + 1
        labels = torch.randint(0, 4, (len(LABELS),), generator=rng).to(device)
        out = student.one_hot(labels, 6)
        expect_tensor(out, shape=(len(LABELS), 6), device=labels.device,
                      what="one_hot(labels [7], num_classes=6)")
        expect_close(out.float(), one_hot_reference(labels, 6), EXACT,
                     hint=t("suite.ex01_tensors.one_hot.matches_identity_rows"))

    def test_float32_on_labels_device(self, student, device):
        labels = torch.tensor(LABELS, device=device)
        # labels.device, not the fixture: torch.device("cuda") != torch.device("cuda:0")
        expect_tensor(student.one_hot(labels, 6), dtype=torch.float32, device=labels.device,
                      what=t("suite.ex01_tensors.one_hot.the_one_hot_tensor"))

    def test_single_class(self, student):
        labels = torch.zeros(4, dtype=torch.long)
        expect_close(student.one_hot(labels, 1).float(), torch.ones(4, 1), EXACT,
                     hint=t("suite.ex01_tensors.one_hot.single_class"))

    def test_negative_label_raises_value_error(self, student):
        labels = torch.tensor([1, 0, -1, 2])
        expect_value_error(lambda: student.one_hot(labels, 3), "one_hot([1, 0, -1, 2], 3)")

    @pytest.mark.parametrize("bad", [3, 5], ids=["equal", "above"])
    def test_too_large_label_raises_value_error(self, student, bad):
        labels = torch.tensor([1, 0, bad, 2])
        expect_value_error(lambda: student.one_hot(labels, 3), f"one_hot([1, 0, {bad}, 2], 3)")

    def test_labels_unchanged(self, student):
        labels = torch.tensor(LABELS)
        expect_unchanged(student.run("one_hot", labels.clone(), 6), [labels], ["labels"])


# -- accuracy and topk_accuracy ---------------------------------------------------------
def scored_rows(rng, device="cpu", dtype=torch.float32, right=(0, 2, 3, 6)):
    """Random logits [N, K] (no ties) and labels right exactly in the rows ``right``."""
    logits = randn((N, K), rng, device, dtype)
    best = logits.argmax(1)
    labels = (best + 1 + torch.arange(N, device=device) % (K - 1)) % K
    rows = torch.tensor(right, dtype=torch.long, device=device)
    labels[rows] = best[rows]
    return logits, labels


# integer logits with ties at the top (accuracy) and at the k-th place (topk)
TIE_LOGITS = [[2., 5., 5., 1., 0.],      # 1 and 2 share the maximum
              [4., 4., 1., 4., 3.],      # 0, 1 and 3 share the maximum
              [0., 3., 1., 3., 3.],
              [1., 2., 2., 6., 2.],      # 3 alone on top, 1, 2, 4 share second place
              [7., 0., 0., 0., 0.],
              [3., 3., 0., 1., 2.],
              [2., 2., 2., 2., 2.]]      # all equal


def topk_reference(logits, labels, k):
    true = logits.gather(1, labels[:, None])
    return ((logits > true).sum(1) < k).sum().item() / len(labels)


@grades("accuracy")
class TestAccuracy:
    def test_matches_argmax_count(self, student, rng, device, dtype):
        logits, labels = scored_rows(rng, device, dtype)
        expect_fraction(student.accuracy(logits, labels), 4 / 7, "accuracy",
                        hint=t("suite.ex01_tensors.accuracy.matches_argmax_count"))

    def test_returns_python_float(self, student, rng):
        logits, labels = scored_rows(rng)
        expect_float(student.accuracy(logits, labels), 4 / 7, rel=1e-6, what="accuracy")

    @pytest.mark.parametrize("right", [tuple(range(N)), ()], ids=["all_right", "all_wrong"])
    def test_all_right_or_all_wrong(self, student, rng, right):
        logits, labels = scored_rows(rng, right=right)
        expect_fraction(student.accuracy(logits, labels), len(right) / N, "accuracy")

    def test_ties_go_to_the_lowest_index(self, student, dtype):
        logits = torch.tensor(TIE_LOGITS, dtype=dtype)
        labels = torch.tensor([2, 0, 1, 3, 0, 1, 4])   # rows 1 to 4 count
        expect_fraction(student.accuracy(logits, labels), 4 / 7, "accuracy",
                        hint=t("suite.ex01_tensors.accuracy.ties_go_to_the_lowest_index"))

    def test_inputs_unchanged(self, student, rng):
        logits, labels = scored_rows(rng)
        call = student.run("accuracy", logits.clone(), labels.clone())
        expect_unchanged(call, [logits, labels], ["logits", "labels"])


@grades("topk_accuracy")
class TestTopkAccuracy:
    @pytest.mark.parametrize("k", [1, 2, 3])
    def test_matches_rank_count(self, student, rng, device, dtype, k):
        logits = randn((N, K), rng, device, dtype)
        labels = torch.randint(0, K, (N,), generator=rng).to(device)
        expect_fraction(student.topk_accuracy(logits, labels, k),
                        topk_reference(logits, labels, k), t("suite.ex01_tensors.topk_with_k", k=k),
                        hint=t("suite.ex01_tensors.topk_accuracy.matches_rank_count"))

    def test_returns_python_float(self, student, rng):
        logits = randn((N, K), rng)
        labels = torch.randint(0, K, (N,), generator=rng)
        expect_float(student.topk_accuracy(logits, labels, 2), topk_reference(logits, labels, 2),
                     rel=1e-6, what="topk_accuracy")

    @pytest.mark.parametrize("k", [1, 2])
    def test_ties_count_generously(self, student, dtype, k):
        logits = torch.tensor(TIE_LOGITS, dtype=dtype)
        labels = torch.tensor([2, 3, 4, 4, 3, 1, 4])
        expect_fraction(student.topk_accuracy(logits, labels, k),
                        topk_reference(logits, labels, k), t("suite.ex01_tensors.topk_with_k", k=k),
                        hint=t("suite.ex01_tensors.topk_accuracy.ties_count_generously"))

    @pytest.mark.parametrize("k", [K, K + 3], ids=["k_equals_C", "k_above_C"])
    def test_k_at_least_classes_accepts_all(self, student, rng, k):
        logits = randn((N, K), rng)
        labels = torch.randint(0, K, (N,), generator=rng)
        expect_fraction(student.topk_accuracy(logits, labels, k), 1.0,
                        t("suite.ex01_tensors.topk_with_k_and_classes", k=k, classes=K),
                        hint=t("suite.ex01_tensors.topk_accuracy.k_at_least_classes_accepts_all"))

    def test_inputs_unchanged(self, student, rng):
        logits = randn((N, K), rng)
        labels = torch.randint(0, K, (N,), generator=rng)
        call = student.run("topk_accuracy", logits.clone(), labels.clone(), 2)
        expect_unchanged(call, [logits, labels], ["logits", "labels"])
